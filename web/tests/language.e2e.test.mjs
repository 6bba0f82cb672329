// Which language the pages speak, through the running local cloud (LOCAL_CLOUD_URL): a device
// with no saved choice follows the browser until someone signs in, then the language their
// profile prefers; a language chosen with the switcher wins over both, also after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, PASSWORD, exactly, expectText, journey, messages, signIn, snap, useBrowser } from './support.mjs';

useBrowser();

// Seeded with Vietnamese as the preferred language (README, demo users); only read here.
const LEARNER_VI = { username: 'learner.high@seoul-learn.local', password: PASSWORD };

test('the pages follow the browser, then the profile, and a language chosen on the device wins', { timeout: 120_000 },
  (t) => journey(t, { locale: 'en-US', chosenLanguage: null }, async (page) => {
    await page.goto(`${BASE_URL}/`);
    await expectText(page, '#sign-in', exactly(messages.en['auth.signIn']), 'signed out: the browser language (English)');
    assert.equal(await page.getAttribute('html', 'lang'), 'en', '<html lang> before signing in');

    await signIn(page, LEARNER_VI);
    await expectText(page, '#sign-out', exactly(messages.vi['auth.signOut']), 'signed in: the profile language (Vietnamese)');
    assert.equal(await page.getAttribute('html', 'lang'), 'vi', '<html lang> after signing in');
    assert.equal(await page.inputValue('#language'), 'vi', 'the switcher shows the language in use');
    await snap(page, 'home in the profile language');

    await page.selectOption('#language', 'zh');
    await expectText(page, '#sign-out', exactly(messages.zh['auth.signOut']), 'after choosing Chinese on the device');
    await page.reload();
    await expectText(page, '#sign-out', exactly(messages.zh['auth.signOut']), 'after a reload: the device choice, not the profile');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh', '<html lang> after the reload');
  }));
