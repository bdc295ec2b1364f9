import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTranslators } from '../../src/i18n/translator.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'locales-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function catalog(locale: string, entries: Record<string, string | string[]>) {
  mkdirSync(path.join(dir, locale), { recursive: true });
  writeFileSync(path.join(dir, locale, 'demo.json'), JSON.stringify(entries));
}
catalog('vi', { open: '{count} cuộc trò chuyện đang mở', only: 'Chỉ có tiếng Việt', lines: ['Dòng một', 'Dòng hai'] });
catalog('en', { open_one: '{count} open chat', open_other: '{count} open chats', lines: ['Line one', 'Line two'] });
const translators = createTranslators(dir);

describe('CatalogTranslator', () => {
  it('chooses the plural form the language needs for a numeric count', () => {
    const en = translators('en');
    expect([0, 1, 2, 21].map((count) => en.t('demo.open', { count }))).toEqual(['0 open chats', '1 open chat', '2 open chats', '21 open chats']);
    // Vietnamese has one form: the plain key serves every number.
    expect(translators('vi').t('demo.open', { count: 1 })).toBe('1 cuộc trò chuyện đang mở');
  });

  it('falls back to Vietnamese, joins arrays with newlines, and shows an unknown key as itself', () => {
    const en = translators('en');
    expect(en.t('demo.only')).toBe('Chỉ có tiếng Việt');
    expect(en.t('demo.lines')).toBe('Line one\nLine two');
    expect(en.t('demo.missing')).toBe('demo.missing');
    expect([en.has('demo.open'), en.has('demo.only'), en.has('demo.missing')]).toEqual([true, true, false]);
  });
});
