// The audit trail (#/audit, admins): every staff action of the admin's own tenant, newest first —
// who (the account id), when, what, on what, before → after and the request's correlation id —
// filtered by who, what, subject and a range of days (Seoul's), a page at a time.

import {
  busy, button, clearErrors, h, heading, homeLink, pageTitle, selectField, showErrors, showFailed, showLoading,
  showProblem, textField, useContext,
} from './ui.js';

const PAGE_SIZE = 25;
// The actions the trail holds, each with its words: message key → action code (context and verb,
// written apart so that a code is never taken for a message key); other codes show as they are.
const ACTION_KEYS = {
  'audit.action.review-decide': ['review', 'decide'],
  'audit.action.review-request-documents': ['review', 'request-documents'],
  'audit.action.review-appeal-decide': ['review', 'appeal-decide'],
  'audit.action.registration-resubmit': ['registration', 'resubmit'],
  'audit.action.document-read': ['document', 'read'],
  'audit.action.seats-set': ['seats', 'set'],
  'audit.action.providers-create': ['providers', 'create'],
  'audit.action.providers-change': ['providers', 'change'],
  'audit.action.providers-leave': ['providers', 'leave'],
  'audit.action.courses-create': ['courses', 'create'],
  'audit.action.courses-change': ['courses', 'change'],
  'audit.action.courses-delete': ['courses', 'delete'],
  'audit.action.courses-import': ['courses', 'import'],
  'audit.action.reminders-switches': ['reminders', 'switches'],
  'audit.action.laptops-officer-districts': ['laptops', 'officer-districts'],
  'audit.action.laptops-stock-received': ['laptops', 'stock-received'],
  'audit.action.laptops-stock-written-off': ['laptops', 'stock-written-off'],
  'audit.action.laptops-unit-register': ['laptops', 'unit-register'],
  'audit.action.laptops-ready': ['laptops', 'ready'],
  'audit.action.laptops-hand-over': ['laptops', 'hand-over'],
  'audit.action.laptops-return': ['laptops', 'return'],
  'audit.action.laptops-reject': ['laptops', 'reject'],
  'audit.action.laptops-status': ['laptops', 'status'],
  'audit.action.laptops-extension-approve': ['laptops', 'extension-approve'],
  'audit.action.laptops-extension-refuse': ['laptops', 'extension-refuse'],
  'audit.action.recruitment-round-open': ['recruitment', 'round-open'],
  'audit.action.recruitment-select': ['recruitment', 'select'],
  'audit.action.recruitment-nominations-import': ['recruitment', 'nominations-import'],
  'audit.action.recruitment-reject': ['recruitment', 'reject'],
  'audit.action.recruitment-renewal-decide': ['recruitment', 'renewal-decide'],
  'audit.action.mentoring-reassign': ['mentoring', 'reassign'],
  'audit.action.mentoring-end': ['mentoring', 'end'],
};
const ACTIONS = Object.fromEntries(Object.entries(ACTION_KEYS).map(([key, parts]) => [parts.join('.'), key]));
const FILTERS = ['actor', 'action', 'subject', 'from', 'to'];
const ID = /^[A-Za-z0-9._:-]{1,80}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

let ctx = null;
let host = null;
let filters = {};

export function enter(context, root) {
  ctx = context;
  host = root;
  useContext(ctx);
  if (!ctx.me().groups?.includes('admins')) {
    pageTitle('audit.title');
    host.replaceChildren(heading('audit.title'), h('p', { i18n: 'audit.notAdmin' }), homeLink());
    ctx.arrived(host);
    return {};
  }
  show();
  return {};
}

const $ = (id) => document.getElementById(id);

function query(cursor) {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const k of FILTERS) if (filters[k]) q.set(k, filters[k]);
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}

const auditPath = (cursor) => `/admin/audit?${query(cursor)}`;

const actionWords = (code) => (ACTIONS[code] ? h('span', { i18n: ACTIONS[code] }) : h('code', {}, code));

function state(values) {
  const entries = Object.entries(values ?? {});
  if (!entries.length) return h('span', { class: 'hint', i18n: 'audit.nothing' });
  return h('dl', { class: 'audit-state' }, entries.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v === '' ? '—' : String(v))]));
}

