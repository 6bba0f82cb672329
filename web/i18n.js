// The page language: which one (a choice kept on this device, else the browser's, else Korean),
// its message catalogue (i18n/<code>.json, fetched once), and the words, dates and lists the
// pages show in it.

export const LANGUAGES = ['ko', 'en', 'vi', 'zh'];
export const DEFAULT_LANGUAGE = 'ko';
// Formats for dates, numbers, lists and plurals; en-GB writes day before month, which most readers expect.
export const LOCALES = { ko: 'ko-KR', en: 'en-GB', vi: 'vi-VN', zh: 'zh-CN' };
// The programme's calendar: every date and time is shown as it is in Seoul.
const TIME_ZONE = 'Asia/Seoul';
// A language preference may outlive the tab (localStorage).
const LANGUAGE_STORE = 'seoulLearn:language';

const catalogues = new Map();
let messages = {};
let language = DEFAULT_LANGUAGE;
let request = 0;

export const currentLanguage = () => language;
export const currentLocale = () => LOCALES[language];
export const isLanguage = (code) => LANGUAGES.includes(code);

// Storage can throw (blocked cookies, private modes); the page still works without it.
function savedLanguage() {
  try { return localStorage.getItem(LANGUAGE_STORE); } catch { return null; }
}

/** The language someone chose on this device with the switcher, or null. */
export function chosenLanguage() {
  const saved = savedLanguage();
  return isLanguage(saved) ? saved : null;
}

export function rememberLanguage(code) {
  try { localStorage.setItem(LANGUAGE_STORE, code); } catch { /* not kept */ }
}

/** The chosen language, else the first of the browser's that we have, else Korean. */
export function initialLanguage() {
  const chosen = chosenLanguage();
  if (chosen) return chosen;
  for (const tag of navigator.languages?.length ? navigator.languages : [navigator.language]) {
    const base = String(tag || '').toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

async function loadCatalogue(code) {
  if (!catalogues.has(code)) {
    const res = await fetch(new URL(`i18n/${code}.json`, import.meta.url));
    if (!res.ok) throw new Error(`i18n/${code}.json: ${res.status}`);
    catalogues.set(code, await res.json());
  }
  return catalogues.get(code);
}

/**
 * Switches the page to a language (Korean when its catalogue cannot be had) and re-translates
 * the document. Answers true once switched; false when a later call won, or when not even the
 * Korean catalogue came (the page keeps the Korean text that index.html carries).
 */
export async function useLanguage(code) {
  const mine = ++request;
  let catalogue;
  try {
    catalogue = await loadCatalogue(code);
  } catch {
    if (code === DEFAULT_LANGUAGE) return false;
    return useLanguage(DEFAULT_LANGUAGE);
  }
  if (mine !== request) return false; // a later choice won
  messages = catalogue;
  language = code;
  document.documentElement.lang = code;
  localize(document);
  return true;
}

// A plural message is an object of the forms Intl.PluralRules names for the language
// ({ one, other } in English; only { other } in Korean, Vietnamese and Chinese), chosen by its
// {n} argument.
function text(key, args) {
  const found = messages[key];
  if (found == null || typeof found === 'string') return found ?? '';
  const count = Number(typeof args?.n === 'object' ? args.n?.number : args?.n);
  let form = 'other';
  try { form = new Intl.PluralRules(LOCALES[language]).select(count); } catch { /* other */ }
  return found[form] ?? found.other ?? '';
}

/** A message in the page language ('' when there is none). */
export const t = (key) => text(key);

/**
 * A message with {name} placeholders filled. An argument may be text or a number, a number to
 * write in the language's way ({ number }), a message key ({ key }, with its own { args }),
 * several keys or texts made into a list in the language's way ({ keys } / { items }), or a
 * date ({ date, style }).
 */
export function fmt(key, args) {
  const message = text(key, args);
  if (!args) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? argument(args[name]) : whole));
}

function argument(value) {
  if (value == null) return '';
  if (typeof value !== 'object') return String(value);
  if (value.key) return fmt(value.key, value.args);
  if (value.date) return formatDate(value.date, value.style);
  if ('number' in value) {
    try { return new Intl.NumberFormat(LOCALES[language]).format(value.number); } catch { return String(value.number); }
  }
  const parts = value.keys ? value.keys.map(t) : (value.items ?? []).map(String);
  try {
    return new Intl.ListFormat(LOCALES[language], { style: 'long', type: 'conjunction' }).format(parts);
  } catch {
    return parts.join(', ');
  }
}

// 'YYYY-MM-DD' is a calendar date (a birthday): shown as it is. Anything else is an instant:
// shown in Seoul time.
export function formatDate(value, style = 'datetime') {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.exec(String(value));
  const instant = dateOnly ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(instant.getTime())) return String(value ?? '');
  const options = dateOnly || style === 'date'
    ? { dateStyle: 'long', timeZone: dateOnly ? 'UTC' : TIME_ZONE }
    : { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE };
  try {
    return new Intl.DateTimeFormat(LOCALES[language], options).format(instant);
  } catch {
    return instant.toISOString().slice(0, 10);
  }
}

// Fills every element under root that names a message (data-i18n, with data-i18n-args) or
// shows a date (data-date): used at start, on a language change, and by pages as they build.
export function localize(root = document) {
  const found = root.querySelectorAll ? [...root.querySelectorAll('[data-i18n],[data-date]')] : [];
  if (root.matches?.('[data-i18n],[data-date]')) found.unshift(root);
  for (const el of found) {
    if (el.dataset.i18n) {
      let args = null;
      try { args = el.dataset.i18nArgs ? JSON.parse(el.dataset.i18nArgs) : null; } catch { /* shown without */ }
      if (messages[el.dataset.i18n]) el.textContent = fmt(el.dataset.i18n, args);
    } else {
      el.textContent = formatDate(el.dataset.date, el.dataset.dateStyle);
    }
  }
}
