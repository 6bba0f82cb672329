// Browser journeys against a running local cloud (LOCAL_CLOUD_URL, default http://localhost:3000),
// in Debian's Chromium driven by playwright-core. Never downloads a browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.LOCAL_CLOUD_URL || 'http://localhost:3000').replace(/\/+$/, '');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const LEARNER = { username: 'learner@seoul-learn.local', password: 'seoul-demo-2026', name: '김민준' };
const WAIT_MS = 15_000;

const catalogue = async (lang) => JSON.parse(await readFile(new URL(`../i18n/${lang}.json`, import.meta.url), 'utf8'));
const ko = await catalogue('ko');
const en = await catalogue('en');
const vi = await catalogue('vi');

let browser;
let config;

before(async () => {
  try {
    const res = await fetch(`${BASE_URL}/config.json`);
    assert.equal(res.status, 200, `GET ${BASE_URL}/config.json answered ${res.status}`);
    config = await res.json();
  } catch (err) {
    throw new Error(`The local cloud is not answering at ${BASE_URL} (set LOCAL_CLOUD_URL or start it first): ${err.message}`);
  }
  for (const field of ['authorizeUrl', 'tokenUrl', 'logoutUrl', 'clientId', 'redirectUri', 'apiBase']) {
    assert.ok(config[field], `${BASE_URL}/config.json has no "${field}"`);
  }
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  } catch (err) {
    throw new Error(`Could not start Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH): ${err.message}`);
  }
});

