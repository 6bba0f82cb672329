// Checks the message catalogues against each other and against the pages that use them
// (index.html and every module in web/), and the codes of the API the pages word themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';

const LANGUAGES = ['ko', 'en', 'vi', 'zh'];
const web = (file) => new URL(`../${file}`, import.meta.url);
const repo = (file) => new URL(`../../${file}`, import.meta.url);

const catalogues = Object.fromEntries(await Promise.all(LANGUAGES.map(async (lang) => {
  const text = await readFile(web(`i18n/${lang}.json`), 'utf8');
  try {
    return [lang, JSON.parse(text)];
  } catch (err) {
    throw new Error(`i18n/${lang}.json is not valid JSON: ${err.message}`);
  }
})));
const siteFiles = (await readdir(web(''))).filter((f) => /\.(html|js)$/.test(f)).sort();
const sources = Object.fromEntries(await Promise.all(siteFiles.map(async (f) => [f, await readFile(web(f), 'utf8')])));
const htmlFiles = siteFiles.filter((f) => f.endsWith('.html'));
const scriptFiles = siteFiles.filter((f) => f.endsWith('.js'));
const html = sources['index.html'];
const koKeys = Object.keys(catalogues.ko);
const namespaces = new Set(koKeys.map((key) => key.split('.')[0]));
// The pages' own tables of codes → keys (ui.js has no side effects when imported).
const ui = await import(web('ui.js'));
// The locale each language's words are formatted in (i18n.js reads no browser API when imported).
const { LOCALES } = await import(web('i18n.js'));

// A plural message is an object of the forms Intl.PluralRules names for its language, chosen
// by its {n}; any other message is text.
const isPlural = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const textsOf = (value) => (isPlural(value) ? Object.values(value) : [value]);
const pluralForms = (lang) => [...new Intl.PluralRules(LOCALES[lang]).resolvedOptions().pluralCategories].sort();

const difference = (a, b) => [...a].filter((x) => !b.has(x)).sort();
const optional = async (url) => { try { return await readFile(url, 'utf8'); } catch { return null; } };

// Comments hold no user-facing text; strip them (roughly: not inside strings) before looking.
function withoutComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

