import { fold } from '../text/vietnamese-unicode.ts';
import {
  booleanFields,
  type BusinessProfile,
  type DirectSellingField,
  type PlatformState,
  type RegistrationState,
  type Sector,
  type Size,
  type Tri,
} from './business-profile.ts';
import { booleanCues, largePlatformCues, negationWindow, negators, platformCues, registrationCues, sectorCues, sizeCues } from './profile-cues.ts';

/**
 * Reads a business profile from what people type: one sentence ("shop nhỏ bán quần áo trên Facebook,
 * không có cửa hàng") or the answer to one profile question ("có", "1 3", "hộ kinh doanh"). Only
 * what the text says is returned; a cue preceded by a negation ("không có cửa hàng") sets the field
 * to false, and the last mention of a field wins, as people correct themselves.
 */
export function parseProfileSentence(text: string): BusinessProfile {
  const clauses = clausesOf(text);
  const profile: BusinessProfile = {};
  const sector = firstPositive(clauses, sectorPatterns);
  if (sector) profile.sector = sector;
  const size = sizeFrom(clauses);
  if (size) profile.size = size;
  for (const field of booleanFields) {
    const value = lastMention(clauses, booleanPatterns[field]);
    if (value !== undefined) profile[field] = value;
  }
  const registered = lastMention(clauses, registrationPatterns);
  if (registered !== undefined) profile.registration = registered ? 'yes' : 'no';
  const platform = platformFrom(clauses);
  if (platform) profile.platform = platform;
  return profile;
}

export function parsePlatformAnswer(text: string): PlatformState | undefined {
  const found = platformFrom(clausesOf(text));
  if (found) return found;
  const yes = parseYesNo(text);
  if (yes === undefined) return undefined;
  return yes ? (/(^|\s)(lon|large|big)(\s|$)/.test(prepare(text)) ? 'large' : 'yes') : 'no';
}

function platformFrom(clauses: readonly string[]): PlatformState | undefined {
  if (lastMention(clauses, largePlatformPatterns) === true) return 'large';
  const operates = lastMention(clauses, platformPatterns);
  return operates === undefined ? undefined : operates ? 'yes' : 'no';
}

/** "có" / "không" and their variants, with the polite "dạ", "vâng" in front; undefined when neither. */
export function parseYesNo(text: string): Tri {
  const words = wordsOf(prepare(text));
  while (words.length > 1 && politeParticles.has(words[0]!)) words.shift();
  const first = words[0];
  if (first === undefined) return undefined;
  if (noWords.has(first)) return false;
  if (yesWords.has(first)) return true;
  return undefined;
}

export function parseSectorAnswer(text: string): Sector | undefined {
  const clauses = clausesOf(text);
  const found = firstPositive(clauses, sectorPatterns);
  if (found) return found;
  return /(^|\s)(khac|other|nganh khac|linh vuc khac)(\s|$)/.test(prepare(text)) ? 'other' : undefined;
}

/** In answer to "how big is your business", a bare "nhỏ" means a small enterprise and "lớn" a large one. */
export function parseSizeAnswer(text: string): Size | undefined {
  const found = sizeFrom(clausesOf(text));
  if (found) return found;
  const words = new Set(wordsOf(prepare(text)));
  if (words.has('ca') && words.has('nhan')) return 'individual';
  if (words.has('individual') || words.has('vendor')) return 'individual';
  if (words.has('ho') || words.has('household')) return 'household';
  if (words.has('small') || words.has('nho')) return 'small';
  if (words.has('vua') || words.has('lon') || words.has('big')) return 'medium_large';
  return undefined;
}

export function parseRegistrationAnswer(text: string): RegistrationState | undefined {
  const f = prepare(text);
  if (/(khong|ko|chua|k) (biet|ro|chac)|not sure|dont know|do not know|unsure|khong nho/.test(f)) return 'unknown';
  const yn = parseYesNo(text);
  if (yn !== undefined) return yn ? 'yes' : 'no';
  const mention = lastMention(clausesOf(text), registrationPatterns);
  return mention === undefined ? undefined : mention ? 'yes' : 'no';
}

/**
 * The direct-selling question offers its unknown ways as numbered options plus "none": "1 3" picks
 * several, words name them ("đa cấp"), "không" means none. `complete` says the answer covers every
 * offered way (a typed list or "none"), so the others are false; naming one leaves the rest open.
 */
