// The programme dashboard (#/dashboard, issue 9) for reviewers and admins of a tenant: headline
// numbers and four charts — registrations per day, seat use per provider, mentoring sessions
// per week, laptops per district — each drawn as inline SVG by charts.js (names, axes with
// ticks and the numbers, at the width shown; nothing fetched from elsewhere) and each with the
// same numbers as a table for screen readers and for reading.
// The month's figures and de-identified extract download as CSV (UTF-8 with BOM).

import {
  CATEGORY_KEYS, DISTRICT_KEYS, LEVEL_KEYS, h, heading, homeLink, pageTitle, seoulToday, showFailed, showLoading,
  showProblem, useContext,
} from './ui.js';
import { categoryBars, timeColumns } from './charts.js';

const PERIODS = [7, 30, 90];
// The counts of the last school-year rollover run shown (docs/adr/0041).
const ROLLOVER_COUNTS = {
  seen: 'dashboard.rollover.seen',
  movedUp: 'dashboard.rollover.movedUp',
  levelChanged: 'dashboard.rollover.levelChanged',
  expired: 'dashboard.rollover.expired',
  graduated: 'dashboard.rollover.graduated',
  ageNoticed: 'dashboard.rollover.ageNoticed',
  agedOut: 'dashboard.rollover.agedOut',
  failed: 'dashboard.rollover.failed',
};
// The headline numbers of the API's answer, each with its label.
const HEADLINE = {
  applicationsSubmitted: 'dashboard.headline.applicationsSubmitted',
  applicationsApproved: 'dashboard.headline.applicationsApproved',
  applicationsRejected: 'dashboard.headline.applicationsRejected',
  averageHoursToDecision: 'dashboard.headline.averageHoursToDecision',
  seatsUsed: 'dashboard.headline.seatsUsed',
  seatsFree: 'dashboard.headline.seatsFree',
  seatsWaitlisted: 'dashboard.headline.seatsWaitlisted',
  mentoringRequested: 'dashboard.headline.mentoringRequested',
  mentoringMatched: 'dashboard.headline.mentoringMatched',
  sessionsHeld: 'dashboard.headline.sessionsHeld',
  laptopsLoaned: 'dashboard.headline.laptopsLoaned',
  laptopsWaiting: 'dashboard.headline.laptopsWaiting',
  remindersSent: 'dashboard.headline.remindersSent',
};

let ctx = null;
let host = null;
let days = 30;
// The charts on the page, drawn once their figure is placed: [{ box, items, time, n }].
let drawings = [];
let lastData = null;
let widthShown = 0;

export function enter(context, root) {
  ctx = context;
  host = root;
  useContext(ctx);
  pageTitle('dashboard.title');
  const groups = ctx.me().groups ?? [];
  if (!groups.includes('reviewers') && !groups.includes('admins')) {
    host.replaceChildren(heading('dashboard.title'), h('p', { i18n: 'dashboard.notStaff' }), homeLink());
    ctx.arrived(host);
    return {};
  }
  show(true);
  const resized = () => {
    const width = host.clientWidth;
    if (Math.abs(width - widthShown) < 8) return;
    widthShown = width;
    drawCharts();
  };
  window.addEventListener('resize', resized);
  // printing draws at the paper's width, and at the screen's again after
  window.addEventListener('beforeprint', drawCharts);
  window.addEventListener('afterprint', drawCharts);
  return {
    languageChanged() {
      if (lastData && ctx.current()) render(lastData);
    },
    leave() {
      window.removeEventListener('resize', resized);
      window.removeEventListener('beforeprint', drawCharts);
      window.removeEventListener('afterprint', drawCharts);
    },
  };
}

function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function show(first) {
  const to = seoulToday();
  const from = addDays(to, -(days - 1));
  if (first) showLoading(host, heading('dashboard.title'));
  const answer = await ctx.api('GET', `/admin/dashboard?from=${from}&to=${to}`);
  if (answer.stale) return;
  if (!answer.ok) return showFailed(host, 'dashboard.title', answer, { keepTitle: true });
  render(answer.data);
  if (first) ctx.arrived(host);
}

