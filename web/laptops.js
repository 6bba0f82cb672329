// Laptops on loan (#/laptops…). Learners: ask for a laptop, see where the request is (with the
// place in the district's queue), see the return date, cancel. District officers and admins
// (#/laptops, #/laptops/<district>): the districts they manage with their counts, a district's
// queue and requests with the next step for each (the hand-over and the return by the unit's
// serial number; deciding a borrower's request for more days), its units by serial number
// (registering new ones), its overdue loans, stock received or written off, and the audit trail.
// Admins (#/laptops/officers): which districts each officer looks after; (#/laptops/overdue):
// every overdue loan of the tenant with its follow-up stage. Learners with a laptop ask for more days.

import {
  DISTRICT_KEYS, busy, button, checkboxes, checkedValues, clearErrors, fieldMessage, h, heading, homeLink, pageTitle,
  radios, reloadButton, setStatus, showErrors, showFailed, showLoading, showProblem, statusLine, summaryList,
  textArea, textField, tx, useContext,
} from './ui.js';
import { showTenantOverdue, unitsSection } from './laptop-units.js';

const MAX_REASON = 300;
const MAX_UNITS = 10000;
const MAX_MODEL = 80;
const STATUS = {
  REQUESTED: 'laptops.status.REQUESTED',
  APPROVED: 'laptops.status.APPROVED',
  READY_FOR_PICKUP: 'laptops.status.READY_FOR_PICKUP',
  LOANED: 'laptops.status.LOANED',
  RETURNED: 'laptops.status.RETURNED',
  REJECTED: 'laptops.status.REJECTED',
  CANCELLED: 'laptops.status.CANCELLED',
};
const ACTIVE = ['REQUESTED', 'APPROVED', 'READY_FOR_PICKUP', 'LOANED'];
const ACTOR = {
  LEARNER: 'laptops.actor.LEARNER', OFFICER: 'laptops.actor.OFFICER', ADMIN: 'laptops.actor.ADMIN', SYSTEM: 'laptops.actor.SYSTEM',
};
const CHANGE = { RECEIVED: 'laptops.change.RECEIVED', WRITTEN_OFF: 'laptops.change.WRITTEN_OFF' };
const NEXT = {
  REQUESTED: 'laptops.next.REQUESTED',
  APPROVED: 'laptops.next.APPROVED',
  READY_FOR_PICKUP: 'laptops.next.READY_FOR_PICKUP',
  LOANED: 'laptops.next.LOANED',
  RETURNED: 'laptops.next.RETURNED',
  REJECTED: 'laptops.next.REJECTED',
  CANCELLED: 'laptops.next.CANCELLED',
};
const ESCALATION = {
  REMINDER: 'laptops.escalation.REMINDER', OFFICER: 'laptops.escalation.OFFICER', ADMIN: 'laptops.escalation.ADMIN',
};
const DONE = {
  LOANED: 'laptops.done.LOANED',
  READY_FOR_PICKUP: 'laptops.done.READY_FOR_PICKUP', REJECTED: 'laptops.done.REJECTED', RETURNED: 'laptops.done.RETURNED',
};
const COUNTS = {
  inStock: 'laptops.count.inStock',
  reserved: 'laptops.count.reserved',
  loaned: 'laptops.count.loaned',
  waiting: 'laptops.count.waiting',
  requested: 'laptops.count.requested',
};

let ctx = null;
let host = null;

export function enter(context, root, parts) {
  ctx = context;
  host = root;
  useContext(ctx);
  const groups = ctx.me().groups ?? [];
  if (groups.includes('admins') && parts[0] === 'officers') {
    showOfficers();
  } else if (groups.includes('admins') && parts[0] === 'overdue') {
    showTenantOverdue(ctx, host);
  } else if (groups.includes('district-officers') || groups.includes('admins')) {
    if (parts[1] === 'closed') showDistrict(parts[0], null, 'closed');
    else if (parts[1]) showRequest(parts[0], parts[1]);
    else if (parts[0]) showDistrict(parts[0]);
    else showDistricts();
  } else if (groups.includes('learners')) {
    showMine();
  } else {
    pageTitle('laptops.title');
    host.replaceChildren(heading('laptops.title'), h('p', { i18n: 'laptops.notLearner' }),
      homeLink());
    ctx.arrived(host);
  }
  return {};
}

const $ = (id) => document.getElementById(id);
const districtName = (id) => h('span', { i18n: DISTRICT_KEYS[id] ?? 'district.other', args: { code: id } });
const statusTag = (status, id) => h('strong', { class: 'tag', id, 'data-status': status, i18n: STATUS[status] ?? STATUS.REQUESTED });

