// Shared pieces of the journey pages (loaded with them, not on the first visit): building the
// page from message keys, form fields with GOV.UK-style errors (a summary at the top linking
// to each field, the message by the field), and the words for the programme's codes.

let ctx = null;

/** The page context from app.js (t, fmt, localize, api, …); set by each page module on entry. */
export function useContext(context) {
  ctx = context;
}

// ---- codes the API uses, and their message keys ----

export const STATUS_KEYS = {
  DRAFT: 'registration.DRAFT',
  SUBMITTED: 'registration.SUBMITTED',
  UNDER_REVIEW: 'registration.UNDER_REVIEW',
  APPROVED: 'registration.APPROVED',
  REJECTED: 'registration.REJECTED',
  EXPIRED: 'registration.EXPIRED',
};

export const CATEGORY_KEYS = {
  LOW_INCOME: 'category.LOW_INCOME',
  SINGLE_PARENT: 'category.SINGLE_PARENT',
  OUT_OF_SCHOOL: 'category.OUT_OF_SCHOOL',
  MULTICULTURAL: 'category.MULTICULTURAL',
  NORTH_KOREAN_DEFECTOR: 'category.NORTH_KOREAN_DEFECTOR',
  VETERANS_FAMILY: 'category.VETERANS_FAMILY',
  YOUNG_CARER: 'category.YOUNG_CARER',
  SHELTER: 'category.SHELTER',
};

// What each category means, in plain words ({percent}: the programme's income line).
export const CATEGORY_HINT_KEYS = {
  LOW_INCOME: 'categoryHint.LOW_INCOME',
  SINGLE_PARENT: 'categoryHint.SINGLE_PARENT',
  OUT_OF_SCHOOL: 'categoryHint.OUT_OF_SCHOOL',
  MULTICULTURAL: 'categoryHint.MULTICULTURAL',
  NORTH_KOREAN_DEFECTOR: 'categoryHint.NORTH_KOREAN_DEFECTOR',
  VETERANS_FAMILY: 'categoryHint.VETERANS_FAMILY',
  YOUNG_CARER: 'categoryHint.YOUNG_CARER',
  SHELTER: 'categoryHint.SHELTER',
};

export const DOCUMENT_KEYS = {
  INCOME_PROOF: 'document.INCOME_PROOF',
  OUT_OF_SCHOOL_CONFIRMATION: 'document.OUT_OF_SCHOOL_CONFIRMATION',
  MULTICULTURAL_FAMILY_CERTIFICATE: 'document.MULTICULTURAL_FAMILY_CERTIFICATE',
  SINGLE_PARENT_CERTIFICATE: 'document.SINGLE_PARENT_CERTIFICATE',
  NORTH_KOREAN_DEFECTOR_CERTIFICATE: 'document.NORTH_KOREAN_DEFECTOR_CERTIFICATE',
  VETERANS_FAMILY_CERTIFICATE: 'document.VETERANS_FAMILY_CERTIFICATE',
  YOUNG_CARER_CONFIRMATION: 'document.YOUNG_CARER_CONFIRMATION',
  SHELTER_RESIDENCE_CONFIRMATION: 'document.SHELTER_RESIDENCE_CONFIRMATION',
  ENROLMENT_PROOF: 'document.ENROLMENT_PROOF', // mentor recruitment (issue 11)
  TRANSCRIPT: 'document.TRANSCRIPT',
};

export const LEVEL_KEYS = {
  ELEMENTARY: 'level.ELEMENTARY',
  MIDDLE: 'level.MIDDLE',
  HIGH: 'level.HIGH',
  NOT_IN_SCHOOL: 'level.NOT_IN_SCHOOL',
  ADULT: 'level.ADULT',
};
// Grades per school level (0: the level has none), as the server checks them.
export const GRADES = { ELEMENTARY: 6, MIDDLE: 3, HIGH: 3, NOT_IN_SCHOOL: 0, ADULT: 0 };

export const LANGUAGE_KEYS = {
  ko: 'language.option.ko',
  en: 'language.option.en',
  vi: 'language.option.vi',
  zh: 'language.option.zh',
};

export const RECORDS_KEYS = {
  VERIFIED: 'records.VERIFIED',
  NOT_FOUND: 'records.NOT_FOUND',
  NEEDS_DOCUMENTS: 'records.NEEDS_DOCUMENTS',
};

