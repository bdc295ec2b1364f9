import type { QueryAnalyzer } from '../text/query-analyzer.ts';
import { foldedBigram, foldedTerm, isExactTerm } from '../text/index-terms.ts';
import { EntryScorer, trainEntryClassifier, fingerprintOf, defaultClassifierOptions, type ClassifierModel, type LabelledTerms } from './entry-classifier.ts';
import type { GuidanceEntry } from './guidance-schema.ts';

/** A weighted bag of accent-free terms (words, word pairs, lexicon readings). */
type TermVector = ReadonlyMap<string, number>;

export interface EntryMatch {
  readonly entry: GuidanceEntry;
  /** 0..1, cosine similarity blended over the entry's phrasings. */
  readonly score: number;
  /** The phrasing that matched best, for explanations and debugging. */
  readonly phrasing: string;
}

interface IndexedEntry {
  readonly entry: GuidanceEntry;
  readonly phrasings: readonly { readonly text: string; readonly vector: TermVector; readonly norm: number }[];
  readonly centroid: TermVector;
  readonly centroidNorm: number;
}

export interface MatcherWeights {
  /** The best single phrasing counts most: people ask one way at a time. */
  readonly best: number;
  /** The entry's phrasings together: catches a question that mixes two ways of saying it. */
  readonly centroid: number;
  /** Weight of a question word no entry uses, as a share of the rarest word's. */
  readonly unknownTerm: number;
  /** Weight of the text's own words (and neighbouring pairs), beside the analyser's readings. */
  readonly ownWord: number;
  /** The second-best phrasing: two phrasings agreeing is stronger evidence than one. */
  readonly second: number;
  /** The learnt classifier's say (its score relative to the best entry's), beside the cosine. */
  readonly classifier: number;
}

export const defaultMatcherWeights: MatcherWeights = { best: 0.5, second: 0.25, centroid: 0.25, unknownTerm: 0.5, ownWord: 1, classifier: 0.5 };

/**
 * Finds the guidance entries a question is about by comparing its terms with each entry's
 * phrasings: a TF-IDF cosine over the same analysis the clause retrieval uses (diacritics folded,
 * shorthand spelled out, English glossary), so "bh", "bảo hành" and "warranty" meet. Terms that
 * many entries share ("mua", "hàng") weigh little; the words that tell situations apart weigh most.
 */
export class GuidanceMatcher {
  private readonly entries: readonly GuidanceEntry[];
  private readonly idf: ReadonlyMap<string, number>;
  private readonly unknownIdf: number;
  /**
   * term → the phrasings (flat index) and centroids (entry index) that hold it, with their
   * normalised weights: a question only touches the lists of its own terms, not every phrasing.
   */
  private readonly postings = new Map<string, { phrasings: number[]; phrasingWeights: number[]; entries: number[]; entryWeights: number[] }>();
  private readonly phrasingEntry: number[] = [];
  private readonly phrasingText: string[] = [];

  /** Learnt from the phrasings: which words tell an entry from the neighbours it is confused with. */
  readonly classifier: ClassifierModel;
  /** The saved classifier was missing or stale, so it was trained when this matcher was built. */
  readonly classifierTrainedHere: boolean;
  private readonly scorer: EntryScorer;

