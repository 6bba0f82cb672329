// Every route of template.yaml is used by some page of the web app (except the health check and
// the public programme route, which other services read): a route no page calls is a feature
// staff or families cannot reach without a developer. Reads the routes from template.yaml and the
// API calls from web/*.js (ctx.api / ctx.apiOnce / ctx.publicApi / fetchFile / the export download, with the
// method they are sent with; template literals' ${…} stand for one path segment, or any leading
// part when the path starts with one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';

const web = (file) => new URL(`../${file}`, import.meta.url);
const repo = (file) => new URL(`../../${file}`, import.meta.url);

// Routes that no page needs to call: the health check (load balancers, the runbook) and the public
// programme route (read by partner sites; the app reads it as well, but is not required to).
const EXEMPT = new Set(['GET /api/health', 'GET /api/programmes/{tenant}/current',
  // the private calendar feed is read by calendar apps at the address the mentoring page shows, not by a page
  'GET /api/calendar/{feedFile}']);

/**
 * Routes whose page is not built yet: the API works and is tested, a person cannot reach it from
 * the app. This list may only shrink — a listed route that a page calls fails the test below, so
 * the list stays true — and the work is open until it is empty (README, "What is not done yet").
 */
const NO_PAGE_YET = new Set([
]);

/** [{ method, path }] of every API event in template.yaml. */
export async function templateRoutes() {
  const text = await readFile(repo('template.yaml'), 'utf8');
  const routes = [];
  for (const m of text.matchAll(/\n(\s+)Path: (\/api\/\S+)\s*\n\1Method: ([A-Za-z]+)/g)) {
    routes.push({ method: m[3].toUpperCase(), path: m[2] });
  }
  for (const m of text.matchAll(/\n(\s+)Method: ([A-Za-z]+)\s*\n\1Path: (\/api\/\S+)/g)) {
    routes.push({ method: m[2].toUpperCase(), path: m[3] });
  }
  return routes;
}

const strip = (src) => src.replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');

// A path literal: '…', "…" or `…` (template literals may hold ${…} with quotes inside).
const LITERAL = String.raw`(?:'[^'\n]*'|"[^"\n]*"|\`(?:[^\`\\]|\\.)*\`)`;
const unquote = (lit) => lit.slice(1, -1);

/**
 * The path helpers of a module: `const name = (…) => '/path…'`, `const name = '/path…'` and
 * `function name(…) { … return '/path…'; }` → name → [literal].
 */
function pathHelpers(src) {
  const helpers = {};
  const add = (name, lit) => (helpers[name] ??= []).push(unquote(lit));
  for (const m of src.matchAll(new RegExp(String.raw`\bconst (\w+) = (?:\([^)]*\)|\w+) => (${LITERAL})`, 'g'))) add(m[1], m[2]);
  for (const m of src.matchAll(new RegExp(String.raw`\bconst (\w+) = (${LITERAL});`, 'g'))) add(m[1], m[2]);
  for (const m of src.matchAll(/\bfunction (\w+)\([^)]*\) \{([\s\S]*?)\n\}/g)) {
    for (const r of m[2].matchAll(new RegExp(String.raw`\breturn (${LITERAL});`, 'g'))) add(m[1], r[1]);
  }
  for (const name of Object.keys(helpers)) {
    helpers[name] = helpers[name].filter((lit) => /^(\/|\$\{)/.test(lit));
    if (!helpers[name].length) delete helpers[name];
  }
  return helpers;
}

