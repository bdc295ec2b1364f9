import { z } from 'zod';
import { warningContentSchema, warningKinds, type WarningContent } from '../../src/warnings/warning.ts';

/** One name per line or comma: how staff paste lists of products and shops from a notice. */
function list(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/[\n,;]+/).map((s) => s.trim()).filter((s) => s !== '') : [];
}

const text = (max: number) => z.string().max(max).default('');
const formSchema = z.object({
  kind: z.enum(warningKinds),
  title: text(400),
  text: text(6000),
  products: text(4000),
  brands: text(4000),
  shops: text(4000),
  sourceName: text(400),
  sourceReference: text(200),
  sourceUrl: text(1000),
  validFrom: text(20),
  validTo: text(20),
  enTitle: text(400),
  enText: text(6000),
  version: z.coerce.number().int().min(0).default(0),
});

export type WarningForm =
  | { readonly ok: true; readonly content: WarningContent; readonly version: number }
  /** The fields to correct, named as the form names them (title, source, validTo…). */
  | { readonly ok: false; readonly fields: readonly string[] };

/**
 * The console's warning form as content, validated by the domain's own schema. Provinces come as
 * checkboxes `province_<n>` (one field each: the CSRF check has already read the body as single
 * values). An English translation counts only when both its title and text are filled in.
 */
export function parseWarningForm(body: Record<string, unknown>, provinces: readonly string[]): WarningForm {
  const form = formSchema.safeParse(body);
  if (!form.success) return { ok: false, fields: [...new Set(form.error.issues.map((i) => String(i.path[0])))] };
  const f = form.data;
  const chosen = provinces.filter((_, i) => body[`province_${i}`] === 'on');
  const en = f.enTitle.trim() !== '' && f.enText.trim() !== '' ? { en: { title: f.enTitle, text: f.enText } } : {};
  const content = warningContentSchema.safeParse({
    kind: f.kind,
    title: f.title,
    text: f.text,
    products: list(f.products),
    brands: list(f.brands),
    shops: list(f.shops),
    provinces: chosen,
    source: { name: f.sourceName, reference: f.sourceReference.trim(), url: f.sourceUrl.trim() },
    validFrom: f.validFrom,
    validTo: f.validTo.trim() === '' ? null : f.validTo,
    translations: en,
  });
  if (content.success) return { ok: true, content: content.data, version: f.version };
  // "source.reference" and "translations.en.title" are one field each on the form.
  return { ok: false, fields: [...new Set(content.error.issues.map((i) => (i.path[0] === 'translations' ? 'translation' : String(i.path[0]))))] };
}
