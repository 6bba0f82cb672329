// "My data" (#/my-data): the right of access (docs/adr/0037). The page reads GET /me/data — a
// copy of everything Seoul Learn holds about the person — and says in plain words what is in it:
// how many of each thing, the application's state, the privacy notice accepted, links to the
// files that passed the check (valid for five minutes). "Download all my data" saves the whole
// answer as one JSON file, for the person to keep or take elsewhere.

import {
  h, heading, homeLink, pageTitle, showFailed, showLoading, statusLine, statusTag, summaryList, tx, useContext,
} from './ui.js';

let ctx = null;
let host = null;
let data = null;

export function enter(context, root) {
  ctx = context;
  host = root;
  useContext(ctx);
  pageTitle('data.title');
  showLoading(host, heading('data.title'));
  load();
  return {};
}

async function load() {
  const answer = await ctx.api('GET', '/me/data');
  if (!ctx.current() || answer.stale) return;
  if (!answer.ok) {
    showFailed(host, 'data.title', answer, { after: [homeLink()], arrive: true });
    return;
  }
  data = answer.data;
  render();
  ctx.arrived(host);
}

const list = (v) => (Array.isArray(v) ? v : []);
const count = (v) => String(list(v).length);

function render() {
  const mentoring = data.mentoring ?? {};
  const mentorships = list(mentoring.mentorships);
  const sessions = mentorships.reduce((n, m) => n + list(m.sessions).length, 0);
  const notifications = data.notifications ?? {};
  const profile = data.profile;
  const consents = list(data.consents);
  const laptop = list(data.laptopRequests)[0];
  const rows = [
    data.account?.openedAt ? { id: 'data-account', label: 'data.account', value: h('span', { date: data.account.openedAt }) } : null,
    profile ? { id: 'data-application', label: 'data.application', value: statusTag(profile.status, 'data-application-status') } : null,
    profile?.displayName ? { id: 'data-name', label: 'data.name', value: profile.displayName } : null,
    profile?.birthDate ? { id: 'data-birth-date', label: 'data.birthDate', value: h('span', { date: profile.birthDate }) } : null,
    profile?.guardianName ? { id: 'data-guardian', label: 'data.guardian', value: profile.guardianName } : null,
    {
      id: 'data-consents',
      label: 'data.consents',
      value: consents.length
        ? h('ul', {}, consents.map((c) => h('li', {},
          tx(c.acceptedBy === 'GUARDIAN' ? 'data.consentGuardian' : 'data.consentSelf', { version: String(c.version ?? '') }), ' ',
          h('span', { date: c.acceptedAt }))))
        : tx('data.none'),
    },
    { id: 'data-documents', label: 'data.documents', value: documents() },
    { id: 'data-history', label: 'data.history', value: count(data.applicationHistory) },
    { id: 'data-enrolments', label: 'data.enrolments', value: count(data.enrolments) },
    { id: 'data-waitlist', label: 'data.waitlist', value: count(data.waitlistPlaces) },
    { id: 'data-mentorships', label: 'data.mentorships', value: String(mentorships.length) },
    { id: 'data-sessions', label: 'data.sessions', value: String(sessions) },
    {
      id: 'data-laptop',
      label: 'data.laptop',
      value: laptop?.status ? tx(`laptops.status.${laptop.status}`) : tx('data.none'),
    },
    { id: 'data-inbox', label: 'data.inbox', value: count(notifications.inbox) },
    { id: 'data-calendar', label: 'data.calendarFeed', value: tx(data.calendarFeed?.exists ? 'data.yes' : 'data.no') },
    { id: 'data-other', label: 'data.other', value: count(data.other) },
  ];
  const status = statusLine('data-status');
  host.replaceChildren(heading('data.title'),
    h('p', { i18n: 'data.lead' }),
    summaryList(rows, { id: 'data-summary' }),
    h('p', {}, h('button', { type: 'button', class: 'button', id: 'data-download', i18n: 'data.downloadJson', onclick: () => save(status) })),
    status,
    h('p', { class: 'hint', i18n: 'data.kept' }),
    homeLink());
}

function documents() {
  const docs = list(data.documents);
  if (!docs.length) return tx('data.none');
  const files = docs.filter((d) => d.download?.url);
  return h('div', {},
    h('p', {}, tx('data.documentsCount', { n: docs.length })),
    files.length ? h('ul', { id: 'data-files' }, files.map((d, i) => h('li', {},
      h('a', { href: d.download.url, download: '', i18n: 'data.downloadFile', args: { n: i + 1 } })))) : null,
    files.length ? h('p', { class: 'hint', i18n: 'data.linksExpire' }) : null);
}

function save(status) {
  const day = (data.exportedAt ?? '').slice(0, 10);
  const file = `seoul-learn-my-data-${day}.json`;
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = h('a', { href: url, download: file, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  status.replaceChildren(h('span', { i18n: 'data.downloaded', args: { file } }));
}
