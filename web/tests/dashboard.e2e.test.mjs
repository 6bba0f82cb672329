// The programme dashboard (issue 9) through the running local cloud (LOCAL_CLOUD_URL): Seoul's
// reviewer opens it from the start page, reads the headline numbers and a chart's table (the
// accessible alternative of each drawing), changes the period and the language, and downloads
// the month's figures as CSV — UTF-8 with a byte order mark, Korean readable; a learner is told
// the page is for staff. Reads only: it can run any number of times on the same cloud.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  BASE_URL, PASSWORD, REVIEWER, expectText, exactly, fitsSmallScreen, journey, messages, signIn, signOut, snap, useBrowser,
} from './support.mjs';

useBrowser();

const LEARNER = { username: 'learner@seoul-learn.local', password: PASSWORD };

async function as(page, user) {
  await page.goto(`${BASE_URL}/#/`);
  await page.locator('#sign-in:visible, #sign-out:visible').first().waitFor({ state: 'visible' });
  if (await page.locator('#sign-out').isVisible()) await signOut(page);
  await signIn(page, user);
  await page.locator('#sign-out').waitFor({ state: 'visible' });
}

test('a reviewer reads the programme dashboard, its tables and downloads the month\'s figures as CSV', { timeout: 180_000 }, (t) => journey(t, { locale: 'ko-KR' }, async (page) => {
  const ko = messages.ko;
  const en = messages.en;
  await as(page, REVIEWER);
  await page.selectOption('#language', 'ko');
  await expectText(page, '#go-dashboard', exactly(ko['dashboard.home']), 'the reviewer\'s link to the dashboard');
  await page.click('#go-dashboard');
  await expectText(page, '#page h1', exactly(ko['dashboard.title']), 'the dashboard');
  // the first answer may wait for the function's cold start and moto's index queries (it walks the table)
  await page.locator('#headline').waitFor({ state: 'visible', timeout: 60_000 });
  await expectText(page, '#headline', (text) => text.includes(ko['dashboard.headline.applicationsSubmitted'])
    && text.includes(ko['dashboard.headline.seatsUsed']), 'the headline numbers, in Korean');
  const submitted = await page.locator('#headline-applicationsSubmitted').innerText();
  assert.match(submitted, /^[\d,]+$/, 'a number of applications');

  // every chart has its table; opened, it has a row per provider with numbers
  assert.equal(await page.locator('figure.dashboard-chart').count(), 4, 'four charts');
  assert.equal(await page.locator('figure.dashboard-chart svg[aria-hidden="true"]').count()
    + await page.locator('figure.dashboard-chart p').count(), 4, 'each drawn (hidden from screen readers) or said to be empty');
  await page.click('#seats summary');
  await expectText(page, '#seats-table thead', (text) => text.includes(ko['dashboard.series.used']) && text.includes(ko['dashboard.series.free']),
    'the seats table\'s columns');
  assert.ok(await page.locator('#seats-table tbody tr').count() >= 1, 'a row per provider');
  await page.click('#laptops summary');
  await expectText(page, '#laptops-table tbody', (text) => text.includes('노원구'), 'districts by name');
  await snap(page, 'dashboard-ko');

  // another period, in English
  await page.selectOption('#language', 'en');
  await expectText(page, '#page h1', exactly(en['dashboard.title']), 'the title in English');
  await page.selectOption('#period', '7');
  await expectText(page, '#page .hint', (text) => text.startsWith('From '), 'the period shown in English');
  await snap(page, 'dashboard-en-7-days');

  // the month's figures as CSV: a BOM, then Korean headers (the CSV follows the language asked: back to Korean)
  await page.selectOption('#language', 'ko');
  await expectText(page, '#download-figures', (text) => text.includes('CSV'), 'the download button');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-figures')]);
  assert.match(download.suggestedFilename(), /^seoul-learn-figures-\d{4}-\d{2}\.csv$/);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte order mark');
  assert.ok(bytes.subarray(3).toString('utf8').startsWith('날짜,지표,설명,값'), 'Korean headers read right');
  await expectText(page, '#download-status', (text) => text.includes('seoul-learn-figures-'), 'told it was downloaded');
}));

