import { html } from 'hono/html';
import { z } from 'zod';
import type { Translator } from '../../src/i18n/translator.ts';
import type { AuditEntry } from '../../src/shared/audit-log.ts';
import { maskContactsInText } from '../../src/staff/contact-masking.ts';
import { formatIsoDay, formatNumber } from '../../src/staff/vietnamese-format.ts';
import type { Html } from './view.ts';

/**
 * An audit entry's detail as a sentence a person reads ("Từ “Đang thương lượng” sang “Đã giải quyết
 * (bồi hoàn tiền)”. Ghi chú: …"), not its stored keys and codes. Each action that records a detail
 * has its sentence; a detail no sentence knows (an older or a new action) is still shown, its keys
 * named in Vietnamese where the console knows them.
 */
export function auditDetail(entry: AuditEntry, t: Translator): Html | string {
  const d = entry.detail;
  const s = (key: string, params?: Record<string, string | number>) => t.t(`staff.audit.sentence.${key}`, params);
  const quote = (text: string) => `“${text}”`;
  const status = (code: unknown) => (typeof code === 'string' && t.has(`staff.status.${code}`) ? quote(t.t(`staff.status.${code}`)) : s('unknownStatus'));
  // The audit page is a list: a note ("Đã gọi chị Lan 0912…") shows its contacts masked, like every list.
  const note = (text: unknown) => (typeof text === 'string' && text !== '' ? ` ${s('note', { note: maskContactsInText(text) })}` : '');
  const chat = typeof d.handoffId === 'string' && /^[a-z0-9]{10,40}$/.test(d.handoffId) ? html` <a href="/staff/inbox/${d.handoffId}">${s('openChat')}</a>` : '';
  switch (entry.action) {
    case 'complaint.status':
    case 'complaint.forward':
      return `${s('status', { from: d.from === null || d.from === undefined ? s('unknownStatus') : status(d.from), to: status(d.to) })}${note(d.note)}`;
    case 'complaint.evidence':
      return s(d.served === false ? 'evidenceMissing' : d.download === true ? 'evidenceDownload' : 'evidenceView', { number: typeof d.index === 'number' ? d.index + 1 : '?' });
    case 'complaint.notify':
      return s('notify', { status: status(d.status), length: number(d.length) });
    case 'export.complaints':
      return s('exportComplaints', { count: number(d.count), kind: s(d.format === 'codes' ? 'exportCodes' : d.format === 'xlsx' ? 'exportXlsx' : 'exportLabels'), filters: filters(d.filters, t) });
    case 'export.yearly':
      return s('exportYearly', { year: String(d.year ?? ''), format: t.has(`staff.audit.sentence.format.${String(d.format)}`) ? t.t(`staff.audit.sentence.format.${String(d.format)}`) : String(d.format ?? '') });
    case 'handoff.reply':
      return html`${s('reply', { length: number(d.length) })}${chat}`;
    case 'handoff.close':
    case 'handoff.withdraw':
    case 'handoff.view':
      return chat;
    case 'handoff.assign':
      return typeof d.from === 'string' ? html`${s('assign', { from: d.from })}${chat}` : chat;
    case 'handoff.release':
      return typeof d.from === 'string' ? html`${s('release', { from: d.from })}${chat}` : chat;
    case 'handoff.note':
      return html`${s('noteAdded', { length: number(d.length) })}${chat}`;
    case 'canned.save':
    case 'canned.delete':
      return s('canned', { title: quote(String(d.title ?? '')) });
    case 'holiday.save':
      return s('holidaySave', { name: quote(String(d.name ?? '')), kind: t.t(d.isWorkingDay === true ? 'staff.holidays.workingDay' : 'staff.holidays.dayOff').toLowerCase() });
    case 'holiday.delete':
      return s('holidayDelete', { name: quote(String(d.name ?? '')) });
    case 'directory.save':
      return s(typeof d.validTo === 'string' ? 'directorySaveUntil' : 'directorySave', {
        category: quote(typeof d.category === 'string' && t.has(`staff.routing.${d.category}`) ? t.t(`staff.routing.${d.category}`) : String(d.category ?? '')),
        agency: String(d.agency ?? '').replaceAll('{province}', t.t('staff.directory.province')),
        from: day(d.validFrom),
        to: day(d.validTo),
      });
    case 'staff.create':
      return s('staffCreate', { role: typeof d.role === 'string' && t.has(`staff.role.${d.role}`) ? t.t(`staff.role.${d.role}`) : String(d.role ?? '') });
    case 'complaint.search':
      return s('search', { q: quote(String(d.q ?? '')) });
    case 'warning.create':
    case 'warning.publish':
      return s(entry.action === 'warning.create' ? 'warningCreate' : 'warningPublish', { kind: warningKind(d.kind, t), title: quote(String(d.title ?? '')) });
    case 'warning.edit':
      return s('warningEdit', { title: quote(String(d.title ?? '')), fields: Array.isArray(d.changed) ? d.changed.map((f) => (t.has(`staff.warnings.field.${String(f)}`) ? t.t(`staff.warnings.field.${String(f)}`).toLowerCase() : String(f))).join(', ') : '' });
    case 'warning.withdraw':
      return s('warningWithdraw', { title: quote(String(d.title ?? '')), reason: String(d.reason ?? '') });
    case 'staff.permission.grant':
    case 'staff.permission.revoke':
      return t.has(`staff.audit.sentence.permission.${String(d.permission)}`) ? s(`permission.${String(d.permission)}`) : String(d.permission ?? '');
    case 'privacy.erase':
      return s('erase', { messages: number(d.messages), complaints: number(d.complaints), references: Array.isArray(d.complaintReferences) && d.complaintReferences.length > 0 ? ` (${d.complaintReferences.join(', ')})` : '', assessments: number(d.assessments) });
    default:
      if (typeof d.ip === 'string' && Object.keys(d).length === 1) return s('from', { ip: d.ip });
      return generic(d, t);
  }
}