after(async () => {
  await browser?.close();
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Waits until the element is visible and its text passes `accept`, else fails saying what it saw.
async function expectText(page, selector, accept, what) {
  const deadline = Date.now() + WAIT_MS;
  let seen = '(no such element)';
  for (;;) {
    const el = page.locator(selector).first();
    if (await el.count()) {
      const visible = await el.isVisible();
      seen = `${visible ? '' : '(hidden) '}"${(await el.innerText()).trim()}"`;
      if (visible && accept((await el.innerText()).trim())) return;
    }
    if (Date.now() > deadline) {
      throw new assert.AssertionError({ message: `${what}: ${selector} never matched within ${WAIT_MS} ms; last saw ${seen}` });
    }
    await sleep(100);
  }
}
const exactly = (expected) => (text) => text === expected;
const mentions = (expected) => (text) => text.includes(expected);

// Runs a journey in a fresh browser context; on failure adds a screenshot, the URL and the browser log.
async function journey(t, { locale = 'ko-KR' } = {}, steps) {
  const context = await browser.newContext({ locale, viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const browserLog = [];
  page.on('console', (m) => { if (['error', 'warning'].includes(m.type())) browserLog.push(`console.${m.type()}: ${m.text()}`); });
  page.on('pageerror', (err) => browserLog.push(`page error: ${err.message}`));
  page.on('response', (r) => { if (r.status() >= 400) browserLog.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`); });
  page.on('requestfailed', (r) => browserLog.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
  // Only the local cloud and the login endpoints that config.json names may be called.
  const allowed = new Set([BASE_URL, config.authorizeUrl, config.tokenUrl, config.logoutUrl].map((u) => new URL(u).origin));
  const elsewhere = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (/^https?:$/.test(url.protocol) && !allowed.has(url.origin)) elsewhere.push(r.url());
  });
  try {
    await steps(page);
    assert.deepEqual(elsewhere, [], 'the page must not call anything outside the local cloud');
  } catch (err) {
    const file = path.join(os.tmpdir(), `seoul-learn-${t.name.replace(/\W+/g, '-').slice(0, 60)}-${Date.now()}.png`);
    let screenshot = '(no screenshot)';
    try { await page.screenshot({ path: file, fullPage: true }); screenshot = file; } catch { /* page gone */ }
    const log = browserLog.length ? `\n  browser log:\n    ${browserLog.join('\n    ')}` : '';
    throw new Error(`${err.message}\n  at URL: ${page.url()}\n  screenshot: ${screenshot}${log}`, { cause: err });
  } finally {
    await context.close();
  }
}

const apiUrl = (route) => new URL(`${config.apiBase.replace(/\/+$/, '')}${route}`, `${BASE_URL}/`).href;

test('a learner signs in, sees their details in Korean, switches to English and signs out', { timeout: 120_000 }, (t) => journey(t, {}, async (page) => {
  // PKCE state lives in sessionStorage, which is per origin: the journey must start where it ends.
  assert.equal(new URL(config.redirectUri).origin, new URL(BASE_URL).origin,
    `config.json redirectUri ${config.redirectUri} is not on LOCAL_CLOUD_URL ${BASE_URL}; use the same host name for both`);
  await page.goto(`${BASE_URL}/`);
  await expectText(page, '#sign-in', exactly(ko['auth.signIn']), 'the sign-in button in Korean');
  assert.equal(await page.getAttribute('html', 'lang'), 'ko', '<html lang> on first visit');

  const authorizeRequest = page.waitForRequest((r) => r.url().startsWith(config.authorizeUrl) && r.isNavigationRequest());
  await page.click('#sign-in');
  const authorize = new URL((await authorizeRequest).url()).searchParams;
  assert.equal(authorize.get('response_type'), 'code', 'authorize: response_type');
  assert.equal(authorize.get('client_id'), config.clientId, 'authorize: client_id');
  assert.equal(authorize.get('redirect_uri'), config.redirectUri, 'authorize: redirect_uri');
  assert.equal(authorize.get('scope'), config.scopes, 'authorize: scope');
  assert.equal(authorize.get('code_challenge_method'), 'S256', 'authorize: code_challenge_method');
  assert.match(authorize.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/, 'authorize: code_challenge is base64url(SHA-256)');
  assert.ok(authorize.get('state'), 'authorize: state');
  assert.equal(authorize.get('lang'), 'ko', 'authorize: lang');

  await page.locator('#username').waitFor({ state: 'visible' }).catch(() => {
    throw new Error('the login page at the authorize URL has no visible #username input');
  });
  await page.fill('#username', LEARNER.username);
  await page.fill('#password', LEARNER.password);
  const tokenResponse = page.waitForResponse((r) => r.url().startsWith(config.tokenUrl));
  const meRequest = page.waitForRequest((r) => r.url() === apiUrl('/me'));
  await page.click('#submit');

  const token = await tokenResponse;
  assert.equal(token.status(), 200, `POST ${config.tokenUrl} answered ${token.status()}: ${await token.text().catch(() => '')}`);
  const sent = new URLSearchParams(token.request().postData() ?? '');
  assert.equal(sent.get('grant_type'), 'authorization_code', 'token request: grant_type');
  assert.equal(sent.get('redirect_uri'), config.redirectUri, 'token request: redirect_uri');
  assert.equal(createHash('sha256').update(sent.get('code_verifier') ?? '').digest('base64url'),
    authorize.get('code_challenge'), 'token request: code_verifier does not hash to the code_challenge');
  const tokens = await token.json();
  assert.match(tokens.id_token ?? '', /^[\w-]+\.[\w-]+\.[\w-]*$/, 'token response: id_token is not JWT-shaped');

  const me = await meRequest;
  assert.equal(me.headers().authorization, `Bearer ${tokens.id_token}`, 'GET /me must carry the ID token');
  assert.equal(me.headers()['accept-language'], 'ko', 'GET /me: Accept-Language');

  await expectText(page, '#me-name', exactly(LEARNER.name), 'the learner\'s name');
  await expectText(page, '#me-groups', mentions('학습자'), 'the learner group in Korean');
  const back = new URL(page.url());
  assert.equal(back.searchParams.has('code') || back.searchParams.has('state'), false, `code/state left in the URL: ${page.url()}`);
  const stored = await page.evaluate(() => ({ local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));
  assert.ok(stored.session.includes(tokens.id_token), 'the ID token is kept in sessionStorage');
  assert.ok(!stored.local.includes(tokens.id_token), 'no token may be kept in localStorage');

  await page.selectOption('#language', 'en');
  await expectText(page, '#me-groups', mentions(en['group.learners']), 'the learner group in English');
  await expectText(page, '#me-name', exactly(LEARNER.name), 'the learner\'s name after switching language');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', '<html lang> after switching to English');

  const logoutRequest = page.waitForRequest((r) => r.url().startsWith(config.logoutUrl));
  await page.click('#sign-out');
  const logout = new URL((await logoutRequest).url()).searchParams;
  assert.equal(logout.get('client_id'), config.clientId, 'logout: client_id');
  assert.equal(logout.get('logout_uri'), config.redirectUri, 'logout: logout_uri');
  await expectText(page, '#sign-in', exactly(en['auth.signIn']), 'the sign-in button after signing out (English remembered)');
  const after = await page.evaluate(() => JSON.stringify(sessionStorage));
  assert.ok(!after.includes(tokens.id_token), 'tokens must be gone from sessionStorage after sign-out');
}));

test('a visitor with no tokens sees the sign-in button and no alert', { timeout: 60_000 }, (t) => journey(t, {}, async (page) => {
  await page.goto(`${BASE_URL}/`);
  await expectText(page, '#sign-in', exactly(ko['auth.signIn']), 'the sign-in button in Korean');
  const alerts = await page.locator('[role="alert"]').evaluateAll((els) => els
    .filter((el) => el.getClientRects().length > 0 || el.textContent.trim())
    .map((el) => el.textContent.trim()));
  assert.deepEqual(alerts, [], 'no alert may be shown to a visitor who has not signed in');
  assert.equal(await page.locator('#me-name').isVisible(), false, '#me-name must not show when signed out');
}));

test('a first visit follows the browser language when it is supported', { timeout: 60_000 }, (t) => journey(t, { locale: 'vi-VN' }, async (page) => {
  await page.goto(`${BASE_URL}/`);
  await expectText(page, '#sign-in', exactly(vi['auth.signIn']), 'the sign-in button in Vietnamese');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi', '<html lang> for a Vietnamese browser');
  assert.equal(await page.inputValue('#language'), 'vi', 'the language switcher shows Vietnamese');
}));

test('a cancelled sign-in shows a translated alert and cleans the URL', { timeout: 60_000 }, (t) => journey(t, {}, async (page) => {
  await page.goto(`${BASE_URL}/?error=access_denied&state=whatever`);
  await expectText(page, '[role="alert"]', mentions(ko['error.signInCancelled']), 'the cancelled-sign-in alert in Korean');
  await expectText(page, '#sign-in', exactly(ko['auth.signIn']), 'the sign-in button after a cancelled sign-in');
  assert.equal(new URL(page.url()).search, '', `error/state left in the URL: ${page.url()}`);
}));