export function parseDirectAnswer(text: string, offered: readonly DirectSellingField[]): { values: Partial<Record<DirectSellingField, boolean>>; complete: boolean } | undefined {
  const f = prepare(text);
  const numbers = f.match(/\d+/g)?.map(Number) ?? [];
  if (numbers.length > 0 && /^[\d\s,;.&+va]+$/.test(f) && numbers.every((n) => n >= 1 && n <= offered.length + 1)) {
    const picked = new Set(numbers.filter((n) => n <= offered.length).map((n) => offered[n - 1]!));
    return { values: Object.fromEntries(offered.map((field) => [field, picked.has(field)])), complete: true };
  }
  const clauses = clausesOf(text);
  const values: Partial<Record<DirectSellingField, boolean>> = {};
  for (const field of offered) {
    const mention = lastMention(clauses, booleanPatterns[field]);
    if (mention !== undefined) values[field] = mention;
  }
  if (Object.values(values).includes(true)) return { values, complete: false };
  if (parseYesNo(text) === false || /(^|\s)(none|khong co|khong ai|khong cach nao)(\s|$)/.test(f)) {
    return { values: Object.fromEntries(offered.map((field) => [field, false])), complete: true };
  }
  return undefined;
}

/** Number of workers mentioned ("8 nhân viên", "20 lao động"), which decides the size class. */
function headcount(clauses: readonly string[]): number | undefined {
  for (const clause of clauses) {
    const m = /(\d+)\s*(nhan vien|lao dong|nguoi lam|nguoi|nv|employees?|staff|workers?|people)(?![a-z])/.exec(clause);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function sizeFrom(clauses: readonly string[]): Size | undefined {
  const legal = firstPositive(clauses, sizePatterns.filter(([size]) => size === 'individual' || size === 'household'));
  if (legal) return legal;
  const people = headcount(clauses);
  // Decree 80/2021 bands for trade and services: up to 10 workers micro, up to 50 small.
  if (people !== undefined) return people <= 10 ? 'micro' : people <= 50 ? 'small' : 'medium_large';
  return firstPositive(clauses, sizePatterns);
}

const politeParticles = new Set(['da', 'vang', 'a', 'u', 'uh', 'um', 'thi', 'well', 'uhm']);
const yesWords = new Set(['co', 'roi', 'yes', 'y', 'yep', 'yeah', 'dung', 'ok', 'okay', 'oke', 'vang', 'da', 'uh', 'u', 'sure', 'true', 'correct']);
const noWords = new Set(['khong', 'ko', 'k', 'kg', 'khg', 'chua', 'no', 'nope', 'not', 'never', 'hong', 'hok', 'chang', 'none', 'false']);

type Patterns<T> = ReadonlyArray<readonly [T, RegExp]>;

function compile(sources: readonly string[]): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${sources.join('|')})(?![a-z0-9])`, 'g');
}

const sectorPatterns: Patterns<Sector> = sectorCues.map(([sector, cues]) => [sector, compile(cues)] as const);
const sizePatterns: Patterns<Size> = sizeCues.map(([size, cues]) => [size, compile(cues)] as const);
const booleanPatterns = Object.fromEntries(booleanFields.map((f) => [f, compile(booleanCues[f])])) as Record<(typeof booleanFields)[number], RegExp>;
const registrationPatterns = compile(registrationCues);
const platformPatterns = compile(platformCues);
const largePlatformPatterns = compile(largePlatformCues);
const negatorSet = new Set(negators);

/** Lower-case, diacritics folded, English contractions opened ("don't" -> "do not"). */
function prepare(text: string): string {
  return fold(text.toLowerCase().replace(/n['’]t\b/g, ' not'));
}

function wordsOf(folded: string): string[] {
  return folded.split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/** A negation only reaches within its clause: "không có cửa hàng, bán trên Facebook". */
function clausesOf(text: string): string[] {
  return prepare(text)
    .split(/[,;.!?\n()]+|(?<![a-z])(?:nhung|but|tuy nhien|however)(?![a-z])/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

function mentions(clause: string, pattern: RegExp): boolean[] {
  const found: boolean[] = [];
  for (const m of clause.matchAll(pattern)) {
    const before = wordsOf(clause.slice(0, m.index)).slice(-negationWindow);
    found.push(!before.some((w) => negatorSet.has(w)));
  }
  return found;
}

/** True / false for the last mention in the text, undefined when never mentioned. */
function lastMention(clauses: readonly string[], pattern: RegExp): Tri {
  const all = clauses.flatMap((c) => mentions(c, pattern));
  return all.length === 0 ? undefined : all[all.length - 1];
}

/** The first value, in priority order, mentioned without a negation anywhere in the text. */
function firstPositive<T>(clauses: readonly string[], patterns: Patterns<T>): T | undefined {
  for (const [value, pattern] of patterns) {
    if (clauses.some((c) => mentions(c, pattern).includes(true))) return value;
  }
  return undefined;
}
