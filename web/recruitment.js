// Mentor recruitment (#/recruitment…, issue 11). Students (applicants, learners): the open round,
// a form whose eligibility is checked before anything is uploaded (each failing rule shown at its
// field), two documents uploaded as applicants' documents are, and the status of their
// applications. Mentors: their term and a renewal request near its end. Reviewers
// (#/recruitment, #/recruitment/<round>): rounds, a round's applications with scores and
// decisions, and pending renewals.

import {
  LANGUAGE_KEYS, LEVEL_KEYS, busy, button, checkboxes, checkedValues, clearErrors, dateField, explain, h, heading,
  homeLink, pageTitle, radios, readDate, setStatus, showErrors, showFailed, showLoading, showProblem, statusLine,
  summaryList, textArea, textField, tx, useContext,
} from './ui.js';

const SUBJECT_KEYS = {
  KOREAN: 'mentoring.subject.KOREAN', MATH: 'mentoring.subject.MATH', ENGLISH: 'mentoring.subject.ENGLISH',
  SCIENCE: 'mentoring.subject.SCIENCE', SOCIAL_STUDIES: 'mentoring.subject.SOCIAL_STUDIES',
  COLLEGE_ADMISSION: 'mentoring.subject.COLLEGE_ADMISSION', CAREER: 'mentoring.subject.CAREER', STUDY_HABITS: 'mentoring.subject.STUDY_HABITS',
};
const DAY_KEYS = {
  MON: 'mentoring.day.MON', TUE: 'mentoring.day.TUE', WED: 'mentoring.day.WED', THU: 'mentoring.day.THU',
  FRI: 'mentoring.day.FRI', SAT: 'mentoring.day.SAT', SUN: 'mentoring.day.SUN',
};
const SCHOOL_KEYS = { UNIVERSITY: 'recruitment.school.UNIVERSITY', GRADUATE_SCHOOL: 'recruitment.school.GRADUATE_SCHOOL', OTHER: 'recruitment.school.OTHER' };
const STATE_KEYS = {
  ENROLLED: 'recruitment.state.ENROLLED', ON_LEAVE: 'recruitment.state.ON_LEAVE', GRADUATED: 'recruitment.state.GRADUATED',
  NOT_ENROLLED: 'recruitment.state.NOT_ENROLLED',
};
const MODE_KEYS = { ONLINE: 'recruitment.mode.ONLINE', OFFLINE: 'recruitment.mode.OFFLINE', BOTH: 'recruitment.mode.BOTH' };
const STATUS_KEYS = {
  SUBMITTED: 'recruitment.status.SUBMITTED', SELECTED: 'recruitment.status.SELECTED', REJECTED: 'recruitment.status.REJECTED',
};
const ROUND_KEYS = {
  UPCOMING: 'recruitment.round.UPCOMING', OPEN: 'recruitment.round.OPEN', REVIEWING: 'recruitment.round.REVIEWING',
  CLOSED: 'recruitment.round.CLOSED',
};
const CRITERION_KEYS = {
  LONG_TERM: 'recruitment.criterion.LONG_TERM', FORMER_LEARNER: 'recruitment.criterion.FORMER_LEARNER',
  MATHS_SCIENCE_ESSAY: 'recruitment.criterion.MATHS_SCIENCE_ESSAY', EDUCATION_MAJOR: 'recruitment.criterion.EDUCATION_MAJOR',
};
const NEXT_KEYS = {
  SUBMITTED: 'recruitment.next.SUBMITTED', SELECTED: 'recruitment.next.SELECTED', REJECTED: 'recruitment.next.REJECTED',
};
const RENEWAL_KEYS = {
  PENDING: 'recruitment.renewal.PENDING', APPROVED: 'recruitment.renewal.APPROVED', DECLINED: 'recruitment.renewal.DECLINED',
};
const GRADES = ['A+', 'A0', 'A-', 'B+', 'B0', 'B-', 'C+', 'C0', 'C-', 'D+', 'D0', 'D-', 'F'];
const LEVELS = ['ELEMENTARY', 'MIDDLE', 'HIGH', 'NOT_IN_SCHOOL'];
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = { 'application/pdf': /\.pdf$/i, 'image/jpeg': /\.jpe?g$/i, 'image/png': /\.png$/i };
const DOCUMENTS = { ENROLMENT_PROOF: 'enrolmentDocumentId', TRANSCRIPT: 'transcriptDocumentId' };
const FIELDS = ['name', 'university', 'programme', 'year', 'schoolType', 'enrolmentState', 'birthDate', 'lastGrade', 'subjects',
  'levels', 'languages', 'availability', 'commitmentSemesters', 'mode', 'statement', 'enrolmentDocumentId', 'transcriptDocumentId', 'privacyNotice'];

