import { describe, expect, it } from 'vitest';
import { canTransition, complaintStatuses, isFinal, nextStatuses } from '../../src/complaints/complaint-lifecycle.ts';
import { complaintRecordSchema } from '../../src/complaints/complaint-record.ts';
import { sampleRecord } from './sample-record.ts';

describe('the complaint record schema (also the export format)', () => {
  it('accepts a complete record with exactly the documented fields', () => {
    const parsed = complaintRecordSchema.parse(sampleRecord());
    expect(Object.keys(parsed).sort()).toEqual(
      ['reference', 'status', 'channel', 'createdAt', 'consumer', 'business', 'product', 'category', 'issue', 'purchaseDate', 'amountVnd', 'purchaseChannel', 'narrative', 'desiredResolution', 'evidence', 'legalBasis', 'applicableLaw', 'suggestedAgency', 'handling', 'consent', 'deadlines'].sort(),
    );
    expect(Object.keys(parsed.consumer).sort()).toEqual(['email', 'name', 'phone', 'province']);
    expect(Object.keys(parsed.business).sort()).toEqual(['address', 'name', 'platform']);
    expect(Object.keys(parsed.deadlines).sort()).toEqual(['acknowledgeBy', 'negotiateBy']);
  });

  it.each([
    ['a zero amount', { amountVnd: 0 }],
    ['a fractional amount', { amountVnd: 1.5 }],
    ['a purchase date in another format', { purchaseDate: '15/3/2025' }],
    ['an unknown purchase channel', { purchaseChannel: 'shop' }],
    ['an unknown handling', { handling: 'police' }],
    ['no legal basis', { legalBasis: [] }],
    ['a law named otherwise than by its number', { applicableLaw: 'luật mới' }],
    ['a malformed reference', { reference: 'KN-1' }],
    ['an extra field', { note: 'x' }],
  ])('rejects %s', (_what, override) => {
    expect(complaintRecordSchema.safeParse({ ...sampleRecord(), ...override }).success).toBe(false);
  });

  it('keeps a complaint whose consumer skipped everything but the story', () => {
    const record = sampleRecord();
    const skipped = {
      ...record,
      consumer: { name: null, phone: null, email: null, province: null },
      business: { ...record.business, name: null },
      product: null,
      purchaseDate: null,
      amountVnd: null,
      purchaseChannel: null,
      desiredResolution: [],
    };
    expect(complaintRecordSchema.parse(skipped).consumer).toEqual({ name: null, phone: null, email: null, province: null });
  });

  it('reads a record stored before scams were told apart as a negotiation', () => {
    const { handling: _omitted, ...older } = sampleRecord();
    expect(complaintRecordSchema.parse(older).handling).toBe('negotiation');
  });
});

describe('the lifecycle', () => {
  it('goes received -> acknowledged -> sent to business -> negotiating -> resolved', () => {
    expect(canTransition('received', 'acknowledged')).toBe(true);
    expect(canTransition('acknowledged', 'sent_to_business')).toBe(true);
    expect(canTransition('sent_to_business', 'negotiating')).toBe(true);
    expect(canTransition('negotiating', 'resolved_monetary')).toBe(true);
  });

  it('ends in resolved, closed or withdrawn, and lets no final status move', () => {
    for (const s of complaintStatuses) if (isFinal(s)) expect(nextStatuses(s)).toEqual([]);
    expect(isFinal('withdrawn')).toBe(true);
    expect(canTransition('withdrawn', 'received')).toBe(false);
    expect(canTransition('received', 'resolved_monetary')).toBe(false);
  });

  it('can be withdrawn until it is over', () => {
    for (const s of complaintStatuses) expect(canTransition(s, 'withdrawn')).toBe(!isFinal(s));
  });
});
