// Applicant journeys through the running local cloud (LOCAL_CLOUD_URL): sign up, who can apply,
// your details, a guardian for under-14s, the records check, documents, check and send, status.
// Each journey runs in a different language; one switches language on a page with errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, api, apiUrl, config, expectText, exactly, fillDate, fillProfile, journey, mentions, mentionsMessage,
  messages, signUp, snap, uniqueEmail, useBrowser, uniqueDohyun,
} from './support.mjs';

useBrowser();

test('a visitor reads who can apply for each local government before making an account', { timeout: 120_000 }, (t) => journey(t, { locale: 'ko-KR' }, async (page) => {
  const ko = messages.ko;
  await page.goto(`${BASE_URL}/`);
  await page.click('#who-link');
  await expectText(page, '#page h1', exactly(ko['who.title']), 'who can apply, without signing in');
  await expectText(page, '#who-LOW_INCOME', mentions('80%'), 'Seoul\'s income line');
  await expectText(page, '#who-SINGLE_PARENT', mentions(ko['category.SINGLE_PARENT']), 'a Seoul category');
  await snap(page, 'who-can-apply');
  await page.selectOption('#programme-tenant', 'chungbuk');
  await expectText(page, '#who-can-apply', mentions(`${ko['tenant.chungbuk']}에 사는 8~19세`), 'Chungbuk\'s ages');
  await expectText(page, '#who-quota', mentions('300'), 'Chungbuk\'s places');
  await expectText(page, '#who-LOW_INCOME', mentions('60%'), 'Chungbuk\'s income line');
  assert.equal(await page.locator('#who-SINGLE_PARENT').count(), 0, 'a category Chungbuk does not have');
  const signup = page.waitForRequest((r) => r.url().startsWith(config.signupUrl) && r.isNavigationRequest());
  await page.click('#who-sign-up');
  assert.equal(new URL((await signup).url()).searchParams.get('code_challenge_method'), 'S256', 'sign-up from this page uses PKCE too');
  await page.locator('#username').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#tenant').count(), 0, 'the sign-up page has no tenant field (the app asks after sign-up)');
}));

