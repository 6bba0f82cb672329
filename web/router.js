// Hash routes (#/register/profile…): which page module a route opens (loaded on its first
// visit), the page on screen and what it may use (its context), and where focus goes when the
// route changes.

import { currentLanguage, currentLocale, fmt, formatDate, localize, t } from './i18n.js';
import { dropTokens, identityApi, readTokens, refreshTokens, signedInEmail } from './auth.js';
import { api, apiOnce, fetchFile, publicApi } from './api.js';
import {
  clearAlert, currentView, forgetWhoIsSignedIn, loadMe, needsSecondFactor, onLanguageChange, render, setNotice, setPageShown,
  setTitle, setUnread, show, showError, signIn, whoIsSignedIn,
} from './shell.js';

// name → () => import('./page.js'), and the names anyone may read without signing in.
let pages = {};
let publicPages = [];
// The page module on screen: { path, public, instance }; pageRequest drops answers for a page already left.
let page = null;
let pageRequest = 0;
let pendingFocus = null;
// After the first page of a visit, each route change moves focus to the new page's heading.
let started = false;

const $ = (id) => document.getElementById(id);

/** The route table (app.js PAGES and PUBLIC_PAGES); the page on screen hears of language changes. */
export function useRoutes(table, open) {
  pages = table;
  publicPages = open;
  onLanguageChange(() => page?.instance?.languageChanged?.());
}

// '#/register/profile' → { name: 'register', path: '/register/profile', parts: ['register', 'profile'] }
export function currentRoute() {
  const hash = location.hash;
  if (!hash.startsWith('#/')) return { name: 'home', path: '/', parts: [] };
  const path = hash.slice(1).split('?')[0].replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
  const name = parts.length && pages[parts[0]] ? parts[0] : 'home';
  return { name, path, parts };
}

/** The route to come back to after the login page (none for the start page and public pages). */
export const pageToReturnTo = () => (['home', ...publicPages].includes(currentRoute().name) ? null : currentRoute().path);

/** Starts fetching the code of the route being opened, at once (a failure is reported on entering it). */
export function preloadCurrentPage() {
  const opening = currentRoute().name;
  if (opening !== 'home') pages[opening]().catch(() => {});
}

export function navigate(path, { replace = false } = {}) {
  const hash = `#${path}`;
  if (location.hash === hash) return route();
  if (replace) {
    history.replaceState(history.state, '', hash);
    return route();
  }
  location.hash = hash; // hashchange calls route()
}

/**
 * Someone signed in who has not said where they live goes to that step first (#/where), then on
 * to where they were going. Answers true when it sent them there.
 */
export function tenantStepFirst(where = currentRoute()) {
  // staff whose token lacks the second factor set up their authenticator before anything else
  if (needsSecondFactor()) {
    if (where.name === 'authenticator' || publicPages.includes(where.name)) return false;
    if (where.name !== 'home') rememberAfterAuthenticator(where.path);
    navigate('/authenticator', { replace: true });
    return true;
  }
  const me = whoIsSignedIn();
  if (me?.registrationStatus !== 'TENANT_NOT_CHOSEN' || where.name === 'where' || publicPages.includes(where.name)) return false;
  if (where.name !== 'home') rememberAfterWhere(where.path);
  navigate('/where', { replace: true });
  return true;
}

function rememberAfterAuthenticator(path) {
  try { sessionStorage.setItem('seoulLearn:afterAuthenticator', path); } catch { /* not kept */ }
}

function rememberAfterWhere(path) {
  try { sessionStorage.setItem('seoulLearn:afterWhere', path); } catch { /* not kept */ }
}

export async function route() {
  const where = currentRoute();
  if (where.name === 'home') {
    leavePage();
    if (readTokens() && currentView() !== 'loading') await loadMe();
    if (tenantStepFirst(where)) return;
    return render();
  }
  const open = publicPages.includes(where.name);
  if (!readTokens() && !open) {
    leavePage();
    setNotice('notice.signInToContinue');
    return show('signed-out');
  }
  // Fetch the page's code while asking who is signed in: on a slow connection that saves a round trip.
  const loading = pages[where.name]();
  loading.catch(() => {}); // a failure is reported by enterPage
  if (readTokens() && !whoIsSignedIn() && !needsSecondFactor()) await loadMe();
  if (tenantStepFirst(where)) return;
  const setUpStep = where.name === 'authenticator' && needsSecondFactor();
  if (!open && ((!whoIsSignedIn() && !setUpStep) || currentView() !== 'signed-in')) return;
  await enterPage(where, open, loading);
}

/** After the first route of the visit, route changes move focus to the new page's heading. */
export function markVisitStarted() {
  started = true;
}

async function enterPage(where, open, loading) {
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
  setPageShown({ public: open });
  render();
  page.instance = module.enter(pageContext(request, first), host, where.parts.slice(1));
}

export function leavePage() {
  pageRequest++;
  page?.instance?.leave?.();
  page = null;
  setPageShown(null);
  $('page').replaceChildren();
  setTitle(null);
}

/** The session is over (expired or refused token): back to the sign-in button, keeping the page to come back to. */
export function sessionEnded() {
  dropTokens();
  forgetWhoIsSignedIn();
  leavePage();
  setNotice('notice.sessionEnded');
  show('signed-out');
}

// What a page may use. Answers for a page already left are dropped (current() turns false).
function pageContext(request, first) {
  const current = () => request === pageRequest;
  return {
    t, fmt, localize, formatDate, current,
    language: currentLanguage,
    locale: currentLocale,
    me: whoIsSignedIn,
    navigate,
    setTitle,
    // Group changes (e.g. approval into learners) reach the app only in a new token.
    signInAgain(returnTo = null) {
      dropTokens();
      forgetWhoIsSignedIn();
      return signIn($('sign-in'), { returnTo });
    },
    // The authenticator set-up: a staff token without the second factor, Cognito's own API, the account's e-mail.
    needsSecondFactor,
    identityApi: (action, body) => identityApi(action, body),
    signedInEmail,
    // New tokens (after the tenant step), then who is signed in again.
    async refreshSession() {
      await refreshTokens();
      forgetWhoIsSignedIn();
      await loadMe();
    },
    signIn: (button) => signIn(button, { returnTo: pageToReturnTo() }),
    signUp: (button) => signIn(button, { signUp: true, returnTo: '/register' }),
    api: (method, path, body) => api(method, path, body, current),
    apiOnce: (method, path, body) => apiOnce(method, path, body, current), // creates with an Idempotency-Key
    publicApi: (method, path) => publicApi(method, path, current),
    fetchFile: (path) => fetchFile(path, current), // the dashboard's CSV downloads
    // the header's unread badge follows what the messages page read or marked
    unreadChanged: (n) => setUnread(n),
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
export function followInPageLink(event) {
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
