// The catalogue and "My providers", through the running local cloud (LOCAL_CLOUD_URL): an
// anonymous visitor finds middle-school maths by the Korean word 수학 and loads more; the demo
// high-school learner (Vietnamese) chooses a provider, gets the link to its lectures, is refused
// one beyond the programme's pick limit and withdraws; joins and leaves a waiting list; an English page
// at 360 px; a Vietnamese reader types "toá" into the search box, moves to a suggestion with
// the keyboard and picks it, and a signed-in learner sees their own level first. Re-runnable: learner.high@ gives up whatever a failed run left behind, first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, PASSWORD, accessible, api, apiUrl, expectText, exactly, journey, mentions, mentionsMessage, messages, plural, signIn, snap, useBrowser,
} from './support.mjs';

useBrowser();

// Only this learner: the other demo learners belong to other tests on the same cloud.
const LEARNER = { username: 'learner.high@seoul-learn.local', password: PASSWORD };
const ADMIN = { username: 'admin@seoul-learn.local', password: PASSWORD };
const fill = (template, args) => template.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));

async function noSideways(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${what} is ${width} px wide at a 360 px screen (the reader would scroll sideways)`);
}

async function seatsLeft(providerId) {
  const res = await fetch(apiUrl('/catalog/providers?tenant=seoul'));
  const body = await res.json();
  return body.items.find((p) => p.providerId === providerId).seatsLeft;
}

/** Gives up every seat and waiting-list place the learner holds (a run that failed half-way). */
async function giveUpAll(page) {
  const held = await api(page, 'GET', '/enrolments');
  assert.equal(held.status, 200, 'GET /enrolments');
  for (const e of [...held.body.enrolments, ...held.body.waitlist]) {
    const gone = await api(page, 'DELETE', `/enrolments/${e.providerId}`);
    assert.equal(gone.status, 204, `DELETE /enrolments/${e.providerId}`);
  }
}

async function signInAsLearner(page, lang) {
  await page.goto(`${BASE_URL}/`);
  await signIn(page, LEARNER);
  await expectText(page, '#go-providers', exactly(messages[lang]['providers.title']), 'the learner\'s link to My providers');
  await giveUpAll(page);
}

async function openMyProviders(page, lang) {
  await page.click('#go-providers');
  await expectText(page, '#page h1', exactly(messages[lang]['providers.title']), 'My providers');
}

test('an anonymous visitor finds middle-school maths by the Korean word 수학 and loads more', { timeout: 120_000 }, (t) => journey(t, { locale: 'ko-KR' }, async (page) => {
  const ko = messages.ko;
  await page.goto(`${BASE_URL}/`);
  await expectText(page, '#catalog-link', exactly(ko['catalog.link']), 'the start page\'s link to the catalogue');
  await page.click('#catalog-link');
  await expectText(page, '#page h1', exactly(ko['catalog.title']), 'the catalogue');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the heading');

  // Nothing typed: said by the box, not sent.
  await page.click('#search');
  await expectText(page, '#error-summary', mentions(ko['catalog.err.q.required']), 'an empty search');

  await page.fill('#q', '수학');
  await page.selectOption('#search-level', 'MIDDLE');
  await page.click('#search');
  await expectText(page, '#results-status', mentionsMessage(plural('ko', 'catalog.countMore', 10)), 'the first page of results');
  assert.equal(await page.locator('#error-summary').count(), 0, 'the error summary is gone');
  const titles = await page.locator('#results .course-title').allInnerTexts();
  assert.equal(titles.length, 10, 'ten courses a page');
  for (const title of titles) assert.match(title, /수학/, `"${title}" has 수학 in its Korean title`);
  assert.deepEqual(new Set(await page.locator('#results .course').evaluateAll((els) => els.map((e) => e.dataset.level))), new Set(['MIDDLE']));
  const first = page.locator('#results .course').first();
  await expectText(page, '#results .course >> nth=0', mentions(ko['subject.MATH']), 'the subject of a course');
  await expectText(page, '#results .course >> nth=0', mentions(ko['level.MIDDLE']), 'the level of a course');
  assert.equal(await first.locator('.course-original').count(), 0, 'a Korean reader sees the Korean title only');
  await snap(page, 'catalog-search-ko');

  await page.click('#load-more');
  await page.waitForFunction(() => document.querySelectorAll('#results .course').length > 10);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'course-10', 'focus moves to the first course loaded');
  await expectText(page, '#results-end', exactly(ko['catalog.end']), 'the end of the list');
  assert.equal(await page.locator('#load-more').isVisible(), false, 'no more to load');
  const total = await page.locator('#results .course').count();
  await expectText(page, '#results-status', exactly(fill(ko['catalog.count'], { n: total })), 'the count, announced');
  await noSideways(page, 'the catalogue');

  // The search is kept in the address: a reload shows it again.
  assert.match(decodeURIComponent(page.url()), /#\/catalog\?q=수학&level=MIDDLE$/);
  await page.reload();
  await expectText(page, '#results-status', mentionsMessage(plural('ko', 'catalog.countMore', 10)), 'the search after a reload');
  assert.equal(await page.inputValue('#q'), '수학');

  await page.fill('#q', 'qwxz');
  await page.click('#search');
  await expectText(page, '#no-results', exactly(fill(ko['catalog.noResults'], { q: 'qwxz' })), 'no results');
  await expectText(page, '#no-results-tips', mentions(ko['catalog.tip.fewerWords']), 'what to try instead');

  // Too many words: the server says so, shown by the box.
  await page.fill('#q', '수학 영어 과학 국어 역사 사회 미술 음악 체육 코딩 한자 독서 논술 한국사');
  await page.click('#search');
  await expectText(page, '#q-error', mentions(ko['catalog.err.q.too-long']), 'too many words');

  // Browsing needs a level or a provider.
  await page.click('#browse summary');
  await page.click('#browse-submit');
  await expectText(page, '#error-summary', mentions(ko['catalog.err.levelOrProvider']), 'browsing with no level or provider');
  await page.selectOption('#browse-level', 'MIDDLE');
  await page.selectOption('#browse-grade', '2');
  await page.selectOption('#browse-subject', 'MATH');
  await page.click('#browse-submit');
  await expectText(page, '#results-status', (text) => text.length > 0 && !text.includes(ko['catalog.searching']), 'the courses browsed');
  const grades = await page.locator('#results .course').evaluateAll((els) => els.map((e) => `${e.dataset.level} ${e.dataset.subject}`));
  assert.ok(grades.length > 0, 'middle school, year 2, maths has courses');
  assert.deepEqual(new Set(grades), new Set(['MIDDLE MATH']));
  await expectText(page, '#results .course >> nth=0', mentions(fill(ko['summary.levelAndGrade'], { level: ko['level.MIDDLE'], n: 2 })), 'the grade');
}));

test('an English reader at 360 px sees English titles with the Korean title under them', { timeout: 90_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  const en = messages.en;
  await page.goto(`${BASE_URL}/#/catalog`);
  await expectText(page, '#page h1', exactly(en['catalog.title']), 'the catalogue in English');
  await page.fill('#q', 'maths');
  await page.selectOption('#search-level', 'MIDDLE');
  await page.click('#search');
  await expectText(page, '#results-status', mentionsMessage(plural('en', 'catalog.countMore', 10)), 'results');
  await expectText(page, '#results .course-title >> nth=0', mentions('Middle school maths'), 'an English title');
  await expectText(page, '#results .course-original >> nth=0', mentions(en['catalog.koreanTitle']), 'the Korean title under it');
  assert.match(await page.locator('#results .course-original [lang="ko"]').first().innerText(), /중학 수학/);
  await expectText(page, '#results .course >> nth=0', mentions(en['subject.MATH']), 'the subject');
  await noSideways(page, 'the English catalogue');
  await snap(page, 'catalog-search-en');
}));

