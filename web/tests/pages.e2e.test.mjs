// Every page of the app, as every kind of user, through the running local cloud (issue 10).
// The routes come from app.js (PAGES, PUBLIC_PAGES) and the steps of a route from its module
// (`const pages = {…}`), so a page added there is checked here without touching this file.
// On each page: axe-core's WCAG 2.2 A/AA rules and no programming values shown as text (snap),
// no sideways scrolling at 360 px, and the language switcher in the header translating the page
// in place. The journeys' own tests snap the states in between (errors, confirmations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, PASSWORD, PUBLIC_ROUTES, ROUTES, exactly, expectText, fitsSmallScreen, journey, messages, noLeakedValues, settled,
  signIn, snap, stepsOf, useBrowser,
} from './support.mjs';

useBrowser();

const LANGUAGES = ['ko', 'en', 'vi', 'zh'];
// One demo user per role (README); visiting a page changes nothing.
const ROLES = [
  { role: 'anonymous', user: null, locale: 'ko-KR' },
  { role: 'applicant', user: 'applicant@seoul-learn.local', locale: 'en-GB' },
  { role: 'learner', user: 'learner@seoul-learn.local', locale: 'ko-KR' },
  { role: 'mentor', user: 'mentor@seoul-learn.local', locale: 'vi-VN' },
  { role: 'reviewer', user: 'reviewer@seoul-learn.local', locale: 'zh-CN' },
  { role: 'district officer', user: 'officer@seoul-learn.local', locale: 'ko-KR', extra: ['laptops/nowon-gu', 'laptops/nowon-gu/closed'] },
  { role: 'admin', user: 'admin@seoul-learn.local', locale: 'en-GB', extra: ['laptops/overdue'] },
];

// The heading that says the page is there: a route's own h1, else the start page's or "my details".
const headingOf = (path, signedIn) => {
  if (path) return signedIn || PUBLIC_ROUTES.includes(path.split('/')[0]) ? '#page h1' : '#intro-heading';
  return signedIn ? '#me-heading' : '#intro-heading';
};

// This machine is shared: waits here are long, so a slow moment is not taken for a broken page.
const SLOW = 60_000;

/**
 * Waits for a visible `selector` with words in it that is not one marked as left behind; with
 * `changedFrom`, words other than those (unless those are Latin letters only, which two languages
 * may share).
 */
async function headingShown(page, selector, what, changedFrom = null) {
  try {
    await page.waitForFunction(({ sel, old }) => {
      const el = [...document.querySelectorAll(sel)].find((e) => !e.dataset.left && e.offsetParent !== null);
      const text = el?.innerText.trim() ?? '';
      if (!text) return false;
      return old === null || text !== old || /^[\p{Script=Latin}\s\d]*$/u.test(old);
    }, { sel: selector, old: changedFrom }, { timeout: SLOW });
  } catch (err) {
    throw new assert.AssertionError({ message: `${what}: no ${selector} with ${changedFrom === null ? 'words' : 'new words'} within ${SLOW} ms (${err.message.split('\n')[0]})` });
  }
  return (await page.locator(selector).first().innerText()).trim();
}

async function visit(page, { role, signedIn }, path, n) {
  const what = `${path || 'home'} (${role})`;
  const heading = headingOf(path, signedIn);
  if (signedIn && path) {
    // moving inside the app, as a reader does (the first load of each page is weight.e2e's)
    await page.evaluate((p) => {
      if (location.hash === `#/${p}`) return; // already there (a page may send its reader on, e.g. register → register/status)
      for (const h of document.querySelectorAll('#page h1')) h.dataset.left = '1';
      location.hash = `#/${p}`;
    }, path);
  } else {
    await page.goto(`${BASE_URL}/#/${path}`);
  }
  const before = await headingShown(page, heading, what);
  await settled(page);
  await snap(page, `${role.replace(/\W+/g, '-')}-${(path || 'home').replace(/\W+/g, '-')}`);
  await fitsSmallScreen(page, what);
  // The header's language switcher translates this page in place.
  const current = await page.evaluate(() => document.documentElement.lang);
  const next = LANGUAGES[(LANGUAGES.indexOf(current) + 1 + (n % 3)) % LANGUAGES.length];
  await page.selectOption('#language', next);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, next);
  await headingShown(page, heading, `${what}: the heading after switching to ${next}`, before);
  assert.equal(await page.locator('#language').inputValue(), next, `${what}: the switcher shows ${next}`);
  await settled(page);
  await noLeakedValues(page, `${what} in ${next}`);
  await fitsSmallScreen(page, `${what} in ${next}`);
}

