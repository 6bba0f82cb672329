// "Close my account" (#/leave): withdrawal from the programme. The page says what happens, asks
// the person to confirm that they understand it cannot be undone, then sends DELETE /me with
// {"confirm": true}. A laptop on loan is refused by the API (laptop-loan-active), shown in the
// person's language. After it, the session is forgotten: the account no longer exists.

import { forgetSession } from './auth.js';
import { STAFF_GROUPS, forgetWhoIsSignedIn } from './shell.js';
import { checkedValues, checkboxes, h, heading, homeLink, pageTitle, showErrors, showProblem, useContext } from './ui.js';

let ctx = null;
let host = null;

export function enter(context, root) {
  ctx = context;
  host = root;
  useContext(ctx);
  pageTitle('leave.title');
  // a staff account is the city's: an administrator closes it (the API answers 403)
  if ((ctx.me()?.groups ?? []).some((g) => STAFF_GROUPS.includes(g))) {
    host.replaceChildren(heading('leave.title'), h('p', { id: 'leave-not-staff', i18n: 'leave.notStaff' }), homeLink());
    ctx.arrived(host);
    return {};
  }
  const form = h('form', { id: 'leave-form', novalidate: true, onsubmit: leave },
    checkboxes({ name: 'understood', legend: 'leave.confirmLegend', items: [{ value: 'yes', key: 'leave.confirm' }] }),
    h('button', { type: 'submit', class: 'button button-danger', id: 'leave-submit', i18n: 'leave.submit' }));
  host.replaceChildren(heading('leave.title'),
    h('p', { i18n: 'leave.lead' }),
    h('ul', {}, ['leave.whatSeats', 'leave.whatSessions', 'leave.whatLaptop', 'leave.whatData', 'leave.whatKept']
      .map((key) => h('li', { i18n: key }))),
    form, homeLink());
  ctx.arrived(host);
  return {};
}

async function leave(event) {
  event.preventDefault();
  if (checkedValues('understood').length === 0) {
    showErrors(host, [{ field: 'understood', message: { key: 'leave.confirmRequired' } }]);
    return;
  }
  const button = document.getElementById('leave-submit');
  button.disabled = true;
  const answer = await ctx.api('DELETE', '/me', { confirm: true });
  if (!ctx.current()) return;
  if (!answer.ok) {
    button.disabled = false;
    showProblem(host, answer, { fields: ['understood'] });
    return;
  }
  forgetSession();
  forgetWhoIsSignedIn();
  host.replaceChildren(heading('leave.doneTitle'), h('p', { id: 'leave-done', role: 'status', i18n: 'leave.done' }));
}
