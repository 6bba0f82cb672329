// Many courses from one CSV file, on the catalogue page (#/operator) of the catalogue operators:
// the file is sent as it is (text/csv) and checked whole by the server; when any line is wrong
// nothing is saved and every wrong cell is listed in a table (line, column, what is wrong — the
// server's message, in the reader's language); otherwise what was added, changed and left alone.

import { busy, clearErrors, fieldMessage, h, setStatus, showProblem, statusLine } from './ui.js';

const COLUMN_KEYS = {
  courseId: 'operator.course.id', providerId: 'operator.course.provider', level: 'operator.course.level',
  grade: 'operator.course.grade', subject: 'operator.course.subject', titleKo: 'operator.course.titleKo',
  titleEn: 'operator.course.titleEn', lecturerKo: 'operator.course.lecturerKo', lecturerEn: 'operator.course.lecturerEn',
  minutes: 'operator.course.minutes', lessons: 'operator.course.lessons', file: 'operator.import.wholeLine',
};

/** The import section: ctx (the page's context), host (where the error summary goes). */
export function courseImportSection(ctx, host) {
  const status = statusLine('import-status');
  const result = h('div', { id: 'import-result' });
  const send = h('button', { type: 'submit', class: 'button', id: 'send-import', i18n: 'operator.import.send' });
  const form = h('form', { id: 'import-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    busy(send, async () => {
      clearErrors(host);
      result.replaceChildren();
      setStatus(status, null);
      const file = document.getElementById('import-file').files?.[0];
      if (!file) {
        return showProblem(host, { problem: { code: 'validation-failed', errors: [{ field: 'import-file', code: 'required' }] } },
          { fields: ['import-file'] });
      }
      const answer = await ctx.api('POST', '/admin/courses/import', new Blob([file], { type: 'text/csv' }));
      if (answer.stale) return;
      const rows = answer.problem?.code === 'validation-failed' && Array.isArray(answer.problem.errors)
        && answer.problem.errors.every((e) => Number.isInteger(e.line)) ? answer.problem.errors : null;
      if (!answer.ok && rows) return showRows(result, rows, COLUMN_KEYS);
      if (!answer.ok) return showProblem(host, answer, { fields: ['import-file'] });
      const r = answer.data;
      setStatus(status, { key: 'operator.import.done', args: { rows: r.rows, created: r.created, changed: r.changed, unchanged: r.unchanged } });
    });
  } },
  h('p', { class: 'hint', id: 'import-hint', i18n: 'operator.import.hint' }),
  h('p', { class: 'hint' }, h('code', { id: 'import-columns' }, 'courseId,providerId,level,grade,subject,titleKo,titleEn,lecturerKo,lecturerEn,minutes,lessons')),
  h('div', { class: 'field', id: 'field-import-file' },
    h('label', { class: 'label', for: 'import-file', i18n: 'operator.import.label' }),
    h('input', { type: 'file', id: 'import-file', name: 'import-file', accept: '.csv,text/csv', class: 'input', 'aria-describedby': 'import-hint', 'data-control': true })),
  send, status, result);
  return h('section', { 'aria-labelledby': 'op-import-heading', id: 'op-import' },
    h('h2', { id: 'op-import-heading', i18n: 'operator.import.title' }), form);
}

/**
 * Every wrong cell in a table; focus goes to its heading so the reader hears it first (the
 * nominations page uses it too: columnKeys names the columns in the reader's language).
 */
export function showRows(result, rows, columnKeys) {
  const heading = h('h3', { id: 'import-errors-heading', tabindex: '-1', i18n: 'operator.import.errorsTitle', args: { n: rows.length } });
  const table = h('table', { class: 'table', id: 'import-errors', 'aria-labelledby': 'import-errors-heading' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', i18n: 'operator.import.line' }),
      h('th', { scope: 'col', i18n: 'operator.import.column' }),
      h('th', { scope: 'col', i18n: 'operator.import.problem' }))),
    h('tbody', {}, rows.map((e) => h('tr', { class: 'import-error', 'data-code': e.code, 'data-field': e.field },
      h('td', {}, String(e.line)),
      h('td', {}, columnKeys[e.field] ? h('span', { i18n: columnKeys[e.field] }) : String(e.field ?? '')),
      h('td', {}, e.message ? String(e.message) : h('span', { i18n: fieldMessage(e.field, e.code).key }))))));
  result.replaceChildren(h('div', { class: 'error-summary', role: 'alert', id: 'import-summary' }, heading,
    h('p', { i18n: 'operator.import.nothingSaved' }), h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'import-errors-heading' }, table)));
  heading.focus();
}
