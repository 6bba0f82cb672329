// Withdrawal in the web app (#/leave, docs/adr/0028): the page says what happens, asks for a
// confirmation, and only then closes the account; afterwards the person cannot sign in again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, accessible, expectText, exactly, journey, mentions, messages, signIn, signUp, snap, uniqueEmail, useBrowser,
} from './support.mjs';

useBrowser();

test('a new applicant closes their account after confirming, and can no longer sign in', { timeout: 180_000 }, (t) => journey(t, { locale: 'vi-VN' }, async (page) => {
  const vi = messages.vi;
  const email = uniqueEmail('leaving');
  await page.goto(`${BASE_URL}/`);
  await signUp(page, { email, tenant: 'seoul', lang: 'vi' });
  await page.goto(`${BASE_URL}/#/leave`);
  await expectText(page, '#page h1', exactly(vi['leave.title']), 'the withdrawal page, in Vietnamese');
  await expectText(page, '#page', mentions(vi['leave.whatLaptop']), 'says a laptop on loan must be returned first');
  // not confirmed: nothing is sent
  await page.click('#leave-submit');
  await expectText(page, '#error-summary', mentions(vi['leave.confirmRequired']), 'the confirmation is required');
  await accessible(page, 'the withdrawal page with its error');
  await snap(page, 'leave-confirmation');
  await page.check('#page input[type=checkbox]');
  await page.click('#leave-submit');
  await expectText(page, '#leave-done', exactly(vi['leave.done']), 'the account is closed');
  // the hosted login no longer knows the person: the sign-in page comes back with an error
  await page.goto(`${BASE_URL}/`);
  const answer = page.waitForResponse((r) => r.url().includes('/oauth2/authorize') && r.request().method() === 'POST');
  await signIn(page, { username: email });
  assert.equal((await answer).status(), 401, 'no code for a withdrawn person');
  await page.locator('#username').waitFor({ state: 'visible' });
}));
