// The staff pages through the running local cloud (LOCAL_CLOUD_URL): Seoul's admin finds
// "Run the programme" on the start page, reads the providers and their seats, opens one, sets its
// seats (back to what they were), sends a usage report as CSV, saves the reminder switches,
// assigns an officer's districts (a made-up officer, then none again) and is told what is wrong
// with a recruitment round that closes before it opens; the catalogue operator adds a course and
// removes it; an admin is told the catalogue is the operator's; a learner is told the page is for
// staff. Each page is checked with axe. Changes are undone: it can run any number of times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  BASE_URL, PASSWORD, accessible, api, expectText, exactly, fitsSmallScreen, journey, mentions, messages, signIn, signOut, snap,
  useBrowser,
} from './support.mjs';

useBrowser();

const ADMIN = { username: 'admin@seoul-learn.local', password: PASSWORD };
const OPERATOR = { username: 'catalogue@seoul-learn.local', password: PASSWORD };
const LEARNER = { username: 'learner@seoul-learn.local', password: PASSWORD };

async function as(page, user) {
  await page.goto(`${BASE_URL}/#/`);
  await page.locator('#sign-in:visible, #sign-out:visible').first().waitFor({ state: 'visible' });
  if (await page.locator('#sign-out').isVisible()) await signOut(page);
  await signIn(page, user);
  await page.locator('#sign-out').waitFor({ state: 'visible' });
}

test('an admin runs the programme: providers and seats, a usage report, reminders, officer districts, a round', { timeout: 240_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  const en = messages.en;
  await as(page, ADMIN);
  await page.selectOption('#language', 'en');
  await expectText(page, '#go-staff', exactly(en['staff.home']), 'the admin\'s link to the staff pages');
  assert.equal(await page.locator('#go-operator').isVisible(), false, 'no catalogue link for a tenant\'s admin');
  await page.click('#go-staff');
  await expectText(page, '#page h1', exactly(en['staff.title']), 'the staff page');
  await page.locator('#providers-table').waitFor({ state: 'visible', timeout: 60_000 });
  assert.ok(await page.locator('#providers-table tbody tr').count() >= 1, 'a row per provider');
  await fitsSmallScreen(page, 'the staff page');
  await snap(page, 'staff-en');

  // one provider: its usage, then its seats raised by one and set back
  await page.locator('#providers-table tbody a').first().click();
  await expectText(page, '#page h1', exactly(en['staff.provider.title']), 'a provider\'s page');
  const seats = Number((await page.locator('#usage-seats').innerText()).replace(/\D/g, ''));
  const used = Number((await page.locator('#usage-used').innerText()).replace(/\D/g, ''));
  await page.fill('#seats', String(seats + 1));
  await page.click('#save-seats');
  await expectText(page, '#usage-seats', (text) => Number(text.replace(/\D/g, '')) === seats + 1, 'the seats raised');
  await expectText(page, '#provider-status', mentions(String(seats + 1)), 'told the seats now');
  await page.fill('#seats', String(seats));
  await page.click('#save-seats');
  await expectText(page, '#usage-seats', (text) => Number(text.replace(/\D/g, '')) === seats, 'the seats back as they were');
  // below the seats in use: refused in words, nothing changed
  if (used > 0) {
    await page.fill('#seats', String(used - 1));
    await page.click('#save-seats');
    await page.locator('#error-summary').waitFor({ state: 'visible' });
    await expectText(page, '#usage-seats', (text) => Number(text.replace(/\D/g, '')) === seats, 'unchanged after the refusal');
  }
  // not a number: said by the field, nothing sent
  await page.fill('#seats', 'ten');
  await page.click('#save-seats');
  await page.locator('#seats-error').waitFor({ state: 'visible' });
  await snap(page, 'staff-provider-seats-error');

  // a usage report: a reference nobody has is counted as unknown, nothing else changes
  const dir = await mkdtemp(path.join(os.tmpdir(), 'seoul-learn-report-'));
  const file = path.join(dir, 'usage.csv');
  await writeFile(file, `learnerRef,lastActiveOn\n${randomUUID()},2026-11-27\n`);
  await page.setInputFiles('#report', file);
  await page.click('#send-report');
  await expectText(page, '#provider-status', (text) => text.includes('1') && text.length > 10, 'what the report changed');
  // a wrong report: nothing recorded, the line named
  await writeFile(file, 'learnerRef,lastActiveOn\nnot-a-ref,yesterday\n');
  await page.setInputFiles('#report', file);
  await page.click('#send-report');
  await page.locator('#error-summary').waitFor({ state: 'visible' });
  await snap(page, 'staff-report-error');

  // reminder switches: saved as they are
  await page.click('.back-link');
  await page.locator('#reminders-form').waitFor({ state: 'visible' });
  await page.click('#save-reminders');
  await expectText(page, '#reminders-status', exactly(en['staff.reminders.saved']), 'the switches saved');

  // an officer's districts: a made-up officer gets Nowon-gu, then none
  await page.click('#save-officer');
  await page.locator('#officerId-error').waitFor({ state: 'visible' });
  const officer = randomUUID();
  await page.fill('#officerId', officer);
  await page.check('#districts-nowon-gu');
  await page.click('#save-officer');
  await expectText(page, '#officers-status', mentions('1'), 'one district saved');
  await page.uncheck('#districts-nowon-gu');
  await page.click('#save-officer');
  await expectText(page, '#officers-status', mentions('0'), 'no district any more');

  // a round that closes before it opens: refused, nothing opened
  await page.fill('#name', `Test round ${randomBytes(2).toString('hex')}`);
  await page.fill('#opensOn', '2027-03-10');
  await page.fill('#closesOn', '2027-03-01');
  await page.fill('#target', '5');
  await page.click('#open-round');
  await page.locator('#error-summary').waitFor({ state: 'visible' });
  await snap(page, 'staff-round-error');

  // an admin on the catalogue page is told it is the operator's
  await page.goto(`${BASE_URL}/#/operator`);
  await expectText(page, '#not-operator', exactly(en['operator.adminsAsk']), 'the catalogue is the operator\'s');
  await accessible(page, 'the catalogue page for an admin');
}));

