import { seededRandom } from '../shared/seeded-random.ts';
import { spanFields, type SpanField } from './span-alignment.ts';

/**
 * A structured (averaged) perceptron over BIO tags: each token is outside every span (O), begins
 * one (B-field) or continues it (I-field). Decoding is Viterbi over emission and transition
 * weights, with an I only after a B or I of its field. Training is deterministic: the sequences in
 * the order given, shuffled per epoch by a fixed-seed generator.
 */
export const tags = ['O', ...spanFields.flatMap((f) => [`B-${f}`, `I-${f}`])] as const;
const T = tags.length;
const START = T;

function fieldOf(tag: number): SpanField | null {
  return tag === 0 ? null : spanFields[(tag - 1) >> 1]!;
}
function isInside(tag: number): boolean {
  return tag !== 0 && (tag - 1) % 2 === 1;
}
/** BIO: I-field only after B-field or I-field. */
function allowedAfter(prev: number, tag: number): boolean {
  if (!isInside(tag)) return true;
  return prev !== START && prev !== 0 && fieldOf(prev) === fieldOf(tag);
}
export function tagIndex(field: SpanField, inside: boolean): number {
  return 1 + spanFields.indexOf(field) * 2 + (inside ? 1 : 0);
}

/** One training sequence: each token's feature names, and per token the tags the label allows. */
export interface TrainingSequence {
  readonly features: readonly (readonly string[])[];
  /** The allowed tags per token: one when the label is known, several where it is left free. */
  readonly allowed: readonly (readonly number[])[];
}

export interface TaggedSpan {
  readonly field: SpanField;
  readonly start: number;
  readonly end: number;
  /** How much the best reading beats the best reading without this span: the tagger's confidence. */
  readonly margin: number;
}

export interface TrainingOptions {
  readonly epochs: number;
  readonly seed: number;
}

export const defaultTrainingOptions: TrainingOptions = { epochs: 8, seed: 20261203 };

/** The trained weights as JSON: each feature with its weight per tag, features all zero left out. */
export interface SpanTaggerWeights {
  readonly tags: readonly string[];
  readonly features: ReadonlyArray<readonly [string, ...number[]]>;
  readonly transitions: readonly number[];
}

export class SpanTagger {
  private constructor(
    private readonly featureIds: ReadonlyMap<string, number>,
    /** Emission weights, feature-major: weights[feature * T + tag]. */
    private readonly weights: Float64Array,
    /** Transition weights, transitions[prev * T + tag], prev = START for the first token. */
    private readonly transitions: Float64Array,
  ) {}