test('a learner opening the dashboard is told it is for staff', { timeout: 120_000 }, (t) => journey(t, { locale: 'vi-VN' }, async (page) => {
  await as(page, LEARNER);
  await page.selectOption('#language', 'vi');
  assert.equal(await page.locator('#go-dashboard').isVisible(), false, 'no link for a learner');
  await page.goto(`${BASE_URL}/#/dashboard`);
  await expectText(page, '#page p', exactly(messages.vi['dashboard.notStaff']), 'for staff only, in Vietnamese');
  await snap(page, 'dashboard-learner-vi');
}));

test('the charts are readable on a 360 px phone and in print: names, axes with ticks, numbers, a daily chart with height', { timeout: 180_000 }, (t) => journey(t, { locale: 'ko-KR' }, async (page) => {
  const ko = messages.ko;
  await as(page, REVIEWER);
  await page.selectOption('#language', 'ko');
  await page.goto(`${BASE_URL}/#/dashboard`);
  await page.locator('#headline').waitFor({ state: 'visible', timeout: 60_000 });
  assert.equal(page.viewportSize().width, 360, 'a 360 px screen');
  await fitsSmallScreen(page, 'the dashboard at 360 px');

  // what a chart shows, read from the drawing itself
  const drawn = (id) => page.evaluate((chartId) => {
    const svg = document.querySelector(`#${chartId} svg.chart`);
    if (!svg) return null;
    const box = svg.getBoundingClientRect();
    const texts = (cls) => [...svg.querySelectorAll(`text.${cls}`)].map((x) => x.textContent);
    const smallest = Math.min(...[...svg.querySelectorAll('text')].map((x) => x.getBoundingClientRect().height));
    const bars = [...svg.querySelectorAll('rect')].map((r) => r.getBoundingClientRect());
    return {
      width: box.width, height: box.height, categories: texts('category'), ticks: texts('tick'), values: texts('value'), smallest,
      tallestBar: Math.max(0, ...bars.map((b) => b.height)), pageWidth: document.documentElement.clientWidth,
    };
  }, id);

  // seats per provider: each provider named in the drawing as in the table, a number by each bar, an axis with ticks
  const seats = await drawn('seats');
  assert.ok(seats, 'the seats chart is drawn');
  const providers = await page.locator('#seats-table tbody th').allTextContents();
  assert.deepEqual(seats.categories, providers, 'every provider named in the drawing, as in its table');
  assert.equal(seats.values.length, providers.length * 3, 'a number at the end of every bar (used, free, waiting)');
  assert.ok(seats.ticks.length >= 2 && seats.ticks[0] === '0', `an axis with ticks from 0 (${seats.ticks.join(' ')})`);
  assert.ok(seats.width <= seats.pageWidth, `the drawing fits the screen (${seats.width} px)`);
  assert.ok(seats.smallest >= 11, `the smallest text is legible (${seats.smallest.toFixed(1)} px)`);
  const used = await page.locator('#seats-table tbody tr').first().locator('td').first().textContent();
  assert.equal(seats.values[0], used, 'the first bar\'s number is the table\'s');

  // laptops per district: districts by name
  const laptops = await drawn('laptops');
  if (laptops) {
    assert.ok(laptops.categories.includes('노원구'), `districts named in Korean (${laptops.categories.join(', ')})`);
    assert.ok(laptops.values.length >= 4, 'numbers by the bars');
  }

  // applications per day: a plot with height, a y axis with ticks and dates under it, not a line at the bottom of a box
  const daily = await drawn('registrations');
  if (daily) {
    assert.ok(daily.height >= 150 && daily.height <= 260, `a plot of modest height (${daily.height} px)`);
    assert.ok(daily.tallestBar >= 100, `the busiest day reaches up the plot (${daily.tallestBar.toFixed(0)} px)`);
    assert.ok(daily.ticks.filter((x) => /\d+\.\s*\d+\.|\d+\/\d+/.test(x)).length >= 2, `dates under the axis (${daily.ticks.join(' ')})`);
    assert.ok(daily.values.length >= 1, 'the highest day\'s number is shown');
    assert.ok(daily.smallest >= 11, `legible text (${daily.smallest.toFixed(1)} px)`);
  } else {
    await expectText(page, '#registrations p', exactly(ko['dashboard.noData']), 'an empty period is said in words');
  }
  await snap(page, 'dashboard-charts-360');

  // in print (A4 portrait): the charts are still drawn with their words, none wider than the paper
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const printed = await drawn('seats');
  assert.deepEqual(printed.categories, providers, 'in print, the providers still named');
  assert.ok(printed.smallest >= 10, `in print, legible text (${printed.smallest.toFixed(1)} px)`);
  await page.emulateMedia({ media: 'screen' });

  // in another language the names follow
  await page.selectOption('#language', 'en');
  await expectText(page, '#page h1', exactly(messages.en['dashboard.title']), 'the dashboard in English');
  if (laptops) {
    await page.waitForFunction((name) => [...document.querySelectorAll('#laptops svg text.category')].some((x) => x.textContent === name),
      messages.en['district.nowon-gu']);
  }
  const english = await drawn('laptops');
  if (english) assert.ok(english.categories.includes(messages.en['district.nowon-gu']), 'districts named in English');
}));

