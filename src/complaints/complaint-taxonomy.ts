import path from 'node:path';
import { z } from 'zod';
import { ComplaintDataError } from './complaint-errors.ts';
import { readDataFile } from './data-file.ts';
import { foldPhrase, phrasePattern } from './folded-text.ts';
import { fraudSignals } from './fraud-signals.ts';
import { purchaseChannels, type PurchaseChannel } from './infer-purchase-channel.ts';

const refSchema = z.object({ doc: z.string().min(1), article: z.number().int().positive(), clause: z.number().int().positive().nullable() });
/**
 * An article (and clause) an issue or a purchase channel rests on. `when` lists phrases of the
 * story that make it apply ("nhập viện" for compensation of harm); without `when` it always applies.
 */
const anchorSchema = z.object({
  article: z.number().int().positive(),
  clause: z.number().int().positive().nullable(),
  when: z.array(z.string().min(1)).min(1).optional(),
});
const groupsSchema = z.array(z.array(z.string().min(1)).min(1));

const issueSchema = z.object({
  code: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  weight: z.number().min(0),
  /**
   * A generic issue (a defect) is chosen only when no specific one matches: a warranty claim, a
   * refused refund or a food poisoning always tells of something defective too.
   */
  generic: z.boolean().default(false),
  match: groupsSchema,
  /** Further keyword rules: the issue matches when `match` or any of these matches. */
  alsoMatch: z.array(groupsSchema.min(1)).default([]),
  query: z.string().min(1),
  articles: z.array(z.number().int().positive()).min(1),
  anchors: z.array(anchorSchema).min(1),
  /**
   * Bộ luật Dân sự 91/2015/QH13 articles the dispute rests on when it is about goods sold: the
   * knowledge base holds only the sale articles (430-454) and 608, so nothing else is accepted.
   */
  civilCode: z
    .array(anchorSchema.refine((a) => (a.article >= 430 && a.article <= 454) || a.article === 608, { message: 'Civil Code article outside 430-454, 608' }))
    .default([]),
  routing: z.string().min(1),
});

const taxonomyFileSchema = z.object({
  description: z.string(),
  /** Folded shorthand people type ("ko", "dc", "sop pi") -> the folded words the keywords use. */
  shorthand: z.record(z.string().min(1), z.string().min(1)).default({}),
  /**
   * Folded phrases that look like a keyword but are not ("hàng gia dụng" is not "hàng giả", "nhà
   * hàng lẩu" is not "hàng lậu"): blanked out before matching.
   */
  mask: z.array(z.string().min(1)).default([]),
  /**
   * Folded words dropped from the story before matching (keywords may not hold them): pronouns sit
   * between the words of a phrase ("không cho tôi trả", "không cho em đổi") and say nothing about
   * the problem.
   */
  ignore: z.array(z.string().min(1)).default([]),
  procedural: z.array(refSchema),
  transitional: refSchema,
  channelArticles: z.record(z.enum(purchaseChannels), z.array(anchorSchema)),
  /**
   * The prohibited acts (Điều 10) a story tells of whatever its issue: goods not as listed or
   * promised and then not taken back, a purchase forced on the buyer, inspection refused. Each is
   * cited when one of its cues is in the story.
   */
  prohibitedActs: z.array(anchorSchema.required({ when: true })).default([]),
  /**
   * Articles of 19/2023/QH15 (keys) and the articles of 59/2010/QH12 that said the same thing
   * (values): for a purchase before 01/7/2024 the old law's article is cited instead.
   */
  previousLaw: z.record(z.string().regex(/^\d+$/), z.array(z.number().int().positive()).min(1)),
  fallbackIssue: z.string(),
  /**
   * When no keyword rule matches, what the facts of the record say, tried in order before
   * fallbackIssue: how it was bought (a door-to-door sale, a continuous service, a remote sale),
   * words naming a service (the first keyword group of `serviceWordsOf`), or goods named at all.
   */
  factFallbacks: z
    .array(
      z.object({
        issue: z.string().min(1),
        channel: z.enum(purchaseChannels).optional(),
        serviceWordsOf: z.string().min(1).optional(),
        product: z.literal(true).optional(),
      }),
    )
    .default([]),
  /** The issue a story the bot reads as a scam is filed under, whatever else it mentions. */
  fraudIssue: z.string(),
  categories: z.array(z.object({ code: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1), issues: z.array(issueSchema).min(1) })).min(1),
});

export type TaxonomyData = z.input<typeof taxonomyFileSchema>;
type ParsedTaxonomy = z.output<typeof taxonomyFileSchema>;
export type ProceduralRef = z.infer<typeof refSchema>;

/** What the record says beside the story: how it was bought and whether goods or a service are named. */
export interface RecordFacts {
  readonly channel?: PurchaseChannel | null;
  readonly product?: string | null;
}

/** An anchor with its cue compiled; `cue` null means it always applies. */
export interface LegalAnchor {
  readonly article: number;
  readonly clause: number | null;
  readonly when?: readonly string[];
  readonly cue: RegExp | null;
}

