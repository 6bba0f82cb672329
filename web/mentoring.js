// Mentoring (#/mentoring): one page whose content follows the reader's group.
// Learners: ask for mentoring; once a reviewer chose a mentor, the remaining sessions, a week of
// the mentor's times (a full week says so instead of offering times), booking, cancelling and
// moving a session, each with its own meeting link, and asking for more sessions.
// Mentors: weekly availability (Seoul time), their mentees and sessions, attendance and a note.
// Reviewers: requests waiting for a mentor with the proposed mentors, and extension requests.
// Every refusal is the server's problem, already in the page's language.

import {
  LANGUAGE_KEYS, LEVEL_KEYS, busy, button, checkboxes, checkedValues, clearErrors, h, heading, homeLink, pageTitle,
  radios, selectField, seoulToday, setStatus, showFailed, showLoading, showProblem, statusLine, summaryList,
  textArea, tx, useContext,
} from './ui.js';
import { calendarBlock, mentorSessionActions, reviewerMentorsBlock, useMentorOps } from './mentor-ops.js';

const SUBJECT_KEYS = {
  KOREAN: 'mentoring.subject.KOREAN', MATH: 'mentoring.subject.MATH', ENGLISH: 'mentoring.subject.ENGLISH',
  SCIENCE: 'mentoring.subject.SCIENCE', SOCIAL_STUDIES: 'mentoring.subject.SOCIAL_STUDIES',
  COLLEGE_ADMISSION: 'mentoring.subject.COLLEGE_ADMISSION', CAREER: 'mentoring.subject.CAREER', STUDY_HABITS: 'mentoring.subject.STUDY_HABITS',
};
const DAY_KEYS = {
  MON: 'mentoring.day.MON', TUE: 'mentoring.day.TUE', WED: 'mentoring.day.WED', THU: 'mentoring.day.THU',
  FRI: 'mentoring.day.FRI', SAT: 'mentoring.day.SAT', SUN: 'mentoring.day.SUN',
};
const SUBJECTS = Object.keys(SUBJECT_KEYS);
const DAYS = Object.keys(DAY_KEYS);
// Preferred times as a learner says them; each is a window on the chosen days.
const PARTS_OF_DAY = { AFTERNOON: ['15:00', '18:00'], EVENING: ['18:00', '21:00'], MORNING: ['09:00', '12:00'] };
const PART_KEYS = { AFTERNOON: 'mentoring.partOfDay.AFTERNOON', EVENING: 'mentoring.partOfDay.EVENING', MORNING: 'mentoring.partOfDay.MORNING' };
const HALF_HOURS = Array.from({ length: 48 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);
const SESSION_STATUS_KEYS = {
  BOOKED: 'mentoring.session.BOOKED', HELD: 'mentoring.session.HELD', NO_SHOW: 'mentoring.session.NO_SHOW',
  CANCELLED: 'mentoring.session.CANCELLED', LATE_CANCELLED: 'mentoring.session.LATE_CANCELLED', RESCHEDULED: 'mentoring.session.RESCHEDULED',
};
const SEOUL = 'Asia/Seoul';
// A number with its noun (a plural message chosen by n), to go into a longer message.
const count = (key, n) => ({ key, args: { n } });

let ctx = null;
let host = null;
let week = null;      // the Monday (YYYY-MM-DD) of the week on screen
let moving = null;    // the session being moved, while the learner picks its new time

export function enter(context, root) {
  ctx = context;
  host = root;
  useContext(ctx);
  useMentorOps(ctx, root);
  week = null;
  moving = null;
  const groups = ctx.me().groups ?? [];
  if (groups.includes('learners')) menteePage();
  else if (groups.includes('mentors')) mentorPage();
  else if (groups.includes('reviewers')) reviewerPage();
  else {
    pageTitle('mentoring.title');
    host.replaceChildren(heading('mentoring.title'), h('p', { i18n: 'mentoring.notForYou' }), homeLink());
    ctx.arrived(host);
  }
  return { languageChanged: () => refreshTimes() };
}

const problem = (answer, fields = []) => showProblem(host, answer, { fields });

// Times are shown as they are in Seoul, in the page's language ("Tue 8 Dec, 19:00").
function when(instant, id) {
  return h('time', { datetime: instant, 'data-when': instant, id }, formatWhen(instant));
}

function formatWhen(instant) {
  try {
    return new Intl.DateTimeFormat(ctx.locale(), {
      weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: SEOUL,
    }).format(new Date(instant));
  } catch {
    return instant;
  }
}

function refreshTimes() {
  for (const el of host.querySelectorAll('[data-when]')) el.textContent = formatWhen(el.dataset.when);
  for (const el of host.querySelectorAll('[data-time]')) el.textContent = formatTime(el.dataset.time);
}

function formatTime(instant) {
  try {
    return new Intl.DateTimeFormat(ctx.locale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: SEOUL })
      .format(new Date(instant));
  } catch {
    return instant;
  }
}

function plusDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function mondayOf(date) {
  const d = new Date(`${date}T00:00:00Z`);
  return plusDays(date, -((d.getUTCDay() + 6) % 7));
}

// ---- learners ----

async function menteePage() {
  showLoading(host);
  const answer = await ctx.api('GET', '/mentoring/me');
  if (answer.stale) return;
  pageTitle('mentoring.title');
  if (!answer.ok) {
    return showFailed(host, 'mentoring.title', answer, { after: [homeLink()] });
  }
  const mine = answer.data;
  if (!mine.request) return requestForm();
  if (!mine.mentorship) {
    host.replaceChildren(heading('mentoring.title'),
      h('p', { class: 'inset', id: 'request-waiting', i18n: 'mentoring.waiting' }),
      summaryList([{ label: 'mentoring.requestedOn', value: h('span', { date: mine.request.requestedAt }) }]),
      homeLink());
    return ctx.arrived(host);
  }
  await mentorshipPage(mine);
}

function requestForm() {
  const form = h('form', { id: 'request-form', novalidate: true },
    checkboxes({ name: 'subjects', legend: 'mentoring.subjects', hint: 'mentoring.subjectsHint',
      items: SUBJECTS.map((s) => ({ value: s, key: SUBJECT_KEYS[s] })) }),
    textArea({ name: 'goals', label: 'mentoring.goals', hint: 'mentoring.goalsHint' }),
    checkboxes({ name: 'days', legend: 'mentoring.days', items: DAYS.map((d) => ({ value: d, key: DAY_KEYS[d] })) }),
    radios({ name: 'partOfDay', legend: 'mentoring.partOfDay', value: 'EVENING',
      items: Object.keys(PARTS_OF_DAY).map((p) => ({ value: p, key: PART_KEYS[p] })) }),
    radios({ name: 'language', legend: 'mentoring.language', value: ctx.language(),
      items: Object.keys(LANGUAGE_KEYS).map((l) => ({ value: l, key: LANGUAGE_KEYS[l] })) }),
    button('send-request', 'mentoring.sendRequest', null, { type: 'submit' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(document.getElementById('send-request'), async () => {
      clearErrors(host);
      const [from, to] = PARTS_OF_DAY[checkedValues('partOfDay')[0] ?? 'EVENING'];
      const body = {
        subjects: checkedValues('subjects'),
        goals: document.getElementById('goals').value,
        preferredTimes: checkedValues('days').map((day) => ({ day, from, to })),
        language: checkedValues('language')[0] ?? ctx.language(),
      };
      const answer = await ctx.api('POST', '/mentoring/request', body);
      if (answer.stale) return;
      if (!answer.ok) return problem(answer, ['subjects', 'goals', 'language']);
      menteePage();
    });
  });
  host.replaceChildren(heading('mentoring.title'), h('p', { i18n: 'mentoring.intro' }), form, homeLink());
  ctx.arrived(host);
}

async function mentorshipPage(mine) {
  const m = mine.mentorship;
  week ??= mondayOf(seoulToday());
  const [slots, calendar] = await Promise.all([
    ctx.api('GET', `/mentoring/mentorships/${encodeURIComponent(m.mentorshipId)}/slots?week=${week}`), calendarBlock()]);
  if (slots.stale) return;
  const status = statusLine('mentoring-status');
  const sessions = (mine.sessions ?? []).filter((s) => ['BOOKED', 'HELD', 'NO_SHOW', 'LATE_CANCELLED'].includes(s.status));
  const extension = mine.extension;
  const content = [
    heading('mentoring.title'),
    summaryList([
      { label: 'mentoring.mentor', value: m.mentorName, id: 'mentor-name' },
      { label: 'mentoring.remaining', value: h('span', { id: 'remaining', i18n: 'mentoring.remainingOf', args: { n: m.remaining, total: m.quota } }) },
      { label: 'mentoring.lastDay', value: h('span', { date: m.lastDay }) },
      { label: 'mentoring.rules', value: tx('mentoring.rulesText', {
        minutes: count('mentoring.minutes', m.sessionMinutes), cap: m.weeklyCap,
        notice: count('mentoring.hours', m.minNoticeHours), cutoff: count('mentoring.hours', m.lateCancelHours),
      }) },
    ]),
    status,
    h('h2', { i18n: 'mentoring.yourSessions' }),
    sessions.length
      ? h('ul', { class: 'sessions', id: 'sessions' }, sessions.map((s) => sessionItem(m, s)))
      : h('p', { class: 'inset', id: 'no-sessions', i18n: 'mentoring.noSessions' }),
    moving ? h('p', { class: 'inset', id: 'moving', i18n: 'mentoring.pickNewTime' }) : null,
    weekView(m, slots),
    extensionBlock(m, extension),
    calendar,
    homeLink(),
  ];
  host.replaceChildren(...content.filter(Boolean));
  if (!slots.ok) problem(slots);
  ctx.arrived(host);
}

// One session as a calendar file (.ics) to add to the phone's calendar: fetched with the token, saved as a download.
function icsButton(mentorshipId, s) {
  const btn = button(`ics-${s.sessionId}`, 'mentoring.addToCalendar', null, { secondary: true });
  btn.classList.add('button-small');
  btn.setAttribute('aria-describedby', `when-${s.sessionId}`);
  btn.addEventListener('click', () => busy(btn, async () => {
    clearErrors(host);
    const answer = await ctx.fetchFile(`/mentoring/mentorships/${encodeURIComponent(mentorshipId)}/sessions/${encodeURIComponent(s.sessionId)}/calendar.ics`);
    if (answer.stale) return;
    if (!answer.ok) return problem(answer);
    const url = URL.createObjectURL(new Blob([answer.blob], { type: 'text/calendar;charset=utf-8' }));
    const a = h('a', { href: url, download: `seoul-learn-${s.sessionId.slice(0, 8)}.ics`, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    const line = document.getElementById(`ics-status-${s.sessionId}`);
    if (line) setStatus(line, { key: 'mentoring.calendarSaved' });
  }));
  return h('p', { class: 'actions' }, btn, statusLine(`ics-status-${s.sessionId}`));
}

function sessionItem(m, s) {
  const li = h('li', { class: 'session', 'data-session-id': s.sessionId, 'data-status': s.status },
    // the session's time names its buttons' session for screen readers ("Cancel" → "Cancel, Tue 3 Mar 18:30")
    h('p', {}, when(s.start, `when-${s.sessionId}`), ' ', h('strong', { class: 'tag', i18n: SESSION_STATUS_KEYS[s.status] }),
      s.trial ? [' ', h('strong', { class: 'tag', i18n: 'mentoring.trial' })] : null),
    s.meetingUrl ? h('p', {}, h('a', { href: s.meetingUrl, class: 'meeting-link', rel: 'noopener', target: '_blank', i18n: 'mentoring.join', 'aria-describedby': `when-${s.sessionId}` })) : null,
    s.status === 'BOOKED' && !s.started ? icsButton(m.mentorshipId, s) : null);
  if (s.status === 'BOOKED' && !s.started) {
    const cancel = button(`cancel-${s.sessionId}`, 'mentoring.cancel', null, { secondary: true });
    cancel.addEventListener('click', () => busy(cancel, async () => {
      clearErrors(host);
      const answer = await ctx.api('DELETE', `/mentoring/mentorships/${encodeURIComponent(m.mentorshipId)}/sessions/${encodeURIComponent(s.sessionId)}`);
      if (answer.stale) return;
      if (!answer.ok) return problem(answer);
      moving = null;
      await menteePage();
      setStatus(document.getElementById('mentoring-status'),
        { key: answer.data.status === 'LATE_CANCELLED' ? 'mentoring.cancelledLate' : 'mentoring.cancelled' });
    }));
    const move = button(`move-${s.sessionId}`, 'mentoring.move', () => {
      moving = s;
      menteePage();
    }, { secondary: true });
    for (const b of [cancel, move]) b.setAttribute('aria-describedby', `when-${s.sessionId}`);
    li.append(h('p', { class: 'actions' }, cancel, ' ', move));
  }
  return li;
}

function weekView(m, slots) {
  const data = slots.ok ? slots.data : null;
  const prev = button('week-prev', 'mentoring.previousWeek', () => { week = plusDays(week, -7); menteePage(); }, { secondary: true });
  const next = button('week-next', 'mentoring.nextWeek', () => { week = plusDays(week, 7); menteePage(); }, { secondary: true });
  const section = h('section', { id: 'week', 'data-week': data?.week ?? '' },
    h('h2', { i18n: 'mentoring.weekOf', args: { date: { date: week, style: 'date' } } }),
    h('p', { class: 'actions' }, prev, ' ', next));
  if (!data) return section;
  if (data.full) {
    section.append(h('p', { class: 'inset', id: 'week-full', i18n: 'mentoring.weekFull', args: { n: data.weeklyCap } }));
    return section;
  }
  const free = data.slots.filter((s) => s.free);
  if (!free.length || (data.remaining === 0 && !moving)) {
    section.append(h('p', { class: 'inset', id: 'week-none', i18n: data.remaining === 0 ? 'mentoring.noneLeft' : 'mentoring.noFreeTimes' }));
    return section;
  }
  // free times grouped by Seoul day
  const byDay = new Map();
  for (const s of free) {
    const day = s.local.slice(0, 10);
    if (!byDay.has(day)) byDay.set(day, []);
    byDay.get(day).push(s);
  }
  for (const [day, list] of byDay) {
    // each time says its day to a screen reader, not only "18:30"
    section.append(h('h3', { date: day, dateStyle: 'date', id: `day-${day}` }),
      h('ul', { class: 'slots', 'aria-labelledby': `day-${day}` }, list.map((s) => h('li', {}, slotButton(m, s, `day-${day}`)))));
  }
  return section;
}

function slotButton(m, slot, dayId) {
  const b = h('button', { type: 'button', class: 'button button-secondary slot', 'data-start': slot.start, 'data-time': slot.start, 'aria-describedby': dayId },
    formatTime(slot.start));
  b.addEventListener('click', () => busy(b, async () => {
    clearErrors(host);
    const base = `/mentoring/mentorships/${encodeURIComponent(m.mentorshipId)}/sessions`;
    const answer = moving
      ? await ctx.api('POST', `${base}/${encodeURIComponent(moving.sessionId)}/reschedule`, { start: slot.start })
      : await ctx.api('POST', base, { start: slot.start });
    if (answer.stale) return;
    if (!answer.ok) return problem(answer);
    const moved = Boolean(moving);
    moving = null;
    await menteePage();
    setStatus(document.getElementById('mentoring-status'), { key: moved ? 'mentoring.moved' : 'mentoring.booked' });
  }));
  return b;
}

function extensionBlock(m, extension) {
  if (extension?.status === 'PENDING') return h('p', { class: 'inset', id: 'extension-pending', i18n: 'mentoring.extensionPending' });
  const ask = button('ask-extension', 'mentoring.askExtension', null, { secondary: true });
  ask.addEventListener('click', () => busy(ask, async () => {
    clearErrors(host);
    const answer = await ctx.api('POST', `/mentoring/mentorships/${encodeURIComponent(m.mentorshipId)}/extension`);
    if (answer.stale) return;
    if (!answer.ok) return problem(answer);
    menteePage();
  }));
  return h('section', { id: 'extension' }, h('h2', { i18n: 'mentoring.extension' }), h('p', { i18n: 'mentoring.extensionHint' }), ask);
}

// ---- mentors ----

async function mentorPage() {
  showLoading(host);
  const [mine, desk, calendar] = await Promise.all([ctx.api('GET', '/mentoring/availability'), ctx.api('GET', '/mentoring/mentees'),
    calendarBlock()]);
  if (mine.stale || desk.stale) return;
  pageTitle('mentoring.mentorTitle');
  if (!mine.ok || !desk.ok) {
    return showFailed(host, 'mentoring.mentorTitle', mine.ok ? desk : mine, { after: [homeLink()] });
  }
  const availability = mine.data.availability;
  const windows = [...availability.weekly];
  const list = h('ul', { class: 'windows', id: 'windows' });
  const status = statusLine('mentoring-status');
  const renderWindows = () => list.replaceChildren(...windows.map((w, i) => h('li', { 'data-window': `${w.day} ${w.from}-${w.to}` },
    tx('mentoring.windowText', { day: { key: DAY_KEYS[w.day] }, from: w.from, to: w.to }), ' ',
    button(`remove-window-${i}`, 'mentoring.remove', () => { windows.splice(i, 1); renderWindows(); }, { secondary: true }))));
  renderWindows();
  const add = button('add-window', 'mentoring.addWindow', () => {
    const day = document.getElementById('window-day').value;
    const from = document.getElementById('window-from').value;
    const to = document.getElementById('window-to').value;
    windows.push({ day, from, to });
    renderWindows();
  }, { secondary: true });
  const save = button('save-availability', 'mentoring.saveAvailability');
  save.addEventListener('click', () => busy(save, async () => {
    clearErrors(host);
    const answer = await ctx.api('PUT', '/mentoring/availability', { weekly: windows, away: availability.away, version: availability.version });
    if (answer.stale) return;
    if (!answer.ok) return problem(answer);
    availability.version = answer.data.version;
    setStatus(status, { key: 'mentoring.availabilitySaved' });
  }));
  // cancelled and moved sessions are no longer the mentor's business
  const sessions = (desk.data.sessions ?? []).filter((s) => !['CANCELLED', 'RESCHEDULED'].includes(s.status));
  host.replaceChildren(
    heading('mentoring.mentorTitle'),
    status,
    h('h2', { i18n: 'mentoring.availability' }),
    h('p', { class: 'hint', i18n: 'mentoring.availabilityHint' }),
    list,
    selectField({ name: 'window-day', label: 'mentoring.day', options: DAYS.map((d) => ({ value: d, key: DAY_KEYS[d] })), value: 'MON' }),
    selectField({ name: 'window-from', label: 'mentoring.from', options: HALF_HOURS.map((t) => ({ value: t, key: 'mentoring.time', args: { time: t } })), value: '18:00' }),
    selectField({ name: 'window-to', label: 'mentoring.to', options: HALF_HOURS.map((t) => ({ value: t, key: 'mentoring.time', args: { time: t } })), value: '21:00' }),
    h('p', { class: 'actions' }, add, ' ', save),
    h('h2', { i18n: 'mentoring.yourMentees' }),
    (desk.data.mentees ?? []).length
      ? h('ul', { id: 'mentees', class: 'sessions' }, desk.data.mentees.map(menteeItem))
      : h('p', { class: 'inset', i18n: 'mentoring.noMentees' }),
    h('h2', { i18n: 'mentoring.sessions' }),
    sessions.length ? h('ul', { class: 'sessions', id: 'mentor-sessions' }, sessions.map(mentorSession))
      : h('p', { class: 'inset', id: 'no-sessions', i18n: 'mentoring.noSessions' }),
    calendar,
    homeLink());
  ctx.arrived(host);
}

// The later rules: a second session a week only once the mentor agrees (and they may take it back).
function menteeItem(m) {
  const li = h('li', { 'data-mentorship-id': m.mentorshipId },
    h('p', {}, m.menteeName, ' ', tx('mentoring.remainingOf', { n: m.remaining, total: m.quota })));
  const more = m.weeklyCapWithConsent > m.weeklyCap;
  const less = m.weeklyCap > m.baseWeeklyCap;
  if (more || less) {
    const b = button(`weekly-cap-${m.mentorshipId}`, more ? 'mentoring.allowMore' : 'mentoring.backToBase', null, { secondary: true });
    b.dataset.i18nArgs = JSON.stringify({ n: more ? m.weeklyCapWithConsent : m.baseWeeklyCap });
    ctx.localize(b);
    b.addEventListener('click', () => busy(b, async () => {
      clearErrors(host);
      const answer = await ctx.api('PUT', `/mentoring/mentorships/${encodeURIComponent(m.mentorshipId)}/weekly-cap`, { agree: more });
      if (answer.stale) return;
      if (!answer.ok) return problem(answer);
      mentorPage();
    }));
    li.append(h('p', { class: 'actions' }, b));
  }
  return li;
}

function mentorSession(s) {
  const li = h('li', { class: 'session', 'data-session-id': s.sessionId, 'data-status': s.status },
    h('p', {}, when(s.start, `when-${s.sessionId}`), ' ', s.menteeName ?? '', ' ', h('strong', { class: 'tag', i18n: SESSION_STATUS_KEYS[s.status] })),
    s.note ? h('p', { class: 'hint' }, s.note) : null,
    s.status === 'BOOKED' && !s.started ? icsButton(s.mentorshipId, s) : null);
  if (s.status === 'BOOKED' && !s.started) li.append(...mentorSessionActions(s, mentorPage));
  const canRecord = (s.status === 'BOOKED' && s.started) || s.status === 'HELD' || s.status === 'NO_SHOW';
  if (canRecord) {
    const note = h('input', { id: `note-${s.sessionId}`, class: 'input', maxlength: 500, 'aria-label': ctx.t('mentoring.note') });
    const record = (outcome) => async (event) => busy(event.currentTarget, async () => {
      clearErrors(host);
      const answer = await ctx.api('PUT', `/mentoring/mentorships/${encodeURIComponent(s.mentorshipId)}/sessions/${encodeURIComponent(s.sessionId)}/attendance`,
        { outcome, ...(note.value.trim() ? { note: note.value.trim() } : {}) });
      if (answer.stale) return;
      if (!answer.ok) return problem(answer);
      mentorPage();
    });
    li.append(h('p', {}, note), h('p', { class: 'actions' },
      button(`held-${s.sessionId}`, 'mentoring.held', record('HELD'), { secondary: true }), ' ',
      button(`no-show-${s.sessionId}`, 'mentoring.noShow', record('NO_SHOW'), { secondary: true })));
  }
  return li;
}

// ---- reviewers ----

async function reviewerPage() {
  showLoading(host);
  const [requests, extensions] = await Promise.all([ctx.api('GET', '/mentoring/requests'), ctx.api('GET', '/mentoring/extensions')]);
  if (requests.stale || extensions.stale) return;
  pageTitle('mentoring.reviewTitle');
  if (!requests.ok || !extensions.ok) {
    return showFailed(host, 'mentoring.reviewTitle', requests.ok ? extensions : requests, { after: [homeLink()] });
  }
  const open = requests.data.requests ?? [];
  const pending = extensions.data.extensions ?? [];
  host.replaceChildren(
    heading('mentoring.reviewTitle'),
    statusLine('mentoring-status'),
    h('h2', { i18n: 'mentoring.openRequests' }),
    open.length ? h('ul', { id: 'requests', class: 'sessions' }, open.map(requestItem)) : h('p', { class: 'inset', id: 'no-requests', i18n: 'mentoring.noRequests' }),
    h('h2', { i18n: 'mentoring.pendingExtensions' }),
    pending.length ? h('ul', { id: 'extensions', class: 'sessions' }, pending.map(extensionItem))
      : h('p', { class: 'inset', id: 'no-extensions', i18n: 'mentoring.noExtensions' }),
    reviewerMentorsBlock(),
    homeLink());
  ctx.arrived(host);
}

function requestItem(r) {
  const proposals = h('div', { class: 'proposals' });
  const show = button(`proposals-${r.menteeId}`, 'mentoring.showProposals', null, { secondary: true });
  show.addEventListener('click', () => busy(show, async () => {
    clearErrors(host);
    const answer = await ctx.api('GET', `/mentoring/requests/${encodeURIComponent(r.menteeId)}/proposals`);
    if (answer.stale) return;
    if (!answer.ok) return problem(answer);
    const list = answer.data.proposals ?? [];
    proposals.replaceChildren(list.length
      ? h('ol', {}, list.map((p) => h('li', { 'data-mentor-id': p.mentorId },
        h('p', {}, h('strong', {}, p.name), ' ', p.university),
        h('p', { class: 'hint', i18n: 'mentoring.proposalFacts', args: {
          shared: count('mentoring.sharedSubjects', p.sharedSubjects), overlap: p.overlapHalfHours / 2,
          free: count('mentoring.placesLeft', p.freePlaces),
        } }),
        p.speaksLanguage ? h('p', { class: 'hint', i18n: 'mentoring.speaksLanguage' }) : null,
        confirmButton(r, p))))
      : h('p', { class: 'inset', i18n: 'mentoring.noProposals' }));
  }));
  return h('li', { class: 'queue-item', 'data-mentee-id': r.menteeId },
    h('p', {}, h('strong', {}, r.menteeName || r.menteeId), ' ', h('span', { i18n: LEVEL_KEYS[r.level] ?? 'level.other' })),
    h('p', { class: 'hint' }, r.subjects.map((s) => ctx.t(SUBJECT_KEYS[s]) || s).join(' · ')),
    h('p', {}, r.goals),
    show, proposals);
}

function confirmButton(r, p) {
  const b = button(`confirm-${p.mentorId}`, 'mentoring.confirm');
  b.addEventListener('click', () => busy(b, async () => {
    clearErrors(host);
    const answer = await ctx.api('POST', `/mentoring/requests/${encodeURIComponent(r.menteeId)}/match`, { mentorId: p.mentorId });
    if (answer.stale) return;
    if (!answer.ok) return problem(answer);
    await reviewerPage();
    setStatus(document.getElementById('mentoring-status'), { key: 'mentoring.confirmed', args: { name: p.name } });
  }));
  return b;
}

function extensionItem(e) {
  const decide = (approve) => async (event) => busy(event.currentTarget, async () => {
    clearErrors(host);
    const answer = await ctx.api('POST', `/mentoring/mentorships/${encodeURIComponent(e.mentorshipId)}/extension/decision`, { approve });
    if (answer.stale) return;
    if (!answer.ok) return problem(answer);
    await reviewerPage();
    setStatus(document.getElementById('mentoring-status'), { key: approve ? 'mentoring.extensionApproved' : 'mentoring.extensionDeclined' });
  });
  return h('li', { class: 'queue-item', 'data-mentorship-id': e.mentorshipId },
    h('p', {}, tx('mentoring.extensionAsked'), ' ', h('span', { date: e.requestedAt })),
    h('p', { class: 'actions' },
      button(`approve-${e.mentorshipId}`, 'mentoring.approve', decide(true)), ' ',
      button(`decline-${e.mentorshipId}`, 'mentoring.decline', decide(false), { secondary: true })));
}