let ctx = null;
// the privacy notice version an application accepts (GET /recruitment/applications/mine names it; docs/adr/0037)
let privacyVersion = '';
let host = null;
const uploaded = {};

export function enter(context, root, parts) {
  ctx = context;
  host = root;
  useContext(ctx);
  const groups = ctx.me().groups ?? [];
  if (groups.includes('reviewers')) {
    if (parts[0]) showRound(parts[0]);
    else showRounds();
  } else if (['applicants', 'learners', 'mentors'].some((g) => groups.includes(g))) {
    // a nominee's invitation link (docs/adr/0042): #/recruitment/apply/<round>/nominated/<token>/<university>
    if (parts[0] === 'apply' && parts[1]) showForm(parts[1], parts[2] === 'nominated' ? { token: parts[3], university: parts[4] } : null);
    else showMine();
  } else {
    pageTitle('recruitment.title');
    host.replaceChildren(heading('recruitment.title'), h('p', { i18n: 'recruitment.notForYou' }),
      homeLink());
    ctx.arrived(host);
  }
  return {};
}

const $ = (id) => document.getElementById(id);
const tag = (keys, value, id) => h('strong', { class: 'tag', id, 'data-status': value, i18n: keys[value] ?? 'recruitment.unknown' });

// Whichever view could not be read, the page says so under the recruitment heading.
const failed = (answer) => showFailed(host, 'recruitment.title', answer, { keepTitle: true });

// ---- applicants and mentors ----

async function showMine() {
  pageTitle('recruitment.title');
  showLoading(host);
  const [mine, rounds] = await Promise.all([ctx.api('GET', '/recruitment/applications/mine'), ctx.api('GET', '/recruitment/rounds')]);
  if (mine.stale || rounds.stale) return;
  if (!mine.ok) return failed(mine);
  if (!rounds.ok) return failed(rounds);
  const applied = new Set(mine.data.applications.map((a) => a.roundId));
  const open = rounds.data.rounds.filter((r) => r.status === 'OPEN' && !applied.has(r.roundId));
  const isMentor = (ctx.me().groups ?? []).includes('mentors');
  const parts = [heading('recruitment.title')];
  if (mine.data.term) parts.push(term(mine.data.term));
  parts.push(h('h2', { i18n: 'recruitment.mine' }));
  if (!mine.data.applications.length) parts.push(h('p', { id: 'no-applications', i18n: 'recruitment.noApplications' }));
  for (const a of mine.data.applications) {
    parts.push(summaryList([
      { label: 'recruitment.roundName', value: h('span', {}, a.roundName ?? a.roundId) },
      { label: 'recruitment.statusLabel', value: tag(STATUS_KEYS, a.status, `status-${a.roundId}`) },
      { label: 'recruitment.submittedAt', value: h('span', { date: a.submittedAt.slice(0, 10) }) },
      a.reason ? { label: 'recruitment.reason', value: h('span', {}, a.reason) } : null,
    ].filter(Boolean)));
    parts.push(h('p', { class: 'hint', i18n: NEXT_KEYS[a.status] ?? NEXT_KEYS.SUBMITTED }));
  }
  if (!isMentor) {
    parts.push(h('h2', { i18n: 'recruitment.openRounds' }));
    if (!open.length) parts.push(h('p', { i18n: 'recruitment.noOpenRound' }));
    for (const r of open) {
      parts.push(h('p', {}, h('a', { class: 'button', id: `apply-${r.roundId}`, href: `#/recruitment/apply/${r.roundId}`,
        i18n: 'recruitment.applyIn', args: { round: r.name, until: r.closesOn } })));
    }
  }
  host.replaceChildren(...parts);
  ctx.arrived(host);
}

