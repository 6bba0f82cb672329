// A recruitment admin uploads a partner university's nominations (LOCAL_CLOUD_URL, docs/adr/0042):
// from the start page to #/nominations; a file with wrong cells is refused whole and every wrong
// cell is listed (line, column, what to correct, in the reader's language) with nothing saved; the
// corrected file nominates its students into the open round (the count is shown) and the same file
// again nominates nobody twice. Checked with axe, by keyboard and at 360 px. The addresses are new
// each run: it can run any number of times in the shared cloud.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  BASE_URL, PASSWORD, accessible, expectText, exactly, fitsSmallScreen, journey, mentions, messages, signIn, signOut, snap, useBrowser,
} from './support.mjs';

useBrowser();

const ADMIN = { username: 'admin@seoul-learn.local', password: PASSWORD };
const HEADER = 'name,email,university,subjects,language';

test('a recruitment admin uploads nominations: wrong cells are listed and nothing saved; the good file is counted once', { timeout: 240_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  const en = messages.en;
  await page.goto(`${BASE_URL}/#/`);
  await page.locator('#sign-in:visible, #sign-out:visible').first().waitFor({ state: 'visible' });
  if (await page.locator('#sign-out').isVisible()) await signOut(page);
  await signIn(page, ADMIN);
  await page.locator('#sign-out').waitFor({ state: 'visible' });
  await page.selectOption('#language', 'en');
  // from the start page, by keyboard
  await page.locator('#go-nominations').waitFor({ state: 'visible' });
  await page.focus('#go-nominations');
  await page.keyboard.press('Enter');
  await expectText(page, '#page h1', exactly(en['nominations.title']), 'the nominations page');
  await expectText(page, '#nominations-columns', exactly(HEADER), 'the columns');
  await accessible(page, 'the nominations page');

  const stamp = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const first = `nominee-${stamp}-1@univ.example.ac.kr`;
  const second = `nominee-${stamp}-2@univ.example.ac.kr`;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'seoul-learn-nominations-'));
  const file = path.join(dir, 'nominations.csv');
  // wrong: an address that is not one, the same address twice, an unknown subject, a missing name
  const wrong = [HEADER,
    `김하나,${first},서울대학교,MATH,ko`,
    `박둘,not-an-address,서울대학교,MATH,ko`,
    `Lan,${first.toUpperCase()},"한양대학교, 서울",ASTROLOGY,vi`,
    `,${second},고려대학교,,`].join('\r\n');
  await writeFile(file, `\uFEFF${wrong}\r\n`);
  await page.setInputFiles('#nominations-file', file);
  await page.click('#send-nominations');
  await page.locator('#import-errors').waitFor({ state: 'visible' });
  const cells = await page.locator('#import-errors tbody tr').evaluateAll((rows) => rows.map((r) => `${r.cells[0].innerText} ${r.dataset.field} ${r.dataset.code}`));
  assert.deepEqual(cells, ['3 email invalid-email', '4 email duplicate-email', '4 subjects invalid-value', '5 name required']);
  await expectText(page, '#import-errors tbody tr >> nth=0', mentions(en['nominations.column.email']), 'the column in the reader\'s words');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'import-errors-heading', 'focus moves to the list of errors');
  await expectText(page, '#import-summary', mentions(en['operator.import.nothingSaved']), 'nothing saved');
  assert.ok(!(await page.locator('#import-errors').innerText()).includes('not-an-address'), 'a cell is never echoed');
  await accessible(page, 'the nomination errors');
  await fitsSmallScreen(page, 'the nomination errors');
  await snap(page, 'nominations-errors');

  // the corrected file: two nominated; the same file again: nobody twice
  const good = [HEADER, `김하나,${first},서울대학교,MATH;SCIENCE,ko`, `"Nguyễn Thị Lan",${second},"한양대학교, 서울",ENGLISH,vi`].join('\r\n');
  await writeFile(file, `${good}\r\n`);
  await page.setInputFiles('#nominations-file', file);
  await page.click('#send-nominations');
  const done = (created, unchanged) => (text) => text.includes(`: 2.`) && text.includes(`: ${created}.`) && text.includes(`: ${unchanged}.`)
    && !text.includes('{');
  await expectText(page, '#nominations-status', done(2, 0), 'two nominated');
  assert.equal(await page.locator('#import-errors').count(), 0, 'the error table is gone');
  await page.setInputFiles('#nominations-file', file);
  await page.click('#send-nominations');
  await expectText(page, '#nominations-status', done(0, 2), 'the same file again nominates nobody twice');
  await accessible(page, 'the nominations done');
  await fitsSmallScreen(page, 'the nominations done');
}));
