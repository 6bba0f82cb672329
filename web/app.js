// Seoul Learn web shell: language switcher, sign-in and sign-up with OAuth 2.0 authorization
// code + PKCE (as against Cognito's hosted login), a card showing who is signed in, and hash
// routes (#/register…, #/review…, #/catalog, #/providers) whose pages are loaded only when first visited.

const LANGUAGES = ['ko', 'en', 'vi', 'zh'];
const DEFAULT_LANGUAGE = 'ko';
// Formats for dates and lists; en-GB writes day before month, which most readers expect.
const LOCALES = { ko: 'ko-KR', en: 'en-GB', vi: 'vi-VN', zh: 'zh-CN' };
// The programme's calendar: every date and time is shown as it is in Seoul.
const TIME_ZONE = 'Asia/Seoul';
// A language preference may outlive the tab; tokens and the PKCE secret must not.
const LANGUAGE_STORE = 'seoulLearn:language';
const PKCE_STORE = 'seoulLearn:pkce';
const TOKENS_STORE = 'seoulLearn:tokens';
// Where to go back to after the login page (the callback URL is always the site root).
const RETURN_STORE = 'seoulLearn:returnTo';

// Known ids map to message keys; anything else is shown as the server sent it.
const GROUP_KEYS = {
  applicants: 'group.applicants',
  learners: 'group.learners',
  mentors: 'group.mentors',
  reviewers: 'group.reviewers',
  'district-officers': 'group.district-officers',
  admins: 'group.admins',
};
const REGISTRATION_KEYS = {
  DRAFT: 'registration.DRAFT',
  SUBMITTED: 'registration.SUBMITTED',
  UNDER_REVIEW: 'registration.UNDER_REVIEW',
  APPROVED: 'registration.APPROVED',
  REJECTED: 'registration.REJECTED',
  NOT_REGISTERED: 'registration.NOT_REGISTERED',
};
const TENANT_KEYS = { seoul: 'tenant.seoul', chungbuk: 'tenant.chungbuk' };
// OAuth error codes from the authorize redirect; the user only needs to know cancelled vs failed.
const OAUTH_ERROR_KEYS = { access_denied: 'error.signInCancelled' };
// Pages behind the hash routes, each a module loaded on first visit (keeps the first load light).
const PAGES = {
  register: () => import('./register.js'),
  laptops: () => import('./laptops.js'),
  review: () => import('./review.js'),
  mentoring: () => import('./mentoring.js'), // mentoring (issue 5)
  dashboard: () => import('./dashboard.js'), // programme dashboard (issue 9)
  recruitment: () => import('./recruitment.js'), // mentor recruitment (issue 11)
  'who-can-apply': () => import('./programme.js'),
  catalog: () => import('./catalog.js'),
  providers: () => import('./providers.js'),
};
// Pages anyone may read without signing in.
const PUBLIC_PAGES = ['who-can-apply', 'catalog'];

const $ = (id) => document.getElementById(id);
const catalogues = new Map();
let messages = {};
let language = DEFAULT_LANGUAGE;
let config = null;
let me = null;
let view = 'loading';
let noticeKey = null;
// What the alert shows, so a language change can re-translate it:
// { key } for our own messages, { problem: true } for a server problem (already localised).
let alertSource = null;
let languageRequest = 0;
let meRequest = 0;
// The page module on screen: { path, public, instance }; pageRequest drops answers for a page already left.
let page = null;
let pageRequest = 0;
let titleSource = { key: null, error: false };
let pendingFocus = null;
// After the first page of a visit, each route change moves focus to the new page's heading.
let started = false;

const t = (key) => messages[key] ?? '';
const label = (keys, id) => (keys[id] ? t(keys[id]) : String(id ?? ''));

function storage(area) {
  // Storage can throw (blocked cookies, private modes); the page still works without it.
  return {
    get(key) { try { return window[area].getItem(key); } catch { return null; } },
    set(key, value) { try { window[area].setItem(key, value); } catch { /* not kept */ } },
    remove(key) { try { window[area].removeItem(key); } catch { /* nothing kept */ } },
    clear() { try { window[area].clear(); } catch { /* nothing kept */ } },
  };
}
const local = storage('localStorage');
const session = storage('sessionStorage');

function readJson(store, key) {
  try { return JSON.parse(store.get(key)); } catch { return null; }
}

