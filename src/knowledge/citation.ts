import type { Locale } from '../i18n/translator.ts';
import type { DocumentMetadata } from './document-metadata.ts';
import type { Passage } from './passage.ts';

/** A machine-readable reference to a passage, as stored in records and checked after generation. */
export interface CitationRef {
  readonly doc: string;
  readonly article: number | null;
  readonly clause: number | null;
  readonly section: string | null;
}

export function citationRefOf(p: Passage): CitationRef {
  return { doc: p.docId, article: p.article, clause: p.clause, section: p.section };
}

/**
 * The Vietnamese citation people expect: "khoản 2 Điều 31 Luật Bảo vệ quyền lợi người tiêu dùng 2023
 * (19/2023/QH15)", "mục IV.13 Kế hoạch ... (KH-BD-CT30)".
 */
export function formatCitation(ref: CitationRef, doc: Pick<DocumentMetadata, 'id' | 'citationName'>, point?: string): string {
  const name = `${doc.citationName} (${doc.id})`;
  if (ref.section) return `mục ${ref.section} ${name}`;
  if (ref.article == null) return name;
  const clause = ref.clause == null ? '' : `khoản ${ref.clause} `;
  const pointText = point && ref.clause != null ? `điểm ${point} ` : '';
  return `${pointText}${clause}Điều ${ref.article} ${name}`;
}

/** Short form for lists and buttons: "Điều 31.2 (19/2023/QH15)". */
export function formatShortCitation(ref: CitationRef): string {
  if (ref.section) return `${ref.section} (${ref.doc})`;
  if (ref.article == null) return ref.doc;
  return `Điều ${ref.article}${ref.clause == null ? '' : `.${ref.clause}`} (${ref.doc})`;
}

/** A text's name in the reader's language: "Luật Bảo vệ quyền lợi người tiêu dùng 2023". */
export function documentName(doc: Pick<DocumentMetadata, 'citationName' | 'citationNameEn'>, locale: Locale): string {
  return locale === 'en' ? doc.citationNameEn : doc.citationName;
}

/** A text named with its number and no article: "Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15)". */
export function lawName(doc: Pick<DocumentMetadata, 'id' | 'citationName' | 'citationNameEn'>, locale: Locale): string {
  return `${documentName(doc, locale)} (${doc.id})`;
}