function render(d) {
  lastData = d;
  drawings = [];
  const n = (v) => (v == null ? '–' : new Intl.NumberFormat(ctx.locale()).format(v));
  const period = h('label', { for: 'period', i18n: 'dashboard.period' });
  const select = h('select', { id: 'period', onchange: (e) => { days = Number(e.target.value); show(false); } },
    PERIODS.map((p) => h('option', { value: p, selected: p === days, i18n: 'dashboard.lastDays', args: { n: p } })));
  const headline = h('dl', { class: 'facts dashboard-headline', id: 'headline' }, Object.entries(HEADLINE).map(([k, key]) =>
    h('div', {}, h('dt', { i18n: key }), h('dd', { id: `headline-${k}` }, n(d.headline[k])))));

  const registrations = chart('registrations', 'dashboard.chart.registrations',
    d.registrationsPerDay.map((r) => ({ label: { date: r.day }, values: [r.submitted, r.approved] })),
    ['dashboard.series.submitted', 'dashboard.series.approved'], n,
    { extra: (r, i) => categories(d.registrationsPerDay[i].byCategory), time: true });
  const seats = chart('seats', 'dashboard.chart.seats',
    d.seats.map((s) => ({ label: { text: ctx.language() === 'ko' ? s.nameKo : s.nameEn }, values: [s.used, s.free, s.waitlisted] })),
    ['dashboard.series.used', 'dashboard.series.free', 'dashboard.series.waitlisted'], n);
  const sessions = chart('sessions', 'dashboard.chart.sessions',
    d.sessionsPerWeek.map((w) => ({ label: { date: w.weekOf }, values: [w.booked, w.held, w.noShow, w.cancelled] })),
    ['dashboard.series.booked', 'dashboard.series.held', 'dashboard.series.noShow', 'dashboard.series.cancelled'], n, { time: true });
  const laptops = chart('laptops', 'dashboard.chart.laptops',
    d.laptops.filter((l) => l.loaned || l.waiting || l.reserved || l.inStock).map((l) => ({
      label: DISTRICT_KEYS[l.district] ? { key: DISTRICT_KEYS[l.district] } : { text: l.district },
      values: [l.loaned, l.reserved, l.waiting, l.inStock],
    })),
    ['dashboard.series.loaned', 'dashboard.series.reserved', 'dashboard.series.waiting', 'dashboard.series.inStock'], n);
  const learners = h('section', { 'aria-labelledby': 'learners-title' },
    h('h2', { id: 'learners-title', i18n: 'dashboard.learners' }),
    h('table', { class: 'table', id: 'learners-table' },
      h('caption', { class: 'visually-hidden', i18n: 'dashboard.learners' }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', i18n: 'dashboard.group' }), h('th', { scope: 'col', class: 'number', i18n: 'dashboard.count' }))),
      h('tbody', {},
        Object.entries(d.learners.byLevel).map(([k, v]) => row(LEVEL_KEYS[k] ? { key: LEVEL_KEYS[k] } : { text: k }, n(v))),
        Object.entries(d.learners.byDistrict).map(([k, v]) => row(DISTRICT_KEYS[k] ? { key: DISTRICT_KEYS[k] } : { text: k }, n(v))))));

  // the last school-year rollover run (counts only): moves on 1 March, ended participations, notices
  const rollover = h('section', { 'aria-labelledby': 'rollover-title', id: 'rollover' },
    h('h2', { id: 'rollover-title', i18n: 'dashboard.rollover' }),
    d.rollover
      ? [h('p', { class: 'hint', id: 'rollover-day', i18n: 'dashboard.rollover.day', args: { day: { date: d.rollover.day } } }),
        h('dl', { class: 'facts', id: 'rollover-counts' }, Object.entries(ROLLOVER_COUNTS).map(([k, key]) =>
          h('div', {}, h('dt', { i18n: key }), h('dd', { id: `rollover-${k}` }, n(d.rollover.counts[k])))))]
      : h('p', { class: 'hint', id: 'rollover-none', i18n: 'dashboard.rollover.none' }));

  const month = seoulToday().slice(0, 7);
  const downloads = h('section', { 'aria-labelledby': 'downloads-title' },
    h('h2', { id: 'downloads-title', i18n: 'dashboard.downloads' }),
    h('p', { i18n: 'dashboard.downloadsHint' }),
    h('ul', { class: 'next-steps' },
      h('li', {}, h('button', { type: 'button', class: 'button button-secondary', id: 'download-figures', i18n: 'dashboard.figuresCsv',
        args: { month }, onclick: (e) => download(e.currentTarget, `/admin/reports/${month}/figures.csv`, `seoul-learn-figures-${month}.csv`) })),
      h('li', {}, h('button', { type: 'button', class: 'button button-secondary', id: 'download-extract', i18n: 'dashboard.extractCsv',
        args: { month }, onclick: (e) => downloadExport(e.currentTarget, `/admin/reports/${month}/extract.csv`) }))),
    h('p', { class: 'status-line', id: 'download-status', role: 'status' }));

  host.replaceChildren(heading('dashboard.title'),
    h('p', { class: 'hint', i18n: 'dashboard.period.shown', args: { from: { date: d.from }, to: { date: d.to } } }),
    h('div', { class: 'field' }, period, select),
    h('h2', { i18n: 'dashboard.headline' }), headline, registrations, seats, sessions, laptops, learners, rollover, downloads);
  widthShown = host.clientWidth;
  drawCharts();
}

function categories(byCategory) {
  const parts = Object.entries(byCategory ?? {});
  if (!parts.length) return '';
  return parts.map(([k, v]) => `${CATEGORY_KEYS[k] ? ctx.t(CATEGORY_KEYS[k]) : k} ${v}`).join(', ');
}

function labelled(tag, label, props = {}) {
  if (label.key) return h(tag, { ...props, i18n: label.key });
  if (label.date) return h(tag, { ...props, date: label.date, dateStyle: label.dateStyle });
  return h(tag, props, label.text ?? '');
}

function row(label, value) {
  return h('tr', {}, labelled('th', label, { scope: 'row' }), h('td', { class: 'number' }, value));
}

/**
 * A figure: a chart in SVG (hidden from screen readers; charts.js) with its legend, above a
 * table of the same numbers (the accessible alternative, also what a reader copies from). The
 * drawing is made once the figure is on the page (it is drawn at the width it is shown in).
 */
function chart(id, titleKey, items, seriesKeys, n, { extra, time = false } = {}) {
  const titleId = `${id}-title`;
  const empty = items.every((i) => i.values.every((v) => !v));
  const drawing = h('div', { class: 'chart-drawing', id: `${id}-drawing` });
  if (!empty) drawings.push({ box: drawing, items, time, n });
  const legend = h('ul', { class: 'chart-legend', 'aria-hidden': 'true' },
    seriesKeys.map((k, s) => h('li', {}, h('span', { class: `swatch series-${s}` }), h('span', { i18n: k }))));
  const table = h('table', { class: 'table', id: `${id}-table` },
    h('caption', { class: 'visually-hidden', i18n: titleKey }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', i18n: 'dashboard.group' }),
      seriesKeys.map((k) => h('th', { scope: 'col', class: 'number', i18n: k })),
      extra ? h('th', { scope: 'col', i18n: 'dashboard.byCategory' }) : null)),
    h('tbody', {}, items.map((item, i) => h('tr', {}, labelled('th', item.label, { scope: 'row' }),
      item.values.map((v) => h('td', { class: 'number' }, n(v))),
      extra ? h('td', {}, extra(item, i)) : null))));
  return h('figure', { class: 'dashboard-chart', id, 'aria-labelledby': titleId },
    h('figcaption', {}, h('h2', { id: titleId, i18n: titleKey })),
    empty ? h('p', { i18n: 'dashboard.noData' }) : [legend, drawing],
    h('details', {}, h('summary', { i18n: 'dashboard.showTable' }), table));
}

