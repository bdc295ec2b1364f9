import type { DocumentMetadata } from '../knowledge/document-metadata.ts';
import { foldedWords } from '../text/tokenizer.ts';
import { fold } from '../text/vietnamese-unicode.ts';

/**
 * Questions about a provincial plan ("theo kế hoạch của tỉnh Bình Dương, ai kiểm tra …?", "Khánh
 * Hòa có đường dây nóng không?") are answered from the plan's section, not from the law: a plan
 * says who in the province does what, which no article of the law does.
 */

// "kế hoạch", "chương trình hành động", "plan": the question points at a plan rather than the law.
const planWords = /\b(ke hoach|chuong trinh hanh dong|plan|action programme)\b/;

/** The plans a question points at, and whether it named a plan at all or only a plan's province. */
export interface PlanReference {
  readonly plans: readonly string[];
  readonly namesPlan: boolean;
  /** It named a plan's province ("của Khánh Hòa", "ở Bình Dương"). */
  readonly namesProvince: boolean;
}

export function planReference(question: string, documents: readonly DocumentMetadata[]): PlanReference | null {
  const q = fold(question);
  const plans = documents.filter((d) => d.kind === 'plan');
  const namesPlan = planWords.test(q);
  const ofProvince = plans.filter((d) => d.province !== null && q.includes(fold(d.province)));
  if (ofProvince.length > 0) return { plans: ofProvince.map((d) => d.id), namesPlan, namesProvince: true };
  return namesPlan && plans.length > 0 ? { plans: plans.map((d) => d.id), namesPlan, namesProvince: false } : null;
}

// Words every plan question shares with every plan: they say nothing of which line answers it.
const planVocabulary = new Set(['ke', 'hoach', 'tinh', 'cua', 'theo', 'bao', 've', 'quyen', 'loi', 'nguoi', 'tieu', 'dung', 'co', 'khong', 'nhung', 'gi', 'nao', 'lam', 'viec', 'duoc', 'the', 'cho', 'cac', 'va', 'la', 'nhieu', 'plan', 'the', 'of', 'in', 'what', 'does', 'do', 'is', 'a']);

/**
 * The lines of a section that answer the question: a plan's section is a list of tasks ("- Bảo
 * đảm 80% …"), and the one sharing most of the question's own words comes first, in the
 * section's order after it (the section as printed when no line shares any). Also how much of the
 * question that line covers (0..1).
 */
export function answeringLines(sectionText: string, question: string, known: readonly string[]): { lines: string[]; coverage: number } {
  // The province is what the question was matched on, not what it asks.
  const own = new Set(known.flatMap((k) => foldedWords(k)));
  const asked = [...new Set(foldedWords(question).filter((w) => w.length > 1 && !planVocabulary.has(w) && !own.has(w)))];
  const lines = sectionText
    .split(/\n+|(?<=[;.])\s+(?=[-+•]\s)/u)
    .map((l) => l.trim())
    .filter((l) => /[\p{L}]/u.test(l));
  if (lines.length === 0) return { lines: [], coverage: 0 };
  const scored = lines.map((line, i) => {
    const words = new Set(foldedWords(line));
    return { line, i, hits: asked.filter((w) => words.has(w)).length };
  });
  const best = scored.reduce((a, b) => (b.hits > a.hits ? b : a));
  if (best.hits === 0) return { lines, coverage: 0 };
  const ordered = [best, ...scored.filter((s) => s !== best)].map((s) => s.line);
  return { lines: ordered, coverage: asked.length === 0 ? 0 : best.hits / asked.length };
}

/**
 * The section about a body the question names: a plan's "tổ chức thực hiện" part gives each body
 * its own section ("15. Hội bảo vệ quyền lợi người tiêu dùng", "1. Sở Công thương"), so a question
 * naming the body in full asks for that section, whatever other words retrieval ranks on. The
 * longest such title wins; null when the question names none.
 */
export function sectionNamedBy<P extends { readonly sectionTitle: string | null }>(question: string, passages: readonly P[]): P | null {
  const words = new Set(foldedWords(question));
  let best: { p: P; length: number } | null = null;
  for (const p of passages) {
    const title = p.sectionTitle ? foldedWords(p.sectionTitle) : [];
    if (title.length < 2 || !title.every((w) => words.has(w))) continue;
    if (!best || title.length > best.length) best = { p, length: title.length };
  }
  return best?.p ?? null;
}
