// Laptops, learner and district officer together, through the running local cloud
// (LOCAL_CLOUD_URL): the demo learner of Gangseo-gu asks for a laptop (the terms must be
// accepted), Gangseo-gu's officer marks it ready, records stock, hands a laptop over by its serial
// number (a wrong one refused), the learner sees the return date, the officer records the return
// by the serial; in between the learner asks for 14 more days and the officer approves. Nowon-gu's
// officer registers a laptop by its serial number and sees the seeded overdue loan; an admin sees
// every overdue loan of the tenant and assigns officers their districts. The learner's request is closed at the end, so the journey can run again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, PASSWORD, api, apiUrl, expectText, exactly, journey, mentions, mentionsMessage, messages, plural, signIn, signOut, snap,
  useBrowser,
} from './support.mjs';

useBrowser();

const LEARNER = { username: 'learner.elementary@seoul-learn.local', password: PASSWORD };
const OFFICER = { username: 'officer.gangseo@seoul-learn.local', password: PASSWORD };

async function as(page, user) {
  await page.goto(`${BASE_URL}/#/`);
  await page.locator('#sign-in:visible, #sign-out:visible').first().waitFor({ state: 'visible' });
  if (await page.locator('#sign-out').isVisible()) await signOut(page);
  await signIn(page, user);
  await page.locator('#go-laptops').waitFor({ state: 'visible' });
}

// A request an earlier, interrupted run left open is closed first (cancelled, or returned).
async function closeLeftovers(page) {
  await as(page, LEARNER);
  const mine = await api(page, 'GET', '/laptops/mine');
  const r = mine.body?.request;
  if (!r || !['REQUESTED', 'APPROVED', 'READY_FOR_PICKUP', 'LOANED'].includes(r.status)) return;
  if (r.status !== 'LOANED') {
    await api(page, 'POST', `/laptops/requests/${r.requestId}/status`, { status: 'CANCELLED', version: r.version });
    return;
  }
  await as(page, OFFICER);
  await api(page, 'POST', `/laptops/requests/${r.requestId}/status`, { status: 'RETURNED', version: r.version, serial: r.serial });
}

