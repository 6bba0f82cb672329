// Mentoring through the running local cloud (LOCAL_CLOUD_URL), three people in turn: a new
// learner (approved by the records check) asks for mentoring in the page; the demo reviewer
// opens the proposed mentors and chooses the demo mentor; the learner books two sessions in
// one week, sees the week turn full, cancels one; the demo mentor sees the session and saves
// their availability.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  BASE_URL, PASSWORD, REVIEWER, api, expectText, exactly, journey, mentions, messages, plural, signIn, signOut, signUp, snap,
  uniqueEmail, useBrowser, uniqueDohyun,
} from './support.mjs';

useBrowser();

const MENTOR = { username: 'mentor@seoul-learn.local', password: PASSWORD };

// A new account approved at once: 이도현 is a test household the local registry verifies.
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

// A change in the week view: the click, its answer and the page's reload (the week's slots),
// waited for generously (the emulator runs one request at a time on a shared machine).
const SLOW_MS = 90_000;
async function change(page, locator, method) {
  const answered = page.waitForResponse((r) => r.request().method() === method && r.url().includes('/api/mentoring/mentorships/'),
    { timeout: SLOW_MS });
  const reloaded = page.waitForResponse((r) => r.request().method() === 'GET' && r.url().includes('/slots'), { timeout: SLOW_MS });
  await locator.click();
  const answer = await answered;
  await reloaded;
  return answer;
}

async function openMentoring(page, account) {
  const ko = messages.ko;
  await signIn(page, account);
  await expectText(page, '#go-mentoring', exactly(ko['home.mentoring']), 'the link to mentoring on the start page');
  await page.click('#go-mentoring');
}

