// The mentoring page's second half (imported by mentoring.js): the mentor's cancel and move of a
// session that has not started; each mentee's and mentor's private calendar address; and the
// reviewer's mentors, their mentees, changing a mentor and ending a mentorship.
// Every refusal is the server's problem, already in the page's language.

import { busy, button, clearErrors, h, radios, selectField, setStatus, showProblem, textArea, tx } from './ui.js';

const MENTORSHIP_STATUS_KEYS = {
  ACTIVE: 'mentoring.mentorship.ACTIVE', COMPLETED: 'mentoring.mentorship.COMPLETED', ENDED: 'mentoring.mentorship.ENDED',
};

let ctx = null;
let host = null;

export function useMentorOps(context, root) {
  ctx = context;
  host = root;
}

const problem = (answer, fields = []) => showProblem(host, answer, { fields });
const status = (m) => setStatus(document.getElementById('mentoring-status'), m);

/** Cancel and move, for a mentor's session that is booked and has not started. again: the page, read again. */
export function mentorSessionActions(s, again) {
  const base = `/mentoring/mentorships/${encodeURIComponent(s.mentorshipId)}/sessions/${encodeURIComponent(s.sessionId)}`;
  const cancel = button(`mentor-cancel-${s.sessionId}`, 'mentoring.cancel', null, { secondary: true });
  cancel.addEventListener('click', () => busy(cancel, async () => {
    clearErrors(host);
    const answer = await ctx.api('DELETE', base);
    if (answer.stale) return;
    if (!answer.ok) return problem(answer);
    await again();
    status({ key: 'mentoring.mentorCancelled' });
  }));
  const inputId = `move-at-${s.sessionId}`;
  const input = h('input', { id: inputId, type: 'datetime-local', step: 1800, class: 'input', 'aria-describedby': `when-${s.sessionId}` });
  const move = button(`mentor-move-${s.sessionId}`, 'mentoring.move', null, { secondary: true });
  move.addEventListener('click', () => busy(move, async () => {
    clearErrors(host);
    const answer = await ctx.api('POST', `${base}/reschedule`, { start: input.value });
    if (answer.stale) return;
    if (!answer.ok) return problem(answer, ['start']);
    await again();
    status({ key: 'mentoring.mentorMoved' });
  }));
  for (const b of [cancel, move]) b.setAttribute('aria-describedby', `when-${s.sessionId}`);
  return [
    h('p', { class: 'actions' }, cancel),
    h('div', { class: 'field', id: `field-start-${s.sessionId}` }, h('label', { class: 'label', for: inputId, i18n: 'mentoring.moveTo' }), input),
    h('p', { class: 'actions' }, move),
  ];
}

/** The caller's private calendar address: make a new one (the old stops working) or stop it. */
export async function calendarBlock() {
  const section = h('section', { id: 'calendar' }, h('h2', { i18n: 'mentoring.calendar' }), h('p', { class: 'hint', i18n: 'mentoring.calendarHint' }));
  const body = h('div', { id: 'calendar-body' });
  section.append(body);
  const render = (feed, path) => {
    const make = button('calendar-new', 'mentoring.calendarNew', null, { secondary: Boolean(feed.active) });
    make.addEventListener('click', () => busy(make, async () => {
      clearErrors(host);
      const answer = await ctx.api('POST', '/mentoring/calendar-feed', {});
      if (answer.stale) return;
      if (!answer.ok) return problem(answer);
      render(answer.data, answer.data.path);
      status({ key: 'mentoring.calendarMade' });
    }));
    const parts = [h('p', { id: 'calendar-state', i18n: feed.active ? 'mentoring.calendarActive' : 'mentoring.calendarNone' })];
    if (path) {
      const url = new URL(path, window.location.href).href;
      parts.push(h('div', { class: 'field' }, h('label', { class: 'label', for: 'calendar-address', i18n: 'mentoring.calendarAddress' }),
        h('input', { id: 'calendar-address', class: 'input', readonly: true, value: url, spellcheck: false })));
    }
    parts.push(h('p', { class: 'actions' }, make));
    if (feed.active) {
      const stop = button('calendar-stop', 'mentoring.calendarStop', null, { secondary: true });
      stop.addEventListener('click', () => busy(stop, async () => {
        clearErrors(host);
        const answer = await ctx.api('DELETE', '/mentoring/calendar-feed');
        if (answer.stale) return;
        if (!answer.ok) return problem(answer);
        render(answer.data, null);
        status({ key: 'mentoring.calendarStopped' });
      }));
      parts[parts.length - 1].append(' ', stop);
    }
    body.replaceChildren(...parts);
  };
  const answer = await ctx.api('GET', '/mentoring/calendar-feed');
  if (answer.ok) render(answer.data, null);
  return section;
}

// ---- reviewers: mentors, their mentees, another mentor, the end ----

