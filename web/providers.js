// "My providers" (#/providers, learners): the providers that teach the learner's school level,
// with the places left in their local government; choosing one (a place and the link to its
// lectures, or a number in its waiting list); the providers held, with the link (and, for a
// provider leaving the programme, until when it stays open); leaving, after a confirmation.
// The pick limit is said in plain words; the server's refusals arrive in the reader's language.

import {
  busy, clearErrors, h, heading, homeLink, pageTitle, setStatus, showFailed, showLoading, showProblem, statusLine,
  tx, useContext,
} from './ui.js';
import { levelText, localName, nameNode } from './catalog.js';

let ctx = null;
let host = null;
// The three answers the page is drawn from: { registration, mine, providers }.
let data = null;

const $ = (id) => document.getElementById(id);

export function enter(context, root) {
  ctx = context;
  host = root;
  useContext(ctx);
  data = null;
  pageTitle('providers.title');
  if (!ctx.me().groups?.includes('learners')) {
    host.replaceChildren(heading('providers.title'), h('p', { id: 'not-learner', i18n: 'providers.notLearner' }),
      h('p', {}, h('a', { href: '#/catalog', i18n: 'catalog.link' })),
      homeLink());
    ctx.arrived(host);
    return {};
  }
  showLoading(host);
  load().then((ok) => {
    if (ok == null) return;
    ctx.arrived(host);
  });
  return {
    languageChanged() {
      // Provider names follow the page language; the server's own words came in the old one.
      if (data && ctx.current()) render();
    },
  };
}

/** Reads the page's three answers and draws it: true, false (an error is shown) or null (page left). */
async function load(flash) {
  const me = ctx.me();
  const [registration, mine, providers] = await Promise.all([
    ctx.api('GET', '/registration'),
    ctx.api('GET', '/enrolments'),
    ctx.publicApi('GET', `/catalog/providers?tenant=${encodeURIComponent(me.tenant)}`),
  ]);
  if (!ctx.current() || [registration, mine, providers].some((a) => a.stale)) return null;
  const failed = [registration, mine, providers].find((a) => !a.ok);
  if (failed) {
    showFailed(host, 'providers.title', failed, { keepTitle: true, after: [homeLink()] });
    return false;
  }
  data = { registration: registration.data, mine: mine.data, providers: providers.data.items ?? [] };
  render(flash);
  return true;
}

const providerName = (id, fallback) => data.providers.find((p) => p.providerId === id)?.name ?? fallback ?? { ko: id, en: id };

// The heading and the status line stay put across redraws: a live region that is replaced
// with its message already in it is often not read out.
function render(flash) {
  const { mine } = data;
  const held = [...(mine.enrolments ?? []), ...(mine.waitlist ?? [])];
  pageTitle('providers.title');
  if (!$('providers-body')) {
    host.replaceChildren(heading('providers.title'), statusLine('page-status'), h('div', { id: 'providers-body' }));
  }
  clearErrors(host);
  $('providers-body').replaceChildren(...[
    h('p', { i18n: 'providers.intro' }),
    noticesPart(),
    pickLimit(),
    h('section', { 'aria-labelledby': 'enrolments-heading', id: 'enrolments-section' },
      h('h2', { id: 'enrolments-heading', tabindex: '-1', i18n: 'providers.yours' }),
      held.length ? null : h('p', { id: 'no-enrolments', i18n: 'providers.none' }),
      mine.enrolments?.length ? h('ul', { class: 'providers', id: 'enrolments' }, mine.enrolments.map(enrolmentItem)) : null,
      mine.waitlist?.length ? [
        h('h3', { id: 'waitlist-heading', i18n: 'providers.waiting' }),
        h('ul', { class: 'providers', id: 'waitlist', 'aria-labelledby': 'waitlist-heading' }, mine.waitlist.map(waitlistItem)),
      ] : null),
    choosePart(held),
    h('p', {}, h('a', { href: '#/catalog', i18n: 'providers.seeCourses' })),
    homeLink()].filter(Boolean));
  setStatus($('page-status'), flash ?? null);
}

// What the programme told the learner about their providers (newest first): a reminder to use
// the lectures, a place that went to someone waiting, a provider leaving, a waiting list closed.
const NOTICE_KEYS = {
  INACTIVITY_REMINDER: 'providers.notice.INACTIVITY_REMINDER',
  SEAT_RECLAIMED: 'providers.notice.SEAT_RECLAIMED',
  PROVIDER_LEAVING: 'providers.notice.PROVIDER_LEAVING',
  WAITLIST_CLOSED: 'providers.notice.WAITLIST_CLOSED',
};

