// "Set up your authenticator app" (#/authenticator): staff — reviewers, district officers, admins,
// catalogue operators — sign in with a password and a TOTP code, and the API refuses their tokens
// without it (second-factor-required). With MFA OPTIONAL, Cognito's managed login never offers the
// set-up, so the app does (docs/adr/0024): with the person's own access token it asks Cognito's
// user-pools API for a new key (AssociateSoftwareToken), shows it as text and as an otpauth://
// address, takes a code from the authenticator app (VerifySoftwareToken), turns TOTP on
// (SetUserMFAPreference) and signs in again, where Cognito now asks for the code and the new token
// carries the second factor. The browser talks to Cognito itself: our API never sees the access token.

import {
  busy, h, heading, homeLink, pageTitle, showErrors, showLoading, statusLine, setStatus, textField, useContext,
} from './ui.js';

// The page the person was on their way to (router.js keeps it), opened after signing in again.
const AFTER_STORE = 'seoulLearn:afterAuthenticator';
const ISSUER = 'Seoul Learn';
let ctx = null;
let host = null;
let secret = null;

function afterSetUp() {
  try {
    const path = sessionStorage.getItem(AFTER_STORE);
    sessionStorage.removeItem(AFTER_STORE);
    return path && /^\/[\w/-]*$/.test(path) && path !== '/authenticator' ? path : null;
  } catch {
    return null;
  }
}

export function enter(context, root) {
  ctx = context;
  host = root;
  secret = null;
  useContext(ctx);
  pageTitle('authenticator.title');
  if (!ctx.needsSecondFactor()) {
    // learners, mentors, and staff whose sign-in already used the code: nothing to set up here
    host.replaceChildren(heading('authenticator.title'), h('p', { id: 'authenticator-not-needed', i18n: 'authenticator.notNeeded' }), homeLink());
    ctx.arrived(host);
    return {};
  }
  showLoading(host, heading('authenticator.title'));
  ctx.identityApi('AssociateSoftwareToken').then((answer) => {
    if (!ctx.current()) return;
    if (answer.ok && typeof answer.data?.SecretCode === 'string') {
      secret = answer.data.SecretCode;
      draw();
    } else {
      host.replaceChildren(heading('authenticator.title'));
      failed(answer);
    }
    ctx.arrived(host);
  });
  return {};
}

/** The key URI authenticator apps read (Google's "Key Uri Format"): issuer, account, Base32 key. */
function keyUri() {
  const account = ctx.signedInEmail();
  const label = encodeURIComponent(account ? `${ISSUER}:${account}` : ISSUER);
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(ISSUER)}&algorithm=SHA1&digits=6&period=30`;
}

function draw() {
  const uri = keyUri();
  // groups of four letters are easier to type into an app by hand
  const grouped = secret.match(/.{1,4}/g).join(' ');
  const form = h('form', { id: 'authenticator-form', novalidate: true, onsubmit: confirm },
    textField({ name: 'code', label: 'authenticator.code', hint: 'authenticator.codeHint', inputmode: 'numeric',
      autocomplete: 'one-time-code', maxlength: 6, width: '6', spellcheck: 'false' }),
    h('button', { type: 'submit', class: 'button', id: 'authenticator-confirm', i18n: 'authenticator.confirm' }));
  host.replaceChildren(heading('authenticator.title'),
    h('p', { i18n: 'authenticator.lead' }),
    h('ol', { class: 'steps' },
      h('li', { i18n: 'authenticator.step1' }),
      h('li', {}, h('span', { i18n: 'authenticator.step2' }),
        h('p', {}, h('span', { i18n: 'authenticator.key' }), ' ', h('code', { id: 'totp-secret', class: 'secret' }, grouped)),
        h('p', {}, h('a', { id: 'totp-link', href: uri, i18n: 'authenticator.link' })),
        h('p', { class: 'hint' }, h('span', { i18n: 'authenticator.uri' }), ' ', h('code', { id: 'totp-uri', class: 'secret' }, uri))),
      h('li', { i18n: 'authenticator.step3' })),
    form,
    statusLine('authenticator-status'));
}

async function confirm(event) {
  event.preventDefault();
  const button = document.getElementById('authenticator-confirm');
  const code = document.getElementById('code').value.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(code)) {
    showErrors(host, [{ field: 'code', message: { key: 'authenticator.codeFormat' } }]);
    return;
  }
  await busy(button, async () => {
    const verified = await ctx.identityApi('VerifySoftwareToken', { UserCode: code, FriendlyDeviceName: ISSUER });
    if (!ctx.current()) return;
    if (!verified.ok) {
      failed(verified);
      return;
    }
    const on = await ctx.identityApi('SetUserMFAPreference', { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    if (!ctx.current()) return;
    if (!on.ok) {
      failed(on);
      return;
    }
    setStatus(document.getElementById('authenticator-status'), { key: 'authenticator.done' });
    // the next sign-in asks for the code, and its token carries the second factor
    await ctx.signInAgain(afterSetUp());
  });
}

/** What Cognito refused, in the reader's words. */
function failed(answer) {
  if (answer.network) {
    showErrors(host, [{ message: { key: 'error.network' } }]);
  } else if (answer.type === 'EnableSoftwareTokenMFAException' || answer.type === 'CodeMismatchException') {
    showErrors(host, [{ field: 'code', message: { key: 'authenticator.wrongCode' } }]);
  } else if (answer.type === 'NotAuthorizedException') {
    // the access token expired (an hour) or was refused: a new sign-in gives a new one
    showErrors(host, [{ message: { key: 'authenticator.expired' } }], {
      actions: h('p', {}, h('button', {
        type: 'button', class: 'button', id: 'authenticator-sign-in', i18n: 'action.signInAgain', onclick: () => ctx.signInAgain('/authenticator'),
      })),
    });
  } else {
    showErrors(host, [{ message: { key: 'error.server' } }]);
  }
}