// ---- language ----

function initialLanguage() {
  const saved = local.get(LANGUAGE_STORE);
  if (LANGUAGES.includes(saved)) return saved;
  for (const tag of navigator.languages?.length ? navigator.languages : [navigator.language]) {
    const base = String(tag || '').toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

async function loadCatalogue(code) {
  if (!catalogues.has(code)) {
    const res = await fetch(new URL(`i18n/${code}.json`, import.meta.url));
    if (!res.ok) throw new Error(`i18n/${code}.json: ${res.status}`);
    catalogues.set(code, await res.json());
  }
  return catalogues.get(code);
}

// A message with {name} placeholders filled. An argument may be text or a number, a message
// key ({ key }), several keys or texts made into a list in the language's way ({ keys } /
// { items }), or a date ({ date, style }).
function fmt(key, args) {
  const text = t(key);
  if (!args) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? argument(args[name]) : whole));
}

function argument(value) {
  if (value == null) return '';
  if (typeof value !== 'object') return String(value);
  if (value.key) return t(value.key);
  if (value.date) return formatDate(value.date, value.style);
  const parts = value.keys ? value.keys.map(t) : (value.items ?? []).map(String);
  try {
    return new Intl.ListFormat(LOCALES[language], { style: 'long', type: 'conjunction' }).format(parts);
  } catch {
    return parts.join(', ');
  }
}

// 'YYYY-MM-DD' is a calendar date (a birthday): shown as it is. Anything else is an instant:
// shown in Seoul time.
function formatDate(value, style = 'datetime') {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.exec(String(value));
  const instant = dateOnly ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(instant.getTime())) return String(value ?? '');
  const options = dateOnly || style === 'date'
    ? { dateStyle: 'long', timeZone: dateOnly ? 'UTC' : TIME_ZONE }
    : { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE };
  try {
    return new Intl.DateTimeFormat(LOCALES[language], options).format(instant);
  } catch {
    return instant.toISOString().slice(0, 10);
  }
}

// Fills every element under root that names a message (data-i18n, with data-i18n-args) or
// shows a date (data-date): used at start, on a language change, and by pages as they build.
function localize(root = document) {
  const found = root.querySelectorAll ? [...root.querySelectorAll('[data-i18n],[data-date]')] : [];
  if (root.matches?.('[data-i18n],[data-date]')) found.unshift(root);
  for (const el of found) {
    if (el.dataset.i18n) {
      let args = null;
      try { args = el.dataset.i18nArgs ? JSON.parse(el.dataset.i18nArgs) : null; } catch { /* shown without */ }
      if (messages[el.dataset.i18n]) el.textContent = fmt(el.dataset.i18n, args);
    } else {
      el.textContent = formatDate(el.dataset.date, el.dataset.dateStyle);
    }
  }
}

async function setLanguage(code) {
  const request = ++languageRequest;
  let catalogue;
  try {
    catalogue = await loadCatalogue(code);
  } catch {
    if (code === DEFAULT_LANGUAGE) return; // keep the Korean text that index.html carries
    return setLanguage(DEFAULT_LANGUAGE);
  }
  if (request !== languageRequest) return; // a later choice won
  messages = catalogue;
  language = code;
  document.documentElement.lang = code;
  $('language').value = code;
  localize(document);
  page?.instance?.languageChanged?.();
  render();
}

async function chooseLanguage(code) {
  if (!LANGUAGES.includes(code)) return;
  local.set(LANGUAGE_STORE, code);
  await setLanguage(code);
  // Server problems arrive already translated; ask again to get them in the new language.
  if (alertSource?.problem && readTokens()) await loadMe();
}

// ---- routes ----

// '#/register/profile' → { name: 'register', path: '/register/profile', parts: ['register', 'profile'] }
function currentRoute() {
  const hash = location.hash;
  if (!hash.startsWith('#/')) return { name: 'home', path: '/', parts: [] };
  const path = hash.slice(1).split('?')[0].replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
  const name = parts.length && PAGES[parts[0]] ? parts[0] : 'home';
  return { name, path, parts };
}

function navigate(path, { replace = false } = {}) {
  const hash = `#${path}`;
  if (location.hash === hash) return route();
  if (replace) {
    history.replaceState(history.state, '', hash);
    return route();
  }
  location.hash = hash; // hashchange calls route()
}

