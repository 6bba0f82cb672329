// What the journey tests share: the local cloud and Chromium, a journey wrapper that explains
// failures (screenshot, URL, browser log) and checks that nothing outside the local cloud was
// called, and the steps every journey takes (sign up, sign in, fill in the profile).
// Nothing is mocked: every step goes through the running local cloud (LOCAL_CLOUD_URL).
import { createHmac } from 'node:crypto';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.LOCAL_CLOUD_URL || 'http://localhost:3000').replace(/\/+$/, '');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Set SCREENSHOT_DIR to keep a 360 px screenshot of every page a journey names.
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || '';
export const WAIT_MS = 20_000;
export const PASSWORD = 'seoul-demo-2026';
export const REVIEWER = { username: 'reviewer@seoul-learn.local', password: PASSWORD };

const catalogue = async (lang) => JSON.parse(await readFile(new URL(`../i18n/${lang}.json`, import.meta.url), 'utf8'));
export const messages = { ko: await catalogue('ko'), en: await catalogue('en'), vi: await catalogue('vi'), zh: await catalogue('zh') };
const { LOCALES } = await import(new URL('../i18n.js', import.meta.url));

/** A message's words for the count n: the plural form Intl.PluralRules picks in the language (or the text). */
export function plural(lang, key, n) {
  const value = messages[lang][key];
  if (typeof value === 'string') return value;
  return value[new Intl.PluralRules(LOCALES[lang]).select(n)] ?? value.other;
}

let browser;
export let config;

/** The Chromium of this test file (started by useBrowser), for a test that needs a bare context. */
export const currentBrowser = () => browser;

