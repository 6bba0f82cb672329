// Applicant and reviewer together, through the running local cloud (LOCAL_CLOUD_URL): an
// out-of-school applicant uploads a real PDF and sends; the demo reviewer finds the application
// in the queue, opens the document and approves; the applicant's next sign-in carries the
// learners group. And a rejection: the reason is required, the applicant reads it and resends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, REVIEWER, api, expectText, exactly, fillProfile, journey, mentions, messages, signIn,
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