function row(e) {
  return h('tr', { 'data-action': e.action, 'data-subject': e.subjectId, 'data-correlation': e.correlationId },
    h('td', {}, h('span', { date: e.at })),
    h('td', {}, h('code', {}, e.actor)),
    h('th', { scope: 'row' }, actionWords(e.action)),
    h('td', {}, h('span', { class: 'hint' }, e.subjectType), ' ', h('code', {}, e.subjectId)),
    h('td', { class: 'audit-before' }, state(e.before)),
    h('td', { class: 'audit-after' }, state(e.after)),
    h('td', {}, h('code', { class: 'correlation' }, e.correlationId)));
}

async function show(focusResults) {
  showLoading(host);
  const answer = await ctx.api('GET', auditPath());
  if (answer.stale) return;
  if (!answer.ok && answer.problem?.code !== 'audit-filter-invalid') return showFailed(host, 'audit.title', answer, { arrive: true });
  const items = answer.ok ? answer.data.items ?? [] : [];
  let next = answer.ok ? answer.data.next ?? null : null;
  const body = h('tbody', {}, items.map(row));
  const more = button('more-audit', 'audit.more', null, { secondary: true });
  more.hidden = !next;
  more.addEventListener('click', () => busy(more, async () => {
    clearErrors(host);
    const page = await ctx.api('GET', auditPath(next));
    if (page.stale) return;
    if (!page.ok) {
      showProblem(host, page);
      return;
    }
    const added = (page.data.items ?? []).map(row);
    body.append(...added);
    next = page.data.next ?? null;
    more.hidden = !next;
    const first = added[0]?.querySelector('th');
    if (first) {
      first.setAttribute('tabindex', '-1');
      first.focus();
    }
  }));
  pageTitle('audit.title');
  host.replaceChildren(
    heading('audit.title'),
    h('p', { i18n: 'audit.intro' }),
    filterForm(),
    h('h2', { id: 'audit-results', tabindex: '-1', i18n: 'audit.results' }),
    items.length ? h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': 'audit-results' },
      h('table', { class: 'table', id: 'audit-trail' },
        h('thead', {}, h('tr', {}, ['audit.field.at', 'audit.field.actor', 'audit.field.action', 'audit.field.subject',
          'audit.field.before', 'audit.field.after', 'audit.field.correlation'].map((k) => h('th', { scope: 'col', i18n: k })))),
        body))
      : h('p', { class: 'inset', id: 'audit-empty', i18n: 'audit.empty' }),
    more,
    homeLink());
  if (!answer.ok) showProblem(host, answer, { fields: FILTERS });
  if (focusResults) $('audit-results').focus();
  else ctx.arrived(host);
}

function filterForm() {
  return h('form', { id: 'audit-filters', class: 'filters', role: 'search', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    clearErrors(host);
    const read = (k) => $(k)?.value.trim() ?? '';
    const next = {};
    for (const k of FILTERS) if (read(k)) next[k] = read(k);
    const errors = [];
    for (const k of ['actor', 'subject']) if (next[k] && !ID.test(next[k])) errors.push({ field: k, message: { key: 'audit.filter.id' } });
    for (const k of ['from', 'to']) if (next[k] && !DAY.test(next[k])) errors.push({ field: k, message: { key: 'audit.filter.day' } });
    if (next.from && next.to && next.to < next.from) errors.push({ field: 'to', message: { key: 'audit.filter.order' } });
    if (errors.length) return showErrors(host, errors);
    filters = next;
    return show(true);
  } },
  h('h2', { i18n: 'audit.filter.title' }),
  h('div', { class: 'filter-grid' },
    selectField({ name: 'action', label: 'audit.filter.action', value: filters.action, placeholder: 'audit.filter.any',
      options: Object.entries(ACTIONS).map(([code, key]) => ({ value: code, key })) }),
    textField({ name: 'actor', label: 'audit.filter.actor', hint: 'audit.filter.actorHint', value: filters.actor, autocomplete: 'off', spellcheck: 'false', maxlength: 80 }),
    textField({ name: 'subject', label: 'audit.filter.subject', hint: 'audit.filter.subjectHint', value: filters.subject, autocomplete: 'off', spellcheck: 'false', maxlength: 80 }),
    textField({ name: 'from', label: 'audit.filter.from', type: 'date', value: filters.from }),
    textField({ name: 'to', label: 'audit.filter.to', type: 'date', value: filters.to })),
  h('div', { class: 'actions' },
    button('apply-audit-filters', 'audit.filter.apply', null, { type: 'submit' }),
    button('clear-audit-filters', 'audit.filter.clear', () => { filters = {}; show(true); }, { secondary: true })));
}
