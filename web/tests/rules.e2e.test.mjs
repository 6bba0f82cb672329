// Rules as data through the running local cloud (LOCAL_CLOUD_URL), in the browser: Seoul's admin
// finds "Next year's rules" on the start page, starts a draft of next year's programme, raises the
// income line and opens a category, sees in words what changes, saves and publishes it with its
// start date, and finds it listed as coming from that date (the rules taking effect on their date
// is proven with an injected clock in RulesHandlerIT). The catalogue operator adds a partner area
// (names, districts, first programme, seats); a family there chooses it on the tenant step,
// registers and is approved from the records. Each run publishes a later programme and adds a new
// area, so it can run any number of times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  BASE_URL, PASSWORD, accessible, api, apiUrl, expectText, exactly, fillDate, fillProfile, journey, mentions, messages, signIn,
  signOut, signUp, snap, uniqueDohyun, uniqueEmail, useBrowser,
} from './support.mjs';

useBrowser();

const ADMIN = { username: 'admin@seoul-learn.local', password: PASSWORD };
const OPERATOR = { username: 'catalogue@seoul-learn.local', password: PASSWORD };

async function as(page, user) {
  await page.goto(`${BASE_URL}/#/`);
  await page.locator('#sign-in:visible, #sign-out:visible').first().waitFor({ state: 'visible' });
  if (await page.locator('#sign-out').isVisible()) await signOut(page);
  await signIn(page, user);
  await page.locator('#sign-out').waitFor({ state: 'visible' });
}

const nextDay = (iso) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const seoulToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
const filled = (template, args) => Object.entries(args).reduce((text, [k, v]) => text.replace(`{${k}}`, v), template);

test('an admin drafts, previews and publishes next year\'s programme with its start date', { timeout: 240_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  const en = messages.en;
  await as(page, ADMIN);
  await page.selectOption('#language', 'en');
  await expectText(page, '#go-rules', exactly(en['rules.home']), 'the admin\'s link to the rules');
  assert.equal(await page.locator('#go-areas').isVisible(), false, 'adding an area is the catalogue operators\'');
  await page.click('#go-rules');
  await expectText(page, '#page h1', exactly(en['rules.title']), 'the rules page');
  await expectText(page, '#rules-programme-in-force', mentions(en['rules.inForce'].split('{')[0].trim()), 'the programme in force');
  await accessible(page, 'the rules page');

  // a start after every programme published so far (each run publishes a later one)
  const overview = (await api(page, 'GET', '/admin/rules')).body;
  const programme = overview.kinds.find((k) => k.kind === 'programme');
  const starts = [programme.inForce?.effectiveFrom, ...programme.upcoming.map((u) => u.effectiveFrom)].filter(Boolean).sort();
  let from = '2027-03-01';
  if (starts.length && starts[starts.length - 1] >= from) from = nextDay(starts[starts.length - 1]);
  await page.fill('#programmeFrom', from);
  await page.click('#rules-programme-start');
  await expectText(page, '#page h1', exactly(en['rules.kind.programme']), 'the draft\'s page');
  await expectText(page, '#draft-no-change', exactly(en['rules.change.none']), 'a copy of the rules published last changes nothing');

  // next year: the income line rises by five points, young carers may apply (or stop, if a run opened it already)
  const before = Number(await page.inputValue('#incomeLinePercent'));
  const after = Math.min(before + 5, 300);
  await page.fill('#incomeLinePercent', String(after));
  const carers = page.locator('#categories-YOUNG_CARER');
  const opening = !(await carers.isChecked());
  await carers.setChecked(opening);
  await page.click('#save-draft');
  await expectText(page, '#draft-status', exactly(filled(en['rules.draft.saved'], { version: '2' })), 'the draft saved at version 2');
  if (after !== before) {
    await expectText(page, '#draft-changes', mentions(filled(en['rules.change.incomeUp'], { from: String(before), to: String(after) })),
      'the income line rising, in words');
  }
  await expectText(page, '#draft-changes', mentions(en['category.YOUNG_CARER']), 'the category that opens (or closes)');
  await expectText(page, '#draft-changes', mentions((opening ? en['rules.change.categoriesOpen'] : en['rules.change.categoriesClose']).split('{')[0].trim()),
    'said as opening or closing');
  await accessible(page, 'a draft with what it changes');
  await snap(page, 'rules-draft-en');

  // published with its start date: never changed again, listed as coming
  await page.click('#publish-draft');
  await expectText(page, '#draft-published', mentions(en['rules.draft.isPublished'].split('{')[0].trim()), 'the draft is published');
  await expectText(page, '#draft-status', mentions(en['rules.draft.published'].split(':')[0]), 'told it is published');
  await page.goto(`${BASE_URL}/#/rules`);
  await expectText(page, '#rules-programme-upcoming', mentions(en['rules.upcoming'].split(':')[0]), 'listed as coming');
  const again = (await api(page, 'GET', '/admin/rules')).body.kinds.find((k) => k.kind === 'programme');
  const published = again.upcoming.find((u) => u.effectiveFrom === from);
  assert.ok(published, `a programme from ${from} is coming`);
  assert.equal(published.definition.incomeLinePercent, after, 'with the income line as drafted');
  assert.equal(published.definition.categories.some((c) => c.code === 'YOUNG_CARER'), opening, 'with the category as drafted');
}));