function noticesPart() {
  const notices = (data.mine.notices ?? []).filter((n) => NOTICE_KEYS[n.kind]);
  if (!notices.length) return null;
  return h('section', { class: 'inset', id: 'notices', 'aria-labelledby': 'notices-heading' },
    h('h2', { id: 'notices-heading', i18n: 'providers.notices' }),
    h('ul', { class: 'notices' }, notices.map((n, i) => {
      const provider = localName(providerName(n.providerId), ctx.language()).text;
      return h('li', { id: `notice-${i}`, 'data-kind': n.kind },
        h('p', { i18n: NOTICE_KEYS[n.kind], args: { provider, date: n.date ? { date: n.date } : '' } }),
        h('p', { class: 'provider-facts' }, h('span', { date: n.at, dateStyle: 'date' })));
    })));
}

function pickLimit() {
  const { pickLimit: limit, picksUsed: used = 0 } = data.mine;
  if (!limit) return null;
  return h('div', { class: 'inset', id: 'pick-limit' },
    h('p', { i18n: limit === 1 ? 'providers.limitOne' : 'providers.limitMany', args: { n: limit } }),
    h('p', { i18n: 'providers.waitingCounts' }),
    h('p', { id: 'picks-used', i18n: 'providers.used', args: { used, limit } }));
}

function since(item) {
  return h('p', { class: 'provider-facts' }, tx(item.status === 'WAITLISTED' ? 'providers.waitingSince' : 'providers.since'), ' ',
    h('span', { date: item.since, dateStyle: 'date' }));
}

function enrolmentItem(e) {
  const name = providerName(e.providerId, e.name);
  const args = { provider: localName(name, ctx.language()).text };
  const leaving = e.providerStatus === 'INACTIVE' || e.accessUntil;
  return h('li', { class: 'provider', id: `enrolment-${e.providerId}`, 'data-provider-id': e.providerId },
    h('h3', { class: 'provider-name' }, nameNode(name, ctx.language())),
    since(e),
    e.accessUrl && e.accessOpen !== false
      ? h('a', {
        class: 'button', id: `access-${e.providerId}`, href: e.accessUrl, target: '_blank', rel: 'noopener noreferrer',
      }, tx('providers.open', args), h('span', { class: 'visually-hidden', i18n: 'providers.newTab' }))
      : null,
    leaving && e.accessOpen !== false && e.accessUntil
      ? h('p', { class: 'inset inset-warning', id: `grace-${e.providerId}` },
        h('span', { i18n: 'providers.leavingUntil', args: { provider: args.provider, date: { date: e.accessUntil } } }))
      : null,
    e.activity?.reclaimFrom && e.accessOpen !== false
      ? h('p', { class: 'inset inset-warning', id: `inactive-${e.providerId}` },
        h('span', { i18n: 'providers.useItOrLoseIt', args: { provider: args.provider, date: { date: e.activity.reclaimFrom } } }))
      : null,
    e.accessOpen === false
      ? h('p', { class: 'inset inset-warning', id: `closed-${e.providerId}` },
        h('span', { i18n: e.accessUntil ? 'providers.closedOn' : 'providers.closed', args: { provider: args.provider, date: { date: e.accessUntil } } }))
      : null,
    leaveAction(e, 'withdraw', args));
}

function waitlistItem(w) {
  const name = providerName(w.providerId, w.name);
  const args = { provider: localName(name, ctx.language()).text };
  return h('li', { class: 'provider', id: `waiting-${w.providerId}`, 'data-provider-id': w.providerId },
    h('h4', { class: 'provider-name', id: `waiting-name-${w.providerId}`, tabindex: '-1' }, nameNode(name, ctx.language())),
    h('p', { class: 'position', id: `position-${w.providerId}` }, h('span', { i18n: 'providers.position', args: { n: w.position } })),
    h('p', { class: 'provider-facts', i18n: w.position === 1 ? 'providers.nextInLine' : 'providers.inLine' }),
    since(w),
    leaveAction(w, 'leave', args));
}

// ---- leaving, with a confirmation step ----

const LEAVE_WORDS = {
  withdraw: { ask: 'providers.withdraw', question: 'providers.withdrawQuestion', yes: 'providers.withdrawYes', done: 'providers.withdrawn' },
  leave: { ask: 'providers.leaveWaitlist', question: 'providers.leaveQuestion', yes: 'providers.leaveYes', done: 'providers.left' },
};

