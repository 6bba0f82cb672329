// What the page shows around the route's own page: who is signed in (the "who am I" card and
// the next steps by role, from GET /me), the signed-out introduction, the notice line, the alert
// and the document title; and the language switcher, which re-translates all of it.

import {
  chosenLanguage, currentLanguage, fmt, isLanguage, rememberLanguage, t, useLanguage,
} from './i18n.js';
import { authorize, dropTokens, loginSpeaksOtherLanguage, readTokens, validTokens } from './auth.js';
import { api, fetchMe, readProblem } from './api.js';

// Known ids map to message keys; anything else is shown as the server sent it.
const GROUP_KEYS = {
  applicants: 'group.applicants',
  learners: 'group.learners',
  mentors: 'group.mentors',
  reviewers: 'group.reviewers',
  'district-officers': 'group.district-officers',
  admins: 'group.admins',
  'catalogue-operators': 'group.catalogue-operators',
};
const REGISTRATION_KEYS = {
  DRAFT: 'registration.DRAFT',
  SUBMITTED: 'registration.SUBMITTED',
  UNDER_REVIEW: 'registration.UNDER_REVIEW',
  APPROVED: 'registration.APPROVED',
  REJECTED: 'registration.REJECTED',
  EXPIRED: 'registration.EXPIRED',
  NOT_REGISTERED: 'registration.NOT_REGISTERED',
  TENANT_NOT_CHOSEN: 'registration.TENANT_NOT_CHOSEN',
};
const TENANT_KEYS = { seoul: 'tenant.seoul', chungbuk: 'tenant.chungbuk' };

const $ = (id) => document.getElementById(id);
const label = (keys, id) => (keys[id] ? t(keys[id]) : String(id ?? ''));

// 'loading', 'signed-out' or 'signed-in'.
let view = 'loading';
let me = null;
// A staff token without the second factor (GET /me answered second-factor-required): the app's
// authenticator set-up step comes first (docs/adr/0024).
let secondFactorNeeded = false;
let meRequest = 0;
let noticeKey = null;
// What the alert shows, so a language change can re-translate it:
// { key } for our own messages, { problem: true } for a server problem (already localised).
let alertSource = null;
let titleSource = { key: null, error: false };
// The route's page on screen, as the router says: null, or { public } (anyone may read it).
let pageShown = null;
const languageListeners = [];
// Unread messages of who is signed in (the header's badge); null: no messages link (staff, signed out).
let unread = null;
// The staff roles: accounts of the city, not of a family (no withdrawal of their own).
export const STAFF_GROUPS = ['reviewers', 'district-officers', 'admins', 'catalogue-operators'];

// The roles that are sent messages (docs/adr/0027); staff are not.
const TOLD = ['applicants', 'learners', 'mentors'];

export const currentView = () => view;
export const whoIsSignedIn = () => me;
export const needsSecondFactor = () => secondFactorNeeded;

export function forgetWhoIsSignedIn() {
  me = null;
  secondFactorNeeded = false;
  unread = null;
}

/** The router's word on the route's page: null (none on screen) or { public }. */
export function setPageShown(shown) {
  pageShown = shown;
}

export function setNotice(key) {
  noticeKey = key;
}

export function show(next) {
  view = next;
  render();
}

export function render() {
  const onPage = Boolean(pageShown) && (view === 'signed-in' || (pageShown.public && view !== 'loading'));
  $('signed-out').hidden = view !== 'signed-out' || onPage;
  $('signed-in').hidden = view !== 'signed-in' || onPage;
  $('page').hidden = !onPage;
  const notice = view === 'loading' ? 'notice.loading' : noticeKey;
  $('notice').textContent = notice ? t(notice) : '';
  // the login page has no Vietnamese: say before the reader goes there that it comes in English
  $('login-language-note').hidden = !loginSpeaksOtherLanguage(currentLanguage());
  $('me-card').hidden = !me;
  if (me) renderMe();
  if (alertSource?.key) fillAlert(t('error.title'), t(alertSource.key));
  renderUnread();
  if (!onPage) setTitle(null);
  else setTitle(titleSource.key, titleSource);
}

function renderMe() {
  $('me-name').textContent = me.displayName || me.userId || '';
  $('me-tenant').textContent = me.tenant ? label(TENANT_KEYS, me.tenant) : t('where.notChosen');
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
  const editable = ['DRAFT', 'REJECTED', 'EXPIRED', 'NOT_REGISTERED'].includes(me.registrationStatus);
  const has = (...some) => groups.some((g) => some.includes(g));
  // applicants carry on, learners read what they were approved on, and a learner whose
  // participation ended (docs/adr/0041) applies again
  $('next-register').hidden = !has('applicants', 'learners') && me.registrationStatus !== 'EXPIRED';
  $('go-register').textContent = t(editable ? 'home.continueRegistration' : 'home.seeApplication');
  $('next-review').hidden = !has('reviewers');
  $('next-providers').hidden = !has('learners');
  // laptops: learners ask for one, officers and admins run their districts' console
  $('next-laptops').hidden = !has('learners', 'district-officers', 'admins');
  $('next-mentoring').hidden = !has('learners', 'mentors', 'reviewers');
  $('next-dashboard').hidden = !has('reviewers', 'admins');
  // admins: providers, seats, usage reports, reminders, officers, rounds; reviewers: rounds
  $('next-staff').hidden = !has('reviewers', 'admins');
  // admins: who did what among the staff (the audit trail)
  $('next-audit').hidden = !has('admins');
  // reviewers and admins: partner universities' nominations of mentors (a CSV file)
  $('next-nominations').hidden = !has('reviewers', 'admins');
  $('next-operator').hidden = !has('catalogue-operators');
  // admins draft and publish their area's next rules; the catalogue operators add partner areas
  $('next-rules').hidden = !has('admins');
  $('next-areas').hidden = !has('catalogue-operators');
  $('next-recruitment').hidden = !has('applicants', 'learners', 'mentors', 'reviewers');
  // corrections after approval are the learners' and the mentors' (an applicant edits the
  // application itself); staff accounts are the city's and closed by an administrator (docs/adr/0028)
  $('details-link').parentElement.hidden = !has('learners', 'mentors');
  $('leave-link').parentElement.hidden = has(...STAFF_GROUPS);
}

