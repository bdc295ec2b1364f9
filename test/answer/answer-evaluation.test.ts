import { describe, expect, it } from 'vitest';
import { answerMetrics, answerQuestionSchema, citationsIn, scoreAnswer, type AnswerQuestion } from '../../src/answer/answer-evaluation.ts';

const documents = [
  { id: '19/2023/QH15', citationName: 'Luật Bảo vệ quyền lợi người tiêu dùng 2023', citationNameEn: 'Law on Protection of Consumers’ Rights 2023' },
  { id: '59/2010/QH12', citationName: 'Luật Bảo vệ quyền lợi người tiêu dùng 2010', citationNameEn: 'Law on Protection of Consumers’ Rights 2010' },
  { id: '55/2024/NĐ-CP', citationName: 'Nghị định 55/2024/NĐ-CP', citationNameEn: 'Decree 55/2024/NĐ-CP' },
];

describe('reading the references in a reply as a reader would', () => {
  it.each([
    ['điểm đ khoản 2 Điều 30 Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15)', '19/2023/QH15', 30],
    ['Article 30(2)(đ), Law 19/2023/QH15', '19/2023/QH15', 30],
    ['nêu vi phạm Điều 6 Nghị định 55/2024 và đề nghị', '55/2024/NĐ-CP', 6],
    ['Có. Trước 01/7/2024, Luật 2010 Điều 21 khoản 5 cũng buộc đổi mới', '59/2010/QH12', 21],
    ['Theo Điều 80 thì giao dịch trước 01/7/2024 vẫn theo luật cũ', '19/2023/QH15', 80],
  ])('%s → %s Điều %i', (text, doc, article) => {
    expect(citationsIn(text, '19/2023/QH15', documents)[0]).toEqual({ doc, article });
  });
});

describe('scoring what the user reads', () => {
  const question: AnswerQuestion = {
    id: 'q1', style: 'teencode', language: 'vi', audience: 'consumer', messages: ['bh 3 lan ko xong doi moi dc ko'],
    gold: [{ doc: '19/2023/QH15', article: 30 }], forbidden: [{ doc: '19/2023/QH15', article: 37 }], verdict: 'yes',
    key_phrases: ['đổi|thay mới'], out_of_scope: false, transaction_before_2024: false,
  };

  it('credits a reply whose first sentence carries the verdict and whose first reference decides', () => {
    const s = scoreAnswer(question, { text: 'Có. Bạn được đổi sản phẩm mới.\nCăn cứ: điểm đ khoản 2 Điều 30 Luật (19/2023/QH15).', optionIds: [] }, '19/2023/QH15', documents);
    expect(s).toMatchObject({ decidingFirst: true, verdict: true, firstSentenceAnswers: true, forbiddenCited: false, opensWithListHeader: false });
  });

  it('catches a list header without its list, a forbidden reference and a wrong verdict', () => {
    const s = scoreAnswer(question, { text: 'Tổ chức, cá nhân kinh doanh có trách nhiệm sau đây:\nĐiều 37 (19/2023/QH15)', optionIds: [] }, '19/2023/QH15', documents);
    expect(s).toMatchObject({ decidingFirst: false, verdict: false, forbiddenCited: true, opensWithListHeader: true });
    expect(answerMetrics([s]).opensWithListHeader).toBe(1);
  });

  it('counts an out-of-scope question as admitted only without citations and without a complaint button', () => {
    const oos = { ...question, gold: [], forbidden: [], verdict: 'out_of_scope' as const, out_of_scope: true, key_phrases: [] };
    expect(scoreAnswer(oos, { text: 'Câu hỏi này nằm ngoài phạm vi bảo vệ người tiêu dùng.', optionIds: ['menu.human'] }, '19/2023/QH15').outOfScopeAdmitted).toBe(true);
    expect(scoreAnswer(oos, { text: 'Câu hỏi này nằm ngoài phạm vi.', optionIds: ['menu.complaint'] }, '19/2023/QH15').outOfScopeAdmitted).toBe(false);
  });
});

describe('a plan section as the deciding provision', () => {
  const plans = [...documents, { id: 'KH-BD-CT30', citationName: 'Kế hoạch triển khai Chỉ thị 30-CT/TW của tỉnh Bình Dương', citationNameEn: 'Bình Dương plan implementing Directive 30-CT/TW' }];
  const question: AnswerQuestion = {
    id: 'p1', style: 'provincial-plan', language: 'vi', audience: 'consumer', messages: ['theo kế hoạch Bình Dương ai kiểm tra chất lượng hàng hóa?'],
    gold: [{ doc: 'KH-BD-CT30', section: 'IV.13' }], forbidden: [], verdict: 'info', key_phrases: ['Quản lý thị trường'], out_of_scope: false, transaction_before_2024: false,
  };

  it('reads "mục IV.13.a …" naming the plan as that section, and a section under the gold one as deciding', () => {
    const text = 'Theo mục IV.13.a Kế hoạch triển khai Chỉ thị 30-CT/TW của tỉnh Bình Dương (KH-BD-CT30), Cục Quản lý thị trường kiểm tra.';
    expect(citationsIn(text, '19/2023/QH15', plans)).toEqual([{ doc: 'KH-BD-CT30', section: 'IV.13.a' }]);
    expect(scoreAnswer(question, { text, optionIds: [] }, '19/2023/QH15', plans)).toMatchObject({ decidingFirst: true, firstCitation: 'KH-BD-CT30§IV.13.a' });
  });

  it('does not take a neighbouring section, an article, or a section naming no plan, for the gold section', () => {
    expect(scoreAnswer(question, { text: 'Theo mục IV.1 Kế hoạch triển khai Chỉ thị 30-CT/TW của tỉnh Bình Dương.', optionIds: [] }, '19/2023/QH15', plans).decidingFirst).toBe(false);
    expect(scoreAnswer(question, { text: 'Căn cứ: Điều 13 (19/2023/QH15).', optionIds: [] }, '19/2023/QH15', plans).decidingFirst).toBe(false);
    expect(citationsIn('xem mục IV.13 phía dưới', '19/2023/QH15', plans)).toEqual([]);
  });

  it('keeps files whose gold holds only articles valid', () => {
    expect(answerQuestionSchema.parse({ ...question, gold: [{ doc: '19/2023/QH15', article: 30 }] }).gold).toEqual([{ doc: '19/2023/QH15', article: 30 }]);
    expect(() => answerQuestionSchema.parse({ ...question, gold: [{ doc: 'KH-BD-CT30', section: 'mục 4' }] })).toThrow();
  });
});