// Districts (gu, si, gun) by tenant: the code is what the API stores.
export const DISTRICT_KEYS = {
  'gangnam-gu': 'district.gangnam-gu',
  'gangdong-gu': 'district.gangdong-gu',
  'gangbuk-gu': 'district.gangbuk-gu',
  'gangseo-gu': 'district.gangseo-gu',
  'gwanak-gu': 'district.gwanak-gu',
  'gwangjin-gu': 'district.gwangjin-gu',
  'guro-gu': 'district.guro-gu',
  'geumcheon-gu': 'district.geumcheon-gu',
  'nowon-gu': 'district.nowon-gu',
  'dobong-gu': 'district.dobong-gu',
  'dongdaemun-gu': 'district.dongdaemun-gu',
  'dongjak-gu': 'district.dongjak-gu',
  'mapo-gu': 'district.mapo-gu',
  'seodaemun-gu': 'district.seodaemun-gu',
  'seocho-gu': 'district.seocho-gu',
  'seongdong-gu': 'district.seongdong-gu',
  'seongbuk-gu': 'district.seongbuk-gu',
  'songpa-gu': 'district.songpa-gu',
  'yangcheon-gu': 'district.yangcheon-gu',
  'yeongdeungpo-gu': 'district.yeongdeungpo-gu',
  'yongsan-gu': 'district.yongsan-gu',
  'eunpyeong-gu': 'district.eunpyeong-gu',
  'jongno-gu': 'district.jongno-gu',
  'jung-gu': 'district.jung-gu',
  'jungnang-gu': 'district.jungnang-gu',
  'cheongju-si': 'district.cheongju-si',
  'chungju-si': 'district.chungju-si',
  'jecheon-si': 'district.jecheon-si',
  'boeun-gun': 'district.boeun-gun',
  'okcheon-gun': 'district.okcheon-gun',
  'yeongdong-gun': 'district.yeongdong-gun',
  'jeungpyeong-gun': 'district.jeungpyeong-gun',
  'jincheon-gun': 'district.jincheon-gun',
  'goesan-gun': 'district.goesan-gun',
  'eumseong-gun': 'district.eumseong-gun',
  'danyang-gun': 'district.danyang-gun',
};
const CHUNGBUK = ['cheongju-si', 'chungju-si', 'jecheon-si', 'boeun-gun', 'okcheon-gun', 'yeongdong-gun',
  'jeungpyeong-gun', 'jincheon-gun', 'goesan-gun', 'eumseong-gun', 'danyang-gun'];
const SEOUL = Object.keys(DISTRICT_KEYS).filter((code) => !CHUNGBUK.includes(code));
export const districtsOf = (tenant) => (tenant === 'chungbuk' ? CHUNGBUK : SEOUL);

export const TENANT_KEYS = { seoul: 'tenant.seoul', chungbuk: 'tenant.chungbuk' };

// The partner areas, from the API (GET /api/tenants, public): [{ tenant, name: { ko, en, vi, zh },
// districts }], read once per visit (a failed read is tried again next time); null when unread.
let tenantsRead = null;
export function tenants() {
  tenantsRead ??= ctx.publicApi('GET', '/tenants').then((answer) => {
    if (answer.ok) return answer;
    tenantsRead = null;
    return answer;
  });
  return tenantsRead;
}

/** A tenant's name in the page language (the API gives all four). */
export const tenantName = (tenant) => tenant?.name?.[ctx.language()] ?? tenant?.name?.en ?? tenant?.tenant ?? '';

/** The tenants in the order of their names in the page language. */
export function byTenantName(list) {
  const collator = new Intl.Collator(ctx.locale());
  return [...list].sort((a, b) => collator.compare(tenantName(a), tenantName(b)));
}