  static train(sequences: readonly TrainingSequence[], options: TrainingOptions = defaultTrainingOptions): SpanTagger {
    const ids = new Map<string, number>();
    const encoded = sequences.map((s) => ({
      features: s.features.map((fs) => Int32Array.from(fs, (f) => ids.get(f) ?? (ids.set(f, ids.size), ids.size - 1))),
      allowed: Int32Array.from(s.allowed, (tagsAllowed) => tagsAllowed.reduce((mask, tag) => mask | (1 << tag), 0)),
    }));
    const w = new Float64Array(ids.size * T);
    const u = new Float64Array(ids.size * T);
    const tw = new Float64Array((T + 1) * T);
    const tu = new Float64Array((T + 1) * T);
    const next = seededRandom(options.seed);
    const order = encoded.map((_, i) => i);
    let step = 1;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const index of order) {
        const seq = encoded[index]!;
        const emissions = emissionScores(seq.features, w);
        const predicted = viterbi(emissions, tw, null).path;
        const gold = viterbi(emissions, tw, seq.allowed).path;
        let prev = START;
        for (let t = 0; t < gold.length; t++) {
          const g = gold[t]!;
          const p = predicted[t]!;
          const pPrev = t === 0 ? START : predicted[t - 1]!;
          if (g !== p) {
            for (const f of seq.features[t]!) {
              w[f * T + g]! += 1;
              u[f * T + g]! += step;
              w[f * T + p]! -= 1;
              u[f * T + p]! -= step;
            }
          }
          if (g !== p || prev !== pPrev) {
            tw[prev * T + g]! += 1;
            tu[prev * T + g]! += step;
            tw[pPrev * T + p]! -= 1;
            tu[pPrev * T + p]! -= step;
          }
          prev = g;
        }
        step++;
      }
    }
    // Averaging: the mean of the weights over every step, which generalises better than the last.
    for (let i = 0; i < w.length; i++) w[i] = w[i]! - u[i]! / step;
    for (let i = 0; i < tw.length; i++) tw[i] = tw[i]! - tu[i]! / step;
    return new SpanTagger(ids, w, tw);
  }

  toJSON(): SpanTaggerWeights {
    const round = (x: number) => Math.round(x * 1e4) / 1e4;
    const features: Array<[string, ...number[]]> = [];
    for (const [name, id] of this.featureIds) {
      const row = Array.from(this.weights.subarray(id * T, id * T + T), round);
      if (row.some((x) => x !== 0)) features.push([name, ...row]);
    }
    return { tags: [...tags], features, transitions: Array.from(this.transitions, round) };
  }

  static fromJSON(data: SpanTaggerWeights): SpanTagger {
    if (data.tags.join() !== tags.join() || data.transitions.length !== (T + 1) * T) throw new Error(`Span tagger weights are for tags ${data.tags.join(', ')}, not ${tags.join(', ')}`);
    const ids = new Map<string, number>();
    const weights = new Float64Array(data.features.length * T);
    data.features.forEach(([name, ...row], i) => {
      ids.set(name, i);
      weights.set(row, i * T);
    });
    return new SpanTagger(ids, weights, Float64Array.from(data.transitions));
  }

  /** The spans of one message's tokens (given as feature names), best reading, each with its margin. */
  decode(features: readonly (readonly string[])[]): TaggedSpan[] {
    const encoded = features.map((fs) => {
      const known: number[] = [];
      for (const f of fs) {
        const id = this.featureIds.get(f);
        if (id !== undefined) known.push(id);
      }
      return Int32Array.from(known);
    });
    const emissions = emissionScores(encoded, this.weights);
    const best = viterbi(emissions, this.transitions, null);
    const spans: TaggedSpan[] = [];
    for (let t = 0; t < best.path.length; t++) {
      const tag = best.path[t]!;
      if (tag === 0 || isInside(tag)) continue;
      let end = t + 1;
      while (end < best.path.length && isInside(best.path[end]!) && fieldOf(best.path[end]!) === fieldOf(tag)) end++;
      const field = fieldOf(tag)!;
      // The best reading where these tokens are not this field.
      const notField = allTags & ~((1 << tagIndex(field, false)) | (1 << tagIndex(field, true)));
      const allowed = Int32Array.from(best.path, (_, k) => (k >= t && k < end ? notField : allTags));
      const without = viterbi(emissions, this.transitions, allowed).score;
      spans.push({ field, start: t, end, margin: best.score - without });
    }
    return spans;
  }
}

function emissionScores(features: readonly Int32Array[], w: Float64Array): Float64Array[] {
  return features.map((fs) => {
    const scores = new Float64Array(T);
    for (const f of fs) for (let tag = 0; tag < T; tag++) scores[tag]! += w[f * T + tag]!;
    return scores;
  });
}

/** Every tag allowed: the mask of a token whose label is not constrained. */
const allTags = (1 << T) - 1;
/** legal[prev * T + tag]: BIO allows `tag` after `prev` (prev = START for the first token). */
const legal = Uint8Array.from({ length: (T + 1) * T }, (_, i) => (allowedAfter(Math.floor(i / T), i % T) ? 1 : 0));

/** The best tag path (BIO-valid, within the `allowed` tag masks when given) and its score. */
function viterbi(emissions: readonly Float64Array[], transitions: Float64Array, allowed: Int32Array | null): { path: number[]; score: number } {
  const n = emissions.length;
  if (n === 0) return { path: [], score: 0 };
  const score: Float64Array[] = [];
  const back: Int8Array[] = [];
  for (let t = 0; t < n; t++) {
    const s = new Float64Array(T).fill(-Infinity);
    const b = new Int8Array(T);
    const mask = allowed ? allowed[t]! : allTags;
    const emission = emissions[t]!;
    for (let tag = 0; tag < T; tag++) {
      if ((mask & (1 << tag)) === 0) continue;
      if (t === 0) {
        if (legal[START * T + tag]) s[tag] = transitions[START * T + tag]! + emission[tag]!;
        continue;
      }
      const previous = score[t - 1]!;
      let bestScore = -Infinity;
      let bestPrev = 0;
      for (let prev = 0; prev < T; prev++) {
        const p = previous[prev]!;
        if (p === -Infinity || !legal[prev * T + tag]) continue;
        const v = p + transitions[prev * T + tag]!;
        if (v > bestScore) {
          bestScore = v;
          bestPrev = prev;
        }
      }
      s[tag] = bestScore + emission[tag]!;
      b[tag] = bestPrev;
    }
    score.push(s);
    back.push(b);
  }
  let last = 0;
  for (let tag = 1; tag < T; tag++) if (score[n - 1]![tag]! > score[n - 1]![last]!) last = tag;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let t = n - 1; t > 0; t--) path[t - 1] = back[t]![path[t]!]!;
  return { path, score: score[n - 1]![last]! };
}
