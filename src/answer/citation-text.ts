import type { Locale } from '../i18n/translator.ts';
import type { DocumentMetadata } from '../knowledge/document-metadata.ts';

export interface CitedProvision {
  readonly doc: string;
  readonly article: number;
  readonly clause?: number | undefined;
  readonly point?: string | undefined;
}

/**
 * A citation as each language writes it: "điểm đ khoản 1 Điều 30 Luật Bảo vệ quyền lợi người tiêu
 * dùng 2023 (19/2023/QH15)" and "Article 30(1)(đ), Law 19/2023/QH15". One function for the chat
 * and the reports, so a reader sees the same reference everywhere.
 */
export function citationText(c: CitedProvision, doc: DocumentMetadata, locale: Locale): string {
  if (locale === 'en') {
    const parts = `${c.clause === undefined ? '' : `(${c.clause})`}${c.point === undefined || c.clause === undefined ? '' : `(${c.point})`}`;
    return `Article ${c.article}${parts}, ${englishKind(doc)} ${doc.id}`;
  }
  const point = c.point !== undefined && c.clause !== undefined ? `điểm ${c.point} ` : '';
  const clause = c.clause === undefined ? '' : `khoản ${c.clause} `;
  return `${point}${clause}Điều ${c.article} ${doc.citationName} (${doc.id})`;
}

function englishKind(doc: DocumentMetadata): string {
  // The Civil Code is a law by kind but nobody calls it "Law 91/2015/QH13".
  if (/\bcode\b/i.test(doc.citationNameEn)) return 'Civil Code';
  return { law: 'Law', decree: 'Decree', decision: 'Decision', plan: 'Plan' }[doc.kind];
}
