import { describe, expect, it } from 'vitest';
import { scoreStory, type ComplaintStory, type ObservedRecord } from '../../src/complaints/complaint-evaluation.ts';

const story: ComplaintStory = {
  id: 's1',
  style: 'one-liner',
  language: 'vi',
  messages: ['…'],
  today: '2026-10-14',
  expected: {
    business: 'Điện Máy Chợ Lớn',
    businessAddress: 'quận 5',
    platform: null,
    product: 'quạt đứng',
    amountVnd: 650000,
    purchaseDate: '2026-10-13',
    purchaseChannel: 'in_store',
    desiredResolution: ['refund', 'exchange'],
    consumerName: null,
    phone: null,
    email: null,
    province: 'Hồ Chí Minh',
    category: 'chat-luong-hang-hoa',
    fraud: false,
    legalBasis: [
      { doc: '19/2023/QH15', article: 14 },
      { doc: '91/2015/QH13', article: 445 },
    ],
    applicableLaw: '19/2023/QH15',
  },
};
/** The same facts as the bot stores them: other words, case and a kind-of-name lead. */
const seen: ObservedRecord = {
  ...story.expected,
  filed: true,
  business: 'cửa hàng Điện máy Chợ Lớn',
  businessAddress: 'Quận 5',
  product: 'cái quạt đứng',
  province: 'TP. Hồ Chí Minh',
  legalBasis: [
    { doc: '19/2023/QH15', article: 14 },
    { doc: '19/2023/QH15', article: 31 },
  ],
};
const procedural = { procedural: [{ doc: '19/2023/QH15', article: 31 }] };

describe('scoring a filed complaint against the expected record', () => {
  it('accepts the same facts in other words: a kind-of-name lead, counting words, case and diacritics', () => {
    const score = scoreStory(story, seen, procedural, { maxAsked: 1, turns: 5 });
    expect(score.exact).toBe(true);
    expect(score.allBasisCited).toBe(false);
  });

  it('reads a stall, a centre, a clinic, a pharmacy or a household business as a kind-of-name lead too', () => {
    for (const lead of ['quán', 'Trung tâm', 'phòng khám', 'nhà thuốc', 'cơ sở', 'hộ kinh doanh']) {
      const score = scoreStory(story, { ...seen, business: `${lead} Điện Máy Chợ Lớn` }, procedural, { maxAsked: 1, turns: 5 });
      expect(score.fields.business, lead).toBe(true);
    }
    // Only as a lead: "Chợ Lớn" is not a kind of seller, so a record naming another shop stays wrong.
    expect(scoreStory(story, { ...seen, business: 'quán Chợ Lớn' }, procedural, { maxAsked: 1, turns: 5 }).fields.business).toBe(false);
  });

  it('wants the remedies in the order said and the deciding article among the substantive ones', () => {
    const score = scoreStory(story, { ...seen, desiredResolution: ['exchange', 'refund'], legalBasis: [{ doc: '19/2023/QH15', article: 31 }] }, procedural, { maxAsked: 1, turns: 5 });
    expect(score.fields.desiredResolution).toBe(false);
    expect(score.fields.legalBasis).toBe(false);
    expect(score.exact).toBe(false);
  });

  it('does not take a product that swallowed the place, nor a guess where the story is silent', () => {
    const score = scoreStory(story, { ...seen, product: 'quạt đứng ở Điện Máy Chợ Lớn', consumerName: 'Chợ Lớn' }, procedural, { maxAsked: 1, turns: 5 });
    expect(score.fields.product).toBe(false);
    expect(score.fields.consumerName).toBe(false);
  });

  it('never counts a record that was not filed as exactly right', () => {
    expect(scoreStory(story, { ...seen, filed: false }, procedural, { maxAsked: 3, turns: 20 }).exact).toBe(false);
  });
});