test('the catalogue operator adds a course and removes it; wrong input is said by its field', { timeout: 180_000 }, (t) => journey(t, { locale: 'ko-KR' }, async (page) => {
  const ko = messages.ko;
  await as(page, OPERATOR);
  await page.selectOption('#language', 'ko');
  await expectText(page, '#go-operator', exactly(ko['operator.home']), 'the operator\'s link');
  await page.click('#go-operator');
  await expectText(page, '#page h1', exactly(ko['operator.title']), 'the catalogue page');
  await page.locator('#op-provider-list li').first().waitFor({ state: 'visible', timeout: 60_000 });
  await fitsSmallScreen(page, 'the catalogue page');
  await snap(page, 'operator-ko');

  // a provider id that is not one: said by the field, nothing sent
  await page.fill('#providerId', 'Not An Id');
  await page.click('#save-provider');
  await page.locator('#providerId-error').waitFor({ state: 'visible' });
  // leaving needs a date
  await page.selectOption('#leaveProvider', { index: 1 });
  await page.click('#provider-leaves');
  await page.locator('#graceUntil-error').waitFor({ state: 'visible' });

  // a course, added and removed
  const courseId = `test-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
  const provider = await page.locator('#courseProvider option').nth(1).getAttribute('value');
  const providers = (await api(page, 'GET', '/catalog/providers')).body.items;
  const level = providers.find((p) => p.providerId === provider).levels[0];
  await page.fill('#courseId', courseId);
  await page.selectOption('#courseProvider', provider);
  await page.selectOption('#level', level);
  await page.selectOption('#subject', 'MATH');
  await page.fill('#titleKo', '시험용 수학 강좌');
  await page.fill('#titleEn', 'A test maths course');
  await page.fill('#minutes', '90');
  await page.fill('#lessons', '3');
  await page.click('#save-course');
  await expectText(page, '#course-status', mentions(courseId), 'the course added');
  assert.equal((await api(page, 'GET', `/catalog/courses?provider=${provider}&limit=50`)).status, 200);
  await page.fill('#removeId', courseId);
  await page.click('#remove-course');
  await expectText(page, '#remove-status', mentions(courseId), 'the course removed');
  // removing it again: not found, in Korean
  await page.fill('#removeId', courseId);
  await page.click('#remove-course');
  await page.locator('#error-summary').waitFor({ state: 'visible' });
  await snap(page, 'operator-remove-again');
}));

test('a learner opening the staff pages is told they are for staff', { timeout: 120_000 }, (t) => journey(t, { locale: 'zh-CN' }, async (page) => {
  await as(page, LEARNER);
  await page.selectOption('#language', 'zh');
  assert.equal(await page.locator('#go-staff').isVisible(), false, 'no staff link for a learner');
  await page.goto(`${BASE_URL}/#/staff`);
  await expectText(page, '#not-staff', exactly(messages.zh['staff.notStaff']), 'for staff only, in Chinese');
  await page.goto(`${BASE_URL}/#/operator`);
  await expectText(page, '#not-operator', exactly(messages.zh['operator.notOperator']), 'for the operators only');
  await snap(page, 'staff-learner-zh');
}));
