// The catalogue operator adds courses from a CSV file (LOCAL_CLOUD_URL): a file with wrong cells
// is refused whole, and every wrong cell is listed in a table (line, column, what to correct, in
// the reader's language), with nothing saved; the corrected file adds the courses, the same file
// again adds nothing, and a learner's search finds the new course. The page is checked with axe
// and at 360 px. The courses are removed at the end: it can run any number of times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  BASE_URL, PASSWORD, accessible, api, expectText, exactly, fitsSmallScreen, journey, mentions, messages, signIn, signOut, snap,
  useBrowser,
} from './support.mjs';

useBrowser();

const OPERATOR = { username: 'catalogue@seoul-learn.local', password: PASSWORD };
const HEADER = 'courseId,providerId,level,grade,subject,titleKo,titleEn,lecturerKo,lecturerEn,minutes,lessons';

/** Letters only: a title word no other course has. */
const word = () => `zq${[...randomBytes(5)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

test('the catalogue operator imports courses: wrong cells are listed, nothing saved; the good file is found by search', { timeout: 240_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  const en = messages.en;
  await page.goto(`${BASE_URL}/#/`);
  await page.locator('#sign-in:visible, #sign-out:visible').first().waitFor({ state: 'visible' });
  if (await page.locator('#sign-out').isVisible()) await signOut(page);
  await signIn(page, OPERATOR);
  await page.locator('#sign-out').waitFor({ state: 'visible' });
  await page.selectOption('#language', 'en');
  await page.click('#go-operator');
  await expectText(page, '#page h1', exactly(en['operator.title']), 'the catalogue page');
  await expectText(page, '#op-import-heading', exactly(en['operator.import.title']), 'the import section');

  const providers = (await api(page, 'GET', '/catalog/providers')).body.items.filter((p) => p.status === 'ACTIVE');
  const provider = providers[0];
  const level = provider.levels[0];
  const other = ['ELEMENTARY', 'MIDDLE', 'HIGH'].find((l) => !provider.levels.includes(l));
  const stamp = `${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
  const ids = [`imp-${stamp}-1`, `imp-${stamp}-2`];
  const title = word();

  const dir = await mkdtemp(path.join(os.tmpdir(), 'seoul-learn-import-'));
  const file = path.join(dir, 'courses.csv');
  // a file with errors: a missing Korean title, a number that is not one, a course id twice, a level the provider does not teach
  const wrong = [HEADER,
    `${ids[0]},${provider.providerId},${level},,MATH,"시험용, 수학",Imported ${title},,,ninety,3`,
    `${ids[1]},${provider.providerId},${level},,MATH,,Imported two,,,90,3`,
    `${ids[0]},${provider.providerId},${other ?? level},,MATH,가,b,,,90,3`].join('\r\n');
  await writeFile(file, `\uFEFF${wrong}\r\n`);
  await page.setInputFiles('#import-file', file);
  await page.click('#send-import');
  await page.locator('#import-errors').waitFor({ state: 'visible' });
  const cells = await page.locator('#import-errors tbody tr').evaluateAll((rows) => rows.map((r) => `${r.cells[0].innerText} ${r.dataset.field} ${r.dataset.code}`));
  assert.ok(cells.includes('2 minutes invalid-value'), `the number that is not one: ${cells}`);
  assert.ok(cells.includes('3 titleKo required'), `the missing title: ${cells}`);
  assert.ok(cells.includes('4 courseId duplicate-row'), `the course id twice: ${cells}`);
  if (other) assert.ok(cells.includes('4 level not-served-by-provider'), `the level: ${cells}`);
  await expectText(page, '#import-errors tbody tr >> nth=0', mentions('2'), 'the line number');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'import-errors-heading', 'focus moves to the list of errors');
  await expectText(page, '#import-summary', mentions(en['operator.import.nothingSaved']), 'nothing saved');
  await accessible(page, 'the import errors');
  await fitsSmallScreen(page, 'the import errors');
  await snap(page, 'course-import-errors');
  assert.equal((await api(page, 'GET', `/catalog/search?q=${title}`)).body.items.length, 0, 'nothing was saved');

  // the corrected file: both courses added, then the same file again adds nothing
  const good = [HEADER,
    `${ids[0]},${provider.providerId},${level},,MATH,"시험용, 수학",Imported ${title},,,90,3`,
    `${ids[1]},${provider.providerId},${level},,SCIENCE,시험용 과학,Imported science ${title},,,60,2`].join('\r\n');
  await writeFile(file, `${good}\r\n`);
  await page.setInputFiles('#import-file', file);
  await page.click('#send-import');
  await expectText(page, '#import-status', (text) => text.includes('2') && !text.includes('{'), 'what the import added');
  assert.equal(await page.locator('#import-errors').count(), 0, 'the error table is gone');
  await page.setInputFiles('#import-file', file);
  await page.click('#send-import');
  await expectText(page, '#import-status', mentions(': 0.'), 'the same file again adds nothing');
  await accessible(page, 'the import done');

  // a learner's search finds them, as courses added one by one
  await page.goto(`${BASE_URL}/#/catalog`);
  await page.fill('#q', title);
  await page.click('#search');
  await page.locator('#results .course').first().waitFor({ state: 'visible' });
  const found = await page.locator('#results .course-title').allInnerTexts();
  assert.equal(found.length, 2, `both imported courses are found: ${found}`);
  assert.ok(found.every((f) => f.includes(title)), `the titles: ${found}`);

  for (const id of ids) assert.equal((await api(page, 'DELETE', `/admin/courses/${id}`)).status, 204);
}));
