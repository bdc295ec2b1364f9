import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicableItems, appliesTo, nextProfileQuestion } from '../../src/assessment/applicability.ts';
import { type BusinessProfile, withInferences } from '../../src/assessment/business-profile.ts';
import { currentCriteriaFile, loadCriteria } from '../../src/assessment/criteria-loader.ts';
import type { Criteria } from '../../src/assessment/criteria-schema.ts';
import { knowledgeDir } from '../support/knowledge.ts';

let criteria: Criteria;
beforeAll(async () => {
  criteria = await loadCriteria(path.join(knowledgeDir, currentCriteriaFile));
});

const ids = (profile: BusinessProfile) => applicableItems(criteria, withInferences(profile)).map((i) => i.id);

const shopFb: BusinessProfile = {
  sector: 'goods_retail',
  size: 'micro',
  online: true,
  premises: false,
  continuous: false,
  mlm: false,
  doorToDoor: false,
  awayFromPremises: false,
  standardContracts: false,
  warranty: false,
};

describe('which items apply', () => {
  it('gives an individual trader who need not register only the duties of Điều 9', () => {
    expect(ids({ sector: 'food', size: 'individual' })).toEqual(['info-accurate', 'sales-refund', 'safety-quality', 'safety-recall-comply']);
    expect(ids({ sector: 'services', size: 'individual', mlm: false, warranty: false })).toEqual(['info-accurate', 'sales-refund', 'safety-quality']);
  });

  it('spares a micro enterprise the published complaint process of Điều 31.3, but not the remote-sale information of Điều 37', () => {
    const micro = ids(shopFb);
    expect(micro).not.toContain('complaint-process');
    expect(micro).toContain('complaint-intake');
    expect(micro).toContain('remote-info');
    expect(ids({ ...shopFb, size: 'household' })).toContain('complaint-process');
  });

  it('spares small enterprises the vulnerable-consumer procedures of Điều 8.3.e unless they use Chương III transactions', () => {
    const offline: BusinessProfile = { ...shopFb, size: 'small', online: false, platform: 'no' };
    expect(ids(offline)).not.toContain('vulnerable-policy');
    expect(ids({ ...offline, online: true })).toContain('vulnerable-policy');
    expect(ids({ ...offline, size: 'medium_large' })).toContain('vulnerable-policy');
    expect(ids(offline)).toContain('vulnerable-priority');
  });

  it('asks about contract registration only when the contracts may be on the list', () => {
    const contracts: BusinessProfile = { ...shopFb, standardContracts: true };
    expect(ids({ ...contracts, registration: 'unknown' })).toContain('contract-register');
    expect(ids({ ...contracts, registration: 'yes' })).toContain('contract-register');
    expect(ids({ ...contracts, registration: 'no' })).not.toContain('contract-register');
    expect(ids(contracts)).toEqual(expect.arrayContaining(['contract-form', 'contract-terms', 'contract-publish']));
  });

  it('gives intermediary platforms their duties of Điều 39.3, and large ones those of Điều 39.4', () => {
    const seller: BusinessProfile = { ...shopFb, size: 'medium_large' };
    expect(ids({ ...seller, platform: 'no' }).filter((id) => id.startsWith('platform-'))).toEqual([]);
    expect(ids({ ...seller, platform: 'yes' }).filter((id) => id.startsWith('platform-'))).toEqual(['platform-operator']);
    expect(ids({ ...seller, platform: 'large' }).filter((id) => id.startsWith('platform-'))).toEqual(['platform-operator', 'platform-large']);
    expect(nextProfileQuestion(criteria, withInferences({ sector: 'services', size: 'small', online: true }))).toBe('platform');
  });

  it('keeps undecided what depends on an unanswered field', () => {
    const item = criteria.items.find((i) => i.id === 'warranty-policy')!;
    expect(appliesTo(item.appliesTo, { size: 'micro' })).toBeUndefined();
    expect(appliesTo(item.appliesTo, { size: 'individual' })).toBe(false);
    expect(appliesTo(item.appliesTo, { size: 'micro', warranty: true })).toBe(true);
  });
});

describe('which profile question comes next', () => {
  it('starts with the sector and skips what cannot change anything', () => {
    expect(nextProfileQuestion(criteria, {})).toBe('sector');
    // A street food seller: nothing else changes which items apply.
    expect(nextProfileQuestion(criteria, withInferences({ sector: 'food', size: 'individual' }))).toBeNull();
  });

  it('asks the Facebook shop only what its sentence did not say', () => {
    const said = withInferences({ sector: 'goods_retail', size: 'micro', online: true, premises: false });
    expect(said.platform).toBe('no');
    expect(said.customerData).toBe(true);
    const asked: string[] = [];
    let profile = said;
    const answers: Record<string, BusinessProfile> = {
      continuous: { continuous: false },
      direct: { doorToDoor: false, mlm: false, awayFromPremises: false },
      standardContracts: { standardContracts: false },
      warranty: { warranty: false },
    };
    for (let q = nextProfileQuestion(criteria, profile); q; q = nextProfileQuestion(criteria, profile)) {
      asked.push(q);
      profile = withInferences({ ...profile, ...answers[q] });
    }
    expect(asked).toEqual(['continuous', 'direct', 'standardContracts', 'warranty']);
  });

  it('infers what follows from the sector and lets the business overrule it', () => {
    expect(withInferences({ sector: 'electronics' }).warranty).toBe(true);
    expect(withInferences({ sector: 'electronics', warranty: false }).warranty).toBe(false);
    expect(withInferences({ sector: 'utilities' }).continuous).toBe(true);
    expect(withInferences({ standardContracts: false, registration: 'yes' }).registration).toBeUndefined();
  });
});
