import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { quoteOf } from '../../src/assessment/basis-text.ts';
import { assertBasesResolve, basisResolves, CriteriaError, currentCriteriaFile, loadCriteria, unresolvedBases } from '../../src/assessment/criteria-loader.ts';
import { applicableItems } from '../../src/assessment/applicability.ts';
import { estimatedMinutes } from '../../src/assessment/assessment-flow.ts';
import { type BusinessProfile, withInferences } from '../../src/assessment/business-profile.ts';
import { basisKey, type Basis, type Criteria, criteriaSchema } from '../../src/assessment/criteria-schema.ts';
import { questionsOf } from '../../src/assessment/item-questions.ts';
import { loadCatalogs } from '../../src/i18n/translator.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { knowledgeDir, loadRealKnowledgeBase } from '../support/knowledge.ts';

let kb: KnowledgeBase;
let criteria: Criteria;

beforeAll(async () => {
  kb = await loadRealKnowledgeBase();
  criteria = await loadCriteria(path.join(knowledgeDir, currentCriteriaFile));
});

/** The passage(s) of the knowledge base a basis stands for; empty when it points nowhere. */
function passagesOf(b: Basis): string[] {
  const doc = kb.document(b.doc);
  if (!doc) return [];
  const id = doc.metadata.id;
  if ('section' in b) return kb.passages.filter((p) => p.docId === id && (p.section === b.section || p.section?.startsWith(`${b.section}.`))).map((p) => p.id);
  if (b.clause === undefined) return kb.passages.filter((p) => p.docId === id && p.article === b.article).map((p) => p.id);
  const passage = kb.passage(`${id}#${b.article}.${b.clause}`);
  if (!passage) return [];
  if (b.point !== undefined && !kb.article(b.doc, b.article)!.clauses.find((c) => c.number === b.clause)!.points.some((p) => p.letter === b.point)) return [];
  return [passage.id];
}