async function route() {
  const where = currentRoute();
  if (where.name === 'home') {
    leavePage();
    if (readTokens() && view !== 'loading') await loadMe();
    return render();
  }
  const open = PUBLIC_PAGES.includes(where.name);
  if (!readTokens() && !open) {
    leavePage();
    noticeKey = 'notice.signInToContinue';
    return show('signed-out');
  }
  // Fetch the page's code while asking who is signed in: on a slow connection that saves a round trip.
  const loading = PAGES[where.name]();
  loading.catch(() => {}); // a failure is reported by enterPage
  if (readTokens() && !me) await loadMe();
  if (!open && (!me || view !== 'signed-in')) return;
  await enterPage(where, open, loading);
}

async function enterPage(where, open, loading = PAGES[where.name]()) {
  const request = ++pageRequest;
  const first = !started;
  let module;
  try {
    module = await loading;
  } catch {
    if (request !== pageRequest) return;
    showError('error.network');
    return;
  }
  if (request !== pageRequest) return;
  page?.instance?.leave?.();
  const host = $('page');
  host.replaceChildren();
  clearAlert();
  page = { path: where.path, public: open, instance: null };
  render();
  page.instance = module.enter(pageContext(request, first), host, where.parts.slice(1));
}

function leavePage() {
  pageRequest++;
  page?.instance?.leave?.();
  page = null;
  $('page').replaceChildren();
  setTitle(null);
}

function setTitle(key, { error = false } = {}) {
  titleSource = { key, error };
  const parts = [key ? t(key) : null, t('app.title')].filter(Boolean);
  document.title = `${error ? `${t('errors.prefix')} ` : ''}${parts.join(' — ')}`;
}

// What a page may use. Answers for a page already left are dropped (current() turns false).
function pageContext(request, first) {
  const current = () => request === pageRequest;
  return {
    t, fmt, localize, formatDate, current,
    language: () => language,
    locale: () => LOCALES[language],
    me: () => me,
    navigate,
    setTitle,
    signInAgain,
    signIn: (button) => authorize(button, config.authorizeUrl, pageToReturnTo()),
    signUp: (button) => authorize(button, config.signupUrl || config.authorizeUrl, '/register'),
    api: (method, path, body) => api(method, path, body, current),
    publicApi: (method, path) => publicApi(method, path, current),
    fetchFile: (path) => fetchFile(path, current), // dashboard (issue 9): CSV downloads
    // Moves focus to the page heading after a route change (not on the first load).
    arrived(host) {
      const focus = pendingFocus && document.getElementById(pendingFocus);
      pendingFocus = null;
      if (focus) return focusField(focus);
      if (!first) host.querySelector('h1')?.focus();
    },
  };
}

function focusField(el) {
  (el.closest('.field') ?? el).scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
}

