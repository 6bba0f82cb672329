// The registration, enrolment and mentoring-booking journeys with the keyboard only (issue 10),
// through the running local cloud: Tab (and Shift+Tab) to move, Enter or Space to act, arrow
// keys in a list box, letters to type. No click, no fill(). Every control reached by Tab must
// show where the focus is; errors must take the focus to their summary and be tied to their
// fields. docs/accessibility.md describes the same walk as a person does it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  STAFF_TOTP_SECRET, totp,
  BASE_URL, PASSWORD, REVIEWER, expectText, exactly, journey, mentions, messages, snap, uniqueEmail, useBrowser, uniqueDohyun,
} from './support.mjs';

useBrowser();

const MAX_TABS = 150;
// KEYBOARD_LOG=1 prints each Tab stop (what docs/accessibility.md's walk was written from).
const LOG = process.env.KEYBOARD_LOG ? (line) => console.log(line) : () => {};

/** Presses Tab until the focused element matches `selector`; fails if a stop on the way shows no focus. */
async function tabTo(page, selector, what = selector) {
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((sel) => {
      const el = document.activeElement;
      if (!el || el === document.body) return { body: true };
      const style = getComputedStyle(el);
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadowed = style.boxShadow && style.boxShadow !== 'none';
      return {
        matches: el.matches(sel),
        visible: outlined || shadowed,
        name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.innerText || el.value || '').trim().slice(0, 30)}"`,
      };
    }, selector);
    if (stop.body) continue;
    assert.ok(stop.visible, `${what}: ${stop.name} has the keyboard focus but shows no focus outline`);
    if (stop.matches) {
      LOG(`${what}: ${i + 1} × Tab → ${stop.name}`);
      return;
    }
  }
  throw new assert.AssertionError({ message: `${what}: ${selector} never got the focus in ${MAX_TABS} presses of Tab` });
}

async function typeInto(page, selector, text) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/** A list box (select): Home, then the down arrow until the wanted option is chosen. */
async function chooseWithArrows(page, selector, value) {
  await tabTo(page, selector);
  await page.keyboard.press('Home');
  for (let i = 0; i < 60 && (await page.locator(selector).inputValue()) !== value; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator(selector).inputValue(), value, `${selector} reached ${value} with the arrow keys`);
}

async function tick(page, selector) {
  await tabTo(page, selector);
  await page.keyboard.press('Space');
  assert.ok(await page.locator(selector).isChecked(), `${selector} ticked with Space`);
}

async function typeDate(page, name, iso) {
  const [year, month, day] = iso.split('-');
  await typeInto(page, `#${name}-year`, year);
  await typeInto(page, `#${name}-month`, String(Number(month)));
  await typeInto(page, `#${name}-day`, String(Number(day)));
}

async function signInWithKeys(page, username) {
  await page.locator('#username').waitFor({ state: 'visible' });
  await typeInto(page, '#username', username);
  await typeInto(page, '#password', PASSWORD);
  await page.keyboard.press('Enter');
  if (username === REVIEWER.username) {
    // staff: the authenticator code, typed too
    await page.locator('#code').waitFor({ state: 'visible' });
    await typeInto(page, '#code', totp(STAFF_TOTP_SECRET));
    await page.keyboard.press('Enter');
  }
  await page.locator('#me-name').waitFor({ state: 'visible' }); // back in the app, signed in
}