test('a Vietnamese reader types Toán into the search box and picks a suggestion with the keyboard', { timeout: 90_000 }, (t) => journey(t, { locale: 'vi-VN' }, async (page) => {
  const vi = messages.vi;
  await page.goto(`${BASE_URL}/#/catalog`);
  await expectText(page, '#page h1', exactly(vi['catalog.title']), 'the catalogue in Vietnamese');
  const box = page.locator('#q');
  assert.equal(await box.getAttribute('role'), 'combobox');
  assert.equal(await box.getAttribute('aria-expanded'), 'false', 'no suggestions before typing');
  // typed key by key, as a person does: one request after the pause, not one per key
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('/api/catalog/suggest')) asked.push(r.url()); });
  await box.pressSequentially('toá', { delay: 60 });
  await page.locator('#q-suggestions [role="option"]').first().waitFor({ state: 'visible' });
  assert.equal(await box.getAttribute('aria-expanded'), 'true', 'the suggestions are open');
  assert.ok(asked.length < 3, `fewer suggestion requests than keys typed (${asked.length} for 3)`);
  const options = await page.locator('#q-suggestions [role="option"]').allInnerTexts();
  assert.ok(options.includes('Toán'), `"Toán" is suggested (${options.join(', ')})`);
  await expectText(page, '#q-suggestions-status', mentionsMessage(vi['catalog.suggestions.count']), 'how many suggestions, announced');
  await accessible(page, 'the open suggestions');
  await snap(page, 'catalog-suggestions-vi');
  // down to "Toán", with the arrows; the box says which one is active
  const target = options.indexOf('Toán');
  for (let i = 0; i <= target; i++) await box.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), `q-suggestion-${target}`);
  assert.equal(await page.locator(`#q-suggestion-${target}`).getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'the focus stays in the box');
  await box.press('Enter');
  assert.equal(await box.inputValue(), 'Toán');
  assert.equal(await box.getAttribute('aria-expanded'), 'false', 'picked: the suggestions close');
  await expectText(page, '#results-status', (text) => text.length > 0 && !text.includes(vi['catalog.searching']), 'the courses found');
  const subjects = await page.locator('#results .course').evaluateAll((els) => els.map((e) => e.dataset.subject));
  assert.ok(subjects.length > 0, 'Toán finds courses');
  assert.deepEqual(new Set(subjects), new Set(['MATH']), 'every course found is maths');
  // Escape closes the suggestions and leaves the text alone
  await box.fill('');
  await box.pressSequentially('tiếng A', { delay: 40 });
  await page.locator('#q-suggestions [role="option"]').first().waitFor({ state: 'visible' });
  assert.ok((await page.locator('#q-suggestions [role="option"]').allInnerTexts()).includes('tiếng Anh'));
  await box.press('Escape');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.equal(await box.inputValue(), 'tiếng A');
  await noSideways(page, 'the suggestions');
}));

