// Mentor recruitment through the running local cloud (LOCAL_CLOUD_URL), issue 11: a student signs
// up, opens "Become a mentor", is told at the birth date field why a 40-year-old cannot apply
// before anything is uploaded, corrects it, fills in the form, uploads proof of enrolment and a
// transcript, and sees the application being reviewed; the demo reviewer scores and selects it in
// the round view; signed in again, the student is a mentor with a term.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, REVIEWER, accessible, api, expectText, exactly, fillDate, journey, mentions, mentionsMessage, messages, signIn, signOut, signUp, smallPdf, snap,
  uniqueEmail, useBrowser,
} from './support.mjs';

useBrowser();

const ROUND = 'seoul-mentors-2027';

function seoulToday() {
  const parts = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date());
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

test('a student applies to mentor, is told why before submitting, uploads, and a reviewer selects them', { timeout: 300_000 },
  (t) => journey(t, { locale: 'ko-KR' }, async (page) => {
    const ko = messages.ko;
    const email = uniqueEmail('mentor-applicant');
    await page.goto(`${BASE_URL}/`);
    await signUp(page, { email, lang: 'ko' });
    const userId = (await api(page, 'GET', '/me')).body.userId;

    await page.goto(`${BASE_URL}/#/recruitment`);
    await expectText(page, '#page h1', exactly(ko['recruitment.title']), 'the recruitment page');
    await snap(page, 'recruitment-start');
    await page.click(`#apply-${ROUND}`);
    await expectText(page, '#page h1', exactly(ko['recruitment.formTitle']), 'the application form');
    await snap(page, 'recruitment-form');

    // 40 today: the reason is shown at the birth date, before any upload
    const uploads = [];
    page.on('request', (r) => { if (r.url().includes('/api/registration/documents')) uploads.push(r.url()); });
    const [y, m, d] = seoulToday().split('-');
    await page.check('#enrolmentState-ENROLLED');
    await fillDate(page, 'birthDate', `${Number(y) - 40}-${m}-${d}`);
    await page.selectOption('#lastGrade', 'A+');
    await page.click('#check');
    await expectText(page, '#error-summary', mentions('39'), 'the age rule in the error summary');
    await expectText(page, '#birthDate-error', mentions('39'), 'the age rule at the birth date');
    await snap(page, 'recruitment-ineligible');
    // a grade below C+ is named at its field too
    await fillDate(page, 'birthDate', '2003-04-05');
    await page.selectOption('#lastGrade', 'C0');
    await page.click('#check');
    await page.locator('#lastGrade-error').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#birthDate-error').count(), 0, 'the birth date is fine now');
    await page.selectOption('#lastGrade', 'B+');
    await page.click('#check');
    await expectText(page, '#check-status', exactly(ko['recruitment.eligible']), 'the rules are met');
    assert.deepEqual(uploads, [], 'nothing was uploaded while the rules were not met');

    await page.fill('#name', '박지민');
    await page.fill('#university', '서울대학교');
    await page.fill('#programme', '수학교육과');
    await page.fill('#year', '3');
    await page.check('#subjects-MATH');
    await page.check('#levels-MIDDLE');
    await page.check('#languages-ko');
    await page.check('#availability-TUE');
    await page.fill('#commitmentSemesters', '2');
    await page.check('#mode-ONLINE');
    await page.check('#flags-educationMajor');
    await page.fill('#statement', '수학을 좋아하게 돕고 싶습니다.');
    await page.setInputFiles('#enrolmentDocumentId', { name: 'enrolment.pdf', mimeType: 'application/pdf', buffer: smallPdf() });
    await page.setInputFiles('#transcriptDocumentId', { name: 'transcript.pdf', mimeType: 'application/pdf', buffer: smallPdf() });
    // the privacy notice must be accepted: without the tick nothing is sent, the reason is at the box
    const sent = [];
    page.on('request', (r) => { if (r.method() === 'POST' && /\/api\/recruitment\/rounds\/[^/]+\/applications$/.test(r.url())) sent.push(r.url()); });
    await expectText(page, '#privacy-notice', mentionsMessage(ko['recruitment.privacyNotice']), 'the privacy notice');
    await page.click('#send-application');
    await expectText(page, '#privacyNotice-error', mentions(ko['recruitment.privacyRequired']), 'the notice must be accepted');
    assert.deepEqual(sent, [], 'nothing was sent without the acceptance');
    await page.check('#privacyNotice-yes');
    await page.click('#send-application');
    await expectText(page, `#status-${ROUND}`, exactly(ko['recruitment.status.SUBMITTED']), 'the application being reviewed');
    await snap(page, 'recruitment-status');
    await signOut(page);

    // the reviewer scores and selects
    await signIn(page, REVIEWER);
    await expectText(page, '#go-recruitment', exactly(ko['home.recruitment']), 'the link to recruitment on the start page');
    await page.click('#go-recruitment');
    await expectText(page, '#page h1', exactly(ko['recruitment.reviewTitle']), 'the reviewers\' recruitment page');
    await snap(page, 'recruitment-rounds');
    await page.click(`#round-${ROUND}`);
    await page.locator(`#application-${userId}`).waitFor({ state: 'visible' });
    await page.selectOption(`#score-${userId}-LONG_TERM`, '4');
    await page.click(`#save-score-${userId}`);
    await expectText(page, `#total-${userId}`, exactly('4'), 'the saved total');
    await page.click(`#select-${userId}`);
    await expectText(page, `#status-${userId}`, exactly(ko['recruitment.status.SELECTED']), 'the decision');
    await snap(page, 'recruitment-round');
    await signOut(page);

    // signed in again: a mentor with a term
    await signIn(page, { username: email });
    await expectText(page, '#go-recruitment', exactly(ko['home.recruitment']), 'the link to recruitment on the start page');
    await page.click('#go-recruitment');
    await expectText(page, `#status-${ROUND}`, exactly(ko['recruitment.status.SELECTED']), 'selected');
    await page.locator('#term').waitFor({ state: 'visible' });
    assert.ok((await api(page, 'GET', '/me')).body.groups.includes('mentors'), 'the new token carries mentors');
    await snap(page, 'recruitment-mentor');

    // the new mentor corrects what they offer on "Change my details" (docs/adr/0038), with the keyboard:
    // science besides maths, and Vietnamese besides Korean; then reads it back after a reload
    await page.goto(`${BASE_URL}/`);
    await page.locator('#details-link').waitFor({ state: 'visible' }); // offered once the start page knows the role
    await page.focus('#details-link');
    await page.keyboard.press('Enter');
    await expectText(page, '#page h1', exactly(ko['details.title']), 'the details page of a mentor');
    await page.locator('#subjects-MATH').waitFor({ state: 'visible' });
    assert.ok(await page.isChecked('#subjects-MATH'), 'the subject of the application is shown');
    assert.ok(await page.isChecked('#languages-ko'), 'the language of the application is shown');
    await accessible(page, 'the mentor details page');
    await snap(page, 'details-mentor');
    // none left: refused in the page, nothing sent
    await page.focus('#languages-ko');
    await page.keyboard.press('Space');
    await page.focus('#details-save');
    await page.keyboard.press('Enter');
    await expectText(page, '#languages-error', mentions(ko['details.mentorChooseOne']), 'at least one language');
    await page.focus('#languages-ko');
    await page.keyboard.press('Space');
    await page.focus('#subjects-SCIENCE');
    await page.keyboard.press('Space');
    await page.focus('#languages-vi');
    await page.keyboard.press('Space');
    await page.focus('#details-save');
    await page.keyboard.press('Enter');
    await expectText(page, '#details-status', exactly(ko['details.saved']), 'saved');
    await accessible(page, 'the mentor details page after saving');
    const saved = (await api(page, 'GET', '/me/mentor-profile')).body;
    assert.deepEqual(saved.subjects, ['MATH', 'SCIENCE']);
    assert.deepEqual(saved.languages, ['ko', 'vi']);
    await page.reload();
    await page.locator('#subjects-SCIENCE').waitFor({ state: 'visible' });
    assert.ok(await page.isChecked('#subjects-SCIENCE'), 'the new subject, after a reload');
    assert.ok(await page.isChecked('#languages-vi'), 'the new language, after a reload');
    assert.ok(await page.isChecked('#levels-MIDDLE'), 'the level, unchanged');
  }));