export function reviewerMentorsBlock() {
  const list = h('div', { id: 'mentor-list' });
  const show = button('show-mentors', 'mentoring.showMentors', null, { secondary: true });
  show.addEventListener('click', () => busy(show, async () => {
    clearErrors(host);
    const answer = await ctx.api('GET', '/mentoring/mentors');
    if (answer.stale) return;
    if (!answer.ok) return problem(answer);
    const mentors = answer.data.mentors ?? [];
    list.replaceChildren(h('ul', { class: 'sessions', id: 'mentors' }, mentors.map((m) => mentorItem(m, mentors))));
  }));
  return h('section', { id: 'mentor-operations' }, h('h2', { i18n: 'mentoring.mentorsTitle' }), show, list);
}

function mentorItem(m, mentors) {
  const more = h('div', { class: 'mentorships' });
  const open = button(`mentorships-${m.mentorId}`, 'mentoring.showMentorships', null, { secondary: true });
  open.setAttribute('aria-describedby', `mentor-${m.mentorId}`);
  open.addEventListener('click', () => busy(open, async () => {
    clearErrors(host);
    const answer = await ctx.api('GET', `/mentoring/mentors/${encodeURIComponent(m.mentorId)}/mentorships`);
    if (answer.stale) return;
    if (!answer.ok) return problem(answer);
    const list = answer.data.mentorships ?? [];
    more.replaceChildren(list.length ? h('ul', {}, list.map((ms) => mentorshipItem(ms, mentors)))
      : h('p', { class: 'inset', i18n: 'mentoring.noMentorships' }));
  }));
  return h('li', { class: 'queue-item', 'data-mentor-id': m.mentorId },
    h('p', { id: `mentor-${m.mentorId}` }, h('strong', {}, m.name), ' ', tx('mentoring.mentorLoad', { n: m.mentees, total: m.capacity })),
    open, more);
}

function mentorshipItem(ms, mentors) {
  const id = ms.mentorshipId;
  const li = h('li', { 'data-mentorship-id': id },
    h('p', { id: `mentorship-${id}` }, h('strong', {}, ms.menteeName), ' ', h('strong', { class: 'tag', i18n: MENTORSHIP_STATUS_KEYS[ms.status] })));
  if (ms.status !== 'ACTIVE') return li;
  const others = mentors.filter((m) => m.mentorId !== ms.mentorId && !m.termEnded);
  const reassign = button(`reassign-${id}`, 'mentoring.reassign');
  reassign.setAttribute('aria-describedby', `mentorship-${id}`);
  reassign.addEventListener('click', () => busy(reassign, async () => {
    clearErrors(host);
    const reason = document.getElementById(`reassign-reason-${id}`).value.trim();
    const answer = await ctx.api('POST', `/mentoring/mentorships/${encodeURIComponent(id)}/reassign`,
      { mentorId: document.getElementById(`new-mentor-${id}`).value, ...(reason ? { reason } : {}) });
    if (answer.stale) return;
    if (!answer.ok) return problem(answer, [`new-mentor-${id}`, `reassign-reason-${id}`]);
    li.replaceWith(mentorshipItem(answer.data, mentors));
    status({ key: 'mentoring.reassigned', args: { name: answer.data.mentorName } });
  }));
  const end = button(`end-${id}`, 'mentoring.end', null, { secondary: true });
  end.setAttribute('aria-describedby', `mentorship-${id}`);
  end.addEventListener('click', () => busy(end, async () => {
    clearErrors(host);
    const outcome = document.querySelector(`input[name="outcome-${id}"]:checked`)?.value;
    const reason = document.getElementById(`end-reason-${id}`).value.trim();
    const answer = await ctx.api('POST', `/mentoring/mentorships/${encodeURIComponent(id)}/end`,
      { ...(outcome ? { outcome } : {}), ...(reason ? { reason } : {}) });
    if (answer.stale) return;
    if (!answer.ok) return problem(answer, [`outcome-${id}`, `end-reason-${id}`]);
    li.replaceWith(mentorshipItem(answer.data, mentors));
    status({ key: 'mentoring.ended' });
  }));
  li.append(
    selectField({ name: `new-mentor-${id}`, label: 'mentoring.newMentor', options: others.map((m) => ({ value: m.mentorId, key: 'mentoring.mentorOption', args: { name: m.name } })) }),
    textArea({ name: `reassign-reason-${id}`, label: 'mentoring.reason', rows: 2 }),
    h('p', { class: 'actions' }, reassign),
    radios({ name: `outcome-${id}`, legend: 'mentoring.outcome', items: [
      { value: 'COMPLETED', key: 'mentoring.outcome.COMPLETED' }, { value: 'ENDED', key: 'mentoring.outcome.ENDED' }] }),
    textArea({ name: `end-reason-${id}`, label: 'mentoring.reason', rows: 2 }),
    h('p', { class: 'actions' }, end));
  return li;
}
