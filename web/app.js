// Seoul Learn web shell: language switcher, sign-in with OAuth 2.0 authorization code + PKCE
// (as against Cognito's hosted login), and a card showing who is signed in.

const LANGUAGES = ['ko', 'en', 'vi', 'zh'];
const DEFAULT_LANGUAGE = 'ko';
// A language preference may outlive the tab; tokens and the PKCE secret must not.
const LANGUAGE_STORE = 'seoulLearn:language';
const PKCE_STORE = 'seoulLearn:pkce';
const TOKENS_STORE = 'seoulLearn:tokens';

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
  for (const el of document.querySelectorAll('[data-i18n]')) {
    if (messages[el.dataset.i18n]) el.textContent = messages[el.dataset.i18n];
  }
  render();
}

async function chooseLanguage(code) {
  if (!LANGUAGES.includes(code)) return;
  local.set(LANGUAGE_STORE, code);
  await setLanguage(code);
  // Server problems arrive already translated; ask again to get them in the new language.
  if (alertSource?.problem && readTokens()) await loadMe();
}

// ---- rendering ----

function show(next) {
  view = next;
  render();
}

function render() {
  $('signed-out').hidden = view !== 'signed-out';
  $('signed-in').hidden = view !== 'signed-in';
  const notice = view === 'loading' ? 'notice.loading' : noticeKey;
  $('notice').textContent = notice ? t(notice) : '';
  $('me-card').hidden = !me;
  if (me) renderMe();
  if (alertSource?.key) fillAlert(t('error.title'), t(alertSource.key));
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

async function showProblem(res) {
  let problem = null;
  if (/json/i.test(res.headers.get('Content-Type') || '')) {
    try { problem = await res.json(); } catch { /* not a problem document */ }
  }
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

async function signIn() {
  const button = $('sign-in');
  button.disabled = true;
  try {
    const state = randomString(32);
    const verifier = randomString(64); // 86 characters, within RFC 7636's 43–128
    const challenge = await codeChallenge(verifier);
    session.set(PKCE_STORE, JSON.stringify({ state, verifier }));
    location.assign(withParams(config.authorizeUrl, {
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

// Back on redirectUri with ?code&state (or ?error): trade the code for tokens.
async function finishSignIn(params) {
  const url = new URL(location.href);
  for (const name of ['code', 'state', 'error', 'error_description', 'error_uri']) url.searchParams.delete(name);
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
  if (!config?.logoutUrl) return show('signed-out');
  location.assign(withParams(config.logoutUrl, {
    client_id: config.clientId,
    logout_uri: config.redirectUri,
  }));
}

// ---- API ----

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
    res = await fetch(`${config.apiBase.replace(/\/+$/, '')}/me`, {
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
  $('sign-out').addEventListener('click', signOut);
  // Coming back from the login page with the Back button restores a disabled button.
  window.addEventListener('pageshow', (e) => { if (e.persisted) $('sign-in').disabled = false; });

  show('loading');
  await setLanguage(initialLanguage());
  try {
    config = await loadConfig();
  } catch {
    showError('error.config');
    $('sign-in').disabled = true;
    return show('signed-out');
  }
  const params = new URLSearchParams(location.search);
  if (params.has('code') || params.has('error')) await finishSignIn(params);
  if (readTokens()) await loadMe();
  else show('signed-out');
}

start();
