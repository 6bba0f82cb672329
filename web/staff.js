// Running the programme (#/staff) for a tenant's admins and reviewers: the providers with their
// seats, seats used and learners waiting (#/staff/provider/<id>: the usage and the first in
// line, changing the seats, sending a usage report as CSV), the reminder switches, the districts
// each officer looks after, and opening a recruitment round (reviewers too). Each part has its
// own form and status line; the server's refusals arrive in the reader's language.

import {
  DISTRICT_KEYS, busy, checkboxes, checkedValues, clearErrors, districtsOf, h, heading, homeLink, pageTitle, setStatus,
  showFailed, showLoading, showProblem, statusLine, tenants, textField, useContext,
} from './ui.js';

let ctx = null;
let host = null;

const $ = (id) => document.getElementById(id);
const n = (v) => new Intl.NumberFormat(ctx.locale()).format(v ?? 0);
const providerPath = (id) => `/admin/providers/${encodeURIComponent(id)}`;

const REMINDER_KINDS = ['documents-missing', 'inactivity-reminder', 'seat-reclaimed', 'provider-leaving', 'waitlist-closed',
  'review-digest', 'session-24h', 'session-1h', 'laptop-ready', 'laptop-return-soon', 'laptop-return-due'];
const REMINDER_KEYS = {
  'documents-missing': 'staff.reminder.documents-missing', 'inactivity-reminder': 'staff.reminder.inactivity-reminder',
  'seat-reclaimed': 'staff.reminder.seat-reclaimed', 'provider-leaving': 'staff.reminder.provider-leaving',
  'waitlist-closed': 'staff.reminder.waitlist-closed', 'review-digest': 'staff.reminder.review-digest',
  'session-24h': 'staff.reminder.session-24h', 'session-1h': 'staff.reminder.session-1h', 'laptop-ready': 'staff.reminder.laptop-ready',
  'laptop-return-soon': 'staff.reminder.laptop-return-soon', 'laptop-return-due': 'staff.reminder.laptop-return-due',
};
const CRITERIA_KEYS = {
  LONG_TERM: 'recruitment.criterion.LONG_TERM', FORMER_LEARNER: 'recruitment.criterion.FORMER_LEARNER',
  MATHS_SCIENCE_ESSAY: 'recruitment.criterion.MATHS_SCIENCE_ESSAY', EDUCATION_MAJOR: 'recruitment.criterion.EDUCATION_MAJOR',
};
const CRITERIA = Object.keys(CRITERIA_KEYS);
// The numbers of a provider's seats, in the order they are shown.
const USAGE_KEYS = { seats: 'staff.seats', used: 'staff.used', free: 'staff.free', waiting: 'staff.waiting' };
export const PROVIDER_STATUS_KEYS = { ACTIVE: 'staff.providerStatus.ACTIVE', INACTIVE: 'staff.providerStatus.INACTIVE' };


export function enter(context, root, parts = []) {
  ctx = context;
  host = root;
  useContext(ctx);
  pageTitle('staff.title');
  const groups = ctx.me().groups ?? [];
  const admin = groups.includes('admins');
  if (!admin && !groups.includes('reviewers')) {
    host.replaceChildren(heading('staff.title'), h('p', { id: 'not-staff', i18n: 'staff.notStaff' }), homeLink());
    ctx.arrived(host);
    return {};
  }
  if (parts[0] === 'provider' && parts[1] && admin) {
    provider(parts[1]);
    return {};
  }
  overview(admin);
  return {};
}

// ---- the overview: every part the caller may use ----

async function overview(admin) {
  showLoading(host, heading('staff.title'));
  const [providers, switches, areas] = admin
    ? await Promise.all([ctx.api('GET', '/admin/providers'), ctx.api('GET', '/admin/reminders'), tenants()])
    : [null, null, null];
  if (!ctx.current() || providers?.stale || switches?.stale) return;
  // the tenant's districts as data (GET /api/tenants), else the ones the app knows
  const mine = areas?.ok ? (areas.data.items ?? []).find((t) => t.tenant === ctx.me().tenant) : null;
  const districts = mine?.districts?.length ? mine.districts : districtsOf(ctx.me().tenant);
  const failed = [providers, switches].find((a) => a && !a.ok);
  if (failed) return showFailed(host, 'staff.title', failed, { keepTitle: true, after: [homeLink()], arrive: true });
  host.replaceChildren(heading('staff.title'), h('p', { i18n: admin ? 'staff.intro' : 'staff.introReviewer' }),
    admin ? providersPart(providers.data.items ?? []) : null,
    admin ? remindersPart(switches.data) : null,
    admin ? officersPart(districts) : null,
    roundPart(),
    homeLink());
  ctx.arrived(host);
}

const providerName = (p) => (ctx.language() === 'ko' ? p.name?.ko : p.name?.en) || p.providerId;

