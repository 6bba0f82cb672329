// Signing in and out: OAuth 2.0 authorization code + PKCE (S256) against Cognito's hosted login
// (the local cloud's login page locally), the tokens it gives (kept in sessionStorage, with the
// PKCE secret and the page to come back to), and signing out at the login service.

// Tokens and the PKCE secret must not outlive the tab.
const PKCE_STORE = 'seoulLearn:pkce';
const TOKENS_STORE = 'seoulLearn:tokens';
// Where to go back to after the login page (the callback URL is always the site root).
const RETURN_STORE = 'seoulLearn:returnTo';
// OAuth error codes from the authorize redirect; the user only needs to know cancelled vs failed.
const OAUTH_ERROR_KEYS = { access_denied: 'error.signInCancelled' };

// The login service from config.json: authorizeUrl, signupUrl, tokenUrl, logoutUrl, clientId,
// redirectUri, scopes, and identityApiUrl (Cognito's user-pools API, for the TOTP set-up).
let settings = null;

// The login page's language (its lang parameter): Cognito's managed login offers ko, en and
// zh-CN of ours, not Vietnamese, and shows English for a code it does not know. Vietnamese
// readers get English on purpose (docs/adr/0025), and the start page tells them so.
const LOGIN_LANGUAGES = { ko: 'ko', en: 'en', zh: 'zh-CN' };
const FALLBACK_LOGIN_LANGUAGE = 'en';

/** The lang parameter of the login page for a page language. */
export const loginLanguage = (language) => LOGIN_LANGUAGES[language] ?? FALLBACK_LOGIN_LANGUAGE;

/** True when the login page cannot speak the page's language (it then speaks English). */
export const loginSpeaksOtherLanguage = (language) => !(language in LOGIN_LANGUAGES);

// Storage can throw (blocked cookies, private modes); the page still works without it.
const session = {
  get(key) { try { return sessionStorage.getItem(key); } catch { return null; } },
  set(key, value) { try { sessionStorage.setItem(key, value); } catch { /* not kept */ } },
  remove(key) { try { sessionStorage.removeItem(key); } catch { /* nothing kept */ } },
  clear() { try { sessionStorage.clear(); } catch { /* nothing kept */ } },
};

function readJson(key) {
  try { return JSON.parse(session.get(key)); } catch { return null; }
}

export function useLoginService(config) {
  settings = config;
}

export const canSignUp = () => Boolean(settings?.signupUrl);

/** The tokens of this tab ({ idToken, accessToken, refreshToken, expiresAt }), or null. */
export function readTokens() {
  const tokens = readJson(TOKENS_STORE);
  return tokens?.idToken ? tokens : null;
}

/** The tokens, when they have not expired yet; else null. */
export function validTokens() {
  const tokens = readTokens();
  return tokens && tokens.expiresAt > Date.now() ? tokens : null;
}

function saveTokens(answer) {
  const lifetime = Number(answer.expires_in) > 0 ? Number(answer.expires_in) : 3600;
  session.set(TOKENS_STORE, JSON.stringify({
    idToken: answer.id_token,
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    expiresAt: Date.now() + lifetime * 1000,
  }));
}

export function dropTokens() {
  session.remove(TOKENS_STORE);
}

