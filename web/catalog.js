// The public catalogue (#/catalog): search courses by words of their title (Korean or English
// titles; level and subject words also in Vietnamese and Chinese, Korean shorthand like 중2수학)
// or browse by school level, subject, provider and grade, ten at a time with "load more".
// The search box suggests as you type (an ARIA 1.2 combobox: arrows move through the
// suggestions, Enter picks one, Escape closes them; a polite status says how many there are).
// A signed-in learner's own level and grade come first in the results.
// No sign-in needed. The search is kept in the address (#/catalog?q=…) so a reload keeps it.
//
// Which title to show: Korean readers get the Korean title. Everyone else gets the English
// title first (the only other one we have, and readable to most vi and zh readers), with the
// Korean title under it: the lectures are taught in Korean and the provider's site lists them
// by that title. Each is marked with its lang so screen readers read it in the right voice.

import {
  GRADES, LEVEL_KEYS, clearErrors, h, heading, homeLink, pageTitle, selectField, showErrors, showProblem, textField,
  tx, useContext,
} from './ui.js';

// Ten at a time: a small download on a slow network and a short list on a small screen.
const PAGE_SIZE = 10;
// A page may come back empty with a `next` (the search reads a bounded slice): follow a few.
const EMPTY_PAGES_FOLLOWED = 4;
const MAX_QUERY = 100;
const LEVEL_ORDER = ['ELEMENTARY', 'MIDDLE', 'HIGH', 'NOT_IN_SCHOOL', 'ADULT'];
// Wait this long after the last key before asking for suggestions: one request per pause, not per key.
const SUGGEST_DELAY_MS = 250;

export const SUBJECT_KEYS = {
  KOREAN: 'subject.KOREAN',
  MATH: 'subject.MATH',
  ENGLISH: 'subject.ENGLISH',
  SCIENCE: 'subject.SCIENCE',
  SOCIAL: 'subject.SOCIAL',
  HISTORY: 'subject.HISTORY',
  SECOND_LANGUAGE: 'subject.SECOND_LANGUAGE',
  CODING: 'subject.CODING',
  CAREER: 'subject.CAREER',
  CERTIFICATE: 'subject.CERTIFICATE',
};

/** A { ko, en } pair from the API in the reader's language: { text, lang }. */
export function localName(pair, language) {
  if (!pair) return { text: '', lang: null };
  if (language === 'ko' || !pair.en) return { text: pair.ko ?? '', lang: 'ko' };
  return { text: pair.en, lang: 'en' };
}

/** The name of a provider (or anything named { ko, en }), marked with its language. */
export function nameNode(pair, language, props = {}) {
  const { text, lang } = localName(pair, language);
  return h('span', { ...props, lang: lang !== language ? lang : null }, text);
}

export function levelText(level, grade) {
  if (grade && GRADES[level]) return h('span', { i18n: 'summary.levelAndGrade', args: { level: { key: LEVEL_KEYS[level] ?? 'level.other' }, n: grade } });
  return h('span', { i18n: LEVEL_KEYS[level] ?? 'level.other' });
}

let ctx = null;
let host = null;
let providers = [];
// What is on screen: the query, its pages so far and the cursor of the next.
let shown = null;
let request = 0;
// Suggestions: the debounce timer, the newest request's number, the options shown and the active one.
let suggestTimer = null;
let suggestRequest = 0;
let suggestions = [];
let activeSuggestion = -1;
// A signed-in learner's level and grade (what ranks their courses first), once known.
let learnerRank = null;

const $ = (id) => document.getElementById(id);

export function enter(context, root) {
  ctx = context;
  host = root;
  useContext(ctx);
  shown = null;
  learnerRank = null;
  suggestions = [];
  start();
  return {
    languageChanged() {
      if (!ctx.current()) return;
      // Course titles and provider names switch language with the page; the search stays.
      fillProviderOptions();
      if (shown) renderResults();
    },
  };
}

function queryFromAddress() {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const pick = (name) => params.get(name)?.trim() || '';
  if (pick('q')) return { mode: 'search', q: pick('q').slice(0, MAX_QUERY), level: pick('level') };
  const browse = { mode: 'browse', level: pick('level'), subject: pick('subject'), provider: pick('provider'), grade: pick('grade') };
  return browse.level || browse.provider ? browse : null;
}

