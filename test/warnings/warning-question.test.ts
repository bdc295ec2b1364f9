import { describe, expect, it } from 'vitest';
import { asWarningQuestion, matchingWarnings } from '../../src/warnings/warning-question.ts';
import { recallContent, warningOf } from './warning-fixture.ts';

describe('asWarningQuestion', () => {
  it.each([
    'máy sấy tóc hiệu Hanami có bị thu hồi không',
    'may say toc hieu hanami co bi thu hoi ko',
    'shop Thời Trang Ngọc trên Shopee có bị cảnh báo không?',
    'Hanami đã bị thu hồi chưa',
    'có cảnh báo nào về shop ABC không',
    'shop ABC có nằm trong danh sách đen không',
    'is the Hanami hair dryer recalled?',
    'any warnings about shop ABC?',
  ])('recognises a yes/no question about a warning: %s', (text) => {
    expect(asWarningQuestion(text)).not.toBeNull();
  });

  it.each([
    'mua phải hàng bị thu hồi thì làm sao',
    'sản phẩm bị thu hồi thì tôi có được hoàn tiền không',
    'doanh nghiệp có trách nhiệm thu hồi sản phẩm khuyết tật không',
    'mua hàng online bị lừa thì làm sao',
    'bảo hành mấy lần không sửa được thì đổi được không',
    'có cảnh báo không',
    'what should I do if a product I bought is recalled',
    // What a business must do is a law question (eval sets: extra-questions, teencode-questions).
    'sp bi loi hang loat cty co phai thu hoi k',
    'dn co phai cong khai ds sp bi thu hoi tren web k',
    'cty ko co bao cao thu hoi sp loi ma van ban ra thi trg',
    'What does a company have to do when a defective product is recalled?',
  ])('leaves other questions to the law answers: %s', (text) => {
    expect(asWarningQuestion(text)).toBeNull();
  });

  it('keeps the words that name the subject', () => {
    expect(asWarningQuestion('máy sấy tóc hiệu Hanami có bị thu hồi không')?.subject).toBe('máy sấy tóc hiệu Hanami');
  });
});

describe('matchingWarnings', () => {
  const hanami = warningOf(recallContent());
  const shop = warningOf(recallContent({ kind: 'scam', title: 'Trang Shopee giả mạo khuyến mãi', brands: [], products: [], shops: ['Siêu Sale 24h'] }), { id: 'w2' });

  it('finds a warning by its brand or shop, with or without diacritics', () => {
    expect(matchingWarnings(asWarningQuestion('máy sấy tóc hiệu hanami có bị thu hồi không')!, [hanami, shop]).named.map((w) => w.id)).toEqual(['w1']);
    expect(matchingWarnings(asWarningQuestion('shop sieu sale 24h tren shopee co bi canh bao khong')!, [hanami, shop]).named.map((w) => w.id)).toEqual(['w2']);
  });

  it('does not answer for another brand of the same product, but points to it', () => {
    const result = matchingWarnings(asWarningQuestion('máy sấy tóc hiệu Panasonic có bị thu hồi không')!, [hanami, shop]);
    expect(result.named).toEqual([]);
    expect(result.sameProduct.map((w) => w.id)).toEqual(['w1']);
  });

  it('needs whole words: a brand inside another word is not named', () => {
    expect(matchingWarnings(asWarningQuestion('hanamiko có bị thu hồi không')!, [hanami]).named).toEqual([]);
  });
});
