// "Who can apply" (#/who-can-apply, public): the programme in force for a local government, in
// plain words, before anyone makes an account. The same summary opens the registration.

import {
  CATEGORY_HINT_KEYS, CATEGORY_KEYS, DOCUMENT_KEYS, LEVEL_KEYS, TENANT_KEYS, h, heading, homeLink, pageTitle,
  byTenantName, selectField, showProblem, tenantName, tenants, useContext,
} from './ui.js';

const LEVEL_ORDER = ['ELEMENTARY', 'MIDDLE', 'HIGH', 'NOT_IN_SCHOOL', 'ADULT'];

/** How a category is decided: from the records (documents only if they cannot), or by documents. */
export function howWeCheck(c) {
  const documents = { keys: (c.requiredDocuments ?? []).map((d) => DOCUMENT_KEYS[d]).filter(Boolean) };
  return h('span', { class: 'who-how', i18n: c.recordsCanDecide ? 'who.byRecords' : 'who.byDocuments', args: { documents } });
}

/** The programme in plain words: ages, school levels, categories with how each is checked. */
export function programmeSummary(programme, tenant, { open = true, collapsible = true, name = null } = {}) {
  const levels = LEVEL_ORDER.filter((l) => programme.schoolLevels?.includes(l));
  // the area's name: from the API when the page has it, else the words kept for the first areas
  const area = name ?? (TENANT_KEYS[tenant] ? { key: TENANT_KEYS[tenant] } : tenant);
  const body = [
    h('p', { i18n: 'who.ages', args: { min: programme.minAge, max: programme.maxAge, tenant: area } }),
    h('p', { i18n: 'who.levels', args: { levels: { keys: levels.map((l) => LEVEL_KEYS[l]) } } }),
    h('p', { i18n: 'who.oneOf' }),
    h('ul', { class: 'who-categories' }, programme.categories.map((c) => h('li', { id: `who-${c.code}` },
      h('strong', { i18n: CATEGORY_KEYS[c.code] ?? 'category.other', args: { code: c.code } }),
      h('span', { class: 'who-hint', i18n: CATEGORY_HINT_KEYS[c.code] ?? 'categoryHint.other', args: { percent: programme.incomeLinePercent } }),
      howWeCheck(c)))),
    h('p', { i18n: 'who.guardian', args: { age: programme.guardianConsentBelowAge ?? 14 } }),
    programme.quota ? h('p', { id: 'who-quota', i18n: 'who.quota', args: { n: programme.quota } }) : null,
    h('p', { i18n: 'who.noResidentNumber' }),
  ];
  if (!collapsible) return h('div', { class: 'who', id: 'who-can-apply' }, body);
  return h('details', { class: 'who', id: 'who-can-apply', open }, h('summary', {}, h('span', { i18n: 'who.title' })), body);
}

let ctx = null;
let host = null;

export function enter(context, root) {
  ctx = context;
  host = root;
  useContext(ctx);
  const me = ctx.me();
  show(me?.tenant ?? 'seoul');
  return {
    // the areas' names follow the page language
    languageChanged() {
      if (ctx.current()) show(document.getElementById('programme-tenant')?.value || me?.tenant || 'seoul');
    },
  };
}

async function show(tenant) {
  const me = ctx.me();
  const [areas, answer] = await Promise.all([tenants(), ctx.publicApi('GET', `/programmes/${encodeURIComponent(tenant)}/current`)]);
  if (!ctx.current()) return;
  const list = areas.ok ? areas.data.items ?? [] : [];
  const area = list.find((t) => t.tenant === tenant);
  const chooser = me || !list.length ? null : selectField({
    name: 'programme-tenant', label: 'who.tenant',
    options: byTenantName(list).map((t) => ({ value: t.tenant, text: tenantName(t) })), value: tenant,
    onchange: (e) => show(e.target.value),
  });
  const focusChooser = document.activeElement?.id === 'programme-tenant';
  pageTitle('who.title');
  const next = me
    ? (me.groups?.includes('applicants') ? h('a', { class: 'button', id: 'go-register', href: '#/register', i18n: 'home.continueRegistration' }) : null)
    : [h('button', { type: 'button', class: 'button', id: 'who-sign-up', i18n: 'auth.signUp', onclick: (e) => ctx.signUp(e.currentTarget) }),
      h('p', { class: 'new-here', i18n: 'who.haveAccount' }),
      h('button', { type: 'button', class: 'button button-secondary', id: 'who-sign-in', i18n: 'auth.signIn', onclick: (e) => ctx.signIn(e.currentTarget) })];
  host.replaceChildren(...[heading('who.title'), chooser, answer.ok ? programmeSummary(answer.data, tenant, { collapsible: false, name: area ? tenantName(area) : null }) : null,
    next, homeLink()].flat().filter(Boolean));
  if (!answer.ok) showProblem(host, answer);
  if (focusChooser) document.getElementById('programme-tenant')?.focus();
  else ctx.arrived(host);
}