// ---- the messages link and its unread badge ----

/** The count the messages page read or changed (marking one read). */
export function setUnread(n) {
  if (!Number.isInteger(n) || !told()) return;
  unread = n;
  renderUnread();
}

const told = () => Boolean(me?.tenant) && Array.isArray(me?.groups) && me.groups.some((g) => TOLD.includes(g));

/** Asks for the unread count (one small read) after who is signed in is known; staff are not asked. */
async function refreshUnread() {
  if (!told()) {
    unread = null;
    return renderUnread();
  }
  const answer = await api('GET', '/me/notifications?limit=1');
  if (answer.stale || !answer.ok || !Number.isInteger(answer.data?.unread)) return;
  unread = answer.data.unread;
  renderUnread();
}

function renderUnread() {
  const shown = view === 'signed-in' && unread !== null && told();
  $('notices-link').hidden = !shown;
  $('unread-badge').textContent = shown && unread > 0 ? String(unread) : '';
  $('unread-badge').hidden = !(shown && unread > 0);
  $('unread-label').textContent = shown && unread > 0 ? fmt('notices.unreadCount', { n: unread }) : '';
}

/** The document title: the page's (a message key), the site's, and "Error:" before them when asked. */
export function setTitle(key, { error = false } = {}) {
  titleSource = { key, error };
  const parts = [key ? t(key) : null, t('app.title')].filter(Boolean);
  document.title = `${error ? `${t('errors.prefix')} ` : ''}${parts.join(' — ')}`;
}

// ---- the alert ----

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

export function showError(key) {
  alertSource = { key };
  fillAlert(t('error.title'), t(key));
}

export function clearAlert() {
  alertSource = null;
  $('alert').replaceChildren();
}

function showProblem(problem) {
  if (!problem?.title && !problem?.detail) return showError('error.server');
  alertSource = { problem: true };
  fillAlert(String(problem.title ?? ''), String(problem.detail ?? ''));
}

// ---- signing in ----

/** The login (or, signUp, the sign-up) page; what went wrong on the way is shown in the alert. */
export async function signIn(button, { signUp = false, returnTo = null } = {}) {
  const failure = await authorize(button, { signUp, returnTo, language: currentLanguage() });
  if (failure) showError(failure);
}

// ---- language ----

/** Called after each language change (the router tells the page on screen). */
export function onLanguageChange(listener) {
  languageListeners.push(listener);
}

export async function setLanguage(code) {
  if (!await useLanguage(code)) return;
  $('language').value = currentLanguage();
  for (const listener of languageListeners) listener();
  render();
}

/** The switcher: the choice is kept on this device. */
export async function chooseLanguage(code) {
  if (!isLanguage(code)) return;
  rememberLanguage(code);
  await setLanguage(code);
  // Server problems arrive already translated; ask again to get them in the new language.
  if (alertSource?.problem && readTokens()) await loadMe();
}

// ---- who is signed in ----

export async function loadMe() {
  const request = ++meRequest;
  const tokens = validTokens();
  if (!tokens) {
    if (readTokens()) noticeKey = 'notice.sessionEnded';
    dropTokens();
    me = null;
    return show('signed-out');
  }
  if (!me) show('loading');
  let res;
  try {
    res = await fetchMe(tokens);
  } catch {
    if (request !== meRequest) return;
    showError('error.network');
    return show('signed-in');
  }
  if (request !== meRequest) return;
  if (res.status === 401) {
    dropTokens();
    me = null;
    noticeKey = 'notice.sessionEnded';
    return show('signed-out');
  }
  if (!res.ok) {
    me = null;
    const problem = await readProblem(res);
    if (request !== meRequest) return;
    if (res.status === 403 && problem?.code === 'second-factor-required') {
      // staff without an authenticator yet: the router leads to the set-up step, no alert
      secondFactorNeeded = true;
      noticeKey = null;
      if (alertSource?.problem) clearAlert();
      return show('signed-in');
    }
    showProblem(problem);
    return show('signed-in');
  }
  secondFactorNeeded = false;
  try {
    me = await res.json();
  } catch {
    me = null;
    showError('error.server');
    return show('signed-in');
  }
  // Unless someone chose a language on this device, the pages speak the one the profile prefers.
  if (!chosenLanguage() && isLanguage(me?.preferredLanguage) && me.preferredLanguage !== currentLanguage()) {
    await setLanguage(me.preferredLanguage);
    if (request !== meRequest) return;
  }
  noticeKey = null;
  if (alertSource?.problem) clearAlert();
  show('signed-in');
  refreshUnread();
}
