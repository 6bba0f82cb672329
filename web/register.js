// The applicant's registration (#/register…): who can apply, a list of steps, your details,
// a parent or guardian for under-14s, the check with government records, documents, check
// and send, and the status of the application. Every answer is saved as a draft on the way.

import {
  CATEGORY_HINT_KEYS, CATEGORY_KEYS, DISTRICT_KEYS, DOCUMENT_KEYS, GRADES, LANGUAGE_KEYS, LEVEL_KEYS, PROBLEM_KEYS,
  RECORDS_KEYS, backLink, busy, button, checkboxes, checkedValues, clearErrors, dateField, districtsOf, explain,
  fieldMessage, h, heading, homeLink, listOf, looksLikeResidentNumber, pageTitle, readDate, reloadButton,
  selectField, seoulToday, setStatus, showErrors, showFailed, showLoading, showProblem, sortOptions, statusTag,
  summaryList, tenants, textArea, textField, useContext,
} from './ui.js';
import { howWeCheck, programmeSummary } from './programme.js';

const LEVEL_ORDER = ['ELEMENTARY', 'MIDDLE', 'HIGH', 'NOT_IN_SCHOOL', 'ADULT'];
const EDITABLE = ['DRAFT', 'REJECTED', 'EXPIRED'];
// A rejection under appeal waits for the appeal's decision (docs/adr/0040).
const editable = () => EDITABLE.includes(reg.status) && reg.appeal?.status !== 'OPEN';
const MAX_APPEAL = 1000;
// Where the documents function still takes uploads (functions/documents DocumentService.EDITABLE).
const UPLOADS_OPEN = ['DRAFT', 'SUBMITTED', 'REJECTED', 'EXPIRED'];
const PROFILE_FIELDS = ['name', 'birthDate', 'schoolLevel', 'grade', 'district', 'preferredLanguage', 'categories'];
const GUARDIAN_FIELDS = ['guardian.name', 'guardian.contact', 'guardian.consent'];
const CHECK_FIELDS = ['householdHeadName', 'householdHeadBirthDate'];
const MAX_NAME = 60;
// The server's form of a guardian's contact: a phone number or an e-mail address.
const CONTACT = /^(?:[0-9+()\-\s]{7,20}|[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,24})$/;
// Documents we take: PDF, JPEG or PNG, at most 10 MB (10 × 1024 × 1024 bytes, as the server counts).
const MAX_BYTES = 10 * 1024 * 1024;
const MEDIA_TYPES = { 'application/pdf': 'application/pdf', 'image/jpeg': 'image/jpeg', 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/png': 'image/png' };
const EXTENSIONS = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
// Headers a browser sets itself and refuses to be given.
const FORBIDDEN_HEADERS = ['content-length', 'host', 'connection', 'expect'];
const STEP_KEYS = {
  profile: 'step.profile',
  guardian: 'step.guardian',
  check: 'step.check',
  documents: 'step.documents',
  submit: 'step.submit',
};

let ctx = null;
let host = null;
let reg = null;
let programme = null;
let programmeProblem = null;
let flash = null; // a message to show once after the next render (e.g. a document received)
const programmes = new Map();

export function enter(context, root, parts) {
  ctx = context;
  host = root;
  useContext(ctx);
  const pages = { '': hub, profile, guardian, check, documents, submit, status };
  const page = pages[parts[0] ?? ''] ?? hub;
  load(page);
  return {
    languageChanged() {
      const district = document.getElementById('district');
      if (district) sortOptions(district);
    },
  };
}

const $ = (id) => document.getElementById(id);
const go = (step, options) => ctx.navigate(step ? `/register/${step}` : '/register', options);

async function load(page) {
  showLoading(host);
  const me = ctx.me();
  if (!me.groups?.some((g) => g === 'applicants' || g === 'learners')) {
    pageTitle('register.title');
    host.replaceChildren(heading('register.title'), h('p', { i18n: 'register.notApplicant' }), homeLink());
    return ctx.arrived(host);
  }
  const [answer, programmeAnswer] = await Promise.all([ctx.api('GET', '/registration'), loadProgramme(me.tenant)]);
  if (answer.stale || !ctx.current()) return;
  if (!answer.ok) {
    return showFailed(host, 'register.title', answer, { after: [homeLink()] });
  }
  reg = answer.data;
  programme = programmeAnswer.ok ? programmeAnswer.data : null;
  programmeProblem = programmeAnswer.ok ? null : programmeAnswer;
  page();
}

async function loadProgramme(tenant) {
  if (programmes.has(tenant)) return { ok: true, data: programmes.get(tenant) };
  const answer = await ctx.api('GET', `/programmes/${encodeURIComponent(tenant)}/current`);
  if (answer.ok) programmes.set(tenant, answer.data);
  return answer;
}

function render(titleKey, ...children) {
  pageTitle(titleKey);
  host.replaceChildren(...children.flat(Infinity).filter(Boolean));
  if (flash) {
    const line = host.querySelector('#page-status');
    if (line) setStatus(line, flash);
    flash = null;
  }
  ctx.arrived(host);
}

// ---- what is done, what comes next ----

const category = (code) => programme?.categories?.find((c) => c.code === code) ?? null;
const checkable = () => (reg.categories ?? []).filter((code) => category(code)?.recordsCanDecide);
const levelGrades = (level) => GRADES[level] ?? 0;

function detailsDone() {
  return Boolean(reg.name && reg.birthDate && reg.schoolLevel && (levelGrades(reg.schoolLevel) === 0 || reg.grade)
    && reg.district && reg.preferredLanguage && reg.categories?.length);
}

const guardianDone = () => Boolean(reg.guardian?.name && reg.guardian?.contact && reg.guardian?.consentAt);

function steps() {
  return [
    { step: 'profile', done: detailsDone() },
    reg.guardianRequired ? { step: 'guardian', done: guardianDone() } : null,
    checkable().length ? { step: 'check', done: Boolean(reg.recordsCheck) } : null,
    reg.requiredDocuments?.length ? { step: 'documents', done: !reg.missingDocuments?.length } : null,
    { step: 'submit', done: false },
  ].filter(Boolean);
}

// The step after this one among those this application needs (also from a step it skips).
function nextAfter(step) {
  const order = Object.keys(STEP_KEYS);
  return steps().find((s) => order.indexOf(s.step) > order.indexOf(step))?.step ?? 'submit';
}

const firstToDo = () => steps().find((s) => !s.done)?.step ?? 'submit';

// Pages that change answers are for editable applications only; others show the status.
function editableOr(page) {
  if (!editable()) return go('status', { replace: true });
  if (!programme) return noProgramme();
  return page();
}

function noProgramme() {
  render('register.title', heading('register.title'), homeLink());
  showProblem(host, programmeProblem ?? { problem: null });
}

// ---- the steps page ----

function hub() {
  if (!editable()) return go('status', { replace: true });
  if (!programme) return noProgramme();
  const stepStatus = (s) => {
    if (s.step === 'submit') return detailsDone() ? 'task.ready' : 'task.cannotStart';
    if (s.step === 'guardian' && !s.done && reg.guardian?.name) return 'task.needsConsent';
    if (s.step === 'check' && reg.recordsCheck) return RECORDS_KEYS[reg.recordsCheck.outcome] ?? 'task.done';
    if (s.step === 'documents' && !s.done) return 'task.documentsToSend';
    return s.done ? 'task.done' : 'task.toDo';
  };
  const started = Boolean(reg.name || reg.categories?.length);
  render('register.title',
    heading('register.title'),
    h('p', { id: 'page-status', class: 'status-line', role: 'status' }),
    reg.status === 'REJECTED' ? rejectedNotice() : null,
    h('p', { i18n: 'register.intro' }),
    programmeSummary(programme, ctx.me().tenant, { open: !started }),
    h('h2', { i18n: 'register.steps' }),
    h('ol', { class: 'tasks', id: 'tasks' }, steps().map((s) => {
      const blocked = s.step === 'submit' && !detailsDone();
      const name = blocked ? h('span', { i18n: STEP_KEYS[s.step] })
        : h('a', { href: `#/register/${s.step}`, id: `task-${s.step}`, i18n: STEP_KEYS[s.step] });
      return h('li', { class: 'task' }, name,
        h('span', { class: `task-status${s.done ? ' task-done' : ''}`, i18n: stepStatus(s), args: { n: reg.missingDocuments?.length ?? 0 } }));
    })),
    h('a', { class: 'button', id: 'continue', href: `#/register/${firstToDo()}`, i18n: started ? 'action.continue' : 'action.start' }));
}

function rejectedNotice() {
  return h('div', { class: 'inset inset-warning', id: 'rejected-notice' },
    h('p', { i18n: 'status.rejected.body' }),
    reg.decision?.reason ? h('blockquote', { class: 'reason' }, reg.decision.reason) : null,
    h('p', { i18n: 'status.rejected.fix' }));
}

// ---- your details ----

function profile() {
  editableOr(() => {
    const me = ctx.me();
    const categoryCodes = [...programme.categories.map((c) => c.code),
      ...(reg.categories ?? []).filter((code) => !category(code))];
    const levels = LEVEL_ORDER.filter((l) => programme.schoolLevels?.includes(l) || l === reg.schoolLevel);
    const gradeField = selectField({
      name: 'grade', label: 'field.grade', placeholder: 'field.choose',
      options: [], value: '',
    });
    const fillGrades = (level, chosen) => {
      const select = gradeField.querySelector('select');
      const count = levelGrades(level);
      const current = chosen ?? select.value;
      select.replaceChildren(h('option', { value: '', i18n: 'field.choose' }),
        ...Array.from({ length: count }, (_, i) => h('option', { value: String(i + 1), i18n: 'field.gradeOption', args: { n: i + 1 } })));
      select.value = Number(current) <= count ? String(current ?? '') : '';
      gradeField.hidden = count === 0;
    };
    const levelField = selectField({
      name: 'schoolLevel', label: 'field.schoolLevel', hint: 'field.schoolLevel.hint', placeholder: 'field.choose',
      options: levels.map((l) => ({ value: l, key: LEVEL_KEYS[l] })), value: reg.schoolLevel,
      onchange: (e) => fillGrades(e.target.value),
    });
    fillGrades(reg.schoolLevel, reg.grade);
    const districtField = selectField({
      name: 'district', label: 'field.district', hint: 'field.district.hint', placeholder: 'field.choose',
      options: districtsOf(me.tenant).map((code) => ({ value: code, key: DISTRICT_KEYS[code] })), value: reg.district,
    });
    sortOptions(districtField.querySelector('select'));
    if (!['seoul', 'chungbuk'].includes(me.tenant)) {
      // an area added since this app was written: its districts come from GET /api/tenants (ADR 39)
      tenants().then((answer) => {
        const area = answer.ok ? (answer.data.items ?? []).find((a) => a.tenant === me.tenant) : null;
        if (!area) return;
        const select = districtField.querySelector('select');
        select.replaceChildren(h('option', { value: '', i18n: 'field.choose' }),
          ...area.districts.map((code) => h('option', { value: code, i18n: DISTRICT_KEYS[code] ?? 'district.other', args: { code } })));
        select.value = reg.district ?? '';
      });
    }
    const form = h('form', { id: 'profile-form', novalidate: true, onsubmit: saveProfile },
      textField({ name: 'name', label: 'field.name', hint: 'field.name.hint', value: reg.name, autocomplete: 'name', maxlength: 80, spellcheck: 'false' }),
      dateField({ name: 'birthDate', legend: 'field.birthDate', hint: 'field.birthDate.hint', value: reg.birthDate, autocomplete: true }),
      levelField,
      gradeField,
      districtField,
      selectField({
        name: 'preferredLanguage', label: 'field.preferredLanguage', hint: 'field.preferredLanguage.hint',
        options: Object.entries(LANGUAGE_KEYS).map(([code, key]) => ({ value: code, key })),
        value: reg.preferredLanguage ?? ctx.language(),
      }),
      checkboxes({
        name: 'categories', legend: 'field.categories', hint: 'field.categories.hint', values: reg.categories ?? [],
        items: categoryCodes.map((code) => {
          const c = category(code);
          return {
            value: code, key: CATEGORY_KEYS[code] ?? 'category.other', args: { code },
            hint: c ? [h('span', { i18n: CATEGORY_HINT_KEYS[code] ?? 'categoryHint.other', args: { percent: programme.incomeLinePercent } }), ' ', howWeCheck(c)] : null,
          };
        }),
      }),
      h('p', { class: 'inset', i18n: 'field.noResidentNumber' }),
      button('save', 'action.saveAndContinue', null, { type: 'submit' }));
    render('profile.title', backLink('#/register', 'action.backToSteps'), heading('profile.title'), h('p', { i18n: 'profile.intro' }), form);
  });
}

function readProfile() {
  const level = $('schoolLevel').value;
  const grade = $('grade').value;
  return {
    name: $('name').value.trim(),
    birthDate: readDate('birthDate'),
    schoolLevel: level,
    grade: levelGrades(level) > 0 && grade ? Number(grade) : null,
    district: $('district').value,
    preferredLanguage: $('preferredLanguage').value,
    categories: checkedValues('categories'),
  };
}

function checkName(field, value, errors, { required = true } = {}) {
  if (!value) {
    if (required) errors.push({ field, message: fieldMessage(field, 'required') });
  } else if (looksLikeResidentNumber(value)) {
    errors.push({ field, message: { key: PROBLEM_KEYS['resident-registration-number'] } });
  } else if (value.length > MAX_NAME) {
    errors.push({ field, message: fieldMessage(field, 'too-long') });
  }
}

function checkDate(field, date, errors) {
  if (date.empty) errors.push({ field, message: fieldMessage(field, 'required') });
  else if (date.invalid || date.iso < '1900-01-01') errors.push({ field, message: fieldMessage(field, 'invalid-date') });
  else if (date.iso > seoulToday()) errors.push({ field, message: fieldMessage(field, 'out-of-range') });
}

async function saveProfile(event) {
  event.preventDefault();
  await busy($('save'), async () => {
    clearErrors(host);
    const p = readProfile();
    const errors = [];
    checkName('name', p.name, errors);
    checkDate('birthDate', p.birthDate, errors);
    if (!p.schoolLevel) errors.push({ field: 'schoolLevel', message: fieldMessage('schoolLevel', 'required') });
    else if (levelGrades(p.schoolLevel) > 0 && !p.grade) errors.push({ field: 'grade', message: fieldMessage('grade', 'required') });
    if (!p.district) errors.push({ field: 'district', message: fieldMessage('district', 'required') });
    if (!p.preferredLanguage) errors.push({ field: 'preferredLanguage', message: fieldMessage('preferredLanguage', 'required') });
    if (!p.categories.length) errors.push({ field: 'categories', message: fieldMessage('categories', 'required') });
    if (errors.length) return showErrors(host, errors);
    const body = {
      version: reg.version, name: p.name, birthDate: p.birthDate.iso, schoolLevel: p.schoolLevel, district: p.district,
      preferredLanguage: p.preferredLanguage, categories: p.categories,
    };
    if (p.grade) body.grade = p.grade;
    const answer = await ctx.api('PUT', '/registration', body);
    if (!answer.ok) return showAnswer(answer, PROFILE_FIELDS, { name: p.name });
    reg = answer.data;
    go(nextAfter('profile'));
  });
}

/** Shows a refused write: field errors by their fields, a resident number by the field that has it. */
function showAnswer(answer, fields, texts = {}) {
  if (answer.problem?.code === 'resident-registration-number') {
    const where = Object.entries(texts).filter(([, value]) => looksLikeResidentNumber(value)).map(([field]) => field);
    const items = (where.length ? where : [null]).map((field) => ({ field, message: { key: PROBLEM_KEYS['resident-registration-number'] } }));
    return showErrors(host, items);
  }
  if (answer.problem?.code === 'version-conflict') {
    return showErrors(host, [{ message: { key: PROBLEM_KEYS['version-conflict'] } }], { actions: reloadButton() });
  }
  if (answer.problem?.code === 'application-incomplete') {
    return showErrors(host, missingItems(answer.problem.missing));
  }
  showProblem(host, answer, { fields });
}

// Where each profile answer is asked, for links from other pages.
function controlOf(field) {
  const firstCategory = programme?.categories?.[0]?.code;
  const ids = {
    name: 'name', birthDate: 'birthDate-year', schoolLevel: 'schoolLevel', grade: 'grade', district: 'district',
    preferredLanguage: 'preferredLanguage', categories: firstCategory ? `categories-${firstCategory}` : null,
  };
  return ids[field] ?? null;
}

function missingItems(missing) {
  return (Array.isArray(missing) && missing.length ? missing : ['name']).map((field) => ({
    href: '#/register/profile', focus: controlOf(field), message: fieldMessage(field, 'required'),
  }));
}

// ---- a parent or guardian ----

function guardian() {
  editableOr(() => {
    if (!reg.guardianRequired) return go(nextAfter('guardian'), { replace: true });
    const form = h('form', { id: 'guardian-form', novalidate: true, onsubmit: saveGuardian },
      textField({ name: 'guardian.name', label: 'field.guardianName', value: reg.guardian?.name, autocomplete: 'off', maxlength: 80, spellcheck: 'false' }),
      textField({ name: 'guardian.contact', label: 'field.guardianContact', hint: 'field.guardianContact.hint', value: reg.guardian?.contact, type: 'text', inputmode: 'email', autocomplete: 'off', maxlength: 130, spellcheck: 'false' }),
      checkboxes({
        name: 'guardian.consent', legend: 'field.guardianConsent', values: reg.guardian?.consentAt ? ['yes'] : [],
        items: [{ value: 'yes', key: 'field.guardianConsent.statement' }],
      }),
      reg.guardian?.consentAt ? h('p', { class: 'hint', id: 'consent-recorded' },
        h('span', { i18n: 'guardianPage.consentRecorded' }), ' ', h('span', { date: reg.guardian.consentAt })) : null,
      h('p', { class: 'inset', i18n: 'guardianPage.later' }),
      button('save', 'action.saveAndContinue', null, { type: 'submit' }));
    render('guardianPage.title', backLink('#/register', 'action.backToSteps'), heading('guardianPage.title'),
      h('p', { i18n: 'guardianPage.intro', args: { age: programme.guardianConsentBelowAge ?? 14 } }), form);
  });
}

async function saveGuardian(event) {
  event.preventDefault();
  await busy($('save'), async () => {
    clearErrors(host);
    const name = $('guardian-name').value.trim();
    const contact = $('guardian-contact').value.trim();
    const consent = checkedValues('guardian.consent').includes('yes');
    const errors = [];
    checkName('guardian.name', name, errors);
    if (!contact) errors.push({ field: 'guardian.contact', message: fieldMessage('guardian.contact', 'required') });
    else if (looksLikeResidentNumber(contact)) errors.push({ field: 'guardian.contact', message: { key: PROBLEM_KEYS['resident-registration-number'] } });
    else if (!CONTACT.test(contact)) errors.push({ field: 'guardian.contact', message: fieldMessage('guardian.contact', 'invalid-value') });
    if (errors.length) return showErrors(host, errors);
    const answer = await ctx.api('PUT', '/registration', { version: reg.version, guardian: { name, contact, consent } });
    if (!answer.ok) return showAnswer(answer, GUARDIAN_FIELDS, { 'guardian.name': name, 'guardian.contact': contact });
    reg = answer.data;
    go(nextAfter('guardian'));
  });
}

// ---- the check with government records ----

function check() {
  editableOr(() => {
    if (!checkable().length) return go(nextAfter('check'), { replace: true });
    const form = h('form', { id: 'check-form', novalidate: true, onsubmit: runCheck },
      textField({ name: 'householdHeadName', label: 'field.householdHeadName', hint: 'field.householdHeadName.hint', autocomplete: 'off', maxlength: 80, spellcheck: 'false' }),
      dateField({ name: 'householdHeadBirthDate', legend: 'field.householdHeadBirthDate', hint: 'field.householdHeadBirthDate.hint' }),
      button('check-records', 'action.checkRecords', null, { type: 'submit' }));
    render('check.title', backLink('#/register', 'action.backToSteps'), heading('check.title'),
      h('p', { i18n: 'check.why' }),
      h('p', { i18n: 'check.what', args: { categories: { keys: checkable().map((c) => CATEGORY_KEYS[c] ?? 'category.other') } } }),
      h('p', { class: 'inset', i18n: 'check.notKept' }),
      reg.recordsCheck ? recordsResult() : null,
      reg.recordsCheck?.outcome === 'VERIFIED' ? null : [reg.recordsCheck ? h('h2', { i18n: 'check.again' }) : null, form],
      reg.recordsCheck ? null : h('p', {}, h('a', { href: `#/register/${nextAfter('check')}`, id: 'skip-check', i18n: 'check.skip' })));
  });
}

function recordsResult() {
  const rc = reg.recordsCheck;
  const verified = (rc.verifiedCategories ?? checkable()).map((c) => CATEGORY_KEYS[c] ?? 'category.other');
  const stillNeeded = (reg.requiredDocuments ?? []).map((d) => DOCUMENT_KEYS[d]).filter(Boolean);
  return h('div', { class: `result result-${rc.outcome === 'VERIFIED' ? 'good' : 'neutral'}`, id: 'records-result', 'data-outcome': rc.outcome, tabindex: '-1' },
    h('h2', { i18n: RECORDS_KEYS[rc.outcome] ?? 'records.NOT_FOUND' }),
    rc.outcome === 'VERIFIED' ? h('p', { i18n: 'check.verified', args: { categories: { keys: verified } } }) : null,
    rc.outcome === 'NEEDS_DOCUMENTS' ? h('p', { i18n: 'check.needsDocuments' }) : null,
    rc.outcome === 'NOT_FOUND' ? h('p', { i18n: 'check.notFound' }) : null,
    stillNeeded.length
      ? h('p', { i18n: 'check.stillNeeded', args: { documents: { keys: stillNeeded } } })
      : h('p', { id: 'no-documents-needed', i18n: 'check.noDocuments' }),
    h('p', { class: 'hint' }, h('span', { i18n: 'check.checkedAt' }), ' ', h('span', { date: rc.checkedAt })),
    h('a', { class: 'button', id: 'continue', href: `#/register/${nextAfter('check')}`, i18n: 'action.continue' }));
}

async function runCheck(event) {
  event.preventDefault();
  await busy($('check-records'), async () => {
    clearErrors(host);
    const name = $('householdHeadName').value.trim();
    const birth = readDate('householdHeadBirthDate');
    const errors = [];
    checkName('householdHeadName', name, errors);
    checkDate('householdHeadBirthDate', birth, errors);
    if (errors.length) return showErrors(host, errors);
    const answer = await ctx.api('POST', '/registration/records-check', {
      version: reg.version, householdHeadName: name, householdHeadBirthDate: birth.iso,
    });
    if (!answer.ok) return showAnswer(answer, CHECK_FIELDS, { householdHeadName: name });
    reg = answer.data;
    // The details were for this one check: they are not kept here either.
    check();
    $('records-result')?.focus();
  });
}

// ---- documents ----

function documents() {
  if (!programme && editable()) return noProgramme();
  if (!UPLOADS_OPEN.includes(reg.status)) return go('status', { replace: true });
  const after = editable() ? nextAfter('documents') : 'status';
  render('documents.title',
    backLink(editable() ? '#/register' : '#/register/status', editable() ? 'action.backToSteps' : 'action.backToStatus'),
    heading('documents.title'),
    h('p', { id: 'page-status', class: 'status-line', role: 'status' }),
    h('p', { i18n: !reg.requiredDocuments?.length ? 'documents.none' : reg.missingDocuments?.length ? 'documents.why' : 'documents.allReceived' }),
    documentsSection(),
    editable() && reg.missingDocuments?.length ? h('p', { class: 'inset', i18n: 'documents.later' }) : null,
    h('a', { class: 'button', id: 'continue', href: `#/register/${after}`, i18n: 'action.continue' }));
}

function documentsSection() {
  const missing = reg.missingDocuments ?? [];
  const received = (reg.documents ?? []).filter((d) => d.status === 'VERIFIED' || d.status === 'SCANNING');
  return h('div', { class: 'documents' },
    missing.length ? [h('p', { class: 'hint', id: 'file-rules', i18n: 'documents.rules' }),
      missing.map(uploadField)] : null,
    received.length ? [
      h('h2', { i18n: 'documents.received' }),
      h('ul', { class: 'received', id: 'documents-received' }, received.map((d) => h('li', { 'data-kind': d.kind },
        h('span', { i18n: DOCUMENT_KEYS[d.kind] ?? 'document.other' }), ' ',
        h('strong', { class: 'tag', 'data-status': d.status, i18n: d.status === 'SCANNING' ? 'documents.scanning' : 'documents.verified' })))),
    ] : null);
}

function uploadField(kind) {
  const name = `file-${kind}`;
  return h('div', { class: 'field upload', id: `field-${name}`, 'data-kind': kind },
    h('label', { class: 'label', for: name, i18n: DOCUMENT_KEYS[kind] ?? 'document.other' }),
    h('input', { type: 'file', id: name, name, accept: ACCEPT, class: 'file', 'aria-describedby': 'file-rules', 'data-control': true }),
    h('progress', { id: `${name}-progress`, max: '100', value: '0', hidden: true, 'aria-labelledby': `${name}-progress-label` }),
    h('p', { class: 'status-line', id: `${name}-status`, role: 'status' }),
    h('span', { id: `${name}-progress-label`, class: 'visually-hidden', i18n: 'documents.uploading', args: { document: { key: DOCUMENT_KEYS[kind] ?? 'document.other' } } }),
    button(`upload-${kind}`, 'action.upload', () => upload(kind), { secondary: true }));
}

function mediaTypeOf(file) {
  if (MEDIA_TYPES[file.type]) return MEDIA_TYPES[file.type];
  if (file.type && file.type !== 'application/octet-stream') return null;
  return EXTENSIONS[file.name.split('.').pop().toLowerCase()] ?? null;
}

// The same checks as the server's, first, so a wrong file is not sent over a phone's data plan.
function fileProblem(file) {
  if (!file) return 'document-no-file';
  if (!mediaTypeOf(file)) return 'document-type-not-allowed';
  if (file.size === 0) return 'document-empty';
  if (file.size > MAX_BYTES) return 'document-too-big';
  return null;
}

async function upload(kind) {
  const name = `file-${kind}`;
  const input = $(name);
  await busy($(`upload-${kind}`), async () => {
    clearErrors(host);
    const file = input.files?.[0];
    const refuse = (code) => showErrors(host, [{ field: name, message: { key: PROBLEM_KEYS[code] ?? PROBLEM_KEYS['document-upload-failed'] } }]);
    const local = fileProblem(file);
    if (local) return refuse(local);
    const line = $(`${name}-status`);
    const progress = $(`${name}-progress`);
    const documentName = { key: DOCUMENT_KEYS[kind] ?? 'document.other' };
    setStatus(line, { key: 'documents.uploading', args: { document: documentName } });
    const ticket = await ctx.apiOnce('POST', '/registration/documents', { kind, contentType: mediaTypeOf(file), size: file.size });
    if (ticket.stale) return undefined;
    if (!ticket.ok) {
      setStatus(line, null);
      if (PROBLEM_KEYS[ticket.problem?.code]) return refuse(ticket.problem.code);
      const shown = explain(ticket);
      return showErrors(host, shown.items.map((item) => ({ ...item, field: name })), { detail: shown.detail });
    }
    progress.hidden = false;
    const sent = await put(ticket.data, file, (share) => { progress.value = Math.round(share * 100); });
    progress.hidden = true;
    if (!ctx.current()) return undefined;
    if (!sent) {
      setStatus(line, null);
      return refuse('document-upload-failed');
    }
    setStatus(line, { key: 'documents.checking' });
    const checked = await ctx.api('POST', `/registration/documents/${encodeURIComponent(ticket.data.documentId)}/finalise`);
    if (checked.stale) return undefined;
    setStatus(line, null);
    if (!checked.ok) return refuse(PROBLEM_KEYS[checked.problem?.code] ? checked.problem.code : 'document-upload-failed');
    const fresh = await ctx.api('GET', '/registration');
    if (fresh.stale) return undefined;
    if (fresh.ok) reg = fresh.data;
    flash = { key: checked.data?.status === 'SCANNING' ? 'documents.receivedScanning' : 'documents.receivedOne', args: { document: documentName } };
    return (editable() ? documents : status)();
  });
}

// PUT the file to the presigned URL with exactly the headers it was signed with (XHR for the
// progress bar on slow connections). The body is typeless so the browser adds no Content-Type.
function put(ticket, file, onProgress) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    try {
      xhr.open(ticket.method || 'PUT', ticket.uploadUrl);
      for (const [name, value] of Object.entries(ticket.headers ?? {})) {
        if (!FORBIDDEN_HEADERS.includes(name.toLowerCase())) xhr.setRequestHeader(name, value);
      }
    } catch {
      resolve(false);
      return;
    }
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => resolve(xhr.status >= 200 && xhr.status < 300);
    xhr.onerror = () => resolve(false);
    xhr.onabort = () => resolve(false);
    xhr.ontimeout = () => resolve(false);
    xhr.send(file.slice(0, file.size, ''));
  });
}

