import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { ComplaintRequestError } from '../../src/complaints/complaint-errors.ts';
import { canTransition, complaintStatuses, needsNote, nextStatuses, type ComplaintStatus } from '../../src/complaints/complaint-lifecycle.ts';
import type { ComplaintRecord } from '../../src/complaints/complaint-record.ts';
import type { ComplaintTranscripts } from '../../src/complaints/complaint-transcripts.ts';
import type { ComplaintFilter, ComplaintRepository, StoredComplaint } from '../../src/complaints/complaint-repository.ts';
import type { ComplaintTaxonomy } from '../../src/complaints/complaint-taxonomy.ts';
import { vietnamDate } from '../../src/complaints/local-date.ts';
import { formatCitation } from '../../src/knowledge/citation.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { deadlinesOf, isOverdue } from '../../src/staff/complaint-deadlines.ts';
import { complaintsCodesCsv, complaintsCsv, complaintsXlsx, type ExportLabels } from '../../src/staff/complaint-export.ts';
import { isContactSearch, maskContactsInText, maskEmail, maskPhone } from '../../src/staff/contact-masking.ts';
import { forwardingEmail, forwardingLetterPdf, type ForwardingInput } from '../../src/staff/forwarding-letter.ts';
import { formatIsoDay, formatNumber } from '../../src/staff/vietnamese-format.ts';
import type { ReportIssuer } from '../../src/staff/yearly-report.ts';
import { renderPdf } from '../../src/documents/pdf-document.ts';
import type { EvidenceFiles } from '../../src/evidence/evidence-files.ts';
import { errorPage } from './error-pages.ts';
import { formBody, pathParams } from './form-body.ts';
import { evidenceList, evidenceRoutes } from './evidence-routes.ts';
import type { StaffContext, StaffDeps, StaffEnv } from './staff-env.ts';
import { csrfField, flashFrom, formatDate, formatDateTime, page, pager } from './view.ts';

export interface ComplaintSectionDeps extends StaffDeps {
  readonly taxonomy: ComplaintTaxonomy;
  readonly knowledgeBase: KnowledgeBase;
  /** The unit that signs letters to agencies. */
  readonly issuer: ReportIssuer;
  /** Complaints: the list, records, history and changes (built once by the composition root). */
  readonly complaints: ComplaintRepository;
  /** The chat each complaint was filed from. */
  readonly transcripts: ComplaintTranscripts;
  /** Opens evidence files (uploads, Telegram, Zalo); without it the page says they cannot be opened. */
  readonly evidence?: EvidenceFiles;
}

const pageSize = 50;
/** Messages of the consumer's chat shown on a complaint: the latest ones. */
const transcriptShown = 500;
const awaiting: ComplaintStatus[] = ['received', 'acknowledged', 'sent_to_business'];
const referenceParam = z.string().regex(/^KN-\d{8}-[A-Z0-9]{5}$/);
const filterQuery = z.object({
  status: z.enum(complaintStatuses).optional().catch(undefined),
  category: z.string().regex(/^[a-z0-9-]{1,60}$/).optional().catch(undefined),
  province: z.string().trim().min(1).max(60).optional().catch(undefined),
  overdue: z.literal('1').optional().catch(undefined),
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
});
type Filters = z.infer<typeof filterQuery>;
const statusForm = z.object({
  status: z.enum(complaintStatuses),
  note: z.string().trim().max(2000).default(''),
  // The consumer is told in their chat when the box is ticked; the text is the staff member's, {status} the new status in the consumer's words.
  notify: z.literal('yes').optional(),
  message: z.string().trim().max(2000).default(''),
});
const forwardForm = z.object({ note: z.string().trim().max(2000).default('') });
/** ?format=codes: the machine-readable export (codes, ISO dates, commas); anything else is the one for people. */
const exportFormat = z.object({ format: z.literal('codes').optional().catch(undefined) });

