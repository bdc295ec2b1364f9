import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/text/analyzer.ts';
import { loadLexicon } from '../../src/text/lexicon.ts';
import { QueryAnalyzer } from '../../src/text/query-analyzer.ts';

const lexicon = loadLexicon();
const analyzer = new QueryAnalyzer(lexicon);
const terms = (q: string, a: QueryAnalyzer = analyzer) => a.analyze(q).terms;

describe('QueryAnalyzer: shorthand and teencode', () => {
  it('spells out teencode before searching', () => {
    const t = terms('shop ko xuat hoa don cho e dc ko');
    expect(t.get('hoa_don')).toBeGreaterThan(0);
    // "ko" became "không" (a stop word on its own), "e" became "em", "dc" became "được".
    expect(t.has('ko')).toBe(false);
    expect(t.has('e')).toBe(false);
    expect(t.has('dc')).toBe(false);
    expect(t.get('khong_xuat')).toBeGreaterThan(0);
    expect(t.get('=không')).toBeUndefined();
  });

  it('treats đ spellings of shorthand like their plain forms', () => {
    expect(analyzeTerms('sp đc bh ko')).toEqual(analyzeTerms('sp dc bh ko'));
  });

  it('searches both readings of ambiguous shorthand, each at part weight', () => {
    const t = terms('xuat hd');
    expect(t.get('hoa_don')).toBeGreaterThan(0);
    expect(t.get('hop_dong')).toBeGreaterThan(0);
    expect(t.get('hoa_don')!).toBeLessThan(t.get('xuat')!);
  });

  it('spells out consumer shorthand for personal data, business registration and quality', () => {
    const teen = new Set(analyzeTerms('cty lam lo ttcn, ban hang ko dkkd, hang kem cl'));
    for (const term of ['thong_tin', 'ca_nhan', 'dang_ky', 'kinh_doanh', 'chat_luong']) expect(teen.has(term)).toBe(true);
    expect(analyzer.analyze('ntd co dc yc xoa ttcn k').expansions).toContain('xóa thông tin');
  });

  it('gives the same accent-free terms for teencode and for the full accented question', () => {
    const teen = new Set(analyzeTerms('ntd ko dc bh sp'));
    for (const term of ['nguoi_tieu', 'tieu_dung', 'bao_hanh', 'san_pham']) expect(teen.has(term)).toBe(true);
  });
});

describe('QueryAnalyzer: accents', () => {
  it('adds exact-accent terms for an accented question only', () => {
    expect([...terms('quyền của người tiêu dùng').keys()].some((k) => k.startsWith('='))).toBe(true);
    expect([...terms('quyen cua nguoi tieu dung').keys()].some((k) => k.startsWith('='))).toBe(false);
  });

  it('weighs the accent-free form above the exact-accent bonus', () => {
    const t = terms('bảo hành');
    expect(t.get('bao')).toBe(1);
    expect(t.get('=bao3')!).toBeLessThan(1);
  });

  it('does not read "sữa" (milk) as the slang "sửa" (repair)', () => {
    expect(analyzer.analyze('mua sữa cho con').expansions).toEqual([]);
    expect(analyzer.analyze('mang máy đi sửa').expansions).toContain('sửa');
  });

  it('matches unaccented words to accented phrases, but not a lone ambiguous syllable', () => {
    expect(analyzer.analyze('mang di sua').expansions).toContain('mang đi sửa');
    expect(analyzer.analyze('sua').expansions).toEqual([]);
  });
});

describe('QueryAnalyzer: colloquial and English', () => {
  it('adds the law words for colloquial phrases at a lower weight', () => {
    const a = analyzer.analyze('mua phải hàng fake thì làm sao');
    expect(a.expansions).toContain('hàng fake');
    expect(a.terms.get('gian_lan')).toBeGreaterThan(0);
    expect(a.terms.get('gian_lan')!).toBeLessThan(a.terms.get('fake')!);
  });

  it('maps cân điêu to measurement and weight', () => {
    const t = terms('bị cân điêu ở chợ');
    expect(t.get('do_luong')).toBeGreaterThan(0);
    expect(t.get('khoi_luong')).toBeGreaterThan(0);
  });

  it('does not fire a one-syllable rule inside a word of the corpus', () => {
    const withCorpus = analyzer.withCorpusVocabulary((a, b) => a.folded === 'dieu' && b.folded === 'kien');
    expect(withCorpus.analyze('điều kiện là gì').expansions).not.toContain('kiện');
    expect(withCorpus.analyze('tôi muốn kiện công ty').expansions).toContain('kiện');
  });

  it('reads an English question through the glossary', () => {
    const a = analyzer.analyze('What must a warranty policy include?');
    expect(a.english).toBe(true);
    expect(a.terms.get('bao_hanh')).toBeGreaterThan(0);
    expect(a.terms.has('warranty')).toBe(false);
  });

  it('handles plurals and hyphenated phrases in English', () => {
    expect(analyzer.analyze('refunds for door-to-door sales').terms.get('tan_cua')).toBeGreaterThan(0);
    expect(analyzer.analyze('multi-level marketing companies').terms.get('da_cap')).toBeGreaterThan(0);
  });

  it('keeps a Vietnamese question without accents Vietnamese', () => {
    expect(analyzer.analyze('nguoi tieu dung co the khieu nai o dau').english).toBe(false);
  });

  it('returns nothing to search for noise or empty text', () => {
    expect(terms('').size).toBe(0);
    expect(terms('?!...').size).toBe(0);
  });
});

describe('QueryAnalyzer: teencode respelling', () => {
  const corpusWords = new Set(['phai', 'hang', 'gio', 'qua', 'hoa', 'don', 'thich']);
  const corpus = analyzer.withCorpusVocabulary(
    (a, b) => a.folded === 'hoa' && b.folded === 'don',
    (w) => corpusWords.has(w),
  );

  it('respells sound-alike teencode to the word the corpus knows', () => {
    const t = corpus.analyze('fai doi jo').terms;
    expect(t.get('phai_doi')).toBeGreaterThan(0);
    expect(t.get('gio')).toBeGreaterThan(0);
    expect(t.has('fai')).toBe(false);
    expect(t.has('jo')).toBe(false);
  });

  it('splits two syllables typed together when the corpus uses the pair', () => {
    expect(corpus.analyze('xuat hoadon').terms.get('hoa_don')).toBeGreaterThan(0);
  });

  it('leaves words it cannot place as typed', () => {
    expect(corpus.analyze('zalo').terms.get('zalo')).toBeGreaterThan(0);
  });
});