// ---- check and send ----

function submit() {
  editableOr(() => {
    const categoryKeys = (reg.categories ?? []).map((c) => CATEGORY_KEYS[c] ?? 'category.other');
    const school = reg.schoolLevel
      ? (reg.grade && levelGrades(reg.schoolLevel) ? h('span', { i18n: 'summary.levelAndGrade', args: { level: { key: LEVEL_KEYS[reg.schoolLevel] }, n: reg.grade } })
        : h('span', { i18n: LEVEL_KEYS[reg.schoolLevel] ?? 'level.other' }))
      : h('span', { i18n: 'summary.notAnswered' });
    const answered = (value, node) => (value ? node : h('span', { i18n: 'summary.notAnswered' }));
    const received = (reg.documents ?? []).filter((d) => d.status === 'VERIFIED' || d.status === 'SCANNING');
    const rows = [
      { id: 'answer-name', label: 'field.name', value: answered(reg.name, reg.name), change: { href: '#/register/profile', focus: 'name' } },
      { id: 'answer-birthDate', label: 'field.birthDate', value: answered(reg.birthDate, h('span', { date: reg.birthDate })), change: { href: '#/register/profile', focus: 'birthDate-year' } },
      { id: 'answer-school', label: 'field.schoolLevel', value: school, change: { href: '#/register/profile', focus: 'schoolLevel' } },
      { id: 'answer-district', label: 'field.district', value: answered(reg.district, h('span', { i18n: DISTRICT_KEYS[reg.district] ?? 'district.other', args: { code: reg.district } })), change: { href: '#/register/profile', focus: 'district' } },
      { id: 'answer-language', label: 'field.preferredLanguage', value: answered(reg.preferredLanguage, h('span', { i18n: LANGUAGE_KEYS[reg.preferredLanguage] ?? 'language.option.ko' })), change: { href: '#/register/profile', focus: 'preferredLanguage' } },
      { id: 'answer-categories', label: 'summary.categories', value: answered(categoryKeys.length, listOf(categoryKeys)), change: { href: '#/register/profile', focus: controlOf('categories') } },
      reg.guardianRequired ? { id: 'answer-guardian', label: 'step.guardian', value: answered(reg.guardian?.name, [
        h('span', {}, reg.guardian?.name ?? ''), h('br'), h('span', {}, reg.guardian?.contact ?? ''), h('br'),
        h('span', { i18n: reg.guardian?.consentAt ? 'summary.consentGiven' : 'summary.consentMissing' })]), change: { href: '#/register/guardian', focus: 'guardian-name' } } : null,
      checkable().length ? { id: 'answer-records', label: 'summary.records', value: h('span', { i18n: reg.recordsCheck ? RECORDS_KEYS[reg.recordsCheck.outcome] ?? 'records.NOT_FOUND' : 'summary.notChecked' }), change: { href: '#/register/check' } } : null,
      reg.requiredDocuments?.length ? { id: 'answer-documents', label: 'step.documents', value: [
        received.length ? h('p', { i18n: 'summary.documentsReceived', args: { documents: { keys: received.map((d) => DOCUMENT_KEYS[d.kind] ?? 'document.other') } } }) : null,
        reg.missingDocuments?.length ? h('p', { i18n: 'summary.documentsMissing', args: { documents: { keys: reg.missingDocuments.map((d) => DOCUMENT_KEYS[d] ?? 'document.other') } } }) : null,
      ], change: { href: '#/register/documents' } } : null,
    ];
    render('submit.title', backLink('#/register', 'action.backToSteps'), heading('submit.title'),
      summaryList(rows, { id: 'answers' }),
      reg.missingDocuments?.length ? h('p', { class: 'inset', id: 'documents-later', i18n: 'submit.documentsLater' }) : null,
      h('h2', { i18n: 'submit.privacyTitle' }),
      h('p', { id: 'privacy-notice', i18n: 'submit.privacyNotice', args: { version: reg.privacyNotice ?? '' } }),
      checkboxes({
        name: 'privacyNotice',
        legend: 'submit.privacyLegend',
        items: [{ value: 'yes', key: reg.guardianRequired ? 'submit.privacyAcceptGuardian' : 'submit.privacyAccept' }],
      }),
      h('h2', { i18n: 'submit.sendTitle' }),
      h('p', { i18n: 'submit.declaration' }),
      programme.quota ? h('p', { i18n: 'submit.quota' }) : null,
      button('submit-application', 'action.send', sendApplication));
  });
}

