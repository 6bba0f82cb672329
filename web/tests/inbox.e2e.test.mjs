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
  BASE_URL, PASSWORD, api, expectText, exactly, journey, mentions, messages, plural, registerPersonal, signIn, signOut, signUp, snap,
  uniqueDohyun, uniqueEmail, useBrowser,
} from './support.mjs';

useBrowser();

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
    await expectText(page, '#prefs-status', exactly(en['prefs.saved']), 'saved');
    await snap(page, 'prefs-saved');

    await page.reload();
    await expectText(page, '#page h1', exactly(en['prefs.title']), 'the settings page again');
    assert.equal(await page.isChecked('#channels-session-booked-sms'), false, 'texts for booked sessions stay off');
    assert.equal(await page.isChecked('#channels-session-booked-email'), true, 'e-mail for booked sessions stays on');
    assert.equal(await page.inputValue('#smsNumber'), `+82${mobile.replace(/-/g, '').slice(1)}`, 'the number, in E.164');
    const saved = (await api(page, 'GET', '/me/preferences')).body;
    assert.deepEqual(saved.channels['session-booked'], ['email']);
    assert.deepEqual(saved.channels['session-cancelled'], ['email', 'sms'], 'the other kinds unchanged');
  }));