function providersPart(items) {
  return h('section', { 'aria-labelledby': 'providers-heading', id: 'staff-providers' },
    h('h2', { id: 'providers-heading', i18n: 'staff.providers' }),
    items.length ? h('table', { class: 'table', id: 'providers-table' },
      h('caption', { class: 'visually-hidden', i18n: 'staff.providers' }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', i18n: 'staff.provider' }),
        h('th', { scope: 'col', i18n: 'staff.status' }),
        Object.values(USAGE_KEYS).map((key) => h('th', { scope: 'col', class: 'number', i18n: key })))),
      h('tbody', {}, items.map((p) => h('tr', { id: `provider-${p.providerId}` },
        h('th', { scope: 'row' }, h('a', { href: `#/staff/provider/${encodeURIComponent(p.providerId)}` }, providerName(p))),
        h('td', {}, h('span', { i18n: PROVIDER_STATUS_KEYS[p.providerStatus] ?? PROVIDER_STATUS_KEYS.ACTIVE }),
          p.graceUntil ? [' ', h('span', { i18n: 'staff.graceUntil', args: { date: { date: p.graceUntil } } })] : null),
        [p.seats, p.used, p.free, p.waiting].map((v) => h('td', { class: 'number' }, n(v)))))))
      : h('p', { i18n: 'staff.noProviders' }));
}

function remindersPart(data) {
  const off = new Set(data.off ?? []);
  let version = data.version;
  const status = statusLine('reminders-status');
  const save = h('button', { type: 'submit', class: 'button', id: 'save-reminders', i18n: 'staff.reminders.save' });
  const form = h('form', { id: 'reminders-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    busy(save, async () => {
      clearErrors(host);
      const answer = await ctx.api('PUT', '/admin/reminders', { version, off: REMINDER_KINDS.filter((k) => !checkedValues('on').includes(k)) });
      if (answer.stale) return;
      if (!answer.ok) return showProblem(host, answer);
      version = answer.data.version;
      setStatus(status, { key: 'staff.reminders.saved' });
    });
  } },
  checkboxes({ name: 'on', legend: 'staff.reminders.legend', hint: 'staff.reminders.hint',
    items: REMINDER_KINDS.map((k) => ({ value: k, key: REMINDER_KEYS[k] })), values: REMINDER_KINDS.filter((k) => !off.has(k)) }),
  save, status);
  return h('section', { 'aria-labelledby': 'reminders-heading', id: 'staff-reminders' },
    h('h2', { id: 'reminders-heading', i18n: 'staff.reminders' }), form);
}

function officersPart(districts) {
  const status = statusLine('officers-status');
  const save = h('button', { type: 'submit', class: 'button', id: 'save-officer', i18n: 'staff.officers.save' });
  const form = h('form', { id: 'officers-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    busy(save, async () => {
      clearErrors(host);
      const userId = $('officerId').value.trim();
      if (!userId) return showProblem(host, { problem: { code: 'validation-failed', errors: [{ field: 'officerId', code: 'required' }] } }, { fields: ['officerId'] });
      const districts = checkedValues('districts');
      const answer = await ctx.api('PUT', `/laptops/officers/${encodeURIComponent(userId)}/districts`, { districts });
      if (answer.stale) return;
      if (!answer.ok) return showProblem(host, answer, { fields: ['districts'] });
      setStatus(status, { key: 'staff.officers.saved', args: { n: answer.data.districts.length } });
    });
  } },
  textField({ name: 'officerId', label: 'staff.officers.userId', hint: 'staff.officers.userIdHint', autocomplete: 'off', spellcheck: 'false' }),
  checkboxes({ name: 'districts', legend: 'staff.officers.districts', hint: 'staff.officers.districtsHint',
    items: districts.map((d) => (DISTRICT_KEYS[d] ? { value: d, key: DISTRICT_KEYS[d] } : { value: d, text: d })) }),
  save, status);
  return h('section', { 'aria-labelledby': 'officers-heading', id: 'staff-officers' },
    h('h2', { id: 'officers-heading', i18n: 'staff.officers' }), form);
}

function roundPart() {
  const status = statusLine('round-status');
  const open = h('button', { type: 'submit', class: 'button', id: 'open-round', i18n: 'staff.round.open' });
  const fields = ['name', 'opensOn', 'closesOn', 'target', 'criteria'];
  const form = h('form', { id: 'round-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    busy(open, async () => {
      clearErrors(host);
      const target = Number($('target').value);
      const body = {
        name: $('name').value.trim(), opensOn: $('opensOn').value, closesOn: $('closesOn').value,
        target: Number.isInteger(target) && $('target').value.trim() ? target : null, criteria: checkedValues('criteria'),
      };
      const answer = await ctx.api('POST', '/recruitment/rounds', body);
      if (answer.stale) return;
      if (!answer.ok) return showProblem(host, answer, { fields });
      setStatus(status, { key: 'staff.round.opened', args: { name: answer.data.name } });
      form.reset();
    });
  } },
  textField({ name: 'name', label: 'staff.round.name', maxlength: 100 }),
  textField({ name: 'opensOn', label: 'staff.round.opensOn', type: 'date', width: 10 }),
  textField({ name: 'closesOn', label: 'staff.round.closesOn', type: 'date', width: 10 }),
  textField({ name: 'target', label: 'staff.round.target', hint: 'staff.round.targetHint', inputmode: 'numeric', width: 5 }),
  checkboxes({ name: 'criteria', legend: 'staff.round.criteria', hint: 'staff.round.criteriaHint',
    items: CRITERIA.map((c) => ({ value: c, key: CRITERIA_KEYS[c] })), values: CRITERIA }),
  open, status);
  return h('section', { 'aria-labelledby': 'round-heading', id: 'staff-round' },
    h('h2', { id: 'round-heading', i18n: 'staff.round' }), form);
}

