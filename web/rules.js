// Next year's rules (#/rules) for a tenant's admins: per kind (the programme, the mentoring rules,
// the recruitment rules) the rules in force, those coming and the open drafts; a new draft from a
// start date; a draft's page (#/rules/<kind>/<draftId>) with its fields, what it changes against
// the rules it would follow (worded here in the reader's language), saving at its version and
// publishing. Published rules are never changed; the server's refusals arrive in the reader's language.

import {
  CATEGORY_KEYS, LEVEL_KEYS, backLink, busy, checkboxes, checkedValues, clearErrors, h, heading, homeLink, pageTitle, setStatus,
  showFailed, showLoading, showProblem, statusLine, textField, useContext,
} from './ui.js';

let ctx = null;
let host = null;

const $ = (id) => document.getElementById(id);
const draftsPath = (kind) => `/admin/rules/${encodeURIComponent(kind)}/drafts`;
const draftPath = (kind, id) => `/admin/rules/${encodeURIComponent(kind)}/drafts/${encodeURIComponent(id)}`;

export const KIND_KEYS = { programme: 'rules.kind.programme', mentoring: 'rules.kind.mentoring', recruitment: 'rules.kind.recruitment' };
const SCHOOL_KEYS = { UNIVERSITY: 'recruitment.school.UNIVERSITY', GRADUATE_SCHOOL: 'recruitment.school.GRADUATE_SCHOOL', OTHER: 'recruitment.school.OTHER' };
const STATE_KEYS = {
  ENROLLED: 'recruitment.state.ENROLLED', ON_LEAVE: 'recruitment.state.ON_LEAVE', GRADUATED: 'recruitment.state.GRADUATED',
  NOT_ENROLLED: 'recruitment.state.NOT_ENROLLED',
};

// Each field an admin edits: its label, and (for lists) the words of its codes.
const FIELD_KEYS = {
  'name.ko': 'rules.field.name.ko', 'name.en': 'rules.field.name.en', 'name.vi': 'rules.field.name.vi', 'name.zh': 'rules.field.name.zh',
  incomeLinePercent: 'rules.field.incomeLinePercent', quota: 'rules.field.quota', pickLimit: 'rules.field.pickLimit',
  minAge: 'rules.field.minAge', maxAge: 'rules.field.maxAge', 'laptopLoan.loanDays': 'rules.field.laptopLoan.loanDays',
  'laptopLoan.maxExtensionDays': 'rules.field.laptopLoan.maxExtensionDays', 'inactivity.afterDays': 'rules.field.inactivity.afterDays',
  'inactivity.reminderIntervalDays': 'rules.field.inactivity.reminderIntervalDays', categories: 'rules.field.categories',
  schoolLevels: 'rules.field.schoolLevels', sessionMinutes: 'rules.field.sessionMinutes', totalSessions: 'rules.field.totalSessions',
  windowWeeks: 'rules.field.windowWeeks', weeklyCap: 'rules.field.weeklyCap', weeklyCapWithMentorConsent: 'rules.field.weeklyCapWithMentorConsent',
  minNoticeHours: 'rules.field.minNoticeHours', lateCancelHours: 'rules.field.lateCancelHours', trialSessions: 'rules.field.trialSessions',
  levels: 'rules.field.levels', extensionSessions: 'rules.field.extensionSessions', extensionWeeks: 'rules.field.extensionWeeks',
  mentorStandardCapacity: 'rules.field.mentorStandardCapacity', mentorMaxCapacity: 'rules.field.mentorMaxCapacity',
  schoolTypes: 'rules.field.schoolTypes', enrolmentStates: 'rules.field.enrolmentStates', minGrade: 'rules.field.minGrade',
  termStartMonth: 'rules.field.termStartMonth', termMonths: 'rules.field.termMonths', renewalWindowDays: 'rules.field.renewalWindowDays',
  notesReadDays: 'rules.field.notesReadDays', standardCapacity: 'rules.field.standardCapacity',
};
const NUMBERS = {
  programme: ['incomeLinePercent', 'quota', 'pickLimit', 'minAge', 'maxAge', 'laptopLoan.loanDays', 'laptopLoan.maxExtensionDays'],
  mentoring: ['sessionMinutes', 'totalSessions', 'windowWeeks', 'weeklyCap', 'weeklyCapWithMentorConsent', 'minNoticeHours',
    'lateCancelHours', 'trialSessions', 'extensionSessions', 'extensionWeeks', 'mentorStandardCapacity', 'mentorMaxCapacity'],
  recruitment: ['maxAge', 'termStartMonth', 'termMonths', 'renewalWindowDays', 'notesReadDays', 'standardCapacity'],
};
// Fields that may be left empty (then absent from the rules).
const OPTIONAL = new Set(['quota', 'laptopLoan.loanDays', 'laptopLoan.maxExtensionDays']);
const LISTS = {
  programme: { schoolLevels: LEVEL_KEYS },
  mentoring: { levels: LEVEL_KEYS },
  recruitment: { schoolTypes: SCHOOL_KEYS, enrolmentStates: STATE_KEYS },
};
// The documents a category asks for when the records cannot decide, for a category the rules did not have yet.
const CATEGORY_DEFAULTS = {
  LOW_INCOME: [true, 'INCOME_PROOF'], SINGLE_PARENT: [true, 'SINGLE_PARENT_CERTIFICATE'],
  OUT_OF_SCHOOL: [false, 'OUT_OF_SCHOOL_CONFIRMATION'], MULTICULTURAL: [false, 'MULTICULTURAL_FAMILY_CERTIFICATE'],
  NORTH_KOREAN_DEFECTOR: [false, 'NORTH_KOREAN_DEFECTOR_CERTIFICATE'], VETERANS_FAMILY: [false, 'VETERANS_FAMILY_CERTIFICATE'],
  YOUNG_CARER: [false, 'YOUNG_CARER_CONFIRMATION'], SHELTER: [false, 'SHELTER_RESIDENCE_CONFIRMATION'],
};

