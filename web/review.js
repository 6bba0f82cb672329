// The reviewers' pages (#/review…): the lists of submitted applications (waiting, oldest first;
// documents requested; decided) with filters, search by application reference and "load more";
// one application with its documents (each opening is recorded by the server); asking the
// applicant for documents (kinds and a message template, no free text: the applicant reads it in
// their own language); the decision — approve, or do not approve with a reason the applicant will read.

import {
  CATEGORY_KEYS, DISTRICT_KEYS, DOCUMENT_KEYS, GRADES, LANGUAGE_KEYS, LEVEL_KEYS, PROBLEM_KEYS, RECORDS_KEYS,
  STATUS_KEYS, backLink, busy, button, checkboxes, checkedValues, clearErrors, districtsOf, fieldMessage, h, heading, homeLink, listOf,
  looksLikeResidentNumber, pageTitle, radios, reloadButton, selectField, seoulToday, setStatus, showErrors, showFailed,
  showLoading, showProblem, statusLine, statusTag, summaryList, textArea, textField, tx, useContext,
} from './ui.js';

const PAGE_SIZE = 20;
const MAX_REASON = 500;
const DECIDABLE = ['SUBMITTED', 'UNDER_REVIEW'];
const DECISION_FIELDS = ['decision', 'reason'];
const OUTCOME_KEYS = { APPROVED: 'registration.APPROVED', REJECTED: 'registration.REJECTED' };
// The applicants' document kinds (the recruitment ones are the mentors'), and the request's message templates.
const REQUESTABLE = Object.keys(DOCUMENT_KEYS).filter((k) => !['ENROLMENT_PROOF', 'TRANSCRIPT'].includes(k));
const TEMPLATE_KEYS = {
  missing: 'review.request.template.missing',
  unreadable: 'review.request.template.unreadable',
  expired: 'review.request.template.expired',
  'wrong-document': 'review.request.template.wrong-document',
};
const TEMPLATES = Object.keys(TEMPLATE_KEYS);
const REQUEST_FIELDS = ['documents', 'template'];
const LIST_KEYS = { queue: 'review.list.queue', requested: 'review.list.requested', decided: 'review.list.decided', appeals: 'review.list.appeals' };
const APPEAL_KEYS = { OPEN: 'review.appeal.OPEN', UPHELD: 'review.appeal.UPHELD', APPROVED: 'review.appeal.APPROVED' };
const FILTER_FIELDS = ['list', 'status', 'category', 'district', 'schoolLevel', 'minAge', 'maxAge', 'waitingDays', 'reference'];
// The filters in use (kept while the reviewer opens an application and comes back).
let filters = { list: 'queue' };

let ctx = null;
let host = null;
let application = null;

export function enter(context, root, parts) {
  ctx = context;
  host = root;
  useContext(ctx);
  if (!ctx.me().groups?.includes('reviewers')) {
    pageTitle('review.title');
    host.replaceChildren(heading('review.title'), h('p', { i18n: 'review.notReviewer' }), homeLink());
    ctx.arrived(host);
    return {};
  }
  if (parts[0]) showApplication(parts[0]);
  else showQueue();
  return {};
}

const $ = (id) => document.getElementById(id);
const path = (userId) => `/review/applications/${encodeURIComponent(userId)}`;

// ---- the queue ----

function query(cursor) {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const k of FILTER_FIELDS) if (filters[k]) q.set(k, filters[k]);
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}

const listPath = (cursor) => `/review/applications?${query(cursor)}`;