test('a signed-in high-school learner searching 수학 sees high-school maths first', { timeout: 120_000 }, (t) => journey(t, { locale: 'ko-KR' }, async (page) => {
  await page.goto(`${BASE_URL}/`);
  await signIn(page, LEARNER);
  await page.locator('#catalog-link-signed-in').waitFor({ state: 'visible' });
  const ranked = page.waitForRequest((r) => r.url().includes('/api/catalog/search') && r.url().includes('rankLevel=HIGH'));
  await page.goto(`${BASE_URL}/#/catalog?q=${encodeURIComponent('수학')}`);
  await ranked;
  await expectText(page, '#results-status', (text) => text.length > 0 && !text.includes(messages.ko['catalog.searching']), 'the courses found');
  const levels = await page.locator('#results .course').evaluateAll((els) => els.map((e) => e.dataset.level));
  assert.ok(levels.length > 0);
  assert.deepEqual(new Set(levels), new Set(['HIGH']), `the learner's level first (${levels.join(', ')})`);
}));

test('a high-school learner chooses a provider, gets its link, is refused one too many and withdraws', { timeout: 180_000 }, (t) => journey(t, { locale: 'vi-VN' }, async (page) => {
  const vi = messages.vi;
  await signInAsLearner(page, 'vi');
  // The programme in force decides the limit (1 at launch; the seeded Seoul 2026 programme allows 2).
  const limit = (await api(page, 'GET', '/enrolments')).body.pickLimit;
  assert.ok(limit >= 1 && limit <= 2, `a pick limit the three high-school providers can exceed (${limit})`);
  await expectText(page, '#catalog-link-signed-in', exactly(vi['catalog.link']), 'the catalogue from the home card');
  await openMyProviders(page, 'vi');
  await expectText(page, '#pick-limit', mentions(fill(vi[limit === 1 ? 'providers.limitOne' : 'providers.limitMany'], { n: limit })), 'the pick limit in plain words');
  await expectText(page, '#picks-used', exactly(fill(vi['providers.used'], { used: 0, limit })), 'nothing chosen yet');
  await expectText(page, '#no-enrolments', exactly(vi['providers.none']), 'no provider yet');
  await expectText(page, '#your-level', mentions(fill(vi['summary.levelAndGrade'], { level: vi['level.HIGH'], n: 2 })), 'the learner\'s level');
  // High-school providers only.
  const offered = await page.locator('#choices .provider').evaluateAll((els) => els.map((e) => e.dataset.providerId).sort());
  assert.deepEqual(offered, ['etoos', 'megastudy', 'mimac']);
  const left = await seatsLeft('megastudy');
  await expectText(page, '#choice-megastudy .seats', exactly(fill(plural('vi', 'providers.seats', left), { n: left.toLocaleString('vi-VN') })), 'places left');
  await noSideways(page, 'My providers');
  await snap(page, 'providers-vi');

  // Choose Megastudy: a place and the link to its lectures.
  await page.click('#enrol-megastudy');
  await expectText(page, '#page-status', exactly(fill(vi['providers.enrolled'], { provider: 'Megastudy' })), 'the place, announced');
  const link = page.locator('#access-megastudy');
  await expectText(page, '#access-megastudy', mentions(fill(vi['providers.open'], { provider: 'Megastudy' })), 'the link to the lectures');
  assert.match(await link.getAttribute('href'), /^https:\/\/megastudy\.example\/seoul-learn\/seoul\//);
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'access-megastudy', 'focus on the link');
  await expectText(page, '#picks-used', exactly(fill(vi['providers.used'], { used: 1, limit })), 'one chosen');
  assert.equal(await seatsLeft('megastudy'), left - 1, 'one place taken');
  await snap(page, 'providers-enrolled-vi');
  // Up to the limit.
  if (limit === 2) {
    await page.click('#enrol-mimac');
    await expectText(page, '#access-mimac', mentions(fill(vi['providers.open'], { provider: 'Daesung Mimac' })), 'the second link');
  }
  await expectText(page, '#limit-reached', exactly(fill(vi['providers.full'], { n: limit })), 'the limit reached, said before trying');

  // One more is refused: the server's reason, in Vietnamese.
  const refusal = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/enrolments'));
  await page.click('#enrol-etoos');
  const answer = await refusal;
  assert.equal(answer.status(), 409);
  const problem = await answer.json();
  assert.equal(problem.code, 'pick-limit-reached');
  await expectText(page, '#error-summary', mentions(problem.title), 'the refusal');
  await expectText(page, '#error-summary', mentions(problem.detail), 'what to do about it');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', 'focus on the refusal');
  await expectText(page, '#see-yours', exactly(vi['providers.seeYours']), 'a way to the providers held');
  await snap(page, 'providers-refused-vi');

  // Withdraw, after a confirmation; "no" keeps it.
  await page.click('#withdraw-megastudy');
  await expectText(page, '#confirm-megastudy', exactly(fill(vi['providers.withdrawQuestion'], { provider: 'Megastudy' })), 'the confirmation');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'confirm-megastudy', 'focus on the question');
  await page.click('#confirm-no-megastudy');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'withdraw-megastudy', 'back to the button');
  assert.equal((await api(page, 'GET', '/enrolments')).body.enrolments.length, limit, '"no" keeps the place');
  await page.click('#withdraw-megastudy');
  await page.click('#confirm-yes-megastudy');
  await expectText(page, '#page-status', exactly(fill(vi['providers.withdrawn'], { provider: 'Megastudy' })), 'withdrawn, announced');
  await expectText(page, '#picks-used', exactly(fill(vi['providers.used'], { used: limit - 1, limit })), 'one fewer chosen');
  assert.equal(await seatsLeft('megastudy'), left, 'the place is back');
  if (limit === 2) {
    await page.click('#withdraw-mimac');
    await page.click('#confirm-yes-mimac');
    await expectText(page, '#page-status', exactly(fill(vi['providers.withdrawn'], { provider: 'Daesung Mimac' })), 'the second withdrawn');
  }
  await expectText(page, '#no-enrolments', exactly(vi['providers.none']), 'no provider any more');
  const after = await api(page, 'GET', '/enrolments');
  assert.deepEqual([after.body.enrolments.length, after.body.waitlist.length], [0, 0]);
}));