// A refused change: one that came too late for the request's state asks to reload.
function refused(answer, fields = []) {
  const code = answer.problem?.code;
  if (code === 'version-conflict' || code === 'laptop-status-change-not-allowed') {
    return showErrors(host, [{ message: { key: 'laptops.changedMeanwhile' } }], { actions: reloadButton() });
  }
  showProblem(host, answer, { fields });
  return null;
}

// ---- learners ----

async function showMine(flash) {
  showLoading(host);
  const answer = await ctx.api('GET', '/laptops/mine');
  if (answer.stale) return;
  if (!answer.ok) return showFailed(host, 'laptops.title', answer, { arrive: true });
  const r = answer.data.request;
  pageTitle('laptops.title');
  host.replaceChildren(...[
    heading('laptops.title'),
    statusLine('page-status'),
    r ? requestPart(r) : null,
    !r || !ACTIVE.includes(r.status) ? requestForm(Boolean(r)) : null,
    homeLink()].filter(Boolean));
  if (flash) setStatus($('page-status'), flash);
  ctx.arrived(host);
}

function requestPart(r) {
  const district = { key: DISTRICT_KEYS[r.district] ?? 'district.other' };
  const rows = [
    { id: 'fact-status', label: 'laptops.field.status', value: statusTag(r.status, 'request-status') },
    r.position ? { id: 'fact-position', label: 'laptops.field.position', value: h('span', { i18n: 'laptops.position', args: { n: r.position } }) } : null,
    { id: 'fact-district', label: 'laptops.field.district', value: districtName(r.district) },
    ['APPROVED', 'READY_FOR_PICKUP'].includes(r.status)
      ? { id: 'fact-code', label: 'laptops.field.pickupCode', value: h('strong', { class: 'pickup-code', id: 'pickup-code' }, r.pickupCode) } : null,
    { id: 'fact-requested', label: 'laptops.field.requestedAt', value: h('span', { date: r.requestedAt }) },
    r.loanedAt ? { id: 'fact-loaned', label: 'laptops.field.loanedAt', value: h('span', { date: r.loanedAt }) } : null,
    r.dueOn ? { id: 'fact-due', label: 'laptops.field.dueOn', value: h('strong', { id: 'due-on', date: r.dueOn }) } : null,
    r.reason ? { id: 'fact-reason', label: 'laptops.field.reason', value: h('span', { id: 'request-reason' }, r.reason) } : null,
  ];
  const actions = [];
  if (['REQUESTED', 'APPROVED', 'READY_FOR_PICKUP'].includes(r.status)) {
    actions.push(button('cancel-request', 'laptops.cancel', () => change(r, 'CANCELLED'), { secondary: true }));
  }
  return h('section', { class: 'laptop-request', 'aria-labelledby': 'request-heading' },
    h('h2', { id: 'request-heading', i18n: 'laptops.yourRequest' }),
    h('p', { class: 'inset', id: 'next-step', i18n: NEXT[r.status] ?? NEXT.REQUESTED, args: { district, n: r.position ?? 0 } }),
    summaryList(rows, { id: 'request-facts' }),
    actions.length ? h('div', { class: 'actions' }, actions) : null,
    r.status === 'LOANED' ? extensionPart(r) : null);
}

// A borrower asks for more days: one request waiting at a time, within what the programme allows.
function extensionPart(r) {
  if (r.extension) {
    return h('div', { class: 'inset', id: 'extension-asked' },
      h('p', { i18n: 'laptops.extension.waiting', args: { n: r.extension.days } }),
      h('p', { class: 'hint' }, h('span', { i18n: 'laptops.extension.askedOn' }), ' ', h('span', { date: r.extension.requestedAt })));
  }
  return h('section', { 'aria-labelledby': 'extension-heading' },
    h('h2', { id: 'extension-heading', i18n: 'laptops.extension.title' }),
    h('p', { i18n: 'laptops.extension.intro' }),
    h('form', { id: 'extension-form', novalidate: true, onsubmit: (e) => askExtension(e, r) },
      textField({ name: 'days', label: 'laptops.extension.days', hint: 'laptops.extension.daysHint', inputmode: 'numeric', width: 'short', maxlength: 3 }),
      textArea({ name: 'extensionReason', label: 'laptops.extension.reason', hint: 'laptops.extension.reasonHint', rows: 3 }),
      button('ask-extension', 'laptops.extension.send', null, { type: 'submit' })));
}