async function sendApplication() {
  await busy($('submit-application'), async () => {
    clearErrors(host);
    // the privacy notice shown above is accepted with the application (docs/adr/0037)
    if (!checkedValues('privacyNotice').includes('yes')) {
      return showErrors(host, [{ field: 'privacyNotice', message: { key: 'submit.privacyRequired' } }]);
    }
    const answer = await ctx.api('POST', '/registration/submit', { version: reg.version, privacyNotice: reg.privacyNotice });
    if (answer.ok) {
      reg = answer.data;
      return go('status');
    }
    const code = answer.problem?.code;
    if (code === 'privacy-notice-outdated') {
      // another wording is in force: show it, unticked, with the reason
      const fresh = await ctx.api('GET', '/registration');
      if (fresh.ok) reg = fresh.data;
      submit();
      return showAnswer(answer, []);
    }
    if (code === 'guardian-consent-required') {
      return showErrors(host, [{ href: '#/register/guardian', focus: 'guardian-consent-yes', message: { key: PROBLEM_KEYS[code] } }]);
    }
    if (code === 'not-eligible') {
      const reasons = Array.isArray(answer.problem.reasons) ? answer.problem.reasons : [];
      return showErrors(host, reasons.map(reasonItem), { detail: { text: answer.problem.detail ?? '' } });
    }
    return showAnswer(answer, []);
  });
}

