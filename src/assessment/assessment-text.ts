import type { Locale, Translator } from '../i18n/translator.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { AssessmentRecord, Progress } from './assessment-record.ts';
import { fullCitation, groupedCitations, quoteOf } from './basis-text.ts';
import type { BusinessProfile, ProfileField, ProfileQuestion } from './business-profile.ts';
import { basisKey, type Basis, type Criteria, type Criterion } from './criteria-schema.ts';
import type { ItemQuestion } from './item-questions.ts';

/** Gaps listed in the chat; the PDF lists them all. Keeps a reply within Telegram's 4096 characters. */
export const gapsInChat = 8;
/** Cited passages quoted in a "why" answer; the others are named only. */
const quotedBases = 3;
const quoteLength = 480;

/** The order fields are shown in a profile summary. */
const summaryFields: readonly ProfileField[] = ['sector', 'size', 'online', 'platform', 'premises', 'continuous', 'doorToDoor', 'mlm', 'awayFromPremises', 'standardContracts', 'registration', 'warranty', 'customerData'];

export function formatDate(date: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(date));
}

/** yyyy-mm-dd in the business's time zone, for file names. */
export function isoDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

export function formatScore(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 }).format(value);
}

export function profileLines(profile: BusinessProfile, t: Translator): string[] {
  return summaryFields.flatMap((field) => {
    const value = profile[field];
    if (value === undefined) return [];
    return [`${t.t(`assessment.profile.${field}`)}: ${valueLabel(field, value, t)}`];
  });
}

function valueLabel(field: ProfileField, value: string | boolean, t: Translator): string {
  if (typeof value === 'boolean') return t.t(`assessment.value.${value}`);
  if (field === 'sector') return t.t(`assessment.sector.${value}`);
  if (field === 'size') return t.t(`assessment.size.${value}`);
  if (field === 'platform') return t.t(`assessment.platformValue.${value}`);
  return t.t(`assessment.registration.${value}`);
}

export function itemQuestionText(question: ItemQuestion, n: number, total: number, criteria: Criteria, t: Translator): string {
  const item = question.item;
  const area = criteria.areas.find((a) => a.id === item.area)?.title[t.locale] ?? item.area;
  return t.t('assessment.item.question', { n, total, area, question: question.question[t.locale] });
}

/** "Why does this matter?": the plain reason, then the cited words of the law and plans (a part's own clauses). */
export function whyText(question: ItemQuestion, kb: KnowledgeBase, t: Translator, day: Date): string {
  const locale = t.locale;
  const { item, basis } = question;
  const title = question.part ? `${item.title[locale]} — ${question.part.title[locale]}` : item.title[locale];
  const lines = [t.t('assessment.why.head', { title }), item.why[locale], '', t.t('assessment.why.basis')];
  basis.slice(0, quotedBases).forEach((b) => {
    const quote = quoteOf(b, kb);
    lines.push(`• ${fullCitation(b, kb, t, day)}${quote ? `:\n«${truncate(quote, quoteLength)}»` : ''}`);
  });
  const rest = basis.slice(quotedBases);
  if (rest.length > 0) lines.push(`• ${groupedCitations(rest, kb, t, day)}`);
  lines.push('', t.t('assessment.why.answer'));
  return lines.join('\n');
}

/** Items named, and bases cited, when explaining a profile question; the report lists them all. */
const decidedItemsNamed = 4;
const decidedBasesCited = 4;

/**
 * "Why do you ask?" at a profile question: what the question tells apart, which items it decides
 * (from the criteria's conditions, so it always matches what will be asked), and their bases.
 */
export function profileWhyText(question: ProfileQuestion, decided: readonly Criterion[], kb: KnowledgeBase, t: Translator, day: Date): string {
  const locale = t.locale;
  const titles = decided.slice(0, decidedItemsNamed).map((i) => i.title[locale]);
  const more = decided.length - titles.length;
  const bases = [...new Map(decided.flatMap((i) => i.basis).map((b): [string, Basis] => [basisKey(b), b])).values()].slice(0, decidedBasesCited);
  const lines = [t.t('assessment.whyAsked.head'), t.t(`assessment.whyAsked.${question}`)];
  if (decided.length > 0) {
    lines.push('', t.t('assessment.whyAsked.decides', { count: decided.length, items: `${titles.join('; ')}${more > 0 ? t.t('assessment.whyAsked.andMore', { count: more }) : ''}` }));
    lines.push(`${t.t('assessment.why.basis')} ${groupedCitations(bases, kb, t, day)}`);
  }
  return lines.join('\n');
}

/** The result in chat: score and areas, the gaps with action and basis, and the week's first steps. */
export function resultTexts(record: AssessmentRecord, progress: Progress | null, criteria: Criteria, kb: KnowledgeBase, t: Translator, timeZone: string): string[] {
  const locale = t.locale;
  const head = [
    t.t('assessment.result.head', {
      name: record.business,
      date: formatDate(record.completedAt, timeZone),
      score: formatScore(record.score, locale),
      maxScore: formatScore(record.maxScore, locale),
      percent: record.percent,
    }),
  ];
  if (progress) head.push(...progressLines(progress, criteria, t, timeZone));
  head.push('', t.t('assessment.result.areas'));
  for (const area of record.areas) head.push(`• ${area.title}: ${formatScore(area.score, locale)}/${formatScore(area.maxScore, locale)} (${area.percent}%)`);

  if (record.gaps.length === 0) return [head.join('\n'), t.t('assessment.result.noGaps')];

  const gaps = [t.t('assessment.result.gaps', { count: record.gaps.length })];
  record.gaps.slice(0, gapsInChat).forEach((gap, i) => {
    gaps.push(
      t.t('assessment.result.gap', {
        n: i + 1,
        kind: t.t(`assessment.kind.${gap.kind}`),
        title: gap.title,
        answer: t.t(`assessment.answer.${gap.answer}`),
        action: gap.missing && gap.missing.length > 0 ? `${t.t('assessment.result.missing', { parts: gap.missing.join('; ') })}\n     ${gap.action}` : gap.action,
        // Written as the report writes it.
        basis: groupedCitations(gap.basis, kb, t, new Date(record.completedAt)),
      }),
    );
  });
  if (record.gaps.length > gapsInChat) gaps.push(t.t('assessment.result.moreGaps', { count: record.gaps.length - gapsInChat }));

  const week = [t.t('assessment.result.thisWeek'), ...record.thisWeek.map((s, i) => `${i + 1}. ${s.step}`)];
  return [head.join('\n'), gaps.join('\n'), week.join('\n')];
}

export function progressLines(progress: Progress, criteria: Criteria, t: Translator, timeZone: string): string[] {
  const title = (id: string) => criteria.items.find((i) => i.id === id)?.title[t.locale] ?? id;
  const lines = [
    t.t('assessment.result.progress', {
      date: formatDate(progress.previousCompletedAt, timeZone),
      previous: progress.previousPercent,
      delta: progress.delta > 0 ? `+${progress.delta}` : String(progress.delta),
    }),
  ];
  if (progress.fixed.length > 0) lines.push(t.t('assessment.result.fixed', { items: progress.fixed.map(title).join('; ') }));
  if (progress.newGaps.length > 0) lines.push(t.t('assessment.result.newGaps', { items: progress.newGaps.map(title).join('; ') }));
  return lines;
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}
