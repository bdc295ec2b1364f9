import MiniSearch from 'minisearch';
import type { Passage } from '../knowledge/passage.ts';

/**
 * The plain BM25 baseline the figures are compared with: MiniSearch with its default options
 * (tokeniser, no accent folding, no stemming) over the passage text and title. minisearch is a
 * dev dependency: only the evaluation and benchmark scripts and tests import this module.
 */
export class MiniSearchBaseline {
  private constructor(
    private readonly index: MiniSearch<BaselineDoc>,
    private readonly passages: readonly Passage[],
  ) {}

  static build(passages: readonly Passage[]): MiniSearchBaseline {
    const index = new MiniSearch<BaselineDoc>({ fields: baselineFields });
    index.addAll(passages.map(toDoc));
    return new MiniSearchBaseline(index, passages);
  }

  static fromJson(json: string, passages: readonly Passage[]): MiniSearchBaseline {
    return new MiniSearchBaseline(MiniSearch.loadJSON<BaselineDoc>(json, { fields: baselineFields }), passages);
  }

  toJson(): string {
    return JSON.stringify(this.index);
  }

  search(query: string, k: number): { passage: Passage; score: number }[] {
    return this.index
      .search(query)
      .slice(0, k)
      .map((r) => ({ passage: this.passages[r.id as number]!, score: r.score }));
  }
}

interface BaselineDoc {
  readonly id: number;
  readonly title: string;
  readonly text: string;
}

const baselineFields = ['title', 'text'];

function toDoc(p: Passage, i: number): BaselineDoc {
  return { id: i, title: p.articleTitle ?? p.sectionTitle ?? '', text: p.text };
}