function term(t) {
  const line = statusLine('renewal-status');
  const box = h('section', { class: 'panel', id: 'term' },
    h('h2', { i18n: 'recruitment.term' }),
    h('p', {}, tx(t.ended ? 'recruitment.termEnded' : 'recruitment.termEnds', { date: t.termEnds })),
    t.renewal ? h('p', { id: 'renewal' }, tx('recruitment.renewalStatus', { status: { key: RENEWAL_KEYS[t.renewal] ?? RENEWAL_KEYS.PENDING } })) : null,
    t.renewalOpen && !t.renewal ? button('ask-renewal', 'recruitment.askRenewal', async (e) => busy(e.currentTarget, async () => {
      const r = await ctx.api('POST', '/recruitment/renewal');
      if (r.stale) return;
      if (!r.ok) {
        showProblem(host, r);
        return;
      }
      setStatus(line, { key: 'recruitment.renewalAsked' });
      showMine();
    })) : null,
    line);
  return box;
}

let nomination = null;

async function showForm(roundId, nominated) {
  pageTitle('recruitment.formTitle');
  nomination = nominated?.token && /^[0-9a-f]{64}\.[0-9a-f]{32}$/.test(nominated.token) ? nominated.token : null;
  if (!privacyVersion) {
    const mine = await ctx.api('GET', '/recruitment/applications/mine');
    if (mine.stale) return;
    privacyVersion = mine.ok ? mine.data.privacyNotice ?? '' : '';
  }
  const choices = (keys) => Object.keys(keys).map((value) => ({ value, key: keys[value] }));
  const form = h('form', { id: 'application', novalidate: true, onsubmit: (e) => { e.preventDefault(); submit(roundId); } },
    h('h2', { i18n: 'recruitment.aboutRules' }),
    h('p', { class: 'hint', i18n: 'recruitment.rulesHint' }),
    radios({ name: 'schoolType', legend: 'recruitment.field.schoolType', items: choices(SCHOOL_KEYS), value: 'UNIVERSITY' }),
    radios({ name: 'enrolmentState', legend: 'recruitment.field.enrolmentState', items: choices(STATE_KEYS) }),
    dateField({ name: 'birthDate', legend: 'recruitment.field.birthDate', autocomplete: true }),
    h('div', { class: 'field', id: 'field-lastGrade' },
      h('label', { class: 'label', for: 'lastGrade', i18n: 'recruitment.field.lastGrade' }),
      h('select', { id: 'lastGrade', name: 'lastGrade', class: 'select', 'data-control': true },
        h('option', { value: '', i18n: 'recruitment.choose' }), GRADES.map((g) => h('option', { value: g }, g)))),
    button('check', 'recruitment.check', (e) => busy(e.currentTarget, () => check(true)), { secondary: true }),
    statusLine('check-status'),
    h('h2', { i18n: 'recruitment.aboutYou' }),
    textField({ name: 'name', label: 'recruitment.field.name', autocomplete: 'name', maxlength: 50 }),
    textField({ name: 'university', label: 'recruitment.field.university', maxlength: 100,
      value: nomination ? String(nominated.university ?? '').slice(0, 100) : '' }),
    nomination ? h('p', { class: 'hint', id: 'nominated-hint', i18n: 'recruitment.nominatedHint' }) : null,
    textField({ name: 'programme', label: 'recruitment.field.programme', maxlength: 100 }),
    textField({ name: 'year', label: 'recruitment.field.year', inputmode: 'numeric', width: 2, maxlength: 2 }),
    checkboxes({ name: 'subjects', legend: 'recruitment.field.subjects', items: choices(SUBJECT_KEYS) }),
    checkboxes({ name: 'levels', legend: 'recruitment.field.levels', items: LEVELS.map((l) => ({ value: l, key: LEVEL_KEYS[l] })) }),
    checkboxes({ name: 'languages', legend: 'recruitment.field.languages', items: choices(LANGUAGE_KEYS) }),
    checkboxes({ name: 'availability', legend: 'recruitment.field.availability', hint: 'recruitment.availabilityHint', items: choices(DAY_KEYS) }),
    textField({ name: 'from', label: 'recruitment.field.from', value: '18:00', width: 5, maxlength: 5 }),
    textField({ name: 'to', label: 'recruitment.field.to', value: '21:00', width: 5, maxlength: 5 }),
    textField({ name: 'commitmentSemesters', label: 'recruitment.field.commitmentSemesters', inputmode: 'numeric', width: 2, maxlength: 1 }),
    radios({ name: 'mode', legend: 'recruitment.field.mode', items: choices(MODE_KEYS) }),
    checkboxes({ name: 'flags', legend: 'recruitment.field.flags', items: [
      { value: 'formerLearner', key: 'recruitment.field.formerLearner' }, { value: 'educationMajor', key: 'recruitment.field.educationMajor' }] }),
    textArea({ name: 'statement', label: 'recruitment.field.statement', hint: 'recruitment.statementHint' }),
    h('h2', { i18n: 'recruitment.documents' }),
    fileField('ENROLMENT_PROOF', 'enrolmentDocumentId', 'document.ENROLMENT_PROOF'),
    fileField('TRANSCRIPT', 'transcriptDocumentId', 'document.TRANSCRIPT'),
    h('h2', { i18n: 'recruitment.privacyTitle' }),
    h('p', { id: 'privacy-notice', i18n: 'recruitment.privacyNotice', args: { version: privacyVersion } }),
    checkboxes({ name: 'privacyNotice', legend: 'submit.privacyLegend', items: [{ value: 'yes', key: 'recruitment.privacyAccept' }] }),
    statusLine('submit-status'),
    h('button', { id: 'send-application', type: 'submit', class: 'button', i18n: 'recruitment.send' }));
  host.replaceChildren(h('a', { class: 'back-link', href: '#/recruitment', i18n: 'recruitment.back' }), heading('recruitment.formTitle'), form);
  ctx.arrived(host);
}