async function askExtension(event, r) {
  event.preventDefault();
  await busy($('ask-extension'), async () => {
    clearErrors(host);
    const daysText = $('days').value.trim();
    const reason = $('extensionReason').value.trim();
    const errors = [];
    if (!/^\d{1,3}$/.test(daysText) || Number(daysText) < 1 || Number(daysText) > 365) {
      errors.push({ field: 'days', message: { key: 'laptops.extension.daysRange' } });
    }
    if (reason.length > MAX_REASON) errors.push({ field: 'extensionReason', message: { key: 'laptops.reason.tooLong', args: { n: MAX_REASON } } });
    if (errors.length) return showErrors(host, errors);
    const body = { days: Number(daysText), version: r.version };
    if (reason) body.reason = reason;
    const answer = await ctx.api('POST', `/laptops/requests/${encodeURIComponent(r.requestId)}/extension`, body);
    if (answer.stale) return undefined;
    if (answer.ok) return showMine({ key: 'laptops.extension.sent', args: { n: body.days } });
    if (answer.problem?.code === 'laptop-extension-not-allowed') {
      return showErrors(host, [{ field: 'days', message: { key: 'laptops.extension.tooMany', args: { n: answer.problem.extensionDaysLeft ?? 0 } } }]);
    }
    if (answer.problem?.code === 'validation-failed') {
      return showErrors(host, [{ field: 'days', message: { key: 'laptops.extension.daysRange' } }]);
    }
    return refused(answer, ['days']);
  });
}

function requestForm(again) {
  return h('section', { class: 'laptop-ask', 'aria-labelledby': 'ask-heading' },
    h('h2', { id: 'ask-heading', i18n: again ? 'laptops.askAgain' : 'laptops.ask' }),
    h('p', { i18n: 'laptops.howItWorks' }),
    h('form', { id: 'request-form', novalidate: true, onsubmit: ask },
      checkboxes({
        name: 'agreeToLoanTerms', legend: 'laptops.terms.legend',
        items: [{ value: 'yes', key: 'laptops.terms.agree' }],
      }),
      button('send-request', 'laptops.send', null, { type: 'submit' })));
}

async function ask(event) {
  event.preventDefault();
  await busy($('send-request'), async () => {
    clearErrors(host);
    if (!checkedValues('agreeToLoanTerms').includes('yes')) {
      return showErrors(host, [{ field: 'agreeToLoanTerms', message: { key: 'laptops.terms.required' } }]);
    }
    const answer = await ctx.api('POST', '/laptops/requests', { agreeToLoanTerms: true });
    if (answer.stale) return undefined;
    if (answer.ok) return showMine({ key: answer.data.status === 'REQUESTED' ? 'laptops.queued' : 'laptops.approved' });
    return refused(answer, ['agreeToLoanTerms']);
  });
}

async function change(r, status) {
  const btn = $('cancel-request');
  await busy(btn, async () => {
    clearErrors(host);
    const answer = await ctx.api('POST', `/laptops/requests/${encodeURIComponent(r.requestId)}/status`, { status, version: r.version });
    if (answer.stale) return undefined;
    if (answer.ok) return showMine({ key: 'laptops.cancelled' });
    return refused(answer);
  });
}

// ---- officers and admins ----

function countsRow(d) {
  return Object.keys(COUNTS).map((k) => h('td', { class: 'number', 'data-count': k }, String(d[k] ?? 0)));
}

function countsHead(first) {
  return h('thead', {}, h('tr', {}, first ? h('th', { scope: 'col', i18n: first }) : null,
    Object.values(COUNTS).map((key) => h('th', { scope: 'col', class: 'number', i18n: key }))));
}

async function showDistricts() {
  showLoading(host);
  const answer = await ctx.api('GET', '/laptops/districts');
  if (answer.stale) return;
  if (!answer.ok) return showFailed(host, 'laptops.console', answer, { arrive: true });
  const districts = answer.data.districts ?? [];
  single = districts.length === 1 && answer.data.scope === 'assigned';
  if (single) return showDistrict(districts[0].district);
  pageTitle('laptops.console');
  host.replaceChildren(
    heading('laptops.console'),
    h('p', { i18n: answer.data.scope === 'tenant' ? 'laptops.allDistricts' : 'laptops.yourDistricts' }),
    districts.length
      ? h('table', { class: 'table', id: 'districts' },
        h('caption', { class: 'visually-hidden', i18n: 'laptops.summary' }),
        countsHead('laptops.field.district'),
        h('tbody', {}, districts.map((d) => h('tr', { 'data-district': d.district },
          h('th', { scope: 'row' }, h('a', { href: `#/laptops/${encodeURIComponent(d.district)}` }, districtName(d.district))),
          countsRow(d)))))
      : h('p', { class: 'inset', id: 'no-districts', i18n: 'laptops.noDistricts' }),
    answer.data.scope === 'tenant' ? h('ul', { class: 'links' },
      h('li', {}, h('a', { href: '#/laptops/overdue', id: 'overdue-link', i18n: 'laptops.overdueAll' })),
      h('li', {}, h('a', { href: '#/laptops/officers', id: 'officers-link', i18n: 'laptops.officers' }))) : null,
    homeLink());
  ctx.arrived(host);
}