export interface ComplaintIssue {
  readonly categoryCode: string;
  readonly categoryLabel: string;
  readonly code: string;
  readonly label: string;
  readonly query: string;
  readonly articles: readonly number[];
  readonly anchors: readonly LegalAnchor[];
  readonly civilCode: readonly LegalAnchor[];
  readonly routing: string;
}

interface CompiledIssue extends ComplaintIssue {
  readonly weight: number;
  readonly generic: boolean;
  /** Each rule is a list of groups that must all be found. */
  readonly rules: ReadonlyArray<readonly RegExp[]>;
}

/**
 * Folded text with quotes and hyphens between letters read as spaces, so "doesn't", "doesnt" (via
 * shorthand) and "door-to-door" meet the keywords "doesn t" and "door to door".
 */
function foldForMatching(text: string): string {
  return foldPhrase(text)
    .replace(/['’"“”]/g, ' ')
    .replace(/(?<=\p{L})-(?=\p{L})/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The Vietnamese category -> issue taxonomy (knowledge/complaints/taxonomy.json, documented in
 * docs/complaint-taxonomy.md). Classification is by keywords so staff can read and change it.
 */
export class ComplaintTaxonomy {
  readonly data: ParsedTaxonomy;
  private readonly issues: readonly CompiledIssue[];
  private readonly fallback: CompiledIssue;
  private readonly fraud: CompiledIssue;
  private readonly factFallbacks: ReadonlyArray<{ readonly issue: CompiledIssue; readonly channel?: PurchaseChannel; readonly words?: RegExp; readonly product?: true }>;
  readonly procedural: readonly ProceduralRef[];
  readonly transitional: ProceduralRef;
  /** Articles specific to how the purchase was made (remote sales: Điều 37, 39.3 on a marketplace...). */
  readonly channelArticles: Readonly<Record<PurchaseChannel, readonly LegalAnchor[]>>;
  readonly prohibitedActs: readonly LegalAnchor[];
  /** 19/2023/QH15 article -> the 59/2010/QH12 articles cited instead for a purchase before 01/7/2024. */
  readonly previousLaw: ReadonlyMap<number, readonly number[]>;
  private readonly shorthand: { readonly pattern: RegExp; readonly words: ReadonlyMap<string, string> } | null;
  private readonly mask: RegExp | null;
  private readonly ignore: RegExp | null;

  constructor(data: TaxonomyData) {
    const parsed = taxonomyFileSchema.safeParse(data);
    if (!parsed.success) throw new ComplaintDataError(`taxonomy: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    this.data = parsed.data;
    const words = new Map(Object.entries(parsed.data.shorthand).map(([k, v]) => [foldForMatching(k), foldForMatching(v)]));
    this.shorthand = words.size > 0 ? { pattern: phrasePattern([...words.keys()], 'g'), words } : null;
    this.mask = parsed.data.mask.length > 0 ? phrasePattern(parsed.data.mask.map(foldForMatching), 'g') : null;
    this.ignore = parsed.data.ignore.length > 0 ? phrasePattern(parsed.data.ignore.map(foldForMatching), 'g') : null;
    // A keyword holding an ignored word could never match the story it was written for; shortening
    // it silently ("tới nhà" -> "nhà") would match everything, so the data must say it without one.
    const keywords = (phrases: readonly string[], flags: string) => {
      const read = phrases.map(foldForMatching);
      const bad = read.find((p) => this.dropIgnored(p) !== p);
      if (bad !== undefined) throw new ComplaintDataError(`taxonomy: keyword "${bad}" holds a word of "ignore"`);
      return phrasePattern(read, flags);
    };
    const compileAnchor = (a: z.infer<typeof anchorSchema>): LegalAnchor => ({ ...a, cue: a.when ? keywords(a.when, '') : null });
    const compileGroups = (groups: readonly string[][]) => groups.map((g) => keywords(g, 'g'));
    this.issues = parsed.data.categories.flatMap((c) =>
      c.issues.map((i) => ({
        categoryCode: c.code,
        categoryLabel: c.label,
        code: i.code,
        label: i.label,
        query: i.query,
        articles: i.articles,
        anchors: i.anchors.map(compileAnchor),
        civilCode: i.civilCode.map(compileAnchor),
        routing: i.routing,
        weight: i.weight,
        generic: i.generic,
        rules: [i.match, ...i.alsoMatch].filter((groups) => groups.length > 0).map(compileGroups),
      })),
    );
    const fallback = this.issues.find((i) => i.code === parsed.data.fallbackIssue);
    if (!fallback) throw new ComplaintDataError(`taxonomy: fallbackIssue "${parsed.data.fallbackIssue}" is not an issue code`);
    this.fallback = fallback;
    const fraud = this.issues.find((i) => i.code === parsed.data.fraudIssue);
    if (!fraud) throw new ComplaintDataError(`taxonomy: fraudIssue "${parsed.data.fraudIssue}" is not an issue code`);
    this.fraud = fraud;
    this.factFallbacks = parsed.data.factFallbacks.map((f) => {
      const issue = this.issues.find((i) => i.code === f.issue);
      if (!issue) throw new ComplaintDataError(`taxonomy: factFallbacks issue "${f.issue}" is not an issue code`);
      const wordsOf = f.serviceWordsOf === undefined ? undefined : this.issues.find((i) => i.code === f.serviceWordsOf);
      if (f.serviceWordsOf !== undefined && !wordsOf?.rules[0]?.[0]) throw new ComplaintDataError(`taxonomy: factFallbacks serviceWordsOf "${f.serviceWordsOf}" is not an issue code`);
      return { issue, ...(f.channel ? { channel: f.channel } : {}), ...(wordsOf ? { words: wordsOf.rules[0]![0]! } : {}), ...(f.product ? { product: f.product } : {}) };
    });
    this.procedural = parsed.data.procedural;
    this.transitional = parsed.data.transitional;
    this.channelArticles = Object.fromEntries(purchaseChannels.map((ch) => [ch, (parsed.data.channelArticles[ch] ?? []).map(compileAnchor)])) as Record<PurchaseChannel, LegalAnchor[]>;
    this.prohibitedActs = parsed.data.prohibitedActs.map(compileAnchor);
    this.previousLaw = new Map(Object.entries(parsed.data.previousLaw).map(([k, v]) => [Number(k), v]));
  }

  /**
   * The story as the keywords and cues read it: folded, shorthand written out ("ko dc" -> "khong
   * duoc"), look-alike phrases masked, pronouns dropped ("không cho tôi trả" -> "khong cho tra").
   */
  normalise(text: string): string {
    const folded = foldForMatching(text);
    const shorthand = this.shorthand;
    const expanded = shorthand ? folded.replace(shorthand.pattern, (w) => shorthand.words.get(w) ?? w) : folded;
    // A masked phrase becomes a word no keyword contains, so it neither matches nor joins its neighbours.
    return this.dropIgnored(this.mask ? expanded.replace(this.mask, '_') : expanded);
  }

  private dropIgnored(text: string): string {
    return this.ignore ? text.replace(this.ignore, ' ').replace(/\s+/g, ' ').trim() : text;
  }

  static load(dataDir: string): ComplaintTaxonomy {
    return new ComplaintTaxonomy(readDataFile(path.join(dataDir, 'taxonomy.json'), taxonomyFileSchema));
  }

  /**
   * The best-matching issue for a story (and product); "khac" when nothing matches. A story that
   * reads as a scam (fraud-signals.ts) is the fraud issue whatever goods it names: the milk powder
   * never delivered by a seller who blocked the buyer is not a food-safety complaint.
   */
  classify(text: string, facts: RecordFacts = {}): ComplaintIssue {
    if (fraudSignals(text).fraud) return this.fraud;
    const folded = this.normalise(text);
    let best: { issue: CompiledIssue; score: number } | null = null;
    for (const issue of this.issues) {
      const hits = Math.max(0, ...issue.rules.map((groups) => ruleHits(groups, folded)));
      if (hits === 0) continue;
      const score = hits * issue.weight;
      // Any specific match beats a generic one; within a tier the higher score wins.
      if (!best || (best.issue.generic && !issue.generic) || (best.issue.generic === issue.generic && score > best.score)) best = { issue, score };
    }
    return best?.issue ?? this.fromFacts(folded, facts) ?? this.fallback;
  }

  /** Keywords said nothing: what the record's facts say (see factFallbacks). */
  private fromFacts(folded: string, facts: RecordFacts): ComplaintIssue | null {
    for (const f of this.factFallbacks) {
      if (f.channel !== undefined && facts.channel !== f.channel) continue;
      if (f.words !== undefined && !new RegExp(f.words.source, 'u').test(folded)) continue;
      if (f.product === true && !facts.product) continue;
      return f.issue;
    }
    return null;
  }

  /** The classified issue when it already is a scam, else the taxonomy's fraud issue. */
  asFraud(classified: ComplaintIssue): ComplaintIssue {
    return classified.categoryCode === this.fraud.categoryCode ? classified : this.fraud;
  }

  issue(code: string): ComplaintIssue | undefined {
    return this.issues.find((i) => i.code === code);
  }

  /** Every issue, for the documentation test and staff filters. */
  all(): readonly ComplaintIssue[] {
    return this.issues;
  }
}

/** Distinct phrases found when every group of the rule has one; 0 when a group has none. */
function ruleHits(groups: readonly RegExp[], folded: string): number {
  let hits = 0;
  for (const group of groups) {
    const n = new Set([...folded.matchAll(group)].map((m) => m[0])).size;
    if (n === 0) return 0;
    hits += n;
  }
  return hits;
}

/** True when the anchor applies to the story (as ComplaintTaxonomy.normalise reads it). */
export function anchorApplies(anchor: LegalAnchor, normalisedStory: string): boolean {
  return anchor.cue === null || anchor.cue.test(normalisedStory);
}
