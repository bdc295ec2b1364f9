import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];

export type TextParams = Record<string, string | number>;

/** Looks up user-facing text by "namespace.key" and fills {placeholders}. */
export interface Translator {
  readonly locale: Locale;
  t(key: string, params?: TextParams): string;
  has(key: string): boolean;
}

const namespaceSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
type Catalog = Map<string, string>;

/**
 * Catalogs live in src/i18n/locales/<locale>/<namespace>.json, one namespace per feature, so a
 * feature owns its own wording. Arrays are joined with newlines (long messages stay readable).
 */
export function loadCatalogs(dir = defaultLocalesDir()): Record<Locale, Catalog> {
  const result = {} as Record<Locale, Catalog>;
  for (const locale of locales) {
    const catalog: Catalog = new Map();
    const localeDir = path.join(dir, locale);
    for (const file of readdirSync(localeDir).filter((f) => f.endsWith('.json')).sort()) {
      const ns = path.basename(file, '.json');
      const parsed = namespaceSchema.safeParse(JSON.parse(readFileSync(path.join(localeDir, file), 'utf8')));
      if (!parsed.success) throw new Error(`${path.join(localeDir, file)}: ${parsed.error.issues[0]?.message}`);
      for (const [key, value] of Object.entries(parsed.data)) catalog.set(`${ns}.${key}`, Array.isArray(value) ? value.join('\n') : value);
    }
    result[locale] = catalog;
  }
  return result;
}

export class CatalogTranslator implements Translator {
  constructor(
    readonly locale: Locale,
    private readonly catalogs: Record<Locale, Catalog>,
  ) {}

  t(key: string, params: TextParams = {}): string {
    const template = this.template(key, params.count);
    // A missing key is a programming error; showing the key keeps the chat usable and visible in tests.
    if (template === undefined) return key;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  }

  has(key: string): boolean {
    return this.template(key, undefined) !== undefined;
  }

  /**
   * With a numeric `count`, the plural form for this language (CLDR categories, as i18next names
   * them: key_one, key_other…) wins over the plain key; Vietnamese has one form, English two.
   */
  private template(key: string, count: string | number | undefined): string | undefined {
    for (const locale of [this.locale, 'vi'] as const) {
      const catalog = this.catalogs[locale];
      if (typeof count === 'number') {
        const plural = catalog.get(`${key}_${pluralRules(locale).select(count)}`) ?? catalog.get(`${key}_other`);
        if (plural !== undefined) return plural;
      }
      const plain = catalog.get(key);
      if (plain !== undefined) return plain;
    }
    return undefined;
  }
}

const rulesByLocale = new Map<Locale, Intl.PluralRules>();
function pluralRules(locale: Locale): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) rulesByLocale.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

export function createTranslators(dir?: string): (locale: Locale) => Translator {
  const catalogs = loadCatalogs(dir);
  const cache = new Map<Locale, Translator>();
  return (locale) => {
    let tr = cache.get(locale);
    if (!tr) cache.set(locale, (tr = new CatalogTranslator(locale, catalogs)));
    return tr;
  };
}

function defaultLocalesDir(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');
}

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}
