// Applicant and reviewer together, through the running local cloud (LOCAL_CLOUD_URL): an
// out-of-school applicant uploads a real PDF and sends; the demo reviewer finds the application
// in the queue, opens the document and approves; the applicant's next sign-in carries the
// learners group. And a rejection: the reason is required, the applicant reads it and resends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, REVIEWER, accessible, api, expectText, exactly, fillProfile, journey, mentions, messages, signIn,
  signOut, signUp, smallPdf, snap, uniqueEmail, uniqueKoreanName, useBrowser,
} from './support.mjs';

useBrowser();

const KIND = 'OUT_OF_SCHOOL_CONFIRMATION';

// As an applicant: sign up, details (out of school), upload a real PDF, send. Ends signed out.
async function applyOutOfSchool(page, { email, name, lang }) {
  const m = messages[lang];
  await page.goto(`${BASE_URL}/`);
  await signUp(page, { email, lang });
  await page.click('#continue');
  await fillProfile(page, { name, birthDate: '2008-06-15', schoolLevel: 'NOT_IN_SCHOOL', district: 'nowon-gu', categories: ['OUT_OF_SCHOOL'] });
  assert.equal(await page.locator('#grade').isVisible(), false, 'no grade for someone not in school');
  await page.click('#save');
  await expectText(page, '#page h1', exactly(m['documents.title']), 'the documents page');
  await page.setInputFiles(`#file-${KIND}`, { name: 'confirmation.pdf', mimeType: 'application/pdf', buffer: smallPdf() });
  const put = page.waitForResponse((r) => r.request().method() === 'PUT' && !r.url().startsWith(BASE_URL));
  await page.click(`#upload-${KIND}`);
  const stored = await put;
  assert.ok(stored.ok(), `the presigned PUT answered ${stored.status()}`);
  await expectText(page, `#documents-received li[data-kind="${KIND}"]`, mentions(m[`document.${KIND}`]), 'the document listed as received');
  await snap(page, 'documents-received');
  await page.click('#continue');
  await expectText(page, '#page h1', exactly(m['submit.title']), 'check and send');
  await page.check('#privacyNotice-yes');
  await page.click('#submit-application');
  await expectText(page, '#application-status', exactly(m['registration.SUBMITTED']), 'submitted');
  assert.equal(await page.locator('#missing-documents').count(), 0, 'nothing is missing');
  await snap(page, 'status-submitted');
  await signOut(page);
}

// As the demo reviewer: the queue, loading more pages until the application shows.
async function findInQueue(page, name) {
  const ko = messages.ko;
  await signIn(page, REVIEWER);
  await expectText(page, '#go-review', exactly(ko['home.review']), 'the reviewer\'s link to the queue');
  await page.click('#go-review');
  await expectText(page, '#page h1', exactly(ko['review.title']), 'the queue');
  const link = page.locator('#queue .queue-name', { hasText: name });
  for (let pages = 0; !(await link.count()); pages++) {
    assert.ok(pages < 50 && await page.locator('#load-more').isVisible(), `${name} is not in the queue`);
    const before = await page.locator('#queue .queue-item').count();
    await page.click('#load-more');
    await page.waitForFunction((n) => document.querySelectorAll('#queue .queue-item').length > n, before);
  }
  await snap(page, 'review-queue');
  await link.click();
  await expectText(page, '#page h1', exactly(name), 'the application');
}