function reasonItem(reason) {
  if (reason === 'age') {
    return { href: '#/register/profile', focus: 'birthDate-year', message: { key: 'reason.age', args: { min: programme.minAge, max: programme.maxAge } } };
  }
  if (reason === 'school-level') return { href: '#/register/profile', focus: 'schoolLevel', message: { key: 'reason.schoolLevel' } };
  const code = String(reason).replace(/^category:/, '');
  return { href: '#/register/profile', focus: controlOf('categories'), message: { key: 'reason.category', args: { category: { key: CATEGORY_KEYS[code] ?? 'category.other' }, code } } };
}

// ---- a reviewer asked for documents: what to send and why, then send the application again ----

// Why the reviewer asks (the request's template), in the applicant's words.
const WHY_KEYS = {
  missing: 'status.request.why.missing',
  unreadable: 'status.request.why.unreadable',
  expired: 'status.request.why.expired',
  'wrong-document': 'status.request.why.wrong-document',
};

function requestedPart() {
  const r = reg.documentRequest;
  const missing = r.missing ?? [];
  const why = WHY_KEYS[r.template] ? r.template : 'missing';
  return h('section', { class: 'document-request', id: 'document-request', 'aria-labelledby': 'request-heading' },
    h('h2', { id: 'request-heading', i18n: 'status.request.title' }),
    h('p', {}, h('span', { i18n: 'status.request.askedOn' }), ' ', h('span', { date: r.requestedAt })),
    h('p', { class: 'inset inset-warning', id: 'request-why', 'data-template': why, i18n: WHY_KEYS[why] }),
    h('h3', { i18n: 'status.request.send' }),
    h('ul', { id: 'requested-documents' }, (r.documents ?? []).map((d) => h('li', { 'data-kind': d },
      h('span', { i18n: DOCUMENT_KEYS[d] ?? 'document.other' }), ' ',
      h('strong', { class: 'tag', 'data-status': missing.includes(d) ? 'MISSING' : 'RECEIVED',
        i18n: missing.includes(d) ? 'status.request.stillNeeded' : 'status.request.received' })))),
    h('p', { class: 'hint', id: 'file-rules', i18n: 'documents.rules' }),
    (r.documents ?? []).map(uploadField),
    h('form', { id: 'resubmit-form', novalidate: true, onsubmit: resubmit },
      h('p', { i18n: missing.length ? 'status.request.uploadFirst' : 'status.request.ready' }),
      button('resubmit', 'status.request.resubmit', null, { type: 'submit' })));
}