export function enter(context, root, parts = []) {
  ctx = context;
  host = root;
  useContext(ctx);
  pageTitle('rules.title');
  if (!(ctx.me().groups ?? []).includes('admins')) {
    host.replaceChildren(heading('rules.title'), h('p', { id: 'not-admin', i18n: 'rules.notAdmin' }), homeLink());
    ctx.arrived(host);
    return {};
  }
  if (KIND_KEYS[parts[0]] && parts[1]) draft(parts[0], parts[1]);
  else overview();
  return {};
}

// ---- the overview ----

async function overview() {
  showLoading(host, heading('rules.title'));
  const answer = await ctx.api('GET', '/admin/rules');
  if (answer.stale) return;
  if (!answer.ok) return showFailed(host, 'rules.title', answer, { keepTitle: true, after: [homeLink()], arrive: true });
  host.replaceChildren(heading('rules.title'), h('p', { i18n: 'rules.intro' }),
    ...answer.data.kinds.map((k) => kindPart(k, answer.data.today)), homeLink());
  ctx.arrived(host);
}

function kindPart(k, today) {
  const id = `rules-${k.kind}`;
  const status = statusLine(`${id}-status`);
  const start = h('button', { type: 'submit', class: 'button', id: `${id}-start`, i18n: 'rules.start.button' });
  const dateName = `${k.kind}From`;
  const form = h('form', { id: `${id}-form`, novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    busy(start, async () => {
      clearErrors(host);
      const answer = await ctx.api('POST', draftsPath(k.kind), { effectiveFrom: $(dateName).value.trim() });
      if (answer.stale) return;
      if (!answer.ok) return showProblem(host, renamed(answer, { effectiveFrom: dateName }), { fields: [dateName] });
      ctx.navigate(`/rules/${k.kind}/${answer.data.draftId}`);
    });
  } },
  textField({ name: dateName, label: 'rules.start.date', hint: { key: 'rules.start.hint', args: { date: { date: today } } }, type: 'date' }),
  start, status);
  return h('section', { 'aria-labelledby': `${id}-heading`, id },
    h('h2', { id: `${id}-heading`, i18n: KIND_KEYS[k.kind] }),
    k.inForce
      ? h('p', { id: `${id}-in-force`, i18n: 'rules.inForce', args: { id: k.inForce.id, date: { date: k.inForce.effectiveFrom } } })
      : h('p', { id: `${id}-in-force`, i18n: 'rules.noneInForce' }),
    k.upcoming.length ? h('ul', { class: 'list', id: `${id}-upcoming` }, k.upcoming.map((u) =>
      h('li', { i18n: 'rules.upcoming', args: { id: u.id, date: { date: u.effectiveFrom } } }))) : null,
    k.drafts.length ? [h('h3', { i18n: 'rules.drafts' }), h('ul', { class: 'list', id: `${id}-drafts` }, k.drafts.map((d) =>
      h('li', {}, h('a', { href: `#/rules/${k.kind}/${d.draftId}`, i18n: 'rules.draftItem',
        args: { date: { date: d.effectiveFrom }, version: d.version } }))))] : null,
    form);
}

