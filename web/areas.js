// Adding a partner area (#/areas) for the catalogue operators: a new local government's id, its
// names in four languages, its districts, its first programme (the same fields as a programme
// draft, #/rules) with a start date, and the seats each provider gives there — saved in one
// transaction. Families there choose it on the "Where do you live?" step and apply.

import {
  busy, clearErrors, h, heading, homeLink, pageTitle, setStatus, showFailed, showLoading, showProblem, statusLine, textArea,
  textField, useContext,
} from './ui.js';
import { editor, read } from './rules.js';

let ctx = null;
let host = null;

const $ = (id) => document.getElementById(id);
const NAME_KEYS = { ko: 'areas.name.ko', en: 'areas.name.en', vi: 'areas.name.vi', zh: 'areas.name.zh' };

// A first programme to start from: the shape of Seoul's, which the operator changes.
const STARTING_PROGRAMME = {
  name: {},
  categories: [
    { code: 'LOW_INCOME', recordsCanDecide: true, requiredDocuments: ['INCOME_PROOF'] },
    { code: 'MULTICULTURAL', recordsCanDecide: false, requiredDocuments: ['MULTICULTURAL_FAMILY_CERTIFICATE'] },
  ],
  incomeLinePercent: 60, minAge: 8, maxAge: 19, schoolLevels: ['ELEMENTARY', 'MIDDLE', 'HIGH'], pickLimit: 1,
  laptopLoan: { loanDays: 180, maxExtensionDays: 30 },
};

export function enter(context, root) {
  ctx = context;
  host = root;
  useContext(ctx);
  pageTitle('areas.title');
  if (!(ctx.me().groups ?? []).includes('catalogue-operators')) {
    host.replaceChildren(heading('areas.title'), h('p', { id: 'not-operator', i18n: 'areas.notOperator' }), homeLink());
    ctx.arrived(host);
    return {};
  }
  load();
  return {};
}

async function load() {
  showLoading(host, heading('areas.title'));
  const answer = await ctx.publicApi('GET', '/catalog/providers');
  if (answer.stale) return;
  if (!answer.ok) return showFailed(host, 'areas.title', answer, { keepTitle: true, after: [homeLink()], arrive: true });
  const providers = (answer.data.items ?? []).filter((p) => p.status !== 'INACTIVE');
  host.replaceChildren(heading('areas.title'), h('p', { i18n: 'areas.intro' }), form(providers), homeLink());
  ctx.arrived(host);
}

const nameOf = (p) => (ctx.language() === 'ko' ? p.name?.ko : p.name?.en) || p.providerId;

function form(providers) {
  const status = statusLine('area-status');
  const save = h('button', { type: 'submit', class: 'button', id: 'add-area', i18n: 'areas.save' });
  const fields = ['tenant', 'area.name.ko', 'area.name.en', 'area.name.vi', 'area.name.zh', 'districts', 'effectiveFrom', 'seats', 'programme',
    'categories', 'incomeLinePercent', 'quota', 'pickLimit', 'minAge', 'maxAge', 'schoolLevels', 'laptopLoan.loanDays',
    'laptopLoan.maxExtensionDays', 'definition'];
  return h('form', { id: 'area-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    busy(save, async () => {
      clearErrors(host);
      setStatus(status, null);
      const names = Object.fromEntries(['ko', 'en', 'vi', 'zh'].map((l) => [l, $(`area-name-${l}`).value.trim()]).filter(([, v]) => v));
      const programme = read('programme', STARTING_PROGRAMME, { names: false });
      programme.name = { ko: '', en: '', ...names };
      const seats = {};
      for (const p of providers) {
        const v = $(`seats-${p.providerId}`).value.trim();
        if (v) seats[p.providerId] = /^\d{1,6}$/.test(v) ? Number(v) : v;
      }
      const body = {
        tenant: $('tenant').value.trim(),
        name: names,
        districts: $('districts').value.split(/[\s,]+/).map((d) => d.trim()).filter(Boolean),
        programme: { effectiveFrom: $('effectiveFrom').value.trim(), definition: programme },
        seats,
      };
      const answer = await ctx.api('POST', '/admin/tenants', body);
      if (answer.stale) return;
      if (!answer.ok) return showProblem(host, named(answer), { fields });
      setStatus(status, { key: 'areas.added', args: { name: answer.data.name?.[ctx.language()] ?? answer.data.name?.en ?? answer.data.tenant } });
    });
  } },
  textField({ name: 'tenant', label: 'areas.id', hint: 'areas.idHint', maxlength: 31, autocomplete: 'off', spellcheck: 'false' }),
  Object.entries(NAME_KEYS).map(([l, key]) => textField({ name: `area.name.${l}`, label: key, maxlength: 80 })),
  textArea({ name: 'districts', label: 'areas.districts', hint: 'areas.districtsHint', rows: 4 }),
  h('h2', { i18n: 'areas.programme' }),
  textField({ name: 'effectiveFrom', label: 'areas.from', hint: 'areas.fromHint', type: 'date' }),
  editor('programme', STARTING_PROGRAMME, { names: false }),
  h('fieldset', { class: 'field', id: 'field-seats' },
    h('legend', { class: 'label', i18n: 'areas.seats' }), h('p', { class: 'hint', i18n: 'areas.seatsHint' }),
    providers.map((p) => h('div', { class: 'field' },
      h('label', { class: 'label', for: `seats-${p.providerId}` }, nameOf(p)),
      h('input', { id: `seats-${p.providerId}`, class: 'input input-short', inputmode: 'numeric', 'data-control': true })))),
  save, status);
}

/** Field errors of the area's names are shown by the area's name fields (the programme's are its own). */
function named(answer) {
  const errors = answer.problem?.errors;
  if (!errors) return answer;
  return { ...answer, problem: { ...answer.problem, errors: errors.map((e) => ({ ...e, field: /^name\.(ko|en|vi|zh)$/.test(e.field) ? `area.${e.field}` : e.field })) } };
}