for (const who of ROLES) {
  test(`every page, as ${who.role === 'anonymous' ? 'a visitor who is not signed in' : `the demo ${who.role}`}: accessible, 360 px wide, switchable language`,
    { timeout: 900_000 }, (t) => journey(t, { locale: who.locale }, async (page) => {
      page.setDefaultTimeout(SLOW);
      page.setDefaultNavigationTimeout(SLOW);
      await page.goto(`${BASE_URL}/`);
      if (who.user) {
        await signIn(page, { username: who.user, password: PASSWORD });
        await page.locator('#me-name').waitFor({ state: 'visible' });
      } else {
        // the sign-in page itself: Cognito's managed login has no Vietnamese, so a Vietnamese
        // reader is told on the start page, then gets it in English (docs/adr/0025)
        await page.locator('#sign-in').waitFor({ state: 'visible' });
        await page.selectOption('#language', 'vi');
        await page.waitForFunction(() => document.documentElement.lang === 'vi');
        await expectText(page, '#login-language-note', exactly(messages.vi['auth.loginLanguageNote']), 'the note before the sign-in page');
        await page.click('#sign-in');
        await page.locator('#username').waitFor({ state: 'visible' });
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the sign-in page: English for a Vietnamese reader');
        await snap(page, 'sign-in-page-for-vi');
        await fitsSmallScreen(page, 'the sign-in page');
        await page.goto(`${BASE_URL}/`);
        await page.selectOption('#language', 'ko');
      }
      const paths = [''];
      for (const route of ROUTES) {
        paths.push(route);
        if (who.user) paths.push(...await stepsOf(route));
      }
      paths.push(...(who.extra ?? []));
      let n = 0;
      for (const path of paths) await visit(page, { role: who.role, signedIn: Boolean(who.user) }, path, n++);
      t.diagnostic(`${paths.length} pages checked: ${paths.map((p) => p || 'home').join(', ')}`);
    }));
}

// Dates and times are Seoul's, in the format of the page's language, whatever the phone's time
// zone (the journeys run Chromium in Europe/London). 06:45 UTC on 1 March 2026 is 15:45 in Seoul.
test('a date and time shows in Seoul time, in the format of each language', { timeout: 120_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  const expected = {
    ko: (s) => s.includes('2026년 3월 1일') && /3:45/.test(s) && /오후|PM/.test(s),
    en: (s) => s.includes('1 March 2026') && s.includes('15:45'),
    vi: (s) => /1 tháng 3,? 2026/.test(s) && s.includes('15:45'),
    zh: (s) => s.includes('2026年3月1日') && s.includes('15:45'),
  };
  await page.goto(`${BASE_URL}/`);
  await page.locator('#sign-in').waitFor({ state: 'visible' });
  // An element as the pages write it (ui.js h('time', { date })): app.js fills it on each language change.
  await page.evaluate(() => {
    const el = document.createElement('time');
    el.id = 'a-known-time';
    el.dataset.date = '2026-03-01T06:45:00Z';
    document.getElementById('main').append(el);
  });
  for (const lang of LANGUAGES) {
    await page.selectOption('#language', lang);
    const shown = await expectText(page, '#a-known-time', expected[lang], `2026-03-01T06:45:00Z in ${lang}`);
    assert.ok(!/06:45|6:45/.test(shown), `${lang}: "${shown}" is the device's time, not Seoul's`);
  }
  await expectText(page, '#intro-heading', (s) => s === messages.zh['intro.heading'], 'the start page in Chinese');
}));
