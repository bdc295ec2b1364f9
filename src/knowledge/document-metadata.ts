import { z } from 'zod';

/**
 * Dates in the knowledge files are ISO calendar dates (YYYY-MM-DD), read in Vietnam's calendar.
 * effectiveFrom is the first day a text applies, effectiveTo its last (the day before its successor's
 * effectiveFrom); what is in force when is read from these dates by LegalTimeline, not from `status`.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const documentKinds = ['law', 'decree', 'decision', 'plan'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentStatuses = ['in_force', 'repealed', 'expired'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

/**
 * Metadata every knowledge document carries in its front matter. `id` is the identifier used in
 * citations and evaluation files (e.g. "19/2023/QH15", "KH-BD-CT30").
 */
export const documentMetadataSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    /** Name used inside a citation, e.g. "Luật Bảo vệ quyền lợi người tiêu dùng 2023". */
    citationName: z.string().min(1),
    /** The same in English, for answers given in English. */
    citationNameEn: z.string().min(1),
    kind: z.enum(documentKinds),
    number: z.string().min(1),
    issuer: z.string().min(1),
    issuedDate: isoDate,
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable().default(null),
    /** The status when the file was written, for people reading it; the dates decide what is in force when. */
    status: z.enum(documentStatuses),
    replaces: z.array(z.string()).default([]),
    replacedBy: z.array(z.string()).default([]),
    source: z.string().min(1),
    provenance: z.string().min(1),
    /**
     * An excerpt's article numbers, ascending ("articles: 430-454, 608" in the header); null for a
     * whole text, whose articles run 1, 2, 3 ... without gaps.
     */
    articles: z.array(z.number().int().positive()).nullable().default(null),
    /** The law a decree or decision details (quy định chi tiết), so an answer can name the law it applies. */
    implements: z.string().min(1).nullable().default(null),
    /**
     * Factor on this text's retrieval scores (0 < f <= 1, default 1). The Civil Code's general rules
     * on sale match many consumer questions; the consumer law the question is about should rank first.
     */
    searchPrior: z.coerce.number().gt(0).max(1).default(1),
    /** Province a plan applies to, when it is a provincial document. */
    province: z.string().nullable().default(null),
  })
  .strict();

export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;
