// The mentor's side through the running local cloud (LOCAL_CLOUD_URL): a new learner is matched
// with the demo mentor and books a session (through the API, as the pages do); the demo mentor
// moves it in the page to another time, sees the page say so and the session at its new time,
// and the learner's calendar address (made in the page) shows the same event one sequence on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, PASSWORD, REVIEWER, api, apiUrl, expectText, exactly, journey, messages, signIn, signOut, signUp, snap, uniqueDohyun,
  uniqueEmail, useBrowser,
} from './support.mjs';

useBrowser();

const MENTOR = { username: 'mentor@seoul-learn.local', password: PASSWORD };

async function newLearner(page, email) {
  await page.goto(`${BASE_URL}/`);
  await signUp(page, { email, lang: 'ko' });
  const version = async () => (await api(page, 'GET', '/registration')).body.version;
  let r = await api(page, 'PUT', '/registration', {
    version: await version(), name: uniqueDohyun(), birthDate: '2009-11-02', schoolLevel: 'HIGH', grade: 2, district: 'gwanak-gu',
    preferredLanguage: 'ko', categories: ['LOW_INCOME'],
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  r = await api(page, 'POST', '/registration/records-check', { version: await version(), householdHeadName: '이영수', householdHeadBirthDate: '1975-07-21' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  r = await api(page, 'POST', '/registration/submit', { version: await version(), privacyNotice: '2026-12-01' });
  assert.equal(r.body?.status, 'APPROVED', JSON.stringify(r.body));
  const me = await api(page, 'GET', '/me');
  await signOut(page);
  return me.body.userId;
}

// signed in: the start page is there (and the tokens are stored)
async function signedIn(page, account) {
  await signIn(page, account);
  await page.locator('#go-mentoring').waitFor({ state: 'visible', timeout: 90_000 });
}

const seoulLocal = (instant) => new Date(Date.parse(instant) + 9 * 3600_000).toISOString().slice(0, 16);
const plusDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);

test('the mentor moves a session in the page; the mentee\'s calendar shows the same event moved', { timeout: 480_000 },
  (t) => journey(t, { locale: 'ko-KR' }, async (page) => {
    const ko = messages.ko;
    const email = uniqueEmail('moved');
    const learnerId = await newLearner(page, email);

    await signedIn(page, { username: email });
    let r = await api(page, 'POST', '/mentoring/request', { subjects: ['MATH'], goals: '달력', preferredTimes: [{ day: 'TUE', from: '18:00', to: '21:00' }], language: 'ko' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    await signOut(page);
    await signedIn(page, REVIEWER);
    const proposals = (await api(page, 'GET', `/mentoring/requests/${learnerId}/proposals`)).body.proposals;
    const seoyeon = proposals.find((p) => p.name === '이서연');
    r = await api(page, 'POST', `/mentoring/requests/${learnerId}/match`, { mentorId: seoyeon.mentorId });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const mentorshipId = r.body.mentorshipId;
    await signOut(page);

    await signedIn(page, { username: email });
    const monday = plusDays(new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10), 14);
    const slots = (await api(page, 'GET', `/mentoring/mentorships/${mentorshipId}/slots?week=${monday}`)).body.slots.filter((s) => s.free);
    assert.ok(slots.length > 3, 'free times two weeks ahead');
    r = await api(page, 'POST', `/mentoring/mentorships/${mentorshipId}/sessions`, { start: slots[0].start });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const sessionId = r.body.sessionId;
    // the learner makes a calendar address in the page
    await page.click('#go-mentoring');
    await page.locator('#calendar-new').click();
    await expectText(page, '#mentoring-status', exactly(ko['mentoring.calendarMade']), 'a calendar address made');
    const address = await page.locator('#calendar-address').inputValue();
    assert.match(address, /\/api\/calendar\/seoul_[0-9a-f]{64}\.ics$/);
    const feedPath = new URL(address).pathname;
    const feed = async () => (await fetch(new URL(feedPath, apiUrl('/')).href)).text();
    const before = await feed();
    assert.match(before, /SEQUENCE:0\r\n/);
    const uid = before.match(/UID:(.+)\r\n/)[1];
    await signOut(page);

    // the mentor moves it in the page
    await signedIn(page, MENTOR);
    await page.click('#go-mentoring');
    await expectText(page, '#page h1', exactly(ko['mentoring.mentorTitle']), 'the mentor\'s page');
    const item = page.locator(`#mentor-sessions li[data-session-id="${sessionId}"]`);
    await item.waitFor({ state: 'visible' });
    const target = slots[2].start;
    await page.fill(`#move-at-${sessionId}`, seoulLocal(target));
    await snap(page, 'mentoring-mentor-move');
    await page.locator(`#mentor-move-${sessionId}`).click();
    await expectText(page, '#mentoring-status', exactly(ko['mentoring.mentorMoved']), 'moved by the mentor');
    assert.equal(await page.locator(`#mentor-sessions li[data-session-id="${sessionId}"]`).count(), 0, 'the old time is gone from the list');
    assert.equal(await page.locator(`#mentor-sessions li[data-status="BOOKED"] time[datetime="${target}"]`).count(), 1, 'the session at its new time');

    const after = await feed();
    assert.equal(after.match(/UID:(.+)\r\n/)[1], uid, 'the same calendar event');
    assert.match(after, /SEQUENCE:1\r\n/);
    assert.match(after, new RegExp(`DTSTART;TZID=Asia/Seoul:${seoulLocal(target).replace(/[-:]/g, '')}00\r\n`));
  }));