test('an out-of-school applicant uploads a PDF, a reviewer opens it and approves, and the applicant becomes a learner', { timeout: 240_000 }, (t) => journey(t, { locale: 'ko-KR' }, async (page, { context }) => {
  const ko = messages.ko;
  const email = uniqueEmail('outofschool');
  const name = uniqueKoreanName('정');
  await applyOutOfSchool(page, { email, name, lang: 'ko' });

  await findInQueue(page, name);
  await expectText(page, '#application-status', exactly(ko['registration.SUBMITTED']), 'waiting for review');
  await expectText(page, '#fact-categories', mentions(ko['category.OUT_OF_SCHOOL']), 'the category');
  await expectText(page, '#reads-recorded', exactly(ko['review.readsRecorded']), 'that each opening is recorded');
  await snap(page, 'review-application');

  // Open the document: a short-lived URL, in a new tab.
  const open = page.locator(`#documents li[data-kind="${KIND}"] button`);
  const readUrl = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/read-url'));
  const opened = context.waitForEvent('request', (r) => r.method() === 'GET' && r.url().includes('X-Amz-Signature='));
  await open.click();
  const ticket = await readUrl;
  assert.equal(ticket.status(), 200, 'read-url');
  const { url } = await ticket.json();
  const request = await opened;
  assert.equal(request.url(), url, 'the new tab goes to the short-lived read URL');
  assert.notEqual(request.frame().page(), page, 'the document opens in a new tab, not in place of the application');
  const file = Buffer.from(await (await fetch(url)).arrayBuffer());
  assert.ok(file.subarray(0, 5).equals(Buffer.from('%PDF-')), 'the read URL gives the PDF that was uploaded');
  await expectText(page, '#document-status', mentions(ko['review.opened'].split('{document}')[0].trim()), 'that the document was opened and recorded');
  await expectText(page, '#application-status', exactly(ko['registration.UNDER_REVIEW']), 'opening a document starts the review');

  // Deciding: the reason is needed only to refuse.
  await page.click('#decide');
  await expectText(page, '#decision-error', mentions(ko['err.decision.required']), 'a decision must be chosen');
  await page.check('#decision-APPROVE');
  await snap(page, 'review-decision');
  await page.click('#decide');
  await expectText(page, '#page-status', exactly(ko['review.saved']), 'the decision is saved');
  await expectText(page, '#application-status', exactly(ko['registration.APPROVED']), 'approved');
  await signOut(page);

  // The applicant's next sign-in carries the learners group.
  await signIn(page, { username: email });
  await expectText(page, '#me-groups', mentions(ko['group.learners']), 'the applicant is a learner now');
  await expectText(page, '#me-status', exactly(ko['registration.APPROVED']), 'and approved');
}));

test('a reviewer must give a reason to refuse; the applicant reads it, fixes and sends again', { timeout: 240_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  const en = messages.en;
  const ko = messages.ko;
  const email = uniqueEmail('refused');
  const name = uniqueKoreanName('한');
  await applyOutOfSchool(page, { email, name, lang: 'en' });

  await page.selectOption('#language', 'ko');
  await findInQueue(page, name);
  await page.check('#decision-REJECT');
  await page.click('#decide');
  await expectText(page, '#reason-error', mentions(ko['err.reason.required']), 'a reason is required to refuse');
  const reason = '학교 밖 청소년 확인서의 발급일이 보이지 않아요. 발급일이 보이게 다시 올려 주세요.';
  await page.fill('#reason', reason);
  await page.click('#decide');
  await expectText(page, '#application-status', exactly(ko['registration.REJECTED']), 'not approved');
  await expectText(page, '#decision-reason', exactly(reason), 'the reason kept');
  await signOut(page);

  await page.selectOption('#language', 'en');
  await signIn(page, { username: email });
  await page.click('#go-register');
  await expectText(page, '#page h1', exactly(en['register.title']), 'a refused application can be changed');
  await expectText(page, '#rejected-notice', mentions(reason), 'the reviewer\'s reason on the steps page');
  await page.goto(`${BASE_URL}/#/register/status`);
  await expectText(page, '#application-status', exactly(en['registration.REJECTED']), 'the status');
  await expectText(page, '#decision-reason', exactly(reason), 'the reason on the status page');
  await snap(page, 'status-rejected');
  await page.click('#fix-application');
  await expectText(page, '#task-submit', exactly(en['step.submit']), 'the steps, ready to send again');
  await page.click('#task-submit');
  await page.check('#privacyNotice-yes');
  await page.click('#submit-application');
  await expectText(page, '#application-status', exactly(en['registration.SUBMITTED']), 'sent again');
  assert.equal((await api(page, 'GET', '/registration')).body.status, 'SUBMITTED', 'the API agrees');
}));