function keepInAddress(query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value && name !== 'mode') params.set(name, value);
  // Not a new history entry, and no hashchange: the page stays as it is.
  history.replaceState(history.state, '', `#/catalog?${params}`);
}

async function start() {
  pageTitle('catalog.title');
  const fromAddress = queryFromAddress();
  render(fromAddress);
  ctx.arrived(host);
  const answer = await ctx.publicApi('GET', '/catalog/providers');
  if (!ctx.current()) return;
  if (answer.ok) {
    providers = answer.data.items ?? [];
    fillProviderOptions();
    if (fromAddress?.mode === 'browse') $('browse-provider').value = fromAddress.provider;
  } else {
    showProblem(host, answer);
  }
  await loadLearnerRank();
  if (fromAddress) run(fromAddress);
}

/** A learner's level and grade from their registration; nothing (and no error) for anyone else. */
async function loadLearnerRank() {
  if (!ctx.me()?.groups?.includes('learners')) return;
  const answer = await ctx.api('GET', '/registration');
  if (!ctx.current() || !answer.ok || !answer.data?.schoolLevel) return;
  learnerRank = { level: answer.data.schoolLevel, grade: answer.data.grade ?? null };
}

function levelOptions() {
  return LEVEL_ORDER.map((value) => ({ value, key: LEVEL_KEYS[value] }));
}

function render(initial) {
  const me = ctx.me();
  const learner = me?.groups?.includes('learners');
  const searchField = textField({
    name: 'q', label: 'catalog.q', hint: 'catalog.q.hint', type: 'search', maxlength: MAX_QUERY, spellcheck: 'false',
    value: initial?.mode === 'search' ? initial.q : '', autocomplete: 'off',
  });
  const input = searchField.querySelector('input');
  searchField.querySelector('label').id = 'q-label';
  for (const [name, value] of Object.entries({
    role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'q-suggestions',
  })) input.setAttribute(name, value);
  input.addEventListener('input', suggestSoon);
  input.addEventListener('keydown', suggestionKeys);
  input.addEventListener('blur', () => setTimeout(closeSuggestions, 150));
  searchField.append(
    h('ul', { id: 'q-suggestions', role: 'listbox', class: 'suggestions', 'aria-labelledby': 'q-label', hidden: true }),
    h('p', { id: 'q-suggestions-status', class: 'visually-hidden', role: 'status' }));
  const browsing = initial?.mode === 'browse';
  host.replaceChildren(
    heading('catalog.title'),
    h('p', { i18n: 'catalog.intro' }),
    h('section', { 'aria-labelledby': 'search-heading', class: 'catalog-search' },
      h('h2', { id: 'search-heading', i18n: 'catalog.searchHeading' }),
      h('form', { id: 'search-form', role: 'search', novalidate: true, onsubmit: search },
        searchField,
        selectField({
          name: 'search-level', label: 'catalog.levelOptional', options: levelOptions(), placeholder: 'catalog.anyLevel',
          value: initial?.mode === 'search' ? initial.level : '',
        }),
        h('button', { type: 'submit', class: 'button', id: 'search', i18n: 'catalog.search' }))),
    h('details', { class: 'catalog-browse', id: 'browse', open: browsing },
      h('summary', {}, h('h2', { id: 'browse-heading', i18n: 'catalog.browseHeading' })),
      h('form', { id: 'browse-form', novalidate: true, onsubmit: browse },
        h('p', { class: 'hint', id: 'browse-hint', i18n: 'catalog.browseHint' }),
        selectField({
          name: 'browse-level', label: 'catalog.level', options: levelOptions(), placeholder: 'catalog.anyLevel',
          value: browsing ? initial.level : '', onchange: (e) => fillGrades(e.target.value, ''),
        }),
        selectField({ name: 'browse-grade', label: 'field.grade', options: [], placeholder: 'catalog.anyGrade' }),
        selectField({
          name: 'browse-subject', label: 'catalog.subject', placeholder: 'catalog.anySubject',
          options: Object.entries(SUBJECT_KEYS).map(([value, key]) => ({ value, key })), value: browsing ? initial.subject : '',
        }),
        selectField({ name: 'browse-provider', label: 'catalog.provider', options: [], placeholder: 'catalog.anyProvider' }),
        h('button', { type: 'submit', class: 'button', id: 'browse-submit', i18n: 'catalog.browse' }))),
    h('section', { 'aria-labelledby': 'results-heading', id: 'results-section', hidden: true },
      h('h2', { id: 'results-heading', i18n: 'catalog.results' }),
      h('p', { class: 'results-status', id: 'results-status', role: 'status' }),
      h('ul', { class: 'courses', id: 'results', 'aria-labelledby': 'results-heading' }),
      h('button', { type: 'button', class: 'button button-secondary', id: 'load-more', i18n: 'catalog.loadMore', hidden: true, onclick: loadMore }),
      h('p', { class: 'hint', id: 'results-end', i18n: 'catalog.end', hidden: true })),
    h('p', { class: 'catalog-next' }, learner
      ? h('a', { href: '#/providers', id: 'to-providers', i18n: 'catalog.toProviders' })
      : (me ? null : h('a', { href: '#/who-can-apply', id: 'to-who', i18n: 'catalog.whoCanUse' }))),
    homeLink());
  fillGrades(browsing ? initial.level : '', browsing ? initial.grade : '');
}

