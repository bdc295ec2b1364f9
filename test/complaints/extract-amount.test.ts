import { describe, expect, it } from 'vitest';
import { extractAmount } from '../../src/complaints/extract-amount.ts';
import { foldAligned } from '../../src/complaints/folded-text.ts';

const amount = (text: string, options?: Parameters<typeof extractAmount>[1]) => extractAmount(foldAligned(text), options);

describe('amounts in VND', () => {
  it.each([
    ['1tr2', 1_200_000],
    ['1tr25', 1_250_000],
    ['1 tr 250', 1_250_000],
    ['giá 1tr5 nhé', 1_500_000],
    ['500k', 500_000],
    ['500 nghìn', 500_000],
    ['300 ngàn', 300_000],
    ['1.200.000đ', 1_200_000],
    ['1.200.000 đồng', 1_200_000],
    ['1,200,000 VND', 1_200_000],
    ['1200000 dong', 1_200_000],
    ['1,5 triệu', 1_500_000],
    ['2 triệu', 2_000_000],
    ['1 triệu 200 nghìn', 1_200_000],
    ['2 triệu 3', 2_300_000],
    ['hai triệu', 2_000_000],
    ['hai trieu ruoi', 2_500_000],
    ['một triệu hai', 1_200_000],
    ['năm trăm nghìn', 500_000],
    ['mười lăm triệu', 15_000_000],
    ['2 củ', 2_000_000],
    ['1 tỷ 2', 1_200_000_000],
  ])('reads "%s"', (text, expected) => {
    expect(amount(text)).toMatchObject({ ok: true, value: expected });
  });

  it('takes the total, not the shipping fee, from a story', () => {
    expect(amount('ship 30k, tổng hết 1tr2')).toMatchObject({ ok: true, value: 1_200_000 });
  });

  it('takes the corrected amount on "à nhầm"', () => {
    expect(amount('à nhầm, không phải 1tr2 mà 1tr5', { correction: true })).toMatchObject({ ok: true, value: 1_500_000 });
  });

  it('reports a zero amount', () => {
    expect(amount('0đ')).toMatchObject({ ok: false, problem: 'zero' });
    expect(amount('không đồng')).toMatchObject({ ok: false, problem: 'zero' });
    expect(amount('được tặng miễn phí')).toMatchObject({ ok: false, problem: 'zero' });
  });

  it('reads bare numbers only as an answer to the amount question', () => {
    expect(amount('1200000')).toBeNull();
    expect(amount('1200000', { bareNumbers: true })).toMatchObject({ ok: true, value: 1_200_000 });
    expect(amount('0912345678', { bareNumbers: true })).toBeNull();
  });

  it('does not read dates, phones, quantities or "2 cái cũ" as money', () => {
    expect(amount('ngày 15/3/2024')).toBeNull();
    expect(amount('sđt 0912345678')).toBeNull();
    expect(amount('đổi 2 cái cũ')).toBeNull();
    expect(amount('mua 2 kg')).toBeNull();
  });
});
