import { z } from 'zod';

/** Dates in the knowledge files are ISO calendar dates (YYYY-MM-DD), read in Vietnam's calendar. */
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
    status: z.enum(documentStatuses),
    replaces: z.array(z.string()).default([]),
    replacedBy: z.array(z.string()).default([]),
    source: z.string().min(1),
    provenance: z.string().min(1),
    /** false for a record kept for history whose text has not been added yet. */
    hasText: z.boolean().default(true),
    /** Province a plan applies to, when it is a provincial document. */
    province: z.string().nullable().default(null),
  })
  .strict();

export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;
