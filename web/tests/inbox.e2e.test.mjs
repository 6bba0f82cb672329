// Messages and how they come, through the running local cloud (LOCAL_CLOUD_URL): a new learner
// whose application the records approve at once signs in again as a learner; the header's badge
// says one unread message; the messages page shows the approval (in the page's language, English),
// it is marked read with the keyboard and the badge goes; on "how we contact you" the learner gives
// a mobile number as Koreans write it and turns text messages off for booked sessions — after a
// reload the page and the API both still say so. Re-runnable: each run signs up a new learner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  BASE_URL, PASSWORD, accessible, api, expectText, exactly, journey, mentions, messages, plural, registerPersonal, signIn, signOut, signUp, snap,
  uniqueDohyun, uniqueEmail, useBrowser,
} from './support.mjs';

useBrowser();

// moto (the emulator behind the local cloud) records the texts SNS accepted: GET /seoul-learn/sent-sms
const MOTO = (process.env.AWS_ENDPOINT_URL || 'http://127.0.0.1:4566').replace(/\/+$/, '');
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The texts sent to one number (in the order sent), waiting until there are at least n. */
async function codesSentTo(number, n) {
  for (let i = 0; i < 40; i++) {
    const answer = await fetch(`${MOTO}/seoul-learn/sent-sms`);
    assert.equal(answer.status, 200, 'moto serves the sent texts (AWS_ENDPOINT_URL names it)');
    const sent = (await answer.json()).SMS.filter((m) => m.phoneNumber === number);
    if (sent.length >= n) return sent;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`fewer than ${n} texts to the number`);
}

// The server's words for the notice (the message files of the notifications context).
const serverWords = Object.fromEntries((await readFile(new URL('../../shared/src/main/resources/i18n/notifications_en.properties', import.meta.url), 'utf8'))
  .split('\n').filter((line) => line.includes('=') && !line.startsWith('#')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));