const filterSchema = z.record(z.string(), z.union([z.string(), z.number()])).catch({});

/** The list's filters of an export, as the list names them: "trạng thái “Đã tiếp nhận”, tìm “nồi”". */
function filters(value: unknown, t: Translator): string {
  const f = filterSchema.parse(value ?? {});
  const parts: string[] = [];
  if (typeof f.status === 'string') parts.push(`${t.t('staff.complaints.status').toLowerCase()} “${t.has(`staff.status.${f.status}`) ? t.t(`staff.status.${f.status}`) : f.status}”`);
  if (typeof f.category === 'string') parts.push(`${t.t('staff.complaints.category').toLowerCase()} “${f.category}”`);
  if (typeof f.province === 'string') parts.push(`${t.t('staff.complaints.province').toLowerCase()} “${f.province}”`);
  if (typeof f.q === 'string') parts.push(`${t.t('staff.complaints.search').toLowerCase()} “${maskContactsInText(f.q)}”`);
  if (f.overdue !== undefined) parts.push(t.t('staff.complaints.overdueOnly').toLowerCase());
  return parts.length === 0 ? t.t('staff.audit.sentence.noFilter') : parts.join(', ');
}

/** Keys no sentence knows: "Khóa: giá trị; …", Vietnamese names where the console has them. */
function generic(detail: Record<string, unknown>, t: Translator): string {
  return Object.entries(detail)
    .map(([key, v]) => {
      const name = t.has(`staff.audit.key.${key}`) ? t.t(`staff.audit.key.${key}`) : key;
      const value = typeof v === 'boolean' ? t.t(v ? 'staff.yes' : 'staff.no') : Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
      return `${name}: ${maskContactsInText(value)}`;
    })
    .join('; ');
}

/** "Thu hồi sản phẩm": a warning's kind as the console names it. */
function warningKind(code: unknown, t: Translator): string {
  return typeof code === 'string' && t.has(`warnings.kind.${code}`) ? t.t(`warnings.kind.${code}`) : String(code ?? '');
}

function number(value: unknown): string {
  return typeof value === 'number' ? formatNumber(value) : '0';
}

function day(value: unknown): string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatIsoDay(value) : '';
}