function fillGrades(level, value) {
  const select = $('browse-grade');
  const count = GRADES[level] ?? 0;
  select.replaceChildren(h('option', { value: '', i18n: 'catalog.anyGrade' }),
    ...Array.from({ length: count }, (_, i) => h('option', { value: String(i + 1), i18n: 'field.gradeOption', args: { n: i + 1 } })));
  select.value = value && Number(value) <= count ? String(value) : '';
  $('field-browse-grade').hidden = count === 0;
}

function fillProviderOptions() {
  const select = $('browse-provider');
  if (!select) return;
  const chosen = select.value;
  const language = ctx.language();
  const collator = new Intl.Collator(ctx.locale());
  const options = providers
    .map((p) => ({ id: p.providerId, ...localName(p.name, language) }))
    .sort((a, b) => collator.compare(a.text, b.text))
    .map((p) => h('option', { value: p.id, lang: p.lang !== language ? p.lang : null }, p.text));
  select.replaceChildren(h('option', { value: '', i18n: 'catalog.anyProvider' }), ...options);
  select.value = chosen;
}

// ---- asking ----

// ---- suggestions (combobox) ----

function suggestSoon() {
  clearTimeout(suggestTimer);
  const q = $('q').value;
  if (!q.trim()) return closeSuggestions();
  suggestTimer = setTimeout(() => fetchSuggestions(q), SUGGEST_DELAY_MS);
}

async function fetchSuggestions(q) {
  const mine = ++suggestRequest;
  const params = new URLSearchParams({ q: q.slice(0, MAX_QUERY) });
  if ($('search-level')?.value) params.set('level', $('search-level').value);
  const answer = await ctx.publicApi('GET', `/catalog/suggest?${params}`);
  // Only the newest answer counts, and only while the text is still what was asked about.
  if (mine !== suggestRequest || !ctx.current() || !answer.ok || $('q')?.value !== q) return;
  showSuggestions((answer.data.items ?? []).map((i) => i.text));
}

function showSuggestions(texts) {
  suggestions = texts;
  activeSuggestion = -1;
  const list = $('q-suggestions');
  const input = $('q');
  list.replaceChildren(...texts.map((text, i) => h('li', {
    id: `q-suggestion-${i}`, role: 'option', class: 'suggestion', 'aria-selected': 'false',
    // mousedown, not click: the box keeps the focus
    onmousedown: (e) => { e.preventDefault(); pickSuggestion(i); },
  }, text)));
  list.hidden = !texts.length;
  input.setAttribute('aria-expanded', texts.length ? 'true' : 'false');
  input.removeAttribute('aria-activedescendant');
  $('q-suggestions-status').replaceChildren(texts.length ? tx('catalog.suggestions.count', { n: texts.length }) : '');
}

function closeSuggestions() {
  clearTimeout(suggestTimer);
  suggestRequest++;
  const list = $('q-suggestions');
  if (!list) return;
  suggestions = [];
  activeSuggestion = -1;
  list.hidden = true;
  list.replaceChildren();
  $('q').setAttribute('aria-expanded', 'false');
  $('q').removeAttribute('aria-activedescendant');
}

