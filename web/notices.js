// Messages (#/notices) and how they come (#/notices/settings), for applicants, learners and
// mentors (docs/adr/0027). The inbox: GET /me/notifications (newest first, the unread count,
// twenty at a time with "show older"), each unread one with "mark as read"
// (POST /me/notifications/{id}/read); the header's badge follows the count. The settings:
// GET/PUT /me/preferences — the language of messages, the mobile number for texts, e-mail and
// text per kind of message (the kinds of the reader's roles; the others are kept as they are),
// and quiet hours (always on for minors, as the API says). Titles and texts come from the server
// in the reader's language. A saved number is sent a code by SMS (docs/adr/0043): until the code
// is typed in (POST /me/preferences/sms-number/verification; "send a new code" is
// POST …/verification-code) the page says the number is not checked and no text goes to it; a
// learner under 14's family checks the guardian's phone the same way ("for": "guardian").

import {
  LANGUAGE_KEYS, PROBLEM_KEYS, busy, checkboxes, checkedValues, h, heading, homeLink, pageTitle, reloadButton, selectField, setStatus,
  showErrors, showFailed, showLoading, showProblem, statusLine, textField, useContext,
} from './ui.js';

// Every kind of notice the API has, with its words.
const KIND_KEYS = {
  'application-received': 'notices.kind.application-received',
  'application-approved': 'notices.kind.application-approved',
  'application-rejected': 'notices.kind.application-rejected',
  'documents-requested': 'notices.kind.documents-requested',
  'appeal-upheld': 'notices.kind.appeal-upheld',
  'mentor-assigned': 'notices.kind.mentor-assigned',
  'session-booked': 'notices.kind.session-booked',
  'session-cancelled': 'notices.kind.session-cancelled',
  'session-moved': 'notices.kind.session-moved',
  'waitlist-seat-given': 'notices.kind.waitlist-seat-given',
  'laptop-ready': 'notices.kind.laptop-ready',
  'laptop-overdue': 'notices.kind.laptop-overdue',
  'mentee-assigned': 'notices.kind.mentee-assigned',
  'term-ending': 'notices.kind.term-ending',
  'recruitment-selected': 'notices.kind.recruitment-selected',
  'recruitment-not-selected': 'notices.kind.recruitment-not-selected',
  'mentor-nominated': 'notices.kind.mentor-nominated',
  'grade-moved-up': 'notices.kind.grade-moved-up',
  'moved-to-middle-school': 'notices.kind.moved-to-middle-school',
  'moved-to-high-school': 'notices.kind.moved-to-high-school',
  'participation-ended': 'notices.kind.participation-ended',
  'graduated': 'notices.kind.graduated',
  'age-limit-ahead': 'notices.kind.age-limit-ahead',
  'age-limit-reached': 'notices.kind.age-limit-reached',
};
// The kinds each role is told of (the settings show those of the reader's roles).
const APPLICANT_KINDS = ['application-received', 'application-approved', 'application-rejected', 'documents-requested', 'appeal-upheld',
  'recruitment-selected', 'recruitment-not-selected'];
const LEARNER_KINDS = ['mentor-assigned', 'session-booked', 'session-cancelled', 'session-moved', 'waitlist-seat-given',
  'laptop-ready', 'laptop-overdue', 'recruitment-selected', 'recruitment-not-selected', 'grade-moved-up', 'moved-to-middle-school',
  'moved-to-high-school', 'participation-ended', 'graduated', 'age-limit-ahead', 'age-limit-reached'];
const MENTOR_KINDS = ['mentee-assigned', 'session-booked', 'session-cancelled', 'session-moved', 'term-ending'];
const CHANNELS = [{ value: 'email', key: 'prefs.email' }, { value: 'sms', key: 'prefs.sms' }];
const PAGE_SIZE = 20;

let ctx = null;
let host = null;
// The inbox as read: { items, next, unread }; the settings as read.
let inbox = null;
let prefs = null;

