// Laptop assets for district officers and admins, a part of the laptops pages (laptops.js loads
// it): a district's units by serial number with registering a new one (#/laptops/<district>),
// and the admins' list of every overdue loan of the tenant with its follow-up stage
// (#/laptops/overdue).

import {
  DISTRICT_KEYS, busy, button, clearErrors, h, heading, pageTitle, showErrors, showFailed, showLoading,
  showProblem, statusLine, textField,
} from './ui.js';

const SERIAL = /^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/;
const MAX_MODEL = 80;
const UNIT_STATUS = { AVAILABLE: 'laptops.unit.AVAILABLE', ON_LOAN: 'laptops.unit.ON_LOAN' };
const ESCALATION = {
  REMINDER: 'laptops.escalation.REMINDER', OFFICER: 'laptops.escalation.OFFICER', ADMIN: 'laptops.escalation.ADMIN',
};

const $ = (id) => document.getElementById(id);
const districtName = (id) => h('span', { i18n: DISTRICT_KEYS[id] ?? 'district.other', args: { code: id } });
const unitsPath = (district, cursor) => `/laptops/districts/${encodeURIComponent(district)}/units`
  + (cursor ? `?cursor=${encodeURIComponent(cursor)}` : '');
const overduePath = (cursor) => '/laptops/overdue' + (cursor ? `?cursor=${encodeURIComponent(cursor)}` : '');

function unitRow(u) {
  return h('tr', { 'data-serial': u.serial, 'data-status': u.status },
    h('th', { scope: 'row' }, h('code', {}, u.serial)),
    h('td', {}, u.assetTag ?? '—'),
    h('td', {}, u.model ?? '—'),
    h('td', {}, h('span', { class: 'tag', 'data-status': u.status, i18n: UNIT_STATUS[u.status] ?? UNIT_STATUS.AVAILABLE })));
}

/**
 * The district's units (a page at a time) and the form to register one; after a registration
 * the district page is shown again ({@code reload(flash)}), its counts changed.
 */
export async function unitsSection(ctx, host, district, reload) {
  const answer = await ctx.api('GET', unitsPath(district));
  if (answer.stale) return null;
  let next = answer.ok ? answer.data.next ?? null : null;
  const units = answer.ok ? answer.data.units ?? [] : [];
  const body = h('tbody', {}, units.map(unitRow));
  const more = button('more-units', 'laptops.loadMore', null, { secondary: true });
  more.hidden = !next;
  more.addEventListener('click', () => busy(more, async () => {
    clearErrors(host);
    const page = await ctx.api('GET', unitsPath(district, next));
    if (page.stale) return;
    if (!page.ok) {
      showProblem(host, page);
      return;
    }
    const added = (page.data.units ?? []).map(unitRow);
    body.append(...added);
    next = page.data.next ?? null;
    more.hidden = !next;
    added[0]?.querySelector('th')?.setAttribute('tabindex', '-1');
    added[0]?.querySelector('th')?.focus();
  }));
  const form = h('form', { id: 'unit-form', novalidate: true, onsubmit: (e) => register(e, ctx, host, district, reload) },
    h('h3', { i18n: 'laptops.units.register' }),
    textField({ name: 'unitSerial', label: 'laptops.field.serial', hint: 'laptops.units.serialHint', maxlength: 40, autocomplete: 'off', spellcheck: 'false' }),
    textField({ name: 'assetTag', label: 'laptops.field.assetTag', hint: 'laptops.units.assetTagHint', maxlength: 40, autocomplete: 'off', spellcheck: 'false' }),
    textField({ name: 'unitModel', label: 'laptops.field.newModel', hint: 'laptops.model.hint', maxlength: MAX_MODEL }),
    button('register-unit', 'laptops.units.registerButton', null, { type: 'submit' }),
    statusLine('unit-status'));
  return h('section', { 'aria-labelledby': 'units-heading', id: 'units-section' },
    h('h2', { id: 'units-heading', i18n: 'laptops.units' }),
    h('p', { i18n: 'laptops.units.intro' }),
    !answer.ok ? h('p', { class: 'inset', id: 'units-unread', i18n: 'laptops.units.unread' })
      : units.length ? h('table', { class: 'table', id: 'unit-list' },
        h('caption', { class: 'visually-hidden', i18n: 'laptops.units' }),
        h('thead', {}, h('tr', {}, ['laptops.field.serial', 'laptops.field.assetTag', 'laptops.field.model', 'laptops.field.status']
          .map((k) => h('th', { scope: 'col', i18n: k })))),
        body)
        : h('p', { class: 'inset', id: 'no-units', i18n: 'laptops.units.none' }),
    more,
    form);
}

