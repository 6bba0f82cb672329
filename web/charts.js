// The dashboard's charts, drawn as SVG at the width they are shown in (so that text is drawn at
// its real size: 12–13 px on a 360 px phone as on a desktop) and redrawn when that width
// changes: category bars (a name above each group of bars, the number at the end of each bar,
// an axis with ticks and grid lines) and time columns (a y axis with ticks, dates under the
// x axis, the numbers over the columns when they fit, else over each series' highest column,
// in the series' colour).
// Loaded only by the dashboard (ADR 33: why hand-drawn and not a chart library).

const SVG = 'http://www.w3.org/2000/svg';
const MIN_WIDTH = 260;
const MAX_WIDTH = 760;

function el(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) node.setAttribute(k, String(v));
  if (text != null) node.textContent = text;
  return node;
}

/** Round tick steps (1, 2, 5 × 10^k, never below 1) from 0 to at least max, about `count` of them. */
export function ticks(max, count) {
  const top = Math.max(1, max);
  const rough = top / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const out = [];
  for (let v = 0; v < top + step; v += step) {
    out.push(v);
    if (v >= top) break;
  }
  return out;
}

const widthOf = (box) => Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, box.clientWidth || 320)));

function svgOf(width, height, className) {
  return el('svg', {
    viewBox: `0 0 ${width} ${height}`, width, height, class: `chart ${className}`, 'aria-hidden': 'true', focusable: 'false',
    preserveAspectRatio: 'xMinYMin meet',
  });
}

/**
 * Horizontal bars by category. items: [{ label: text, values: [n…] }]; format: number → text.
 * Each category's name is on its own line above its bars, so long names are never cut.
 */
export function categoryBars(box, items, format) {
  const width = widthOf(box);
  const series = items[0]?.values.length ?? 1;
  const barH = 14;
  const labelH = 18;
  const groupH = labelH + series * (barH + 3) + 10;
  const valueW = 8 + 7.5 * Math.max(1, ...items.flatMap((i) => i.values.map((v) => format(v).length)));
  const plotW = width - valueW - 2;
  const axisH = 26;
  const height = items.length * groupH + axisH;
  const scale = ticks(Math.max(...items.flatMap((i) => i.values)), Math.max(2, Math.floor(plotW / 70)));
  const top = scale[scale.length - 1];
  const x = (v) => (v / top) * plotW;
  const svg = svgOf(width, height, 'chart-bars');
  const plotH = items.length * groupH;
  // grid lines and the axis with its ticks, under the bars
  for (const t of scale) {
    svg.append(el('line', { x1: x(t) + 0.5, x2: x(t) + 0.5, y1: 0, y2: plotH, class: t ? 'grid' : 'axis' }));
    svg.append(el('line', { x1: x(t) + 0.5, x2: x(t) + 0.5, y1: plotH, y2: plotH + 5, class: 'axis' }));
    svg.append(el('text', { x: Math.min(x(t), plotW), y: plotH + 18, class: 'tick', 'text-anchor': t === 0 ? 'start' : 'middle' }, format(t)));
  }
  svg.append(el('line', { x1: 0, x2: plotW, y1: plotH + 0.5, y2: plotH + 0.5, class: 'axis' }));
  items.forEach((item, i) => {
    const y0 = i * groupH;
    svg.append(el('text', { x: 0, y: y0 + 13, class: 'category' }, item.label));
    item.values.forEach((v, s) => {
      const y = y0 + labelH + s * (barH + 3);
      const w = v > 0 ? Math.max(2, x(v)) : 0;
      svg.append(el('rect', { x: 0, y, width: w, height: barH, class: `series-${s}` }));
      svg.append(el('text', { x: w + 4, y: y + barH - 3, class: 'value' }, format(v)));
    });
  });
  return svg;
}

/**
 * Columns over time. items: [{ date: 'YYYY-MM-DD', values: [n…] }]; dateLabel: iso → short text.
 * The plot is a fixed, modest height with the y axis up to a round number just above the
 * highest value, so a quiet period still shows its days rather than a line at the bottom.
 */
export function timeColumns(box, items, format, dateLabel) {
  const width = widthOf(box);
  const series = items[0]?.values.length ?? 1;
  const max = Math.max(...items.flatMap((i) => i.values));
  const scale = ticks(max, 4);
  const top = scale[scale.length - 1];
  const left = 10 + 7.5 * Math.max(...scale.map((t) => format(t).length));
  // room over the plot for the numbers (over each other when the series are drawn over each other)
  const plotTop = 8 + 13 * Math.min(series, 2);
  const plotH = 170;
  const bottom = 30;
  const plotW = width - left - 4;
  const height = plotTop + plotH + bottom;
  const y = (v) => plotTop + plotH - (v / top) * plotH;
  const svg = svgOf(width, height, 'chart-columns');
  for (const t of scale) {
    svg.append(el('line', { x1: left, x2: left + plotW, y1: Math.round(y(t)) + 0.5, y2: Math.round(y(t)) + 0.5, class: t ? 'grid' : 'axis' }));
    svg.append(el('text', { x: left - 6, y: y(t) + 4, class: 'tick', 'text-anchor': 'end' }, format(t)));
  }
  svg.append(el('line', { x1: left + 0.5, x2: left + 0.5, y1: plotTop, y2: plotTop + plotH, class: 'axis' }));
  const slot = plotW / Math.max(1, items.length);
  // side by side while each column is at least 4 px wide; else drawn over each other, narrower
  const grouped = (slot * 0.8) / series >= 4;
  const columnW = grouped ? (slot * 0.8) / series : slot * 0.8;
  const labelAll = grouped && columnW >= 16;
  const peaks = Array.from({ length: series }, (_, s) => items.reduce((best, item, i) => (item.values[s] > (items[best]?.values[s] ?? -1) ? i : best), 0));
  const heightOf = (v) => (v > 0 ? Math.max(2, plotTop + plotH - y(v)) : 0);
  items.forEach((item, i) => {
    const x0 = left + i * slot + slot * 0.1;
    // drawn over each other, the numbers of a day stand over its tallest column, one above the other
    const tallest = Math.max(...item.values.map(heightOf));
    let stacked = 0;
    item.values.forEach((v, s) => {
      const w = grouped ? columnW : columnW * (1 - s / (series + 1));
      const x = grouped ? x0 + s * columnW : x0 + (columnW - w) / 2;
      const h = heightOf(v);
      svg.append(el('rect', { x, y: plotTop + plotH - h, width: Math.max(1, w - (grouped ? 1 : 0)), height: h, class: `series-${s}` }));
      if (v > 0 && (labelAll || peaks[s] === i)) {
        const over = grouped ? h : tallest + 13 * stacked++;
        svg.append(el('text', {
          x: Math.min(Math.max(x + w / 2, left + 8), left + plotW - 8), y: plotTop + plotH - over - 4,
          class: `value value-${s}`, 'text-anchor': 'middle',
        }, format(v)));
      }
    });
  });
  // dates under the axis, at least 64 px apart, the last day always named
  const every = Math.max(1, Math.ceil(64 / slot));
  items.forEach((item, i) => {
    if ((items.length - 1 - i) % every) return;
    const cx = left + i * slot + slot / 2;
    svg.append(el('line', { x1: cx, x2: cx, y1: plotTop + plotH, y2: plotTop + plotH + 5, class: 'axis' }));
    const anchor = cx < left + 30 ? 'start' : cx > left + plotW - 30 ? 'end' : 'middle';
    svg.append(el('text', { x: cx, y: plotTop + plotH + 19, class: 'tick', 'text-anchor': anchor }, dateLabel(item.date)));
  });
  return svg;
}