// Problems the pages word themselves (GOV.UK wording for files); any other code is shown with
// the title and detail the server sent in the page's language.
export const PROBLEM_KEYS = {
  'document-no-file': 'problem.document-no-file',
  'document-type-not-allowed': 'problem.document-wrong-type',
  'document-wrong-type': 'problem.document-wrong-type',
  'document-too-big': 'problem.document-too-big',
  'document-empty': 'problem.document-empty',
  'document-malware': 'problem.document-malware',
  'document-upload-failed': 'problem.document-upload-failed',
  'resident-registration-number': 'problem.resident-registration-number',
  'guardian-consent-required': 'err.guardian-consent.required',
  'version-conflict': 'problem.version-conflict',
  // SMS number verification (docs/adr/0043)
  'sms-code-wrong': 'problem.sms-code-wrong',
  'sms-code-expired': 'problem.sms-code-expired',
  'sms-code-too-many-attempts': 'problem.sms-code-too-many-attempts',
  'sms-code-limit': 'problem.sms-code-limit',
  'sms-number-missing': 'problem.sms-number-missing',
  'sms-number-already-verified': 'problem.sms-number-already-verified',
  'decision-not-allowed': 'problem.decision-not-allowed',
};

// Field error codes of validation-failed, per field; a field without its own wording falls
// back to the code's general message.
const GENERAL_ERROR_KEYS = {
  required: 'err.required',
  'too-long': 'err.too-long',
  'invalid-value': 'err.invalid-value',
  'invalid-date': 'err.invalid-date',
  'out-of-range': 'err.out-of-range',
  'unknown-field': 'err.unknown-field',
  // notification preferences: an SMS number in E.164, channels named once each
  'invalid-phone-number': 'err.invalid-phone-number',
  'unknown-channel': 'err.unknown-channel',
  // codes of other handlers (laptop agreement, catalogue and reminder settings, usage reports)
  'must-be-true': 'err.must-be-true',
  'not-found': 'err.not-found',
  'not-served-by-provider': 'err.not-served-by-provider',
  'too-many': 'err.too-many',
  'too-many-words': 'err.too-many-words',
  'unknown-kind': 'err.unknown-kind',
  'date-in-future': 'err.date-in-future',
  'date-too-early': 'err.date-too-early',
  'header-expected': 'err.header-expected',
  'invalid-learner-ref': 'err.invalid-learner-ref',
  'more-wrong-lines': 'err.more-wrong-lines',
  'no-lines': 'err.no-lines',
  'too-many-lines': 'err.too-many-lines',
  'duplicate-row': 'err.duplicate-row',
  // the nominations file (docs/adr/0042)
  'invalid-email': 'err.invalid-email',
  'duplicate-email': 'err.duplicate-email',
  'no-nomination-rows': 'err.no-nomination-rows',
  'too-many-nomination-rows': 'err.too-many-nomination-rows',
  'wrong-cell-count': 'err.wrong-cell-count',
  'missing-column': 'err.missing-column',
  'unknown-column': 'err.unknown-column',
  'duplicate-column': 'err.duplicate-column',
  'no-rows': 'err.no-rows',
  'too-many-rows': 'err.too-many-rows',
  'malformed-csv': 'err.malformed-csv',
  'two-columns-expected': 'err.two-columns-expected',
  'before-opens-on': 'err.before-opens-on', // a recruitment round closing before it opens
  'not-a-criterion-of-round': 'err.not-a-criterion-of-round', // a score for a criterion the round does not use
};
const FIELD_ERROR_KEYS = {
  name: { required: 'err.name.required', 'too-long': 'err.name.too-long', 'invalid-value': 'err.name.invalid-value' },
  birthDate: { required: 'err.birthDate.required', 'invalid-date': 'err.birthDate.invalid-date', 'out-of-range': 'err.birthDate.out-of-range' },
  schoolLevel: { required: 'err.schoolLevel.required', 'invalid-value': 'err.schoolLevel.required' },
  grade: { required: 'err.grade.required', 'out-of-range': 'err.grade.out-of-range', 'invalid-value': 'err.grade.out-of-range' },
  district: { required: 'err.district.required', 'invalid-value': 'err.district.required', 'too-long': 'err.district.required' },
  preferredLanguage: { required: 'err.preferredLanguage.required', 'invalid-value': 'err.preferredLanguage.required' },
  categories: { required: 'err.categories.required', 'invalid-value': 'err.categories.invalid-value' },
  'guardian.name': { required: 'err.guardian-name.required', 'too-long': 'err.guardian-name.too-long', 'invalid-value': 'err.guardian-name.required' },
  'guardian.contact': { required: 'err.guardian-contact.required', 'invalid-value': 'err.guardian-contact.invalid-value', 'too-long': 'err.guardian-contact.invalid-value' },
  'guardian.consent': { required: 'err.guardian-consent.required', 'invalid-value': 'err.guardian-consent.required' },
  householdHeadName: { required: 'err.householdHeadName.required', 'too-long': 'err.householdHeadName.too-long' },
  householdHeadBirthDate: { required: 'err.householdHeadBirthDate.required', 'invalid-date': 'err.householdHeadBirthDate.invalid-date', 'out-of-range': 'err.householdHeadBirthDate.invalid-date' },
  decision: { required: 'err.decision.required', 'invalid-value': 'err.decision.required' },
  reason: { required: 'err.reason.required', 'too-long': 'err.reason.too-long', 'invalid-value': 'err.reason.required' },
  version: { required: 'problem.version-conflict' },
};