function leaveAction(item, kind, args) {
  const words = LEAVE_WORDS[kind];
  const id = item.providerId;
  const area = h('div', { class: 'leave', id: `leave-${id}` });
  const ask = h('button', {
    type: 'button', class: 'button button-secondary', id: `${kind}-${id}`, 'data-provider-id': id,
    onclick: () => confirmLeave(),
  }, tx(words.ask, args));
  const confirmLeave = () => {
    clearErrors(host);
    const question = h('p', { class: 'confirm-question', id: `confirm-${id}`, tabindex: '-1', i18n: words.question, args });
    const yes = h('button', { type: 'button', class: 'button button-danger', id: `confirm-yes-${id}`, i18n: words.yes, args });
    const no = h('button', {
      type: 'button', class: 'button button-secondary', id: `confirm-no-${id}`, i18n: 'providers.keep',
      onclick: () => { area.replaceChildren(ask); ask.focus(); },
    });
    yes.addEventListener('click', () => leave(item, yes, { key: words.done, args }));
    area.replaceChildren(h('div', { class: 'confirm', role: 'group', 'aria-labelledby': `confirm-${id}` }, question, yes, no));
    question.focus();
  };
  area.append(ask);
  return area;
}

async function leave(item, btn, done) {
  await busy(btn, async () => {
    clearErrors(host);
    const answer = await ctx.api('DELETE', `/enrolments/${encodeURIComponent(item.providerId)}`);
    if (answer.stale) return;
    if (!answer.ok) {
      showProblem(host, answer);
      return;
    }
    if (await load(done)) focusStatus();
  });
}

function focusStatus() {
  const status = $('page-status');
  status.setAttribute('tabindex', '-1');
  status.focus();
}

// ---- choosing ----

function choosePart(held) {
  const level = data.registration?.schoolLevel;
  const heldIds = new Set(held.map((e) => e.providerId));
  // Providers that left the programme are not offered (nobody can choose them); those still held show above.
  const serving = data.providers.filter((p) => level && p.levels?.includes(level) && !heldIds.has(p.providerId)
    && p.takesNewLearners !== false && p.status !== 'INACTIVE');
  const full = data.mine.pickLimit && data.mine.picksUsed >= data.mine.pickLimit;
  return h('section', { 'aria-labelledby': 'choose-heading', id: 'choose-section' },
    h('h2', { id: 'choose-heading', i18n: held.length ? 'providers.chooseOther' : 'providers.choose' }),
    level ? h('p', { id: 'your-level' }, h('span', { i18n: 'providers.forLevel' }), ' ', h('strong', {}, levelText(level, data.registration.grade))) : null,
    full ? h('p', { class: 'inset', id: 'limit-reached', i18n: 'providers.full', args: { n: data.mine.pickLimit } }) : null,
    serving.length
      ? h('ul', { class: 'providers', id: 'choices' }, serving.map(choiceItem))
      : h('p', { id: 'no-choices', i18n: heldIds.size ? 'providers.noOthers' : 'providers.noneForLevel' }));
}

function choiceItem(p) {
  const language = ctx.language();
  const args = { provider: localName(p.name, language).text };
  const open = p.takesNewLearners !== false && p.status !== 'INACTIVE';
  const left = Number(p.seatsLeft ?? 0);
  let seats;
  if (!open) seats = h('p', { class: 'provider-facts', i18n: 'providers.notTaking' });
  else if (left > 0) seats = h('p', { class: 'provider-facts seats', i18n: 'providers.seats', args: { n: { number: left } } });
  else seats = h('p', { class: 'provider-facts seats', i18n: 'providers.noSeats' });
  return h('li', { class: 'provider', id: `choice-${p.providerId}`, 'data-provider-id': p.providerId },
    h('h3', { class: 'provider-name' }, nameNode(p.name, language)),
    seats,
    open ? h('button', {
      type: 'button', class: 'button', id: `enrol-${p.providerId}`, 'data-provider-id': p.providerId,
      onclick: (e) => enrol(p, e.currentTarget, args),
    }, tx(left > 0 ? 'providers.enrol' : 'providers.joinWaitlist', args)) : null);
}

async function enrol(provider, btn, args) {
  await busy(btn, async () => {
    clearErrors(host);
    const answer = await ctx.api('POST', '/enrolments', { providerId: provider.providerId });
    if (answer.stale) return;
    if (!answer.ok) {
      // Too many already: say where to give one up.
      const actions = answer.problem?.code === 'pick-limit-reached'
        ? h('p', {}, h('a', { href: '#enrolments-heading', id: 'see-yours', i18n: 'providers.seeYours' }))
        : null;
      showProblem(host, answer, { actions });
      return;
    }
    const waiting = answer.status === 202;
    const flash = waiting
      ? { key: 'providers.waitlisted', args: { ...args, n: answer.data.position } }
      : { key: 'providers.enrolled', args };
    if (!(await load(flash))) return;
    const target = waiting ? $(`waiting-name-${provider.providerId}`) : $(`access-${provider.providerId}`);
    (target ?? $('page-status')).focus();
  });
}