let district = null;
let requests = [];
let state = 'active';
let next = null;
// An officer of one district comes straight to it: "back" then goes home, not round in a circle.
let single = false;

const requestsPath = (id, cursor) => `/laptops/districts/${encodeURIComponent(id)}/requests?state=${state}`
  + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : '');

async function showDistrict(id, flash, shown = 'active') {
  showLoading(host);
  state = shown;
  const [list, audit, overdue, units] = await Promise.all([
    ctx.api('GET', requestsPath(id)),
    ctx.api('GET', `/laptops/districts/${encodeURIComponent(id)}/audit`),
    ctx.api('GET', `/laptops/districts/${encodeURIComponent(id)}/overdue`),
    unitsSection(ctx, host, id, (done) => showDistrict(id, done)),
  ]);
  if (list.stale || audit.stale || overdue.stale || !ctx.current()) return;
  const back = single ? h('a', { class: 'back-link', href: '#/', i18n: 'action.home' })
    : h('a', { class: 'back-link', href: '#/laptops', i18n: 'laptops.back' });
  if (!list.ok) return showFailed(host, 'laptops.console', list, { back, arrive: true });
  district = list.data.district;
  next = list.data.next ?? null;
  // the queue first, in its order; then the others by when they asked (closed ones: newest first, as sent)
  requests = state === 'closed' ? list.data.requests ?? [] : [...(list.data.requests ?? [])].sort((a, b) => (a.position || 1e9) - (b.position || 1e9)
    || String(a.requestedAt).localeCompare(String(b.requestedAt)));
  pageTitle('laptops.console');
  host.replaceChildren(...[
    back,
    h('h1', { tabindex: '-1', id: 'district-name' }, districtName(district.district)),
    statusLine('page-status'),
    h('table', { class: 'table', id: 'district-counts' },
      h('caption', { class: 'visually-hidden', i18n: 'laptops.summary' }), countsHead(null), h('tbody', {}, h('tr', {}, countsRow(district)))),
    district.model ? h('p', { class: 'hint' }, tx('laptops.field.model'), ': ', district.model) : null,
    requestsPart(),
    overdue.ok ? overduePart(overdue.data.loans ?? []) : null,
    units,
    stockPart(),
    auditPart(audit.ok ? audit.data.entries ?? [] : []),
    h('p', {}, single ? h('a', { href: '#/', i18n: 'action.home' }) : h('a', { href: '#/laptops', i18n: 'laptops.back' }))]
    .filter(Boolean));
  if (flash) setStatus($('page-status'), flash);
  ctx.arrived(host);
}

function requestsPart() {
  const base = `#/laptops/${encodeURIComponent(district.district)}`;
  const more = button('load-more', 'laptops.loadMore', null, { secondary: true });
  more.hidden = !next;
  more.addEventListener('click', () => busy(more, async () => {
    clearErrors(host);
    const page = await ctx.api('GET', requestsPath(district.district, next));
    if (page.stale) return;
    if (!page.ok) {
      refused(page);
      return;
    }
    const added = (page.data.requests ?? []).map(requestRow);
    $('requests')?.querySelector('tbody')?.append(...added);
    next = page.data.next ?? null;
    more.hidden = !next;
    added[0]?.querySelector('a')?.focus();
  }));
  return h('section', { 'aria-labelledby': 'requests-heading' },
    h('h2', { id: 'requests-heading', i18n: state === 'closed' ? 'laptops.closedRequests' : 'laptops.requests' }),
    h('p', {}, state === 'closed'
      ? h('a', { href: base, id: 'show-active', i18n: 'laptops.showActive' })
      : h('a', { href: `${base}/closed`, id: 'show-closed', i18n: 'laptops.showClosed' })),
    requests.length ? h('table', { class: 'table', id: 'requests' },
      h('thead', {}, h('tr', {},
        ['laptops.field.position', 'laptops.field.pickupCode', 'laptops.field.status', 'laptops.field.requestedAt', 'laptops.field.actions']
          .map((k) => h('th', { scope: 'col', i18n: k })))),
      h('tbody', {}, requests.map(requestRow)))
      : h('p', { class: 'inset', id: 'no-requests', i18n: state === 'closed' ? 'laptops.noClosed' : 'laptops.noRequests' }),
    more,
    h('div', { id: 'reject-panel', hidden: true }),
    h('div', { id: 'serial-panel', hidden: true }),
    h('div', { id: 'extension-panel', hidden: true }));
}

