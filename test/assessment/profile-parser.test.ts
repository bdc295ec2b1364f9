import { describe, expect, it } from 'vitest';
import { parseItemReply } from '../../src/assessment/answer-parser.ts';
import {
  parseDirectAnswer,
  parsePlatformAnswer,
  parseProfileSentence,
  parseRegistrationAnswer,
  parseSectorAnswer,
  parseSizeAnswer,
  parseYesNo,
} from '../../src/assessment/profile-parser.ts';

describe('parseProfileSentence', () => {
  it('reads the micro Facebook shop from one sentence, with or without diacritics', () => {
    const expected = { sector: 'goods_retail', size: 'micro', online: true, premises: false };
    expect(parseProfileSentence('shop nhỏ bán quần áo trên Facebook, không có cửa hàng')).toEqual(expected);
    expect(parseProfileSentence('shop nho ban quan ao tren fb, ko co cua hang')).toEqual(expected);
    expect(parseProfileSentence('SHOP NHỎ BÁN QUẦN ÁO TRÊN FACEBOOK. KHÔNG CÓ CỬA HÀNG')).toEqual(expected);
  });

  it('reads size from a head count, warranty and marketplaces', () => {
    expect(parseProfileSentence('cửa hàng điện máy có bảo hành, 25 nhân viên, bán cả trên Shopee')).toEqual({
      sector: 'electronics',
      size: 'small',
      online: true,
      premises: true,
      warranty: true,
    });
    expect(parseProfileSentence('tiệm điện thoại 3 người').size).toBe('micro');
    expect(parseProfileSentence('chuỗi siêu thị 300 lao động').size).toBe('medium_large');
  });

  it('reads a telecom-like continuous service with registered standard contracts', () => {
    expect(parseProfileSentence('công ty cung cấp internet và truyền hình cáp, có hợp đồng mẫu, thuộc danh mục phải đăng ký')).toEqual({
      sector: 'utilities',
      continuous: true,
      standardContracts: true,
      registration: 'yes',
    });
  });

  it('tells direct selling apart from home delivery and phone orders', () => {
    expect(parseProfileSentence('hộ kinh doanh bán máy lọc nước tận nhà khách')).toMatchObject({ size: 'household', doorToDoor: true });
    expect(parseProfileSentence('quán ăn, có giao hàng tận nhà').doorToDoor).toBeUndefined();
    expect(parseProfileSentence('nhận đặt hàng qua điện thoại')).toEqual({ online: true });
    expect(parseProfileSentence('công ty bán hàng đa cấp thực phẩm chức năng, hay tổ chức hội thảo')).toMatchObject({ sector: 'food', mlm: true, awayFromPremises: true });
  });

  it('honours negations and corrections', () => {
    expect(parseProfileSentence('không bán online, chưa có hợp đồng mẫu, ko bảo hành')).toEqual({ online: false, standardContracts: false, warranty: false });
    expect(parseProfileSentence('có cửa hàng, à không, không có cửa hàng').premises).toBe(false);
    expect(parseProfileSentence('không bán đồ ăn, chỉ bán mỹ phẩm').sector).toBe('goods_retail');
  });

  it('reads English descriptions', () => {
    expect(parseProfileSentence("small shop selling clothes on Facebook, we don't have a physical store")).toEqual({
      sector: 'goods_retail',
      size: 'micro',
      online: true,
      premises: false,
    });
  });

  it('says nothing when the text has no profile in it', () => {
    expect(parseProfileSentence('tôi muốn tự đánh giá')).toEqual({});
    expect(parseProfileSentence('')).toEqual({});
  });

  it('recognises intermediary platforms, large ones too', () => {
    expect(parseProfileSentence('chúng tôi vận hành sàn thương mại điện tử').platform).toBe('yes');
    expect(parseProfileSentence('nền tảng lớn, hơn 3 triệu người dùng').platform).toBe('large');
    expect(parseProfileSentence('bán hàng trên sàn Shopee').platform).toBeUndefined();
  });
});