test('a learner asks for mentoring, a reviewer chooses the mentor, the learner books up to the weekly cap and cancels, the mentor sees it',
  { timeout: 480_000 }, (t) => journey(t, { locale: 'ko-KR' }, async (page) => {
    const ko = messages.ko;
    const email = uniqueEmail('mentee');
    const learnerId = await newLearner(page, email);

    // the learner asks
    await openMentoring(page, { username: email });
    await expectText(page, '#page h1', exactly(ko['mentoring.title']), 'the mentoring page');
    await page.click('#send-request');
    await expectText(page, '#error-summary', mentions(ko['errors.title']), 'what is missing, before anything is sent');
    await page.check('#subjects-MATH');
    await page.check('#subjects-COLLEGE_ADMISSION');
    await page.fill('#goals', '수학 성적을 올리고 싶어요');
    await page.check('#days-TUE');
    await page.check('#days-THU');
    await page.check('#partOfDay-EVENING');
    await snap(page, 'mentoring-request');
    await page.click('#send-request');
    await expectText(page, '#request-waiting', exactly(ko['mentoring.waiting']), 'waiting for a mentor');
    await signOut(page);

    // the reviewer chooses the demo mentor among the proposals
    await openMentoring(page, REVIEWER);
    await expectText(page, '#page h1', exactly(ko['mentoring.reviewTitle']), 'the reviewer\'s mentoring page');
    const request = page.locator(`#requests li[data-mentee-id="${learnerId}"]`);
    await request.locator('button').first().click();
    const seoyeon = request.locator('li[data-mentor-id]', { hasText: '이서연' });
    await seoyeon.waitFor({ state: 'visible' });
    assert.equal(await request.locator('li[data-mentor-id]').first().innerText().then((s) => s.includes('이서연')), true,
      'the seeded mentor for maths and admissions in Korean comes first');
    await snap(page, 'mentoring-proposals');
    await seoyeon.locator('button').click();
    await expectText(page, '#mentoring-status', mentions('이서연'), 'the mentor chosen');
    assert.equal(await page.locator(`#requests li[data-mentee-id="${learnerId}"]`).count(), 0, 'the request left the queue');
    await signOut(page);

    // the learner books two sessions next week; the week is then full; one is cancelled
    await openMentoring(page, { username: email });
    await expectText(page, '#mentor-name dd', exactly('이서연'), 'the mentor');
    await expectText(page, '#remaining', exactly(ko['mentoring.remainingOf'].replace('{n}', '16').replace('{total}', '16')), '16 sessions');
    await page.click('#week-next');
    await page.locator('#week .slot').first().waitFor({ state: 'visible' });
    assert.equal((await change(page, page.locator('#week .slot').first(), 'POST')).status(), 201, 'the first booking');
    await expectText(page, '#mentoring-status', exactly(ko['mentoring.booked']), 'the first booking');
    assert.equal((await change(page, page.locator('#week .slot').first(), 'POST')).status(), 201, 'the second booking');
    await expectText(page, '#mentoring-status', exactly(ko['mentoring.booked']), 'the second booking');
    await expectText(page, '#week-full', mentions(plural('ko', 'mentoring.weekFull', 2).split('{n}')[0].trim()), 'a full week says so instead of offering times');
    assert.equal(await page.locator('#week .slot').count(), 0, 'no time is offered in a full week');
    assert.equal(await page.locator('#sessions li[data-status="BOOKED"]').count(), 2);
    const links = await page.locator('#sessions .meeting-link').evaluateAll((as) => as.map((a) => a.href));
    assert.equal(new Set(links).size, 2, 'each session has its own meeting link');
    assert.ok(links.every((l) => l.startsWith('https://meet.seoul-learn.local/room/')), links.join(' '));
    await expectText(page, '#remaining', exactly(ko['mentoring.remainingOf'].replace('{n}', '14').replace('{total}', '16')), '14 left');
    await snap(page, 'mentoring-week-full');
    // "add to calendar": the button downloads the session as an .ics file the phone's calendar reads
    const downloading = page.waitForEvent('download');
    await page.locator('#sessions li[data-status="BOOKED"] button[id^="ics-"]').first().click();
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^seoul-learn-[\w-]+\.ics$/, 'saved as an .ics file');
    const ics = (await readFile(await download.path(), 'utf8')).replace(/\r\n[ \t]/g, '');
    assert.match(ics, /^BEGIN:VCALENDAR\r?\n/, 'a calendar');
    assert.equal((ics.match(/^BEGIN:VEVENT\r?$/gm) ?? []).length, 1, 'one event: the session');
    assert.match(ics, /^UID:\S+\r?$/m, 'the event has a UID');
    assert.match(ics, /^DTSTART;TZID=Asia\/Seoul:\d{8}T\d{6}\r?$/m, 'the start in Seoul time');
    assert.match(ics, /^SUMMARY:.+\r?$/m, 'the event says what it is');
    assert.match(ics, /^END:VCALENDAR\r?\n?$/m);
    assert.equal((await change(page, page.locator('#sessions li[data-status="BOOKED"] button[id^="cancel-"]').first(), 'DELETE')).status(), 200, 'cancelled');
    await expectText(page, '#mentoring-status', exactly(ko['mentoring.cancelled']), 'cancelled in time: back in the quota');
    await expectText(page, '#remaining', exactly(ko['mentoring.remainingOf'].replace('{n}', '15').replace('{total}', '16')), '15 left');
    // move the other one to another free time of the week, with the same mentor
    const before = await page.locator('#sessions li[data-status="BOOKED"] time').getAttribute('datetime');
    await page.locator('#sessions li[data-status="BOOKED"] button[id^="move-"]').click();
    await expectText(page, '#moving', exactly(ko['mentoring.pickNewTime']), 'choose the new time');
    const target = await page.locator('#week .slot').last().getAttribute('data-start');
    assert.equal((await change(page, page.locator('#week .slot').last(), 'POST')).status(), 201, 'moved');
    await expectText(page, '#mentoring-status', exactly(ko['mentoring.moved']), 'moved');
    assert.equal(await page.locator('#sessions li[data-status="BOOKED"] time').getAttribute('datetime'), target, 'the session is at the new time');
    assert.notEqual(target, before);
    await expectText(page, '#remaining', exactly(ko['mentoring.remainingOf'].replace('{n}', '15').replace('{total}', '16')), 'a move uses nothing');
    await signOut(page);

    // the mentor sees the session and keeps their availability
    await openMentoring(page, MENTOR);
    await expectText(page, '#page h1', exactly(ko['mentoring.mentorTitle']), 'the mentor\'s page');
    await expectText(page, '#mentor-sessions', mentions('이도현'), 'the mentee\'s session');
    await page.click('#save-availability');
    await expectText(page, '#mentoring-status', exactly(ko['mentoring.availabilitySaved']), 'availability saved');
    await snap(page, 'mentoring-mentor');
  }));