function overduePart(loans) {
  return h('section', { 'aria-labelledby': 'overdue-heading' },
    h('h2', { id: 'overdue-heading', i18n: 'laptops.overdue' }),
    loans.length ? h('table', { class: 'table', id: 'overdue' },
      h('thead', {}, h('tr', {},
        ['laptops.field.pickupCode', 'laptops.field.serial', 'laptops.field.dueOn', 'laptops.field.daysOverdue', 'laptops.field.escalation']
          .map((k) => h('th', { scope: 'col', i18n: k })))),
      h('tbody', {}, loans.map((l) => h('tr', { 'data-request-id': l.requestId, 'data-escalation': l.escalation },
        h('td', {}, h('a', { class: 'pickup-code', href: `#/laptops/${encodeURIComponent(l.district)}/${encodeURIComponent(l.requestId)}` }, l.pickupCode)),
        h('td', {}, l.serial ?? '—'),
        h('td', {}, h('span', { date: l.dueOn })),
        h('td', { class: 'number' }, String(l.daysOverdue)),
        h('td', {}, h('span', { class: 'tag', i18n: ESCALATION[l.escalation] ?? ESCALATION.REMINDER }))))))
      : h('p', { class: 'inset', id: 'no-overdue', i18n: 'laptops.noOverdue' }));
}

// The hand-over (LOANED) and the return (RETURNED) name the unit by the serial number on its label.
function serialForm(r, status) {
  const panel = $('serial-panel');
  $('reject-panel').hidden = true;
  panel.replaceChildren(h('form', { id: 'serial-form', class: 'inset', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    const serial = $('serial').value.trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/.test(serial)) return showErrors(host, [{ field: 'serial', message: { key: 'laptops.serial.required' } }]);
    return act(r, status, $('confirm-serial'), undefined, serial);
  } },
  h('h3', { i18n: status === 'LOANED' ? 'laptops.handOverTitle' : 'laptops.returnTitle', args: { code: r.pickupCode } }),
  textField({ name: 'serial', label: 'laptops.field.serial', hint: 'laptops.serial.hint', maxlength: 40, autocomplete: 'off' }),
  button('confirm-serial', status === 'LOANED' ? 'laptops.handOver' : 'laptops.recordReturn', null, { type: 'submit' })));
  panel.hidden = false;
  $('serial').focus();
}

function requestRow(r) {
  const actions = [];
  if (r.status === 'APPROVED') actions.push(h('button', { type: 'button', class: 'button button-small', 'data-action': 'ready', i18n: 'laptops.markReady', onclick: (e) => act(r, 'READY_FOR_PICKUP', e.currentTarget) }));
  if (r.status === 'READY_FOR_PICKUP') actions.push(h('button', { type: 'button', class: 'button button-small', 'data-action': 'hand-over', i18n: 'laptops.handOver', onclick: () => serialForm(r, 'LOANED') }));
  if (r.status === 'LOANED') actions.push(h('button', { type: 'button', class: 'button button-small', 'data-action': 'return', i18n: 'laptops.recordReturn', onclick: () => serialForm(r, 'RETURNED') }));
  if (r.status === 'LOANED' && r.extension) {
    actions.push(h('button', { type: 'button', class: 'button button-secondary button-small', 'data-action': 'extension', i18n: 'laptops.extension.decide', onclick: () => extensionForm(r) }));
  }
  if (['REQUESTED', 'APPROVED', 'READY_FOR_PICKUP'].includes(r.status)) {
    actions.push(h('button', { type: 'button', class: 'button button-secondary button-small', 'data-action': 'reject', i18n: 'laptops.reject', onclick: () => rejectForm(r) }));
  }
  return h('tr', { 'data-request-id': r.requestId, 'data-status': r.status },
    h('td', { class: 'number' }, r.position ? String(r.position) : '—'),
    h('td', {}, h('a', { class: 'pickup-code', href: `#/laptops/${encodeURIComponent(r.district)}/${encodeURIComponent(r.requestId)}` }, r.pickupCode)),
    h('td', {}, statusTag(r.status), r.dueOn ? [' ', h('span', { class: 'hint', i18n: 'laptops.dueShort', args: { date: { date: r.dueOn } } })] : null,
      r.extension ? [' ', h('span', { class: 'tag', 'data-extension': r.extension.days, i18n: 'laptops.extension.asked', args: { n: r.extension.days } })] : null),
    h('td', {}, h('span', { date: r.requestedAt })),
    h('td', { class: 'actions' }, actions));
}

