import { z } from 'zod';
import { loadJsonl } from '../shared/jsonl-file.ts';
import { foldDiacritics } from '../text/vietnamese-unicode.ts';

/**
 * One complaint story of the evaluation corpus (test/fixtures/complaints/README.md): what the
 * consumer types, message by message, the day they type it, and the record an expert would file.
 */
export const complaintStorySchema = z.object({
  id: z.string().min(1),
  style: z.string().min(1),
  language: z.enum(['vi', 'en']),
  messages: z.array(z.string().min(1)).min(1),
  today: z.iso.date(),
  expected: z.object({
    business: z.string().nullable(),
    businessAddress: z.string().nullable(),
    platform: z.string().nullable(),
    product: z.string().nullable(),
    amountVnd: z.number().int().nullable(),
    purchaseDate: z.iso.date().nullable(),
    purchaseChannel: z.string().nullable(),
    desiredResolution: z.array(z.string()),
    consumerName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    province: z.string().nullable(),
    category: z.string().min(1),
    fraud: z.boolean(),
    legalBasis: z.array(z.object({ doc: z.string(), article: z.number().int() })).min(1),
    applicableLaw: z.string().min(1),
  }),
  note: z.string().optional(),
});
export type ComplaintStory = z.infer<typeof complaintStorySchema>;
export type ExpectedRecord = ComplaintStory['expected'];

export function loadComplaintStories(file: string): Promise<ComplaintStory[]> {
  return loadJsonl(file, complaintStorySchema);
}

/**
 * What the consumer ended up with, read from the filed record (or, when nothing was filed, from the
 * draft the bot was holding), in the corpus's field names. `fraud` means the bot treated the story
 * as a scam: filed under the fraud category and sent no negotiation letter to the "seller".
 */
export interface ObservedRecord {
  readonly filed: boolean;
  readonly business: string | null;
  readonly businessAddress: string | null;
  readonly platform: string | null;
  readonly product: string | null;
  readonly amountVnd: number | null;
  readonly purchaseDate: string | null;
  readonly purchaseChannel: string | null;
  readonly desiredResolution: readonly string[];
  readonly consumerName: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly province: string | null;
  readonly category: string | null;
  readonly fraud: boolean;
  readonly legalBasis: ReadonlyArray<{ readonly doc: string; readonly article: number }>;
  readonly applicableLaw: string | null;
}

/** The fields issue 10 lists, scored for every story; `exact` needs all of them right. */
export const scoredFields = [
  'business',
  'businessAddress',
  'platform',
  'product',
  'amountVnd',
  'purchaseDate',
  'purchaseChannel',
  'desiredResolution',
  'consumerName',
  'phone',
  'email',
  'province',
  'category',
  'fraud',
  'legalBasis',
  'applicableLaw',
] as const;
export type ScoredField = (typeof scoredFields)[number];

export interface StoryScore {
  readonly id: string;
  readonly style: string;
  readonly language: 'vi' | 'en';
  readonly filed: boolean;
  readonly fields: Readonly<Record<ScoredField, boolean>>;
  readonly exact: boolean;
  /** Every expected article cited (the field above needs only the deciding, first one). */
  readonly allBasisCited: boolean;
  /** The most times one question was asked in the conversation. */
  readonly maxAsked: number;
  readonly turns: number;
}

/** Procedural and transitional clauses every negotiation request cites; they decide nothing. */
export interface BasisFilter {
  readonly procedural: ReadonlyArray<{ readonly doc: string; readonly article: number }>;
}

export function scoreStory(story: ComplaintStory, seen: ObservedRecord, filter: BasisFilter, talk: { maxAsked: number; turns: number }): StoryScore {
  const e = story.expected;
  const substantive = seen.legalBasis.filter((r) => !filter.procedural.some((p) => p.doc === r.doc && p.article === r.article));
  const cites = (ref: { doc: string; article: number }) => substantive.some((r) => r.doc === ref.doc && r.article === ref.article);
  const fields: Record<ScoredField, boolean> = {
    business: sameName(e.business, seen.business),
    businessAddress: samePhrase(e.businessAddress, seen.businessAddress, 1),
    platform: e.platform === seen.platform,
    product: samePhrase(e.product, seen.product, 1),
    amountVnd: e.amountVnd === seen.amountVnd,
    purchaseDate: e.purchaseDate === seen.purchaseDate,
    purchaseChannel: e.purchaseChannel === seen.purchaseChannel,
    desiredResolution: e.desiredResolution.length === seen.desiredResolution.length && e.desiredResolution.every((r, i) => seen.desiredResolution[i] === r),
    consumerName: sameName(e.consumerName, seen.consumerName),
    phone: e.phone === seen.phone,
    email: (e.email?.toLowerCase() ?? null) === (seen.email?.toLowerCase() ?? null),
    province: sameName(e.province, seen.province),
    category: e.category === seen.category,
    fraud: e.fraud === seen.fraud,
    legalBasis: cites(e.legalBasis[0]!),
    applicableLaw: e.applicableLaw === seen.applicableLaw,
  };
  return {
    id: story.id,
    style: story.style,
    language: story.language,
    filed: seen.filed,
    fields,
    exact: seen.filed && scoredFields.every((f) => fields[f]),
    allBasisCited: e.legalBasis.every(cites),
    maxAsked: talk.maxAsked,
    turns: talk.turns,
  };
}

