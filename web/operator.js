// The shared catalogue (#/operator) for the catalogue operators: every provider with its state,
// adding or changing one (names, levels, access link), a provider leaving the programme with a
// grace period, and adding, changing or removing a course. Tenants' admins are told this is the
// operator's work; the server's refusals arrive in the reader's language.

import {
  LEVEL_KEYS, busy, checkboxes, checkedValues, clearErrors, h, heading, homeLink, pageTitle, selectField, setStatus,
  showFailed, showLoading, showProblem, statusLine, textField, useContext,
} from './ui.js';
import { SUBJECT_KEYS } from './catalog.js';
import { PROVIDER_STATUS_KEYS } from './staff.js';
import { courseImportSection } from './course-import.js';

let ctx = null;
let host = null;

const $ = (id) => document.getElementById(id);
const value = (id) => $(id).value.trim();
const int = (id) => (/^\d{1,6}$/.test(value(id)) ? Number(value(id)) : null);
const providerPath = (id) => `/admin/providers/${encodeURIComponent(id)}`;
const coursePath = (id) => `/admin/courses/${encodeURIComponent(id)}`;
const PROVIDER_ID = /^[a-z][a-z0-9-]{1,30}$/;
const COURSE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function enter(context, root) {
  ctx = context;
  host = root;
  useContext(ctx);
  pageTitle('operator.title');
  const groups = ctx.me().groups ?? [];
  if (!groups.includes('catalogue-operators')) {
    host.replaceChildren(heading('operator.title'),
      h('p', { id: 'not-operator', i18n: groups.includes('admins') ? 'operator.adminsAsk' : 'operator.notOperator' }), homeLink());
    ctx.arrived(host);
    return {};
  }
  load();
  return {};
}

async function load() {
  showLoading(host, heading('operator.title'));
  const answer = await ctx.publicApi('GET', '/catalog/providers');
  if (answer.stale) return;
  if (!answer.ok) return showFailed(host, 'operator.title', answer, { keepTitle: true, after: [homeLink()], arrive: true });
  const providers = answer.data.items ?? [];
  host.replaceChildren(heading('operator.title'), h('p', { i18n: 'operator.intro' }),
    providersList(providers), providerForm(), leaveForm(providers), courseForm(providers), courseImportSection(ctx, host), removeCourseForm(), homeLink());
  ctx.arrived(host);
}

const nameOf = (p) => (ctx.language() === 'ko' ? p.name?.ko : p.name?.en) || p.providerId;

function providersList(providers) {
  return h('section', { 'aria-labelledby': 'op-providers-heading', id: 'op-providers' },
    h('h2', { id: 'op-providers-heading', i18n: 'operator.providers' }),
    h('ul', { class: 'list', id: 'op-provider-list' }, providers.map((p) => h('li', { id: `op-provider-${p.providerId}` },
      h('strong', {}, nameOf(p)), ' ', h('span', { class: 'hint' }, p.providerId), ' — ',
      h('span', { i18n: PROVIDER_STATUS_KEYS[p.status] ?? PROVIDER_STATUS_KEYS.ACTIVE }),
      p.graceUntil ? [' ', h('span', { i18n: 'staff.graceUntil', args: { date: { date: p.graceUntil } } })] : null))));
}

function fail(fields, errors) {
  showProblem(host, { problem: { code: 'validation-failed', errors } }, { fields });
}

function section(id, titleKey, form) {
  return h('section', { 'aria-labelledby': `${id}-heading`, id }, h('h2', { id: `${id}-heading`, i18n: titleKey }), form);
}

function providerForm() {
  const status = statusLine('provider-save-status');
  const save = h('button', { type: 'submit', class: 'button', id: 'save-provider', i18n: 'operator.provider.save' });
  const fields = ['providerId', 'nameKo', 'nameEn', 'levels', 'accessUrlTemplate'];
  return section('op-provider', 'operator.provider.title', h('form', { id: 'provider-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    busy(save, async () => {
      clearErrors(host);
      const id = value('providerId');
      if (!PROVIDER_ID.test(id)) return fail(fields, [{ field: 'providerId', code: 'invalid-value' }]);
      const body = { nameKo: value('nameKo'), nameEn: value('nameEn'), levels: checkedValues('levels'), accessUrlTemplate: value('accessUrlTemplate') };
      const answer = await ctx.api('PUT', providerPath(id), body);
      if (answer.stale) return;
      if (!answer.ok) return showProblem(host, answer, { fields });
      setStatus(status, { key: 'operator.provider.saved', args: { name: nameOf(answer.data) } });
    });
  } },
  textField({ name: 'providerId', label: 'operator.provider.id', hint: 'operator.provider.idHint', autocomplete: 'off', spellcheck: 'false', maxlength: 40 }),
  textField({ name: 'nameKo', label: 'operator.provider.nameKo', maxlength: 60 }),
  textField({ name: 'nameEn', label: 'operator.provider.nameEn', maxlength: 60 }),
  checkboxes({ name: 'levels', legend: 'operator.provider.levels', items: Object.entries(LEVEL_KEYS).map(([v, key]) => ({ value: v, key })) }),
  textField({ name: 'accessUrlTemplate', label: 'operator.provider.url', hint: 'operator.provider.urlHint', type: 'url', maxlength: 300, spellcheck: 'false' }),
  save, status));
}