/** A problem whose field names are the API's, with the names of this page's fields. */
function renamed(answer, names) {
  const errors = answer.problem?.errors;
  if (!errors) return answer;
  return { ...answer, problem: { ...answer.problem, errors: errors.map((e) => ({ ...e, field: names[e.field] ?? e.field })) } };
}

// ---- one draft ----

async function draft(kind, draftId) {
  const back = backLink('#/rules', 'rules.draft.back');
  showLoading(host, back, heading(KIND_KEYS[kind]));
  const answer = await ctx.api('GET', draftPath(kind, draftId));
  if (answer.stale) return;
  if (!answer.ok) return showFailed(host, KIND_KEYS[kind], answer, { back, after: [homeLink()], arrive: true });
  showDraft(kind, answer.data, back);
  ctx.arrived(host);
}

function showDraft(kind, d, back, note) {
  pageTitle(KIND_KEYS[kind]);
  const status = statusLine('draft-status');
  if (note) setStatus(status, note);
  if (d.status === 'PUBLISHED') {
    host.replaceChildren(back, heading(KIND_KEYS[kind]), h('p', { id: 'draft-published', i18n: 'rules.draft.isPublished',
      args: { id: d.rulesId, date: { date: d.effectiveFrom } } }), status, homeLink());
    return;
  }
  const save = h('button', { type: 'submit', class: 'button button-secondary', id: 'save-draft', i18n: 'rules.draft.save' });
  const publish = h('button', { type: 'button', class: 'button', id: 'publish-draft', i18n: 'rules.draft.publish',
    args: { date: { date: d.effectiveFrom } } });
  const fields = fieldNames(kind, d.definition);
  const form = h('form', { id: 'draft-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    busy(save, async () => {
      clearErrors(host);
      const answer = await ctx.api('PUT', draftPath(kind, d.draftId),
        { version: d.version, effectiveFrom: $('effectiveFrom').value.trim(), definition: read(kind, d.definition) });
      if (answer.stale) return;
      if (!answer.ok) return showProblem(host, answer, { fields });
      showDraft(kind, answer.data, back, { key: 'rules.draft.saved', args: { version: answer.data.version } });
    });
  } },
  textField({ name: 'effectiveFrom', label: 'rules.start.date', hint: 'rules.start.hint2', type: 'date', value: d.effectiveFrom }),
  editor(kind, d.definition),
  save);
  publish.addEventListener('click', () => busy(publish, async () => {
    clearErrors(host);
    const answer = await ctx.api('POST', `${draftPath(kind, d.draftId)}/publish`, { version: d.version });
    if (answer.stale) return;
    if (!answer.ok) return showProblem(host, answer);
    const rules = answer.data.rules;
    showDraft(kind, { ...d, status: 'PUBLISHED', rulesId: rules.id }, back,
      { key: 'rules.draft.published', args: { id: rules.id, date: { date: rules.effectiveFrom } } });
    host.querySelector('h1')?.focus();
  }));
  // replaceChildren writes a null as the text "null": leave the stale notice out instead
  host.replaceChildren(...[back, heading(KIND_KEYS[kind]),
    d.stale ? h('p', { class: 'notice', id: 'draft-stale', i18n: 'rules.draft.stale' }) : null,
    preview(kind, d),
    h('section', { 'aria-labelledby': 'publish-heading', id: 'draft-publish' },
      h('h2', { id: 'publish-heading', i18n: 'rules.publish.title' }), h('p', { class: 'hint', i18n: 'rules.publish.hint' }), publish),
    status,
    h('section', { 'aria-labelledby': 'edit-heading', id: 'draft-edit' }, h('h2', { id: 'edit-heading', i18n: 'rules.edit.title' }), form),
    homeLink()].filter(Boolean));
}