async function act(r, status, btn, reason, serial) {
  await busy(btn, async () => {
    clearErrors(host);
    const body = { status, version: r.version };
    if (reason) body.reason = reason;
    if (serial) body.serial = serial;
    const answer = await ctx.api('POST', `/laptops/requests/${encodeURIComponent(r.requestId)}/status`, body);
    if (answer.stale) return undefined;
    if (answer.ok) return showDistrict(district.district, { key: DONE[status], args: { code: r.pickupCode } });
    if (['laptop-unit-unavailable', 'laptop-serial-mismatch'].includes(answer.problem?.code)) {
      return showProblem(host, answer, { fields: ['serial'] });
    }
    return refused(answer, ['reason', 'serial']);
  });
}

// An officer decides a borrower's request for more days: approve, or refuse with a reason they will read.
function extensionForm(r) {
  const panel = $('extension-panel');
  $('reject-panel').hidden = true;
  $('serial-panel').hidden = true;
  panel.replaceChildren(h('form', { id: 'extension-decision-form', class: 'inset', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    const decision = checkedValues('extensionDecision')[0];
    const text = $('decisionReason').value.trim();
    const errors = [];
    if (!decision) errors.push({ field: 'extensionDecision', message: { key: 'laptops.extension.decisionRequired' } });
    if (decision === 'REFUSED' && !text) errors.push({ field: 'decisionReason', message: { key: 'laptops.reason.required' } });
    if (text.length > MAX_REASON) errors.push({ field: 'decisionReason', message: { key: 'laptops.reason.tooLong', args: { n: MAX_REASON } } });
    if (errors.length) return showErrors(host, errors);
    return decideExtension(r, decision, text);
  } },
  h('h3', { i18n: 'laptops.extension.decideTitle', args: { code: r.pickupCode, n: r.extension.days } }),
  r.extension.reason ? h('p', {}, h('span', { i18n: 'laptops.extension.theirReason' }), ' ', h('q', {}, r.extension.reason)) : null,
  radios({ name: 'extensionDecision', legend: 'laptops.extension.decision', items: [
    { value: 'APPROVED', key: 'laptops.extension.approve' }, { value: 'REFUSED', key: 'laptops.extension.refuse' }] }),
  textArea({ name: 'decisionReason', label: 'laptops.field.reason', hint: 'laptops.extension.decisionReasonHint', rows: 3 }),
  button('confirm-extension', 'laptops.extension.save', null, { type: 'submit' })));
  panel.hidden = false;
  panel.querySelector('input')?.focus();
}

async function decideExtension(r, decision, reason) {
  await busy($('confirm-extension'), async () => {
    clearErrors(host);
    const body = { decision, version: r.version };
    if (reason) body.reason = reason;
    const answer = await ctx.api('POST', `/laptops/requests/${encodeURIComponent(r.requestId)}/extension/decision`, body);
    if (answer.stale) return undefined;
    if (answer.ok) {
      return showDistrict(district.district, { key: decision === 'APPROVED' ? 'laptops.extension.approved' : 'laptops.extension.refused',
        args: { code: r.pickupCode, date: { date: answer.data.dueOn } } });
    }
    if (answer.problem?.code === 'laptop-extension-not-pending') {
      return showErrors(host, [{ message: { key: 'laptops.changedMeanwhile' } }], { actions: reloadButton() });
    }
    return refused(answer, ['extensionDecision', 'decisionReason']);
  });
}

function rejectForm(r) {
  const panel = $('reject-panel');
  const reason = textArea({ name: 'reason', label: 'laptops.field.reason', hint: 'laptops.reason.hint', rows: 3 });
  panel.replaceChildren(h('form', { id: 'reject-form', class: 'inset', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    const text = $('reason').value.trim();
    if (!text) return showErrors(host, [{ field: 'reason', message: { key: 'laptops.reason.required' } }]);
    if (text.length > MAX_REASON) return showErrors(host, [{ field: 'reason', message: { key: 'laptops.reason.tooLong', args: { n: MAX_REASON } } }]);
    return act(r, 'REJECTED', $('confirm-reject'), text);
  } },
  h('h3', { i18n: 'laptops.rejectTitle', args: { code: r.pickupCode } }),
  reason,
  button('confirm-reject', 'laptops.reject', null, { type: 'submit' })));
  panel.hidden = false;
  $('reason').focus();
}

