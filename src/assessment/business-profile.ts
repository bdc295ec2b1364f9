import { z } from 'zod';

export const sectors = ['goods_retail', 'electronics', 'food', 'manufacturing', 'services', 'utilities', 'other'] as const;
export type Sector = (typeof sectors)[number];

/**
 * The law draws its lines by size: individual traders who need not register only carry the duties of
 * Điều 9; micro enterprises need not publish a complaint process (Điều 31.3); small and micro ones are
 * spared part of Điều 8.3 unless they use the special transactions of Chương III.
 */
export const sizes = ['individual', 'household', 'micro', 'small', 'medium_large'] as const;
export type Size = (typeof sizes)[number];

export const registrationStates = ['yes', 'no', 'unknown'] as const;
export type RegistrationState = (typeof registrationStates)[number];

/** Runs an intermediary digital platform (Điều 39.3); "large" is 3 million active accounts a year or more (NĐ55 Điều 2.2). */
export const platformStates = ['no', 'yes', 'large'] as const;
export type PlatformState = (typeof platformStates)[number];

/** What the business told us, field by field; a missing field was not said (yet). */
export const profileSchema = z
  .object({
    sector: z.enum(sectors).optional(),
    size: z.enum(sizes).optional(),
    /** Sells online or remotely: own website or app, social networks, marketplaces, phone orders. */
    online: z.boolean().optional(),
    /** Operates a marketplace or app on which other businesses sell. */
    platform: z.enum(platformStates).optional(),
    /** Has a shop or office customers visit; shown in the report, it changes no item. */
    premises: z.boolean().optional(),
    /** Services lasting 3 months or more, or open-ended (Điều 3.6): subscriptions, telecom, courses. */
    continuous: z.boolean().optional(),
    mlm: z.boolean().optional(),
    doorToDoor: z.boolean().optional(),
    /** Sells at seminars, fairs, temporary venues (Điều 47). */
    awayFromPremises: z.boolean().optional(),
    standardContracts: z.boolean().optional(),
    /** Whether the standard contracts are on the list of QĐ 07/2024/QĐ-TTg. */
    registration: z.enum(registrationStates).optional(),
    warranty: z.boolean().optional(),
    customerData: z.boolean().optional(),
  })
  .strict();
export type BusinessProfile = z.infer<typeof profileSchema>;
export type ProfileField = keyof BusinessProfile;

/** Values computed from the stated ones, usable in criteria conditions. */
export const derivedFieldNames = ['sellsGoods', 'specialTransactions'] as const;
export type DerivedField = (typeof derivedFieldNames)[number];

export const profileFieldNames = [
  'sector',
  'size',
  'online',
  'platform',
  'premises',
  'continuous',
  'mlm',
  'doorToDoor',
  'awayFromPremises',
  'standardContracts',
  'registration',
  'warranty',
  'customerData',
  ...derivedFieldNames,
] as const;
export type ConditionField = (typeof profileFieldNames)[number];

export const booleanFields = ['online', 'premises', 'continuous', 'mlm', 'doorToDoor', 'awayFromPremises', 'standardContracts', 'warranty', 'customerData'] as const;
export type BooleanField = (typeof booleanFields)[number];

/** The three ways of selling directly (Điều 3.7), asked as one question. */
export const directSellingFields = ['doorToDoor', 'mlm', 'awayFromPremises'] as const;
export type DirectSellingField = (typeof directSellingFields)[number];

/** The questions of the profile, in the order they are asked; `direct` covers the three direct-selling fields. */
export const profileQuestions = ['sector', 'size', 'online', 'platform', 'continuous', 'direct', 'standardContracts', 'registration', 'warranty', 'customerData'] as const;
export type ProfileQuestion = (typeof profileQuestions)[number];

export function fieldsOfQuestion(question: ProfileQuestion): readonly ProfileField[] {
  return question === 'direct' ? directSellingFields : [question];
}

const goodsSectors: readonly Sector[] = ['goods_retail', 'electronics', 'food', 'manufacturing'];

/**
 * Fills what follows from what was said, without overwriting it: an electronics shop gives warranty,
 * a food stall does not, a telecom or utility provider serves continuously, a household or micro
 * business does not run a marketplace, and anyone selling online,
 * by contract or by subscription keeps customer details. Kept apart from the stated profile so that
 * correcting the sector also drops what was inferred from it.
 */
export function withInferences(stated: BusinessProfile): BusinessProfile {
  const p: BusinessProfile = { ...stated };
  if (p.warranty === undefined && p.sector === 'electronics') p.warranty = true;
  if (p.warranty === undefined && p.sector === 'food') p.warranty = false;
  if (p.continuous === undefined && p.sector === 'utilities') p.continuous = true;
  if (p.standardContracts === false) delete p.registration;
  // Running a marketplace takes more than a household or micro business; they can still say otherwise.
  if (p.platform === undefined && (p.size === 'individual' || p.size === 'household' || p.size === 'micro')) p.platform = 'no';
  if (p.customerData === undefined && (p.online || p.continuous || p.mlm || p.doorToDoor || p.standardContracts)) p.customerData = true;
  return p;
}

/** true / false, or undefined while the profile cannot tell yet. */
export type Tri = boolean | undefined;

export function derivedValue(profile: BusinessProfile, field: DerivedField): Tri {
  if (field === 'sellsGoods') {
    if ((profile.sector && goodsSectors.includes(profile.sector)) || profile.mlm === true || profile.warranty === true) return true;
    if (profile.sector !== undefined && profile.mlm === false && profile.warranty === false) return false;
    return undefined;
  }
  const parts = [profile.online, profile.continuous, profile.mlm, profile.doorToDoor, profile.awayFromPremises];
  if (parts.includes(true)) return true;
  return parts.every((v) => v === false) ? false : undefined;
}

/** The stated fields a derived value is computed from. */
export function inputsOf(field: DerivedField): readonly ProfileField[] {
  return field === 'sellsGoods' ? ['sector', 'mlm', 'warranty'] : ['online', 'continuous', 'mlm', 'doorToDoor', 'awayFromPremises'];
}

export function isDerived(field: ConditionField): field is DerivedField {
  return (derivedFieldNames as readonly string[]).includes(field);
}
