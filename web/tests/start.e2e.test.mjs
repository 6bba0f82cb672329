// The start page offers each role exactly what it may do (issue 19). For every demo user, every
// link of the start page — the next steps and the links below them, shown or hidden — is
// followed inside the app. A link shown must open a page the person can use: its heading, no
// "this page is not for you" notice and no 403 from the API. A link hidden must lead to a page
// that turns the person away (such a notice, or a 403 shown as a problem). What the links are
// comes from the start page itself, and what a role may do from the pages and the API, so a
// link added to the start page or a route opened to another role is checked here unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, PASSWORD, config, journey, settled, signIn, useBrowser } from './support.mjs';

useBrowser();

// One demo user per role (README).
const ROLES = [
  { role: 'applicant', user: 'applicant@seoul-learn.local' },
  { role: 'learner', user: 'learner@seoul-learn.local' },
  { role: 'mentor', user: 'mentor@seoul-learn.local' },
  { role: 'reviewer', user: 'reviewer@seoul-learn.local' },
  { role: 'district officer', user: 'officer@seoul-learn.local' },
  { role: 'admin', user: 'admin@seoul-learn.local' },
  { role: 'catalogue operator', user: 'catalogue@seoul-learn.local' },
];

// The notices a page shows to a role it is not for (web/i18n: "<page>.not<Role>", "notForYou",
// and the operators' page telling an admin whom to ask).
const TURNED_AWAY = /^[\w-]+\.(not(Learner|Applicant|Reviewer|Staff|Operator|Admin|Approved|ForYou)|adminsAsk)$/;

const SLOW = 60_000;

/** Every link of the start page: its href and whether the person can see it. */
async function startLinks(page) {
  await page.locator('#me-name').waitFor({ state: 'visible', timeout: SLOW });
  await page.waitForFunction(() => document.getElementById('me-status').textContent.trim() !== '', null, { timeout: SLOW });
  return page.evaluate(() => [...document.querySelectorAll('#next-steps a, #signed-in .more-links a')]
    .map((a) => ({ id: a.id, href: a.getAttribute('href'), shown: a.offsetParent !== null })));
}

/** Follows one start-page link and says whether the page let the person in, and why not. */
async function follow(page, link, apiBase) {
  const refused = [];
  const onResponse = (res) => {
    if (res.url().startsWith(apiBase) && res.status() === 403) refused.push(`${res.request().method()} ${new URL(res.url()).pathname}`);
  };
  page.on('response', onResponse);
  try {
    await page.evaluate((href) => {
      for (const h of document.querySelectorAll('#page h1')) h.dataset.left = '1';
      location.hash = href;
    }, link.href);
    await page.waitForFunction(() => [...document.querySelectorAll('#page h1')]
      .some((h) => !h.dataset.left && h.offsetParent !== null && h.innerText.trim()), null, { timeout: SLOW });
    // the page has its answers: none of its requests open, and what the last one set off drawn
    await settled(page, SLOW);
    assert.equal(await page.locator('#page [data-i18n="notice.loading"]').count(), 0, `${link.href}: still loading`);
    const notices = await page.evaluate((pattern) => [...document.querySelectorAll('#page [data-i18n]')]
      .filter((el) => el.offsetParent !== null && new RegExp(pattern).test(el.dataset.i18n))
      .map((el) => el.dataset.i18n), TURNED_AWAY.source);
    return { notices, refused: [...refused] };
  } finally {
    page.off('response', onResponse);
  }
}

for (const who of ROLES) {
  test(`the start page offers the demo ${who.role} exactly the pages they may use`, { timeout: 600_000 },
    (t) => journey(t, { locale: 'en-GB' }, async (page) => {
      page.setDefaultTimeout(SLOW);
      await page.goto(`${BASE_URL}/`);
      await signIn(page, { username: who.user, password: PASSWORD });
      // back from the sign-in page on the start page (a staff user after their authenticator's code)
      const links = await startLinks(page);
      assert.ok(links.length >= 10, `the start page has its links (found ${links.length})`);
      assert.ok(links.some((l) => l.shown && l.href !== '#/catalog'), `${who.role}: the start page offers something beyond the catalogue`);
      const apiBase = new URL(config.apiBase.replace(/\/+$/, ''), `${BASE_URL}/`).href;
      const wrong = [];
      for (const link of links) {
        const seen = await follow(page, link, apiBase);
        const turnedAway = seen.notices.length > 0 || seen.refused.length > 0;
        if (link.shown && turnedAway) {
          wrong.push(`${link.href} is offered but turns the ${who.role} away (${[...seen.notices, ...seen.refused].join(', ')})`);
        } else if (!link.shown && !turnedAway) {
          wrong.push(`${link.href} is hidden but the ${who.role} may use it`);
        }
        t.diagnostic(`${link.href}: ${link.shown ? 'offered' : 'hidden'}${turnedAway ? `, turned away (${[...seen.notices, ...seen.refused].join(', ')})` : ', usable'}`);
      }
      assert.deepEqual(wrong, [], `the start page of the demo ${who.role}`);
    }));
}