async function showQueue(focusResults) {
  showLoading(host);
  const answer = await ctx.api('GET', listPath());
  if (answer.stale) return;
  if (!answer.ok && answer.problem?.code !== 'validation-failed') return showFailed(host, 'review.title', answer);
  const list = h('ul', { class: 'queue', id: 'queue' });
  const more = button('load-more', 'review.loadMore', null, { secondary: true });
  let next = answer.ok ? answer.data.next ?? null : null;
  const add = (items) => {
    const added = items.map(queueItem);
    list.append(...added);
    return added;
  };
  more.addEventListener('click', () => busy(more, async () => {
    clearErrors(host);
    const page = await ctx.api('GET', listPath(next));
    if (page.stale) return;
    if (!page.ok) {
      showProblem(host, page);
      return;
    }
    const added = add(page.data.items ?? []);
    next = page.data.next ?? null;
    more.hidden = !next;
    // Keep the reader's place: on to the first application just loaded.
    added[0]?.querySelector('a')?.focus();
    if (!next) $('queue-end')?.removeAttribute('hidden');
  }));
  const items = answer.ok ? answer.data.items ?? [] : [];
  add(items);
  more.hidden = !next;
  const filtered = FILTER_FIELDS.some((k) => k !== 'list' && filters[k]);
  pageTitle('review.title');
  host.replaceChildren(
    heading('review.title'),
    h('p', { i18n: 'review.intro' }),
    filterForm(),
    h('h2', { id: 'results-heading', tabindex: '-1', i18n: LIST_KEYS[filters.list] ?? LIST_KEYS.queue }),
    h('p', { class: 'hint', id: 'results-count', role: 'status', i18n: filtered ? 'review.filter.shown' : 'review.filter.none', args: { n: items.length } }),
    items.length ? list : h('p', { id: 'queue-empty', class: 'inset', i18n: filtered || filters.list !== 'queue' ? 'review.filter.empty' : 'review.empty' }),
    more,
    h('p', { id: 'queue-end', class: 'hint', i18n: 'review.end', hidden: Boolean(next) || !items.length }),
    homeLink());
  if (!answer.ok) showProblem(host, answer, { fields: FILTER_FIELDS });
  if (focusResults) $('results-heading').focus();
  else ctx.arrived(host);
}

function filterForm() {
  const tenant = ctx.me().tenant;
  const form = h('form', { id: 'filter-form', class: 'filters', novalidate: true, role: 'search', onsubmit: (e) => {
    e.preventDefault();
    clearErrors(host);
    const read = (k) => $(k)?.value.trim() ?? '';
    const next = { list: read('list') || 'queue' };
    for (const k of FILTER_FIELDS.slice(1)) if (read(k)) next[k] = read(k);
    const errors = [];
    for (const [k, max] of [['minAge', 99], ['maxAge', 99], ['waitingDays', 366]]) {
      if (next[k] && !(/^\d{1,3}$/.test(next[k]) && Number(next[k]) <= max)) errors.push({ field: k, message: { key: 'review.filter.number', args: { max } } });
    }
    if (next.minAge && next.maxAge && Number(next.minAge) > Number(next.maxAge)) errors.push({ field: 'maxAge', message: { key: 'review.filter.ageOrder' } });
    if (next.reference && !/^[A-Za-z0-9-]{1,64}$/.test(next.reference)) errors.push({ field: 'reference', message: { key: 'review.filter.reference' } });
    if (errors.length) return showErrors(host, errors);
    filters = next;
    return showQueue(true);
  } },
  h('h2', { i18n: 'review.filter.title' }),
  selectField({ name: 'list', label: 'review.filter.list', value: filters.list, options: Object.entries(LIST_KEYS).map(([value, key]) => ({ value, key })) }),
  h('div', { class: 'filter-grid' },
    selectField({ name: 'status', label: 'review.filter.status', value: filters.status, placeholder: 'review.filter.any',
      options: ['SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED'].map((s) => ({ value: s, key: STATUS_KEYS[s] })) }),
    selectField({ name: 'category', label: 'review.filter.category', value: filters.category, placeholder: 'review.filter.any',
      options: Object.keys(CATEGORY_KEYS).map((c) => ({ value: c, key: CATEGORY_KEYS[c] })) }),
    selectField({ name: 'district', label: 'review.filter.district', value: filters.district, placeholder: 'review.filter.any',
      options: districtsOf(tenant).map((d) => ({ value: d, key: DISTRICT_KEYS[d] })) }),
    selectField({ name: 'schoolLevel', label: 'review.filter.schoolLevel', value: filters.schoolLevel, placeholder: 'review.filter.any',
      options: Object.entries(LEVEL_KEYS).map(([value, key]) => ({ value, key })) }),
    textField({ name: 'minAge', label: 'review.filter.minAge', value: filters.minAge, inputmode: 'numeric', width: 'short', maxlength: 3 }),
    textField({ name: 'maxAge', label: 'review.filter.maxAge', value: filters.maxAge, inputmode: 'numeric', width: 'short', maxlength: 3 }),
    textField({ name: 'waitingDays', label: 'review.filter.waitingDays', hint: 'review.filter.waitingDaysHint', value: filters.waitingDays,
      inputmode: 'numeric', width: 'short', maxlength: 3 })),
  textField({ name: 'reference', label: 'review.filter.reference', hint: 'review.filter.referenceHint', value: filters.reference,
    autocomplete: 'off', spellcheck: 'false', maxlength: 64 }),
  h('div', { class: 'actions' },
    button('apply-filters', 'review.filter.apply', null, { type: 'submit' }),
    button('clear-filters', 'review.filter.clear', () => { filters = { list: 'queue' }; showQueue(true); }, { secondary: true })));
  return h('details', { class: 'filter-panel', open: FILTER_FIELDS.some((k) => k !== 'list' && filters[k]) || filters.list !== 'queue' ? true : null },
    h('summary', { i18n: 'review.filter.show' }), form);
}