// The daily chart's shape does not depend on where the numbers come from, but a fresh cloud has
// no applications in the period: the dashboard's real answer is taken and numbers are written
// into its days (a quiet month: at most 7 a day), so the drawing is checked with known values.
test('a quiet 90 days on a 360 px phone: the daily chart is a plot with height, dated, its busiest day labelled', { timeout: 180_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  const en = messages.en;
  await page.route(/\/api\/admin\/dashboard\?/, async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    body.registrationsPerDay = body.registrationsPerDay.map((d, i) => ({ ...d, submitted: [0, 1, 3, 7, 2][i % 5], approved: [0, 1, 2, 4, 1][i % 5] }));
    await route.fulfill({ response: res, json: body });
  });
  await as(page, REVIEWER);
  await page.selectOption('#language', 'en');
  await page.goto(`${BASE_URL}/#/dashboard`);
  await page.locator('#headline').waitFor({ state: 'visible', timeout: 60_000 });
  await page.selectOption('#period', '90');
  await page.waitForFunction(() => document.querySelectorAll('#registrations-table tbody tr').length >= 90);
  const chart = await page.evaluate(() => {
    const svg = document.querySelector('#registrations svg.chart');
    const box = svg.getBoundingClientRect();
    const rects = [...svg.querySelectorAll('rect')].map((r) => r.getBoundingClientRect());
    return {
      width: box.width, height: box.height, tallest: Math.max(...rects.map((r) => r.height)),
      ticks: [...svg.querySelectorAll('text.tick')].map((x) => x.textContent),
      values: [...svg.querySelectorAll('text.value')].map((x) => x.textContent),
      smallest: Math.min(...[...svg.querySelectorAll('text')].map((x) => x.getBoundingClientRect().height)),
    };
  });
  assert.ok(chart.width <= 360, `fits the screen (${chart.width} px)`);
  assert.ok(chart.height >= 150 && chart.height <= 260, `a plot of modest height (${chart.height} px), not a large empty box`);
  assert.ok(chart.tallest >= 140, `the busiest day (7) reaches the top of the plot (${chart.tallest.toFixed(0)} px), not a thin line`);
  assert.ok(chart.ticks.includes('0') && chart.ticks.some((x) => Number(x) >= 7), `a y axis from 0 past 7 (${chart.ticks.join(' ')})`);
  assert.ok(chart.ticks.filter((x) => /\d+\/\d+/.test(x)).length >= 3, `dates under the axis (${chart.ticks.join(' ')})`);
  assert.deepEqual([...chart.values].sort(), ['4', '7'], 'the busiest day of each series is labelled');
  assert.ok(chart.smallest >= 11, `legible text (${chart.smallest.toFixed(1)} px)`);
  await fitsSmallScreen(page, 'the dashboard with 90 days');
  await snap(page, 'dashboard-90-days-360');
  assert.equal(en['dashboard.title'], await page.locator('#page h1').innerText());
}));
