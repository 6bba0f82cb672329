// The programme dashboard (issue 9) through the running local cloud (LOCAL_CLOUD_URL): Seoul's
// reviewer opens it from the start page, reads the headline numbers and a chart's table (the
// accessible alternative of each drawing), changes the period and the language, and downloads
// the month's figures as CSV — UTF-8 with a byte order mark, Korean readable; a learner is told
// the page is for staff. Reads only: it can run any number of times on the same cloud.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE_URL, PASSWORD, REVIEWER, expectText, exactly, journey, messages, signIn, signOut, snap, useBrowser } from './support.mjs';

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