test('a low-income applicant found in the records is approved without uploading anything', { timeout: 180_000 }, (t) => journey(t, { locale: 'ko-KR' }, async (page) => {
  const ko = messages.ko;
  const email = uniqueEmail('records');
  const uploads = [];
  page.on('request', (r) => { if (r.url().startsWith(apiUrl('/registration/documents'))) uploads.push(r.url()); });

  await page.goto(`${BASE_URL}/`);
  await expectText(page, '#sign-up', exactly(ko['auth.signUp']), 'the create-an-account button');
  await snap(page, 'home-signed-out');
  const signup = await signUp(page, { email, lang: 'ko' });
  // The sign-up page gets the same OAuth request as the login page.
  assert.equal(signup.get('response_type'), 'code', 'sign-up: response_type');
  assert.equal(signup.get('client_id'), config.clientId, 'sign-up: client_id');
  assert.equal(signup.get('redirect_uri'), config.redirectUri, 'sign-up: redirect_uri');
  assert.equal(signup.get('code_challenge_method'), 'S256', 'sign-up: code_challenge_method');
  assert.match(signup.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/, 'sign-up: code_challenge');
  assert.ok(signup.get('state'), 'sign-up: state');
  assert.equal(signup.get('lang'), 'ko', 'sign-up: lang');
  assert.equal(new URL(page.url()).hash, '#/register', 'a new account lands on the registration');

  // Who can apply, in plain words, from the programme in force (2026: 80 % of median income).
  await expectText(page, '#who-can-apply', mentions(ko['who.title']), 'who can apply');
  await expectText(page, '#who-LOW_INCOME', mentions(ko['category.LOW_INCOME']), 'the low-income category');
  await expectText(page, '#who-LOW_INCOME', mentions('80%'), 'the income line of the programme in force');
  await snap(page, 'register-steps');
  await page.click('#continue');

  await expectText(page, '#page h1', exactly(ko['profile.title']), 'your details');
  await fillProfile(page, {
    name: uniqueDohyun(), birthDate: '2009-11-02', schoolLevel: 'HIGH', grade: 2, district: 'gangnam-gu', categories: ['LOW_INCOME'],
  });
  assert.equal(await page.inputValue('#preferredLanguage'), 'ko', 'the message language starts as the page language');
  await snap(page, 'profile');
  await page.click('#save');

  // The records check: explained, and its details are used for the check only.
  await expectText(page, '#page h1', exactly(ko['check.title']), 'the records check');
  await expectText(page, 'main', mentions(ko['check.why']), 'why the records are checked');
  await expectText(page, 'main', mentions(ko['check.notKept']), 'that the details are not kept');
  await snap(page, 'records-check');
  await page.fill('#householdHeadName', '이영수');
  await fillDate(page, 'householdHeadBirthDate', '1975-07-21');
  const checkRequest = page.waitForRequest((r) => r.url() === apiUrl('/registration/records-check'));
  await page.click('#check-records');
  const sent = JSON.parse((await checkRequest).postData());
  assert.deepEqual(Object.keys(sent).sort(), ['householdHeadBirthDate', 'householdHeadName', 'version'], 'records-check body');
  assert.equal(sent.householdHeadBirthDate, '1975-07-21', 'records-check: the date as YYYY-MM-DD');
  await expectText(page, '#records-result h2', exactly(ko['records.VERIFIED']), 'the records confirm low income');
  await expectText(page, '#no-documents-needed', exactly(ko['check.noDocuments']), 'no documents needed');
  assert.equal(await page.locator('#householdHeadName').count(), 0, 'the household details are not left on the page');
  await snap(page, 'records-check-verified');
  await page.click('#records-result #continue');

  await expectText(page, '#page h1', exactly(ko['submit.title']), 'check and send');
  await expectText(page, '#answer-name', mentions('이도현'), 'the name in the answers');
  await expectText(page, '#answer-school', mentions(ko['level.HIGH']), 'the school level in the answers');
  await expectText(page, '#answer-district', mentions(ko['district.gangnam-gu']), 'the district in Korean');
  assert.equal(await page.locator('input[type=file]').count(), 0, 'no upload is asked for');
  await snap(page, 'submit');
  await page.check('#privacyNotice-yes');
  await page.click('#submit-application');

  await expectText(page, '#page h1', exactly(ko['status.title']), 'the status page');
  await expectText(page, '#application-status', exactly(ko['registration.APPROVED']), 'approved');
  await expectText(page, '#approved-by-records', exactly(ko['status.approved.byRecords']), 'approved from the records');
  const registration = await api(page, 'GET', '/registration');
  // The browser's clock is in London; the page must show Seoul's date and time (ICU versions
  // word "AM" differently, so compare the numbers).
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en', {
    timeZone: 'Asia/Seoul', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true,
  }).formatToParts(new Date(registration.body.decision.decidedAt)).map((p) => [p.type, p.value]));
  await expectText(page, '#decided-at', (text) => text.includes(`${parts.year}년 ${parts.month}월 ${parts.day}일`)
    && text.includes(`${parts.hour}:${parts.minute}`), 'the decision time in Seoul time, whatever the device clock says');
  assert.deepEqual(uploads, [], 'no document was uploaded');
  await snap(page, 'status-approved');

  // Learner access comes with the next token: signing in again shows the learners group.
  await page.click('#sign-in-again');
  await page.locator('#username').waitFor({ state: 'visible' });
  await page.fill('#username', email);
  await page.fill('#password', 'seoul-demo-2026');
  await page.click('#submit');
  await expectText(page, '#me-groups', mentions(ko['group.learners']), 'the learners group after signing in again');
}));