function stockPart() {
  return h('section', { 'aria-labelledby': 'stock-heading' },
    h('h2', { id: 'stock-heading', i18n: 'laptops.stock' }),
    h('form', { id: 'stock-form', novalidate: true, onsubmit: recordStock },
      radios({ name: 'change', legend: 'laptops.field.change', items: [
        { value: 'RECEIVED', key: CHANGE.RECEIVED }, { value: 'WRITTEN_OFF', key: CHANGE.WRITTEN_OFF }] }),
      textField({ name: 'units', label: 'laptops.field.units', inputmode: 'numeric', width: 'short', maxlength: 5 }),
      textField({ name: 'model', label: 'laptops.field.newModel', hint: 'laptops.model.hint', maxlength: MAX_MODEL }),
      textField({ name: 'note', label: 'laptops.field.note', hint: 'laptops.note.hint', maxlength: MAX_REASON }),
      button('record-stock', 'laptops.recordStock', null, { type: 'submit' })));
}

async function recordStock(event) {
  event.preventDefault();
  await busy($('record-stock'), async () => {
    clearErrors(host);
    const change = checkedValues('change')[0];
    const unitsText = $('units').value.trim();
    const units = /^\d{1,5}$/.test(unitsText) ? Number(unitsText) : NaN;
    const note = $('note').value.trim();
    const model = $('model').value.trim();
    const errors = [];
    if (!change) errors.push({ field: 'change', message: fieldMessage('change', 'required') });
    if (!unitsText) errors.push({ field: 'units', message: fieldMessage('units', 'required') });
    else if (!(units >= 1 && units <= MAX_UNITS)) errors.push({ field: 'units', message: { key: 'laptops.units.range', args: { max: MAX_UNITS } } });
    if (errors.length) return showErrors(host, errors);
    const body = { change, units };
    if (note) body.note = note;
    if (model) body.model = model;
    const answer = await ctx.apiOnce('POST', `/laptops/districts/${encodeURIComponent(district.district)}/stock`, body);
    if (answer.stale) return undefined;
    if (answer.ok) {
      return showDistrict(district.district, { key: 'laptops.stockRecorded', args: { n: answer.data.approved } });
    }
    if (answer.problem?.code === 'laptop-stock-too-low') {
      return showErrors(host, [{ field: 'units', message: { key: 'laptops.units.tooMany', args: { n: answer.problem.inStock ?? 0 } } }]);
    }
    return refused(answer, ['change', 'units', 'model', 'note']);
  });
}

// ---- one request and its trail ----

async function showRequest(districtId, requestId) {
  showLoading(host);
  const answer = await ctx.api('GET', `/laptops/requests/${encodeURIComponent(requestId)}`);
  if (answer.stale) return;
  const back = h('a', { class: 'back-link', href: `#/laptops/${encodeURIComponent(districtId)}`, i18n: 'laptops.backToDistrict' });
  if (!answer.ok) return showFailed(host, 'laptops.console', answer, { back, arrive: true });
  const r = answer.data;
  pageTitle('laptops.console');
  host.replaceChildren(
    back,
    h('h1', { tabindex: '-1', id: 'request-title', i18n: 'laptops.requestTitle', args: { code: r.pickupCode } }),
    summaryList([
      { id: 'fact-status', label: 'laptops.field.status', value: statusTag(r.status, 'request-status') },
      r.position ? { id: 'fact-position', label: 'laptops.field.position', value: h('span', { i18n: 'laptops.position', args: { n: r.position } }) } : null,
      { id: 'fact-district', label: 'laptops.field.district', value: districtName(r.district) },
      { id: 'fact-requested', label: 'laptops.field.requestedAt', value: h('span', { date: r.requestedAt }) },
      r.dueOn ? { id: 'fact-due', label: 'laptops.field.dueOn', value: h('span', { date: r.dueOn }) } : null,
      r.reason ? { id: 'fact-reason', label: 'laptops.field.reason', value: h('span', {}, r.reason) } : null,
    ], { id: 'request-facts' }),
    auditPart(r.audit ?? []),
    h('p', {}, h('a', { href: `#/laptops/${encodeURIComponent(districtId)}`, i18n: 'laptops.backToDistrict' })));
  ctx.arrived(host);
}

