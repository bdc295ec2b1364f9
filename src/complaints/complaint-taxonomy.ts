import path from 'node:path';
import { z } from 'zod';
import { ComplaintDataError } from './complaint-errors.ts';
import { readDataFile } from './data-file.ts';
import { foldPhrase, phrasePattern } from './folded-text.ts';
import { purchaseChannels, type PurchaseChannel } from './infer-purchase-channel.ts';

const refSchema = z.object({ doc: z.string().min(1), article: z.number().int().positive(), clause: z.number().int().positive().nullable() });
const anchorSchema = z.object({ article: z.number().int().positive(), clause: z.number().int().positive().nullable() });

const issueSchema = z.object({
  code: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  weight: z.number().min(0),
  match: z.array(z.array(z.string().min(1)).min(1)),
  query: z.string().min(1),
  articles: z.array(z.number().int().positive()).min(1),
  anchors: z.array(anchorSchema).min(1),
  routing: z.string().min(1),
});

const taxonomyFileSchema = z.object({
  description: z.string(),
  procedural: z.array(refSchema),
  transitional: refSchema,
  channelArticles: z.record(z.enum(purchaseChannels), z.array(z.number().int().positive())),
  fallbackIssue: z.string(),
  /** The issue a story the bot reads as a scam is filed under, whatever else it mentions. */
  fraudIssue: z.string(),
  categories: z.array(z.object({ code: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1), issues: z.array(issueSchema).min(1) })).min(1),
});

export type TaxonomyData = z.infer<typeof taxonomyFileSchema>;
export type ProceduralRef = z.infer<typeof refSchema>;

export interface ComplaintIssue {
  readonly categoryCode: string;
  readonly categoryLabel: string;
  readonly code: string;
  readonly label: string;
  readonly query: string;
  readonly articles: readonly number[];
  readonly anchors: ReadonlyArray<{ readonly article: number; readonly clause: number | null }>;
  readonly routing: string;
}

interface CompiledIssue extends ComplaintIssue {
  readonly weight: number;
  readonly groups: readonly RegExp[];
}

/**
 * The Vietnamese category -> issue taxonomy (knowledge/complaints/taxonomy.json, documented in
 * docs/complaint-taxonomy.md). Classification is by keywords so staff can read and change it.
 */
export class ComplaintTaxonomy {
  private readonly issues: readonly CompiledIssue[];
  private readonly fallback: CompiledIssue;
  private readonly fraud: CompiledIssue;
  readonly procedural: readonly ProceduralRef[];
  readonly transitional: ProceduralRef;
  /** Articles specific to how the purchase was made (remote sales: Điều 37-39, door-to-door: 43-44...). */
  readonly channelArticles: Readonly<Record<PurchaseChannel, readonly number[]>>;

  constructor(readonly data: TaxonomyData) {
    this.issues = data.categories.flatMap((c) =>
      c.issues.map((i) => ({
        categoryCode: c.code,
        categoryLabel: c.label,
        code: i.code,
        label: i.label,
        query: i.query,
        articles: i.articles,
        anchors: i.anchors,
        routing: i.routing,
        weight: i.weight,
        groups: i.match.map((g) => phrasePattern(g.map(foldPhrase), 'g')),
      })),
    );
    const fallback = this.issues.find((i) => i.code === data.fallbackIssue);
    if (!fallback) throw new ComplaintDataError(`taxonomy: fallbackIssue "${data.fallbackIssue}" is not an issue code`);
    this.fallback = fallback;
    const fraud = this.issues.find((i) => i.code === data.fraudIssue);
    if (!fraud) throw new ComplaintDataError(`taxonomy: fraudIssue "${data.fraudIssue}" is not an issue code`);
    this.fraud = fraud;
    this.procedural = data.procedural;
    this.transitional = data.transitional;
    this.channelArticles = data.channelArticles;
  }

  static load(dataDir: string): ComplaintTaxonomy {
    return new ComplaintTaxonomy(readDataFile(path.join(dataDir, 'taxonomy.json'), taxonomyFileSchema));
  }

  /** The best-matching issue for a story (and product); "khac" when nothing matches. */
  classify(text: string): ComplaintIssue {
    const folded = foldPhrase(text);
    let best: { issue: CompiledIssue; score: number } | null = null;
    for (const issue of this.issues) {
      if (issue.groups.length === 0) continue;
      let hits = 0;
      let all = true;
      for (const group of issue.groups) {
        const n = new Set([...folded.matchAll(group)].map((m) => m[0])).size;
        if (n === 0) all = false;
        hits += n;
      }
      if (!all) continue;
      const score = hits * issue.weight;
      if (!best || score > best.score) best = { issue, score };
    }
    return best?.issue ?? this.fallback;
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