export function enter(context, root, parts) {
  ctx = context;
  host = root;
  useContext(ctx);
  inbox = null;
  prefs = null;
  if (parts[0] === 'settings') {
    openSettings();
    return {};
  }
  openInbox();
  // the server words the notices in the page language (unless a language was chosen for messages)
  return { languageChanged: () => { if (inbox && ctx.current()) openInbox({ again: true }); } };
}

// ---- the inbox ----

const listPath = (after) => `/me/notifications?${new URLSearchParams({ limit: String(PAGE_SIZE), ...(after ? { after } : {}) })}`;

async function openInbox({ again = false } = {}) {
  pageTitle('notices.title');
  if (!again) showLoading(host, heading('notices.title'));
  const answer = await ctx.api('GET', listPath(null));
  if (!ctx.current() || answer.stale) return;
  if (!answer.ok) return showFailed(host, 'notices.title', answer, { after: [homeLink()], arrive: !again });
  inbox = { items: answer.data.notifications ?? [], next: answer.data.next ?? null, unread: answer.data.unread ?? 0 };
  ctx.unreadChanged(inbox.unread);
  drawInbox();
  if (!again) ctx.arrived(host);
}

function unreadLine() {
  return inbox.unread > 0
    ? { i18n: 'notices.unreadCount', args: { n: inbox.unread } }
    : { i18n: inbox.items.length ? 'notices.allRead' : 'notices.empty' };
}

function drawInbox() {
  const list = h('ol', { class: 'notice-list', id: 'notice-list' }, inbox.items.map(item));
  const more = inbox.next
    ? [h('button', { type: 'button', class: 'button button-secondary', id: 'notices-older', i18n: 'notices.older', onclick: older })]
    : [];
  host.replaceChildren(heading('notices.title'),
    h('p', { i18n: 'notices.lead' }),
    h('p', { id: 'notices-unread', class: 'notices-unread', ...unreadLine() }),
    statusLine('notices-status'),
    list,
    ...more,
    h('p', {}, h('a', { id: 'notices-settings', href: '#/notices/settings', i18n: 'notices.settingsLink' })),
    homeLink());
}

function item(n) {
  const titleId = `notice-title-${n.id}`;
  return h('li', { class: 'notice-item', id: `notice-${n.id}`, 'data-kind': n.kind, 'data-read': String(Boolean(n.read)) },
    h('h2', { class: 'notice-title', id: titleId, tabindex: '-1' }, n.title ?? ''),
    n.read ? null : h('strong', { class: 'tag notice-new', i18n: 'notices.new' }),
    h('p', { class: 'hint notice-time', date: n.at }),
    String(n.text ?? '').split(/\n+/).filter((line) => line.trim()).map((line) => h('p', { class: 'notice-text' }, line)),
    n.read ? null : h('button', {
      type: 'button', class: 'button button-secondary notice-read', id: `read-${n.id}`, i18n: 'notices.markRead',
      'aria-describedby': titleId, onclick: (e) => markRead(n, e.currentTarget),
    }));
}

async function markRead(n, btn) {
  const answer = await busy(btn, () => ctx.api('POST', `/me/notifications/${encodeURIComponent(n.id)}/read`));
  if (!answer || !ctx.current() || answer.stale) return;
  if (!answer.ok) return showProblem(host, answer);
  const wasUnread = !n.read;
  Object.assign(n, answer.data);
  if (wasUnread) inbox.unread = Math.max(0, inbox.unread - 1);
  ctx.unreadChanged(inbox.unread);
  const li = document.getElementById(`notice-${n.id}`);
  li?.replaceWith(item(n));
  const line = document.getElementById('notices-unread');
  const shown = unreadLine();
  line.dataset.i18n = shown.i18n;
  if (shown.args) line.dataset.i18nArgs = JSON.stringify(shown.args);
  else delete line.dataset.i18nArgs;
  ctx.localize(line);
  setStatus(document.getElementById('notices-status'), { key: 'notices.marked' });
  // the button is gone: the reader stays on the message they read
  document.getElementById(`notice-title-${n.id}`)?.focus();
}