test('the catalogue operator adds a partner area, and a family there chooses it and applies', { timeout: 300_000 }, (t) => journey(t, { locale: 'en-GB' }, async (page) => {
  const en = messages.en;
  const suffix = randomBytes(3).toString('hex');
  const area = `e2e-area-${suffix}`;
  await as(page, OPERATOR);
  await page.selectOption('#language', 'en');
  await expectText(page, '#go-areas', exactly(en['areas.home']), 'the operator\'s link to add an area');
  await page.click('#go-areas');
  await expectText(page, '#page h1', exactly(en['areas.title']), 'the partner-area page');
  await page.fill('#tenant', area);
  await page.fill('#area-name-ko', `시험 지역 ${suffix}`);
  await page.fill('#area-name-en', `Test area ${suffix}`);
  await page.fill('#districts', 'test-gu\nsample-gun');
  await page.fill('#effectiveFrom', seoulToday());
  await page.fill('#incomeLinePercent', '80');
  await page.locator('#categories-LOW_INCOME').setChecked(true);
  const seats = page.locator('input[id^="seats-"]').first();
  await seats.fill('20');
  await accessible(page, 'the partner-area form');
  await page.click('#add-area');
  await expectText(page, '#area-status', mentions(`Test area ${suffix}`), 'told the area is added');
  // the same id again: refused in words, nothing changed
  await page.click('#add-area');
  await expectText(page, '.error-summary', mentions('exists'), 'an area id cannot be taken twice');

  // the tenant step lists the area once the list kept by the API (a minute) is read again
  const deadline = Date.now() + 90_000;
  for (;;) {
    const listed = await (await fetch(apiUrl('/tenants'))).json();
    if (listed.items.some((a) => a.tenant === area)) break;
    assert.ok(Date.now() < deadline, 'the new area is listed by GET /api/tenants within a minute');
    await new Promise((r) => setTimeout(r, 5_000));
  }

  // a family there: sign-up, the tenant step with the new area, the registration, approved from the records
  await signOut(page);
  await page.goto(`${BASE_URL}/`);
  await signUp(page, { email: uniqueEmail('area-family'), tenant: area, lang: 'en' });
  await page.click('#continue');
  await expectText(page, '#page h1', exactly(en['profile.title']), 'your details');
  await page.locator('#district option[value="test-gu"]').waitFor({ state: 'attached' });
  await fillProfile(page, { name: uniqueDohyun(), birthDate: '2009-11-02', schoolLevel: 'HIGH', grade: 2, district: 'test-gu', categories: ['LOW_INCOME'] });
  await page.click('#save');
  await expectText(page, '#page h1', exactly(en['check.title']), 'the records check');
  await page.fill('#householdHeadName', '이영수');
  await fillDate(page, 'householdHeadBirthDate', '1975-07-21');
  await page.click('#check-records');
  await expectText(page, '#records-result h2', exactly(en['records.VERIFIED']), 'the records confirm low income under the area\'s programme');
  await page.click('#records-result #continue');
  await expectText(page, '#page h1', exactly(en['submit.title']), 'check and send');
  await page.check('#privacyNotice-yes');
  await page.click('#submit-application');
  await expectText(page, '#page h1', exactly(en['status.title']), 'the status page');
  await expectText(page, '#application-status', exactly(en['registration.APPROVED']), 'approved in the new area');
  const me = await api(page, 'GET', '/me');
  assert.equal(me.body.tenant, area, 'the family belongs to the new area');
}));
