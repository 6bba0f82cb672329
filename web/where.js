// "Where do you live?" (#/where): the first step after sign-up. Cognito's sign-up page asks only
// for an e-mail and a password, so the app asks for the local government (the tenant) here,
// once; PUT /me/tenant keeps it on the account and opens the application there, and a new token
// (the pre-token trigger writes the tenant into it) makes the rest of the app that tenant's.

import {
  checkedValues, h, heading, homeLink, pageTitle, radios, showErrors, showFailed, showLoading, showProblem, tenantName, tenants,
  byTenantName, useContext,
} from './ui.js';

// The page the person was on its way to (router.js tenantStepFirst keeps it).
const AFTER_STORE = 'seoulLearn:afterWhere';
let ctx = null;
let host = null;

function takeAfterWhere() {
  try {
    const path = sessionStorage.getItem(AFTER_STORE);
    sessionStorage.removeItem(AFTER_STORE);
    return path && /^\/[\w/-]*$/.test(path) && path !== '/where' ? path : null;
  } catch {
    return null;
  }
}

export function enter(context, root) {
  ctx = context;
  host = root;
  useContext(ctx);
  pageTitle('where.title');
  showLoading(host, heading('where.title'));
  let list = null;
  // the partner areas come from the API (a new one needs no new code)
  tenants().then((answer) => {
    if (!ctx.current() || answer.stale) return;
    if (!answer.ok) return showFailed(host, 'where.title', answer, { keepTitle: true, after: [homeLink()], arrive: true });
    list = answer.data.items ?? [];
    draw(list);
    ctx.arrived(host);
  });
  return {
    languageChanged() {
      if (list && ctx.current()) draw(list, checkedValues('tenant')[0]);
    },
  };
}

function draw(list, chosenNow) {
  const me = ctx.me();
  if (me?.tenant) {
    // chosen once, for good: say where (a move is the programme office's to change)
    const mine = list.find((t) => t.tenant === me.tenant);
    host.replaceChildren(heading('where.title'),
      h('p', { id: 'where-chosen', i18n: 'where.chosen', args: { tenant: mine ? tenantName(mine) : me.tenant } }),
      h('p', { i18n: 'where.hint' }), homeLink());
    return;
  }
  const form = h('form', { id: 'where-form', novalidate: true, onsubmit: choose },
    radios({ name: 'tenant', legend: 'where.legend', hint: 'where.hint', value: chosenNow,
      items: byTenantName(list).map((t) => ({ value: t.tenant, text: tenantName(t) })) }),
    h('button', { type: 'submit', class: 'button', id: 'where-continue', i18n: 'where.continue' }));
  host.replaceChildren(heading('where.title'), h('p', { i18n: 'where.lead' }), form);
}

async function choose(event) {
  event.preventDefault();
  const button = document.getElementById('where-continue');
  const [tenant] = checkedValues('tenant');
  if (!tenant) {
    showErrors(host, [{ field: 'tenant', message: { key: 'where.required' } }]);
    return;
  }
  button.disabled = true;
  const answer = await ctx.api('PUT', '/me/tenant', { tenant });
  if (!ctx.current()) return;
  if (!answer.ok) {
    button.disabled = false;
    showProblem(host, answer, { fields: ['tenant'] });
    return;
  }
  // the tenant reaches the app in a new ID token (the pre-token trigger writes it)
  await ctx.refreshSession();
  ctx.navigate(takeAfterWhere() ?? '/register', { replace: true });
}
