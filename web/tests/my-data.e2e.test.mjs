// "My data" in the web app (#/my-data, docs/adr/0037): the summary of everything held about the
// person, in their language, keyboard and axe clean; "Download all my data" saves the API's
// answer as one JSON file that names the person and nobody else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  BASE_URL, accessible, expectText, exactly, journey, messages, signIn, snap, useBrowser,
} from './support.mjs';

useBrowser();

test('a learner reads the summary of their data and downloads all of it with the keyboard', { timeout: 180_000 }, (t) => journey(t, { locale: 'zh-CN' }, async (page) => {
  const zh = messages.zh;
  await page.goto(`${BASE_URL}/`);
  await signIn(page, { username: 'learner@seoul-learn.local' });
  await page.locator('#my-data-link').waitFor({ state: 'visible' });
  await expectText(page, '#my-data-link', exactly(zh['data.link']), 'the home page links to the data page, in Chinese');
  await page.click('#my-data-link');
  await expectText(page, '#page h1', exactly(zh['data.title']), 'the data page, in Chinese');
  await page.locator('#data-summary').waitFor({ state: 'visible' });
  await expectText(page, '#data-application dt', exactly(zh['data.application']), 'the application row');
  await expectText(page, '#data-consents dt', exactly(zh['data.consents']), 'the consents row');
  await accessible(page, 'the data page');
  await snap(page, 'my-data');

  // the whole answer, saved by the keyboard
  const saved = page.waitForEvent('download');
  await page.focus('#data-download');
  await page.keyboard.press('Enter');
  const download = await saved;
  assert.match(download.suggestedFilename(), /^seoul-learn-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.format, 'seoul-learn-personal-data/1');
  assert.equal(file.tenant, 'seoul');
  assert.ok(file.profile?.status, 'the application is in the file');
  assert.ok(!JSON.stringify(file).includes('"PK"'), 'no storage keys in the file');
  await expectText(page, '#data-status', (text) => text.includes(download.suggestedFilename()), 'says where it was saved');
}));
