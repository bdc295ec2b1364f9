import { describe, expect, it } from 'vitest';
import { findEmails, findPhones, normaliseVietnamesePhone } from '../../src/complaints/extract-contact.ts';
import { foldAligned } from '../../src/complaints/folded-text.ts';

describe('Vietnamese phone numbers', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0353 123 456', '0353123456'],
    ['0886123456', '0886123456'],
    ['0701234567', '0701234567'],
    ['02838123456', '02838123456'],
  ])('accepts %s', (raw, expected) => {
    expect(normaliseVietnamesePhone(raw)).toBe(expected);
  });

  it.each(['0112345678', '0212345678', '091234567', '09123456789', '+1 415 555 0100', '0301234567'])('rejects %s', (raw) => {
    expect(normaliseVietnamesePhone(raw)).toBeNull();
  });

  it('finds numbers in a sentence and flags foreign or malformed ones', () => {
    expect(findPhones(foldAligned('sđt mình 0912 345 678 nhé'))).toMatchObject([{ ok: true, value: '0912345678' }]);
    expect(findPhones(foldAligned('số của tôi +1 415 555 0100'))).toMatchObject([{ ok: false, problem: 'phone_invalid' }]);
    expect(findPhones(foldAligned('sdt: 12345678'))).toMatchObject([{ ok: false, problem: 'phone_invalid' }]);
  });

  it('leaves amounts and dates alone', () => {
    expect(findPhones(foldAligned('giá 1.200.000đ mua ngày 15/03/2024'))).toEqual([]);
  });
});

describe('emails', () => {
  it('finds valid addresses and flags broken ones', () => {
    expect(findEmails(foldAligned('email: Lan.Nguyen@Gmail.com.'))).toMatchObject([{ ok: true, value: 'lan.nguyen@gmail.com' }]);
    expect(findEmails(foldAligned('mail lan@gmail'))).toMatchObject([{ ok: false, problem: 'email_invalid' }]);
  });
});