function queueItem(item) {
  const required = item.requiredDocuments ?? [];
  return h('li', { class: 'queue-item', 'data-user-id': item.userId },
    h('a', { href: `#/review/${encodeURIComponent(item.userId)}`, class: 'queue-name' },
      item.name ? item.name : tx('review.noName')),
    h('p', { class: 'queue-facts' },
      statusTag(item.status), ' ',
      item.submittedAt ? [h('span', { i18n: 'review.sentOn' }), ' ', h('span', { date: item.submittedAt })] : null),
    item.categories?.length ? h('p', { class: 'queue-facts' }, listOf(item.categories.map((c) => CATEGORY_KEYS[c] ?? 'category.other'))) : null,
    item.decidedAt ? h('p', { class: 'queue-facts' }, h('span', { i18n: 'review.decidedOn' }), ' ', h('span', { date: item.decidedAt })) : null,
    item.appeal ? h('p', { class: 'queue-facts' }, h('strong', { class: 'tag', 'data-appeal': item.appeal, i18n: APPEAL_KEYS[item.appeal] ?? 'review.appeal.OPEN' })) : null,
    h('p', { class: 'queue-facts hint' }, h('span', { i18n: 'review.reference' }), ' ', h('code', {}, item.userId)),
    h('p', { class: 'queue-facts', i18n: required.length ? 'review.documentsRequired' : 'review.noDocumentsRequired', args: { n: required.length } }));
}

// ---- one application ----

async function showApplication(userId) {
  showLoading(host);
  const answer = await ctx.api('GET', path(userId));
  if (answer.stale) return;
  if (!answer.ok) return showFailed(host, 'review.application', answer, { back: backLink('#/review', 'review.back') });
  application = answer.data;
  renderApplication();
}

