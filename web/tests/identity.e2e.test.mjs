// Identity as on AWS (docs/adr/0024): the sign-up page asks only what Cognito's managed sign-up
// page can (no tenant); the app asks where the person lives and the next token carries it (the
// pre-token trigger); staff sign in with an authenticator code, learners never see that step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, api, expectText, exactly, journey, mentions, messages, signIn, signUp, snap, uniqueEmail, useBrowser,
} from './support.mjs';

useBrowser();

const claimsOf = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
const tokensOf = (page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('seoulLearn:tokens') || 'null'));

test('a family signs up without a tenant field, chooses Chungbuk in the app and lands in Chungbuk\'s programme', { timeout: 180_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  const en = messages.en;
  await page.goto(`${BASE_URL}/`);
  // signUp checks the hosted page has no tenant field, then answers the app's "where do you live?"
  await signUp(page, { email: uniqueEmail('chungbuk-family'), tenant: 'chungbuk', lang: 'en' });
  await expectText(page, '#who-can-apply', mentions(en['tenant.chungbuk']), 'Chungbuk\'s programme on the registration');
  await expectText(page, '#who-quota', mentions('300'), 'Chungbuk\'s places, not Seoul\'s');
  const claims = claimsOf((await tokensOf(page)).idToken);
  assert.equal(claims['custom:tenant'], 'chungbuk', 'the next token carries the tenant from the pre-token trigger');
  assert.deepEqual(claims['cognito:groups'], ['applicants'], 'and the group the post-confirmation trigger gave');
  const me = await api(page, 'GET', '/me');
  assert.equal(me.body.tenant, 'chungbuk');
  assert.equal(me.body.registrationStatus, 'DRAFT');
  await snap(page, 'registration-chungbuk-after-tenant-step');
}));

test('someone who has not chosen where they live is led to that step and reads no tenant\'s data', { timeout: 120_000 }, (t) => journey(t, { locale: 'ko-KR' }, async (page) => {
  const ko = messages.ko;
  await page.goto(`${BASE_URL}/#/register`);
  await signIn(page, { username: 'newcomer@seoul-learn.local' });
  await expectText(page, '#page h1', exactly(ko['where.title']), 'the tenant step, before the registration');
  assert.equal(claimsOf((await tokensOf(page)).idToken)['custom:tenant'], undefined, 'the token has no tenant');
  const registration = await api(page, 'GET', '/registration');
  assert.equal(registration.status, 403);
  assert.equal(registration.body.code, 'tenant-not-chosen');
  // nothing chosen: the form says so, and nothing is sent
  await page.click('#where-continue');
  await expectText(page, '#error-summary', mentions(ko['where.required']), 'the question must be answered');
  await snap(page, 'where-do-you-live');
}));

test('a reviewer signs in with password and authenticator code; a learner is never asked for one', { timeout: 120_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  await page.goto(`${BASE_URL}/`);
  let codeShown = false;
  page.on('framenavigated', async (frame) => {
    if (frame === page.mainFrame() && await page.locator('#code').count().catch(() => 0)) codeShown = true;
  });
  await signIn(page, { username: 'learner@seoul-learn.local' });
  await page.locator('#me-name').waitFor({ state: 'visible' });
  assert.equal(codeShown, false, 'a learner is never asked for a code');
  assert.equal(claimsOf((await tokensOf(page)).idToken)['seoullearn:mfa'], undefined);
  await page.click('#sign-out');
  await page.locator('#sign-in').waitFor({ state: 'visible' });

  // the staff member: password, then the code page (the helper enters the seeded key's code)
  await signIn(page, { username: 'reviewer@seoul-learn.local' });
  await page.locator('#me-name').waitFor({ state: 'visible' });
  const claims = claimsOf((await tokensOf(page)).idToken);
  assert.equal(claims['seoullearn:mfa'], 'totp', 'the token says the second factor was used');
  const queue = await api(page, 'GET', '/review/applications');
  assert.equal(queue.status, 200);
}));
