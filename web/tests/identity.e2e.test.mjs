// Identity as on AWS (docs/adr/0024): the sign-up page asks only what Cognito's managed sign-up
// page can (no tenant); the app asks where the person lives and the next token carries it (the
// pre-token trigger); staff sign in with an authenticator code, learners never see that step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  BASE_URL, PASSWORD, api, config, expectText, exactly, journey, mentions, messages, registerPersonal, signIn, signUp, snap, totp,
  uniqueEmail, useBrowser,
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
  assert.notEqual(new URL(page.url()).hash, '#/authenticator', 'nor led to the authenticator set-up');
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

// The local cloud's AWS endpoint (the emulator), from the file it writes about itself: an
// administrator creates a staff account there as in the Cognito console.
async function cognitoAdmin(action, body) {
  const state = JSON.parse(await readFile(new URL(`../../.local/cloud-${new URL(BASE_URL).port || 80}.json`, import.meta.url), 'utf8'));
  const res = await fetch(state.awsEndpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`,
      // the emulator reads the service from the credential scope and checks no signature
      Authorization: `AWS4-HMAC-SHA256 Credential=local/20261207/${state.region}/cognito-idp/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify({ UserPoolId: state.userPoolId, ...body }),
  });
  assert.ok(res.ok, `${action}: ${res.status} ${await res.clone().text()}`);
  return res.json();
}

async function newReviewer() {
  const email = uniqueEmail('new-reviewer');
  registerPersonal(email);
  await cognitoAdmin('AdminCreateUser', { Username: email, MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'custom:tenant', Value: 'seoul' }] });
  await cognitoAdmin('AdminSetUserPassword', { Username: email, Password: PASSWORD, Permanent: true });
  await cognitoAdmin('AdminAddUserToGroup', { Username: email, GroupName: 'reviewers' });
  return email;
}

test('a new staff member sets up TOTP in the app, then signs in with password and code and the API takes the token', { timeout: 180_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  const en = messages.en;
  const email = await newReviewer();
  await page.goto(`${BASE_URL}/`);
  // GIVEN no second factor yet: the login asks the password only (Cognito with MFA OPTIONAL) ...
  await signIn(page, { username: email, secret: null });
  // ... and the API refuses the token, so the app leads to its own set-up step
  await expectText(page, '#page h1', exactly(en['authenticator.title']), 'the authenticator set-up before anything else');
  const refused = await api(page, 'GET', '/me');
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, 'second-factor-required');
  const secret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '');
  assert.match(secret, /^[A-Z2-7]{32}$/, 'the key from AssociateSoftwareToken, in groups of four');
  const uri = await page.locator('#totp-uri').innerText();
  assert.ok(uri.startsWith('otpauth://totp/') && uri.includes(`secret=${secret}`) && uri.includes('issuer='), `the key URI: ${uri}`);
  assert.equal(await page.locator('#totp-link').getAttribute('href'), uri);
  await snap(page, 'authenticator-set-up');

  // WHEN a wrong code: Cognito refuses it and the page says so by the field
  const right = totp(secret);
  await page.fill('#code', right === '000000' ? '111111' : '000000');
  await page.click('#authenticator-confirm');
  await expectText(page, '#error-summary', mentions(en['authenticator.wrongCode']), 'a wrong code is refused');
  await snap(page, 'authenticator-wrong-code');

  // THEN the right code turns TOTP on, and the app signs in again: password, then the code
  await page.fill('#code', totp(secret));
  await page.click('#authenticator-confirm');
  await page.locator('#username').waitFor({ state: 'visible' });
  await page.fill('#username', email);
  await page.fill('#password', PASSWORD);
  await page.click('#submit');
  await page.locator('#code').waitFor({ state: 'visible' });
  await page.fill('#code', totp(secret));
  await page.click('#submit');
  await page.locator('#me-name').waitFor({ state: 'visible' });
  const claims = claimsOf((await tokensOf(page)).idToken);
  assert.equal(claims['seoullearn:mfa'], 'totp', 'the new token carries the second factor');
  const queue = await api(page, 'GET', '/review/applications');
  assert.equal(queue.status, 200, 'and the API takes it');
}));

test('the login page: Korean for a Korean reader, English (with a note first) for a Vietnamese one', { timeout: 120_000 }, async (t) => {
  for (const { locale, lang, login, title, note } of [
    { locale: 'vi-VN', lang: 'vi', login: 'en', title: 'Sign in to Seoul Learn', note: true },
    { locale: 'ko-KR', lang: 'ko', login: 'ko', title: '서울런 로그인', note: false },
    { locale: 'zh-CN', lang: 'zh', login: 'zh-CN', title: '登录 Seoul Learn', note: false },
  ]) {
    await journey(t, { locale, chosenLanguage: lang }, async (page) => {
      await page.goto(`${BASE_URL}/`);
      await page.locator('#sign-in').waitFor({ state: 'visible' });
      assert.equal(await page.locator('#login-language-note').isVisible(), note, `${lang}: the note that the login page is in English`);
      if (note) await expectText(page, '#login-language-note', exactly(messages.vi['auth.loginLanguageNote']), 'the note, in Vietnamese');
      const authorize = page.waitForRequest((r) => r.url().startsWith(config.authorizeUrl) && r.isNavigationRequest());
      await page.click('#sign-in');
      const sent = new URL((await authorize).url()).searchParams;
      assert.equal(sent.get('lang'), login, `${lang}: the lang parameter of Cognito's managed login`);
      await page.locator('#username').waitFor({ state: 'visible' });
      assert.equal(await page.locator('html').getAttribute('lang'), login);
      assert.equal((await page.locator('h1').innerText()).trim(), title);
      await page.goto(`${BASE_URL}/`);
      await page.locator('#sign-in').waitFor({ state: 'visible' });
    });
  }
});