async function older(event) {
  const btn = event.currentTarget;
  const answer = await busy(btn, () => ctx.api('GET', listPath(inbox.next)));
  if (!answer || !ctx.current() || answer.stale) return;
  if (!answer.ok) return showProblem(host, answer);
  const more = answer.data.notifications ?? [];
  const first = inbox.items.length;
  inbox.items.push(...more);
  inbox.next = answer.data.next ?? null;
  inbox.unread = answer.data.unread ?? inbox.unread;
  drawInbox();
  const firstNew = inbox.items[first];
  if (firstNew) document.getElementById(`notice-title-${firstNew.id}`)?.focus();
}

// ---- the settings ----

function kindsOf(me) {
  const groups = Array.isArray(me?.groups) ? me.groups : [];
  const kinds = new Set();
  if (groups.includes('applicants')) APPLICANT_KINDS.forEach((k) => kinds.add(k));
  if (groups.includes('learners')) LEARNER_KINDS.forEach((k) => kinds.add(k));
  if (groups.includes('mentors')) MENTOR_KINDS.forEach((k) => kinds.add(k));
  const shown = Object.keys(KIND_KEYS).filter((k) => kinds.has(k));
  return shown.length ? shown : Object.keys(KIND_KEYS);
}

async function openSettings() {
  pageTitle('prefs.title');
  const back = h('a', { class: 'back-link', href: '#/notices', i18n: 'notices.back' });
  showLoading(host, back, heading('prefs.title'));
  const answer = await ctx.api('GET', '/me/preferences');
  if (!ctx.current() || answer.stale) return;
  if (!answer.ok) return showFailed(host, 'prefs.title', answer, { back, after: [homeLink()], arrive: true });
  prefs = answer.data;
  drawSettings();
  ctx.arrived(host);
}

function drawSettings() {
  const quiet = prefs.quietHoursWindow ?? { from: '21:00', until: '08:00' };
  const form = h('form', { id: 'prefs-form', novalidate: true, onsubmit: save },
    selectField({
      name: 'language', label: 'prefs.language', value: prefs.language ?? '',
      options: [{ value: '', key: 'prefs.languageProfile' }, ...Object.entries(LANGUAGE_KEYS).map(([value, key]) => ({ value, key }))],
    }),
    textField({
      name: 'smsNumber', label: 'prefs.smsNumber', hint: 'prefs.smsNumberHint', value: prefs.smsNumber ?? '', type: 'tel',
      autocomplete: 'tel', inputmode: 'tel', maxlength: 20, width: 'phone',
    }),
    prefs.smsNumber ? h('p', { id: 'sms-state', class: prefs.smsVerified ? 'sms-verified' : 'sms-unverified',
      i18n: prefs.smsVerified ? 'prefs.smsVerified' : 'prefs.smsUnverified' }) : null,
    h('h2', { i18n: 'prefs.channels' }),
    kindsOf(ctx.me()).map((kind) => checkboxes({
      name: `channels.${kind}`, legend: KIND_KEYS[kind], items: CHANNELS, values: prefs.channels?.[kind] ?? [],
    })),
    checkboxes({
      name: 'quietHours', legend: 'prefs.quietHours', hint: { key: 'prefs.quietHoursHint', args: { from: quiet.from, until: quiet.until } },
      items: [{ value: 'yes', key: 'prefs.quietHoursChoice' }], values: prefs.quietHours ? ['yes'] : [],
    }),
    h('button', { type: 'submit', class: 'button', id: 'prefs-save', i18n: 'prefs.save' }));
  host.replaceChildren(...[h('a', { class: 'back-link', href: '#/notices', i18n: 'notices.back' }),
    heading('prefs.title'),
    h('p', { i18n: 'prefs.lead' }),
    statusLine('prefs-status'),
    prefs.smsNumber && !prefs.smsVerified ? verifyForm('self') : null,
    prefs.guardianSms && !prefs.guardianSms.verified ? verifyForm('guardian') : null,
    form,
    homeLink()].filter(Boolean));
}