function auditPart(entries) {
  return h('section', { 'aria-labelledby': 'audit-heading' },
    h('h2', { id: 'audit-heading', i18n: 'laptops.audit' }),
    entries.length ? h('ol', { class: 'audit', id: 'audit' }, entries.map((e) => h('li', { 'data-change': e.change },
      h('span', { date: e.at }), ' — ',
      h('span', { i18n: ACTOR[e.actor?.kind] ?? ACTOR.SYSTEM }), ': ',
      e.change === 'STATUS'
        ? [e.from ? [statusTag(e.from), ' → '] : null, statusTag(e.to),
          e.requestId ? [' ', h('span', { class: 'hint' }, `#${e.requestId.slice(0, 8)}`)] : null]
        : e.change === 'DISTRICT_CHANGED'
          ? h('span', { i18n: 'laptops.districtChanged', args: { from: e.from, to: e.to } })
          : h('span', { i18n: 'laptops.stockEntry', args: { change: { key: CHANGE[e.change] ?? CHANGE.RECEIVED }, n: e.units ?? 0, from: e.from, to: e.to } }),
      e.reason ? [' — ', h('q', {}, e.reason)] : null)))
      : h('p', { i18n: 'laptops.noAudit' }));
}

// ---- admins: which districts each officer looks after ----

async function showOfficers(flash) {
  showLoading(host);
  const [list, districts] = await Promise.all([ctx.api('GET', '/laptops/officers'), ctx.api('GET', '/laptops/districts')]);
  if (list.stale || districts.stale) return;
  const back = h('a', { class: 'back-link', href: '#/laptops', i18n: 'laptops.back' });
  if (!list.ok) return showFailed(host, 'laptops.officers', list, { back, arrive: true });
  if (!districts.ok) return showFailed(host, 'laptops.officers', districts, { back, arrive: true });
  const ids = (districts.data.districts ?? []).map((d) => d.district);
  const officers = list.data.officers ?? [];
  pageTitle('laptops.officers');
  host.replaceChildren(
    back,
    heading('laptops.officers'),
    statusLine('page-status'),
    h('p', { i18n: 'laptops.officersIntro' }),
    officers.length ? h('table', { class: 'table', id: 'officers' },
      h('thead', {}, h('tr', {}, ['laptops.field.officer', 'laptops.field.districts', 'laptops.field.actions']
        .map((k) => h('th', { scope: 'col', i18n: k })))),
      h('tbody', {}, officers.map((o) => h('tr', { 'data-officer': o.userId },
        h('td', {}, h('code', {}, o.userId)),
        h('td', {}, o.districts.map((d, i) => [i ? ', ' : null, districtName(d)])),
        h('td', { class: 'actions' }, h('button', { type: 'button', class: 'button button-secondary button-small', 'data-action': 'edit-officer',
          i18n: 'laptops.editOfficer', onclick: () => fillOfficer(o) }))))))
      : h('p', { class: 'inset', id: 'no-officers', i18n: 'laptops.noOfficers' }),
    h('form', { id: 'officer-form', novalidate: true, onsubmit: saveOfficer },
      textField({ name: 'officer', label: 'laptops.field.officer', hint: 'laptops.officer.hint', maxlength: 64, autocomplete: 'off' }),
      checkboxes({ name: 'districts', legend: 'laptops.field.districts',
        items: ids.map((d) => ({ value: d, key: DISTRICT_KEYS[d] ?? 'district.other', args: { code: d } })) }),
      button('save-officer', 'laptops.saveOfficer', null, { type: 'submit' })),
    homeLink());
  if (flash) setStatus($('page-status'), flash);
  ctx.arrived(host);
}

function fillOfficer(o) {
  $('officer').value = o.userId;
  for (const box of document.querySelectorAll('input[name="districts"]')) box.checked = o.districts.includes(box.value);
  $('officer').focus();
}

async function saveOfficer(event) {
  event.preventDefault();
  await busy($('save-officer'), async () => {
    clearErrors(host);
    const userId = $('officer').value.trim();
    if (!/^[A-Za-z0-9-]{1,64}$/.test(userId)) return showErrors(host, [{ field: 'officer', message: { key: 'laptops.officer.required' } }]);
    const districts = checkedValues('districts');
    const answer = await ctx.api('PUT', `/laptops/officers/${encodeURIComponent(userId)}/districts`, { districts });
    if (answer.stale) return undefined;
    if (answer.ok) return showOfficers({ key: 'laptops.officerSaved', args: { n: answer.data.districts.length } });
    showProblem(host, answer, { fields: ['districts'] });
    return null;
  });
}