test('an approved learner reads the approval, marks it read (the badge goes) and keeps texts off for booked sessions',
  { timeout: 300_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
    const en = messages.en;
    const email = uniqueEmail('inbox');
    await page.goto(`${BASE_URL}/`);
    await signUp(page, { email, lang: 'en' });
    const version = async () => (await api(page, 'GET', '/registration')).body.version;
    let r = await api(page, 'PUT', '/registration', {
      version: await version(), name: uniqueDohyun(), birthDate: '2009-11-02', schoolLevel: 'HIGH', grade: 2, district: 'gwanak-gu',
      preferredLanguage: 'en', categories: ['LOW_INCOME'],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    r = await api(page, 'POST', '/registration/records-check', { version: await version(), householdHeadName: '이영수', householdHeadBirthDate: '1975-07-21' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    r = await api(page, 'POST', '/registration/submit', { version: await version(), privacyNotice: '2026-12-01' });
    assert.equal(r.body?.status, 'APPROVED', JSON.stringify(r.body));
    await signOut(page);

    // signed in again: a learner now, told of the approval
    await signIn(page, { username: email, password: PASSWORD });
    await page.locator('#go-providers').waitFor({ state: 'visible', timeout: 90_000 });
    await expectText(page, '#unread-badge', exactly('1'), 'the badge: one unread message');
    assert.equal(await page.locator('#unread-label').textContent(), plural('en', 'notices.unreadCount', 1).replace('{n}', '1'),
      'the badge read out');
    await snap(page, 'inbox-badge');

    await page.click('#notices-link');
    await expectText(page, '#page h1', exactly(en['notices.title']), 'the messages page');
    const approval = page.locator('#notice-list li[data-kind="application-approved"]');
    await expectText(page, '#notice-list li[data-kind="application-approved"] h2', exactly(serverWords['application-approved.subject']),
      'the approval, in English');
    assert.equal(await approval.getAttribute('data-read'), 'false');
    assert.equal(await page.locator('#notice-list li').count(), 1, 'one message: the approval');
    await expectText(page, '#notices-unread', exactly(plural('en', 'notices.unreadCount', 1).replace('{n}', '1')), 'one unread');
    await snap(page, 'inbox-unread');

    // marked read with the keyboard: the badge goes, the reader stays on the message
    await approval.locator('button.notice-read').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#notice-list li[data-kind="application-approved"]')?.dataset.read === 'true');
    await expectText(page, '#notices-unread', exactly(en['notices.allRead']), 'all read');
    await expectText(page, '#notices-status', exactly(en['notices.marked']), 'said so');
    assert.equal(await page.locator('#unread-badge').isVisible(), false, 'no badge once read');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('notice-title')), true, 'focus on the message read');
    assert.equal((await api(page, 'GET', '/me/notifications')).body.unread, 0, 'the API agrees');
    await snap(page, 'inbox-read');

    // how we contact you: a number as Koreans write it, no texts for booked sessions
    await page.click('#notices-settings');
    await expectText(page, '#page h1', exactly(en['prefs.title']), 'the settings page');
    assert.equal(await page.isChecked('#channels-session-booked-sms'), true, 'every channel is on at first');
    const mobile = `010-${String(1000 + Math.floor(Math.random() * 9000))}-${String(1000 + Math.floor(Math.random() * 9000))}`;
    registerPersonal(mobile, `+82${mobile.replace(/-/g, '').slice(1)}`);
    await page.fill('#smsNumber', 'not a number');
    await page.click('#prefs-save');
    await expectText(page, '#smsNumber-error', mentions(en['err.invalid-phone-number']), 'a wrong number is named');
    await snap(page, 'prefs-error');
    await page.fill('#smsNumber', mobile);
    await page.uncheck('#channels-session-booked-sms');
    await page.click('#prefs-save');
    await expectText(page, '#prefs-status', exactly(en['prefs.savedCodeSent']), 'saved, and a code sent to the number');
    await expectText(page, '#sms-state', exactly(en['prefs.smsUnverified']), 'the number is not checked yet');
    assert.equal((await api(page, 'GET', '/me/preferences')).body.smsVerified, false);
    await snap(page, 'prefs-saved');
    await accessible(page, 'the settings asking for the code');

    // the code, read back from the emulator's sent text messages (moto's SNS), in English
    const e164 = `+82${mobile.replace(/-/g, '').slice(1)}`;
    const [first] = await codesSentTo(e164, 1);
    assert.match(first.message, new RegExp(`^${escape(serverWords['sms-code.sms']).replace('\\{code\\}', '\\d{6}')}$`), 'the code text, in English');
    const code = first.message.match(/\d{6}/)[0];
    const wrong = code === '000000' ? '111111' : '000000';
    await page.fill('#sms-code', wrong);
    await page.click('#sms-verify');
    await expectText(page, '#error-summary', mentions(en['problem.sms-code-wrong']), 'a wrong code is refused');
    await snap(page, 'prefs-code-wrong');

    // a new code (with the keyboard); the first one stops working
    await page.focus('#sms-resend');
    await page.keyboard.press('Enter');
    await expectText(page, '#prefs-status', exactly(en['prefs.codeSent']), 'a new code was sent');
    const [, second] = await codesSentTo(e164, 2);
    const fresh = second.message.match(/\d{6}/)[0];
    if (fresh !== code) {
      const old = await api(page, 'POST', '/me/preferences/sms-number/verification', { code });
      assert.equal(old.status, 400, 'the replaced code no longer works: it is a wrong guess at the new one');
      assert.equal(old.body.code, 'sms-code-wrong');
    }
    await page.fill('#sms-code', fresh);
    await page.focus('#sms-code');
    await page.keyboard.press('Enter');
    await expectText(page, '#prefs-status', exactly(en['prefs.verifiedNow']), 'the number is checked');
    await expectText(page, '#sms-state', exactly(en['prefs.smsVerified']), 'shown as checked');
    assert.equal(await page.locator('#sms-verify-form').count(), 0, 'no more code to type');
    assert.equal((await api(page, 'GET', '/me/preferences')).body.smsVerified, true, 'the API agrees');
    await accessible(page, 'the settings with a checked number');
    await snap(page, 'prefs-verified');

    await page.reload();
    await expectText(page, '#page h1', exactly(en['prefs.title']), 'the settings page again');
    assert.equal(await page.isChecked('#channels-session-booked-sms'), false, 'texts for booked sessions stay off');
    assert.equal(await page.isChecked('#channels-session-booked-email'), true, 'e-mail for booked sessions stays on');
    assert.equal(await page.inputValue('#smsNumber'), `+82${mobile.replace(/-/g, '').slice(1)}`, 'the number, in E.164');
    const saved = (await api(page, 'GET', '/me/preferences')).body;
    assert.deepEqual(saved.channels['session-booked'], ['email']);
    assert.deepEqual(saved.channels['session-cancelled'], ['email', 'sms'], 'the other kinds unchanged');
  }));