/** Complaints: the filtered list, one record with its deadlines and history, status changes, forwarding, CSV and Excel. */
export function complaintRoutes(deps: ComplaintSectionDeps): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const repo = deps.complaints;
  /** A complaint's reference in the path; anything else is a page that does not exist. */
  const complaintPath = pathParams(z.object({ reference: referenceParam }), (c) => errorPage(c, 'notFound'));
  const invalidForm = (c: StaffContext) => c.redirect(`/staff/complaints/${c.req.param('reference')}?error=invalid`, 303);
  const t = deps.translators('vi');
  const categoryLabel = (code: string) => deps.taxonomy.data.categories.find((c) => c.code === code)?.label ?? code;
  const issueLabel = (code: string) => deps.taxonomy.issue(code)?.label ?? code;
  const statusLabel = (s: string) => t.t(`staff.status.${s}`);
  const citation = (ref: { doc: string; article: number; clause: number | null }) => {
    const doc = deps.knowledgeBase.document(ref.doc);
    return doc ? formatCitation({ doc: ref.doc, article: ref.article, clause: ref.clause, section: null }, doc.metadata) : `${ref.doc} Điều ${ref.article}`;
  };
  app.route('/', evidenceRoutes({ ...deps, repo }));
  const exportLabels: ExportLabels = { t, category: categoryLabel, issue: issueLabel, citation, timeZone: deps.timeZone };

  /** The repository filters by columns; "overdue" depends on today, so it is applied here. */
  async function find(f: Filters, limit: number, offset: number): Promise<{ items: StoredComplaint[]; total: number }> {
    const base: ComplaintFilter = { ...(f.status ? { status: f.status } : {}), ...(f.category ? { category: f.category } : {}), ...(f.province ? { province: f.province } : {}), ...(f.q ? { text: f.q } : {}) };
    if (!f.overdue) return repo.list({ ...base, limit, offset });
    const today = vietnamDate(deps.clock.now());
    const all: StoredComplaint[] = [];
    for (let skip = 0; ; skip += 500) {
      const chunk = await repo.list({ ...base, ...(f.status ? {} : { statuses: awaiting }), limit: 500, offset: skip });
      all.push(...chunk.items.filter((c) => isOverdue(c.record.status, c.record.deadlines, today)));
      if (chunk.items.length < 500) break;
    }
    return { items: all.slice(offset, offset + limit), total: all.length };
  }

  app.get('/complaints', zValidator('query', filterQuery), async (c) => {
    const f = c.req.valid('query');
    // Looking a person up by phone or e-mail is audited, with the term masked.
    if (f.q && isContactSearch(f.q)) await deps.audit.record({ actor: c.get('session').user.email, action: 'complaint.search', detail: { q: /@/.test(f.q) ? maskEmail(f.q) : maskPhone(f.q) } }, deps.clock.now());
    const { items, total } = await find(f, pageSize, (f.page - 1) * pageSize);
    const provinces = await repo.provinces();
    const today = vietnamDate(deps.clock.now());
    const query = new URLSearchParams(Object.entries({ status: f.status, category: f.category, province: f.province, overdue: f.overdue, q: f.q }).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const body = html`<form method="get" action="/staff/complaints" class="card grid-form filters-form">
        <label>${t.t('staff.complaints.status')}<select name="status"><option value="">${t.t('staff.all')}</option>${complaintStatuses.map((s) => html`<option value="${s}"${f.status === s ? html` selected` : ''}>${statusLabel(s)}</option>`)}</select></label>
        <label>${t.t('staff.complaints.category')}<select name="category"><option value="">${t.t('staff.all')}</option>${deps.taxonomy.data.categories.map((cat) => html`<option value="${cat.code}"${f.category === cat.code ? html` selected` : ''}>${cat.label}</option>`)}</select></label>
        <label>${t.t('staff.complaints.province')}<select name="province"><option value="">${t.t('staff.all')}</option>${provinces.map((p) => html`<option${f.province === p ? html` selected` : ''}>${p}</option>`)}</select></label>
        <label>${t.t('staff.complaints.search')}<input type="search" name="q" value="${f.q ?? ''}" placeholder="${t.t('staff.complaints.searchHint')}"></label>
        <label class="check"><span><input type="checkbox" name="overdue" value="1"${f.overdue ? html` checked` : ''}> ${t.t('staff.complaints.overdueOnly')}</span></label>
        <div class="actions"><button type="submit">${t.t('staff.complaints.filter')}</button><a class="button secondary" href="/staff/complaints.csv?${query.toString()}">${t.t('staff.complaints.exportCsv')}</a><a class="button secondary" href="/staff/complaints.xlsx?${query.toString()}">${t.t('staff.complaints.exportXlsx')}</a><a class="small" href="/staff/complaints.csv?${new URLSearchParams([...query, ['format', 'codes']]).toString()}" title="${t.t('staff.complaints.exportCodesHint')}">${t.t('staff.complaints.exportCodes')}</a></div>
      </form>
      <p class="muted">${t.t('staff.complaints.count', { total })}</p>
      ${items.length === 0 ? html`<p class="empty">${t.t('staff.complaints.none')}</p>` : html`<div class="table-wrap"><table class="responsive">
        <thead><tr><th>${t.t('staff.complaints.reference')}</th><th>${t.t('staff.complaints.received')}</th><th>${t.t('staff.complaints.consumer')}</th><th>${t.t('staff.complaints.contact')}</th><th>${t.t('staff.complaints.province')}</th><th>${t.t('staff.complaints.business')}</th><th>${t.t('staff.complaints.category')}</th><th>${t.t('staff.complaints.status')}</th><th>${t.t('staff.complaints.deadline')}</th></tr></thead>
        <tbody>${items.map((item) => {
          const r = item.record;
          const next = deadlinesOf(r.status, r.deadlines, today).find((d) => d.pending);
          const overdue = isOverdue(r.status, r.deadlines, today);
          return html`<tr class="${overdue ? 'overdue' : ''}">
            <td class="nowrap" data-label="${t.t('staff.complaints.reference')}"><a href="/staff/complaints/${r.reference}">${r.reference}</a>${item.anonymised ? html` <span class="badge">${t.t('staff.complaints.anonymised')}</span>` : ''}</td>
            <td class="nowrap" data-label="${t.t('staff.complaints.received')}">${formatDate(new Date(r.createdAt), deps.timeZone)}<br><span class="muted small">${t.t(`staff.channel.${r.channel}`)}</span></td>
            <td data-label="${t.t('staff.complaints.consumer')}">${r.consumer.name}</td>
            <td data-label="${t.t('staff.complaints.contact')}" class="mono">${listContact(r)}</td>
            <td data-label="${t.t('staff.complaints.province')}">${r.consumer.province ?? ''}</td>
            <td data-label="${t.t('staff.complaints.business')}">${r.business.name ? maskContactsInText(r.business.name) : ""}</td>
            <td data-label="${t.t('staff.complaints.category')}">${categoryLabel(r.category)}</td>
            <td data-label="${t.t('staff.complaints.status')}"><span class="badge">${statusLabel(r.status)}</span></td>
            <td class="nowrap" data-label="${t.t('staff.complaints.deadline')}">${next ? html`<span class="deadline ${overdue ? 'overdue' : ''}">${t.t(`staff.deadline.short.${next.kind}`)}<br>${formatIsoDay(next.due)}${overdue ? html`<br>${t.t('staff.deadline.overdue')}` : ''}</span>` : '—'}</td>
          </tr>`;
        })}</tbody></table></div>`}
      ${pager(t, f.page, Math.ceil(total / pageSize), (p) => `/staff/complaints?${new URLSearchParams([...query, ['page', String(p)]]).toString()}`)}`;
    return c.html(page({ t, title: t.t('staff.complaints.title'), session: c.get('session'), nav: 'complaints', body }));
  });

  /** Every complaint the list's filters select (the repository pages by 500; an export takes every page), its download audited. */
  async function exported(c: StaffContext, format: 'labels' | 'codes' | 'xlsx'): Promise<{ records: ComplaintRecord[]; day: string }> {
    const f = filterQuery.parse(c.req.query());
    const items: StoredComplaint[] = [];
    for (let offset = 0; ; offset += 500) {
      const chunk = await find({ ...f, page: 1 }, 500, offset);
      items.push(...chunk.items);
      if (chunk.items.length < 500 || items.length >= chunk.total) break;
    }
    const now = deps.clock.now();
    await deps.audit.record({ actor: c.get('session').user.email, action: 'export.complaints', detail: { count: items.length, format, filters: Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) } }, now);
    return { records: items.map((i) => i.record), day: vietnamDate(now) };
  }

  app.get('/complaints.csv', zValidator('query', exportFormat), async (c) => {
    const codes = c.req.valid('query').format === 'codes';
    const { records, day } = await exported(c, codes ? 'codes' : 'labels');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="khieu-nai-${codes ? 'ma-' : ''}${day}.csv"`);
    return c.body(codes ? complaintsCodesCsv(records) : complaintsCsv(records, exportLabels));
  });

  app.get('/complaints.xlsx', async (c) => {
    const { records, day } = await exported(c, 'xlsx');
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="khieu-nai-${day}.xlsx"`);
    return c.body(new Uint8Array(complaintsXlsx(records, exportLabels)));
  });

  app.get('/complaints/:reference', async (c) => {
    const reference = referenceParam.safeParse(c.req.param('reference'));
    const stored = reference.success ? await repo.get(reference.data) : null;
    if (!stored) return errorPage(c, 'notFound');
    const session = c.get('session');
    const now = deps.clock.now();
    const today = vietnamDate(now);
    const r = stored.record;
    // A long chat shows its latest messages (the complaint was filed at its end), oldest of them first.
    const [history, chat] = await Promise.all([
      repo.history(r.reference),
      stored.conversationId ? deps.transcripts.latest(stored.conversationId, transcriptShown) : Promise.resolve({ messages: [], total: 0 }),
    ]);
    const transcript = chat.messages;
    const messageCount = chat.total;
    const evidence = await evidenceList({ reference: r.reference, channel: r.channel, evidence: r.evidence, files: deps.evidence, t, timeZone: deps.timeZone });
    const consumerLocale = stored.conversationId && !stored.anonymised ? await deps.proactive.localeOf(stored.conversationId) : null;
    // Opening a record shows the consumer's contacts in full: that access is itself audited.
    await deps.audit.record({ actor: session.user.email, action: 'complaint.view', target: r.reference }, now);
    const deadlines = deadlinesOf(r.status, r.deadlines, today);
    const options = nextStatuses(r.status);
    const canForward = canTransition(r.status, 'referred_agency');
    const row = (label: string, value: unknown) => html`<dt>${label}</dt><dd>${value === null || value === undefined || value === '' ? '—' : value}</dd>`;
    const body = html`<p class="back"><a href="/staff/complaints">${t.t('staff.complaint.back')}</a></p>
      <p class="actions"><span class="badge">${statusLabel(r.status)}</span> <span class="badge ch-${r.channel}">${t.t(`staff.channel.${r.channel}`)}</span>${stored.anonymised ? html` <span class="badge warn">${t.t('staff.complaints.anonymisedNote')}</span>` : ''}</p>
      <div class="cols">
        <div>
          <section class="card"><h2>${t.t('staff.complaint.record')}</h2><dl>
            ${row(t.t('staff.complaints.received'), formatDateTime(new Date(r.createdAt), deps.timeZone))}
            ${row(t.t('staff.complaint.consumerName'), r.consumer.name)}
            ${row(t.t('staff.complaint.phone'), r.consumer.phone)}
            ${row(t.t('staff.complaint.email'), r.consumer.email)}
            ${row(t.t('staff.complaints.province'), r.consumer.province)}
            ${row(t.t('staff.complaint.consent'), `${t.t('staff.complaint.consentBusiness')}: ${yesNo(r.consent.shareWithBusiness)} · ${t.t('staff.complaint.consentAgency')}: ${yesNo(r.consent.shareWithAgency)}`)}
            ${row(t.t('staff.complaints.business'), r.business.name)}
            ${row(t.t('staff.complaint.address'), r.business.address)}
            ${row(t.t('staff.complaint.platform'), r.business.platform)}
            ${row(t.t('staff.complaint.product'), r.product)}
            ${row(t.t('staff.complaints.category'), `${categoryLabel(r.category)} › ${issueLabel(r.issue)}`)}
            ${row(t.t('staff.complaint.handling'), t.t(`staff.handling.${r.handling}`))}
            ${row(t.t('staff.complaint.purchaseDate'), r.purchaseDate ? formatIsoDay(r.purchaseDate) : null)}
            ${row(t.t('staff.complaint.amount'), r.amountVnd !== null ? `${r.amountVnd.toLocaleString('vi-VN')} đ` : null)}
            ${row(t.t('staff.complaint.purchaseChannel'), r.purchaseChannel ? t.t(`staff.purchaseChannel.${r.purchaseChannel}`) : null)}
            ${row(t.t('staff.complaint.desired'), r.desiredResolution.map((d) => t.t(`staff.resolution.${d}`)).join(', '))}
          </dl></section>
          <section class="card"><h2>${t.t('staff.complaint.narrative')}</h2><p class="narrative">${r.narrative}</p></section>
          <section class="card"><h2>${t.t('staff.complaint.evidence')}</h2>${r.evidence.length === 0 ? html`<p class="muted">${t.t('staff.none')}</p>` : evidence}</section>
          <section class="card"><h2>${t.t('staff.complaint.legalBasis')}</h2>
            <p>${t.t('staff.complaint.applicableLaw')}: <strong>${r.applicableLaw}</strong></p>
            <ul>${r.legalBasis.map((ref) => {
              const article = deps.knowledgeBase.article(ref.doc, ref.article);
              return html`<li>${citation(ref)}${article ? html` — <em>${article.title}</em>` : ''}</li>`;
            })}</ul></section>
          <section class="card"><h2>${t.t('staff.complaint.transcript')}</h2>${transcript.length === 0 ? html`<p class="muted">${t.t('staff.none')}</p>` : html`<details><summary>${messageCount > transcript.length ? t.t('staff.complaint.transcriptLatest', { count: transcript.length, total: formatNumber(messageCount) }) : t.t('staff.complaint.transcriptCount', { count: transcript.length })}</summary><ol class="transcript">${transcript.map((m) => html`<li class="msg ${m.direction === 'in' ? 'in' : m.direction === 'staff' ? 'staff' : 'out'}"><div class="bubble">${m.text}</div><div class="at">${formatDateTime(m.createdAt, deps.timeZone)}</div></li>`)}</ol></details>`}</section>
        </div>
        <div>
          <section class="card"><h2>${t.t('staff.complaint.deadlines')}</h2><table><tbody>${deadlines.map((d) => html`<tr class="${d.overdue ? 'overdue' : ''}"><td>${t.t(`staff.deadline.${d.kind}`)}<br><span class="muted small">${t.t('staff.complaint.article', { article: d.article })}</span></td><td class="deadline ${d.overdue ? 'overdue' : ''}">${formatIsoDay(d.due)}<br><span class="small">${d.overdue ? t.t('staff.deadline.overdue') : d.pending ? t.t('staff.deadline.pending') : t.t('staff.deadline.met')}</span></td></tr>`)}</tbody></table></section>
          ${options.length > 0
            ? html`<section class="card"><h2>${t.t('staff.complaint.changeStatus')}</h2>
              <form method="post" action="/staff/complaints/${r.reference}/status" class="reply">
                ${csrfField(session)}
                <label>${t.t('staff.complaint.newStatus')}<select name="status">${options.map((s) => html`<option value="${s}">${statusLabel(s)}${needsNote(s) ? ' *' : ''}</option>`)}</select></label>
                <label>${t.t('staff.complaint.note')}<textarea name="note" rows="3" maxlength="2000"></textarea></label>
                <p class="muted small">${t.t('staff.complaint.noteHint')}</p>
                ${consumerLocale
                  ? html`<fieldset class="notify"><legend>${t.t('staff.complaint.notify')}</legend>
                      <label class="check"><input type="checkbox" name="notify" value="yes" checked> ${t.t('staff.complaint.notifyTick', { language: t.t(`staff.language.${consumerLocale}`) })}</label>
                      <label>${t.t('staff.complaint.notifyText')}<textarea name="message" rows="3" maxlength="2000">${deps.translators(consumerLocale).t('complaint.statusNotice', { reference: r.reference, status: '{status}' })}</textarea></label>
                      <p class="muted small">${t.t('staff.complaint.notifyHint')}</p>
                    </fieldset>`
                  : html`<p class="muted small">${t.t('staff.complaint.notifyUnavailable')}</p>`}
                <button type="submit">${t.t('staff.save')}</button>
              </form></section>`
            : html`<section class="card"><p class="muted">${t.t('staff.complaint.final')}</p></section>`}
          ${canForward
            ? html`<section class="card"><h2>${t.t('staff.complaint.forward')}</h2>
              <p>${t.t('staff.complaint.suggestedAgency')}: <strong>${r.suggestedAgency}</strong></p>
              ${r.consent.shareWithAgency ? '' : html`<p class="flash error small">${t.t('staff.complaint.noAgencyConsent')}</p>`}
              <form method="post" action="/staff/complaints/${r.reference}/forward" class="reply">
                ${csrfField(session)}
                <label>${t.t('staff.complaint.note')}<textarea name="note" rows="2" maxlength="2000"></textarea></label>
                <button type="submit" class="secondary">${t.t('staff.complaint.forwardButton')}</button>
              </form></section>`
            : ''}
          ${canForward || r.status === 'referred_agency' ? forwardDocs(r, session.user.email) : ''}
          <section class="card"><h2>${t.t('staff.complaint.history')}</h2><ol class="history">${history.map((e) => html`<li><strong>${statusLabel(e.toStatus)}</strong> · ${formatDateTime(e.at, deps.timeZone)} · ${e.actor === 'consumer' ? t.t('staff.audit.consumer') : e.actor}${e.note ? html`<br><span class="narrative">${e.note}</span>` : ''}</li>`)}</ol></section>
        </div>
      </div>`;
    return c.html(page({ t, title: t.t('staff.complaint.title', { reference: r.reference }), session, nav: 'complaints', body, flash: flashFrom(c.req.query(), t) }));
  });

  /** The letter (PDF) and the e-mail text that go with a case forwarded to its agency. */
  const forwarding = (r: ComplaintRecord, by: string): ForwardingInput => ({
    record: r,
    agency: r.suggestedAgency,
    issuer: deps.issuer,
    date: vietnamDate(deps.clock.now()),
    preparedBy: by,
    citation,
    categoryLabel: `${categoryLabel(r.category)} › ${issueLabel(r.issue)}`,
  });
  const forwardDocs = (r: ComplaintRecord, by: string) => {
    const email = forwardingEmail(forwarding(r, by), t);
    return html`<section class="card forward-docs"><h2>${t.t('staff.complaint.forwardDocs')}</h2>
      <p><a class="button secondary" href="/staff/complaints/${r.reference}/forward.pdf">${t.t('staff.complaint.forwardPdf')}</a></p>
      <details><summary>${t.t('staff.complaint.forwardEmail')}</summary>
        <label>${t.t('staff.complaint.forwardSubject')}<input readonly value="${email.subject}"></label>
        <textarea readonly rows="12">${email.body}</textarea>
      </details></section>`;
  };

  app.get('/complaints/:reference/forward.pdf', async (c) => {
    const reference = referenceParam.safeParse(c.req.param('reference'));
    const stored = reference.success ? await repo.get(reference.data) : null;
    if (!stored) return errorPage(c, 'notFound');
    const by = c.get('session').user.email;
    const pdf = await renderPdf(forwardingLetterPdf(forwarding(stored.record, by), t));
    // The letter carries the consumer's account (and contacts, with consent): who downloaded it is on the record.
    await deps.audit.record({ actor: by, action: 'complaint.forwardLetter', target: stored.record.reference }, deps.clock.now());
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="chuyen-ho-so-${stored.record.reference}.pdf"`);
    return c.body(new Uint8Array(pdf));
  });

  app.post('/complaints/:reference/status', complaintPath, formBody(statusForm, invalidForm), async (c) => {
    const { reference } = c.req.valid('param');
    const { status, note, notify, message } = c.req.valid('form');
    const actor = c.get('session').user.email;
    const outcome = await transition(actor, reference, status, note, 'complaint.status');
    if (!outcome.startsWith('ok=') || notify !== 'yes') return c.redirect(`/staff/complaints/${reference}?${outcome}`, 303);
    return c.redirect(`/staff/complaints/${reference}?${(await notifyConsumer(actor, reference, status, message)) ? 'ok=statusNotified' : outcome}`, 303);
  });

  app.post('/complaints/:reference/forward', complaintPath, formBody(forwardForm, invalidForm), async (c) => {
    const stored = await repo.get(c.req.valid('param').reference);
    if (!stored) return errorPage(c, 'notFound');
    const note = [t.t('staff.complaint.forwardNote', { agency: stored.record.suggestedAgency }), c.req.valid('form').note].filter(Boolean).join(' ');
    return c.redirect(`/staff/complaints/${stored.record.reference}?${await transition(c.get('session').user.email, stored.record.reference, 'referred_agency', note, 'complaint.forward')}`, 303);
  });

  /** Tells the consumer in their own chat and language; the staff member's text with {status} filled in. */
  async function notifyConsumer(actor: string, reference: string, status: ComplaintStatus, message: string): Promise<boolean> {
    const stored = await repo.get(reference);
    if (!stored?.conversationId || stored.anonymised) return false;
    const locale = await deps.proactive.localeOf(stored.conversationId);
    if (!locale) return false;
    const consumerT = deps.translators(locale);
    const statusName = consumerT.t(`complaint.statusName.${status}`);
    const text = (message === '' ? consumerT.t('complaint.statusNotice', { reference, status: '{status}' }) : message).replaceAll('{status}', statusName);
    const now = deps.clock.now();
    if (!(await deps.proactive.send(stored.conversationId, { text }, now))) return false;
    await deps.audit.record({ actor, action: 'complaint.notify', target: reference, detail: { status, length: text.length } }, now);
    return true;
  }

  async function transition(actor: string, reference: string, to: ComplaintStatus, note: string, action: string): Promise<string> {
    const now = deps.clock.now();
    try {
      const before = await repo.get(reference);
      await repo.transition(reference, to, { actor, note, now });
      await deps.audit.record({ actor, action, target: reference, detail: { from: before?.record.status ?? null, to, note } }, now);
      return action === 'complaint.forward' ? 'ok=forwarded' : 'ok=statusChanged';
    } catch (error) {
      if (error instanceof ComplaintRequestError) return error.code === 'not_found' ? 'error=notFound' : error.code === 'invalid_input' ? 'error=noteRequired' : 'error=transition';
      throw error;
    }
  }

  function yesNo(v: boolean): string {
    return v ? t.t('staff.yes') : t.t('staff.no');
  }

  return app;
}

/** Lists show contacts masked even to staff: the full value is for the record page only. */
function listContact(r: ComplaintRecord): string {
  return [maskPhone(r.consumer.phone), maskEmail(r.consumer.email)].filter(Boolean).join(' · ');
}

