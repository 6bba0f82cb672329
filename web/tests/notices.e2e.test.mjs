// What the programme tells a learner about their providers, through the running local cloud
// (LOCAL_CLOUD_URL): the operator adds a provider for elementary school that has no places in
// Chungbuk, the demo Chungbuk learner (Vietnamese) joins its waiting list, the provider leaves
// the programme (the departures worker tells its learners); on "My providers" the learner reads, in Vietnamese, that the waiting list
// closed, and their choice is free again. Re-runnable: each run adds a provider of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { BASE_URL, PASSWORD, api, expectText, exactly, journey, mentions, messages, signIn, snap, useBrowser } from './support.mjs';

useBrowser();

// Only this learner here (the Java end-to-end tests use it too, but before the browser tests).
const LEARNER = { username: 'learner@chungbuk.seoul-learn.local', password: PASSWORD };
// The shared catalogue is run by the catalogue-operators group (README's catalogue@), not by a tenant's admins.
const ADMIN = { username: 'catalogue@seoul-learn.local', password: PASSWORD };

test('a learner waiting for a provider that leaves reads, in their language, that the waiting list closed', { timeout: 180_000 }, (t) => journey(t, { locale: 'vi-VN' }, async (page, { context }) => {
  const vi = messages.vi;
  const providerId = `t-leaving-${randomBytes(4).toString('hex')}`;
  const nameVi = 'Học Vui Thử Nghiệm';
  // The catalogue operator adds the provider; nobody gave it places in Chungbuk.
  const adminContext = await context.browser().newContext({ locale: 'ko-KR' });
  const admin = await adminContext.newPage();
  try {
    await admin.goto(`${BASE_URL}/`);
    await signIn(admin, ADMIN);
    await admin.locator('#me-name').waitFor({ state: 'visible' });
    const created = await api(admin, 'PUT', `/admin/providers/${providerId}`, {
      nameKo: '즐거운 배움 시험', nameEn: nameVi, levels: ['ELEMENTARY'],
      accessUrlTemplate: `https://${providerId}.example/seoul-learn/{tenant}/{learnerRef}`,
    });
    assert.equal(created.status, 200, `PUT /admin/providers/${providerId}: ${JSON.stringify(created.body)}`);

    // The learner joins its waiting list (no places in Chungbuk), after giving up what a failed run left.
    await page.goto(`${BASE_URL}/`);
    await signIn(page, LEARNER);
    await page.locator('#me-name').waitFor({ state: 'visible' });
    const held = await api(page, 'GET', '/enrolments');
    for (const e of [...held.body.enrolments, ...held.body.waitlist]) {
      assert.equal((await api(page, 'DELETE', `/enrolments/${e.providerId}`)).status, 204);
    }
    const joined = await api(page, 'POST', '/enrolments', { providerId });
    assert.equal(joined.status, 202, `POST /enrolments: ${JSON.stringify(joined.body)}`);

    // The provider leaves the programme, with a month of grace.
    const grace = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const left = await api(admin, 'POST', `/admin/providers/${providerId}/leave`, { graceUntil: grace });
    assert.equal(left.status, 202, `leave: ${JSON.stringify(left.body)}`);
    // the learners are told by the departures worker (every 5 minutes; fired now, as the scheduler would)
    const fired = await fetch(`${BASE_URL}/_local/schedules/ProviderDepartureFunction.Every5Minutes`, { method: 'POST' });
    assert.equal(fired.status, 200, await fired.text());
    const done = await api(admin, 'POST', `/admin/providers/${providerId}/leave`, { graceUntil: grace });
    assert.equal(done.body.departure.status, 'DONE');
    assert.equal(done.body.departure.waitlistClosed, 1);
  } finally {
    await adminContext.close();
  }

  await page.click('#go-providers');
  await expectText(page, '#page h1', exactly(vi['providers.title']), 'My providers');
  await expectText(page, '#notices-heading', exactly(vi['providers.notices']), 'the messages');
  const expected = vi['providers.notice.WAITLIST_CLOSED'].replace('{provider}', nameVi);
  await expectText(page, '#notices li[data-kind="WAITLIST_CLOSED"] p', exactly(expected), 'the waiting list closed, in Vietnamese');
  await expectText(page, '#no-enrolments', exactly(vi['providers.none']), 'nothing held any more');
  await expectText(page, '#picks-used', mentions('0'), 'the choice is free again');
  await snap(page, 'providers-notices-vi');
}));