/** Registers the hooks that check the local cloud and start Chromium for this test file. */
export function useBrowser() {
  before(async () => {
    try {
      const res = await fetch(`${BASE_URL}/config.json`);
      assert.equal(res.status, 200, `GET ${BASE_URL}/config.json answered ${res.status}`);
      config = await res.json();
    } catch (err) {
      throw new Error(`The local cloud is not answering at ${BASE_URL} (set LOCAL_CLOUD_URL or start it first): ${err.message}`);
    }
    for (const field of ['authorizeUrl', 'signupUrl', 'tokenUrl', 'logoutUrl', 'clientId', 'redirectUri', 'apiBase']) {
      assert.ok(config[field], `${BASE_URL}/config.json has no "${field}"`);
    }
    assert.equal(new URL(config.redirectUri).origin, new URL(BASE_URL).origin,
      `config.json redirectUri ${config.redirectUri} is not on LOCAL_CLOUD_URL ${BASE_URL}; use the same host name for both`);
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
}

export const apiUrl = (route) => new URL(`${config.apiBase.replace(/\/+$/, '')}${route}`, `${BASE_URL}/`).href;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the element is visible and its text passes `accept`, else fails saying what it saw. */
export async function expectText(page, selector, accept, what) {
  const deadline = Date.now() + WAIT_MS;
  let seen = '(no such element)';
  for (;;) {
    const el = page.locator(selector).first();
    if (await el.count()) {
      const visible = await el.isVisible();
      const text = (await el.innerText().catch(() => '')).trim();
      seen = `${visible ? '' : '(hidden) '}"${text}"`;
      if (visible && accept(text)) return text;
    }
    if (Date.now() > deadline) {
      throw new assert.AssertionError({ message: `${what}: ${selector} never matched within ${WAIT_MS} ms; last saw ${seen}` });
    }
    await sleep(100);
  }
}
export const exactly = (expected) => (text) => text === expected;
export const mentions = (expected) => (text) => text.includes(expected);
// A message with {placeholders}: the fixed words between them must all be there.
export const mentionsMessage = (template) => (text) => template.split(/\{\w+\}/).every((part) => text.includes(part.trim()));

/**
 * Runs a journey in a fresh 360 px browser context; on failure adds a screenshot, the URL and the
 * browser log. The page may call only the local cloud, the login endpoints of config.json and
 * the storage addresses the API itself handed out (presigned upload and read URLs).
 */
// The personal values a journey sends (names, birth dates, contacts, e-mails on sign-up, the
// contents of uploaded files) go to .local/logs/cloud-<port>/personal-values/web.txt, where the
// log privacy scan (infra/local-cloud LogPrivacyScan, end of infra/test) looks for them in every
// function log.
const PERSONAL_KEY = /name|birth|contact|phone|email|address/i;
const valuesFile = fileURLToPath(new URL(`../../.local/logs/cloud-${new URL(BASE_URL).port || 80}/personal-values/web.txt`, import.meta.url));
export function registerPersonal(...values) {
  const lines = values.flatMap((v) => String(v).split(/\r?\n/)).map((v) => v.trim()).filter(Boolean);
  if (!lines.length) return;
  mkdirSync(path.dirname(valuesFile), { recursive: true });
  appendFileSync(valuesFile, lines.map((v) => `${v}\n`).join(''));
}
function registerPersonalFrom(request) {
  let body;
  try { body = request.postData(); } catch { return; }
  if (!body) return;
  const url = new URL(request.url());
  if (url.pathname.startsWith('/api/registration') && !url.pathname.endsWith('/finalise')) {
    const collect = (o) => Object.entries(o ?? {}).forEach(([k, v]) => {
      if (v && typeof v === 'object') collect(v);
      else if (typeof v === 'string' && PERSONAL_KEY.test(k)) registerPersonal(v);
    });
    try { collect(JSON.parse(body)); } catch { /* not JSON */ }
  } else if (url.pathname === '/signup') {
    registerPersonal(new URLSearchParams(body).get('username') ?? '');
  } else if (request.method() === 'PUT' && url.origin !== new URL(BASE_URL).origin) {
    registerPersonal(body); // a document uploaded to its presigned URL
  }
}

export async function journey(t, { locale = 'ko-KR', chosenLanguage = locale.split('-')[0] } = {}, steps) {
  // The device clock is not in Seoul: the pages must still show Seoul dates and times.
  const context = await browser.newContext({ locale, timezoneId: 'Europe/London', viewport: { width: 360, height: 780 } });
  // Someone who uses this device chose its language (as with the switcher), so the pages keep it
  // whatever the signed-in profile prefers; chosenLanguage: null tests the device with no choice.
  if (chosenLanguage) await context.addInitScript(chooseLanguageOnDevice, chosenLanguage);
  const page = await context.newPage();
  trackRequests(page);
  page.setDefaultTimeout(WAIT_MS);
  const browserLog = [];
  const requested = [];
  const handedOut = new Set();
  context.on('console', (m) => { if (['error', 'warning'].includes(m.type())) browserLog.push(`console.${m.type()}: ${m.text()}`); });
  // The site is served with the template's Content-Security-Policy (as CloudFront serves it):
  // every page of the app must carry it and nothing on it may break it.
  const cspBroken = [];
  const servedWithoutCsp = [];
  context.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspBroken.push(m.text()); });
  context.on('response', (r) => {
    const url = new URL(r.url());
    if (r.request().resourceType() === 'document' && url.origin === new URL(BASE_URL).origin && /^\/(index\.html)?$/.test(url.pathname)
        && !/\bdefault-src 'self'/.test(r.headers()['content-security-policy'] ?? '')) servedWithoutCsp.push(r.url());
  });
  page.on('pageerror', (err) => browserLog.push(`page error: ${err.message}`));
  context.on('request', (r) => { requested.push(r.url()); registerPersonalFrom(r); });
  context.on('response', async (r) => {
    if (r.status() >= 400) browserLog.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
    if (r.request().method() === 'POST' && /\/api\/(registration\/documents|review\/applications\/.+\/read-url)$/.test(new URL(r.url()).pathname) && r.ok()) {
      try {
        const body = await r.json();
        for (const url of [body.uploadUrl, body.url]) if (url) handedOut.add(new URL(url).origin);
      } catch { /* not JSON: nothing handed out */ }
    }
  });
  const state = { context, page, shots: 0 };
  try {
    await steps(page, state);
    await noLeakedValues(page, 'the last page of the journey');
    await accessible(page, 'the last page of the journey');
    const allowed = new Set([BASE_URL, config.authorizeUrl, config.signupUrl, config.tokenUrl, config.logoutUrl]
      .map((u) => new URL(u).origin));
    const elsewhere = requested.filter((u) => /^https?:/.test(u) && !allowed.has(new URL(u).origin) && !handedOut.has(new URL(u).origin));
    assert.deepEqual(elsewhere, [], 'the page must not call anything outside the local cloud');
    assert.deepEqual(cspBroken, [], 'nothing on the page may break the Content-Security-Policy');
    assert.deepEqual(servedWithoutCsp, [], 'the app is served with the Content-Security-Policy');
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

/**
 * Fails when the page shows a programming value instead of words ("null", "undefined", "NaN",
 * "[object Object]"): a missing piece of data drawn as text. Checked on every page a journey
 * names and at its end.
 */
/** Saves a language choice in the page's storage, as the switcher does, unless one is there. */
export function chooseLanguageOnDevice(code) {
  try {
    if (!localStorage.getItem('seoulLearn:language')) localStorage.setItem('seoulLearn:language', code);
  } catch { /* storage refused: the page falls back to the browser's language */ }
}

export async function noLeakedValues(page, what) {
  if (page.isClosed()) return;
  const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
  const leaked = text.match(/(^|[\s(:])(null|undefined|NaN|\[object Object\])(?=$|[\s),.])/m);
  assert.equal(leaked, null, `${what} shows "${leaked?.[2]}" as text`);
}

// axe-core (pinned in package.json), evaluated in the page through the browser's debugging
// protocol: nothing is fetched, and the page's own content security policy is not loosened.
const AXE_SOURCE = await readFile(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core's WCAG 2.2 A/AA rules on the page as it is and fails on any violation, naming
 * the rule, its help text and the first elements it found.
 */
export async function accessible(page, what) {
  if (page.isClosed()) return;
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `${what}: accessibility violations (WCAG 2.2 AA, axe-core)`);
}

/**
 * Checks the page a journey names — no programming values shown as text, no accessibility
 * violation — and keeps a full-page screenshot when SCREENSHOT_DIR is set (for looking at the
 * pages at 360 px).
 */
export async function snap(page, name) {
  await noLeakedValues(page, `the page "${name}"`);
  await accessible(page, `the page "${name}"`);
  if (!SCREENSHOT_DIR) return;
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export const uniqueEmail = (label) => `${label}-${Date.now()}-${randomBytes(3).toString('hex')}@test.seoul-learn.local`;

// A made-up Korean name no other test of the run has used (the reviewer finds the application by
// it; a 이도현… child is approved by the records once). Five of 25 syllables: about 9.8 million
// names, so two of a run's few dozen meet about once in 20,000 runs; with three (15,625 names) two
// browser journeys of one run named the same child and the second was not approved at once.
const SYLLABLES = '가나다라마바사아자차카타파하은지민서윤도현준우예린';
export function uniqueKoreanName(family = '김') {
  let given = '';
  for (let i = 0; i < 5; i++) given += SYLLABLES[randomInt(SYLLABLES.length)];
  return `${family}${given}`;
}

// A child of the test family the local registry verifies (이도현…, born 2009-11-02, household
// 이영수 1975-07-21) no other test has named: the records approve one child once a programme year.
export const uniqueDohyun = () => uniqueKoreanName('이도현');

/**
 * From the start page: "Create an account", the hosted sign-up form (e-mail and password only, as
 * Cognito's page: no tenant field), then the app's tenant step ("where do you live?"), and on to
 * the registration.
 */
export async function signUp(page, { email, tenant = 'seoul', lang }) {
  const signupRequest = page.waitForRequest((r) => r.url().startsWith(config.signupUrl) && r.isNavigationRequest());
  await page.click('#sign-up');
  const sent = new URL((await signupRequest).url()).searchParams;
  await page.locator('#username').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#tenant, [name="tenant"], [name="custom:tenant"]').count(), 0,
    'the sign-up page asks only what Cognito\'s managed sign-up page can: no tenant field');
  await page.fill('#username', email);
  await page.fill('#password', PASSWORD);
  await page.click('#submit');
  await chooseTenant(page, { tenant, lang });
  await expectText(page, '#page h1', exactly(messages[lang]['register.title']), 'the registration page after sign-up');
  return sent;
}

/** The app's first step after sign-up: "where do you live?", answered with a tenant. */
export async function chooseTenant(page, { tenant, lang }) {
  await expectText(page, '#page h1', exactly(messages[lang]['where.title']), 'the tenant step after sign-up');
  await page.check(`#tenant-${tenant}`);
  await page.click('#where-continue');
}

/** The seeded staff users' TOTP key (README, "Demo users"). */
export const STAFF_TOTP_SECRET = 'JBSWY3DPEHPK3PXPSEOULLEARNDEMO23';
const STAFF = /^(reviewer|officer|admin|catalogue)[.@]/;

/** RFC 6238 TOTP of a Base32 key (HMAC-SHA1, 6 digits, 30 s), as an authenticator app shows it. */
export function totp(secret, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const hash = createHmac('sha1', key).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * From the start page (signed out): the sign-in button and the hosted login form; a staff user
 * then enters the code of their authenticator (the seeded key), a learner is never asked.
 */
export async function signIn(page, { username, password = PASSWORD, secret = STAFF.test(username) ? STAFF_TOTP_SECRET : null }) {
  await page.click('#sign-in');
  await page.locator('#username').waitFor({ state: 'visible' });
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#submit');
  if (secret) {
    await page.locator('#code').waitFor({ state: 'visible' });
    await page.fill('#code', totp(secret));
    await page.click('#submit');
  }
}

export async function signOut(page) {
  if (!(await page.locator('#sign-out').isVisible())) {
    await page.goto(`${BASE_URL}/#/`);
  }
  await page.click('#sign-out');
  await page.locator('#sign-in').waitFor({ state: 'visible' });
}

export async function fillDate(page, name, iso) {
  const [year, month, day] = iso.split('-');
  await page.fill(`#${name}-year`, year);
  await page.fill(`#${name}-month`, String(Number(month)));
  await page.fill(`#${name}-day`, String(Number(day)));
}

/** Fills "your details"; grade only when given. Does not press save. */
export async function fillProfile(page, p) {
  await page.locator('#name').waitFor({ state: 'visible' });
  await page.fill('#name', p.name);
  await fillDate(page, 'birthDate', p.birthDate);
  await page.selectOption('#schoolLevel', p.schoolLevel);
  if (p.grade) await page.selectOption('#grade', String(p.grade));
  await page.selectOption('#district', p.district);
  for (const code of p.categories) await page.check(`#categories-${code}`);
}

/** Calls the API as the signed-in user of this page (the ID token the page keeps). */
export async function api(page, method, route, body) {
  const tokens = await page.evaluate(() => JSON.parse(sessionStorage.getItem('seoulLearn:tokens') || 'null'));
  assert.ok(tokens?.idToken, 'no ID token in the page');
  const res = await fetch(apiUrl(route), {
    method,
    headers: { Authorization: `Bearer ${tokens.idToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** A small, real PDF (the server checks the first bytes). */
export function smallPdf() {
  return Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n'
    + '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
}

// ---- the app's pages, read from its source (issue 10) ----
// So that a page added to app.js is visited by the accessibility, small-screen and weight
// checks without touching the tests.

const source = async (file) => readFile(new URL(`../${file}`, import.meta.url), 'utf8');
const appSource = await source('app.js');
const block = (text, name) => text.match(new RegExp(`const ${name} = ([\\[{][\\s\\S]*?[\\]}]);`))?.[1] ?? '';
const quotedOrBare = (text) => [...text.matchAll(/(?:^|[{,\s])(?:'([^']+)'|"([^"]+)"|([A-Za-z][\w-]*))\s*:/gm)].map((m) => m[1] ?? m[2] ?? m[3]);

/** The hash routes of app.js's PAGES (e.g. 'register', 'catalog'), the public ones, and each one's module file. */
export const ROUTES = quotedOrBare(block(appSource, 'PAGES'));
export const PUBLIC_ROUTES = [...block(appSource, 'PUBLIC_PAGES').matchAll(/'([^']+)'/g)].map((m) => m[1]);
export const ROUTE_MODULES = Object.fromEntries([...block(appSource, 'PAGES').matchAll(/(?:'([^']+)'|([A-Za-z][\w-]*))\s*:\s*\(\)\s*=>\s*import\('\.\/([\w-]+\.js)'\)/g)]
  .map((m) => [m[1] ?? m[2], m[3]]));
if (ROUTES.length < 5 || !PUBLIC_ROUTES.length) throw new Error(`support.mjs could not read the routes of app.js (found ${ROUTES.join(', ')})`);

/**
 * The steps of a route whose module keeps a `const pages = { '': hub, profile, … }` table
 * (e.g. 'register' → ['register/profile', …]).
 */
export async function stepsOf(route) {
  const file = ROUTE_MODULES[route];
  if (!file) return [];
  const table = block(await source(file), 'pages');
  return quotedOrBare(table).filter((step) => step && step !== "''").map((step) => `${route}/${step}`)
    .concat([...table.matchAll(/[{,]\s*([a-z][\w-]*)\s*(?=[,}])/g)].map((m) => `${route}/${m[1]}`))
    .filter((v, i, all) => all.indexOf(v) === i);
}

// The requests of each page still open, from the browser's own events (journey starts this for
// every page it opens, before its first request).
const network = new WeakMap();
function trackRequests(page) {
  let n = network.get(page);
  if (n) return n;
  n = { open: new Set(), started: 0, waiting: [] };
  const done = (r) => {
    n.open.delete(r);
    for (const wake of n.waiting.splice(0)) wake();
  };
  page.on('request', (r) => { n.open.add(r); n.started += 1; });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  network.set(page, n);
  return n;
}

/**
 * Resolves once none of the page's requests is open and what the last answer set off has run
 * (hash routes fire no load event): when nothing is open, the page's own event loop is let turn
 * (a frame and two tasks: the answer read, drawn, and any call it leads to sent) and nothing new
 * may have started meanwhile. No waiting for time to pass: a slow answer is waited for, however
 * long it takes (up to timeoutMs), and a page that is done is done at once.
 */
export async function settled(page, timeoutMs = WAIT_MS) {
  const n = trackRequests(page);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (n.open.size) {
      let timer;
      await new Promise((resolve) => {
        n.waiting.push(resolve);
        timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
      });
      clearTimeout(timer);
      continue;
    }
    const started = n.started;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve, 0), 0))));
    if (!n.open.size && n.started === started) return;
  }
}

/** Fails when the page is wider than the 360 px screen (the reader would have to scroll sideways). */
export async function fitsSmallScreen(page, what) {
  const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body?.scrollWidth ?? 0));
  const viewport = page.viewportSize()?.width ?? 360;
  assert.ok(width <= viewport, `${what}: the page is ${width} px wide on a ${viewport} px screen (sideways scrolling)`);
}