test('a multicultural applicant who uploads a renamed text file is told it is the wrong type', { timeout: 180_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  const en = messages.en;
  const kind = 'MULTICULTURAL_FAMILY_CERTIFICATE';
  const field = `#file-${kind}`;
  const documentPosts = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url() === apiUrl('/registration/documents')) documentPosts.push(r.postData()); });

  await page.goto(`${BASE_URL}/`);
  await signUp(page, { email: uniqueEmail('wrongtype'), lang: 'en' });
  await page.click('#continue');
  await fillProfile(page, {
    name: 'Nguyen Van An', birthDate: '2011-04-15', schoolLevel: 'MIDDLE', grade: 3, district: 'guro-gu', categories: ['MULTICULTURAL'],
  });
  await page.click('#save');

  // No records check for this category: straight to the documents.
  await expectText(page, '#page h1', exactly(en['documents.title']), 'the documents page');
  await expectText(page, `#field-file-${kind} label`, exactly(en[`document.${kind}`]), 'the document asked for, in English');
  await expectText(page, '#file-rules', exactly(en['documents.rules']), 'the file rules');
  await snap(page, 'documents');

  // Checked in the browser first, with the server's words, and nothing sent.
  await page.click(`#upload-${kind}`);
  await expectText(page, `${field}-error`, mentions(en['problem.document-no-file']), 'no file chosen');
  await page.setInputFiles(field, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('my notes') });
  await page.click(`#upload-${kind}`);
  await expectText(page, `${field}-error`, mentions(en['problem.document-wrong-type']), 'a text file');
  await page.setInputFiles(field, { name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
  await page.click(`#upload-${kind}`);
  await expectText(page, `${field}-error`, mentions(en['problem.document-empty']), 'an empty file');
  assert.deepEqual(documentPosts, [], 'files refused in the browser are not announced to the API');

  // A text file named .pdf passes the browser's check; the server finds what it really is.
  await page.setInputFiles(field, { name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('These are my notes, not a PDF.\n') });
  const finalise = page.waitForResponse((r) => /\/api\/registration\/documents\/[^/]+\/finalise$/.test(r.url()));
  await page.click(`#upload-${kind}`);
  const answer = await finalise;
  assert.equal(answer.status(), 422, 'finalise refuses the file');
  assert.equal((await answer.json()).code, 'document-wrong-type', 'finalise: the problem code');
  await expectText(page, `${field}-error`, mentions(en['problem.document-wrong-type']), 'the wrong-type message by the field');
  await expectText(page, '#error-summary', mentions(en['problem.document-wrong-type']), 'the wrong-type message in the summary');
  assert.equal(await page.getAttribute(field, 'aria-invalid'), 'true', 'the file input is marked invalid');
  assert.match(await page.getAttribute(field, 'aria-describedby'), new RegExp(`file-${kind}-error`), 'the message describes the input');
  assert.equal(await page.getAttribute('#error-summary a', 'href'), field, 'the summary links to the field');
  assert.equal(await page.locator(`#documents-received li[data-kind="${kind}"]`).count(), 0, 'the document is not listed as received');
  const registration = await api(page, 'GET', '/registration');
  assert.deepEqual(registration.body.missingDocuments, [kind], 'the document is still missing');
  await snap(page, 'documents-wrong-type');
}));

test('an applicant under 14 gets the guardian step and cannot send without consent', { timeout: 180_000 }, (t) => journey(t, { locale: 'vi-VN' }, async (page) => {
  const vi = messages.vi;
  await page.goto(`${BASE_URL}/`);
  await signUp(page, { email: uniqueEmail('under14'), lang: 'vi' });
  await expectText(page, '#who-can-apply', mentions(vi['who.title']), 'who can apply in Vietnamese');
  await page.click('#continue');
  await fillProfile(page, {
    name: '박서준', birthDate: '2016-01-30', schoolLevel: 'ELEMENTARY', grade: 4, district: 'mapo-gu', categories: ['MULTICULTURAL'],
  });
  await page.click('#save');

  await expectText(page, '#page h1', exactly(vi['guardianPage.title']), 'the guardian step');
  await expectText(page, 'main', mentions(vi['field.guardianConsent.statement']), 'the consent statement in Vietnamese');
  await page.click('#save');
  await expectText(page, '#guardian-name-error', mentions(vi['err.guardian-name.required']), 'guardian name required');
  await expectText(page, '#guardian-contact-error', mentions(vi['err.guardian-contact.required']), 'guardian contact required');
  await page.fill('#guardian-name', '박미경');
  await page.fill('#guardian-contact', '010-1234-5678');
  await snap(page, 'guardian');
  await page.click('#save'); // consent not given: the guardian is not here yet

  await expectText(page, '#page h1', exactly(vi['documents.title']), 'on to the documents');
  await page.click('#continue');
  await expectText(page, '#page h1', exactly(vi['submit.title']), 'check and send');
  await expectText(page, '#answer-guardian', mentions(vi['summary.consentMissing']), 'no consent yet in the answers');
  await expectText(page, '#documents-later', exactly(vi['submit.documentsLater']), 'documents can follow');
  const refused = page.waitForResponse((r) => r.url() === apiUrl('/registration/submit'));
  await page.check('#privacyNotice-yes');
  await page.click('#submit-application');
  const answer = await refused;
  assert.equal(answer.status(), 422, 'submit without consent');
  assert.equal((await answer.json()).code, 'guardian-consent-required', 'submit: problem code');
  await expectText(page, '#error-summary', mentions(vi['err.guardian-consent.required']), 'the guardian message');
  await snap(page, 'submit-guardian-refused');
  assert.equal((await api(page, 'GET', '/registration')).body.status, 'DRAFT', 'still a draft');

  // The summary link goes to the consent box.
  await page.click('#error-summary a');
  await expectText(page, '#page h1', exactly(vi['guardianPage.title']), 'back at the guardian step');
  await page.waitForFunction(() => document.activeElement?.id === 'guardian-consent-yes');
}));

