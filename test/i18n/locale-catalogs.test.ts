import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogs, locales } from '../../src/i18n/translator.ts';

// Every user-facing string lives in the locale files: a key the code uses but no catalog defines is
// shown to the user as "staff.inbox.sendd", and a key one language lacks silently falls back to
// Vietnamese for an English speaker. Both are caught here, before a user sees them.
const root = path.resolve(import.meta.dirname, '../..');
const catalogs = loadCatalogs();
const namespaces = new Set([...catalogs.vi.keys()].map((k) => k.split('.')[0]!));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

/** Plural forms are stored as key_one, key_other…: the key the code asks for is their stem. */
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const stems = (catalog: Map<string, string>) => new Set([...catalog.keys()].map((k) => k.replace(pluralSuffix, '')));

interface KeyUse {
  readonly key: string;
  readonly file: string;
  /** A template literal: only the part before the first ${ is known. */
  readonly prefix: boolean;
}

function keyUses(): KeyUse[] {
  const uses: KeyUse[] = [];
  for (const file of [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'bot'))]) {
    const text = readFileSync(file, 'utf8');
    const rel = path.relative(root, file);
    // t('ns.key'), .t("ns.key"), has('ns.key'), and labelKey/textKey-style properties.
    for (const m of text.matchAll(/(?:\bt|\bhas|[A-Za-z]+Key:)\(?\s*(['"])([a-z]+\.[A-Za-z0-9_.]+)\1/g)) {
      if (namespaces.has(m[2]!.split('.')[0]!)) uses.push({ key: m[2]!, file: rel, prefix: false });
    }
    for (const m of text.matchAll(/\bt\(\s*`([a-z]+\.[A-Za-z0-9_.]*)\$\{/g)) {
      if (namespaces.has(m[1]!.split('.')[0]!)) uses.push({ key: m[1]!, file: rel, prefix: true });
    }
  }
  return uses;
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

describe('locale catalogs', () => {
  it('define every key the code asks for', () => {
    const known = stems(catalogs.vi);
    const uses = keyUses();
    expect(uses.length).toBeGreaterThan(300);
    const missing = uses.filter((u) => (u.prefix ? ![...known].some((k) => k.startsWith(u.key)) : !known.has(u.key)));
    expect(missing.map((u) => `${u.file}: ${u.key}${u.prefix ? '…' : ''}`)).toEqual([]);
  });

  it.each(locales.filter((l) => l !== 'vi'))('are complete in %s, with the same placeholders as in Vietnamese', (locale) => {
    const other = catalogs[locale];
    const vi = stems(catalogs.vi);
    const theirs = stems(other);
    expect([...vi].filter((k) => !theirs.has(k)), 'keys missing').toEqual([]);
    expect([...theirs].filter((k) => !vi.has(k)), 'keys no Vietnamese text has').toEqual([]);
    const differing = [...catalogs.vi]
      .filter(([key]) => other.has(key))
      .filter(([key, text]) => placeholders(text).join() !== placeholders(other.get(key)!).join())
      .map(([key]) => key);
    expect(differing, 'placeholders differ').toEqual([]);
  });
});
