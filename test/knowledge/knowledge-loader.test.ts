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

async function copyOfKnowledge(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-'));
  temps.push(dir);
  await cp(path.join(knowledgeDir, 'documents'), path.join(dir, 'documents'), { recursive: true });
  return dir;
}

describe('loadKnowledgeBase', () => {
  it('holds the laws, the decree, the decision and both plans with their metadata', async () => {
    const kb = await loadRealKnowledgeBase();
    expect(kb.documents.map((d) => d.metadata.id).sort()).toEqual(['07/2024/QĐ-TTg', '19/2023/QH15', '55/2024/NĐ-CP', '59/2010/QH12', 'KH-BD-CT30', 'KH-KH-2017-2020']);
    const law = kb.document('19/2023/QH15')!.metadata;
    expect(law).toMatchObject({ kind: 'law', status: 'in_force', effectiveFrom: '2024-07-01', effectiveTo: null, replaces: ['59/2010/QH12'], issuer: 'Quốc hội' });
    expect(kb.document('55/2024/NĐ-CP')!.metadata.kind).toBe('decree');
    expect(kb.document('KH-BD-CT30')!.metadata).toMatchObject({ kind: 'plan', province: 'Bình Dương' });
  });

  it('knows the repealed 2010 law as a metadata-only record', async () => {
    const kb = await loadRealKnowledgeBase();
    const old = kb.document('59/2010/QH12')!;
    expect(old.metadata).toMatchObject({ status: 'repealed', effectiveTo: '2024-06-30', replacedBy: ['19/2023/QH15'], hasText: false });
    expect(old.articles).toHaveLength(0);
    expect(kb.passages.some((p) => p.docId === '59/2010/QH12')).toBe(false);
    expect(kb.resolves({ doc: '59/2010/QH12', article: 8 })).toBe(false);
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

  it('adds a document dropped into the folder, and accepts the 2010 law text when it arrives', async () => {
    const dir = await copyOfKnowledge();
    const oldFile = path.join(dir, 'documents', 'luat-59-2010-qh12.txt');
    const header = (await readFile(oldFile, 'utf8')).replace('hasText: false\n', '');
    await writeFile(oldFile, `${header}Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định về quyền và nghĩa vụ của người tiêu dùng.\n`);
    const kb = await loadKnowledgeBase(dir);
    expect(kb.article('59/2010/QH12', 1)?.title).toBe('Phạm vi điều chỉnh');
    expect(kb.passages.some((p) => p.docId === '59/2010/QH12')).toBe(true);
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