function fileField(kind, name, label) {
  return h('div', { class: 'field', id: `field-${name}` },
    h('label', { class: 'label', for: name, i18n: label }),
    h('p', { class: 'hint', id: `${name}-hint`, i18n: 'recruitment.fileHint' }),
    h('input', { id: name, name, type: 'file', accept: '.pdf,.jpg,.jpeg,.png', class: 'file', 'aria-describedby': `${name}-hint`, 'data-control': true, 'data-kind': kind }));
}

function facts() {
  const date = readDate('birthDate');
  return {
    schoolType: checkedValues('schoolType')[0] ?? null,
    enrolmentState: checkedValues('enrolmentState')[0] ?? null,
    birthDate: date.iso ?? (date.empty ? null : 'invalid'),
    lastGrade: $('lastGrade').value || null,
  };
}

// The rules in force, before anything is uploaded: each failing rule at its field.
async function check(announce) {
  clearErrors(host);
  const r = await ctx.api('POST', '/recruitment/eligibility', facts());
  if (r.stale) return false;
  if (r.ok) {
    if (announce) setStatus($('check-status'), { key: 'recruitment.eligible' });
    return true;
  }
  setStatus($('check-status'), null);
  refused(r);
  return false;
}

// A refused application: the rules it fails, each at its field.
function refused(r) {
  if (r.problem?.code === 'mentor-ineligible' && Array.isArray(r.problem.failures)) {
    showErrors(host, r.problem.failures.map((f) => ({ field: f.field, message: { text: `${f.title}: ${f.detail}` } })),
      { detail: { text: r.problem.detail } });
    return;
  }
  if (r.problem?.code === 'mentor-documents-missing' && Array.isArray(r.problem.fields)) {
    showErrors(host, r.problem.fields.map((f) => ({ field: f, message: { text: r.problem.detail } })));
    return;
  }
  showProblem(host, r, { fields: FIELDS });
}