test('an application sent before its documents cannot be approved until the applicant uploads them from the status page', { timeout: 240_000 }, (t) => journey(t, { locale: 'zh-CN' }, async (page) => {
  const zh = messages.zh;
  const ko = messages.ko;
  const kind = 'MULTICULTURAL_FAMILY_CERTIFICATE';
  const email = uniqueEmail('later');
  const name = uniqueKoreanName('최');
  await page.goto(`${BASE_URL}/`);
  await signUp(page, { email, lang: 'zh' });
  await page.click('#continue');
  await fillProfile(page, { name, birthDate: '2012-02-29', schoolLevel: 'MIDDLE', grade: 2, district: 'songpa-gu', categories: ['MULTICULTURAL'] });
  await page.click('#save');
  await expectText(page, '#page h1', exactly(zh['documents.title']), 'the documents page');
  await page.click('#continue'); // nothing uploaded yet
  await expectText(page, '#documents-later', exactly(zh['submit.documentsLater']), 'documents can follow');
  await page.check('#privacyNotice-yes');
  await page.click('#submit-application');
  await expectText(page, '#application-status', exactly(zh['registration.SUBMITTED']), 'sent without documents');
  await expectText(page, `#missing-documents li[data-kind="${kind}"]`, exactly(zh[`document.${kind}`]), 'what is still missing');
  await snap(page, 'status-missing-documents');
  await signOut(page);

  await page.selectOption('#language', 'ko');
  await findInQueue(page, name);
  await expectText(page, '#missing-documents', mentions(ko[`document.${kind}`]), 'the reviewer sees what is missing');
  await page.check('#decision-APPROVE');
  const refused = page.waitForResponse((r) => r.url().endsWith('/decision'));
  await page.click('#decide');
  const answer = await refused;
  assert.equal(answer.status(), 409, 'approving with documents missing');
  assert.deepEqual((await answer.json()).missingDocuments, [kind], 'decision-not-allowed lists the missing documents');
  await expectText(page, '#error-summary', mentions(ko['review.cannotApproveMissing']), 'why it cannot be approved');
  await expectText(page, '#error-summary', mentions(ko[`document.${kind}`]), 'which document is missing');
  await snap(page, 'review-cannot-approve');
  await signOut(page);

  await page.selectOption('#language', 'zh');
  await signIn(page, { username: email });
  await page.click('#go-register');
  await expectText(page, '#page h1', exactly(zh['status.title']), 'a sent application opens on its status');
  await page.setInputFiles(`#file-${kind}`, { name: 'family.pdf', mimeType: 'application/pdf', buffer: smallPdf() });
  await page.click(`#upload-${kind}`);
  await expectText(page, '#page-status', mentions(zh[`document.${kind}`]), 'the upload is confirmed');
  assert.equal(await page.locator('#missing-documents').count(), 0, 'nothing is missing any more');
  await signOut(page);

  await page.selectOption('#language', 'ko');
  await findInQueue(page, name);
  await page.check('#decision-APPROVE');
  await page.click('#decide');
  await expectText(page, '#application-status', exactly(ko['registration.APPROVED']), 'approved once the document is there');
}));