// ---- one provider: usage, seats, usage report ----

async function provider(id) {
  pageTitle('staff.provider.title');
  showLoading(host, heading('staff.provider.title'));
  const answer = await ctx.api('GET', `${providerPath(id)}/usage`);
  if (answer.stale) return;
  if (!answer.ok) {
    return showFailed(host, 'staff.provider.title', answer,
      { back: h('a', { class: 'back-link', href: '#/staff', i18n: 'staff.back' }), after: [homeLink()], arrive: true });
  }
  const status = statusLine('provider-status');
  host.replaceChildren(h('a', { class: 'back-link', href: '#/staff', i18n: 'staff.back' }), heading('staff.provider.title'),
    h('p', { class: 'hint', id: 'provider-id' }, id), h('div', { id: 'usage' }), seatsForm(id, status), reportForm(id, status), status, homeLink());
  showUsage(answer.data);
  ctx.arrived(host);
}

function showUsage(u) {
  $('usage').replaceChildren(
    h('dl', { class: 'facts', id: 'usage-facts' }, Object.entries(USAGE_KEYS).map(([k, key]) =>
      h('div', {}, h('dt', { i18n: key }), h('dd', { id: `usage-${k}` }, n(u[k]))))),
    h('p', { i18n: PROVIDER_STATUS_KEYS[u.providerStatus] ?? PROVIDER_STATUS_KEYS.ACTIVE }),
    h('h2', { i18n: 'staff.waitlistHead' }),
    u.waitlistHead?.length ? h('ol', { class: 'list', id: 'waitlist-head' }, u.waitlistHead.map((w) =>
      h('li', {}, h('span', { i18n: 'staff.waitlistPlace', args: { n: w.position } }), ' ', h('span', { date: w.queuedAt, dateStyle: 'date' }))))
      : h('p', { id: 'waitlist-empty', i18n: 'staff.waitlistEmpty' }));
}

function seatsForm(id, status) {
  const save = h('button', { type: 'submit', class: 'button', id: 'save-seats', i18n: 'staff.seats.save' });
  return h('form', { id: 'seats-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    busy(save, async () => {
      clearErrors(host);
      const text = $('seats').value.trim();
      const seats = /^\d{1,7}$/.test(text) ? Number(text) : null;
      if (seats == null) return showProblem(host, { problem: { code: 'validation-failed', errors: [{ field: 'seats', code: 'invalid-value' }] } }, { fields: ['seats'] });
      const answer = await ctx.api('PUT', `${providerPath(id)}/seats`, { seats });
      if (answer.stale) return;
      if (!answer.ok) return showProblem(host, answer, { fields: ['seats'] });
      showUsage(answer.data);
      setStatus(status, { key: 'staff.seats.saved', args: { n: answer.data.seats, promoted: answer.data.promoted ?? 0 } });
    });
  } },
  h('h2', { i18n: 'staff.seats.title' }),
  textField({ name: 'seats', label: 'staff.seats.label', hint: 'staff.seats.hint', inputmode: 'numeric', width: 5 }),
  save);
}

function reportForm(id, status) {
  const send = h('button', { type: 'submit', class: 'button button-secondary', id: 'send-report', i18n: 'staff.report.send' });
  return h('form', { id: 'report-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    busy(send, async () => {
      clearErrors(host);
      const file = $('report').files?.[0];
      if (!file) return showProblem(host, { problem: { code: 'validation-failed', errors: [{ field: 'report', code: 'required' }] } }, { fields: ['report'] });
      const answer = await ctx.api('POST', `${providerPath(id)}/activity`, new Blob([file], { type: 'text/csv' }));
      if (answer.stale) return;
      if (!answer.ok) return showProblem(host, answer, { fields: ['report'] });
      const r = answer.data;
      setStatus(status, { key: 'staff.report.sent', args: { lines: r.lines, updated: r.updated, unchanged: r.unchanged, unknown: r.unknown } });
    });
  } },
  h('h2', { i18n: 'staff.report.title' }),
  h('div', { class: 'field', id: 'field-report' },
    h('label', { class: 'label', for: 'report', i18n: 'staff.report.label' }),
    h('p', { class: 'hint', id: 'report-hint', i18n: 'staff.report.hint' }),
    h('input', { type: 'file', id: 'report', name: 'report', accept: '.csv,text/csv', class: 'input', 'aria-describedby': 'report-hint', 'data-control': true })),
  send);
}