/** The message for a field error code: { key } (the field's own words, else the code's). */
export function fieldMessage(field, code) {
  return { key: FIELD_ERROR_KEYS[field]?.[code] ?? GENERAL_ERROR_KEYS[code] ?? 'err.invalid-value' };
}

// We never take a resident registration number (주민등록번호): the same pattern as the
// server's, so one is caught here before it leaves the phone.
const RESIDENT_REGISTRATION_NUMBER = /(?<!\d)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*[-‐–—]?\s*[1-8]\d{6}(?!\d)/;
export const looksLikeResidentNumber = (text) => RESIDENT_REGISTRATION_NUMBER.test(String(text ?? ''));

// ---- building the page ----

/**
 * An element. props: i18n (message key) with args, date with dateStyle, class, on<event>
 * handlers, DOM properties (value, checked, …) and attributes. Children: nodes, or text that
 * came from the server (never a literal: user-facing words live in i18n/*.json).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (name === 'i18n') el.dataset.i18n = value;
    else if (name === 'args') el.dataset.i18nArgs = JSON.stringify(value);
    else if (name === 'date') el.dataset.date = value;
    else if (name === 'dateStyle') el.dataset.dateStyle = value;
    else if (name === 'class') el.className = value;
    else if (/^on[a-z]+$/.test(name)) el.addEventListener(name.slice(2), value);
    else if (['value', 'checked', 'selected', 'disabled', 'hidden'].includes(name)) el[name] = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  if (props?.i18n || props?.date) ctx.localize(el);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A span with a message: a key with optional args. */
export const tx = (key, args) => h('span', { i18n: key, args });

/** A message given as { key, args } (ours) or { text } (the server's, already localised). */
export function message(m, tag = 'span', props = {}) {
  if (m?.key) return h(tag, { ...props, i18n: m.key, args: m.args });
  return h(tag, props, m?.text ?? '');
}

export const heading = (key, args) => h('h1', { i18n: key, args, tabindex: '-1' });

export function statusTag(status, id) {
  return h('strong', { class: 'tag', id, 'data-status': status, i18n: STATUS_KEYS[status] ?? 'registration.DRAFT' });
}

export function backLink(href, key) {
  return h('a', { class: 'back-link', href, i18n: key });
}

/** GOV.UK summary list: rows of [label key, value node, optional change link]. */
export function summaryList(rows, props = {}) {
  return h('dl', { class: 'summary', ...props }, rows.filter(Boolean).map((row) => h('div', { class: 'summary-row', id: row.id },
    h('dt', { i18n: row.label }),
    h('dd', {}, row.value),
    row.change ? h('dd', { class: 'summary-action' },
      h('a', { href: row.change.href, 'data-focus': row.change.focus },
        tx('action.change'), h('span', { class: 'visually-hidden', i18n: row.label }))) : null)));
}

/** A list of message-key items joined in the language's way (updates on a language change). */
export const listOf = (keys) => h('span', { i18n: 'text.list', args: { list: { keys } } });

// ---- form fields ----
// Each field is wrapped in an element with id "field-<name>" (name: the API's field name, with
// "." as "-"); its error message gets id "<name>-error" and its controls aria-invalid.

const fieldId = (name) => name.replace(/\./g, '-');

function hintNode(name, hint) {
  if (!hint) return null;
  return h('p', { class: 'hint', id: `${fieldId(name)}-hint` }, hint.nodeType ? hint : tx(hint.key ?? hint, hint.args));
}

function describedBy(name, hint) {
  return hint ? `${fieldId(name)}-hint` : null;
}