export interface ComplaintMetrics {
  readonly stories: number;
  readonly filed: number;
  readonly exact: number;
  readonly fields: Readonly<Record<ScoredField, number>>;
  readonly allBasisCited: number;
  /** Share of stories in which some question was asked more than twice. */
  readonly askedMoreThanTwice: number;
  readonly medianTurns: number;
}

export function complaintMetrics(scores: readonly StoryScore[]): ComplaintMetrics {
  const share = (n: number) => (scores.length === 0 ? 0 : n / scores.length);
  const fields = Object.fromEntries(scoredFields.map((f) => [f, share(scores.filter((s) => s.fields[f]).length)])) as Record<ScoredField, number>;
  const turns = scores.map((s) => s.turns).sort((a, b) => a - b);
  return {
    stories: scores.length,
    filed: share(scores.filter((s) => s.filed).length),
    exact: share(scores.filter((s) => s.exact).length),
    fields,
    allBasisCited: share(scores.filter((s) => s.allBasisCited).length),
    askedMoreThanTwice: share(scores.filter((s) => s.maxAsked > 2).length),
    medianTurns: turns[Math.floor(turns.length / 2)] ?? 0,
  };
}

const fold = (text: string) =>
  foldDiacritics(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Words that say what kind of thing a name is, not which one: "shop X" and "X" are the same seller,
 * "TP. Hồ Chí Minh" and "Hồ Chí Minh" the same province. Stripped from both sides before comparing.
 * The kinds of business a consumer names a seller by (a stall "quán", a centre "trung tâm", a clinic,
 * a pharmacy, a household business) are words of the same class as "shop" and "cửa hàng".
 */
const genericLead = /^(shop|cua hang|cong ty|cty|trang|page|fanpage|nha hang|sieu thi|dai ly|showroom|tiem|quan|trung tam|phong kham|nha thuoc|co so|ho kinh doanh|thanh pho|tp|tinh|the|anh|chi|ong|ba|em|co|chu|mr|mrs|ms)\s+/;

function sameName(expected: string | null, seen: string | null): boolean {
  if (expected === null || seen === null) return expected === seen;
  const strip = (s: string) => {
    let out = fold(s).replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
    for (let i = 0; i < 2 && genericLead.test(out); i++) out = out.replace(genericLead, '');
    return out;
  };
  return strip(expected) === strip(seen);
}

/** Counting words and determiners that come before a product ("một đôi giày", "a city bike"). */
// Also the measure a dish or a pack comes in ("tô bún bò", "thùng sữa chua", "ly trà sữa"): the
// extractor skips it as a count, an expert may write it; either names the same thing.
const quantifierLead = /^(mot|1|hai|2|cai|chiec|doi|chai|hop|bo|lo|tui|con|qua|cuon|tam|thung|to|ly|coc|bat|the|a|an|the|my|one|pair of|set of)\s+/;

/**
 * A phrase in the consumer's words is right when it says the same thing: equal after folding and
 * dropping leading counting words, or the expected phrase within the stored one with at most `slack`
 * extra words ("tivi Sony 55 inch mới" for "tivi Sony 55 inch").
 */
function samePhrase(expected: string | null, seen: string | null, slack: number): boolean {
  if (expected === null || seen === null) return expected === seen;
  const strip = (s: string) => {
    let out = fold(s).replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
    for (let i = 0; i < 3 && quantifierLead.test(out); i++) out = out.replace(quantifierLead, '');
    return out;
  };
  const a = strip(expected);
  const b = strip(seen);
  if (a === b) return true;
  const extra = b.split(' ').length - a.split(' ').length;
  return extra >= 0 && extra <= slack && ` ${b} `.includes(` ${a} `);
}
