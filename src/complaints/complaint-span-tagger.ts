import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ComplaintDataError } from './complaint-errors.ts';
import { foldAligned, type FoldedText } from './folded-text.ts';
import { defaultProductLexicon, type ProductLexicon } from './product-lexicon.ts';
import type { ProvinceDirectory } from './province-directory.ts';
import { readByRules, type RuleReadings } from './rule-readings.ts';
import { alignStory, spanFields, type SpanField, type SpanStory } from './span-alignment.ts';
import { tokenFeatures, type FeatureContext } from './span-features.ts';
import { SpanTagger, tagIndex, type SpanTaggerWeights, type TrainingSequence } from './span-tagger.ts';
import { spanTokens } from './span-tokens.ts';

/** A span the tagger read in one message, in the consumer's words, with its margin. */
export interface TaggedValue {
  readonly value: string;
  readonly margin: number;
}

export type TaggedValues = Readonly<Record<SpanField, TaggedValue | null>>;

/** What the extractor asks of a tagger: the best span of each field in one message. */
export interface SpanReader {
  tag(text: FoldedText, rules: RuleReadings): TaggedValues;
}

const defaultRuleFeatures = false;

/** The fields of a labelled story the tagger learns from (the rest of the record is not read). */
const trainingStorySchema = z.object({
  id: z.string().min(1),
  messages: z.array(z.string().min(1)).min(1),
  expected: z.object({ business: z.string().nullable(), businessAddress: z.string().nullable(), product: z.string().nullable() }),
});

export interface TrainingReport {
  readonly files: readonly string[];
  /**
   * Whether the rules' own spans were features. Off by default: the stories it learns from are the
   * ones the rules were written beside, where the rules are nearly always right, so a tagger given
   * their spans learns to copy them and adds nothing on new voices (leave-one-set-out, README).
   */
  readonly ruleFeatures: boolean;
  readonly stories: number;
  readonly sequences: number;
  /** Per field: stories that say it, and of those, how many the alignment found in their words. */
  readonly aligned: Readonly<Record<SpanField, { readonly said: number; readonly found: number }>>;
  readonly milliseconds: number;
}

/** The stories of each `.jsonl` file in the training folder, file by file in name order. */
export function readTrainingStories(dir: string, exclude: readonly string[] = []): { files: string[]; stories: SpanStory[] } {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl') && !exclude.includes(f))
    .sort();
  const stories = files.flatMap((file) =>
    readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .map((line, i) => ({ line: line.trim(), number: i + 1 }))
      .filter(({ line }) => line !== '')
      .map(({ line, number }) => {
        const parsed = trainingStorySchema.safeParse(parseLine(line, file, number));
        if (!parsed.success) throw new ComplaintDataError(`${file}:${number}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`, { cause: parsed.error });
        const { id, messages, expected } = parsed.data;
        return { id, messages, values: { seller: expected.business, address: expected.businessAddress, product: expected.product } };
      }),
  );
  return { files, stories };
}

function parseLine(line: string, file: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new ComplaintDataError(`${file}:${number}: not JSON`, { cause: error });
  }
}

/**
 * The statistical reading of the seller, its address and the product (span-tagger.ts), trained on
 * labelled stories in knowledge/complaints/tagger-training. The rules' own reading of each message
 * is among its features, so it learns where they hold and where a new voice breaks them.
 */
export class ComplaintSpanTagger implements SpanReader {
  private constructor(
    private readonly model: SpanTagger,
    private readonly context: FeatureContext,
    readonly report: TrainingReport,
  ) {}

  /** Whether the rules' reading is among the features (see `TrainingReport.ruleFeatures`). */
  get ruleFeatures(): boolean {
    return this.report.ruleFeatures;
  }

  static train(stories: readonly SpanStory[], provinces: ProvinceDirectory, options: { files?: readonly string[]; lexicon?: ProductLexicon; ruleFeatures?: boolean } = {}): ComplaintSpanTagger {
    const withRules = options.ruleFeatures ?? defaultRuleFeatures;
    const started = performance.now();
    const context = featureContext(provinces, options.lexicon ?? defaultProductLexicon());
    const sequences: TrainingSequence[] = [];
    const aligned = Object.fromEntries(spanFields.map((f) => [f, { said: 0, found: 0 }])) as Record<SpanField, { said: number; found: number }>;
    for (const story of stories) {
      const alignment = alignStory(story);
      for (const f of spanFields) {
        if (alignment.aligned[f] === null) continue;
        aligned[f].said++;
        if (alignment.aligned[f]) aligned[f].found++;
      }
      story.messages.forEach((message, m) => {
        const { tokens, spans, unknown } = alignment.messages[m]!;
        const ft = foldAligned(message);
        const features = tokenFeatures(ft, tokens, context, ruleValues(withRules ? readByRules(ft, provinces, { alone: true, actedOn: true }) : null));
        const free = [0, ...unknown.flatMap((f) => [tagIndex(f, false), tagIndex(f, true)])];
        const allowed = tokens.map((_, i) => {
          const span = spans.find((s) => i >= s.start && i < s.end);
          return span ? [tagIndex(span.field, i > span.start)] : free;
        });
        sequences.push({ features, allowed });
      });
    }
    const model = SpanTagger.train(sequences);
    const report = { files: options.files ?? [], ruleFeatures: withRules, stories: stories.length, sequences: sequences.length, aligned, milliseconds: Math.round(performance.now() - started) };
    return new ComplaintSpanTagger(model, context, report);
  }

  /** A tagger from saved weights (span-tagger-store.ts). */
  static fromModel(model: SpanTagger, provinces: ProvinceDirectory, report: TrainingReport, lexicon: ProductLexicon = defaultProductLexicon()): ComplaintSpanTagger {
    return new ComplaintSpanTagger(model, featureContext(provinces, lexicon), report);
  }

  weights(): SpanTaggerWeights {
    return this.model.toJSON();
  }

  /** The best span of each field in one message, given the rules' reading of it. */
  tag(text: FoldedText, rules: RuleReadings): TaggedValues {
    const tokens = spanTokens(text);
    const spans = this.model.decode(tokenFeatures(text, tokens, this.context, ruleValues(this.report.ruleFeatures ? rules : null)));
    const result = { seller: null, address: null, product: null } as Record<SpanField, TaggedValue | null>;
    for (const span of spans) {
      const value = text.original.slice(tokens[span.start]!.start, tokens[span.end - 1]!.end);
      if (result[span.field] === null || span.margin > result[span.field]!.margin) result[span.field] = { value, margin: span.margin };
    }
    return result;
  }
}

function featureContext(provinces: ProvinceDirectory, lexicon: ProductLexicon): FeatureContext {
  return { lexicon, places: (text) => provinces.mentions(text) };
}

function ruleValues(rules: RuleReadings | null): Record<SpanField, string | null> {
  if (rules === null) return { seller: null, address: null, product: null };
  return { seller: rules.seller, address: rules.address, product: rules.product };
}

