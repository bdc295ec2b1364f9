import { createHash } from 'node:crypto';

/** A labelled example: the entry a phrasing was written for, and its weighted terms. */
export interface LabelledTerms {
  readonly label: number;
  readonly terms: ReadonlyMap<string, number>;
}

export interface ClassifierOptions {
  /** Passes over the phrasings. */
  readonly epochs: number;
  /** An update is made unless the right entry leads the best wrong one by this much. */
  readonly margin: number;
}

export const defaultClassifierOptions: ClassifierOptions = { epochs: 12, margin: 5 };

/** The learnt weights, in a form that is saved to and read from `generated/` as JSON. */
export interface ClassifierModel {
  readonly version: 1;
  /** A hash of the training examples and options: a saved model is used only for the same ones. */
  readonly fingerprint: string;
  readonly classes: number;
  /** term → [class, weight, class, weight, …]. */
  readonly weights: Record<string, number[]>;
}

/**
 * A discriminative reading of the entries' phrasings: an averaged multi-class perceptron with a
 * margin over the same weighted terms the cosine uses. The cosine asks "which phrasing is this
 * most like?", so words that two neighbouring entries share ("đổi trả", "bảo hành") pull both up;
 * the perceptron learns which words separate an entry from the neighbours it is confused with
 * ("7 ngày" for the online return window, "hàng lỗi" for the defect remedy). Training is
 * deterministic: the examples in the entries' order, reshuffled each pass by a fixed rule.
 */
export function trainEntryClassifier(examples: readonly LabelledTerms[], classes: number, options: ClassifierOptions = defaultClassifierOptions): ClassifierModel {
  const fingerprint = fingerprintOf(examples, classes, options);
  // Terms as row numbers, weights as dense rows (terms × classes): training touches every class of
  // a term's row, which typed arrays do fast. `u` holds the running sums for averaging (the
  // averaged perceptron's lazy form: average = w − u / c).
  const termIndex = new Map<string, number>();
  const encoded = examples.map((x) => {
    const rows: number[] = [];
    const values: number[] = [];
    for (const [term, value] of x.terms) {
      let row = termIndex.get(term);
      if (row === undefined) termIndex.set(term, (row = termIndex.size));
      rows.push(row);
      values.push(value);
    }
    return { label: x.label, rows, values };
  });
  const w = new Float64Array(termIndex.size * classes);
  const u = new Float64Array(termIndex.size * classes);
  const order = examples.map((_, i) => i);
  let c = 1;
  const scores = new Float64Array(classes);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    if (epoch > 0) shuffle(order, epoch);
    for (const i of order) {
      const x = encoded[i]!;
      scores.fill(0);
      for (let f = 0; f < x.rows.length; f++) {
        const base = x.rows[f]! * classes;
        const value = x.values[f]!;
        for (let k = 0; k < classes; k++) scores[k]! += w[base + k]! * value;
      }
      let rival = -1;
      for (let k = 0; k < classes; k++) if (k !== x.label && (rival < 0 || scores[k]! > scores[rival]!)) rival = k;
      if (rival >= 0 && scores[x.label]! - scores[rival]! < options.margin) {
        for (let f = 0; f < x.rows.length; f++) {
          const base = x.rows[f]! * classes;
          const value = x.values[f]!;
          w[base + x.label]! += value;
          w[base + rival]! -= value;
          u[base + x.label]! += c * value;
          u[base + rival]! -= c * value;
        }
      }
      c++;
    }
  }
  const weights: Record<string, number[]> = {};
  for (const term of [...termIndex.keys()].sort()) {
    const base = termIndex.get(term)! * classes;
    const flat: number[] = [];
    for (let k = 0; k < classes; k++) {
      const averaged = w[base + k]! - u[base + k]! / c;
      // Rounded so the saved model is small and the same on every machine.
      if (Math.abs(averaged) >= 1e-4) flat.push(k, Math.round(averaged * 1e4) / 1e4);
    }
    if (flat.length > 0) weights[term] = flat;
  }
  return { version: 1, fingerprint, classes, weights };
}

/**
 * Scores every class for a question's weighted terms (a class no term touches scores 0). The rows
 * are packed into typed arrays once: a question touches some five thousand weights, on every answer.
 */
export class EntryScorer {
  private readonly rows = new Map<string, { readonly labels: Int32Array; readonly weights: Float64Array }>();

  constructor(private readonly model: ClassifierModel) {
    for (const [term, flat] of Object.entries(model.weights)) {
      const labels = new Int32Array(flat.length / 2);
      const weights = new Float64Array(flat.length / 2);
      for (let i = 0; i < labels.length; i++) [labels[i], weights[i]] = [flat[2 * i]!, flat[2 * i + 1]!];
      this.rows.set(term, { labels, weights });
    }
  }

  /** `factor` scales every term's weight (a question's norm), saving a scaled copy of its terms. */
  scores(terms: ReadonlyMap<string, number>, factor = 1): Float64Array {
    const out = new Float64Array(this.model.classes);
    for (const [term, value] of terms) {
      const row = this.rows.get(term);
      if (!row) continue;
      const v = value * factor;
      for (let i = 0; i < row.labels.length; i++) out[row.labels[i]!]! += row.weights[i]! * v;
    }
    return out;
  }
}

/** What a model was trained on: the same examples and options give the same fingerprint. */
export function fingerprintOf(examples: readonly LabelledTerms[], classes: number, options: ClassifierOptions): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ classes, options }));
  for (const x of examples) {
    hash.update(`${x.label}|`);
    for (const [term, value] of [...x.terms].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) hash.update(`${term}:${value.toFixed(6)} `);
    hash.update('\n');
  }
  return hash.digest('hex').slice(0, 32);
}

/** A fixed reshuffle per pass (a linear congruential sequence seeded by the pass number). */
function shuffle(order: number[], seed: number): void {
  let state = (seed * 2654435761) >>> 0;
  for (let i = order.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}