async function uploadOne(kind, name) {
  if (uploaded[name]) return uploaded[name];
  const file = $(name).files?.[0];
  const type = Object.keys(TYPES).find((t) => TYPES[t].test(file?.name ?? ''));
  if (!file || !type || file.size === 0 || file.size > MAX_BYTES) {
    showErrors(host, [{ field: name, message: { key: file ? 'recruitment.fileWrong' : 'recruitment.fileMissing' } }]);
    return null;
  }
  const ticket = await ctx.apiOnce('POST', '/registration/documents', { kind, contentType: type, size: file.size });
  if (ticket.stale) return null;
  if (!ticket.ok) {
    showErrors(host, [{ field: name, message: ticket.problem?.title ? { text: ticket.problem.title } : { key: 'recruitment.fileWrong' } }]);
    return null;
  }
  const headers = Object.fromEntries(Object.entries(ticket.data.headers ?? {}).filter(([k]) => !['host', 'content-length', 'connection', 'expect'].includes(k.toLowerCase())));
  let sent = false;
  try {
    sent = (await fetch(ticket.data.uploadUrl, { method: 'PUT', headers, body: file.slice(0, file.size, '') })).ok;
  } catch {
    sent = false;
  }
  if (!sent) {
    showErrors(host, [{ field: name, message: { key: 'recruitment.fileWrong' } }]);
    return null;
  }
  const checked = await ctx.api('POST', `/registration/documents/${encodeURIComponent(ticket.data.documentId)}/finalise`);
  if (checked.stale) return null;
  if (!checked.ok) {
    showErrors(host, [{ field: name, message: checked.problem?.title ? { text: checked.problem.title } : { key: 'recruitment.fileWrong' } }]);
    return null;
  }
  uploaded[name] = ticket.data.documentId;
  return uploaded[name];
}

async function submit(roundId) {
  await busy($('send-application'), async () => {
    if (!(await check(false))) return;
    // the privacy notice shown above is accepted with the application (docs/adr/0037)
    if (!checkedValues('privacyNotice').includes('yes')) {
      return showErrors(host, [{ field: 'privacyNotice', message: { key: 'recruitment.privacyRequired' } }]);
    }
    const line = $('submit-status');
    setStatus(line, { key: 'recruitment.uploading' });
    for (const [kind, name] of Object.entries(DOCUMENTS)) {
      if (!(await uploadOne(kind, name))) {
        setStatus(line, null);
        return;
      }
    }
    const days = checkedValues('availability');
    const flags = checkedValues('flags');
    const number = (id) => (/^\d+$/.test($(id).value.trim()) ? Number($(id).value.trim()) : $(id).value.trim() || null);
    const body = {
      ...facts(),
      name: $('name').value.trim() || null,
      university: $('university').value.trim() || null,
      programme: $('programme').value.trim() || null,
      year: number('year'),
      subjects: checkedValues('subjects'),
      levels: checkedValues('levels'),
      languages: checkedValues('languages'),
      availability: days.map((day) => ({ day, from: $('from').value.trim(), to: $('to').value.trim() })),
      commitmentSemesters: number('commitmentSemesters'),
      mode: checkedValues('mode')[0] ?? null,
      statement: $('statement').value.trim() || null,
      formerLearner: flags.includes('formerLearner'),
      educationMajor: flags.includes('educationMajor'),
      enrolmentDocumentId: uploaded.enrolmentDocumentId,
      transcriptDocumentId: uploaded.transcriptDocumentId,
      ...(nomination ? { nomination } : {}),
      privacyNotice: privacyVersion,
    };
    const r = await ctx.api('POST', `/recruitment/rounds/${encodeURIComponent(roundId)}/applications`, body);
    if (r.stale) return;
    setStatus(line, null);
    if (!r.ok && r.problem?.code === 'privacy-notice-outdated') {
      // another wording is in force: show it, unticked, with the reason
      privacyVersion = r.problem.currentVersion ?? '';
      $('privacy-notice').replaceWith(h('p', { id: 'privacy-notice', i18n: 'recruitment.privacyNotice', args: { version: privacyVersion } }));
      $('privacyNotice-yes').checked = false;
      return showErrors(host, [{ field: 'privacyNotice', message: { text: r.problem.detail ?? '' } }]);
    }
    if (!r.ok) return refused(r);
    ctx.navigate('/recruitment');
  });
}