function moveSuggestion(to) {
  activeSuggestion = to;
  const input = $('q');
  [...$('q-suggestions').children].forEach((li, i) => li.setAttribute('aria-selected', i === to ? 'true' : 'false'));
  if (to < 0) input.removeAttribute('aria-activedescendant');
  else {
    input.setAttribute('aria-activedescendant', `q-suggestion-${to}`);
    $(`q-suggestion-${to}`).scrollIntoView({ block: 'nearest' });
  }
}

function suggestionKeys(event) {
  const open = suggestions.length > 0 && !$('q-suggestions').hidden;
  if (event.key === 'ArrowDown' && open) {
    event.preventDefault();
    moveSuggestion(activeSuggestion + 1 >= suggestions.length ? 0 : activeSuggestion + 1);
  } else if (event.key === 'ArrowUp' && open) {
    event.preventDefault();
    moveSuggestion(activeSuggestion <= 0 ? suggestions.length - 1 : activeSuggestion - 1);
  } else if (event.key === 'Enter' && open && activeSuggestion >= 0) {
    event.preventDefault();
    pickSuggestion(activeSuggestion);
  } else if (event.key === 'Escape' && open) {
    event.preventDefault();
    closeSuggestions();
  } else if (event.key === 'Tab') {
    closeSuggestions();
  }
}

function pickSuggestion(i) {
  const text = suggestions[i];
  if (text == null) return;
  $('q').value = text;
  closeSuggestions();
  $('q').focus();
  clearErrors(host);
  run({ mode: 'search', q: text, level: $('search-level').value });
}

function search(event) {
  event.preventDefault();
  closeSuggestions();
  clearErrors(host);
  const q = $('q').value.trim();
  // How many words count is the server's to say (particles and 중2-like shorthands do not).
  if (!q) return showErrors(host, [{ field: 'q', message: { key: 'catalog.err.q.required' } }]);
  run({ mode: 'search', q, level: $('search-level').value });
}

function browse(event) {
  event.preventDefault();
  clearErrors(host);
  const query = {
    mode: 'browse',
    level: $('browse-level').value,
    grade: $('field-browse-grade').hidden ? '' : $('browse-grade').value,
    subject: $('browse-subject').value,
    provider: $('browse-provider').value,
  };
  if (!query.level && !query.provider) {
    return showErrors(host, [{ field: 'browse-level', message: { key: 'catalog.err.levelOrProvider' } }]);
  }
  run(query);
}

function pathOf(query, cursor) {
  const params = new URLSearchParams();
  if (query.mode === 'search') {
    params.set('q', query.q);
    if (query.level) params.set('level', query.level);
    if (learnerRank) {
      params.set('rankLevel', learnerRank.level);
      if (learnerRank.grade) params.set('rankGrade', String(learnerRank.grade));
    }
  } else {
    for (const name of ['level', 'subject', 'provider', 'grade']) if (query[name]) params.set(name, query[name]);
  }
  params.set('limit', String(PAGE_SIZE));
  if (cursor) params.set('cursor', cursor);
  return `/catalog/${query.mode === 'search' ? 'search' : 'courses'}?${params}`;
}

/** Pages of the query from cursor on, following a few empty ones: { ok, items, next } or the failed answer. */
async function fetchPage(query, cursor, mine) {
  const items = [];
  let next = cursor;
  for (let followed = 0; ; followed++) {
    const answer = await ctx.publicApi('GET', pathOf(query, next));
    if (mine !== request || answer.stale) return { stale: true };
    if (!answer.ok) return answer;
    items.push(...(answer.data.items ?? []));
    next = answer.data.next ?? null;
    if (items.length || !next || followed >= EMPTY_PAGES_FOLLOWED) return { ok: true, items, next };
  }
}

function failed(answer, query) {
  // The words are the only thing the reader typed: say what to change about them.
  const wrongWords = answer.problem?.code === 'validation-failed' && answer.problem.errors?.some((e) => e.field === 'q');
  if (!answer.stale && wrongWords && query.mode === 'search') {
    return showErrors(host, [{ field: 'q', message: { key: 'catalog.err.q.too-long' } }]);
  }
  return showProblem(host, answer);
}