test('a reviewer filters the queue and asks for a document; the applicant sees what to send and why, sends it and the application goes back; an admin reads both in the audit trail', { timeout: 300_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  const en = messages.en;
  const email = uniqueEmail('docrequest');
  const name = uniqueKoreanName('윤');
  await applyOutOfSchool(page, { email, name, lang: 'en' });

  // The reviewer narrows the queue: out of school, Nowon-gu, waiting for a decision
  await signIn(page, REVIEWER);
  await page.click('#go-review');
  await expectText(page, '#page h1', exactly(en['review.title']), 'the queue');
  await page.click('.filter-panel summary');
  await page.fill('#minAge', '120');
  await page.click('#apply-filters');
  await expectText(page, '#minAge-error', mentions(en['review.filter.number'].replace('{max}', '99')), 'an age the server would refuse is caught first');
  await page.fill('#minAge', '');
  await page.selectOption('#category', 'OUT_OF_SCHOOL');
  await page.selectOption('#district', 'nowon-gu');
  await page.selectOption('#status', 'SUBMITTED');
  await page.click('#apply-filters');
  await expectText(page, '#results-heading', exactly(en['review.list.queue']), 'the filtered queue');
  const link = page.locator('#queue .queue-name', { hasText: name });
  for (let pages = 0; !(await link.count()); pages++) {
    assert.ok(pages < 50 && await page.locator('#load-more').isVisible(), `${name} is not in the filtered queue`);
    const before = await page.locator('#queue .queue-item').count();
    await page.click('#load-more');
    await page.waitForFunction((n) => document.querySelectorAll('#queue .queue-item').length > n, before);
  }
  const shown = await page.locator('#queue .queue-item').allInnerTexts();
  assert.ok(shown.every((text) => text.includes(en['category.OUT_OF_SCHOOL'])), 'only out-of-school applicants are listed');
  await snap(page, 'review-filtered');
  await link.click();
  await expectText(page, '#page h1', exactly(name), 'the application');
  const applicantId = decodeURIComponent(new URL(page.url()).hash.split('/').pop());

  // ... and asks for the confirmation again: it cannot be read. Both choices are required.
  await page.uncheck('#documents-OUT_OF_SCHOOL_CONFIRMATION');
  await page.click('#send-request');
  await expectText(page, '#error-summary', mentions(en['review.request.documentsRequired']), 'a document is required');
  await expectText(page, '#error-summary', mentions(en['review.request.templateRequired']), 'a reason is required');
  await page.check('#documents-OUT_OF_SCHOOL_CONFIRMATION');
  await page.check('#template-unreadable');
  await page.click('#send-request');
  await expectText(page, '#page-status', exactly(en['review.request.sent']), 'sent back to the applicant');
  await expectText(page, '#request-template', exactly(en['review.request.template.unreadable']), 'why, as the reviewer chose');
  await expectText(page, '#requested-documents', mentions(en['document.OUT_OF_SCHOOL_CONFIRMATION']), 'what was asked for');
  await snap(page, 'review-documents-requested');
  // it is on the list of requests, not in the queue
  const requested = await api(page, 'GET', `/review/applications?list=requested&reference=${applicantId}`);
  assert.equal(requested.status, 200);
  await signOut(page);

  // The applicant, in Vietnamese, reads what to send and why, uploads it and sends the application again
  await page.selectOption('#language', 'vi');
  const vi = messages.vi;
  await signIn(page, { username: email });
  await page.locator('#go-register').waitFor({ state: 'visible' });
  await page.goto(`${BASE_URL}/#/register/status`);
  await expectText(page, '#request-heading', exactly(vi['status.request.title']), 'a reviewer asked for documents');
  await expectText(page, '#request-why', exactly(vi['status.request.why.unreadable']), 'why, in the applicant\'s language');
  await expectText(page, '#requested-documents li[data-kind="OUT_OF_SCHOOL_CONFIRMATION"]', mentions(vi['document.OUT_OF_SCHOOL_CONFIRMATION']), 'what to send');
  await snap(page, 'status-documents-requested');
  await page.setInputFiles('#file-OUT_OF_SCHOOL_CONFIRMATION', { name: 'clearer.pdf', mimeType: 'application/pdf', buffer: smallPdf() });
  await page.click('#upload-OUT_OF_SCHOOL_CONFIRMATION');
  await expectText(page, '#page-status', (text) => text.length > 0, 'the new copy received');
  await page.click('#resubmit');
  await expectText(page, '#page-status', exactly(vi['status.request.resubmitted']), 'sent again');
  assert.equal(await page.locator('#document-request').count(), 0, 'nothing more is asked for');
  await expectText(page, '#application-status', (text) => [vi['registration.SUBMITTED'], vi['registration.UNDER_REVIEW']].includes(text), 'back with the reviewers');
  await signOut(page);

  // The admin reads the request and the resubmission in the audit trail, filtered by the application
  await page.selectOption('#language', 'en');
  await signIn(page, { username: 'admin@seoul-learn.local' });
  await page.click('#go-audit');
  await expectText(page, '#page h1', exactly(en['audit.title']), 'the audit trail');
  await page.fill('#subject', applicantId);
  await page.click('#apply-audit-filters');
  await expectText(page, '#audit-trail tr[data-action="review.request-documents"] th', exactly(en['audit.action.review-request-documents']), 'the request');
  await expectText(page, '#audit-trail tr[data-action="registration.resubmit"] th', exactly(en['audit.action.registration-resubmit']), 'the resubmission');
  assert.equal(await page.locator('#audit-trail tr[data-action="review.request-documents"]').count(), 1, 'the request once');
  await expectText(page, '#audit-trail tr[data-action="review.request-documents"] .audit-after', (text) => text.length > 0, 'with what it changed to');
  await page.fill('#from', '2026-12-31');
  await page.fill('#to', '2026-01-01');
  await page.click('#apply-audit-filters');
  await expectText(page, '#to-error', mentions(en['audit.filter.order']), 'the days in order');
  await snap(page, 'audit-trail');
}));