// In-page links (the skip link, error summaries) must not replace the route in the hash.
function followInPageLink(event) {
  const link = event.target.closest?.('a[href^="#"]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const href = link.getAttribute('href');
  if (href.startsWith('#/')) {
    pendingFocus = link.dataset.focus ?? null;
    return;
  }
  const target = document.getElementById(href.slice(1));
  if (!target) return;
  event.preventDefault();
  if (target.matches('input, select, textarea, button')) focusField(target);
  else target.focus();
}

// ---- rendering ----

function show(next) {
  view = next;
  render();
}

function render() {
  const onPage = Boolean(page) && (view === 'signed-in' || (page.public && view !== 'loading'));
  $('signed-out').hidden = view !== 'signed-out' || onPage;
  $('signed-in').hidden = view !== 'signed-in' || onPage;
  $('page').hidden = !onPage;
  const notice = view === 'loading' ? 'notice.loading' : noticeKey;
  $('notice').textContent = notice ? t(notice) : '';
  $('me-card').hidden = !me;
  if (me) renderMe();
  if (alertSource?.key) fillAlert(t('error.title'), t(alertSource.key));
  if (!onPage) setTitle(null);
  else setTitle(titleSource.key, titleSource);
}

function renderMe() {
  $('me-name').textContent = me.displayName || me.userId || '';
  $('me-tenant').textContent = label(TENANT_KEYS, me.tenant);
  const groups = Array.isArray(me.groups) ? me.groups : [];
  const list = $('me-groups');
  list.classList.toggle('tags-empty', !groups.length);
  const items = groups.length ? groups.map((g) => label(GROUP_KEYS, g)) : [t('me.noGroups')];
  list.replaceChildren(...items.map((text) => {
    const li = document.createElement('li');
    li.textContent = text;
    return li;
  }));
  const status = $('me-status');
  status.textContent = label(REGISTRATION_KEYS, me.registrationStatus);
  status.dataset.status = me.registrationStatus ?? '';
  // What to do next, by role: applicants carry on with their registration, reviewers review.
  const editable = ['DRAFT', 'REJECTED', 'NOT_REGISTERED'].includes(me.registrationStatus);
  $('next-register').hidden = !groups.includes('applicants');
  $('go-register').textContent = t(editable ? 'home.continueRegistration' : 'home.seeApplication');
  $('next-review').hidden = !groups.includes('reviewers');
  $('next-providers').hidden = !groups.includes('learners');
  // laptops: learners ask for one, officers and admins run their districts' console
  $('next-laptops').hidden = !['learners', 'district-officers', 'admins'].some((g) => groups.includes(g));
  $('next-mentoring').hidden = !groups.some((g) => ['learners', 'mentors', 'reviewers'].includes(g)); // mentoring (issue 5)
  $('next-dashboard').hidden = !groups.some((g) => ['reviewers', 'admins'].includes(g)); // dashboard (issue 9)
  $('next-recruitment').hidden = !groups.some((g) => ['applicants', 'learners', 'mentors', 'reviewers'].includes(g)); // issue 11
}

function fillAlert(title, detail) {
  const parts = [[title, 'alert-title'], [detail, 'alert-detail']]
    .filter(([text]) => text)
    .map(([text, className]) => {
      const p = document.createElement('p');
      p.className = className;
      p.textContent = text;
      return p;
    });
  $('alert').replaceChildren(...parts);
}

function showError(key) {
  alertSource = { key };
  fillAlert(t('error.title'), t(key));
}

function clearAlert() {
  alertSource = null;
  $('alert').replaceChildren();
}

async function readProblem(res) {
  if (!/json/i.test(res.headers.get('Content-Type') || '')) return null;
  try {
    const body = await res.json();
    return body && typeof body === 'object' && (body.code || body.title) ? body : null;
  } catch {
    return null;
  }
}

async function showProblem(res) {
  const problem = await readProblem(res);
  if (!problem?.title && !problem?.detail) return showError('error.server');
  alertSource = { problem: true };
  fillAlert(String(problem.title ?? ''), String(problem.detail ?? ''));
}

// ---- tokens and PKCE ----

function base64url(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const randomString = (byteCount) => base64url(crypto.getRandomValues(new Uint8Array(byteCount)));

async function codeChallenge(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function readTokens() {
  const tokens = readJson(session, TOKENS_STORE);
  return tokens?.idToken ? tokens : null;
}

function saveTokens(answer) {
  const lifetime = Number(answer.expires_in) > 0 ? Number(answer.expires_in) : 3600;
  session.set(TOKENS_STORE, JSON.stringify({
    idToken: answer.id_token,
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    expiresAt: Date.now() + lifetime * 1000,
  }));
}

function dropTokens() {
  session.remove(TOKENS_STORE);
  me = null;
}

function withParams(base, params) {
  const url = new URL(base, location.href);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

// Sign-in and sign-up are the same authorization request, sent to the login or the sign-up page.
async function authorize(button, pageUrl, returnTo) {
  button.disabled = true;
  try {
    const state = randomString(32);
    const verifier = randomString(64); // 86 characters, within RFC 7636's 43–128
    const challenge = await codeChallenge(verifier);
    session.set(PKCE_STORE, JSON.stringify({ state, verifier }));
    if (returnTo) session.set(RETURN_STORE, returnTo);
    else session.remove(RETURN_STORE);
    location.assign(withParams(pageUrl, {
      response_type: 'code',
      client_id: config.clientId,
      redirect_uri: config.redirectUri,
      scope: config.scopes,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      lang: language,
    }));
  } catch {
    button.disabled = false;
    showError('error.signInFailed');
  }
}

const pageToReturnTo = () => (['home', ...PUBLIC_PAGES].includes(currentRoute().name) ? null : currentRoute().path);

function signIn() {
  return authorize($('sign-in'), config.authorizeUrl, pageToReturnTo());
}

// A new account starts as an applicant: after sign-up, go straight to the registration.
function signUp() {
  return authorize($('sign-up'), config.signupUrl || config.authorizeUrl, pageToReturnTo() ?? '/register');
}

// Group changes (e.g. approval into learners) reach the app only in a new token.
function signInAgain() {
  session.remove(TOKENS_STORE);
  me = null;
  return authorize($('sign-in'), config.authorizeUrl, null);
}

// Back on redirectUri with ?code&state (or ?error): trade the code for tokens.
async function finishSignIn(params) {
  const url = new URL(location.href);
  for (const name of ['code', 'state', 'error', 'error_description', 'error_uri']) url.searchParams.delete(name);
  const returnTo = session.get(RETURN_STORE);
  session.remove(RETURN_STORE);
  if (returnTo && /^\/[\w/-]*$/.test(returnTo) && !url.hash) url.hash = `#${returnTo}`;
  history.replaceState(history.state, '', url.href); // a reload must not replay the code
  const pending = readJson(session, PKCE_STORE);
  session.remove(PKCE_STORE);

  const error = params.get('error');
  if (error) return showError(OAUTH_ERROR_KEYS[error] ?? 'error.signInFailed');
  if (!pending?.state || !pending.verifier || params.get('state') !== pending.state) {
    return showError('error.signInFailed');
  }
  try {
    const res = await fetch(config.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: config.clientId,
        code: params.get('code'),
        redirect_uri: config.redirectUri,
        code_verifier: pending.verifier,
      }),
    });
    const answer = res.ok ? await res.json() : null;
    if (!answer?.id_token) return showError('error.signInFailed');
    saveTokens(answer);
    clearAlert();
  } catch (err) {
    showError(err instanceof TypeError ? 'error.network' : 'error.signInFailed');
  }
}

function signOut() {
  session.clear();
  me = null;
  leavePage();
  if (!config?.logoutUrl) return show('signed-out');
  location.assign(withParams(config.logoutUrl, {
    client_id: config.clientId,
    logout_uri: config.redirectUri,
  }));
}

// ---- API ----

const apiUrl = (path) => `${config.apiBase.replace(/\/+$/, '')}${path}`;

// The session is over (expired or refused token): back to the sign-in button, keeping the page
// to come back to.
function sessionEnded() {
  dropTokens();
  leavePage();
  noticeKey = 'notice.sessionEnded';
  show('signed-out');
}

/**
 * Calls the API with the ID token and the page language. Answers
 * { ok, status, data } or { ok: false, status, problem } (problem+json, already localised by
 * the server; null when the answer was not one), { network: true } when nothing came back, and
 * { stale: true } when the page that asked is gone.
 */
async function api(method, path, body, current = () => true) {
  const tokens = readTokens();
  if (!tokens || tokens.expiresAt <= Date.now()) {
    sessionEnded();
    return { ok: false, status: 401, stale: true };
  }
  let res;
  try {
    res = await fetch(apiUrl(path), {
      method,
      headers: {
        Authorization: `Bearer ${tokens.idToken}`,
        'Accept-Language': language,
        Accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return current() ? { ok: false, status: 0, network: true, problem: null } : { ok: false, stale: true };
  }
  if (!current()) return { ok: false, status: res.status, stale: true };
  if (res.status === 401) {
    sessionEnded();
    return { ok: false, status: 401, stale: true };
  }
  if (!res.ok) return { ok: false, status: res.status, problem: await readProblem(res) };
  try {
    return { ok: true, status: res.status, data: res.status === 204 ? null : await res.json() };
  } catch {
    return { ok: false, status: res.status, problem: null };
  }
}

/** A file from the API (a CSV report), as a Blob: { ok, blob } or the same failures as api(). */
async function fetchFile(path, current = () => true) {
  const tokens = readTokens();
  if (!tokens || tokens.expiresAt <= Date.now()) {
    sessionEnded();
    return { ok: false, status: 401, stale: true };
  }
  let res;
  try {
    res = await fetch(apiUrl(path), { headers: { Authorization: `Bearer ${tokens.idToken}`, 'Accept-Language': language } });
  } catch {
    return current() ? { ok: false, status: 0, network: true, problem: null } : { ok: false, stale: true };
  }
  if (!current()) return { ok: false, status: res.status, stale: true };
  if (!res.ok) return { ok: false, status: res.status, problem: await readProblem(res) };
  return { ok: true, status: res.status, blob: await res.blob() };
}

/** A route anyone may call (no token): same answers as api(). */
async function publicApi(method, path, current = () => true) {
  let res;
  try {
    res = await fetch(apiUrl(path), { method, headers: { 'Accept-Language': language, Accept: 'application/json, application/problem+json' } });
  } catch {
    return current() ? { ok: false, status: 0, network: true, problem: null } : { ok: false, stale: true };
  }
  if (!current()) return { ok: false, status: res.status, stale: true };
  if (!res.ok) return { ok: false, status: res.status, problem: await readProblem(res) };
  try {
    return { ok: true, status: res.status, data: await res.json() };
  } catch {
    return { ok: false, status: res.status, problem: null };
  }
}

async function loadMe() {
  const request = ++meRequest;
  const tokens = readTokens();
  if (!tokens || tokens.expiresAt <= Date.now()) {
    if (tokens) noticeKey = 'notice.sessionEnded';
    dropTokens();
    return show('signed-out');
  }
  if (!me) show('loading');
  let res;
  try {
    res = await fetch(apiUrl('/me'), {
      headers: {
        Authorization: `Bearer ${tokens.idToken}`,
        'Accept-Language': language,
        Accept: 'application/json, application/problem+json',
      },
    });
  } catch {
    if (request !== meRequest) return;
    showError('error.network');
    return show('signed-in');
  }
  if (request !== meRequest) return;
  if (res.status === 401) {
    dropTokens();
    noticeKey = 'notice.sessionEnded';
    return show('signed-out');
  }
  if (!res.ok) {
    me = null;
    await showProblem(res);
    return show('signed-in');
  }
  try {
    me = await res.json();
  } catch {
    me = null;
    showError('error.server');
    return show('signed-in');
  }
  // Unless someone chose a language on this device, the pages speak the one the profile prefers.
  if (!LANGUAGES.includes(local.get(LANGUAGE_STORE)) && LANGUAGES.includes(me?.preferredLanguage)
      && me.preferredLanguage !== language) {
    await setLanguage(me.preferredLanguage);
    if (request !== meRequest) return;
  }
  noticeKey = null;
  if (alertSource?.problem) clearAlert();
  show('signed-in');
}

async function loadConfig() {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json: ${res.status}`);
  const loaded = await res.json();
  for (const field of ['authorizeUrl', 'tokenUrl', 'logoutUrl', 'clientId', 'redirectUri', 'apiBase']) {
    if (typeof loaded[field] !== 'string' || !loaded[field]) throw new Error(`config.json: no ${field}`);
  }
  return { scopes: 'openid email profile', ...loaded };
}

// ---- start ----

async function start() {
  $('language').addEventListener('change', (e) => chooseLanguage(e.target.value));
  $('sign-in').addEventListener('click', signIn);
  $('sign-up').addEventListener('click', signUp);
  $('sign-out').addEventListener('click', signOut);
  document.addEventListener('click', followInPageLink);
  // Coming back from the login page with the Back button restores disabled buttons.
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) { $('sign-in').disabled = false; $('sign-up').disabled = false; }
  });

  show('loading');
  // On a slow connection every round trip counts: ask for the messages, the configuration and
  // the page's code (with what it imports) at once, not one after the other.
  const opening = currentRoute().name;
  if (opening !== 'home') PAGES[opening]().catch(() => {}); // a failure is reported by enterPage
  const configLoading = loadConfig();
  configLoading.catch(() => {}); // reported below
  await setLanguage(initialLanguage());
  try {
    config = await configLoading;
  } catch {
    showError('error.config');
    $('sign-in').disabled = true;
    $('sign-up').disabled = true;
    return show('signed-out');
  }
  if (!config.signupUrl) $('sign-up').hidden = true;
  const params = new URLSearchParams(location.search);
  if (params.has('code') || params.has('error')) await finishSignIn(params);
  window.addEventListener('hashchange', route);
  if (readTokens()) await loadMe();
  else show('signed-out');
  if (currentRoute().name !== 'home') await route();
  started = true;
}

start();