function base64url(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const randomString = (byteCount) => base64url(crypto.getRandomValues(new Uint8Array(byteCount)));

async function codeChallenge(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function withParams(base, params) {
  const url = new URL(base, location.href);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

/**
 * Sends the browser to the login page (signUp: the sign-up page) with a new authorization
 * request in `language`; returnTo is the route to open afterwards. Answers null on the way out,
 * or the message key of what went wrong (the button is enabled again).
 */
export async function authorize(button, { signUp = false, returnTo = null, language }) {
  button.disabled = true;
  try {
    const state = randomString(32);
    const verifier = randomString(64); // 86 characters, within RFC 7636's 43–128
    const challenge = await codeChallenge(verifier);
    session.set(PKCE_STORE, JSON.stringify({ state, verifier }));
    if (returnTo) session.set(RETURN_STORE, returnTo);
    else session.remove(RETURN_STORE);
    location.assign(withParams(signUp ? settings.signupUrl || settings.authorizeUrl : settings.authorizeUrl, {
      response_type: 'code',
      client_id: settings.clientId,
      redirect_uri: settings.redirectUri,
      scope: settings.scopes,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      lang: loginLanguage(language),
    }));
    return null;
  } catch {
    button.disabled = false;
    return 'error.signInFailed';
  }
}

/** True when the address is the login page's answer (?code&state, or ?error). */
export function isSignInAnswer(params) {
  return params.has('code') || params.has('error');
}

/**
 * Back on redirectUri with ?code&state (or ?error): trades the code for tokens. Answers null
 * when signed in, else the message key of what went wrong.
 */
export async function finishSignIn(params) {
  const url = new URL(location.href);
  for (const name of ['code', 'state', 'error', 'error_description', 'error_uri']) url.searchParams.delete(name);
  const returnTo = session.get(RETURN_STORE);
  session.remove(RETURN_STORE);
  if (returnTo && /^\/[\w/-]*$/.test(returnTo) && !url.hash) url.hash = `#${returnTo}`;
  history.replaceState(history.state, '', url.href); // a reload must not replay the code
  const pending = readJson(PKCE_STORE);
  session.remove(PKCE_STORE);

  const error = params.get('error');
  if (error) return OAUTH_ERROR_KEYS[error] ?? 'error.signInFailed';
  if (!pending?.state || !pending.verifier || params.get('state') !== pending.state) return 'error.signInFailed';
  try {
    const res = await fetch(settings.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: settings.clientId,
        code: params.get('code'),
        redirect_uri: settings.redirectUri,
        code_verifier: pending.verifier,
      }),
    });
    const answer = res.ok ? await res.json() : null;
    if (!answer?.id_token) return 'error.signInFailed';
    saveTokens(answer);
    return null;
  } catch (err) {
    return err instanceof TypeError ? 'error.network' : 'error.signInFailed';
  }
}

/**
 * New tokens from the refresh token (the pre-token trigger runs again, so a tenant just chosen
 * or a group just joined reaches the ID token). Answers true when the tab has new tokens.
 */
export async function refreshTokens() {
  const tokens = readTokens();
  if (!tokens?.refreshToken) return false;
  try {
    const res = await fetch(settings.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: settings.clientId, refresh_token: tokens.refreshToken }),
    });
    const answer = res.ok ? await res.json() : null;
    if (!answer?.id_token) return false;
    saveTokens({ ...answer, refresh_token: answer.refresh_token ?? tokens.refreshToken });
    return true;
  } catch {
    return false;
  }
}

/** The e-mail the ID token of this tab names (for the authenticator app's account label), or ''. */
export function signedInEmail() {
  try {
    const claims = JSON.parse(atob(readTokens().idToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return typeof claims.email === 'string' ? claims.email : '';
  } catch {
    return '';
  }
}

/**
 * Calls an action of Cognito's user-pools API (config.json identityApiUrl; AWS JSON 1.1) with
 * this tab's access token, straight from the browser: the TOTP set-up (AssociateSoftwareToken,
 * VerifySoftwareToken, SetUserMFAPreference). Our API never sees the access token. Answers
 * { ok: true, data }, { ok: false, type } (Cognito's error type, e.g. 'EnableSoftwareTokenMFAException')
 * or { ok: false, network: true }.
 */
export async function identityApi(action, body = {}) {
  const tokens = validTokens();
  if (!tokens?.accessToken || !settings?.identityApiUrl) return { ok: false, type: 'NotAuthorizedException' };
  let res;
  try {
    res = await fetch(settings.identityApiUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}` },
      body: JSON.stringify({ ...body, AccessToken: tokens.accessToken }),
    });
  } catch {
    return { ok: false, network: true };
  }
  const data = await res.json().catch(() => ({}));
  if (res.ok) return { ok: true, data };
  return { ok: false, type: String(data?.__type ?? '').split('#').pop() };
}

/** Forgets everything this tab kept (tokens, PKCE secret, the page to come back to). */
export function forgetSession() {
  session.clear();
}

/** Sends the browser to the login service's sign-out; false when there is none to go to. */
export function signOutAtLoginService() {
  if (!settings?.logoutUrl) return false;
  location.assign(withParams(settings.logoutUrl, {
    client_id: settings.clientId,
    logout_uri: settings.redirectUri,
  }));
  return true;
}