test('with no place left, the learner joins the waiting list, sees their number and leaves it', { timeout: 180_000 }, (t) => journey(t, { locale: 'vi-VN' }, async (page, { context }) => {
  const vi = messages.vi;
  // The admin takes Etoos's free places away for the length of the test (restored after).
  const adminContext = await context.browser().newContext({ locale: 'ko-KR' });
  const admin = await adminContext.newPage();
  let restore = null;
  try {
    await admin.goto(`${BASE_URL}/`);
    await signIn(admin, ADMIN);
    await admin.locator('#me-name').waitFor({ state: 'visible' });
    const usage = await api(admin, 'GET', '/admin/providers/etoos/usage');
    assert.equal(usage.status, 200, 'GET usage');
    await signInAsLearner(page, 'vi');
    restore = usage.body.seats;
    const full = await api(admin, 'PUT', '/admin/providers/etoos/seats', { seats: usage.body.used });
    assert.equal(full.status, 200, `PUT seats: ${JSON.stringify(full.body)}`);

    await openMyProviders(page, 'vi');
    await expectText(page, '#choice-etoos .seats', exactly(vi['providers.noSeats']), 'no places left');
    await expectText(page, '#enrol-etoos', exactly(fill(vi['providers.joinWaitlist'], { provider: 'Etoos' })), 'join the waiting list');
    await page.click('#enrol-etoos');
    const held = await api(page, 'GET', '/enrolments');
    const position = held.body.waitlist.find((w) => w.providerId === 'etoos')?.position;
    assert.ok(position >= 1, 'a number in line');
    await expectText(page, '#page-status', exactly(fill(vi['providers.waitlisted'], { provider: 'Etoos', n: position })), 'the waiting list, announced');
    await expectText(page, '#position-etoos', exactly(fill(vi['providers.position'], { n: position })), 'the number in line');
    await expectText(page, '#picks-used', exactly(fill(vi['providers.used'], { used: 1, limit: held.body.pickLimit })), 'waiting counts as a choice');
    await noSideways(page, 'the waiting list');
    await snap(page, 'providers-waiting-vi');

    await page.click('#leave-etoos');
    await expectText(page, '#confirm-etoos', exactly(fill(vi['providers.leaveQuestion'], { provider: 'Etoos' })), 'the confirmation');
    await page.click('#confirm-yes-etoos');
    await expectText(page, '#page-status', exactly(fill(vi['providers.left'], { provider: 'Etoos' })), 'left, announced');
    await expectText(page, '#no-enrolments', exactly(vi['providers.none']), 'nothing held');
  } finally {
    if (await page.evaluate(() => Boolean(sessionStorage.getItem('seoulLearn:tokens'))).catch(() => false)) {
      await giveUpAll(page).catch(() => {});
    }
    if (restore != null) {
      const back = await api(admin, 'PUT', '/admin/providers/etoos/seats', { seats: restore });
      assert.equal(back.status, 200, `restoring Etoos's seats: ${JSON.stringify(back.body)}`);
    }
    await adminContext.close();
  }
}));