async function register(event, ctx, host, district, reload) {
  event.preventDefault();
  await busy($('register-unit'), async () => {
    clearErrors(host);
    const serial = $('unitSerial').value.trim();
    const assetTag = $('assetTag').value.trim();
    const model = $('unitModel').value.trim();
    const errors = [];
    if (!SERIAL.test(serial)) errors.push({ field: 'unitSerial', message: { key: 'laptops.serial.required' } });
    if (!SERIAL.test(assetTag)) errors.push({ field: 'assetTag', message: { key: 'laptops.units.assetTagRequired' } });
    if (model.length > MAX_MODEL) errors.push({ field: 'unitModel', message: { key: 'laptops.units.modelTooLong', args: { n: MAX_MODEL } } });
    if (errors.length) return showErrors(host, errors);
    const body = { serial, assetTag };
    if (model) body.model = model;
    const answer = await ctx.api('POST', unitsPath(district), body);
    if (answer.stale) return undefined;
    if (answer.ok) return reload({ key: 'laptops.units.registered', args: { serial: answer.data.serial } });
    if (answer.problem?.code === 'laptop-unit-exists') return showProblem(host, answer, { fields: ['unitSerial'] });
    const fields = { serial: 'unitSerial', assetTag: 'assetTag', model: 'unitModel' };
    if (answer.problem?.code === 'validation-failed' && Array.isArray(answer.problem.errors)) {
      return showErrors(host, answer.problem.errors.map((e) => ({ field: fields[e.field], message: { key: 'laptops.units.fieldRefused' } })));
    }
    return showProblem(host, answer);
  });
}

/** The admins' list: every overdue loan of the tenant, oldest due date first, with its stage. */
export async function showTenantOverdue(ctx, host) {
  showLoading(host);
  const answer = await ctx.api('GET', overduePath());
  if (answer.stale) return;
  const back = h('a', { class: 'back-link', href: '#/laptops', i18n: 'laptops.back' });
  if (!answer.ok) return showFailed(host, 'laptops.overdueAll', answer, { back, arrive: true });
  let next = answer.data.next ?? null;
  const loans = answer.data.loans ?? [];
  const row = (l) => h('tr', { 'data-request-id': l.requestId, 'data-escalation': l.escalation },
    h('th', { scope: 'row' }, h('a', { href: `#/laptops/${encodeURIComponent(l.district)}` }, districtName(l.district))),
    h('td', {}, h('a', { class: 'pickup-code', href: `#/laptops/${encodeURIComponent(l.district)}/${encodeURIComponent(l.requestId)}` }, l.pickupCode)),
    h('td', {}, l.serial ? h('code', {}, l.serial) : '—'),
    h('td', {}, h('span', { date: l.dueOn })),
    h('td', { class: 'number' }, String(l.daysOverdue)),
    h('td', {}, h('span', { class: 'tag', 'data-escalation': l.escalation, i18n: ESCALATION[l.escalation] ?? ESCALATION.REMINDER })));
  const body = h('tbody', {}, loans.map(row));
  const more = button('more-overdue', 'laptops.loadMore', null, { secondary: true });
  more.hidden = !next;
  more.addEventListener('click', () => busy(more, async () => {
    clearErrors(host);
    const page = await ctx.api('GET', overduePath(next));
    if (page.stale) return;
    if (!page.ok) {
      showProblem(host, page);
      return;
    }
    const added = (page.data.loans ?? []).map(row);
    body.append(...added);
    next = page.data.next ?? null;
    more.hidden = !next;
    added[0]?.querySelector('a')?.focus();
  }));
  pageTitle('laptops.overdueAll');
  host.replaceChildren(
    back,
    heading('laptops.overdueAll'),
    h('p', { i18n: 'laptops.overdueIntro' }),
    loans.length ? h('table', { class: 'table', id: 'overdue-all' },
      h('caption', { class: 'visually-hidden', i18n: 'laptops.overdueAll' }),
      h('thead', {}, h('tr', {}, ['laptops.field.district', 'laptops.field.pickupCode', 'laptops.field.serial', 'laptops.field.dueOn',
        'laptops.field.daysOverdue', 'laptops.field.escalation'].map((k) => h('th', { scope: 'col', i18n: k })))),
      body)
      : h('p', { class: 'inset', id: 'no-overdue', i18n: 'laptops.noOverdue' }),
    more,
    h('p', {}, h('a', { href: '#/laptops', i18n: 'laptops.back' })));
  ctx.arrived(host);
}