export function textField({ name, label, hint, value, type = 'text', autocomplete, inputmode, maxlength, width, spellcheck }) {
  const id = fieldId(name);
  return h('div', { class: 'field', id: `field-${id}` },
    h('label', { class: 'label', for: id, i18n: label }),
    hintNode(name, hint),
    h('input', {
      id, name: id, type, value: value ?? '', autocomplete, inputmode, maxlength, spellcheck,
      class: `input${width ? ` input-${width}` : ''}`, 'aria-describedby': describedBy(name, hint), 'data-control': true,
    }));
}

export function textArea({ name, label, hint, value, rows = 4 }) {
  const id = fieldId(name);
  return h('div', { class: 'field', id: `field-${id}` },
    h('label', { class: 'label', for: id, i18n: label }),
    hintNode(name, hint),
    h('textarea', { id, name: id, rows, class: 'input', 'aria-describedby': describedBy(name, hint), 'data-control': true }, value ?? ''));
}

/** options: [{ value, key, args } or { value, text } (the server's words)]; placeholder: a key for the empty first choice. */
export function selectField({ name, label, hint, options, value, placeholder, onchange }) {
  const id = fieldId(name);
  const select = h('select', { id, name: id, class: 'select', 'aria-describedby': describedBy(name, hint), 'data-control': true, onchange },
    placeholder ? h('option', { value: '', i18n: placeholder }) : null,
    options.map((o) => h('option', { value: o.value, i18n: o.key, args: o.args }, o.key ? null : o.text)));
  select.value = value ?? '';
  return h('div', { class: 'field', id: `field-${id}` },
    h('label', { class: 'label', for: id, i18n: label }),
    hintNode(name, hint),
    select);
}

/** Options of a select in the order of their words in the page language, the choice kept. */
export function sortOptions(select) {
  const collator = new Intl.Collator(ctx.locale());
  const chosen = select.value;
  const options = [...select.options].filter((o) => o.value);
  options.sort((a, b) => collator.compare(a.textContent, b.textContent));
  select.append(...options);
  select.value = chosen;
}

const DATE_PART_KEYS = { year: 'date.year', month: 'date.month', day: 'date.day' };

/** A date as three boxes (year, month, day): easier than a date picker for a birth date. */
export function dateField({ name, legend, hint, value, autocomplete }) {
  const id = fieldId(name);
  const [year, month, day] = /^\d{4}-\d{2}-\d{2}$/.test(value ?? '') ? value.split('-') : ['', '', ''];
  const part = (which, width, current, auto) => h('div', { class: 'date-part' },
    h('label', { class: 'date-label', for: `${id}-${which}`, i18n: DATE_PART_KEYS[which] }),
    h('input', {
      id: `${id}-${which}`, name: `${id}-${which}`, class: `input input-${width}`, inputmode: 'numeric',
      maxlength: width === 4 ? 4 : 2, value: current.replace(/^0(?=\d)/, ''), autocomplete: auto, 'data-control': true,
    }));
  return h('fieldset', { class: 'field', id: `field-${id}`, 'aria-describedby': describedBy(name, hint) },
    h('legend', { class: 'label', i18n: legend }),
    hintNode(name, hint),
    h('div', { class: 'date-input', 'data-control-group': true },
      part('year', 4, year, autocomplete ? 'bday-year' : 'off'),
      part('month', 2, month, autocomplete ? 'bday-month' : 'off'),
      part('day', 2, day, autocomplete ? 'bday-day' : 'off')));
}

/** Reads a dateField: { empty } or { iso } for a real calendar date, else { invalid }. */
export function readDate(name) {
  const id = fieldId(name);
  const get = (which) => document.getElementById(`${id}-${which}`)?.value.trim() ?? '';
  const [y, m, d] = [get('year'), get('month'), get('day')];
  if (!y && !m && !d) return { empty: true };
  if (!/^\d{4}$/.test(y) || !/^\d{1,2}$/.test(m) || !/^\d{1,2}$/.test(d)) return { invalid: true };
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) {
    return { invalid: true };
  }
  return { iso: date.toISOString().slice(0, 10) };
}