function ageOn(birthDate, today) {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

function renderApplication(flash) {
  const a = application;
  const decided = !DECIDABLE.includes(a.status);
  const levelValue = a.schoolLevel
    ? (a.grade && GRADES[a.schoolLevel] ? h('span', { i18n: 'summary.levelAndGrade', args: { level: { key: LEVEL_KEYS[a.schoolLevel] }, n: a.grade } })
      : h('span', { i18n: LEVEL_KEYS[a.schoolLevel] ?? 'level.other' }))
    : null;
  const rows = [
    a.birthDate ? { id: 'fact-birthDate', label: 'field.birthDate', value: [h('span', { date: a.birthDate }), ' ', h('span', { i18n: 'review.age', args: { age: ageOn(a.birthDate, seoulToday()) } })] } : null,
    levelValue ? { id: 'fact-school', label: 'field.schoolLevel', value: levelValue } : null,
    a.district ? { id: 'fact-district', label: 'field.district', value: h('span', { i18n: DISTRICT_KEYS[a.district] ?? 'district.other', args: { code: a.district } }) } : null,
    a.preferredLanguage ? { id: 'fact-language', label: 'field.preferredLanguage', value: h('span', { i18n: LANGUAGE_KEYS[a.preferredLanguage] ?? 'language.option.ko' }) } : null,
    { id: 'fact-categories', label: 'summary.categories', value: listOf((a.categories ?? []).map((c) => CATEGORY_KEYS[c] ?? 'category.other')) },
    a.guardian ? { id: 'fact-guardian', label: 'step.guardian', value: [
      h('span', {}, a.guardian.name ?? ''), h('br'), h('span', {}, a.guardian.contact ?? ''), h('br'),
      a.guardian.consentAt ? [h('span', { i18n: 'review.consentOn' }), ' ', h('span', { date: a.guardian.consentAt })]
        : h('span', { i18n: 'summary.consentMissing' })] } : null,
    { id: 'fact-records', label: 'summary.records', value: a.recordsCheck ? [
      h('span', { i18n: RECORDS_KEYS[a.recordsCheck.outcome] ?? 'records.NOT_FOUND' }),
      a.recordsCheck.verifiedCategories?.length ? [' (', listOf(a.recordsCheck.verifiedCategories.map((c) => CATEGORY_KEYS[c] ?? 'category.other')), ')'] : null,
      h('br'), h('span', { class: 'hint', date: a.recordsCheck.checkedAt })] : h('span', { i18n: 'summary.notChecked' }) },
    a.submittedAt ? { id: 'fact-submitted', label: 'review.submitted', value: h('span', { date: a.submittedAt }) } : null,
  ];
  pageTitle('review.application');
  host.replaceChildren(
    backLink('#/review', 'review.back'),
    h('h1', { tabindex: '-1', id: 'applicant-name' }, a.name ?? ''),
    statusLine('page-status'),
    h('p', { class: 'status-now' }, h('span', { i18n: 'status.now' }), ' ', statusTag(a.status, 'application-status')),
    summaryList(rows, { id: 'facts' }),
    documentsPart(),
    // replaceChildren would show a null as the text "null"
    ...(decided ? [] : [requestPart()]),
    decided ? decisionMade() : decisionForm(),
    ...(a.appeal ? [appealPart()] : []),
    h('p', {}, h('a', { href: '#/review', i18n: 'review.back' })));
  if (flash) setStatus($('page-status'), flash);
  ctx.arrived(host);
}

function documentsPart() {
  const a = application;
  const documents = a.documents ?? [];
  const kinds = [...new Set([...(a.requiredDocuments ?? []), ...documents.filter((d) => d.status === 'VERIFIED').map((d) => d.kind)])];
  return h('section', { class: 'documents', 'aria-labelledby': 'documents-heading' },
    h('h2', { id: 'documents-heading', i18n: 'review.documents' }),
    kinds.length ? [
      h('p', { class: 'inset', id: 'reads-recorded', i18n: 'review.readsRecorded' }),
      h('ul', { class: 'review-documents', id: 'documents' }, kinds.map((kind) => {
        const ready = documents.filter((d) => d.kind === kind && d.status === 'VERIFIED');
        const scanning = documents.some((d) => d.kind === kind && d.status === 'SCANNING');
        return h('li', { 'data-kind': kind },
          h('span', { class: 'document-name', i18n: DOCUMENT_KEYS[kind] ?? 'document.other' }),
          ready.length
            ? ready.map((d, i) => h('button', {
              type: 'button', class: 'button button-secondary button-small', id: `open-${d.documentId}`, 'data-document-id': d.documentId,
              onclick: (e) => openDocument(d, e.currentTarget),
            }, tx('review.open'), ready.length > 1 ? ` ${i + 1}` : null, h('span', { class: 'visually-hidden', i18n: DOCUMENT_KEYS[kind] ?? 'document.other' })))
            : h('strong', { class: 'tag', 'data-status': scanning ? 'SCANNING' : 'MISSING', i18n: scanning ? 'documents.scanning' : 'review.notReceived' }));
      })),
      statusLine('document-status'),
    ] : h('p', { i18n: 'review.noDocumentsRequired', args: { n: 0 } }));
}

async function openDocument(document_, btn) {
  await busy(btn, async () => {
    clearErrors(host);
    // Opened now, while the tap still counts as the reader's, so no pop-up blocker stops it;
    // it is pointed at the document once the short-lived address has come back.
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    const answer = await ctx.api('POST', `${path(application.userId)}/documents/${encodeURIComponent(document_.documentId)}/read-url`);
    if (answer.stale) {
      tab?.close();
      return;
    }
    const line = $('document-status');
    const name = { key: DOCUMENT_KEYS[document_.kind] ?? 'document.other' };
    if (!answer.ok) {
      tab?.close();
      showProblem(host, answer);
      return;
    }
    if (tab) {
      tab.location.replace(answer.data.url);
      setStatus(line, { key: 'review.opened', args: { document: name } });
    } else {
      // The browser blocked the new tab: give a link to open it by hand.
      line.replaceChildren(h('a', { href: answer.data.url, target: '_blank', rel: 'noopener noreferrer', id: 'document-link', i18n: 'review.openBlocked', args: { document: name } }));
    }
    // The first opening starts the review: show the new status.
    if (application.status === 'SUBMITTED') {
      const fresh = await ctx.api('GET', path(application.userId));
      if (fresh.ok) {
        application = fresh.data;
        const tag = $('application-status');
        tag.dataset.status = application.status;
        tag.dataset.i18n = STATUS_KEYS[application.status] ?? STATUS_KEYS.SUBMITTED;
        ctx.localize(tag);
      }
    }
  });
}

// ---- asking the applicant for documents ----

function requestPart() {
  const r = application.documentRequest;
  if (r) {
    return h('section', { class: 'document-request', 'aria-labelledby': 'request-heading', id: 'document-request' },
      h('h2', { id: 'request-heading', i18n: 'review.request.open' }),
      h('p', {}, h('span', { i18n: 'review.request.sentOn' }), ' ', h('span', { date: r.requestedAt })),
      h('p', { class: 'inset', id: 'request-template', i18n: TEMPLATE_KEYS[r.template] ?? TEMPLATE_KEYS.missing }),
      h('ul', { id: 'requested-documents' }, (r.documents ?? []).map((d) => h('li', { 'data-kind': d, i18n: DOCUMENT_KEYS[d] ?? 'document.other' }))),
      h('p', { class: 'hint', i18n: 'review.request.waiting' }));
  }
  const missing = application.missingDocuments ?? [];
  return h('section', { class: 'document-request', 'aria-labelledby': 'request-heading' },
    h('h2', { id: 'request-heading', i18n: 'review.request.title' }),
    h('p', { i18n: 'review.request.intro' }),
    h('form', { id: 'request-form', novalidate: true, onsubmit: requestDocuments },
      checkboxes({ name: 'documents', legend: 'review.request.documents', hint: 'review.request.documentsHint',
        items: REQUESTABLE.map((k) => ({ value: k, key: DOCUMENT_KEYS[k] })), values: missing }),
      radios({ name: 'template', legend: 'review.request.template', hint: 'review.request.templateHint',
        items: TEMPLATES.map((t) => ({ value: t, key: TEMPLATE_KEYS[t] })) }),
      button('send-request', 'review.request.send', null, { type: 'submit', secondary: true })));
}

async function requestDocuments(event) {
  event.preventDefault();
  await busy($('send-request'), async () => {
    clearErrors(host);
    const documents = checkedValues('documents');
    const template = checkedValues('template')[0];
    const errors = [];
    if (!documents.length) errors.push({ field: 'documents', message: { key: 'review.request.documentsRequired' } });
    if (!template) errors.push({ field: 'template', message: { key: 'review.request.templateRequired' } });
    if (errors.length) return showErrors(host, errors);
    const answer = await ctx.api('POST', `${path(application.userId)}/document-request`, { documents, template, version: application.version });
    if (answer.stale) return undefined;
    if (answer.ok) {
      application = answer.data;
      return renderApplication({ key: 'review.request.sent' });
    }
    if (answer.problem?.code === 'version-conflict') {
      return showErrors(host, [{ message: { key: PROBLEM_KEYS['version-conflict'] } }], { actions: reloadButton() });
    }
    return showProblem(host, answer, { fields: REQUEST_FIELDS });
  });
}

function decisionMade() {
  const d = application.decision;
  return h('section', { class: 'decision', 'aria-labelledby': 'decision-heading', id: 'decision' },
    h('h2', { id: 'decision-heading', i18n: 'review.decision' }),
    h('p', {}, h('strong', { i18n: OUTCOME_KEYS[d?.outcome] ?? 'registration.DRAFT' }), d?.decidedAt ? [' — ', h('span', { date: d.decidedAt })] : null),
    d?.reason ? [h('p', { i18n: 'status.rejected.reasonTitle' }), h('blockquote', { class: 'reason', id: 'decision-reason' }, d.reason)] : null);
}

function decisionForm() {
  const missing = application.missingDocuments ?? [];
  const reason = textArea({ name: 'reason', label: 'field.reason', hint: 'field.reason.hint' });
  const count = h('p', { class: 'hint', id: 'reason-count', 'aria-live': 'polite', i18n: 'field.reason.count', args: { n: MAX_REASON } });
  reason.append(count);
  const textarea = reason.querySelector('textarea');
  textarea.addEventListener('input', () => {
    const left = MAX_REASON - textarea.value.trim().length;
    count.dataset.i18n = left >= 0 ? 'field.reason.count' : 'field.reason.over';
    count.dataset.i18nArgs = JSON.stringify({ n: Math.abs(left) });
    count.classList.toggle('count-over', left < 0);
    ctx.localize(count);
  });
  return h('section', { class: 'decision', 'aria-labelledby': 'decision-heading' },
    h('h2', { id: 'decision-heading', i18n: 'review.decision' }),
    missing.length ? h('div', { class: 'inset inset-warning', id: 'missing-documents' },
      h('p', { i18n: 'review.missingDocuments' }),
      h('ul', {}, missing.map((d) => h('li', { i18n: DOCUMENT_KEYS[d] ?? 'document.other' })))) : null,
    h('form', { id: 'decision-form', novalidate: true, onsubmit: decide },
      radios({
        name: 'decision', legend: 'field.decision',
        items: [{ value: 'APPROVE', key: 'decision.approve' }, { value: 'REJECT', key: 'decision.reject' }],
      }),
      reason,
      button('decide', 'action.saveDecision', null, { type: 'submit' })));
}

async function decide(event) {
  event.preventDefault();
  await busy($('decide'), async () => {
    clearErrors(host);
    const decision = checkedValues('decision')[0];
    const reason = $('reason').value.trim();
    const errors = [];
    if (!decision) errors.push({ field: 'decision', message: fieldMessage('decision', 'required') });
    if (decision === 'REJECT' && !reason) errors.push({ field: 'reason', message: fieldMessage('reason', 'required') });
    if (reason.length > MAX_REASON) errors.push({ field: 'reason', message: fieldMessage('reason', 'too-long') });
    if (looksLikeResidentNumber(reason)) errors.push({ field: 'reason', message: { key: PROBLEM_KEYS['resident-registration-number'] } });
    if (errors.length) return showErrors(host, errors);
    const body = { decision, version: application.version };
    if (reason) body.reason = reason;
    const answer = await ctx.api('POST', `${path(application.userId)}/decision`, body);
    if (answer.ok) {
      application = answer.data;
      return renderApplication({ key: 'review.saved' });
    }
    const code = answer.problem?.code;
    if (code === 'decision-not-allowed') {
      const missing = Array.isArray(answer.problem.missingDocuments) ? answer.problem.missingDocuments : [];
      return showErrors(host, [{
        field: 'decision',
        message: { key: missing.length ? 'review.cannotApproveMissing' : PROBLEM_KEYS[code] },
        list: missing.map((d) => ({ key: DOCUMENT_KEYS[d] ?? 'document.other' })),
      }]);
    }
    if (code === 'version-conflict') {
      return showErrors(host, [{ message: { key: PROBLEM_KEYS[code] } }], { actions: reloadButton() });
    }
    if (code === 'resident-registration-number') {
      return showErrors(host, [{ field: 'reason', message: { key: PROBLEM_KEYS[code] } }]);
    }
    showProblem(host, answer, { fields: DECISION_FIELDS });
  });
}

// ---- an appeal: decided once, finally, by a reviewer other than the one who rejected (docs/adr/0040) ----

function appealPart() {
  const p = application.appeal;
  const open = p.status === 'OPEN';
  return h('section', { class: 'decision', id: 'appeal', 'data-status': p.status, 'aria-labelledby': 'appeal-heading' },
    h('h2', { id: 'appeal-heading', i18n: 'review.appeal.title' }),
    h('p', {}, h('strong', { i18n: APPEAL_KEYS[p.status] ?? 'review.appeal.OPEN' }), ' — ', h('span', { i18n: 'review.appeal.appealedOn' }), ' ', h('span', { date: p.appealedAt })),
    h('p', { i18n: 'review.appeal.reason' }),
    h('blockquote', { class: 'reason', id: 'appeal-reason' }, p.reason ?? ''),
    p.decisionReason ? [h('p', { i18n: 'status.rejected.reasonTitle' }), h('blockquote', { class: 'reason', id: 'appeal-decision-reason' }, p.decisionReason)] : null,
    open ? h('form', { id: 'appeal-form', novalidate: true, onsubmit: decideAppeal },
      h('p', { class: 'hint', i18n: 'review.appeal.another' }),
      radios({
        name: 'appealDecision', legend: 'review.appeal.decide',
        items: [{ value: 'APPROVE', key: 'review.appeal.approve' }, { value: 'UPHOLD', key: 'review.appeal.uphold' }],
      }),
      textArea({ name: 'appealDecisionReason', label: 'field.reason', hint: 'review.appeal.reason.hint' }),
      button('decide-appeal', 'action.saveDecision', null, { type: 'submit' })) : null);
}

async function decideAppeal(event) {
  event.preventDefault();
  await busy($('decide-appeal'), async () => {
    clearErrors(host);
    const decision = checkedValues('appealDecision')[0];
    const reason = $('appealDecisionReason').value.trim();
    const errors = [];
    if (!decision) errors.push({ field: 'appealDecision', message: fieldMessage('decision', 'required') });
    if (decision === 'UPHOLD' && !reason) errors.push({ field: 'appealDecisionReason', message: fieldMessage('reason', 'required') });
    if (reason.length > MAX_REASON) errors.push({ field: 'appealDecisionReason', message: fieldMessage('reason', 'too-long') });
    if (looksLikeResidentNumber(reason)) errors.push({ field: 'appealDecisionReason', message: { key: PROBLEM_KEYS['resident-registration-number'] } });
    if (errors.length) return showErrors(host, errors);
    const body = { decision, version: application.version };
    if (reason) body.reason = reason;
    const answer = await ctx.api('POST', `${path(application.userId)}/appeal-decision`, body);
    if (answer.ok) {
      application = answer.data;
      return renderApplication({ key: 'review.saved' });
    }
    if (answer.problem?.code === 'version-conflict') {
      return showErrors(host, [{ message: { key: PROBLEM_KEYS['version-conflict'] } }], { actions: reloadButton() });
    }
    showProblem(host, answer);
  });
}