describe('answers to single profile questions', () => {
  it('reads yes and no in the ways people type them', () => {
    for (const yes of ['có', 'co', 'Có ạ', 'dạ có', 'rồi', 'yes', 'vâng']) expect(parseYesNo(yes), yes).toBe(true);
    for (const no of ['không', 'ko', 'k', 'chưa', 'dạ không', 'no', 'Không có']) expect(parseYesNo(no), no).toBe(false);
    expect(parseYesNo('để tôi nghĩ')).toBeUndefined();
  });

  it('reads sector, size, registration and platform answers', () => {
    expect(parseSectorAnswer('điện máy')).toBe('electronics');
    expect(parseSectorAnswer('khác')).toBe('other');
    expect(parseSizeAnswer('siêu nhỏ')).toBe('micro');
    expect(parseSizeAnswer('nhỏ')).toBe('small');
    expect(parseSizeAnswer('ho kinh doanh')).toBe('household');
    expect(parseSizeAnswer('lớn')).toBe('medium_large');
    expect(parseRegistrationAnswer('không rõ')).toBe('unknown');
    expect(parseRegistrationAnswer('có')).toBe('yes');
    expect(parseRegistrationAnswer('không')).toBe('no');
    expect(parsePlatformAnswer('có, nền tảng lớn')).toBe('large');
    expect(parsePlatformAnswer('không')).toBe('no');
  });

  it('reads several direct-selling ways from "1 3", words, or none', () => {
    const offered = ['doorToDoor', 'mlm', 'awayFromPremises'] as const;
    expect(parseDirectAnswer('1 3', offered)).toEqual({ values: { doorToDoor: true, mlm: false, awayFromPremises: true }, complete: true });
    expect(parseDirectAnswer('1, 2', offered)).toEqual({ values: { doorToDoor: true, mlm: true, awayFromPremises: false }, complete: true });
    expect(parseDirectAnswer('bán đa cấp', offered)).toEqual({ values: { mlm: true }, complete: false });
    expect(parseDirectAnswer('không', offered)).toEqual({ values: { doorToDoor: false, mlm: false, awayFromPremises: false }, complete: true });
    expect(parseDirectAnswer('hmm', offered)).toBeUndefined();
  });
});

describe('parseItemReply', () => {
  it.each([
    ['có', 'yes'],
    ['Có ạ', 'yes'],
    ['rồi', 'yes'],
    ['đã có', 'yes'],
    ['da lam', 'yes'],
    ['yes', 'yes'],
    ['một phần', 'partly'],
    ['co mot phan', 'partly'],
    ['có nhưng chưa đủ', 'partly'],
    ['partly', 'partly'],
    ['chưa', 'no'],
    ['không', 'no'],
    ['dạ không', 'no'],
    ['no', 'no'],
    ['không rõ', 'unknown'],
    ['ko biết', 'unknown'],
    ["don't know", 'unknown'],
    ['?', 'unknown'],
    ['tại sao?', 'why'],
    ['vì sao phải làm vậy', 'why'],
    ['why', 'why'],
    ['tạm dừng', 'pause'],
    ['để sau', 'pause'],
    ['quay lại', 'back'],
  ] as const)('%s -> %s', (text, expected) => {
    expect(parseItemReply(text)).toBe(expected);
  });

  it('returns nothing for unrelated text', () => {
    expect(parseItemReply('xin chào')).toBeUndefined();
  });
});

describe('door-to-door cues', () => {
  it('needs a selling verb before "tận nhà", not a delivery', () => {
    expect(parseProfileSentence('bán quần áo giao hàng tận nhà').doorToDoor).toBeUndefined();
    expect(parseProfileSentence('nhân viên đi chào hàng tận nhà').doorToDoor).toBe(true);
  });
});
