import { renderPdf, type PdfBlock } from '../documents/pdf-document.ts';
import { fold } from '../text/vietnamese-unicode.ts';
import type { ReplyFile } from '../dialogue/messages.ts';
import type { Locale, Translator } from '../i18n/translator.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { AssessmentRecord, Progress } from './assessment-record.ts';
import { groupedCitations } from './basis-text.ts';
import { formatDate, formatScore, isoDay, profileLines, progressLines } from './assessment-text.ts';
import type { AnswerValue, Criteria, Criterion } from './criteria-schema.ts';
import { questionsOf } from './item-questions.ts';

export interface ReportInput {
  readonly record: AssessmentRecord;
  readonly progress: Progress | null;
  readonly criteria: Criteria;
  readonly knowledgeBase: KnowledgeBase;
  readonly t: Translator;
  readonly timeZone: string;
}

/**
 * The report a business keeps or shows the association: who, when, the score overall and by area,
 * the week's first steps, the action plan with full citations, and every answer given.
 */
export async function renderAssessmentReport(input: ReportInput): Promise<ReplyFile> {
  const { record, criteria, knowledgeBase, t, timeZone } = input;
  const locale = t.locale;
  const completedAt = new Date(record.completedAt);
  const date = formatDate(completedAt, timeZone);
  const itemById = new Map(criteria.items.map((i) => [i.id, i]));

  const blocks: PdfBlock[] = [
    { kind: 'title', text: t.t('assessment.pdf.title') },
    {
      kind: 'fields',
      rows: [
        [t.t('assessment.pdf.business'), record.business],
        [t.t('assessment.pdf.date'), date],
        [t.t('assessment.pdf.criteria'), t.t('assessment.pdf.criteriaVersion', { title: criteria.title[locale], version: record.criteria.version })],
      ],
    },
    { kind: 'heading', text: t.t('assessment.pdf.profile') },
    { kind: 'list', items: profileLines(record.profile, t) },
    { kind: 'heading', text: t.t('assessment.pdf.result') },
    {
      kind: 'paragraph',
      text: t.t('assessment.pdf.score', { score: formatScore(record.score, locale), maxScore: formatScore(record.maxScore, locale), percent: record.percent }),
    },
    ...(input.progress ? progressLines(input.progress, criteria, t, timeZone).map((text): PdfBlock => ({ kind: 'paragraph', text })) : []),
    {
      kind: 'table',
      header: [t.t('assessment.pdf.areaHeader'), t.t('assessment.pdf.scoreHeader'), t.t('assessment.pdf.percentHeader')],
      rows: record.areas.map((a) => [a.title, `${formatScore(a.score, locale)}/${formatScore(a.maxScore, locale)}`, `${a.percent}%`]),
      widths: [6, 2, 1.5],
    },
  ];

  if (record.thisWeek.length > 0) {
    blocks.push({ kind: 'heading', text: t.t('assessment.pdf.thisWeek') }, { kind: 'list', items: record.thisWeek.map((s) => s.step) });
  }
  blocks.push({ kind: 'heading', text: t.t('assessment.pdf.plan') });
  if (record.gaps.length === 0) blocks.push({ kind: 'paragraph', text: t.t('assessment.pdf.noGaps') });
  else {
    blocks.push({
      kind: 'table',
      header: ['#', t.t('assessment.pdf.planItem'), t.t('assessment.pdf.planKind'), t.t('assessment.pdf.planAction'), t.t('assessment.pdf.planBasis')],
      rows: record.gaps.map((g, i) => [
        String(i + 1),
        `${g.title} (${t.t(`assessment.answer.${g.answer}`)})`,
        t.t(`assessment.kind.${g.kind}`),
        g.missing && g.missing.length > 0 ? `${t.t('assessment.result.missing', { parts: g.missing.join('; ') })}\n${g.action}` : g.action,
        groupedCitations(g.basis, knowledgeBase, t, completedAt),
      ]),
      widths: [0.5, 3, 1.3, 4.5, 3.6],
    });
  }

  blocks.push({ kind: 'heading', text: t.t('assessment.pdf.answers') });
  blocks.push({
    kind: 'table',
    header: ['#', t.t('assessment.pdf.answersQuestion'), t.t('assessment.pdf.answersAnswer')],
    rows: answerRows(record, itemById, locale).map(([question, answer], i) => [String(i + 1), question, t.t(`assessment.answer.${answer}`)]),
    widths: [0.5, 8, 1.6],
  });
  blocks.push({ kind: 'note', text: criteria.note[locale] });

  const data = await renderPdf({
    title: `${t.t('assessment.pdf.title')} — ${record.business}`,
    blocks,
    footer: t.t('assessment.pdf.footer', { name: record.business, date }),
    createdAt: completedAt,
  });
  return { fileName: t.t('assessment.pdf.fileName', { slug: slugOf(record.business), date: isoDay(completedAt, timeZone) }), mimeType: 'application/pdf', data };
}

/** A file-name-safe form of the business name: "Shop Hoa Mai" -> "shop-hoa-mai". */
export function slugOf(name: string): string {
  const slug = fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'business' : slug;
}

/** Each question asked with its answer: an item asked in parts shows each part (older records, the item). */
export function answerRows(record: AssessmentRecord, itemById: ReadonlyMap<string, Criterion>, locale: Locale): [string, AnswerValue][] {
  return Object.entries(record.answers).flatMap(([id, answer]): [string, AnswerValue][] => {
    const item = itemById.get(id);
    if (!item) return [[id, answer]];
    if (!item.parts || !record.partAnswers) return [[item.question?.[locale] ?? item.title[locale], answer]];
    // A part left out (it builds on one not met) was not asked, so it has no row.
    return questionsOf([item]).flatMap((q): [string, AnswerValue][] => (q.key in record.partAnswers! ? [[q.question[locale], record.partAnswers![q.key]!]] : []));
  });
}
