// "My details" (#/details): an approved learner corrects where they live, the language we write
// in, their guardian's contact (learners who registered with a guardian) and, at the new school
// year, their school level and grade (PATCH /me/profile, docs/adr/0038). Only what changed is
// sent. A district change takes a waiting laptop request along to the new district's queue; the
// API refuses it while a laptop is on loan or kept for pickup, and says why in the person's language.

import {
  DISTRICT_KEYS, GRADES, LANGUAGE_KEYS, LEVEL_KEYS, busy, button, clearErrors, districtsOf, h, heading, homeLink, pageTitle,
  selectField, setStatus, showFailed, showLoading, showProblem, sortOptions, statusLine, textField, useContext,
} from './ui.js';

const LEVEL_ORDER = ['ELEMENTARY', 'MIDDLE', 'HIGH', 'NOT_IN_SCHOOL', 'ADULT'];
const FIELDS = ['district', 'preferredLanguage', 'guardianContact', 'schoolLevel', 'grade'];

let ctx = null;
let host = null;
let reg = null;

const $ = (id) => document.getElementById(id);

export async function enter(context, root) {
  ctx = context;
  host = root;
  useContext(ctx);
  pageTitle('details.title');
  showLoading(host, heading('details.title'));
  const answer = await ctx.api('GET', '/registration');
  if (!ctx.current()) return {};
  if (!answer.ok) {
    showFailed(host, 'details.title', answer, { after: [homeLink()], arrive: true });
    return {};
  }
  reg = answer.data;
  if (reg.status !== 'APPROVED') {
    host.replaceChildren(heading('details.title'), h('p', { id: 'details-not-yet', i18n: 'details.notApproved' }),
      h('p', {}, h('a', { href: '#/register', i18n: 'details.toApplication' })), homeLink());
    ctx.arrived(host);
    return {};
  }
  form();
  ctx.arrived(host);
  return {};
}

function gradeOptions(select, level, chosen) {
  const count = GRADES[level] ?? 0;
  select.replaceChildren(h('option', { value: '', i18n: 'field.choose' }),
    ...Array.from({ length: count }, (_, i) => h('option', { value: String(i + 1), i18n: 'field.gradeOption', args: { n: i + 1 } })));
  select.value = chosen && Number(chosen) <= count ? String(chosen) : '';
  select.closest('.field')?.toggleAttribute('hidden', count === 0);
}

function form() {
  const me = ctx.me();
  const district = selectField({
    name: 'district', label: 'field.district', hint: 'details.districtHint',
    options: districtsOf(me.tenant).map((code) => ({ value: code, key: DISTRICT_KEYS[code] })), value: reg.district,
  });
  sortOptions(district.querySelector('select'));
  const grade = selectField({ name: 'grade', label: 'field.grade', placeholder: 'field.choose', options: [], value: '' });
  const level = selectField({
    name: 'schoolLevel', label: 'field.schoolLevel', hint: 'details.levelHint',
    options: LEVEL_ORDER.map((l) => ({ value: l, key: LEVEL_KEYS[l] })), value: reg.schoolLevel,
    onchange: (e) => gradeOptions(grade.querySelector('select'), e.target.value),
  });
  gradeOptions(grade.querySelector('select'), reg.schoolLevel, reg.grade);
  const parts = [
    district,
    selectField({
      name: 'preferredLanguage', label: 'field.preferredLanguage', hint: 'field.preferredLanguage.hint',
      options: Object.entries(LANGUAGE_KEYS).map(([code, key]) => ({ value: code, key })), value: reg.preferredLanguage,
    }),
    reg.guardian ? textField({
      name: 'guardianContact', label: 'field.guardianContact', hint: 'field.guardianContact.hint', value: reg.guardian.contact,
      autocomplete: 'off', maxlength: 120, spellcheck: 'false',
    }) : null,
    level,
    grade,
    button('details-save', 'details.save', null, { type: 'submit' }),
    statusLine('details-status'),
  ].filter(Boolean);
  host.replaceChildren(heading('details.title'), h('p', { i18n: 'details.intro' }),
    h('form', { id: 'details-form', novalidate: true, onsubmit: save }, ...parts), homeLink());
}

/** Only what differs from what is stored; level and grade go together. */
function changes() {
  const body = { version: reg.version };
  if ($('district').value && $('district').value !== reg.district) body.district = $('district').value;
  if ($('preferredLanguage').value !== reg.preferredLanguage) body.preferredLanguage = $('preferredLanguage').value;
  const contact = $('guardianContact')?.value.trim();
  if (contact && contact !== reg.guardian?.contact) body.guardianContact = contact;
  const level = $('schoolLevel').value;
  const grade = $('grade').value ? Number($('grade').value) : null;
  if (level && (level !== reg.schoolLevel || (grade ?? null) !== (reg.grade ?? null))) {
    body.schoolLevel = level;
    if (grade) body.grade = grade;
  }
  return body;
}

async function save(event) {
  event.preventDefault();
  clearErrors(host);
  const body = changes();
  if (Object.keys(body).length === 1) {
    setStatus($('details-status'), { key: 'details.nothingChanged' });
    return;
  }
  await busy($('details-save'), async () => {
    const answer = await ctx.api('PATCH', '/me/profile', body);
    if (!ctx.current()) return;
    if (!answer.ok) {
      showProblem(host, answer, { fields: FIELDS });
      return;
    }
    reg = { ...reg, ...answer.data, guardian: reg.guardian ? { ...reg.guardian, contact: answer.data.guardianContact } : null };
    const moved = answer.data.laptopRequest;
    setStatus($('details-status'), moved
      ? { key: moved.position ? 'details.savedLaptopQueued' : 'details.savedLaptopApproved', args: { n: moved.position } }
      : { key: 'details.saved' });
  });
}