// The text of a category label in the page language (keys, server names).
function labelText(label) {
  if (label.key) return ctx.t(label.key);
  return label.text ?? '';
}

// A short date for an axis: "12. 7." / "7/12" / "7/12" / "12/7", as the language writes it.
function shortDate(iso) {
  return new Intl.DateTimeFormat(ctx.locale(), { month: 'numeric', day: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${iso}T00:00:00Z`));
}

/** Draws every chart on the page at its width (again after the width or the language changed). */
function drawCharts() {
  for (const d of drawings) {
    if (!d.box.isConnected) continue;
    d.box.replaceChildren(d.time
      ? timeColumns(d.box, d.items.map((i) => ({ date: i.label.date, values: i.values })), d.n, shortDate)
      : categoryBars(d.box, d.items.map((i) => ({ label: labelText(i.label), values: i.values })), d.n));
  }
}

// The extract is written to storage by the API, which answers with a short-lived URL to it
// (a month can be larger than an API response may be): the browser fetches the file from there.
async function downloadExport(btn, path) {
  btn.disabled = true;
  const status = document.getElementById('download-status');
  try {
    const answer = await ctx.api('GET', path);
    if (answer.stale) return;
    if (!answer.ok) {
      showProblem(host, answer);
      return;
    }
    const a = h('a', { href: answer.data.url, download: answer.data.fileName, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    status.replaceChildren(h('span', { i18n: 'dashboard.downloaded', args: { file: answer.data.fileName } }));
  } finally {
    btn.disabled = false;
  }
}

async function download(btn, path, filename) {
  btn.disabled = true;
  const status = document.getElementById('download-status');
  try {
    const answer = await ctx.fetchFile(path);
    if (answer.stale) return;
    if (!answer.ok) {
      showProblem(host, answer);
      return;
    }
    const url = URL.createObjectURL(new Blob([answer.blob], { type: 'text/csv;charset=utf-8' }));
    const a = h('a', { href: url, download: filename, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status.replaceChildren(h('span', { i18n: 'dashboard.downloaded', args: { file: filename } }));
  } finally {
    btn.disabled = false;
  }
}