function providerOptions(providers) {
  return providers.map((p) => ({ value: p.providerId, key: 'operator.providerOption', args: { name: nameOf(p), id: p.providerId } }));
}

function leaveForm(providers) {
  const status = statusLine('leave-status');
  const leave = h('button', { type: 'submit', class: 'button button-secondary', id: 'provider-leaves', i18n: 'operator.leave.send' });
  const fields = ['leaveProvider', 'graceUntil'];
  return section('op-leave', 'operator.leave.title', h('form', { id: 'leave-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    busy(leave, async () => {
      clearErrors(host);
      const id = value('leaveProvider');
      if (!id) return fail(fields, [{ field: 'leaveProvider', code: 'required' }]);
      if (!value('graceUntil')) return fail(fields, [{ field: 'graceUntil', code: 'required' }]);
      const answer = await ctx.api('POST', `${providerPath(id)}/leave`, { graceUntil: value('graceUntil') });
      if (answer.stale) return;
      if (!answer.ok) return showProblem(host, answer, { fields });
      setStatus(status, { key: 'operator.leave.sent', args: { name: nameOf(answer.data), date: { date: answer.data.graceUntil } } });
    });
  } },
  h('p', { class: 'hint', i18n: 'operator.leave.hint' }),
  selectField({ name: 'leaveProvider', label: 'operator.leave.provider', options: providerOptions(providers), placeholder: 'operator.choose' }),
  textField({ name: 'graceUntil', label: 'operator.leave.graceUntil', hint: 'operator.leave.graceHint', type: 'date', width: 10 }),
  leave, status));
}

function courseForm(providers) {
  const status = statusLine('course-status');
  const save = h('button', { type: 'submit', class: 'button', id: 'save-course', i18n: 'operator.course.save' });
  const fields = ['courseId', 'level', 'grade', 'subject', 'titleKo', 'titleEn', 'lecturerKo', 'lecturerEn', 'minutes', 'lessons'];
  return section('op-course', 'operator.course.title', h('form', { id: 'course-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    busy(save, async () => {
      clearErrors(host);
      const id = value('courseId');
      if (!COURSE_ID.test(id)) return fail(fields, [{ field: 'courseId', code: 'invalid-value' }]);
      const body = {
        providerId: value('courseProvider'), level: value('level'), subject: value('subject'),
        titleKo: value('titleKo'), titleEn: value('titleEn'), minutes: int('minutes'), lessons: int('lessons'),
      };
      if (value('grade')) body.grade = int('grade');
      if (value('lecturerKo')) body.lecturerKo = value('lecturerKo');
      if (value('lecturerEn')) body.lecturerEn = value('lecturerEn');
      const answer = await ctx.api('PUT', coursePath(id), body);
      if (answer.stale) return;
      if (!answer.ok) return showProblem(host, answer, { fields: [...fields, 'courseProvider'] });
      setStatus(status, { key: answer.data.created ? 'operator.course.created' : 'operator.course.changed', args: { id } });
    });
  } },
  textField({ name: 'courseId', label: 'operator.course.id', hint: 'operator.course.idHint', autocomplete: 'off', spellcheck: 'false', maxlength: 40 }),
  selectField({ name: 'courseProvider', label: 'operator.course.provider', options: providerOptions(providers), placeholder: 'operator.choose' }),
  selectField({ name: 'level', label: 'operator.course.level', options: Object.entries(LEVEL_KEYS).map(([v, key]) => ({ value: v, key })), placeholder: 'operator.choose' }),
  textField({ name: 'grade', label: 'operator.course.grade', hint: 'operator.course.gradeHint', inputmode: 'numeric', width: 2 }),
  selectField({ name: 'subject', label: 'operator.course.subject', options: Object.entries(SUBJECT_KEYS).map(([v, key]) => ({ value: v, key })), placeholder: 'operator.choose' }),
  textField({ name: 'titleKo', label: 'operator.course.titleKo', maxlength: 120 }),
  textField({ name: 'titleEn', label: 'operator.course.titleEn', maxlength: 120 }),
  textField({ name: 'lecturerKo', label: 'operator.course.lecturerKo', maxlength: 40 }),
  textField({ name: 'lecturerEn', label: 'operator.course.lecturerEn', maxlength: 40 }),
  textField({ name: 'minutes', label: 'operator.course.minutes', inputmode: 'numeric', width: 5 }),
  textField({ name: 'lessons', label: 'operator.course.lessons', inputmode: 'numeric', width: 4 }),
  save, status));
}

function removeCourseForm() {
  const status = statusLine('remove-status');
  const remove = h('button', { type: 'submit', class: 'button button-secondary', id: 'remove-course', i18n: 'operator.remove.send' });
  return section('op-remove', 'operator.remove.title', h('form', { id: 'remove-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    busy(remove, async () => {
      clearErrors(host);
      const id = value('removeId');
      if (!COURSE_ID.test(id)) return fail(['removeId'], [{ field: 'removeId', code: 'invalid-value' }]);
      const answer = await ctx.api('DELETE', coursePath(id));
      if (answer.stale) return;
      if (!answer.ok) return showProblem(host, answer);
      setStatus(status, { key: 'operator.remove.done', args: { id } });
      $('removeId').value = '';
    });
  } },
  textField({ name: 'removeId', label: 'operator.course.id', autocomplete: 'off', spellcheck: 'false', maxlength: 40 }),
  remove, status));
}