// ---- reviewers ----

async function showRounds() {
  pageTitle('recruitment.reviewTitle');
  showLoading(host);
  const [rounds, renewals] = await Promise.all([ctx.api('GET', '/recruitment/rounds'), ctx.api('GET', '/recruitment/renewals')]);
  if (rounds.stale || renewals.stale) return;
  if (!rounds.ok) return failed(rounds);
  if (!renewals.ok) return failed(renewals);
  const parts = [heading('recruitment.reviewTitle'), h('h2', { i18n: 'recruitment.rounds' })];
  parts.push(h('ul', { class: 'list', id: 'rounds' }, rounds.data.rounds.map((r) => h('li', {},
    h('a', { href: `#/recruitment/${r.roundId}`, id: `round-${r.roundId}` }, r.name), ' ',
    tag(ROUND_KEYS, r.status), ' ',
    tx('recruitment.roundCount', { selected: r.selected, target: r.target, from: r.opensOn, to: r.closesOn })))));
  parts.push(h('h2', { i18n: 'recruitment.renewals' }));
  if (!renewals.data.renewals.length) parts.push(h('p', { i18n: 'recruitment.noRenewals' }));
  for (const r of renewals.data.renewals) {
    parts.push(h('div', { class: 'panel' },
      h('p', {}, tx('recruitment.renewalOf', { name: r.mentorName ?? r.mentorId, date: r.termEnds })),
      button(`approve-${r.mentorId}`, 'recruitment.approve', (e) => decideRenewal(e.currentTarget, r.mentorId, 'APPROVE')),
      ' ',
      button(`decline-${r.mentorId}`, 'recruitment.decline', (e) => decideRenewal(e.currentTarget, r.mentorId, 'DECLINE'), { secondary: true })));
  }
  host.replaceChildren(...parts);
  ctx.arrived(host);
}

async function decideRenewal(btn, mentorId, decision) {
  await busy(btn, async () => {
    const r = await ctx.api('POST', `/recruitment/renewals/${encodeURIComponent(mentorId)}/decision`, { decision });
    if (r.stale) return;
    if (!r.ok) return failed(r);
    showRounds();
  });
}

async function showRound(roundId) {
  pageTitle('recruitment.reviewTitle');
  showLoading(host);
  const r = await ctx.api('GET', `/recruitment/rounds/${encodeURIComponent(roundId)}/applications`);
  if (r.stale) return;
  if (!r.ok) return failed(r);
  const { round, applications } = r.data;
  const parts = [h('a', { class: 'back-link', href: '#/recruitment', i18n: 'recruitment.back' }),
    h('h1', { tabindex: '-1' }, round.name),
    h('p', {}, tag(ROUND_KEYS, round.status, 'round-status'), ' ',
      tx('recruitment.roundCount', { selected: round.selected, target: round.target, from: round.opensOn, to: round.closesOn })),
    statusLine('decision-status')];
  if (!applications.length) parts.push(h('p', { i18n: 'recruitment.noApplications' }));
  for (const a of applications) parts.push(applicationCard(round, a));
  host.replaceChildren(...parts);
  ctx.arrived(host);
}