async function run(query) {
  const mine = ++request;
  const button = $(query.mode === 'search' ? 'search' : 'browse-submit');
  button.setAttribute('aria-busy', 'true');
  $('results-status').replaceChildren(tx('catalog.searching'));
  $('results-section').hidden = false;
  const page = await fetchPage(query, null, mine);
  button.removeAttribute('aria-busy');
  if (page.stale) return;
  if (!page.ok) {
    $('results-status').replaceChildren();
    return failed(page, query);
  }
  keepInAddress(query);
  shown = { query, items: page.items, next: page.next };
  renderResults();
}

async function loadMore(event) {
  const button = event.currentTarget;
  if (!shown?.next || button.disabled) return;
  clearErrors(host);
  const mine = request;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  const page = await fetchPage(shown.query, shown.next, mine);
  button.disabled = false;
  button.removeAttribute('aria-busy');
  if (page.stale) return;
  if (!page.ok) return failed(page, shown.query);
  const first = shown.items.length;
  shown.items.push(...page.items);
  shown.next = page.next;
  const list = $('results');
  const added = page.items.map((c, i) => courseItem(c, first + i));
  list.append(...added);
  updateStatus();
  $('load-more').hidden = !shown.next;
  $('results-end').hidden = Boolean(shown.next);
  // Keep the reader's place: on to the first course just loaded.
  const title = added[0]?.querySelector('h3');
  title?.focus();
}

// ---- showing ----

function renderResults() {
  const list = $('results');
  list.replaceChildren(...shown.items.map((c, i) => courseItem(c, i)));
  $('results-section').hidden = false;
  $('load-more').hidden = !shown.next;
  $('results-end').hidden = Boolean(shown.next) || !shown.items.length;
  list.hidden = !shown.items.length;
  updateStatus();
}

function updateStatus() {
  const status = $('results-status');
  const { query, items, next } = shown;
  $('no-results-tips')?.remove();
  if (!items.length) {
    const tips = query.mode === 'search'
      ? ['catalog.tip.spelling', 'catalog.tip.fewerWords', 'catalog.tip.otherLanguage']
      : ['catalog.tip.fewerFilters'];
    status.replaceChildren(h('span', {
      id: 'no-results', i18n: query.mode === 'search' ? 'catalog.noResults' : 'catalog.noCourses', args: { q: query.q ?? '' },
    }));
    status.after(h('ul', { class: 'tips', id: 'no-results-tips' }, tips.map((key) => h('li', { i18n: key }))));
    return;
  }
  status.replaceChildren(h('span', { i18n: next ? 'catalog.countMore' : 'catalog.count', args: { n: items.length } }));
}

function duration(minutes) {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!hours) return h('span', { i18n: 'catalog.minutes', args: { m: rest } });
  return h('span', { i18n: rest ? 'catalog.hoursMinutes' : 'catalog.hours', args: { h: hours, m: rest } });
}

function courseItem(course, index) {
  const language = ctx.language();
  const title = localName(course.title, language);
  const provider = providers.find((p) => p.providerId === course.providerId);
  const dot = () => h('span', { class: 'dot', 'aria-hidden': 'true' }, ' · ');
  return h('li', { class: 'course', 'data-course-id': course.courseId, 'data-level': course.level, 'data-subject': course.subject },
    h('h3', { class: 'course-title', id: `course-${index}`, tabindex: '-1', lang: title.lang !== language ? title.lang : null }, title.text),
    title.lang !== 'ko' && course.title?.ko
      ? h('p', { class: 'course-original' }, tx('catalog.koreanTitle'), ' ', h('span', { lang: 'ko' }, course.title.ko))
      : null,
    h('p', { class: 'course-facts' },
      h('span', { class: 'course-provider' }, provider ? nameNode(provider.name, language) : course.providerId),
      dot(), levelText(course.level, course.grade),
      dot(), h('span', { i18n: SUBJECT_KEYS[course.subject] ?? 'subject.other' })),
    h('p', { class: 'course-facts' },
      course.lecturer ? [h('span', { i18n: 'catalog.lecturer' }), ' ', nameNode(course.lecturer, language), dot()] : null,
      h('span', { i18n: 'catalog.lessons', args: { n: course.lessons } }),
      dot(), duration(course.minutes)));
}
