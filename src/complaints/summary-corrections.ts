import type { RequiredField } from './complaint-draft.ts';
import { wishChange, type Resolution } from './extract-resolution.ts';
import { foldAligned, type FoldedText } from './folded-text.ts';

/**
 * Corrections typed at the summary, in the summary's own terms: "bên bán là X", "sai số điện
 * thoại, đúng là 0912…", "sản phẩm là ghế massage K9 chứ không phải showroom", "bỏ yêu cầu sửa
 * chữa". A label names the field, so its value is read as the answer to that field's question
 * (whatever it looks like), and a removal takes a remedy off the list.
 */
export type SummaryCorrection =
  | { readonly kind: 'set'; readonly field: RequiredField | 'businessAddress'; readonly value: string }
  | { readonly kind: 'remove'; readonly resolutions: readonly Resolution[] };

/** Folded labels, longest first within each field, as the summary and people name the fields. */
const labels: ReadonlyArray<readonly [RequiredField | 'businessAddress', readonly string[]]> = [
  ['businessAddress', ['dia chi ben ban', 'dia chi shop', 'dia chi cua hang', 'dia chi cong ty', 'dia chi doanh nghiep', 'seller address', 'shop address']],
  ['businessName', ['ten ben ban', 'ten shop', 'ten cua hang', 'ten cong ty', 'ben ban', 'nguoi ban', 'cua hang', 'cong ty', 'doanh nghiep', 'shop', 'seller', 'store', 'business']],
  ['product', ['san pham dich vu', 'san pham', 'mon hang', 'dich vu', 'mat hang', 'product', 'item', 'service']],
  ['amountVnd', ['so tien', 'gia tien', 'gia', 'tien', 'amount', 'price']],
  ['purchaseDate', ['ngay mua', 'ngay', 'purchase date', 'date']],
  ['contact', ['so dien thoai', 'dien thoai', 'so dt', 'sdt', 'sđt', 'phone number', 'phone', 'email', 'e mail', 'mail']],
  ['consumerName', ['ho va ten', 'ho ten', 'ten toi', 'ten minh', 'ten em', 'ten', 'name']],
  ['province', ['tinh thanh pho', 'tinh thanh', 'thanh pho', 'tinh', 'province', 'city']],
  ['purchaseChannel', ['cach mua', 'hinh thuc mua', 'kenh mua', 'channel']],
  ['desiredResolution', ['yeu cau', 'mong muon', 'request', 'remedy']],
];
const labelPattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(${labels
    .flatMap(([, l]) => l)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);
const fieldOf = new Map(labels.flatMap(([field, list]) => list.map((l) => [l, field] as const)));
/** Between the label and the value: "là", ":", "đúng là", "phải là", "sửa thành", "is". */
const connector = /^[\s,]*(?:(?:dung|phai|sua|doi|chinh)\s+)?(?:(?:la|thanh|is|should be|to)(?![\p{L}])|:|=|->|→)\s*/u;
/** What follows the value: "… chứ không phải showroom", "…, not the showroom". */
const valueEnd = /\s*(?:,?\s*(?:chu|chu khong phai|khong phai|ko phai|k phai|not|instead of|rather than)\b.*)$/;
const nameFields = new Set<RequiredField | 'businessAddress'>(['businessName', 'consumerName']);

export function summaryCorrection(text: string): SummaryCorrection | null {
  const ft = foldAligned(text);
  const removed = removedResolutions(ft);
  if (removed) return removed;
  for (const m of ft.folded.matchAll(labelPattern)) {
    const field = fieldOf.get(m[1]!)!;
    const after = ft.folded.slice(m.index + m[0].length);
    const link = connector.exec(after);
    // "tên" inside "tên shop" is the shop; a label without "là"/":" counts only before a value
    // that starts right away ("sđt 0912…", "số tiền 1tr5").
    const start = m.index + m[0].length + (link ? link[0].length : after.length - after.trimStart().length);
    if (!link && !/^\s*[\p{L}\p{N}+]/u.test(after)) continue;
    // Without "là" or ":", a name must look like one: "cửa hàng Mây Store", not "công ty nhận lại hàng".
    if (!link && nameFields.has(field) && !/^\s*[\p{Lu}\d"“]/u.test(ft.original.slice(start))) continue;
    const foldedRest = ft.folded.slice(start);
    const end = valueEnd.exec(foldedRest);
    const value = ft.original
      .slice(start, start + (end ? end.index : foldedRest.length))
      .trim()
      .replace(/^["'“”‘’«]+|["'“”‘’».!]+$/g, '')
      .trim();
    if (value !== '') return { kind: 'set', field, value };
  }
  return null;
}

/** "bỏ yêu cầu sửa chữa", "không cần xin lỗi nữa", "remove the apology". */
function removedResolutions(ft: FoldedText): SummaryCorrection | null {
  const change = wishChange(ft);
  return change && change.removed.length > 0 ? { kind: 'remove', resolutions: change.removed } : null;
}