// docs/adr/0040: the applicant appeals a rejection once (reason box, keyboard and axe clean);
// the appeal waits on the reviewers' "Appeals" list; the reviewer who rejected is told another
// reviewer must decide it (the route refuses them: 403 appeal-same-reviewer), and nothing changes.
test('a refused applicant appeals once; the appeal waits for a reviewer other than the one who refused', { timeout: 240_000 }, (t) => journey(t, { locale: 'vi-VN' }, async (page) => {
  const vi = messages.vi;
  const ko = messages.ko;
  const email = uniqueEmail('appeal');
  const name = uniqueKoreanName('윤');
  await applyOutOfSchool(page, { email, name, lang: 'vi' });

  await page.selectOption('#language', 'ko');
  await findInQueue(page, name);
  const reason = '확인서가 흐려서 읽을 수 없어요.';
  await page.check('#decision-REJECT');
  await page.fill('#reason', reason);
  await page.click('#decide');
  await expectText(page, '#application-status', exactly(ko['registration.REJECTED']), 'not approved');
  assert.equal(await page.locator('#appeal').count(), 0, 'no appeal yet');
  await signOut(page);

  await page.selectOption('#language', 'vi');
  await signIn(page, { username: email });
  await page.click('#go-register');
  await expectText(page, '#rejected-notice', mentions(reason), 'the reason on the steps page');
  await page.goto(`${BASE_URL}/#/register/status`);
  await expectText(page, '#appeal-heading', exactly(vi['status.appeal.title']), 'the appeal box on a refused application');
  assert.ok(await page.locator('#appeal-until').isVisible(), 'the last day to appeal');
  await page.click('#send-appeal');
  await expectText(page, '#error-summary', mentions(vi['status.appeal.reason.required']), 'a reason is required');
  const why = 'Trường đã gửi lại giấy xác nhận rõ hơn tuần trước. Xin xem lại.';
  await page.focus('#appealReason');
  await page.keyboard.type(why);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expectText(page, '#appeal-open', exactly(vi['status.appeal.open']), 'the appeal waits for another reviewer');
  await expectText(page, '#appeal-reason', exactly(why), 'the applicant\'s own words');
  assert.equal(await page.locator('#fix-application').count(), 0, 'no changing the application while the appeal is open');
  await accessible(page, 'the status page with an open appeal');
  await snap(page, 'status-appeal-open');
  const registration = (await api(page, 'GET', '/registration')).body;
  assert.equal(registration.appeal.status, 'OPEN', 'the API agrees');
  const again = await api(page, 'POST', '/registration/appeal', { reason: 'again', version: registration.version });
  assert.equal(again.status, 409, 'only one appeal');
  await signOut(page);

  await page.selectOption('#language', 'ko');
  await signIn(page, REVIEWER);
  await page.click('#go-review');
  await expectText(page, '#page h1', exactly(ko['review.title']), 'the queue');
  await page.locator('details.filter-panel').evaluate((d) => { d.open = true; });
  await page.selectOption('#list', 'appeals');
  await page.click('#apply-filters');
  await expectText(page, '#results-heading', exactly(ko['review.list.appeals']), 'the appeals list');
  const link = page.locator('#queue .queue-name', { hasText: name });
  for (let pages = 0; !(await link.count()); pages++) {
    assert.ok(pages < 50 && await page.locator('#load-more').isVisible(), `${name} is not on the appeals list`);
    const before = await page.locator('#queue .queue-item').count();
    await page.click('#load-more');
    await page.waitForFunction((n) => document.querySelectorAll('#queue .queue-item').length > n, before);
  }
  await link.click();
  await expectText(page, '#appeal-reason', exactly(why), 'the reviewer reads the appeal');
  await page.check('#appealDecision-APPROVE');
  await page.click('#decide-appeal');
  // the server's words for 403 appeal-same-reviewer (problems_ko.properties), shown in the error summary
  await expectText(page, '#error-summary', mentions('이 신청을 거절한 심사자입니다'), 'the reviewer who refused cannot decide the appeal');
  await accessible(page, 'the appeal on the review page');
  await snap(page, 'review-appeal');
  const userId = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/review\//, ''));
  const after = await api(page, 'GET', `/review/applications/${encodeURIComponent(userId)}`);
  assert.equal(after.body.appeal.status, 'OPEN', 'nothing changed: the appeal still waits');
  assert.equal(after.body.status, 'REJECTED');
}));
