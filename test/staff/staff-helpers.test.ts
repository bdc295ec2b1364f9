import { describe, expect, it } from 'vitest';
import { deadlinesOf, isOverdue } from '../../src/staff/complaint-deadlines.ts';
import { maskContactsInText, maskEmail, maskPhone } from '../../src/staff/contact-masking.ts';
import { toCsv } from '../../src/staff/csv.ts';
import { ratesOf } from '../../src/staff/programme-stats.ts';

describe('contact masking', () => {
  it('keeps enough to tell people apart and nothing more', () => {
    expect(maskPhone('0912345678')).toBe('09******78');
    expect(maskPhone('+84 912 345 678')).toBe('84*******78');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone(null)).toBe('');
    expect(maskEmail('lan.nguyen@example.com')).toBe('la***@example.com');
    expect(maskEmail('a@b.vn')).toBe('***@b.vn');
    expect(maskContactsInText('Gọi tôi 0912 345 678 hoặc lan@example.com nhé')).toBe('Gọi tôi 09******78 hoặc la***@example.com nhé');
  });

  it.each(['(091) 234 5678', '+84 912.345.678', '(+84) 912-345-678', '0912-345-678'])('masks "%s" in free text', (phone) => {
    expect(maskContactsInText(`sđt ${phone} nhé`)).not.toMatch(/345/);
  });

  it('leaves prices, dates and years alone', () => {
    expect(maskContactsInText('giá 1.250.000đ ngày 12/10/2026, bảo hành 12 tháng')).toBe('giá 1.250.000đ ngày 12/10/2026, bảo hành 12 tháng');
  });
});

describe('CSV', () => {
  it('quotes, keeps Vietnamese for Excel, and defuses formulas', () => {
    const csv = toCsv(['a', 'b'], [['Nguyễn, "Lan"', '=1+1'], [null, 5], ['-2', '@SUM(A1)']]);
    expect(csv).toBe('\uFEFFa,b\r\n"Nguyễn, ""Lan""",\'=1+1\r\n,5\r\n\'-2,\'@SUM(A1)\r\n');
    // For Excel with Vietnamese settings: semicolons; a comma inside a cell needs no quotes there, a semicolon does.
    expect(toCsv(['a', 'b'], [['Nguyễn, Lan', 'x; y'], ['2,5', 3]], ';')).toBe('\uFEFFa;b\r\nNguyễn, Lan;"x; y"\r\n2,5;3\r\n');
  });
});

describe('deadlines', () => {
  const deadlines = { acknowledgeBy: '2026-11-25', negotiateBy: '2026-12-01' };
  it('is overdue only while the complaint is still at the step the deadline governs', () => {
    expect(isOverdue('received', deadlines, '2026-11-25')).toBe(false);
    expect(isOverdue('received', deadlines, '2026-11-26')).toBe(true);
    expect(isOverdue('acknowledged', deadlines, '2026-11-26')).toBe(false);
    expect(isOverdue('sent_to_business', deadlines, '2026-12-02')).toBe(true);
    expect(isOverdue('negotiating', deadlines, '2026-12-30')).toBe(false);
    expect(deadlinesOf('received', deadlines, '2026-11-26').map((d) => [d.kind, d.article, d.overdue])).toEqual([['acknowledge', '31.2', true], ['negotiate', '57.2', false]]);
  });
});

describe('rates', () => {
  it('leaves withdrawn complaints out of the resolution rate and reports no rate without data', () => {
    expect(ratesOf({ received: 10, advised: 8, complaints: 8, withdrawn: 1, resolved: 5, overdue: 0, handoffs: 2 })).toEqual({ advisedRate: 0.8, resolvedRate: 5 / 7 });
    expect(ratesOf({ received: 0, advised: 0, complaints: 0, withdrawn: 0, resolved: 0, overdue: 0, handoffs: 0 })).toEqual({ advisedRate: null, resolvedRate: null });
  });
});
