import { fold } from '../text/vietnamese-unicode.ts';
import type { DocumentMetadata } from '../knowledge/document-metadata.ts';

export interface ApplicabilitySignals {
  /** The earliest calendar date the question mentions or implies, as YYYY-MM-DD. */
  readonly earliestDate: string | null;
  /** The question asks about a former text: by its number or year, or as "the old law". */
  readonly mentionsOldLaw: boolean;
  /** Ids of the former texts the question names ("59/2010", "luật 2010", "nghị định 99"). */
  readonly formerMentioned: readonly string[];
}

/** A text no longer in force, as the question may name it. */
export type FormerText = Pick<DocumentMetadata, 'id' | 'number' | 'kind' | 'issuedDate'>;

const oldLawPattern = /luat (bvqlntd |bao ve quyen loi nguoi tieu dung )?cu\b|\bold law\b/;

/**
 * Reads the dates a consumer mentions ("mua từ 15/3/2024", "năm 2023", "tháng 5/2024", "năm ngoái")
 * to decide whether a former text may still govern the transaction, and whether the question names
 * one of the `former` texts (from the timeline: replaced before `now`).
 */
export function applicabilitySignals(question: string, now: Date, former: readonly FormerText[] = []): ApplicabilitySignals {
  const f = fold(question);
  const dates: string[] = [];
  for (const m of f.matchAll(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/g)) dates.push(iso(Number(m[3]), Number(m[2]), Number(m[1])));
  for (const m of f.matchAll(/\bthang (\d{1,2})[/ ](?:nam )?(\d{4})\b/g)) dates.push(iso(Number(m[2]), Number(m[1]), 1));
  // A bare year counts from its first day, unless the question places it later in the year
  // ("cuối năm 2024", "late 2024" is after a 1 July cut-over; "giữa năm 2024" straddles it).
  for (const m of f.matchAll(/(?<![/.\d-])\b(19[89]\d|20\d\d)\b(?![/.-]\d)/g)) {
    const before = f.slice(Math.max(0, m.index - 12), m.index);
    const month = /(cuoi (nam )?|end of |late )$/.test(before) ? 12 : /(giua (nam )?|mid-?)$/.test(before) ? 7 : 1;
    dates.push(iso(Number(m[1]), month, 1));
  }
  const year = now.getUTCFullYear();
  if (/\bnam ngoai\b|\blast year\b/.test(f)) dates.push(iso(year - 1, 1, 1));
  for (const m of f.matchAll(/\b(\d{1,2}) nam (truoc|ve truoc)\b|\b(\d{1,2}) years ago\b/g)) dates.push(iso(year - Number(m[1] ?? m[3]), 1, 1));
  const valid = dates.filter((d) => d >= '1990-01-01' && d <= `${year + 1}-12-31`).sort();
  const formerMentioned = former.filter((doc) => namePattern(doc).test(f)).map((doc) => doc.id);
  return { earliestDate: valid[0] ?? null, mentionsOldLaw: formerMentioned.length > 0 || oldLawPattern.test(f), formerMentioned };
}

/** How people name a text: its number without the issuer ("59/2010"), a law by its year, a decree by its number. */
function namePattern(doc: FormerText): RegExp {
  const [serial = '', numberYear = ''] = fold(doc.number).split('/').map(escapeRegExp);
  const parts = [String.raw`\b${serial}\/${numberYear}\b`];
  const year = doc.issuedDate.slice(0, 4);
  if (doc.kind === 'law') parts.push(String.raw`luat (bvqlntd |bao ve quyen loi nguoi tieu dung )?(nam )?${year}\b`, String.raw`\b${year} law\b`);
  if (doc.kind === 'decree') parts.push(String.raw`nghi dinh (so )?${serial}\b`, String.raw`\bdecree ${serial}\b`);
  return new RegExp(parts.join('|'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(Math.min(Math.max(m, 1), 12)).padStart(2, '0')}-${String(Math.min(Math.max(d, 1), 31)).padStart(2, '0')}`;
}

/** "2024-07-01" → "01/7/2024", the way Vietnamese texts print dates. */
export function formatVietnameseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${Number(m)}/${y}`;
}