async function resubmit(event) {
  event.preventDefault();
  await busy($('resubmit'), async () => {
    clearErrors(host);
    const answer = await ctx.api('POST', '/registration/resubmit', { version: reg.version });
    if (answer.stale) return undefined;
    if (answer.ok) {
      reg = answer.data;
      flash = { key: 'status.request.resubmitted' };
      return status();
    }
    if (answer.problem?.code === 'requested-documents-missing') {
      const list = Array.isArray(answer.problem.missingDocuments) ? answer.problem.missingDocuments : [];
      return showErrors(host, [{ message: { key: 'status.request.missing' },
        list: list.map((d) => ({ key: DOCUMENT_KEYS[d] ?? 'document.other' })) }]);
    }
    if (answer.problem?.code === 'version-conflict') {
      return showErrors(host, [{ message: { key: PROBLEM_KEYS['version-conflict'] } }], { actions: reloadButton() });
    }
    return showProblem(host, answer);
  });
}

// ---- status ----

function status() {
  const s = reg.status;
  const missing = reg.missingDocuments ?? [];
  const learner = ctx.me().groups?.includes('learners');
  const parts = [];
  if (s === 'DRAFT') {
    parts.push(h('p', { i18n: 'status.draft.body' }),
      h('a', { class: 'button', id: 'continue', href: '#/register', i18n: 'home.continueRegistration' }));
  }
  if (s === 'SUBMITTED' || s === 'UNDER_REVIEW') {
    parts.push(
      h('p', {}, h('span', { i18n: 'status.submittedOn' }), ' ', h('span', { id: 'submitted-at', date: reg.submittedAt })),
      h('p', { i18n: s === 'SUBMITTED' ? 'status.submitted.body' : 'status.underReview.body' }));
    if (reg.documentRequest) {
      parts.push(requestedPart());
    } else if (missing.length) {
      parts.push(h('h2', { i18n: 'status.stillNeeded' }),
        h('ul', { id: 'missing-documents' }, missing.map((d) => h('li', { 'data-kind': d, i18n: DOCUMENT_KEYS[d] ?? 'document.other' }))));
      parts.push(UPLOADS_OPEN.includes(s) ? documentsSection() : h('p', { i18n: 'status.uploadsClosed' }));
    }
  }
  if (s === 'APPROVED') {
    parts.push(
      // a learner set up by the programme (no decision on record) has no date to show: no empty "Approved:"
      (reg.decision?.decidedAt ?? reg.submittedAt)
        ? h('p', {}, h('span', { i18n: 'status.approvedOn' }), ' ', h('span', { id: 'decided-at', date: reg.decision?.decidedAt ?? reg.submittedAt }))
        : null,
      reg.decision?.byRecords ? h('p', { id: 'approved-by-records', i18n: 'status.approved.byRecords' }) : null,
      reg.appeal?.status === 'APPROVED' ? h('p', { id: 'approved-on-appeal', i18n: 'status.appeal.approved' }) : null,
      learner ? h('p', { i18n: 'status.approved.learner' })
        : [h('p', { i18n: 'status.approved.signInAgain' }), button('sign-in-again', 'action.signInAgain', () => ctx.signInAgain())]);
  }
  if (s === 'EXPIRED') {
    // the participation ended (programme year over, age limit, high school finished: docs/adr/0041); the notice said why
    parts.push(h('p', { id: 'expired-body', i18n: 'status.expired.body' }),
      learner ? [h('p', { i18n: 'status.approved.signInAgain' }), button('sign-in-again', 'action.signInAgain', () => ctx.signInAgain())]
        : h('a', { class: 'button', id: 'apply-again', href: '#/register', i18n: 'action.applyAgain' }));
  }
  if (s === 'REJECTED') {
    parts.push(
      reg.decision?.decidedAt ? h('p', {}, h('span', { i18n: 'status.decidedOn' }), ' ', h('span', { id: 'decided-at', date: reg.decision.decidedAt })) : null,
      h('h2', { i18n: 'status.rejected.reasonTitle' }),
      h('blockquote', { class: 'reason', id: 'decision-reason' }, reg.decision?.reason ?? ''),
      appealPart(),
      editable() ? [h('p', { i18n: 'status.rejected.fix' }),
        h('a', { class: 'button', id: 'fix-application', href: '#/register', i18n: 'action.fixAndResend' })] : null);
  }
  render('status.title',
    heading('status.title'),
    h('p', { id: 'page-status', class: 'status-line', role: 'status' }),
    h('p', { class: 'status-now' }, h('span', { i18n: 'status.now' }), ' ', statusTag(s, 'application-status')),
    parts,
    homeLink());
}