  /**
   * `trained` is a classifier saved by knowledge:build (generated/); it is used when it was
   * trained on these very phrasings, and the classifier is trained here otherwise.
   */
  constructor(
    entries: readonly GuidanceEntry[],
    private readonly analyzer: QueryAnalyzer,
    private readonly weights: MatcherWeights = defaultMatcherWeights,
    trained?: ClassifierModel,
  ) {
    const raw = entries.map((entry) => ({ entry, vectors: textsOf(entry).map((text) => ({ text, vector: this.terms(text) })) }));
    const df = new Map<string, number>();
    for (const { vectors } of raw) {
      const seen = new Set<string>();
      for (const { vector } of vectors) for (const term of vector.keys()) seen.add(term);
      for (const term of seen) df.set(term, (df.get(term) ?? 0) + 1);
    }
    const n = Math.max(1, entries.length);
    this.idf = new Map([...df].map(([term, count]) => [term, Math.log(1 + n / count)]));
    this.unknownIdf = Math.log(1 + n) * weights.unknownTerm;
    // The weighted vectors are only needed to fill the postings; the index keeps nothing else.
    const indexed: IndexedEntry[] = raw.map(({ entry, vectors }) => {
      const phrasings = vectors.map(({ text, vector }) => {
        const weighted = this.weigh(vector);
        return { text, vector: weighted, norm: norm(weighted) };
      });
      const centroid = new Map<string, number>();
      for (const p of phrasings) for (const [t, w] of p.vector) centroid.set(t, (centroid.get(t) ?? 0) + w / (p.norm || 1));
      return { entry, phrasings, centroid, centroidNorm: norm(centroid) };
    });
    const examples: LabelledTerms[] = indexed.flatMap((item, e) => item.phrasings.filter((p) => p.norm > 0).map((p) => ({ label: e, terms: scaled(p.vector, 1 / p.norm) })));
    const fingerprint = fingerprintOf(examples, entries.length, defaultClassifierOptions);
    this.classifier = trained?.fingerprint === fingerprint ? trained : trainedHere(fingerprint, () => trainEntryClassifier(examples, entries.length, defaultClassifierOptions));
    this.classifierTrainedHere = this.classifier !== trained;
    this.scorer = new EntryScorer(this.classifier);
    const posting = (term: string) => {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = { phrasings: [], phrasingWeights: [], entries: [], entryWeights: [] }));
      return list;
    };
    this.entries = entries;
    indexed.forEach((item, e) => {
      for (const p of item.phrasings) {
        if (p.norm === 0) continue;
        const index = this.phrasingEntry.length;
        this.phrasingEntry.push(e);
        this.phrasingText.push(p.text);
        for (const [t, w] of p.vector) {
          const list = posting(t);
          list.phrasings.push(index);
          list.phrasingWeights.push(w / p.norm);
        }
      }
      if (item.centroidNorm === 0) return;
      for (const [t, w] of item.centroid) {
        const list = posting(t);
        list.entries.push(e);
        list.entryWeights.push(w / item.centroidNorm);
      }
    });
  }

  /** The entries ranked for a question whose terms are given (see `terms`), best first. */
  rank(query: TermVector, limit = 5): EntryMatch[] {
    const q = this.weigh(query);
    const qNorm = norm(q);
    if (qNorm === 0) return [];
    const phrasingScores = new Float64Array(this.phrasingEntry.length);
    const centroidScores = new Float64Array(this.entries.length);
    for (const [term, w] of q) {
      const list = this.postings.get(term);
      if (!list) continue;
      const qw = w / qNorm;
      for (let i = 0; i < list.phrasings.length; i++) phrasingScores[list.phrasings[i]!]! += qw * list.phrasingWeights[i]!;
      for (let i = 0; i < list.entries.length; i++) centroidScores[list.entries[i]!]! += qw * list.entryWeights[i]!;
    }
    const best = new Float64Array(this.entries.length);
    const second = new Float64Array(this.entries.length);
    const bestPhrasing = new Int32Array(this.entries.length).fill(-1);
    phrasingScores.forEach((score, i) => {
      const e = this.phrasingEntry[i]!;
      if (score > best[e]!) {
        second[e] = best[e]!;
        [best[e], bestPhrasing[e]] = [score, i];
      } else if (score > second[e]!) second[e] = score;
    });
    const similarity = new Float64Array(this.entries.length);
    for (let e = 0; e < this.entries.length; e++) similarity[e] = this.weights.best * best[e]! + this.weights.second * second[e]! + this.weights.centroid * centroidScores[e]!;
    // The classifier's scores, relative to the best entry's, in units of the best similarity: it
    // reorders entries the question resembles, but does not make a question that resembles
    // nothing (out of scope, a follow-up's few new words) look like a match.
    const learnt = this.weights.classifier > 0 ? this.scorer.scores(q, 1 / qNorm) : new Float64Array(this.entries.length);
    const top = Math.max(0, ...learnt);
    const unit = top > 0 ? (this.weights.classifier * Math.max(0, ...similarity)) / top : 0;
    const matches: EntryMatch[] = [];
    this.entries.forEach((entry, e) => {
      const score = similarity[e]! + unit * Math.max(0, learnt[e]!);
      // A centroid shares its terms with some phrasing, so a scoring entry always has a best phrasing.
      if (score > 0) matches.push({ entry, score, phrasing: this.phrasingText[bestPhrasing[e]!] ?? '' });
    });
    return matches.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** The analysed terms of a text, accent-free forms only (accents are not reliable in chat). */
  terms(text: string): Map<string, number> {
    const analyzed = this.analyzer.analyze(text);
    const vector = new Map<string, number>();
    for (const [term, weight] of analyzed.terms) {
      if (!isExactTerm(term)) vector.set(term, weight);
    }
    // The question's own words count in full even where the analyser translated them for the law's
    // vocabulary: an English question meets the entries' English phrasings word for word.
    const own = analyzed.tokens;
    own.forEach((t, i) => {
      if (!t.stop) vector.set(foldedTerm(t.token), Math.max(vector.get(foldedTerm(t.token)) ?? 0, this.weights.ownWord));
      const next = own[i + 1];
      if (next && !(t.stop && next.stop)) {
        const pair = foldedBigram(t.token, next.token);
        vector.set(pair, Math.max(vector.get(pair) ?? 0, this.weights.ownWord * 0.9));
      }
    });
    return vector;
  }

  private weigh(vector: TermVector): Map<string, number> {
    const out = new Map<string, number>();
    // A word no entry uses still counts against every entry (at part of the rarest weight): a
    // question about something the guidance does not cover must not look like a perfect match
    // because one of its words happens to appear in an entry.
    const unknown = this.unknownIdf;
    for (const [term, w] of vector) out.set(term, w * (this.idf.get(term) ?? unknown));
    return out;
  }


}

/**
 * Classifiers trained in this process, by fingerprint: several matchers over the same phrasings
 * (tests, an evaluation's runs) train once. A few are kept; the guidance rarely changes in a run.
 */
const trainedModels = new Map<string, ClassifierModel>();

function trainedHere(fingerprint: string, train: () => ClassifierModel): ClassifierModel {
  const known = trainedModels.get(fingerprint);
  if (known) return known;
  const model = train();
  if (trainedModels.size >= 4) trainedModels.delete(trainedModels.keys().next().value!);
  trainedModels.set(fingerprint, model);
  return model;
}

/** What an entry is matched on: its phrasings, and for answers the verdict's own words too. */
function textsOf(entry: GuidanceEntry): string[] {
  const texts = [...entry.phrasings];
  if (entry.kind !== 'clarify') texts.push(entry.verdict.vi, entry.verdict.en);
  return texts;
}

function scaled(v: TermVector, factor: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [t, w] of v) out.set(t, w * factor);
  return out;
}

function norm(v: TermVector): number {
  let sum = 0;
  for (const w of v.values()) sum += w * w;
  return Math.sqrt(sum);
}