/** The code sent by SMS, typed in; "send a new code" within the day's limits (the API holds them). */
function verifyForm(holder) {
  const id = holder === 'guardian' ? 'guardian-' : 'sms-';
  return h('form', { id: `${id}verify-form`, novalidate: true, onsubmit: (e) => verify(e, holder) },
    h('h2', { i18n: holder === 'guardian' ? 'prefs.verifyGuardianTitle' : 'prefs.verifyTitle',
      args: holder === 'guardian' ? { last4: prefs.guardianSms.endsWith } : undefined }),
    holder === 'guardian' ? h('p', { i18n: 'prefs.guardianUnverified' }) : null,
    textField({
      name: `${id}code`, label: 'prefs.code', hint: 'prefs.codeHint', type: 'text', autocomplete: 'one-time-code',
      inputmode: 'numeric', maxlength: 6, width: 'phone',
    }),
    h('p', {},
      h('button', { type: 'submit', class: 'button', id: `${id}verify`, i18n: 'prefs.verify' }),
      h('button', { type: 'button', class: 'button button-secondary', id: `${id}resend`, i18n: 'prefs.resend',
        onclick: (e) => resend(e.currentTarget, holder) })));
}

function announce(key) {
  const status = document.getElementById('prefs-status');
  setStatus(status, { key });
  status.setAttribute('tabindex', '-1');
  status.focus();
}

async function verify(event, holder) {
  event.preventDefault();
  const id = holder === 'guardian' ? 'guardian-' : 'sms-';
  const btn = document.getElementById(`${id}verify`);
  const code = document.getElementById(`${id}code`).value.replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) {
    showErrors(host, [{ field: `${id}code`, message: { key: 'prefs.codeHint' } }]);
    return;
  }
  const answer = await busy(btn, () => ctx.api('POST', '/me/preferences/sms-number/verification', { code, for: holder }));
  if (!answer || !ctx.current() || answer.stale) return;
  if (!answer.ok) {
    showProblem(host, answer, { fields: [`${id}code`] });
    return;
  }
  const again = await ctx.api('GET', '/me/preferences');
  if (!ctx.current() || again.stale) return;
  if (again.ok) prefs = again.data;
  drawSettings();
  announce('prefs.verifiedNow');
}

async function resend(btn, holder) {
  const answer = await busy(btn, () => ctx.api('POST', '/me/preferences/sms-number/verification-code', { for: holder }));
  if (!answer || !ctx.current() || answer.stale) return;
  if (!answer.ok) {
    showProblem(host, answer);
    return;
  }
  announce('prefs.codeSent');
}

/** A Korean mobile number as people write it (010-1234-5678) in E.164 (+821012345678); anything else as typed. */
function e164(typed) {
  const compact = typed.replace(/[\s().-]/g, '');
  if (/^01\d{8,9}$/.test(compact)) return `+82${compact.slice(1)}`;
  return compact;
}

async function save(event) {
  event.preventDefault();
  const btn = document.getElementById('prefs-save');
  const typed = document.getElementById('smsNumber').value.trim();
  const smsNumber = typed ? e164(typed) : null;
  if (smsNumber && !/^\+[1-9]\d{7,14}$/.test(smsNumber)) {
    showErrors(host, [{ field: 'smsNumber', message: { key: 'err.invalid-phone-number' } }]);
    return;
  }
  const channels = { ...(prefs.channels ?? {}) };
  for (const kind of kindsOf(ctx.me())) channels[kind] = checkedValues(`channels.${kind}`);
  const body = {
    version: prefs.version,
    language: document.getElementById('language').value || null,
    smsNumber,
    channels,
    quietHours: checkedValues('quietHours').includes('yes'),
  };
  const answer = await busy(btn, () => ctx.api('PUT', '/me/preferences', body));
  if (!answer || !ctx.current() || answer.stale) return;
  if (!answer.ok) {
    const conflict = answer.problem?.code === 'version-conflict';
    showProblem(host, answer, { fields: ['language', 'smsNumber', 'quietHours', ...Object.keys(KIND_KEYS).map((k) => `channels.${k}`)],
      actions: conflict ? reloadButton() : undefined });
    return;
  }
  prefs = answer.data;
  drawSettings();
  const sent = answer.data.smsVerification;
  announce(sent?.codeSent ? 'prefs.savedCodeSent' : PROBLEM_KEYS[sent?.problem] ?? 'prefs.saved');
}