test('a learner asks for a laptop, the district officer makes it ready, hands it over by its serial number and records the return', { timeout: 240_000 }, (t) => journey(t, { locale: 'ko-KR' }, async (page) => {
  const ko = messages.ko;
  await closeLeftovers(page);

  // The learner: the terms must be accepted; then approved at once, with a pickup code
  await as(page, LEARNER);
  await expectText(page, '#go-laptops', exactly(ko['laptops.home']), 'the learner\'s link to laptops');
  await page.click('#go-laptops');
  await expectText(page, '#page h1', exactly(ko['laptops.title']), 'the laptop page');
  await page.click('#send-request');
  await expectText(page, '#error-summary', mentions(ko['laptops.terms.required']), 'the terms are required');
  await page.check('#agreeToLoanTerms-yes');
  await page.click('#send-request');
  await expectText(page, '#request-status', exactly(ko['laptops.status.APPROVED']), 'approved at once');
  assert.ok(!(await page.locator('#page').innerText()).includes('null'), 'nothing empty shown as "null"');
  await expectText(page, '#page-status', exactly(ko['laptops.approved']), 'told it is approved');
  const code = await expectText(page, '#pickup-code', (text) => /^[A-Z0-9]{6}$/.test(text), 'a pickup code');
  await expectText(page, '#next-step', mentions('강서구'), 'the district, in words');
  assert.equal(await page.locator('#request-form').count(), 0, 'no second request while one is open');
  await snap(page, 'laptops-approved');

  // The officer of Gangseo-gu: straight to the district; marks it ready; records stock
  await as(page, OFFICER);
  await page.click('#go-laptops');
  await expectText(page, '#district-name', exactly('강서구'), 'the officer\'s district');
  const row = page.locator('#requests tr', { hasText: code });
  await expectText(page, `#requests tr:has-text("${code}") .tag`, exactly(ko['laptops.status.APPROVED']), 'the request in the list');
  await row.locator('[data-action="ready"]').click();
  await expectText(page, '#page-status', exactly(ko['laptops.done.READY_FOR_PICKUP'].replace('{code}', code)), 'marked ready');
  await expectText(page, `#requests tr:has-text("${code}") .tag`, exactly(ko['laptops.status.READY_FOR_PICKUP']), 'ready in the list');
  // the request's own trail: asked, approved by the queue, made ready by the officer
  await page.click(`#requests a:has-text("${code}")`);
  await expectText(page, '#request-title', exactly(ko['laptops.requestTitle'].replace('{code}', code)), 'the request page');
  assert.equal(await page.locator('#audit li').count(), 3, 'three changes so far');
  await expectText(page, '#audit li:nth-child(2)', mentions(ko['laptops.actor.SYSTEM']), 'approved by the queue');
  await expectText(page, '#audit li:nth-child(3)', mentions(ko['laptops.actor.OFFICER']), 'made ready by the officer');
  await page.click('.back-link');
  await expectText(page, '#district-name', exactly('강서구'), 'back at the district');
  const inStock = Number(await page.locator('#district-counts [data-count="inStock"]').innerText());
  await page.click('#record-stock');
  await expectText(page, '#error-summary', mentions(ko['err.required']), 'what happened and how many are required');
  await page.check('#change-WRITTEN_OFF');
  await page.fill('#units', String(inStock + 1));
  await page.click('#record-stock');
  await expectText(page, '#error-summary', mentions(plural('ko', 'laptops.units.tooMany', inStock).replace('{n}', inStock)), 'never below zero');
  await page.check('#change-RECEIVED');
  await page.fill('#units', '1');
  await page.fill('#note', 'DN-2026-118');
  await page.click('#record-stock');
  await expectText(page, '#page-status', mentionsMessage(ko['laptops.stockRecorded']), 'stock recorded');
  await expectText(page, '#district-counts [data-count="inStock"]', exactly(String(inStock + 1)), 'one more in stock');
  await expectText(page, '#audit li', mentions(ko['laptops.change.RECEIVED']), 'the stock entry in the audit trail');
  // another delivery reaches the server but its answer is lost (a phone dropping its connection):
  // pressing again sends the same Idempotency-Key, and the delivery is counted once
  const keys = [];
  let lost = false;
  await page.route(apiUrl('/laptops/districts/gangseo-gu/stock'), async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (lost) return route.continue();
    lost = true;
    await route.fetch();
    return route.abort('connectionreset');
  });
  await page.check('#change-RECEIVED');
  await page.fill('#units', '1');
  await page.fill('#note', 'DN-2026-119');
  await page.click('#record-stock');
  await expectText(page, '#error-summary', mentions(ko['error.network']), 'the lost answer: check the connection and try again');
  await page.click('#record-stock');
  await expectText(page, '#page-status', mentionsMessage(ko['laptops.stockRecorded']), 'recorded on the second press');
  await expectText(page, '#district-counts [data-count="inStock"]', exactly(String(inStock + 2)), 'one more, not two');
  await page.unroute(apiUrl('/laptops/districts/gangseo-gu/stock'));
  assert.equal(keys.length, 2, 'sent twice');
  assert.match(keys[0], /^[A-Za-z0-9_-]{8,100}$/, 'with an Idempotency-Key');
  assert.equal(keys[1], keys[0], 'the same key both times');
  // written off again, so the district's stock is as it was
  await page.check('#change-WRITTEN_OFF');
  await page.fill('#units', '2');
  await page.click('#record-stock');
  await expectText(page, '#district-counts [data-count="inStock"]', exactly(String(inStock)), 'back to the stock it had');
  await snap(page, 'laptops-console');
  assert.ok(!(await page.locator('#page').innerText()).includes('null'), 'nothing empty shown as "null" in the console');

  // The learner is told to show the code at the office; the officer hands a laptop over by its serial
  await as(page, LEARNER);
  await page.click('#go-laptops');
  await expectText(page, '#request-status', exactly(ko['laptops.status.READY_FOR_PICKUP']), 'ready for pickup');
  await expectText(page, '#next-step', mentions('강서구'), 'where to pick it up');
  assert.equal(await page.locator('#confirm-receipt').count(), 0, 'the hand-over is the officer\'s');
  await as(page, OFFICER);
  const units = await api(page, 'GET', '/laptops/districts/gangseo-gu/units');
  const serial = units.body.units.find((u) => u.status === 'AVAILABLE').serial;
  await page.click('#go-laptops');
  await page.locator('#requests tr', { hasText: code }).locator('[data-action="hand-over"]').click();
  await expectText(page, '#serial-form h3', exactly(ko['laptops.handOverTitle'].replace('{code}', code)), 'the hand-over form');
  await page.click('#confirm-serial');
  await expectText(page, '#error-summary', mentions(ko['laptops.serial.required']), 'the serial number is required');
  await page.fill('#serial', 'NO-SUCH-0000');
  await page.click('#confirm-serial');
  await expectText(page, '#error-summary', mentions('이 노트북은 내줄 수 없습니다'), 'an unknown serial is refused, in Korean');
  await page.fill('#serial', serial.toLowerCase());
  await page.click('#confirm-serial');
  await expectText(page, '#page-status', exactly(ko['laptops.done.LOANED'].replace('{code}', code)), 'handed over');
  await expectText(page, `#requests tr:has-text("${code}") .tag`, exactly(ko['laptops.status.LOANED']), 'on loan in the list');
  await snap(page, 'laptops-handed-over');

  // The learner sees the loan and its return date
  await as(page, LEARNER);
  await page.click('#go-laptops');
  await expectText(page, '#request-status', exactly(ko['laptops.status.LOANED']), 'on loan');
  await expectText(page, '#due-on', (text) => /\d{4}/.test(text), 'the return date');
  assert.ok(!(await page.locator('#page').innerText()).includes('null'), 'nothing empty shown as "null"');
  await snap(page, 'laptops-loaned');

  // The learner asks to keep it 14 days longer (a number is required); the officer approves on the district page
  await page.click('#ask-extension');
  await expectText(page, '#error-summary', mentions(ko['laptops.extension.daysRange']), 'how many days is required');
  await page.fill('#days', '14');
  await page.fill('#extensionReason', '시험 기간');
  await page.click('#ask-extension');
  await expectText(page, '#page-status', exactly(plural('ko', 'laptops.extension.sent', 14).replace('{n}', '14')), 'asked for more days');
  await expectText(page, '#extension-asked', mentions(plural('ko', 'laptops.extension.waiting', 14).replace('{n}', '14')), 'waiting for the officer');
  const dueBefore = (await api(page, 'GET', '/laptops/mine')).body.request.dueOn;
  await as(page, OFFICER);
  await page.click('#go-laptops');
  await expectText(page, `#requests tr:has-text("${code}") [data-extension]`, exactly(plural('ko', 'laptops.extension.asked', 14).replace('{n}', '14')), 'the request for more days in the list');
  await page.locator('#requests tr', { hasText: code }).locator('[data-action="extension"]').click();
  await page.click('#confirm-extension');
  await expectText(page, '#error-summary', mentions(ko['laptops.extension.decisionRequired']), 'a decision is required');
  await page.check('#extensionDecision-APPROVED');
  await page.click('#confirm-extension');
  await expectText(page, '#page-status', mentionsMessage(ko['laptops.extension.approved']), 'approved');
  const dueAfter = (await api(page, 'GET', `/laptops/districts/gangseo-gu/requests`)).body.requests.find((x) => x.pickupCode === code).dueOn;
  assert.equal(dueAfter, new Date(Date.parse(`${dueBefore}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10), 'the return date moved 14 days');
  await snap(page, 'laptops-extension-approved');

  // The officer records the return by the serial: another laptop's is refused
  await as(page, OFFICER);
  await page.click('#go-laptops');
  await page.locator('#requests tr', { hasText: code }).locator('[data-action="return"]').click();
  await page.fill('#serial', 'GANGSEO-GU-9999');
  await page.click('#confirm-serial');
  await expectText(page, '#error-summary', mentions('빌려준 노트북이 아닙니다'), 'a wrong serial is refused');
  await page.fill('#serial', serial);
  await page.click('#confirm-serial');
  await expectText(page, '#page-status', exactly(ko['laptops.done.RETURNED'].replace('{code}', code)), 'return recorded');
  assert.equal(await page.locator('#requests tr', { hasText: code }).count(), 0, 'no longer an open request');
  await page.click('#show-closed');
  await expectText(page, `#requests tr:has-text("${code}") .tag`, exactly(ko['laptops.status.RETURNED']), 'among the closed requests');
  await page.click('#show-active');
  await expectText(page, '#requests-heading', exactly(ko['laptops.requests']), 'back to the open requests');
  await expectText(page, '#audit', mentions(ko['laptops.actor.LEARNER']), 'the learner in the audit trail');

  // The learner sees it returned and may ask again
  await as(page, LEARNER);
  await page.click('#go-laptops');
  await expectText(page, '#request-status', exactly(ko['laptops.status.RETURNED']), 'returned');
  await expectText(page, '#ask-heading', exactly(ko['laptops.askAgain']), 'may ask again');
}));

test('a mentor is told laptops are for learners, in their language', { timeout: 60_000 }, (t) => journey(t, { locale: 'vi-VN' }, async (page) => {
  await page.goto(`${BASE_URL}/#/laptops`);
  await signIn(page, { username: 'mentor@seoul-learn.local', password: PASSWORD });
  await expectText(page, '#page h1', exactly(messages.vi['laptops.title']), 'the laptop page');
  await expectText(page, '#page', mentions(messages.vi['laptops.notLearner']), 'not for mentors');
}));

test('an admin sees every district of Seoul with its counts and opens one', { timeout: 90_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  const en = messages.en;
  await page.goto(`${BASE_URL}/`);
  await signIn(page, { username: 'admin@seoul-learn.local', password: PASSWORD });
  await page.click('#go-laptops');
  await expectText(page, '#page h1', exactly(en['laptops.console']), 'the console');
  await page.locator('#districts tbody tr').first().waitFor({ state: 'visible' });
  assert.equal(await page.locator('#districts tbody tr').count(), 25, 'the 25 gu of Seoul, and no area of Chungbuk');
  assert.equal(await page.locator('#districts tr[data-district="cheongju-si"]').count(), 0);
  await page.click('#districts tr[data-district="nowon-gu"] a');
  await expectText(page, '#district-name', exactly(en['district.nowon-gu']), 'Nowon-gu');
  await expectText(page, '.back-link', exactly(en['laptops.back']), 'back to every district');
  await snap(page, 'laptops-admin-district');
}));

test('a district officer sees an overdue loan with its serial and follow-up; an admin assigns officers their districts', { timeout: 120_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  const en = messages.en;
  await page.goto(`${BASE_URL}/`);
  await signIn(page, { username: 'officer@seoul-learn.local', password: PASSWORD });
  await page.click('#go-laptops');
  await expectText(page, '#district-name', exactly(en['district.nowon-gu']), 'Nowon-gu');
  // the seeded loan fell due ten days ago (Asia/Seoul): overdue, the borrower reminded
  await expectText(page, '#overdue-heading', exactly(en['laptops.overdue']), 'the overdue list');
  await expectText(page, '#overdue tr:has-text("NOWON-GU-0040") td:nth-child(4)', exactly('10'), 'ten days overdue');
  await expectText(page, '#overdue tr:has-text("NOWON-GU-0040") .tag', exactly(en['laptops.escalation.OFFICER']), 'the officer follows it up');
  // the officer records a new laptop by its serial number and asset tag (a serial once only)
  const serial = `A${Date.now().toString(36).toUpperCase()}`;
  await page.fill('#unitSerial', serial);
  await page.click('#register-unit');
  await expectText(page, '#error-summary', mentions(en['laptops.units.assetTagRequired']), 'the asset tag is required');
  await page.fill('#assetTag', `SL-${serial}`);
  await page.click('#register-unit');
  await expectText(page, '#page-status', exactly(en['laptops.units.registered'].replace('{serial}', serial)), 'registered');
  await expectText(page, `#unit-list tr[data-serial="${serial}"] .tag`, exactly(en['laptops.unit.AVAILABLE']), 'on the shelf');
  await page.fill('#unitSerial', serial);
  await page.fill('#assetTag', `SL-${serial}`);
  await page.click('#register-unit');
  await expectText(page, '#error-summary', (text) => text.length > 0 && !text.includes('null'), 'the same serial again is refused');
  await snap(page, 'laptops-units');
  await page.locator('#overdue tr', { hasText: 'NOWON-GU-0040' }).locator('a').click();
  await expectText(page, '#fact-status', mentions(en['laptops.status.LOANED']), 'the loan itself');
  await snap(page, 'laptops-overdue');
  await signOut(page);

  // the admins see every overdue loan of the tenant, with its stage
  await signIn(page, { username: 'admin@seoul-learn.local', password: PASSWORD });
  await page.click('#go-laptops');
  await page.click('#overdue-link');
  await expectText(page, '#page h1', exactly(en['laptops.overdueAll']), 'the tenant\'s overdue list');
  await expectText(page, '#overdue-all tr:has-text("NOWON-GU-0040") td:nth-child(5)', exactly('10'), 'ten days overdue');
  await expectText(page, '#overdue-all tr:has-text("NOWON-GU-0040") .tag', exactly(en['laptops.escalation.OFFICER']), 'the officer follows it up');
  await snap(page, 'laptops-overdue-all');
  await page.click('.back-link');
  await expectText(page, '#page h1', exactly(en['laptops.console']), 'back to the console');
  await signOut(page);

  await signIn(page, { username: 'admin@seoul-learn.local', password: PASSWORD });
  await page.click('#go-laptops');
  await page.click('#officers-link');
  await expectText(page, '#page h1', exactly(en['laptops.officers']), 'the officers page');
  await page.locator('#officers tbody tr').first().waitFor({ state: 'visible' });
  await page.click('#save-officer');
  await expectText(page, '#error-summary', mentions(en['laptops.officer.required']), 'whose districts is required');
  // the Gangseo-gu officer's row: change and save it as it is
  const row = page.locator('#officers tbody tr', { hasText: en['district.gangseo-gu'] }).first();
  await row.locator('[data-action="edit-officer"]').click();
  await page.click('#save-officer');
  await expectText(page, '#page-status', mentionsMessage(en['laptops.officerSaved']), 'saved');
  await snap(page, 'laptops-officers');
}));