// Keys the pages refer to: data-i18n attributes, t('…') calls, and quoted literals in the
// scripts that start with a message namespace (e.g. the GROUP_KEYS map, i18n: 'who.title').
function keysUsed() {
  const used = new Set();
  for (const source of Object.values(sources)) {
    for (const [, key] of source.matchAll(/data-i18n="([^"]+)"/g)) used.add(key);
  }
  for (const file of scriptFiles) {
    const script = sources[file];
    for (const [, , key] of script.matchAll(/\bt\(\s*(['"])([^'"]+)\1\s*\)/g)) used.add(key);
    for (const [, , key] of script.matchAll(/(['"])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g)) {
      if (namespaces.has(key.split('.')[0])) used.add(key);
    }
  }
  return used;
}

test('every language has exactly the keys of ko.json', () => {
  const ko = new Set(koKeys);
  for (const lang of LANGUAGES.filter((l) => l !== 'ko')) {
    const keys = new Set(Object.keys(catalogues[lang]));
    assert.deepEqual(difference(ko, keys), [], `keys in ko.json missing from ${lang}.json`);
    assert.deepEqual(difference(keys, ko), [], `keys in ${lang}.json missing from ko.json`);
  }
});

test('no message is empty or anything but text (or plural forms of text)', () => {
  for (const lang of LANGUAGES) {
    const bad = Object.entries(catalogues[lang])
      .filter(([, value]) => (isPlural(value) ? !Object.keys(value).length : false)
        || textsOf(value).some((text) => typeof text !== 'string' || text.trim() === ''))
      .map(([key]) => key);
    assert.deepEqual(bad, [], `${lang}.json has empty or non-text messages`);
  }
});

test('every plural message has exactly the forms Intl.PluralRules selects in its language, in every language', () => {
  const plurals = koKeys.filter((key) => LANGUAGES.some((lang) => isPlural(catalogues[lang][key])));
  assert.ok(plurals.length, 'no plural messages found');
  for (const key of plurals) {
    for (const lang of LANGUAGES) {
      const value = catalogues[lang][key];
      assert.ok(isPlural(value), `${lang}.json: ${key} is plural in another language but not here`);
      assert.deepEqual(Object.keys(value).sort(), pluralForms(lang),
        `${lang}.json: ${key} must have the plural forms of ${LOCALES[lang]} (Intl.PluralRules)`);
      assert.match(value.other, /\{n\}/, `${lang}.json: ${key} is chosen by its {n}, so its words must show it`);
    }
  }
});

test('a message that shows a count has plural forms', () => {
  // Words that change with the count in English: a count written before them must choose the form.
  const counted = /\{\w+\} (?:characters?|laptops?|sessions?|minutes?|hours?|days?|places?|courses?|lessons?|subjects?)\b/;
  const loose = Object.entries(catalogues.en).filter(([, value]) => typeof value === 'string' && counted.test(value)).map(([key]) => key);
  assert.deepEqual(loose, [], 'English messages with a count and a noun, not plural');
});

test('every language fills the same {placeholders} in each message', () => {
  const names = (value) => [...new Set(textsOf(value ?? '').flatMap((text) => [...String(text).matchAll(/\{(\w+)\}/g)].map(([, name]) => name)))].sort().join(',');
  const uneven = koKeys.filter((key) => new Set(LANGUAGES.map((lang) => names(catalogues[lang][key]))).size > 1);
  assert.deepEqual(uneven, [], 'messages whose {placeholders} differ between languages');
});

test('every key used by the pages exists in ko.json', () => {
  const missing = difference(keysUsed(), new Set(koKeys));
  assert.deepEqual(missing, [], 'keys used by the pages but not in the catalogues');
});

test('every key in the catalogues is used by the pages', () => {
  const unused = difference(new Set(koKeys), keysUsed());
  assert.deepEqual(unused, [], 'keys in the catalogues that the pages never use (remove them or use them)');
});

test('the Korean text written into index.html (shown before app.js runs) matches ko.json', () => {
  const stale = [];
  for (const [, key, text] of html.matchAll(/data-i18n="([^"]+)"[^>]*>([^<]*)</g)) {
    if (text.trim() && text.trim() !== catalogues.ko[key]) stale.push(`${key}: "${text.trim()}" ≠ "${catalogues.ko[key]}"`);
  }
  assert.deepEqual(stale, [], 'index.html text out of step with ko.json');
});

test('each language option is labelled in its own language in every catalogue', () => {
  for (const option of LANGUAGES) {
    const labels = new Set(LANGUAGES.map((lang) => catalogues[lang][`language.option.${option}`]));
    assert.equal(labels.size, 1, `language.option.${option} differs between catalogues: ${[...labels].join(', ')}`);
  }
});

test('no user-facing text is written into the HTML outside the catalogues', () => {
  const loose = [];
  for (const file of htmlFiles) {
    const body = sources[file].replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
    for (const [, tag, attributes, text] of body.matchAll(/<([a-z][\w-]*)\b([^>]*)>([^<]*)</g)) {
      if (/\p{L}/u.test(text) && !/\bdata-i18n="/.test(attributes)) loose.push(`${file}: <${tag}> "${text.trim()}"`);
    }
    for (const [, name, value] of body.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*)"/g)) {
      if (/\p{L}/u.test(value)) loose.push(`${file}: ${name}="${value}"`);
    }
  }
  assert.deepEqual(loose, [], 'text in HTML without data-i18n (put it in i18n/*.json)');
});

test('no user-facing text is written into the scripts outside the catalogues', () => {
  const loose = [];
  for (const file of scriptFiles) {
    const code = withoutComments(sources[file]);
    // Words in Korean, Chinese or Vietnamese (letters beyond ASCII) in a string literal.
    for (const [literal] of code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)) {
      if (/[^\x00-\x7F‐–—…’]/.test(literal) && /\p{L}/u.test(literal.replace(/[\x00-\x7F]/g, ''))) loose.push(`${file}: ${literal}`);
    }
    // Text put straight into the page or an accessible name.
    const direct = /(?:\.(?:textContent|innerText|innerHTML|title|placeholder|ariaLabel)\s*=|setAttribute\(\s*['"](?:aria-label|title|placeholder|alt)['"]\s*,)\s*(['"`])((?:(?!\1).)*)\1/gu;
    for (const [whole, , content] of code.matchAll(direct)) {
      // only the literal's own text counts, not the ${…} expressions of a template
      const own = content.replace(/\$\{[^}]*\}/g, '').replace(/\$\{.*$/s, '');
      if (/\p{L}{2,}/u.test(own)) loose.push(`${file}: ${whole}`);
    }
  }
  assert.deepEqual(loose, [], 'user-facing text in the scripts (put it in i18n/*.json and refer to its key)');
});

// ---- the API's codes ----

// Refusal codes live in one enum per context (and the shared ones in platform/http/Problem.java);
// javaSources (below) reads every Java source under a folder.
const problemJava = (await javaSources(repo('shared/src/main/java/'))).join('\n') || null;
const openapi = await optional(repo('docs/api/openapi.yaml'));
const seedProgrammes = await optional(repo('infra/local-cloud/src/main/resources/seed/programmes.json'));

test('the problem codes the pages word themselves are real codes, with a message in every language', (t) => {
  const codes = Object.keys(ui.PROBLEM_KEYS);
  // The upload errors of the documents routes (GOV.UK wording, also checked in the browser first).
  for (const code of ['document-no-file', 'document-type-not-allowed', 'document-wrong-type', 'document-too-big',
    'document-empty', 'document-malware', 'document-upload-failed', 'resident-registration-number',
    'guardian-consent-required', 'version-conflict', 'decision-not-allowed']) {
    assert.ok(codes.includes(code), `ui.js PROBLEM_KEYS has no message for ${code}`);
  }
  for (const [code, key] of Object.entries(ui.PROBLEM_KEYS)) {
    for (const lang of LANGUAGES) assert.ok(catalogues[lang][key], `${lang}.json has no ${key} (for problem ${code})`);
  }
  if (!problemJava) return t.skip('the Java sources of shared/ are not next to web/');
  const known = new Set([...problemJava.matchAll(/\("([a-z-]+)",\s*\d{3}\)/g)].map(([, code]) => code));
  assert.deepEqual(difference(new Set(codes), known), [], 'PROBLEM_KEYS names codes the API does not have');
});

test('every field error code of validation-failed has a message, for every field the pages show', (t) => {
  let codes = ['required', 'too-long', 'invalid-value', 'invalid-date', 'out-of-range', 'unknown-field'];
  const listed = openapi?.match(/code:\s*\{\s*type:\s*string,\s*enum:\s*\[([^\]]+)\]/);
  if (listed) codes = listed[1].split(',').map((c) => c.trim());
  else t.diagnostic('openapi.yaml not found: using the codes known when this test was written');
  const fields = ['name', 'birthDate', 'schoolLevel', 'grade', 'district', 'preferredLanguage', 'categories',
    'guardian.name', 'guardian.contact', 'guardian.consent', 'householdHeadName', 'householdHeadBirthDate',
    'decision', 'reason', 'version', 'someFieldAddedLater'];
  for (const field of fields) {
    for (const code of codes) {
      const { key } = ui.fieldMessage(field, code);
      for (const lang of LANGUAGES) assert.ok(catalogues[lang][key], `${lang}.json has no ${key} (${field}: ${code})`);
    }
  }
});

test('every document kind, school level and category of the API and the seeded programmes has words', (t) => {
  if (!openapi) return t.skip('openapi.yaml not found next to web/');
  const enumOf = (name) => openapi.match(new RegExp(`\\n    ${name}:\\n      type: string\\n      enum: \\[([^\\]]+)\\]`))?.[1]
    .split(',').map((s) => s.trim()) ?? [];
  const kinds = enumOf('DocumentKind');
  assert.ok(kinds.length, 'DocumentKind enum not found in openapi.yaml');
  assert.deepEqual(difference(new Set(kinds), new Set(Object.keys(ui.DOCUMENT_KEYS))), [], 'document kinds without a name');
  const levels = enumOf('SchoolLevel');
  assert.deepEqual(difference(new Set(levels), new Set(Object.keys(ui.LEVEL_KEYS))), [], 'school levels without a name');
  assert.deepEqual(difference(new Set(levels), new Set(Object.keys(ui.GRADES))), [], 'school levels without a grade count');
  if (seedProgrammes) {
    const categories = new Set(JSON.parse(seedProgrammes).flatMap((p) => p.categories.map((c) => c.code)));
    assert.deepEqual(difference(categories, new Set(Object.keys(ui.CATEGORY_KEYS))), [], 'categories without a name');
    assert.deepEqual(difference(categories, new Set(Object.keys(ui.CATEGORY_HINT_KEYS))), [], 'categories without an explanation');
  }
});

test("Seoul's 25 districts and Chungbuk's areas are offered, each named in every language", () => {
  assert.equal(ui.districtsOf('seoul').length, 25, 'Seoul has 25 gu');
  for (const code of ['cheongju-si', 'chungju-si', 'jecheon-si']) assert.ok(ui.districtsOf('chungbuk').includes(code), `chungbuk offers ${code}`);
  for (const code of [...ui.districtsOf('seoul'), ...ui.districtsOf('chungbuk')]) {
    assert.match(code, /^[a-z][a-z0-9-]{1,39}$/, `${code} is not a district code the API takes`);
    for (const lang of LANGUAGES) assert.ok(catalogues[lang][ui.DISTRICT_KEYS[code]], `${lang}.json has no name for ${code}`);
  }
});

test('the resident registration number check matches what the server refuses', () => {
  for (const text of ['900101-1234567', '900101 1234567', '9001011234567', '이도현 051231-4123456']) {
    assert.ok(ui.looksLikeResidentNumber(text), `${text} must be caught`);
  }
  for (const text of ['이도현', '010-1234-5678', '01012345678', '2009-11-02', '901301-1234567']) {
    assert.ok(!ui.looksLikeResidentNumber(text), `${text} is not a resident registration number`);
  }
});

// ---- every code the API can send has words in every language (issue 10) ----
// Collected from the Java sources, so a code added to a handler is covered without touching
// this file: the problem codes (enum constants `NAME("code", status)` in shared/ and
// functions/) and the field error codes of validation-failed (`errors.add(field, "code")`,
// `error(field, "code")`, `code = "code"`).

async function javaSources(dir) {
  const found = [];
  let entries;
  try { entries = await readdir(dir, { withFileTypes: true }); } catch { return found; }
  for (const entry of entries) {
    const at = new URL(`${entry.name}${entry.isDirectory() ? '/' : ''}`, dir);
    if (entry.isDirectory()) {
      if (!['target', 'test', 'node_modules'].includes(entry.name)) found.push(...await javaSources(at));
    } else if (entry.name.endsWith('.java')) {
      found.push(await readFile(at, 'utf8'));
    }
  }
  return found;
}
const java = [...await javaSources(repo('shared/')), ...await javaSources(repo('functions/'))];

function properties(text) {
  const map = new Map();
  for (const line of (text ?? '').split('\n')) {
    const m = /^\s*([^#!\s][^=:]*?)\s*[=:]\s*(.*)$/.exec(line);
    if (m) map.set(m[1], m[2].trim());
  }
  return map;
}
const problemMessages = Object.fromEntries(await Promise.all(LANGUAGES.map(async (lang) =>
  [lang, properties(await optional(repo(`shared/src/main/resources/i18n/problems_${lang}.properties`)))])));

test('every problem code the API can answer has a title and detail in every language (server or page)', (t) => {
  if (!java.length) return t.skip('Java sources not found next to web/');
  const codes = new Set();
  for (const source of java) {
    for (const [, code] of source.matchAll(/\b[A-Z][A-Z0-9_]*\(\s*"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)"\s*,\s*[45]\d\d\b/g)) codes.add(code);
  }
  assert.ok(codes.size > 20, `only ${codes.size} problem codes found in the Java sources: has the enum moved?`);
  const unworded = [];
  for (const code of [...codes].sort()) {
    for (const lang of LANGUAGES) {
      const byServer = problemMessages[lang].get(`${code}.title`) && problemMessages[lang].get(`${code}.detail`);
      const byPage = ui.PROBLEM_KEYS[code] && catalogues[lang][ui.PROBLEM_KEYS[code]];
      if (!byServer && !byPage) unworded.push(`${code} (${lang})`);
    }
  }
  assert.deepEqual(unworded, [], 'problem codes without words (add them to shared/src/main/resources/i18n/problems_*.properties)');
});

test('every field error code the handlers send has its own words in every language', (t) => {
  if (!java.length) return t.skip('Java sources not found next to web/');
  const codes = new Set();
  const code = /"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)"/g;
  for (const source of java) {
    for (const [, args] of source.matchAll(/\b\w*[eE]rrors\.add\(([^;]*)\);/g)) {
      // the codes are the quoted words after the field (not keys read from the body on the way)
      const after = args.slice(args.search(/,/) + 1).replace(/\.(?:get|containsKey)\(\s*"[^"]*"\s*\)/g, '');
      for (const [, c] of after.matchAll(code)) codes.add(c);
    }
    for (const [, c] of source.matchAll(/\berror\(\s*[^,()]+,\s*"([a-z][a-z0-9-]*)"\s*\)/g)) codes.add(c);
    for (const [, c] of source.matchAll(/\bcode\s*=\s*"([a-z][a-z0-9-]*)"\s*;/g)) codes.add(c);
  }
  assert.ok(codes.has('required') && codes.has('invalid-value'), 'field error codes not found in the Java sources');
  const fallback = ui.fieldMessage('someFieldAddedLater', 'no-such-code').key;
  const unworded = [];
  for (const c of [...codes].sort()) {
    const { key } = ui.fieldMessage('someFieldAddedLater', c);
    if (key === fallback && c !== 'invalid-value') unworded.push(`${c}: no message of its own (ui.js GENERAL_ERROR_KEYS)`);
    for (const lang of LANGUAGES) if (!catalogues[lang][key]) unworded.push(`${c}: ${lang}.json has no ${key}`);
  }
  assert.deepEqual(unworded, [], 'field error codes without words');
});

// Dates and times are shown as in Seoul, whatever the phone's time zone: every formatter names
// Asia/Seoul, and no script reads a date in the device's own zone.
test('every date and time the pages format is in Asia/Seoul', () => {
  const wrong = [];
  for (const file of scriptFiles) {
    const code = withoutComments(sources[file]);
    for (const m of code.matchAll(/new Intl\.DateTimeFormat\(/g)) {
      const call = code.slice(m.index, code.indexOf(')', code.indexOf('}', m.index)) + 1);
      // the options are written in the call, or just before it (e.g. `const options = {…, timeZone}`)
      if (!/timeZone/.test(code.slice(Math.max(0, m.index - 400), m.index) + call)) wrong.push(`${file}: ${call.replace(/\s+/g, ' ').slice(0, 100)}`);
    }
    for (const [call] of code.matchAll(/\.(?:toLocaleDateString|toLocaleTimeString|getHours|getMinutes|getDate|getDay|getMonth|getFullYear)\(/g)) {
      wrong.push(`${file}: ${call} reads the device's time zone`);
    }
  }
  assert.deepEqual(wrong, [], 'dates formatted without Asia/Seoul');
});