test('a resident registration number typed into the name is refused by the field and nothing is saved', { timeout: 120_000 }, (t) => journey(t, { locale: 'zh-CN' }, async (page) => {
  const zh = messages.zh;
  const saves = [];
  page.on('request', (r) => { if (r.method() === 'PUT' && r.url() === apiUrl('/registration')) saves.push(r.postData()); });
  await page.goto(`${BASE_URL}/`);
  await signUp(page, { email: uniqueEmail('rrn'), lang: 'zh' });
  await expectText(page, '#who-can-apply', mentions(zh['who.title']), 'who can apply in Chinese');
  await page.click('#continue');
  await expectText(page, '#page h1', exactly(zh['profile.title']), 'your details in Chinese');
  await expectText(page, '#field-categories', mentions(zh['category.SINGLE_PARENT']), 'a category in Chinese');
  await fillProfile(page, {
    name: '李多贤 090514-4123456', birthDate: '2009-05-14', schoolLevel: 'HIGH', grade: 1, district: 'jongno-gu', categories: ['SINGLE_PARENT'],
  });
  await page.click('#save');
  await expectText(page, '#name-error', mentions(zh['problem.resident-registration-number']), 'the resident number message by the name');
  await expectText(page, '#error-summary', mentions(zh['problem.resident-registration-number']), 'and in the summary');
  assert.equal(await page.getAttribute('#name', 'aria-invalid'), 'true', 'the name is marked invalid');
  assert.ok((await page.title()).startsWith(zh['errors.prefix']), 'the page title says there is an error');
  await snap(page, 'profile-resident-number');
  assert.deepEqual(saves, [], 'the number never left the browser');
  const registration = await api(page, 'GET', '/registration');
  assert.equal(registration.body.name, undefined, 'no name was saved');
}));

test('switching language on a page keeps what was typed and translates the errors', { timeout: 120_000 }, (t) => journey(t, { locale: 'ko-KR' }, async (page) => {
  await page.goto(`${BASE_URL}/`);
  await signUp(page, { email: uniqueEmail('languages'), lang: 'ko' });
  await page.click('#continue');
  await page.fill('#name', 'Tran Minh Anh');
  await page.click('#save');
  await expectText(page, '#birthDate-error', mentions(messages.ko['err.birthDate.required']), 'a Korean error');
  for (const lang of ['en', 'vi', 'zh', 'ko']) {
    const m = messages[lang];
    await page.selectOption('#language', lang);
    await expectText(page, '#page h1', exactly(m['profile.title']), `the heading in ${lang}`);
    await expectText(page, '#error-summary h2', exactly(m['errors.title']), `the error summary in ${lang}`);
    await expectText(page, '#birthDate-error', mentions(m['err.birthDate.required']), `the date error in ${lang}`);
    await expectText(page, '#field-categories', mentions(m['category.MULTICULTURAL']), `a category in ${lang}`);
    await expectText(page, '#field-categories', mentionsMessage(m['categoryHint.LOW_INCOME']), `the income line explained in ${lang}`);
    assert.equal(await page.locator('#district option[value="gangnam-gu"]').innerText(), m['district.gangnam-gu'], `a district in ${lang}`);
    assert.equal(await page.inputValue('#name'), 'Tran Minh Anh', `the typed name survives the switch to ${lang}`);
    assert.equal(await page.getAttribute('html', 'lang'), lang, `<html lang> is ${lang}`);
    await snap(page, `profile-errors-${lang}`);
  }
  await page.goto(`${BASE_URL}/#/register`);
  await page.reload();
  await expectText(page, '#page h1', exactly(messages.ko['register.title']), 'a reload keeps the page and the language');
}));
