// "Change my details" (#/details, docs/adr/0038) through the running local cloud: a learner the
// records approve at once opens the page from the start page, moves district and chooses another
// language with the keyboard only, saves, and reads that it was saved; their registration now says
// so. The page has no accessibility violation, before and after; an applicant reads that the page
// opens after approval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, accessible, api, expectText, exactly, journey, messages, signIn, signOut, signUp, snap, uniqueDohyun, uniqueEmail,
  useBrowser,
} from './support.mjs';

useBrowser();

test('an approved learner corrects their district and language with the keyboard', { timeout: 240_000 }, (t) => journey(t, { locale: 'ko-KR' }, async (page) => {
  const ko = messages.ko;
  const email = uniqueEmail('details');
  await page.goto(`${BASE_URL}/`);
  await signUp(page, { email, lang: 'ko' });

  // before approval: the page says when it opens
  await page.goto(`${BASE_URL}/#/details`);
  await expectText(page, '#details-not-yet', exactly(ko['details.notApproved']), 'not approved yet');
  await accessible(page, 'the details page of an applicant');

  const version = async () => (await api(page, 'GET', '/registration')).body.version;
  let r = await api(page, 'PUT', '/registration', {
    version: await version(), name: uniqueDohyun(), birthDate: '2009-11-02', schoolLevel: 'HIGH', grade: 2, district: 'gwanak-gu',
    preferredLanguage: 'ko', categories: ['LOW_INCOME'],
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  r = await api(page, 'POST', '/registration/records-check', { version: await version(), householdHeadName: '이영수', householdHeadBirthDate: '1975-07-21' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  r = await api(page, 'POST', '/registration/submit', { version: await version(), privacyNotice: '2026-12-01' });
  assert.equal(r.body?.status, 'APPROVED', JSON.stringify(r.body));
  // the learners group reaches the next token
  await signOut(page);
  await page.goto(`${BASE_URL}/`);
  await signIn(page, { username: email });
  await page.locator('#details-link').waitFor({ state: 'visible', timeout: 90_000 });

  // from the start page, with the keyboard
  await page.focus('#details-link');
  await page.keyboard.press('Enter');
  await expectText(page, '#page h1', exactly(ko['details.title']), 'the details page');
  await page.locator('#district').waitFor({ state: 'visible' });
  await snap(page, 'details');
  await page.focus('#district');
  await page.selectOption('#district', 'mapo-gu'); // a select takes its value from the keyboard as from this
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'preferredLanguage', 'Tab moves on to the language');
  await page.selectOption('#preferredLanguage', 'en');
  await page.focus('#details-save');
  await page.keyboard.press('Enter');
  await expectText(page, '#details-status', exactly(ko['details.saved']), 'saved');
  await accessible(page, 'the details page after saving');

  const now = (await api(page, 'GET', '/registration')).body;
  assert.equal(now.district, 'mapo-gu');
  assert.equal(now.preferredLanguage, 'en');

  // saving again with nothing changed sends nothing
  await page.focus('#details-save');
  await page.keyboard.press('Enter');
  await expectText(page, '#details-status', exactly(ko['details.nothingChanged']), 'nothing changed');
  t.diagnostic('corrected district and language in the page');
}));
