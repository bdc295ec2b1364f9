import { z } from 'zod';

/** What a warning is about; each is a topic a consumer can subscribe to. */
export const warningKinds = ['recall', 'counterfeit', 'scam', 'unsafe-service', 'campaign'] as const;
export type WarningKind = (typeof warningKinds)[number];

export const warningStatuses = ['draft', 'published', 'withdrawn'] as const;
export type WarningStatus = (typeof warningStatuses)[number];

const isoDay = z.iso.date();
const name = z.string().trim().min(2).max(200);
const names = z.array(name).max(50).default([]);

/** A translation of the parts a consumer reads; the lists (names, provinces, source) are not translated. */
export const warningTranslationSchema = z.object({ title: z.string().trim().min(3).max(200), text: z.string().trim().min(10).max(3000) });
export type WarningTranslation = z.infer<typeof warningTranslationSchema>;

/**
 * Everything staff write: the notice itself, what it concerns (products, brands, shops or pages, so a
 * question can find it), where (provinces; none = the whole country), where it comes from (an official
 * notice with its number or link: a warning without a source is a rumour), and how long it holds.
 */
export const warningContentSchema = z
  .object({
    kind: z.enum(warningKinds),
    title: z.string().trim().min(3).max(200),
    text: z.string().trim().min(10).max(3000),
    products: names,
    brands: names,
    shops: names,
    provinces: z.array(z.string().trim().min(2).max(80)).max(34).default([]),
    source: z
      .object({
        name: z.string().trim().min(3).max(300),
        reference: z.string().trim().max(100).default(''),
        url: z.union([z.url({ protocol: /^https?$/ }), z.literal('')]).default(''),
      })
      .refine((s) => s.reference !== '' || s.url !== '', { message: 'source needs a number or a link', path: ['reference'] }),
    validFrom: isoDay,
    validTo: z.union([isoDay, z.null()]).default(null),
    translations: z.object({ en: warningTranslationSchema.optional() }).default({}),
  })
  .refine((c) => c.validTo === null || c.validTo >= c.validFrom, { message: 'validTo is before validFrom', path: ['validTo'] });
export type WarningContent = z.infer<typeof warningContentSchema>;

export interface Warning {
  readonly id: string;
  readonly status: WarningStatus;
  readonly content: WarningContent;
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly publishedAt: Date | null;
  readonly withdrawnAt: Date | null;
  /** Subscribers it was queued for, once fan-out finished. */
  readonly audience: number | null;
}

export type RevisionAction = 'create' | 'edit' | 'publish' | 'withdraw';

/** One step in a warning's history, with the content as it stood after it. */
export interface WarningRevision {
  readonly version: number;
  readonly action: RevisionAction;
  readonly content: WarningContent;
  readonly actor: string;
  readonly note: string;
  readonly at: Date;
}

/** A warning is current on `day` (YYYY-MM-DD) when published and within its validity dates. */
export function isCurrent(warning: Pick<Warning, 'status' | 'content'>, day: string): boolean {
  return warning.status === 'published' && warning.content.validFrom <= day && (warning.content.validTo === null || warning.content.validTo >= day);
}

/** The title and text in `locale` when a translation exists, otherwise the Vietnamese original. */
export function localized(content: WarningContent, locale: string): { title: string; text: string; translated: boolean } {
  const translation = locale === 'en' ? content.translations.en : undefined;
  return translation ? { ...translation, translated: true } : { title: content.title, text: content.text, translated: false };
}