/** Today in Seoul as YYYY-MM-DD (the programme's calendar). */
export function seoulToday() {
  const parts = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date());
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** items: [{ value, key or text, hint?: node }]; a checkbox's id is "<name>-<value>". */
export function checkboxes({ name, legend, hint, items, values = [] }) {
  const id = fieldId(name);
  return h('fieldset', { class: 'field', id: `field-${id}`, 'aria-describedby': describedBy(name, hint) },
    h('legend', { class: 'label', i18n: legend }),
    hintNode(name, hint),
    h('div', { class: 'choices', 'data-control-group': true }, items.map((item) => {
      const itemId = `${id}-${item.value}`;
      return h('div', { class: 'choice' },
        h('input', {
          type: 'checkbox', id: itemId, name: id, value: item.value, checked: values.includes(item.value),
          'aria-describedby': item.hint ? `${itemId}-hint` : null, 'data-control': true,
        }),
        h('label', { for: itemId, i18n: item.key, args: item.args }, item.key ? null : item.text),
        item.hint ? h('div', { class: 'choice-hint hint', id: `${itemId}-hint` }, item.hint) : null);
    })));
}

/** items: [{ value, key } or { value, text } (the server's words)]. */
export function radios({ name, legend, hint, items, value }) {
  const id = fieldId(name);
  return h('fieldset', { class: 'field', id: `field-${id}`, 'aria-describedby': describedBy(name, hint) },
    h('legend', { class: 'label', i18n: legend }),
    hintNode(name, hint),
    h('div', { class: 'choices', 'data-control-group': true }, items.map((item) => {
      const itemId = `${id}-${item.value}`;
      return h('div', { class: 'choice choice-radio' },
        h('input', { type: 'radio', id: itemId, name: id, value: item.value, checked: value === item.value, 'data-control': true }),
        h('label', { for: itemId, i18n: item.key }, item.key ? null : item.text));
    })));
}

export function checkedValues(name) {
  return [...document.querySelectorAll(`input[name="${fieldId(name)}"]:checked`)].map((i) => i.value);
}

/** The first control of a field: where an error summary link takes the reader. */
export function firstControl(name) {
  return document.getElementById(`field-${fieldId(name)}`)?.querySelector('[data-control]') ?? null;
}

// ---- errors ----

