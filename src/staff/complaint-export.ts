import type { ComplaintRecord, LegalRef } from '../complaints/complaint-record.ts';
import { xlsxWorkbook, type SheetCell } from '../documents/xlsx-workbook.ts';
import type { Translator } from '../i18n/translator.ts';
import { wallClock } from '../shared/local-calendar.ts';
import { maskContactsInText, maskEmail, maskPhone } from './contact-masking.ts';
import { toCsv } from './csv.ts';
import { formatIsoDay } from './vietnamese-format.ts';

/**
 * Two exports of the same records. Both leave the console (to agencies, spreadsheets), so the
 * consumer's phone and e-mail, also inside the narrative, are masked unless the consumer agreed to
 * share with agencies.
 *
 * - For people: Vietnamese headers, labels instead of codes, dates in Vietnam time, "Có"/"Không";
 *   as CSV (`complaintsCsv`, separated by semicolons for Excel with Vietnamese settings) or as an
 *   Excel workbook (`complaintsXlsx`, the same cells with real dates and numbers).
 * - For programs (`complaintsCodesCsv`): the record's export format as it is stored, one line per
 *   complaint, nested parts flattened with dotted names, codes and ISO dates, comma-separated.
 */
export const exportColumns = [
  'reference', 'status', 'channel', 'createdAt',
  'consumer.name', 'consumer.phone', 'consumer.email', 'consumer.province',
  'business.name', 'business.address', 'business.platform',
  'product', 'category', 'issue', 'purchaseDate', 'amountVnd', 'purchaseChannel',
  'narrative', 'desiredResolution', 'evidence', 'legalBasis', 'applicableLaw', 'suggestedAgency',
  'consent.shareWithBusiness', 'consent.shareWithAgency', 'deadlines.acknowledgeBy', 'deadlines.negotiateBy', 'handling',
] as const;

/** What a person's export reads codes with: the console's translator and the taxonomy's and knowledge base's names. */
export interface ExportLabels {
  readonly t: Translator;
  readonly category: (code: string) => string;
  readonly issue: (code: string) => string;
  readonly citation: (ref: LegalRef) => string;
  /** The deployment's time zone (TZ_NAME), Vietnam time by default. */
  readonly timeZone: string;
}

type Cell = string | number | null;

/**
 * The consumer's contacts and words as they may leave the console. Besides the story, every cell
 * the consumer's own words filled (the seller's name and address, the product, a file name) is
 * masked by pattern, since people write their numbers wherever they type.
 */
function shared(r: ComplaintRecord) {
  const open = r.consent.shareWithAgency;
  const text = <T extends string | null>(value: T): T => (open || value === null ? value : (maskContactsInText(value) as T));
  return {
    phone: open ? r.consumer.phone : maskPhone(r.consumer.phone),
    email: open ? r.consumer.email : maskEmail(r.consumer.email),
    narrative: text(r.narrative),
    business: { name: text(r.business.name), address: text(r.business.address), platform: r.business.platform },
    product: text(r.product),
    fileName: text,
  };
}

export function exportRow(r: ComplaintRecord): Cell[] {
  const { phone, email, narrative, business, product, fileName } = shared(r);
  return [
    r.reference, r.status, r.channel, r.createdAt,
    r.consumer.name, phone, email, r.consumer.province,
    business.name, business.address, business.platform,
    product, r.category, r.issue, r.purchaseDate, r.amountVnd, r.purchaseChannel,
    narrative,
    r.desiredResolution.join('; '),
    r.evidence.map((e) => `${e.kind}:${e.fileId ?? fileName(e.fileName) ?? ''}`).join('; '),
    r.legalBasis.map((b) => `${b.doc} Điều ${b.article}${b.clause ? ` khoản ${b.clause}` : ''}`).join('; '),
    r.applicableLaw, r.suggestedAgency,
    String(r.consent.shareWithBusiness), String(r.consent.shareWithAgency), r.deadlines.acknowledgeBy, r.deadlines.negotiateBy, r.handling,
  ];
}

/**
 * The same columns in the same order, for a person: every code as its label; dates as Vietnam
 * wall-clock values, which the CSV writes as text and the workbook as Excel dates.
 */
export function labelledCells(r: ComplaintRecord, labels: ExportLabels): SheetCell[] {
  const { t } = labels;
  const { phone, email, narrative, business, product, fileName } = shared(r);
  const yesNo = (v: boolean) => t.t(v ? 'staff.export.yes' : 'staff.export.no');
  const day = (iso: string | null): SheetCell => (iso ? { localDate: iso } : null);
  return [
    r.reference, t.t(`staff.status.${r.status}`), t.t(`staff.channel.${r.channel}`), { localDateTime: localDateTime(new Date(r.createdAt), labels.timeZone) },
    r.consumer.name, phone, email, r.consumer.province,
    business.name, business.address, business.platform,
    product, labels.category(r.category), labels.issue(r.issue), day(r.purchaseDate), r.amountVnd, r.purchaseChannel ? t.t(`staff.purchaseChannel.${r.purchaseChannel}`) : null,
    narrative,
    r.desiredResolution.map((d) => t.t(`staff.resolution.${d}`)).join(', '),
    r.evidence.map((e) => `${t.t(`core.attachment.${e.kind}`)} (${fileName(e.fileName) ?? e.fileId ?? ''}, ${asText({ localDateTime: localDateTime(new Date(e.receivedAt), labels.timeZone) })})`).join('; '),
    r.legalBasis.map(labels.citation).join('; '),
    r.applicableLaw, r.suggestedAgency,
    yesNo(r.consent.shareWithBusiness), yesNo(r.consent.shareWithAgency), day(r.deadlines.acknowledgeBy), day(r.deadlines.negotiateBy), t.t(`staff.export.handling.${r.handling}`),
  ];
}

function peopleHeader(labels: ExportLabels): string[] {
  return exportColumns.map((c) => labels.t.t(`staff.export.column.${c}`));
}

export function complaintsCsv(records: readonly ComplaintRecord[], labels: ExportLabels): string {
  return toCsv(peopleHeader(labels), records.map((r) => labelledCells(r, labels).map(asText)), ';');
}

/** The CSV for people as an Excel workbook: one sheet, the header frozen, columns sized to their contents. */
export function complaintsXlsx(records: readonly ComplaintRecord[], labels: ExportLabels): Uint8Array {
  return xlsxWorkbook({
    name: labels.t.t('staff.export.sheetName'),
    columns: peopleHeader(labels).map((header) => ({ header })),
    rows: records.map((r) => labelledCells(r, labels)),
  });
}

export function complaintsCodesCsv(records: readonly ComplaintRecord[]): string {
  return toCsv(exportColumns, records.map(exportRow));
}

/** The wall clock in the given zone, "2026-11-20T09:15". */
function localDateTime(at: Date, timeZone: string): string {
  const p = wallClock(at, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A cell as CSV text: "20/11/2026 09:15" and "02/10/2026", what a spreadsheet reads as a date with Vietnamese settings. */
function asText(cell: SheetCell): string | number | null {
  if (cell === null || typeof cell !== 'object') return cell;
  if ('localDate' in cell) return formatIsoDay(cell.localDate);
  const [date, time] = cell.localDateTime.split('T') as [string, string];
  return `${formatIsoDay(date)} ${time}`;
}
