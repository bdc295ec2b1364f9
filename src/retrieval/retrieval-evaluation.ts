import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { normaliseDocId } from '../knowledge/knowledge-base.ts';
import type { Passage } from '../knowledge/passage.ts';

/** One evaluation question (test/fixtures/eval/README.md describes the format). */
export const evalQuestionSchema = z
  .object({
    id: z.string().min(1),
    style: z.string().min(1),
    question: z.string().min(1),
    gold: z
      .array(
        z.union([
          z.object({ doc: z.string().min(1), article: z.number().int().positive() }).strict(),
          z.object({ doc: z.string().min(1), section: z.string().min(1) }).strict(),
        ]),
      )
      .min(1),
    note: z.string().optional(),
  })
  .strict();

export type EvalQuestion = z.infer<typeof evalQuestionSchema>;
export type GoldCitation = EvalQuestion['gold'][number];

export class EvalQuestionsError extends Error {
  override readonly name = 'EvalQuestionsError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export async function loadEvalQuestions(file: string): Promise<EvalQuestion[]> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    throw new EvalQuestionsError(`cannot read ${file}`, { cause: error });
  }
  return raw.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new EvalQuestionsError(`${file}:${i + 1}: not JSON`, { cause: error });
    }
    const parsed = evalQuestionSchema.safeParse(json);
    if (!parsed.success) throw new EvalQuestionsError(`${file}:${i + 1}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
    return [parsed.data];
  });
}

/** The README's rule: same document, and same article or a section equal to or under the gold one. */
export function matchesGold(p: Pick<Passage, 'docId' | 'article' | 'section'>, gold: GoldCitation): boolean {
  if (normaliseDocId(p.docId) !== normaliseDocId(gold.doc)) return false;
  if ('article' in gold) return p.article === gold.article;
  return p.section !== null && (p.section === gold.section || p.section.startsWith(`${gold.section}.`));
}

/** 1-based rank of the first passage matching any gold citation, or null. */
export function firstRelevantRank(ranked: readonly Pick<Passage, 'docId' | 'article' | 'section'>[], q: EvalQuestion): number | null {
  const i = ranked.findIndex((p) => q.gold.some((g) => matchesGold(p, g)));
  return i < 0 ? null : i + 1;
}

export interface RetrievalMetrics {
  readonly questions: number;
  readonly recallAt1: number;
  readonly recallAt5: number;
  readonly recallAt10: number;
  readonly mrrAt10: number;
}

export interface MetricsReport {
  readonly overall: RetrievalMetrics;
  readonly byStyle: Readonly<Record<string, RetrievalMetrics>>;
}

export function metricsOf(ranks: readonly (number | null)[]): RetrievalMetrics {
  const n = ranks.length;
  const at = (k: number) => (n === 0 ? 0 : ranks.filter((r) => r !== null && r <= k).length / n);
  const mrr = n === 0 ? 0 : ranks.reduce<number>((s, r) => s + (r !== null && r <= 10 ? 1 / r : 0), 0) / n;
  return { questions: n, recallAt1: at(1), recallAt5: at(5), recallAt10: at(10), mrrAt10: mrr };
}

export function metricsReport(questions: readonly EvalQuestion[], ranks: readonly (number | null)[]): MetricsReport {
  const styles = [...new Set(questions.map((q) => q.style))].sort();
  const byStyle: Record<string, RetrievalMetrics> = {};
  for (const s of styles) byStyle[s] = metricsOf(ranks.filter((_, i) => questions[i]!.style === s));
  return { overall: metricsOf(ranks), byStyle };
}
