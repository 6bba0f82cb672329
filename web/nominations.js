// Mentor nominations from partner universities (#/nominations, reviewers and admins of the tenant,
// docs/adr/0042): a CSV file of students (name, e-mail, university, subjects, language) is sent as
// it is (text/csv) and checked whole by the server; when any line is wrong nothing is saved and
// every wrong cell is listed (the course import's table); otherwise how many were nominated into
// the open round (each is e-mailed an invitation to apply) and how many were nominated before.

import { busy, clearErrors, h, heading, homeLink, pageTitle, setStatus, showProblem, statusLine, useContext } from './ui.js';
import { showRows } from './course-import.js';

const COLUMNS = 'name,email,university,subjects,language';
const COLUMN_KEYS = {
  name: 'nominations.column.name', email: 'nominations.column.email', university: 'nominations.column.university',
  subjects: 'nominations.column.subjects', language: 'nominations.column.language', file: 'operator.import.wholeLine',
};

export function enter(ctx, host) {
  useContext(ctx);
  pageTitle('nominations.title');
  const groups = ctx.me().groups ?? [];
  if (!groups.includes('reviewers') && !groups.includes('admins')) {
    host.replaceChildren(heading('nominations.title'), h('p', { id: 'not-recruitment-admin', i18n: 'nominations.notForYou' }), homeLink());
    ctx.arrived(host);
    return {};
  }
  const status = statusLine('nominations-status');
  const result = h('div', { id: 'nominations-result' });
  const send = h('button', { type: 'submit', class: 'button', id: 'send-nominations', i18n: 'nominations.send' });
  const form = h('form', { id: 'nominations-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    busy(send, async () => {
      clearErrors(host);
      result.replaceChildren();
      setStatus(status, null);
      const file = document.getElementById('nominations-file').files?.[0];
      if (!file) {
        return showProblem(host, { problem: { code: 'validation-failed', errors: [{ field: 'nominations-file', code: 'required' }] } },
          { fields: ['nominations-file'] });
      }
      const answer = await ctx.api('POST', '/recruitment/nominations/import', new Blob([file], { type: 'text/csv' }));
      if (answer.stale) return;
      const rows = answer.problem?.code === 'validation-failed' && Array.isArray(answer.problem.errors)
        && answer.problem.errors.every((x) => Number.isInteger(x.line)) ? answer.problem.errors : null;
      if (!answer.ok && rows) return showRows(result, rows, COLUMN_KEYS);
      if (!answer.ok) return showProblem(host, answer, { fields: ['nominations-file'] });
      const r = answer.data;
      setStatus(status, { key: 'nominations.done', args: { rows: r.rows, created: r.created, unchanged: r.unchanged } });
    });
  } },
  h('p', { class: 'hint', id: 'nominations-hint', i18n: 'nominations.hint' }),
  h('p', { class: 'hint' }, h('code', { id: 'nominations-columns' }, COLUMNS)),
  h('p', { class: 'hint', id: 'nominations-not-mentors', i18n: 'nominations.notMentors' }),
  h('div', { class: 'field', id: 'field-nominations-file' },
    h('label', { class: 'label', for: 'nominations-file', i18n: 'nominations.label' }),
    h('input', { type: 'file', id: 'nominations-file', name: 'nominations-file', accept: '.csv,text/csv', class: 'input',
      'aria-describedby': 'nominations-hint', 'data-control': true })),
  send, status, result);
  host.replaceChildren(heading('nominations.title'), form, homeLink());
  ctx.arrived(host);
  return {};
}