// ---- what changes, in words ----

function preview(kind, d) {
  const items = (d.changes ?? []).map((c) => h('li', {}, changeText(c)));
  return h('section', { 'aria-labelledby': 'preview-heading', id: 'draft-preview' },
    h('h2', { id: 'preview-heading', i18n: 'rules.preview.title' }),
    d.compareWith
      ? h('p', { i18n: 'rules.preview.against', args: { id: d.compareWith.id, date: { date: d.compareWith.effectiveFrom } } })
      : h('p', { i18n: 'rules.preview.first' }),
    items.length ? h('ul', { class: 'list', id: 'draft-changes' }, items) : h('p', { id: 'draft-no-change', i18n: 'rules.change.none' }));
}

const label = (field) => ({ key: FIELD_KEYS[field] ?? 'rules.field.other', args: { name: field } });
const codes = (list, keys) => (list.every((c) => keys?.[c]) ? { keys: list.map((c) => keys[c]) } : { items: list });
const shown = (v) => (v == null ? { key: 'rules.change.nothing' } : typeof v === 'number' ? { number: v } : String(v));

function changeText(c) {
  const span = (key, args) => h('span', { i18n: key, args });
  if (c.field === 'categories') {
    return [
      c.added?.length ? span('rules.change.categoriesOpen', { list: codes(c.added, CATEGORY_KEYS) }) : null,
      c.removed?.length ? [' ', span('rules.change.categoriesClose', { list: codes(c.removed, CATEGORY_KEYS) })] : null,
      c.changed?.length ? [' ', span('rules.change.categoriesChanged', { list: codes(c.changed, CATEGORY_KEYS) })] : null,
    ];
  }
  if ('added' in c || 'removed' in c) {
    const keys = { ...LEVEL_KEYS, ...SCHOOL_KEYS, ...STATE_KEYS };
    return [
      c.added?.length ? span('rules.change.listAdded', { field: label(c.field), list: codes(c.added, keys) }) : null,
      c.removed?.length ? [' ', span('rules.change.listRemoved', { field: label(c.field), list: codes(c.removed, keys) })] : null,
    ];
  }
  if (c.field === 'incomeLinePercent' && typeof c.from === 'number' && typeof c.to === 'number') {
    return span(c.to > c.from ? 'rules.change.incomeUp' : 'rules.change.incomeDown', { from: { number: c.from }, to: { number: c.to } });
  }
  if (c.field === 'quota') {
    if (c.to == null) return span('rules.change.quotaOff', { from: { number: c.from } });
    return span('rules.change.quota', { to: { number: c.to } });
  }
  return span('rules.change.value', { field: label(c.field), from: shown(c.from), to: shown(c.to) });
}

// ---- the fields ----