function applicationCard(round, a) {
  const id = a.userId;
  const answers = a.answers;
  const scoreFields = round.criteria.map((c) => h('div', { class: 'field', id: `field-score-${id}-${c}` },
    h('label', { class: 'label', for: `score-${id}-${c}`, i18n: CRITERION_KEYS[c] }),
    h('select', { id: `score-${id}-${c}`, class: 'select', 'data-control': true },
      [0, 1, 2, 3, 4, 5].map((n) => h('option', { value: String(n), selected: (a.scores?.[c] ?? 0) === n }, String(n))))));
  const decided = a.status !== 'SUBMITTED';
  return h('section', { class: 'panel', id: `application-${id}` },
    h('h2', {}, answers.name),
    summaryList([
      { label: 'recruitment.field.university', value: h('span', {}, `${answers.university} · ${answers.programme} · ${answers.year}`) },
      { label: 'recruitment.field.lastGrade', value: h('span', {}, answers.lastGrade) },
      { label: 'recruitment.field.subjects', value: h('span', {}, answers.subjects.map((s) => ctx.t(SUBJECT_KEYS[s])).join(' · ')) },
      { label: 'recruitment.field.statement', value: h('span', {}, answers.statement) },
      { label: 'recruitment.preferences', value: h('span', {}, a.preferences.map((p) => ctx.t(CRITERION_KEYS[p])).join(' · ') || '–') },
      { label: 'recruitment.statusLabel', value: tag(STATUS_KEYS, a.status, `status-${id}`) },
      a.nominated ? { label: 'recruitment.nominated', value: h('strong', { class: 'tag', id: `nominated-${id}`, i18n: 'recruitment.nominated' }) } : null,
      { label: 'recruitment.total', value: h('span', { id: `total-${id}` }, String(a.total)) },
      a.decidedBy ? { label: 'recruitment.decidedBy', value: h('span', {}, `${a.decidedBy} · ${a.decidedAt}`) } : null,
    ].filter(Boolean)),
    decided ? null : h('div', {},
      ...scoreFields,
      button(`save-score-${id}`, 'recruitment.saveScore', (e) => score(e.currentTarget, round, a), { secondary: true }),
      ' ',
      button(`select-${id}`, 'recruitment.select', (e) => decide(e.currentTarget, round, a, 'SELECT')),
      ' ',
      button(`reject-${id}`, 'recruitment.reject', (e) => decide(e.currentTarget, round, a, 'REJECT'), { secondary: true }),
      textField({ name: `reason-${id}`, label: 'recruitment.reason', maxlength: 500 })));
}

async function score(btn, round, a) {
  await busy(btn, async () => {
    const scores = Object.fromEntries(round.criteria.map((c) => [c, Number($(`score-${a.userId}-${c}`).value)]));
    const r = await ctx.api('POST', `/recruitment/rounds/${encodeURIComponent(round.roundId)}/applications/${encodeURIComponent(a.userId)}/scores`,
      { scores, version: a.version });
    if (r.stale) return;
    if (!r.ok) return refused(r);
    setStatus($('decision-status'), { key: 'recruitment.scoreSaved' });
    showRound(round.roundId);
  });
}

async function decide(btn, round, a, decision) {
  await busy(btn, async () => {
    const reason = $(`reason-${a.userId}`).value.trim();
    const body = decision === 'REJECT' ? { decision, reason: reason || null } : { decision };
    const r = await ctx.api('POST', `/recruitment/rounds/${encodeURIComponent(round.roundId)}/applications/${encodeURIComponent(a.userId)}/decision`, body);
    if (r.stale) return;
    if (!r.ok) {
      clearErrors(host);
      const shown = explain(r);
      if (shown) showErrors(host, shown.items.map((i) => ({ ...i, field: r.problem?.errors?.some((e) => e.field === 'reason') ? `reason-${a.userId}` : null })),
        { detail: shown.detail });
      return;
    }
    showRound(round.roundId);
  });
}
