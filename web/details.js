// "My details" (#/details): an approved learner corrects where they live, the language we write
// in, their guardian's contact (learners who registered with a guardian) and, at the new school
// year, their school level and grade (PATCH /me/profile, docs/adr/0038). Only what changed is
// sent. A district change takes a waiting laptop request along to the new district's queue; the
// API refuses it while a laptop is on loan or kept for pickup, and says why in the person's language.
// A selected mentor corrects here what they offer — subjects, school levels and the languages they
// mentor and are contacted in (GET/PATCH /me/mentor-profile, docs/adr/0038); running mentorships
// keep going, only new matches read the new values.

import {
  DISTRICT_KEYS, GRADES, LANGUAGE_KEYS, LEVEL_KEYS, busy, button, checkboxes, checkedValues, clearErrors, districtsOf, h, heading,
  homeLink, pageTitle, selectField, setStatus, showErrors, showFailed, showLoading, showProblem, sortOptions, statusLine, textField,
  useContext,
} from './ui.js';

const LEVEL_ORDER = ['ELEMENTARY', 'MIDDLE', 'HIGH', 'NOT_IN_SCHOOL', 'ADULT'];
const MENTOR_LEVELS = ['ELEMENTARY', 'MIDDLE', 'HIGH', 'NOT_IN_SCHOOL'];
const MENTOR_FIELDS = ['subjects', 'levels', 'languages'];
const SUBJECTS = ['KOREAN', 'MATH', 'ENGLISH', 'SCIENCE', 'SOCIAL_STUDIES', 'COLLEGE_ADMISSION', 'CAREER', 'STUDY_HABITS'];
const FIELDS = ['district', 'preferredLanguage', 'guardianContact', 'schoolLevel', 'grade'];

let ctx = null;
let host = null;
let reg = null;
let mentor = null;

const $ = (id) => document.getElementById(id);

export async function enter(context, root) {
  ctx = context;
  host = root;
  useContext(ctx);
  pageTitle('details.title');
  showLoading(host, heading('details.title'));
  if ((ctx.me().groups ?? []).includes('mentors')) return mentorPage();
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

// ---- mentors ----

async function mentorPage() {
  const answer = await ctx.api('GET', '/me/mentor-profile');
  if (!ctx.current()) return {};
  if (!answer.ok) {
    showFailed(host, 'details.title', answer, { after: [homeLink()], arrive: true });
    return {};
  }
  mentor = answer.data;
  mentorForm();
  ctx.arrived(host);
  return {};
}

function mentorForm() {
  const parts = [
    checkboxes({ name: 'subjects', legend: 'details.mentorSubjects', items: SUBJECTS.map((v) => ({ value: v, key: `mentoring.subject.${v}` })), values: mentor.subjects }),
    checkboxes({ name: 'levels', legend: 'details.mentorLevels', items: MENTOR_LEVELS.map((v) => ({ value: v, key: LEVEL_KEYS[v] })), values: mentor.levels }),
    checkboxes({ name: 'languages', legend: 'details.mentorLanguages', hint: 'details.mentorLanguagesHint',
      items: Object.entries(LANGUAGE_KEYS).map(([value, key]) => ({ value, key })), values: mentor.languages }),
    button('details-save', 'details.save', null, { type: 'submit' }),
    statusLine('details-status'),
  ];
  host.replaceChildren(heading('details.title'), h('p', { i18n: 'details.mentorIntro' }),
    h('p', { class: 'inset', id: 'details-mentorships', i18n: 'details.mentorMatchesHint' }),
    h('form', { id: 'mentor-details-form', novalidate: true, onsubmit: saveMentor }, ...parts),
    h('p', {}, h('a', { id: 'details-availability', href: '#/mentoring', i18n: 'details.mentorAvailability' })), homeLink());
}

const same = (a, b) => a.length === b.length && a.every((v) => b.includes(v));

async function saveMentor(event) {
  event.preventDefault();
  clearErrors(host);
  const body = { version: mentor.version };
  const empty = [];
  for (const field of MENTOR_FIELDS) {
    const chosen = checkedValues(field);
    if (!chosen.length) empty.push({ field, message: { key: 'details.mentorChooseOne' } });
    else if (!same(chosen, mentor[field])) body[field] = chosen;
  }
  if (empty.length) return showErrors(host, empty);
  if (Object.keys(body).length === 1) {
    setStatus($('details-status'), { key: 'details.nothingChanged' });
    return;
  }
  await busy($('details-save'), async () => {
    const answer = await ctx.api('PATCH', '/me/mentor-profile', body);
    if (!ctx.current()) return;
    if (!answer.ok) {
      if (answer.problem?.code === 'version-conflict') {
        // changed elsewhere meanwhile: show what is stored now, with the reason
        const fresh = await ctx.api('GET', '/me/mentor-profile');
        if (fresh.ok) {
          mentor = fresh.data;
          mentorForm();
        }
      }
      showProblem(host, answer, { fields: MENTOR_FIELDS });
      return;
    }
    mentor = answer.data;
    setStatus($('details-status'), { key: 'details.saved' });
  });
}