const valueAt = (definition, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), definition);

function fieldNames(kind, definition) {
  return [...(kind === 'programme' ? ['name.ko', 'name.en', 'categories'] : []), ...NUMBERS[kind], ...Object.keys(LISTS[kind]),
    ...(kind === 'recruitment' ? ['minGrade'] : []), 'effectiveFrom', 'definition'].concat(Object.keys(definition ?? {}));
}

/** The form's fields for the rules of a kind, filled from a definition (exported for the partner-area page). */
export function editor(kind, definition, { names = true } = {}) {
  const parts = [];
  if (kind === 'programme') {
    for (const language of names ? ['ko', 'en', 'vi', 'zh'] : []) {
      parts.push(textField({ name: `name.${language}`, label: FIELD_KEYS[`name.${language}`], value: definition?.name?.[language] ?? '', maxlength: 80 }));
    }
    const present = (definition?.categories ?? []).map((c) => c.code);
    const known = [...new Set([...Object.keys(CATEGORY_DEFAULTS), ...present])];
    parts.push(checkboxes({ name: 'categories', legend: FIELD_KEYS.categories, hint: 'rules.field.categoriesHint',
      items: known.map((c) => (CATEGORY_KEYS[c] ? { value: c, key: CATEGORY_KEYS[c] } : { value: c, text: c })), values: present }));
  }
  for (const name of NUMBERS[kind]) {
    const value = valueAt(definition, name);
    parts.push(textField({ name, label: FIELD_KEYS[name], hint: OPTIONAL.has(name) ? 'rules.field.optionalHint' : null,
      value: value == null ? '' : String(value), inputmode: 'numeric', width: 'short' }));
  }
  for (const [name, keys] of Object.entries(LISTS[kind])) {
    parts.push(checkboxes({ name, legend: FIELD_KEYS[name], items: Object.entries(keys).map(([value, key]) => ({ value, key })),
      values: definition?.[name] ?? [] }));
  }
  if (kind === 'recruitment') parts.push(textField({ name: 'minGrade', label: FIELD_KEYS.minGrade, value: definition?.minGrade ?? '', width: 'short' }));
  return h('div', { class: 'rules-fields' }, parts);
}

/** The definition the form holds: the fields it shows replaced, every other field kept as it was. */
export function read(kind, base, { names = true } = {}) {
  const d = structuredClone(base ?? {});
  const input = (name) => document.getElementById(name.replace(/\./g, '-'))?.value.trim() ?? '';
  const number = (text) => (/^\d{1,9}$/.test(text) ? Number(text) : text);
  if (kind === 'programme') {
    d.name = { ...(d.name ?? {}) };
    for (const language of names ? ['ko', 'en', 'vi', 'zh'] : []) {
      const v = input(`name.${language}`);
      if (v) d.name[language] = v;
      else delete d.name[language];
    }
    const before = Object.fromEntries((d.categories ?? []).map((c) => [c.code, c]));
    d.categories = checkedValues('categories').map((code) => before[code] ?? {
      code, recordsCanDecide: CATEGORY_DEFAULTS[code]?.[0] ?? false, requiredDocuments: [CATEGORY_DEFAULTS[code]?.[1] ?? 'INCOME_PROOF'],
    });
  }
  for (const name of NUMBERS[kind]) {
    const text = input(name);
    const [outer, inner] = name.split('.');
    if (inner) {
      d[outer] = { ...(d[outer] ?? {}) };
      if (text === '') delete d[outer][inner];
      else d[outer][inner] = number(text);
      if (!Object.keys(d[outer]).length) delete d[outer];
    } else if (text === '' && OPTIONAL.has(name)) {
      delete d[name];
    } else {
      d[name] = text === '' ? null : number(text);
    }
  }
  for (const name of Object.keys(LISTS[kind])) d[name] = checkedValues(name);
  if (kind === 'recruitment') d.minGrade = input('minGrade');
  return d;
}