/** Shows a message by a field and marks its controls invalid. */
export function setFieldError(name, m) {
  const wrapper = document.getElementById(`field-${fieldId(name)}`);
  if (!wrapper) return false;
  const errorId = `${fieldId(name)}-error`;
  document.getElementById(errorId)?.remove();
  wrapper.classList.add('field-invalid');
  const error = h('p', { class: 'field-error', id: errorId },
    h('span', { class: 'visually-hidden', i18n: 'errors.prefix' }), ' ', message(m));
  const controls = wrapper.querySelector('[data-control-group]') ?? wrapper.querySelector('[data-control]');
  wrapper.insertBefore(error, controls);
  const targets = wrapper.matches('fieldset') ? [wrapper] : [...wrapper.querySelectorAll('[data-control]')];
  for (const el of targets) {
    const ids = new Set((el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
    ids.add(errorId);
    el.setAttribute('aria-describedby', [...ids].join(' '));
  }
  for (const control of wrapper.querySelectorAll('[data-control]')) control.setAttribute('aria-invalid', 'true');
  return true;
}

export function clearErrors(root) {
  root.querySelector('.error-summary')?.remove();
  for (const error of root.querySelectorAll('.field-error')) {
    const wrapper = error.closest('.field');
    if (!wrapper) continue;
    for (const el of [wrapper, ...wrapper.querySelectorAll('[data-control]')]) {
      const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && id !== error.id);
      if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
      else el.removeAttribute('aria-describedby');
      el.removeAttribute('aria-invalid');
    }
    wrapper.classList.remove('field-invalid');
    error.remove();
  }
  ctx.setTitle(currentTitle, { error: false });
}

let currentTitle = null;
/** The page's title (a message key); an error state prefixes it. */
export function pageTitle(key) {
  currentTitle = key;
  ctx.setTitle(key);
}

/**
 * The error summary at the top of host (GOV.UK pattern), focused so it is read out.
 * items: [{ field?: API field name (links to it), href?/focus? (links to another page),
 *           message: { key, args } | { text } , list?: [message] }]
 * Messages of items with a field on this page are also shown by the field.
 */
export function showErrors(host, items, { detail, actions } = {}) {
  clearErrors(host);
  const list = h('ul', { class: 'error-summary-list' }, items.map((item) => {
    const control = item.field ? firstControl(item.field) : null;
    if (control) setFieldError(item.field, item.message);
    const href = control ? `#${control.id}` : item.href;
    const text = href ? message(item.message, 'a', { href, 'data-focus': item.focus }) : message(item.message);
    return h('li', {}, text, item.list?.length ? h('ul', {}, item.list.map((m) => message(m, 'li'))) : null);
  }));
  const summary = h('div', { class: 'error-summary', id: 'error-summary', role: 'alert', tabindex: '-1', 'aria-labelledby': 'error-summary-title' },
    h('h2', { class: 'error-summary-title', id: 'error-summary-title', i18n: 'errors.title' }),
    detail ? message(detail, 'p') : null,
    list,
    actions ?? null);
  // After a back link, as GOV.UK places it: the first thing read on the page.
  const back = host.querySelector(':scope > .back-link');
  if (back) back.after(summary);
  else host.prepend(summary);
  ctx.setTitle(currentTitle, { error: true });
  summary.focus();
  return summary;
}

/**
 * What to show for an API answer that is not ok: summary items and detail. fields: the API
 * field names this page shows (validation errors of others link nowhere). Answers null when
 * the answer needs nothing shown (the page was left, or the session ended).
 */
export function explain(answer, { fields = [] } = {}) {
  if (answer.stale) return null;
  if (answer.network) return { items: [{ message: { key: 'error.network' } }] };
  const problem = answer.problem;
  if (!problem?.code) return { items: [{ message: { key: 'error.server' } }] };
  if (problem.code === 'validation-failed' && Array.isArray(problem.errors)) {
    return {
      items: problem.errors.map((e) => ({
        field: fields.includes(e.field) ? e.field : null,
        message: fieldMessage(e.field, e.code),
      })),
    };
  }
  if (PROBLEM_KEYS[problem.code]) return { items: [{ message: { key: PROBLEM_KEYS[problem.code] } }] };
  return { items: [{ message: { text: problem.title ?? '' } }], detail: problem.detail ? { text: problem.detail } : null };
}

// ---- loading and failing ----

/** "Loading…" in place of the page, after what stays (e.g. its heading). */
export function showLoading(host, ...before) {
  host.replaceChildren(...before, h('p', { class: 'notice', i18n: 'notice.loading' }));
}

/**
 * What went wrong with an API answer, in the error summary at the top of host; the field
 * errors of the fields this page shows also by their field. Answers the summary, or null when
 * nothing is to be shown (the page was left, or the session ended).
 */
export function showProblem(host, answer, { fields = [], actions } = {}) {
  const shown = explain(answer, { fields });
  return shown ? showErrors(host, shown.items, { detail: shown.detail, actions }) : null;
}

/**
 * A page whose data could not be read: a back link (back), its heading (titleKey, also the
 * page title unless keepTitle), what went wrong, and what comes after (e.g. a link home).
 * arrive: move focus as on arriving at a page (ctx.arrived).
 */
export function showFailed(host, titleKey, answer, { back = null, after = [], keepTitle = false, arrive = false } = {}) {
  if (!keepTitle) pageTitle(titleKey);
  host.replaceChildren(...[back, heading(titleKey), ...after].filter(Boolean));
  showProblem(host, answer);
  if (arrive) ctx.arrived(host);
}

/** A paragraph with the link back to the start page. */
export const homeLink = () => h('p', {}, h('a', { href: '#/', i18n: 'action.home' }));

/** A "reload this page" button for a version conflict. */
export const reloadButton = () => h('button', {
  type: 'button', class: 'button button-secondary', id: 'reload', i18n: 'action.reload', onclick: () => location.reload(),
});

/** A polite status line (announced by screen readers) for progress and success. */
export function statusLine(id) {
  return h('p', { class: 'status-line', id, role: 'status' });
}

export function setStatus(el, m) {
  el.replaceChildren(m ? message(m) : '');
}

export function button(id, key, onclick, { secondary = false, type = 'button' } = {}) {
  return h('button', { id, type, class: `button${secondary ? ' button-secondary' : ''}`, i18n: key, onclick });
}

/** Disables a button while work runs, so a double tap does not send twice. */
export async function busy(btn, work) {
  if (btn.disabled) return undefined;
  btn.disabled = true;
  btn.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    btn.disabled = false;
    btn.removeAttribute('aria-busy');
  }
}