// ---- an appeal: once, within 30 days of the rejection, decided finally by another reviewer ----

function appealPart() {
  const a = reg.appeal;
  if (a) {
    const open = a.status === 'OPEN';
    return h('section', { class: 'appeal', id: 'appeal', 'data-status': a.status, 'aria-labelledby': 'appeal-heading' },
      h('h2', { id: 'appeal-heading', i18n: 'status.appeal.yours' }),
      h('p', {}, h('span', { i18n: 'status.appeal.sentOn' }), ' ', h('span', { date: a.appealedAt })),
      h('p', { i18n: 'status.appeal.yourReason' }),
      h('blockquote', { class: 'reason', id: 'appeal-reason' }, a.reason ?? ''),
      open ? h('p', { class: 'inset', id: 'appeal-open', i18n: 'status.appeal.open' })
        : [h('p', {}, h('span', { i18n: 'status.appeal.decidedOn' }), ' ', h('span', { date: a.decidedAt })),
          h('p', { class: 'inset inset-warning', id: 'appeal-upheld', i18n: 'status.appeal.upheld' }),
          a.decisionReason ? h('blockquote', { class: 'reason', id: 'appeal-decision-reason' }, a.decisionReason) : null]);
  }
  if (!reg.appealUntil) return null;
  const reason = textArea({ name: 'appealReason', label: 'status.appeal.reason', hint: 'status.appeal.reason.hint', rows: 5 });
  return h('section', { class: 'appeal', id: 'appeal', 'aria-labelledby': 'appeal-heading' },
    h('h2', { id: 'appeal-heading', i18n: 'status.appeal.title' }),
    h('p', { i18n: 'status.appeal.intro' }),
    h('p', {}, h('span', { i18n: 'status.appeal.until' }), ' ', h('span', { id: 'appeal-until', date: reg.appealUntil })),
    h('form', { id: 'appeal-form', novalidate: true, onsubmit: sendAppeal },
      reason,
      button('send-appeal', 'status.appeal.send', null, { type: 'submit', secondary: true })));
}

async function sendAppeal(event) {
  event.preventDefault();
  await busy($('send-appeal'), async () => {
    clearErrors(host);
    const reason = $('appealReason').value.trim();
    const errors = [];
    if (!reason) errors.push({ field: 'appealReason', message: { key: 'status.appeal.reason.required' } });
    if (reason.length > MAX_APPEAL) errors.push({ field: 'appealReason', message: { key: 'status.appeal.reason.tooLong' } });
    if (looksLikeResidentNumber(reason)) errors.push({ field: 'appealReason', message: { key: PROBLEM_KEYS['resident-registration-number'] } });
    if (errors.length) return showErrors(host, errors);
    const answer = await ctx.api('POST', '/registration/appeal', { reason, version: reg.version });
    if (answer.stale) return undefined;
    if (answer.ok) {
      reg = answer.data;
      flash = { key: 'status.appeal.sent' };
      return status();
    }
    if (answer.problem?.code === 'version-conflict') {
      return showErrors(host, [{ message: { key: PROBLEM_KEYS['version-conflict'] } }], { actions: reloadButton() });
    }
    return showProblem(host, answer);
  });
}
