import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeFormatError } from '../../src/knowledge/knowledge-errors.ts';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-loader.ts';
import { knowledgeDir, loadRealKnowledgeBase } from '../support/knowledge.ts';

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A law header (17 lines, the last "---"); `fields` replace its values. */
function header(fields: Record<string, string>): string {
  const values: Record<string, string> = {
    id: '1/2030/QH16',
    title: 'Luật thử',
    citationName: 'Luật thử 2030',
    citationNameEn: 'Test Law 2030',
    kind: 'law',
    number: '1/2030/QH16',
    issuer: 'Quốc hội',
    issuedDate: '2029-11-01',
    effectiveFrom: '2030-01-01',
    effectiveTo: '',
    status: 'in_force',
    replaces: '',
    replacedBy: '',
    source: 'test',
    provenance: 'test',
    ...fields,
  };
  return `---\n${Object.entries(values).map(([k, v]) => `${k}: ${v}`.trimEnd()).join('\n')}\n---\n`;
}

async function copyOfKnowledge(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-'));
  temps.push(dir);
  await cp(path.join(knowledgeDir, 'documents'), path.join(dir, 'documents'), { recursive: true });
  return dir;
}

describe('loadKnowledgeBase', () => {
  it('holds the laws, the decrees, the decision and both plans with their metadata', async () => {
    const kb = await loadRealKnowledgeBase();
    expect(kb.documents.map((d) => d.metadata.id).sort()).toEqual(['07/2024/QĐ-TTg', '19/2023/QH15', '55/2024/NĐ-CP', '59/2010/QH12', '91/2015/QH13', '99/2011/NĐ-CP', 'KH-BD-CT30', 'KH-KH-2017-2020']);
    const law = kb.document('19/2023/QH15')!.metadata;
    expect(law).toMatchObject({ kind: 'law', status: 'in_force', effectiveFrom: '2024-07-01', effectiveTo: null, replaces: ['59/2010/QH12'], issuer: 'Quốc hội', articles: null });
    expect(kb.document('55/2024/NĐ-CP')!.metadata).toMatchObject({ kind: 'decree', replaces: ['99/2011/NĐ-CP'], implements: '19/2023/QH15' });
    expect(kb.document('99/2011/NĐ-CP')!.metadata).toMatchObject({ kind: 'decree', status: 'repealed', effectiveFrom: '2011-12-15', effectiveTo: '2024-06-30', replacedBy: ['55/2024/NĐ-CP'], implements: '59/2010/QH12' });
    expect(kb.document('91/2015/QH13')!.metadata).toMatchObject({ kind: 'law', citationName: 'Bộ luật Dân sự 2015', citationNameEn: 'Civil Code 2015', effectiveFrom: '2017-01-01', effectiveTo: null });
    expect(kb.document('KH-BD-CT30')!.metadata).toMatchObject({ kind: 'plan', province: 'Bình Dương' });
  });

  it('holds the repealed 2010 law with its text, so its articles resolve', async () => {
    const kb = await loadRealKnowledgeBase();
    const old = kb.document('59/2010/QH12')!;
    expect(old.metadata).toMatchObject({ status: 'repealed', effectiveFrom: '2011-07-01', effectiveTo: '2024-06-30', replacedBy: ['19/2023/QH15'] });
    expect(old.articles).toHaveLength(51);
    expect(kb.passages.some((p) => p.docId === '59/2010/QH12')).toBe(true);
    expect(kb.resolves({ doc: '59/2010/QH12', article: 8 })).toBe(true);
    expect(kb.resolves({ doc: '59/2010/QH12', article: 52 })).toBe(false);
  });

  it('looks documents up by id without diacritics, case or punctuation, as the evaluation does', async () => {
    const kb = await loadRealKnowledgeBase();
    expect(kb.document('55/2024/nd-cp')?.metadata.id).toBe('55/2024/NĐ-CP');
    expect(kb.passage('19/2023/QH15#31.2')?.clause).toBe(2);
    expect(kb.resolves({ doc: '19/2023/QH15', article: 31, clause: 2 })).toBe(true);
    expect(kb.resolves({ doc: '19/2023/QH15', article: 31, clause: 9 })).toBe(false);
    expect(kb.resolves({ doc: '19/2023/QH15', article: 81 })).toBe(false);
    expect(kb.resolves({ doc: 'KH-KH-2017-2020', section: 'II.5' })).toBe(true);
    expect(kb.resolves({ doc: 'KH-KH-2017-2020', section: 'IV.3' })).toBe(false);
  });

  it('adds a document dropped into the folder', async () => {
    const dir = await copyOfKnowledge();
    await writeFile(path.join(dir, 'documents', 'zz-new.txt'), `${header({ id: '1/2030/QH16', effectiveFrom: '2030-07-01' })}Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định thử.\n`);
    const kb = await loadKnowledgeBase(dir);
    expect(kb.article('1/2030/QH16', 1)?.title).toBe('Phạm vi điều chỉnh');
    expect(kb.passages.some((p) => p.docId === '1/2030/QH16')).toBe(true);
  });

  it.each([
    ['a header without text', '', /zz-new\.txt:18: no text after the header$/],
    ['the removed "hasText" key', 'hasText: false\n---\n', /zz-new\.txt:17: unknown key\(s\) hasText/],
  ])('refuses %s', async (_, extra, message) => {
    const dir = await copyOfKnowledge();
    const text = extra.startsWith('hasText') ? header({}).replace(/---\n$/, extra) : header({});
    await writeFile(path.join(dir, 'documents', 'zz-new.txt'), text);
    await expect(loadKnowledgeBase(dir)).rejects.toThrow(message);
  });

  it('refuses headers whose dates and successions contradict each other, naming the file and key line', async () => {
    const dir = await copyOfKnowledge();
    // Says it replaces the 2023 law, whose header names no successor.
    await writeFile(path.join(dir, 'documents', 'zz-new.txt'), `${header({ replaces: '19/2023/QH15' })}Điều 1. Một\nNội dung.\n`);
    await expect(loadKnowledgeBase(dir)).rejects.toThrow(/zz-new\.txt:13: says it replaces 19\/2023\/QH15, whose "replacedBy" does not name 1\/2030\/QH16/);
    await writeFile(path.join(dir, 'documents', 'zz-new.txt'), `${header({ effectiveTo: '2029-12-31' })}Điều 1. Một\nNội dung.\n`);
    await expect(loadKnowledgeBase(dir)).rejects.toThrow(/zz-new\.txt:11: "effectiveTo" 2029-12-31 is before "effectiveFrom" 2030-01-01/);
    await writeFile(path.join(dir, 'documents', 'zz-new.txt'), `${header({ replacedBy: '2/2031/QH16' })}Điều 1. Một\nNội dung.\n`);
    await expect(loadKnowledgeBase(dir)).rejects.toThrow(/zz-new\.txt:11: replaced by 2\/2031\/QH16 but has no "effectiveTo"/);
  });

  it('checks an excerpt against the articles its header declares', async () => {
    const dir = await copyOfKnowledge();
    const file = path.join(dir, 'documents', 'blds-91-2015-qh13.txt');
    const civil = await readFile(file, 'utf8');
    const articlesLine = civil.split('\n').findIndex((l) => l.startsWith('articles:')) + 1;
    // Điều 608 declared but cut from the text: the declaration's line is named.
    await writeFile(file, civil.slice(0, civil.indexOf('\nĐiều 608.')));
    await expect(loadKnowledgeBase(dir)).rejects.toThrow(new RegExp(`blds-91-2015-qh13\\.txt:${articlesLine}: "Điều 608\\." is declared \\(articles: 430-454, 608\\) but not in the text`));
    // The text holds an article the header does not declare: its own line is named.
    await writeFile(file, civil.replace('articles: 430-454, 608', 'articles: 430-454'));
    const line608 = civil.split('\n').findIndex((l) => l.startsWith('Điều 608.')) + 1;
    await expect(loadKnowledgeBase(dir)).rejects.toThrow(new RegExp(`blds-91-2015-qh13\\.txt:${line608}: "Điều 608\\." is not among the articles the header declares \\(articles: 430-454\\)`));
    // Without a declaration, an excerpt is a damaged text.
    await writeFile(file, civil.replace('articles: 430-454, 608\n', ''));
    await expect(loadKnowledgeBase(dir)).rejects.toThrow(/blds-91-2015-qh13\.txt:\d+: expected "Điều 1\." but found "Điều 430\."/);
  });

  it('stops on a malformed file with its name and line', async () => {
    const dir = await copyOfKnowledge();
    await writeFile(path.join(dir, 'documents', 'zz-bad.txt'), '---\nid: X/2025\ntitle: T\nkind: statute\n---\nĐiều 1. A\nb\n');
    const error = await loadKnowledgeBase(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeFormatError);
    expect((error as KnowledgeFormatError).file).toMatch(/zz-bad\.txt$/);
    expect((error as Error).message).toMatch(/zz-bad\.txt:\d+: "/);
  });

  it('refuses two files claiming the same document id', async () => {
    const dir = await copyOfKnowledge();
    const law = await readFile(path.join(dir, 'documents', 'qd-07-2024-qd-ttg.txt'), 'utf8');
    await writeFile(path.join(dir, 'documents', 'zz-copy.txt'), law);
    await expect(loadKnowledgeBase(dir)).rejects.toThrow(/document id 07\/2024\/QĐ-TTg is also used by/);
  });

  it('changes its fingerprint when a document changes', async () => {
    const dir = await copyOfKnowledge();
    const before = (await loadKnowledgeBase(dir)).fingerprint;
    const file = path.join(dir, 'documents', 'qd-07-2024-qd-ttg.txt');
    await writeFile(file, `${await readFile(file, 'utf8')}\n`);
    expect((await loadKnowledgeBase(dir)).fingerprint).not.toBe(before);
  });
});