describe('the self-assessment criteria file', () => {
  it('is valid, versioned and of a size a business finishes in ten minutes for its own profile', () => {
    expect(criteria.version).toBe(3);
    expect(criteria.items.length).toBeGreaterThanOrEqual(25);
    expect(criteria.items.length).toBeLessThanOrEqual(45);
    for (const area of criteria.areas) expect(criteria.items.some((i) => i.area === area.id), area.id).toBe(true);
    expect(criteria.items.filter((i) => i.kind === 'practice').length).toBeGreaterThanOrEqual(4);
  });

  it('has every basis resolve to a passage of the knowledge base', () => {
    const nowhere = criteria.items.flatMap((item) => item.basis.filter((b) => passagesOf(b).length === 0 || !basisResolves(b, kb)).map((b) => `${item.id}: ${basisKey(b)}`));
    expect(nowhere).toEqual([]);
    expect(unresolvedBases(criteria, kb)).toEqual([]);
    // "Why does this matter?" quotes the cited words, so each basis must have words to quote.
    for (const item of criteria.items) for (const b of item.basis) expect(quoteOf(b, kb), `${item.id}: ${basisKey(b)}`).toBeTruthy();
  });

  it('fails when a citation points nowhere: a missing clause, point, section or document', () => {
    const broken: Criteria = {
      ...criteria,
      items: [
        { ...criteria.items[0]!, basis: [{ doc: '19/2023/QH15', article: 31, clause: 9 }] },
        { ...criteria.items[1]!, basis: [{ doc: '19/2023/QH15', article: 30, clause: 2, point: 'z' }] },
        { ...criteria.items[2]!, basis: [{ doc: 'KH-BD-CT30', section: 'IV.99' }] },
        // The penalty decree is not in the corpus (the 2010 law, once text-less, now is).
        { ...criteria.items[3]!, basis: [{ doc: '98/2020/NĐ-CP', article: 18 }] },
      ],
    };
    expect(unresolvedBases(broken, kb)).toEqual([
      `${criteria.items[0]!.id}: 19/2023/QH15#31.9`,
      `${criteria.items[1]!.id}: 19/2023/QH15#30.2.z`,
      `${criteria.items[2]!.id}: KH-BD-CT30#IV.99`,
      `${criteria.items[3]!.id}: 98/2020/NĐ-CP#18`,
    ]);
    expect(() => assertBasesResolve(broken, kb)).toThrow(CriteriaError);
  });

  it('covers the duties the programme and the law ask of businesses', () => {
    const cited = new Set(criteria.items.flatMap((i) => i.basis.map((b) => ('section' in b ? `${b.doc}#${b.section}` : `${b.doc}#${b.article}`))));
    const law = [8, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 37, 38, 39, 41, 42, 43, 44, 45, 46, 47];
    const decree = [6, 7, 12, 13, 17, 18, 19, 20, 22, 23, 25, 26];
    const expected = [
      ...law.map((a) => `19/2023/QH15#${a}`),
      ...decree.map((a) => `55/2024/NĐ-CP#${a}`),
      '07/2024/QĐ-TTg#1',
      'KH-BD-CT30#II.5',
      'KH-BD-CT30#IV.18',
      ...['a', 'b', 'c', 'd'].map((p) => `KH-KH-2017-2020#II.6.${p}`),
    ];
    expect(expected.filter((e) => !cited.has(e))).toEqual([]);
  });

  it('asks one condition per question: an item of several is asked in parts, each citing its own clauses', () => {
    const split = criteria.items.filter((i) => i.parts);
    expect(split.map((i) => i.id)).toEqual([
      'info-fair-marketing', 'contract-publish', 'contract-register', 'warranty-service', 'cp-complaint-unit', 'data-consent', 'data-security',
      'safety-recall', 'safety-defect-monitoring', 'platform-operator', 'platform-large', 'continuous-exit', 'door-conduct', 'door-cooling-off',
      'mlm-transparency', 'mlm-participants', 'away-aftersale', 'vulnerable-priority', 'vulnerable-policy',
    ]);
    for (const item of split) {
      // Scored together as the data says: met only when every part is.
      expect(item.metWhen, item.id).toBe('allParts');
      expect(item.question, item.id).toBeUndefined();
      for (const part of item.parts!) {
        // A list of conditions joined by ";" was how the bundled questions read.
        expect(part.question.vi, `${item.id}.${part.id}`).not.toContain(';');
        expect(part.question.en, `${item.id}.${part.id}`).not.toContain(';');
        for (const b of part.basis) expect(quoteOf(b, kb), `${item.id}.${part.id}: ${basisKey(b)}`).toBeTruthy();
      }
    }
  });

  it('keeps the interview short enough: questions and minutes for three kinds of business', () => {
    const none = { continuous: false, mlm: false, doorToDoor: false, awayFromPremises: false } as const;
    const profiles: Record<string, BusinessProfile> = {
      individual: { sector: 'goods_retail', size: 'individual', online: false, premises: false, ...none, standardContracts: false, warranty: false, customerData: false },
      smallShop: { sector: 'goods_retail', size: 'micro', online: true, platform: 'no', premises: false, ...none, standardContracts: false, warranty: false, customerData: true },
      largeOnline: { sector: 'electronics', size: 'medium_large', online: true, platform: 'large', premises: true, ...none, standardContracts: true, registration: 'yes', warranty: true, customerData: true },
    };
    const counts = Object.fromEntries(
      Object.entries(profiles).map(([name, profile]) => {
        const items = applicableItems(criteria, withInferences(profile));
        const questions = questionsOf(items).length;
        return [name, [items.length, questions, estimatedMinutes(questions)]];
      }),
    );
    // [items, questions, minutes]; criteria v2 asked one question an item: 4, 23 and 33 (2, 8 and 11 minutes).
    expect(counts).toEqual({ individual: [4, 4, 2], smallShop: [23, 39, 13], largeOnline: [33, 62, 21] });
  });

  it('rejects a split that loses or invents a citation, or leaves out its scoring rule', () => {
    const item = criteria.items.find((i) => i.id === 'safety-recall')!;
    const parse = (changed: object) => criteriaSchema.safeParse({ ...criteria, items: [{ ...item, ...changed }] });
    expect(parse({}).success).toBe(true);
    const [first, ...others] = item.parts!;
    const messages = (changed: object) => {
      const result = parse(changed);
      return result.success ? [] : result.error.issues.map((i) => i.message);
    };
    expect(messages({ parts: [{ ...first!, basis: [{ doc: '19/2023/QH15', article: 99 }] }, ...others] })).toContain("19/2023/QH15#99 is not among the item's bases");
    expect(messages({ basis: [...item.basis, { doc: '19/2023/QH15', article: 31, clause: 1 }] })).toContain('19/2023/QH15#31.1 is cited by no part');
    expect(messages({ metWhen: undefined })).toContain('"parts" and "metWhen" go together');
    expect(messages({ question: { vi: 'Có không?', en: 'Do you?' } })).toContain('give exactly one of "question" and "parts"');
  });

  it('rejects a malformed file with a typed error naming the problem', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bvntd-criteria-'));
    try {
      const file = path.join(dir, 'bad.json');
      const bad = { ...criteria, items: [{ ...criteria.items[0]!, area: 'nowhere', weight: 7 }] };
      await writeFile(file, JSON.stringify(bad));
      await expect(loadCriteria(file)).rejects.toThrow(/weight|unknown area/);
      await expect(loadCriteria(path.join(dir, 'missing.json'))).rejects.toBeInstanceOf(CriteriaError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('has its interface texts in both languages with the same keys', () => {
    const catalogs = loadCatalogs();
    // Plural forms (key_one, key_other) count as their stem: English has two forms where Vietnamese has one.
    const keys = (locale: 'vi' | 'en') => [...new Set([...catalogs[locale].keys()].filter((k) => k.startsWith('assessment.')).map((k) => k.replace(/_(one|other)$/, '')))].sort();
    expect(keys('vi').length).toBeGreaterThan(50);
    expect(keys('en')).toEqual(keys('vi'));
  });
});
