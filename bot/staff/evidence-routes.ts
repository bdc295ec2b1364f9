import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { Evidence } from '../../src/complaints/complaint-record.ts';
import type { ComplaintRepository } from '../../src/complaints/complaint-repository.ts';
import type { ChannelName } from '../../src/dialogue/messages.ts';
import type { EvidenceAvailability, EvidenceFiles } from '../../src/evidence/evidence-files.ts';
import { extensionOf, isEvidenceType, isInlineImage } from '../../src/evidence/file-types.ts';
import type { Translator } from '../../src/i18n/translator.ts';
import { errorPage } from './error-pages.ts';
import type { StaffDeps, StaffEnv } from './staff-env.ts';
import { formatDateTime, type Html } from './view.ts';

const referenceParam = z.string().regex(/^KN-\d{8}-[A-Z0-9]{5}$/);
const indexParam = z.coerce.number().int().min(0).max(999);
const downloadQuery = z.object({ download: z.literal('1').optional().catch(undefined) });

const evidenceUrl = (reference: string, index: number) => `/staff/complaints/${reference}/evidence/${index}`;

/**
 * One evidence file of a complaint, served to staff: an image the browser draws inline (the
 * thumbnail and its full view), anything else as a download. The type is read from the bytes again
 * (never the name or what the platform said), the name is built here (never the user's), and the
 * answer may not be sniffed (the console's CSP and no-store cover it as every answer). Every view and download is in the audit log.
 */
export function evidenceRoutes(deps: StaffDeps & { readonly evidence?: EvidenceFiles; readonly repo: ComplaintRepository }): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  app.get('/complaints/:reference/evidence/:index', async (c) => {
    const reference = referenceParam.safeParse(c.req.param('reference'));
    const index = indexParam.safeParse(c.req.param('index'));
    const stored = reference.success && index.success ? await deps.repo.get(reference.data) : null;
    const item = stored && index.success ? stored.record.evidence[index.data] : undefined;
    if (!stored || !item || !index.success) return errorPage(c, 'notFound');
    const opened = deps.evidence ? await deps.evidence.open(stored.record.channel, item) : ({ ok: false, reason: 'unavailable' } as const);
    const download = downloadQuery.parse(c.req.query()).download === '1';
    await deps.audit.record(
      { actor: c.get('session').user.email, action: 'complaint.evidence', target: stored.record.reference, detail: { index: index.data, served: opened.ok, download } },
      deps.clock.now(),
    );
    if (!opened.ok) return errorPage(c, opened.reason === 'notConfigured' ? 'evidenceNotConfigured' : 'evidenceUnavailable');
    const type = opened.type;
    const inline = !download && type !== null && isInlineImage(type);
    const name = `bang-chung-${stored.record.reference}-${index.data + 1}.${type ? extensionOf(type) : 'bin'}`;
    c.header('Content-Type', type ?? 'application/octet-stream');
    c.header('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${name}"`);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(opened.bytes));
  });
  return app;
}

/**
 * The complaint page's evidence list: thumbnails that open the picture, download links for files,
 * and a polite line where a platform's file cannot be had here (no token, expired).
 */
export async function evidenceList(input: {
  readonly reference: string;
  readonly channel: ChannelName;
  readonly evidence: readonly Evidence[];
  readonly files: EvidenceFiles | undefined;
  readonly t: Translator;
  readonly timeZone: string;
}): Promise<Html> {
  const { t, reference } = input;
  const states: EvidenceAvailability[] = await Promise.all(input.evidence.map((e) => (input.files ? input.files.availability(input.channel, e) : Promise.resolve<EvidenceAvailability>('unavailable'))));
  const items = input.evidence.map((e, i) => {
    const label = `${t.t(`core.attachment.${e.kind}`)} ${i + 1}`;
    const when = formatDateTime(new Date(e.receivedAt), input.timeZone);
    const state = states[i]!;
    const showImage = state === 'available' && e.kind === 'photo' && (e.mimeType === null || (isEvidenceType(e.mimeType) && isInlineImage(e.mimeType)));
    const view = state !== 'available'
      ? html`<p class="muted small evidence-note">${t.t(`staff.evidence.${state}`, { channel: t.t(`staff.channel.${input.channel}`) })}</p>`
      : showImage
        ? html`<a href="${evidenceUrl(reference, i)}" target="_blank" rel="noopener"><img class="evidence-thumb" src="${evidenceUrl(reference, i)}" alt="${t.t('staff.evidence.imageAlt', { number: i + 1 })}" loading="lazy"></a>`
        : html`<a class="button secondary small" href="${evidenceUrl(reference, i)}?download=1">${t.t('staff.evidence.download')}</a>`;
    return html`<li class="evidence-item"><div>${label}${e.fileName ? html` · ${e.fileName}` : ''} · <span class="muted small">${when}</span></div>${view}</li>`;
  });
  return html`<ul class="evidence">${items}</ul>`;
}
