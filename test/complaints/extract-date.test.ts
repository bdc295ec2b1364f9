import { describe, expect, it } from 'vitest';
import { extractPurchaseDate } from '../../src/complaints/extract-date.ts';
import { foldAligned } from '../../src/complaints/folded-text.ts';

const today = '2025-03-10'; // a Monday
const date = (text: string, on = today) => extractPurchaseDate(foldAligned(text), on);

describe('purchase dates', () => {
  it.each([
    ['mua ngày 15/3/2024', '2024-03-15'],
    ['mua 15-03-2024', '2024-03-15'],
    ['đặt hôm 02.01.2025', '2025-01-02'],
    ['mua 5/1/25', '2025-01-05'],
    ['ngày 15 tháng 2 năm 2025', '2025-02-15'],
    ['ngay 7 thang 3', '2025-03-07'],
  ])('reads the absolute date in "%s"', (text, expected) => {
    expect(date(text)).toMatchObject({ ok: true, value: expected, approximate: false });
  });

  it('puts a day without a year on its latest occurrence that is not in the future', () => {
    expect(date('mua 15/3')).toMatchObject({ ok: true, value: '2024-03-15' });
    expect(date('mua 1/3')).toMatchObject({ ok: true, value: '2025-03-01' });
    expect(date('mua 29/2', '2025-03-10')).toMatchObject({ ok: true, value: '2024-02-29' });
  });

  it.each([
    ['hôm qua tôi mua', '2025-03-09', false],
    ['hom qua', '2025-03-09', false],
    ['hôm kia', '2025-03-08', false],
    ['mua hôm nay', '2025-03-10', false],
    ['3 ngày trước', '2025-03-07', true],
    ['ba ngay truoc', '2025-03-07', true],
    ['tuần trước', '2025-03-03', true],
    ['2 tuần trước', '2025-02-24', true],
    ['tháng trước', '2025-02-10', true],
    ['thứ 6 tuần trước', '2025-03-07', false],
    ['thu hai tuan truoc', '2025-03-03', false],
    ['chủ nhật vừa rồi', '2025-03-09', false],
    ['tháng 1', '2025-01-01', true],
    ['tháng 3 năm ngoái', '2024-03-01', true],
    ['yesterday', '2025-03-09', false],
    ['2 weeks ago', '2025-02-24', true],
  ])('resolves "%s" against the clock', (text, expected, approximate) => {
    expect(date(text)).toMatchObject({ ok: true, value: expected, approximate });
  });

  it('reports future, impossible and far-past dates instead of storing them', () => {
    expect(date('mua ngày 20/3/2025')).toMatchObject({ ok: false, problem: 'future' });
    expect(date('ngày 15 tháng 2 năm 2026')).toMatchObject({ ok: false, problem: 'future' });
    expect(date('31/2/2024')).toMatchObject({ ok: false, problem: 'impossible' });
    expect(date('31/4')).toMatchObject({ ok: false, problem: 'impossible' });
    expect(date('15/3/1995')).toMatchObject({ ok: false, problem: 'too_old' });
  });

  it('takes the earliest valid date of a story as the purchase date', () => {
    expect(date('mua ngày 1/2, đến 20/2 thì hỏng, hôm qua shop vẫn không trả lời')).toMatchObject({ ok: true, value: '2025-02-01' });
  });

  it('does not read amounts, phone numbers or quantities as dates', () => {
    expect(date('giá 1.200.000đ')).toBeNull();
    expect(date('sđt 0912-345-678')).toBeNull();
    expect(date('mua 2 cái 500k')).toBeNull();
  });
});

describe('dates written in English or in teencode', () => {
  it.each([
    ['on 8 November 2026 for', '2026-11-08'],
    ['November 8, 2026', '2026-11-08'],
    ['on 2 October I booked', '2026-10-02'],
    ['hqua e mua', '2026-11-27'],
    ['1 May 2026', '2026-05-01'],
  ])('reads "%s"', (text, date) => {
    expect(extractPurchaseDate(foldAligned(text), '2026-11-28')).toMatchObject({ ok: true, value: date });
  });

  it('does not read "máy" typed without accents as May', () => {
    expect(extractPurchaseDate(foldAligned('mua 2 may lanh'), '2026-11-28')).toBeNull();
  });
});

describe('issue 10, fourth round: dates as people tell them', () => {
  // today is Monday 10/3/2025
  it('a weekday said with hôm/bữa/vào, or opening a sentence, is the latest such day', () => {
    expect(date('Hôm thứ Sáu tôi mua cái quạt')).toMatchObject({ value: '2025-03-07' });
    expect(date('bua chu nhat minh dat banh kem')).toMatchObject({ value: '2025-03-09' });
    expect(date('Chủ nhật mẹ tôi mua nồi cơm')).toMatchObject({ value: '2025-03-09' });
    expect(date('Last Saturday I bought a kettle')).toMatchObject({ value: '2025-03-08' });
    // "lần thứ hai" (the second time) is no Tuesday.
    expect(date('bảo hành lần thứ hai vẫn hỏng')).toBeNull();
  });

  it('"cách đây N ngày" counts back', () => {
    expect(date('Cách đây 12 ngày tôi đặt tour')).toMatchObject({ value: '2025-02-26' });
  });

  it('a range of counts is no date: "3-4 tin nhắn", "2-3 lần"', () => {
    expect(date('ngày nào cũng 3-4 tin nhắn quảng cáo, gọi 2-3 lần')).toBeNull();
  });

  it('"tháng 11 này" is not January; a price after "12 tháng" is not February', () => {
    expect(date('Tháng 11 này nhà mạng tự trừ tiền', '2025-11-20')?.ok && date('Tháng 11 này nhà mạng tự trừ tiền', '2025-11-20')).not.toMatchObject({ value: '2025-01-01' });
    expect(date('đóng trước 12 tháng 2,4 triệu')).toBeNull();
  });

  it('an outage, an appointment, or a sentence opening with "Từ …" is no purchase; "mua/dùng từ ngày …" is', () => {
    expect(date('điện lực cắt điện 2 ngày 5 và 6/3 không báo trước')).toBeNull();
    expect(date('shop hẹn 5h chiều 8/3 giao mà không tới')).toBeNull();
    expect(date('Từ 1/3 mạng nhà tôi chập chờn')).toBeNull();
    expect(date('Tôi dùng internet của họ từ ngày 1/12/2023')).toMatchObject({ value: '2023-12-01' });
  });
});
