// Seoul Learn web shell, the entry point: the routes and their page modules (each loaded only
// when first visited), and the start of a visit. The work is done by i18n.js (language and
// words), auth.js (sign-in with OAuth 2.0 code + PKCE), api.js (the API client), shell.js (who
// is signed in, notices, alerts, the language switcher) and router.js (hash routes and pages).

import { initialLanguage } from './i18n.js';
import { canSignUp, finishSignIn, forgetSession, isSignInAnswer, readTokens, signOutAtLoginService, useLoginService } from './auth.js';
import { useApi } from './api.js';
import {
  chooseLanguage, clearAlert, forgetWhoIsSignedIn, loadMe, setLanguage, show, showError, signIn,
} from './shell.js';
import {
  currentRoute, followInPageLink, leavePage, markVisitStarted, pageToReturnTo, preloadCurrentPage, route, sessionEnded, tenantStepFirst,
  useRoutes,
} from './router.js';

// Pages behind the hash routes, each a module loaded on first visit (keeps the first load light).
const PAGES = {
  register: () => import('./register.js'),
  where: () => import('./where.js'),
  authenticator: () => import('./authenticator.js'),
  laptops: () => import('./laptops.js'),
  review: () => import('./review.js'),
  mentoring: () => import('./mentoring.js'),
  dashboard: () => import('./dashboard.js'),
  recruitment: () => import('./recruitment.js'),
  'who-can-apply': () => import('./programme.js'),
  catalog: () => import('./catalog.js'),
  providers: () => import('./providers.js'),
  staff: () => import('./staff.js'),
  operator: () => import('./operator.js'),
  rules: () => import('./rules.js'),
  areas: () => import('./areas.js'),
  leave: () => import('./leave.js'),
  'my-data': () => import('./my-data.js'),
  audit: () => import('./audit.js'),
  nominations: () => import('./nominations.js'),
  notices: () => import('./notices.js'),
  details: () => import('./details.js'),
};
// Pages anyone may read without signing in.
const PUBLIC_PAGES = ['who-can-apply', 'catalog'];

const $ = (id) => document.getElementById(id);

async function loadConfig() {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json: ${res.status}`);
  const loaded = await res.json();
  for (const field of ['authorizeUrl', 'tokenUrl', 'logoutUrl', 'clientId', 'redirectUri', 'apiBase']) {
    if (typeof loaded[field] !== 'string' || !loaded[field]) throw new Error(`config.json: no ${field}`);
  }
  return { scopes: 'openid email profile aws.cognito.signin.user.admin', ...loaded };
}

function signOut() {
  forgetSession();
  forgetWhoIsSignedIn();
  leavePage();
  if (!signOutAtLoginService()) show('signed-out');
}

async function start() {
  useRoutes(PAGES, PUBLIC_PAGES);
  $('language').addEventListener('change', (e) => chooseLanguage(e.target.value));
  $('sign-in').addEventListener('click', () => signIn($('sign-in'), { returnTo: pageToReturnTo() }));
  // A new account starts as an applicant: after sign-up, go straight to the registration.
  $('sign-up').addEventListener('click', () => signIn($('sign-up'), { signUp: true, returnTo: pageToReturnTo() ?? '/register' }));
  $('sign-out').addEventListener('click', signOut);
  document.addEventListener('click', followInPageLink);
  // Coming back from the login page with the Back button restores disabled buttons.
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) { $('sign-in').disabled = false; $('sign-up').disabled = false; }
  });

  show('loading');
  // On a slow connection every round trip counts: ask for the messages, the configuration and
  // the page's code (with what it imports) at once, not one after the other.
  preloadCurrentPage();
  const configLoading = loadConfig();
  configLoading.catch(() => {}); // reported below
  await setLanguage(initialLanguage());
  let config;
  try {
    config = await configLoading;
  } catch {
    showError('error.config');
    $('sign-in').disabled = true;
    $('sign-up').disabled = true;
    return show('signed-out');
  }
  useLoginService(config);
  useApi(config.apiBase, sessionEnded);
  if (!canSignUp()) $('sign-up').hidden = true;
  const params = new URLSearchParams(location.search);
  if (isSignInAnswer(params)) {
    const failure = await finishSignIn(params);
    if (failure) showError(failure);
    else clearAlert();
  }
  window.addEventListener('hashchange', route);
  if (readTokens()) await loadMe();
  else show('signed-out');
  if (currentRoute().name !== 'home') await route();
  else tenantStepFirst();
  markVisitStarted();
}

start();