/** The literals an argument stands for: a literal, or a helper (called or not); [] when unknown. */
function argumentPaths(arg, helpers) {
  arg = arg.trim();
  if (/^['"`]/.test(arg)) return [unquote(arg)];
  const name = arg.match(/^(\w+)(?:\(|$)/)?.[1];
  return name && helpers[name] ? helpers[name] : [];
}

// ${helper(…)} or ${helper} at the start of a template → the helper's literal(s); a
// ${cond ? 'a' : 'b'} → both; any other ${…} stays (one path segment).
function expand(literal, helpers, depth = 0) {
  const lead = literal.match(/^\$\{(\w+)(?:\([^}]*\))?\}/);
  if (lead && helpers[lead[1]] && depth < 3) {
    return helpers[lead[1]].flatMap((h) => expand(h + literal.slice(lead[0].length), helpers, depth + 1));
  }
  const choice = literal.match(/\$\{[^}?]*\? *'([^']*)' *: *'([^']*)' *\}/);
  if (choice) return [choice[1], choice[2]].flatMap((c) => expand(literal.replace(choice[0], c), helpers, depth));
  return [literal];
}

/** [{ method, pattern, literal, file }] of every API call in the web app's modules. */
export async function webCalls() {
  const files = (await readdir(web(''))).filter((f) => f.endsWith('.js'));
  const calls = [];
  for (const file of files) {
    const src = strip(await readFile(web(file), 'utf8'));
    const helpers = pathHelpers(src);
    const found = (method, arg) => {
      for (const lit of argumentPaths(arg, helpers)) for (const path of expand(lit, helpers)) calls.push({ method, literal: path, file });
    };
    // api('METHOD', path…), apiOnce(…) or publicApi('METHOD', path…), across lines
    for (const m of src.matchAll(new RegExp(String.raw`\b(?:api|apiOnce|publicApi)\(\s*'([A-Z]+)'\s*,\s*(${LITERAL}|\w+(?:\([^)]*\))?)`, 'g'))) {
      found(m[1], m[2]);
    }
    // downloads (the dashboard's CSVs) and who is signed in (api.js) are GETs
    for (const m of src.matchAll(new RegExp(String.raw`\b(?:fetchFile|downloadExport|download)\(\s*(?:[\w.]+\s*,\s*)?(${LITERAL})`, 'g'))) {
      found('GET', m[1]);
    }
    for (const m of src.matchAll(new RegExp(String.raw`\bfetch\(apiUrl\((${LITERAL})\)`, 'g'))) found('GET', m[1]);
  }
  return calls.filter((c) => c.literal.startsWith('/')).map((c) => ({ ...c, pattern: patternOf(c.literal) }));
}

// '/admin/providers/${encodeURIComponent(id)}/seats?x=1' → /^\/api\/admin\/providers\/[^/]+\/seats$/
function patternOf(literal) {
  const path = literal.split('?')[0];
  let re = '';
  let rest = path;
  if (rest.startsWith('${')) {
    const end = closing(rest, 1);
    re += '(?:/[^/]+)+';
    rest = rest.slice(end + 1);
  }
  while (rest.length) {
    const at = rest.indexOf('${');
    if (at < 0) {
      re += escape(rest);
      break;
    }
    re += escape(rest.slice(0, at)) + '[^/]+';
    rest = rest.slice(closing(rest, at + 1) + 1);
  }
  return new RegExp(`^${re.startsWith('/api') ? '' : '/api'}${re}$`);
}

function closing(s, open) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return s.length - 1;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// '/api/admin/providers/{providerId}/seats' → a concrete path a page's pattern can match
const sample = (path) => path.replace(/\{[^}]+\}/g, 'x1');

test('template.yaml has routes and the web app has calls (the readers work)', async () => {
  const routes = await templateRoutes();
  const calls = await webCalls();
  assert.ok(routes.length > 40, `only ${routes.length} routes read from template.yaml`);
  assert.ok(calls.length > 40, `only ${calls.length} calls read from web/*.js`);
  assert.ok(routes.some((r) => r.method === 'PUT' && r.path === '/api/admin/providers/{providerId}/seats'));
  assert.ok(calls.some((c) => c.method === 'GET' && c.pattern.test('/api/admin/dashboard')));
});

test('every template route is called by some page (except health and the public programme route)', async () => {
  const routes = await templateRoutes();
  const calls = await webCalls();
  const unused = routes
    .filter((r) => !EXEMPT.has(`${r.method} ${r.path}`) && !NO_PAGE_YET.has(`${r.method} ${r.path}`))
    .filter((r) => !calls.some((c) => c.method === r.method && c.pattern.test(sample(r.path))))
    .map((r) => `${r.method} ${r.path}`);
  assert.deepEqual(unused, [], `routes no page calls:\n  ${unused.join('\n  ')}`);
});

test('the routes still without a page are routes of template.yaml, and none of them has a page already', async () => {
  const routes = await templateRoutes();
  const calls = await webCalls();
  const keys = new Set(routes.map((r) => `${r.method} ${r.path}`));
  const gone = [...NO_PAGE_YET].filter((k) => !keys.has(k));
  assert.deepEqual(gone, [], `listed but not in template.yaml:\n  ${gone.join('\n  ')}`);
  const paged = routes.filter((r) => NO_PAGE_YET.has(`${r.method} ${r.path}`))
    .filter((r) => calls.some((c) => c.method === r.method && c.pattern.test(sample(r.path))))
    .map((r) => `${r.method} ${r.path}`);
  assert.deepEqual(paged, [], `these have a page now: take them off NO_PAGE_YET:\n  ${paged.join('\n  ')}`);
});

test('every call of a page is a route of template.yaml (no page calls a route that does not exist)', async () => {
  const routes = await templateRoutes();
  const calls = await webCalls();
  const unknown = calls
    .filter((c) => !routes.some((r) => r.method === c.method && c.pattern.test(sample(r.path))))
    .map((c) => `${c.file}: ${c.method} ${c.literal}`);
  assert.deepEqual(unknown, [], `calls of no route:\n  ${unknown.join('\n  ')}`);
});
