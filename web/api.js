// The API client: calls with the ID token and the page language, and the answers read the same
// way for every page (problem+json, already in the reader's language, or what went wrong).

import { currentLanguage } from './i18n.js';
import { validTokens } from './auth.js';

const ACCEPT = 'application/json, application/problem+json';

let apiBase = '';
// Called when the API refuses the token (or it has expired): the shell signs the reader out.
let sessionEnded = () => {};

/** base: config.json's apiBase; onSessionEnded: what to do when the token is refused or gone. */
export function useApi(base, onSessionEnded) {
  apiBase = base.replace(/\/+$/, '');
  sessionEnded = onSessionEnded;
}

const apiUrl = (path) => `${apiBase}${path}`;

function headers(tokens, extra = {}) {
  return {
    ...(tokens ? { Authorization: `Bearer ${tokens.idToken}` } : {}),
    'Accept-Language': currentLanguage(),
    ...extra,
  };
}

/** The problem+json of a refused answer, or null when it was not one. */
export async function readProblem(res) {
  if (!/json/i.test(res.headers.get('Content-Type') || '')) return null;
  try {
    const body = await res.json();
    return body && typeof body === 'object' && (body.code || body.title) ? body : null;
  } catch {
    return null;
  }
}

/**
 * Sends a request and reads its answer: { ok, status, data } (read by `read`), or { ok: false,
 * status, problem } (problem+json, already localised by the server; null when the answer was
 * not one), { network: true } when nothing came back, and { stale: true } when the page that
 * asked is gone (current() is false) or the session ended on the way (401).
 */
async function call(path, init, current, { endOn401 = false, read = (res) => res.json() } = {}) {
  let res;
  try {
    res = await fetch(apiUrl(path), init);
  } catch {
    return current() ? { ok: false, status: 0, network: true, problem: null } : { ok: false, stale: true };
  }
  if (!current()) return { ok: false, status: res.status, stale: true };
  if (endOn401 && res.status === 401) {
    sessionEnded();
    return { ok: false, status: 401, stale: true };
  }
  if (!res.ok) return { ok: false, status: res.status, problem: await readProblem(res) };
  try {
    return { ok: true, status: res.status, ...await read(res) };
  } catch {
    return { ok: false, status: res.status, problem: null };
  }
}

// With the token of this tab; without a valid one the session is over before anything is sent.
function withToken(send) {
  const tokens = validTokens();
  if (!tokens) {
    sessionEnded();
    return { ok: false, status: 401, stale: true };
  }
  return send(tokens);
}

/**
 * Calls the API with the ID token and the page language; answers as call() above. The body is
 * sent as JSON, or as it is when it is a Blob (a usage report's CSV, with the Blob's type).
 */
export async function api(method, path, body, current = () => true) {
  const raw = typeof Blob !== 'undefined' && body instanceof Blob;
  return withToken((tokens) => call(path, {
    method,
    headers: headers(tokens, {
      Accept: ACCEPT,
      ...(body === undefined ? {} : { 'Content-Type': raw ? body.type : 'application/json' }),
    }),
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
  }, current, { endOn401: true, read: async (res) => ({ data: res.status === 204 ? null : await res.json() }) }));
}

// Idempotency-Keys of creates sent and not yet answered: request → key.
const unanswered = new Map();

function newKey() {
  if (globalThis.crypto?.randomUUID) return globalThis.crypto.randomUUID();
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * api() for a create the server makes safe to repeat (an upload URL, a stock delivery): the
 * request carries an Idempotency-Key, and the same request sent again after no answer came back
 * (a dropped connection on a phone, a 5xx) carries the same key, so it is done once. After any
 * answer the key is forgotten: the same form sent again on purpose is a new create.
 */
export async function apiOnce(method, path, body, current = () => true) {
  const request = `${method} ${path} ${JSON.stringify(body)}`;
  if (!unanswered.has(request)) unanswered.set(request, newKey());
  const key = unanswered.get(request);
  const answer = await withToken((tokens) => call(path, {
    method,
    headers: headers(tokens, { Accept: ACCEPT, 'Content-Type': 'application/json', 'Idempotency-Key': key }),
    body: JSON.stringify(body),
  }, current, { endOn401: true, read: async (res) => ({ data: res.status === 204 ? null : await res.json() }) }));
  if (!answer.network && !(answer.status >= 500) && !answer.stale) unanswered.delete(request);
  return answer;
}

/** A file from the API (a CSV report), as a Blob: { ok, blob } or the same failures as api(). */
export async function fetchFile(path, current = () => true) {
  return withToken((tokens) => call(path, { headers: headers(tokens) }, current,
    { read: async (res) => ({ blob: await res.blob() }) }));
}

/** A route anyone may call (no token): same answers as api(). */
export async function publicApi(method, path, current = () => true) {
  return call(path, { method, headers: headers(null, { Accept: ACCEPT }) }, current,
    { read: async (res) => ({ data: await res.json() }) });
}

/**
 * Who is signed in (GET /me) with these tokens: the Response, thrown TypeError when nothing
 * came back. The shell reads it itself: a refused token there is not a page's problem.
 */
export function fetchMe(tokens) {
  return fetch(apiUrl('/me'), { headers: headers(tokens, { Accept: ACCEPT }) });
}