test('registration, enrolment and booking a mentoring session with the keyboard only', { timeout: 600_000 }, (t) => journey(t, { locale: 'ko-KR' }, async (page) => {
  const ko = messages.ko;
  const email = uniqueEmail('keyboard');
  page.setDefaultTimeout(60_000); // sign-ins and page loads on this shared machine

  // the start page: the skip link comes first, then the header, then "create an account"
  await page.goto(`${BASE_URL}/`);
  await page.locator('#sign-up').waitFor({ state: 'visible' });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link', 'the first Tab reaches the skip link');
  await tabTo(page, '#sign-up', 'create an account');
  await page.keyboard.press('Enter');

  // the hosted sign-up page: e-mail and password (as Cognito's page; no tenant there)
  await page.locator('#username').waitFor({ state: 'visible' });
  await typeInto(page, '#username', email);
  await typeInto(page, '#password', PASSWORD);
  await page.keyboard.press('Enter');
  // the app's first step: where do you live? (a radio group: Tab in, Space to choose)
  await expectText(page, '#page h1', exactly(ko['where.title']), 'the tenant step after sign-up');
  await tabTo(page, '#tenant-seoul', 'the first local government');
  await page.keyboard.press('Space');
  await tabTo(page, '#where-continue', 'continue');
  await page.keyboard.press('Enter');
  await expectText(page, '#page h1', exactly(ko['register.title']), 'the registration after the tenant step');
  await tabTo(page, '#continue', 'start the application');
  await page.keyboard.press('Enter');

  // your details: saving an empty form puts the focus on the error summary, errors tied to fields
  await expectText(page, '#page h1', exactly(ko['profile.title']), 'your details');
  await tabTo(page, '#save', 'save, with nothing filled in');
  await page.keyboard.press('Enter');
  await expectText(page, '#error-summary', mentions(ko['errors.title']), 'the error summary');
  assert.equal(await page.evaluate(() => Boolean(document.activeElement?.closest('#error-summary'))), true, 'the focus moves to the error summary');
  const tied = await page.evaluate(() => [...document.querySelectorAll('[aria-invalid="true"]')].map((el) => {
    // a control, or the group (fieldset) it is in, as GOV.UK does for dates and checkboxes
    const ids = [el, el.closest('fieldset')].filter(Boolean).flatMap((e) => (e.getAttribute('aria-describedby') ?? '').split(/\s+/));
    const described = ids.map((id) => document.getElementById(id)).filter(Boolean);
    return { id: el.id, message: described.some((d) => /error/.test(d.id) && d.innerText.trim()) };
  }));
  assert.ok(tied.length >= 3, `fields marked invalid: ${JSON.stringify(tied)}`);
  assert.deepEqual(tied.filter((f) => !f.message).map((f) => f.id), [], 'every invalid field names its error message (aria-describedby)');
  // the summary's first link takes the focus to its field
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'name', 'the first error link focuses the name field');
  await page.keyboard.type(uniqueDohyun());
  await typeDate(page, 'birthDate', '2009-11-02');
  await chooseWithArrows(page, '#schoolLevel', 'HIGH');
  await chooseWithArrows(page, '#grade', '2');
  await chooseWithArrows(page, '#district', 'gangnam-gu');
  await tick(page, '#categories-LOW_INCOME');
  await tabTo(page, '#save', 'save');
  await page.keyboard.press('Enter');

  // the records check
  await expectText(page, '#page h1', exactly(ko['check.title']), 'the records check');
  await typeInto(page, '#householdHeadName', '이영수');
  await typeDate(page, 'householdHeadBirthDate', '1975-07-21');
  await tabTo(page, '#check-records', 'check the records');
  await page.keyboard.press('Enter');
  await expectText(page, '#records-result h2', exactly(ko['records.VERIFIED']), 'the records confirm low income');
  await tabTo(page, '#records-result #continue', 'continue');
  await page.keyboard.press('Enter');

  // check and send
  await expectText(page, '#page h1', exactly(ko['submit.title']), 'check and send');
  await tabTo(page, '#privacyNotice-yes', 'accept the privacy notice');
  await page.keyboard.press('Space');
  await tabTo(page, '#submit-application', 'send the application');
  await page.keyboard.press('Enter');
  await expectText(page, '#application-status', exactly(ko['registration.APPROVED']), 'approved');
  await snap(page, 'keyboard-status-approved');

  // signing in again gives the learners group; on to "my providers"
  await tabTo(page, '#sign-in-again', 'sign in again');
  await page.keyboard.press('Enter');
  await signInWithKeys(page, email);
  await expectText(page, '#me-groups', mentions(ko['group.learners']), 'a learner now');
  await tabTo(page, '#go-providers', 'my providers');
  await page.keyboard.press('Enter');
  await expectText(page, '#page h1', exactly(ko['providers.title']), 'my providers');
  await tabTo(page, '#enrol-megastudy', 'choose Megastudy');
  await page.keyboard.press('Enter');
  await expectText(page, '#access-megastudy', (s) => s.length > 0, 'the link to the lectures');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'access-megastudy', 'the focus moves to the new link');
  await snap(page, 'keyboard-providers-enrolled');
  // give the place back, so the journeys leave the seats as they found them
  await tabTo(page, '#withdraw-megastudy', 'withdraw from Megastudy');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'confirm-megastudy', 'the focus moves to the question');
  await snap(page, 'keyboard-providers-confirm-withdraw');
  await tabTo(page, '#confirm-yes-megastudy', 'yes, withdraw');
  await page.keyboard.press('Enter');
  await expectText(page, '#no-enrolments', exactly(ko['providers.none']), 'no provider after withdrawing');

  // ask for mentoring
  await page.goto(`${BASE_URL}/#/mentoring`);
  await expectText(page, '#page h1', exactly(ko['mentoring.title']), 'the mentoring page');
  await tick(page, '#subjects-MATH');
  await typeInto(page, '#goals', '수학 공부 습관을 만들고 싶어요');
  await tick(page, '#days-TUE');
  await tick(page, '#partOfDay-EVENING');
  await tabTo(page, '#send-request', 'send the request');
  await page.keyboard.press('Enter');
  await expectText(page, '#request-waiting', exactly(ko['mentoring.waiting']), 'waiting for a mentor');
  const learnerId = await page.evaluate(() => JSON.parse(atob(JSON.parse(sessionStorage.getItem('seoulLearn:tokens')).idToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub);
  await page.goto(`${BASE_URL}/#/`);
  await tabTo(page, '#sign-out', 'sign out');
  await page.keyboard.press('Enter');

  // the reviewer chooses the first proposed mentor, also by keyboard
  await page.locator('#sign-in').waitFor({ state: 'visible' });
  await tabTo(page, '#sign-in', 'sign in');
  await page.keyboard.press('Enter');
  await signInWithKeys(page, REVIEWER.username);
  await tabTo(page, '#go-mentoring', 'mentoring');
  await page.keyboard.press('Enter');
  await expectText(page, '#page h1', exactly(ko['mentoring.reviewTitle']), "the reviewer's mentoring page");
  const request = `#requests li[data-mentee-id="${learnerId}"]`;
  await tabTo(page, `${request} button`, 'see the proposed mentors');
  await page.keyboard.press('Enter');
  await page.locator(`${request} li[data-mentor-id] button`).first().waitFor({ state: 'visible' });
  await tabTo(page, `${request} li[data-mentor-id] button`, 'choose this mentor');
  await page.keyboard.press('Enter');
  await expectText(page, '#mentoring-status', (s) => s.length > 0, 'the mentor chosen');
  await page.goto(`${BASE_URL}/#/`);
  await tabTo(page, '#sign-out', 'sign out');
  await page.keyboard.press('Enter');

  // the learner books a session next week
  await page.locator('#sign-in').waitFor({ state: 'visible' });
  await tabTo(page, '#sign-in', 'sign in');
  await page.keyboard.press('Enter');
  await signInWithKeys(page, email);
  await tabTo(page, '#go-mentoring', 'mentoring');
  await page.keyboard.press('Enter');
  await expectText(page, '#mentor-name dd', (s) => s.length > 0, 'the mentor');
  await tabTo(page, '#week-next', 'next week');
  await page.keyboard.press('Enter');
  await page.locator('#week .slot').first().waitFor({ state: 'visible', timeout: 90_000 });
  await tabTo(page, '#week .slot', 'the first free time');
  const day = await page.evaluate(() => document.getElementById(document.activeElement.getAttribute('aria-describedby') ?? '')?.innerText ?? '');
  assert.ok(day.trim(), 'a free time names its day to a screen reader (aria-describedby), not only its hour');
  const booked = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/mentoring/mentorships/'), { timeout: 90_000 });
  await page.keyboard.press('Enter');
  assert.equal((await booked).status(), 201, 'booked with Enter');
  await expectText(page, '#mentoring-status', exactly(ko['mentoring.booked']), 'the booking, announced');
  await snap(page, 'keyboard-mentoring-booked');
}));
