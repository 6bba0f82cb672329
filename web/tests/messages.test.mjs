// Checks the message catalogues against each other and against the page that uses them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const LANGUAGES = ['ko', 'en', 'vi', 'zh'];
const web = (file) => new URL(`../${file}`, import.meta.url);

const catalogues = Object.fromEntries(await Promise.all(LANGUAGES.map(async (lang) => {
  const text = await readFile(web(`i18n/${lang}.json`), 'utf8');
  try {
    return [lang, JSON.parse(text)];
  } catch (err) {
    throw new Error(`i18n/${lang}.json is not valid JSON: ${err.message}`);
  }
})));
const html = await readFile(web('index.html'), 'utf8');
const script = await readFile(web('app.js'), 'utf8');
const koKeys = Object.keys(catalogues.ko);
const namespaces = new Set(koKeys.map((key) => key.split('.')[0]));

const difference = (a, b) => [...a].filter((x) => !b.has(x)).sort();

// Keys the page refers to: data-i18n attributes, t('…') calls, and quoted literals in
// app.js that start with a message namespace (e.g. the GROUP_KEYS map).
function keysUsed() {
  const used = new Set();
  for (const source of [html, script]) {
    for (const [, key] of source.matchAll(/data-i18n="([^"]+)"/g)) used.add(key);
  }
  for (const [, , key] of script.matchAll(/\bt\(\s*(['"])([^'"]+)\1\s*\)/g)) used.add(key);
  for (const [, , key] of script.matchAll(/(['"])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g)) {
    if (namespaces.has(key.split('.')[0])) used.add(key);
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

test('no message is empty or anything but text', () => {
  for (const lang of LANGUAGES) {
    const bad = Object.entries(catalogues[lang])
      .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
      .map(([key]) => key);
    assert.deepEqual(bad, [], `${lang}.json has empty or non-text messages`);
  }
});

test('every key used by index.html and app.js exists in ko.json', () => {
  const missing = difference(keysUsed(), new Set(koKeys));
  assert.deepEqual(missing, [], 'keys used by the page but not in the catalogues');
});

test('every key in the catalogues is used by the page', () => {
  const unused = difference(new Set(koKeys), keysUsed());
  assert.deepEqual(unused, [], 'keys in the catalogues that the page never uses (remove them or use them)');
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
