import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What a staff password must be. Length beats composition rules (NIST SP 800-63B): at least 12
 * characters, any characters (spaces and Vietnamese letters too), and not one that attackers try
 * first: a common password, a common password with digits or symbols stuck on, a repetition or a
 * keyboard or alphabet run. The console and the CLI both check it through `passwordProblem`.
 */
export const minPasswordLength = 12;
/** Argon2 hashes any length, but an unbounded one lets a login request burn CPU. */
export const maxPasswordLength = 200;

export const passwordProblems = ['too_short', 'too_long', 'common', 'predictable'] as const;
export type PasswordProblem = (typeof passwordProblems)[number];

/** The text (src/i18n/locales/<locale>/staff.json) that tells the person what to change; console and CLI share it. */
export const passwordProblemKey: Readonly<Record<PasswordProblem, string>> = {
  too_short: 'staff.flash.password.tooShort',
  too_long: 'staff.flash.password.tooLong',
  common: 'staff.flash.password.common',
  predictable: 'staff.flash.password.predictable',
};

// Shipped beside this module, like the locale files beside the translator: it is part of the code
// (a policy), not knowledge/ (the law, replaceable through KNOWLEDGE_DIR) nor data/ (gitignored).
const listFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'common-passwords.txt');

let common: ReadonlySet<string> | null = null;
/** The shipped list, read once. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(listFile, 'utf8')
      .split('\n')
      .map((line) => line.trimEnd())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map(normalise),
  );
  return common;
}

// Runs a person types without thinking: digits, the alphabet, keyboard rows and columns, both ways,
// wrapping round ("7890123").
const runs = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p', 'qazwsxedcrfvtgbyhnujmikolp', 'zaq1xsw2cde3vfr4bgt5nhy6mju7']
  .map((run) => run.repeat(3))
  .flatMap((run) => [run, [...run].reverse().join('')]);

function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length; // characters, not UTF-16 units: "Mậtkhẩu" is 7
  if (length < minPasswordLength) return 'too_short';
  if (length > maxPasswordLength) return 'too_long';
  const text = normalise(password);
  if (predictable(text)) return 'predictable';
  return isCommon(text) || isCommon(text.replace(/\s+/g, '')) ? 'common' : null;
}

/**
 * Listed as it is, or once the digits and symbols stuck on either end are taken off, in any amount:
 * "password2026!" (password), "2026iloveyou!!" (iloveyou), "trustno1-2026" (trustno1).
 */
function isCommon(text: string): boolean {
  const list = commonPasswords();
  if (list.has(text)) return true;
  const lead = /^[^\p{L}]*/u.exec(text)![0].length;
  const tail = text.length - /[^\p{L}]*$/u.exec(text)![0].length;
  // No letter at all (a string of digits): only the whole of it is looked up, above.
  if (tail <= lead) return false;
  for (let start = 0; start <= lead; start++) {
    for (let end = tail; end <= text.length && end - start <= longestCommon(); end++) {
      if (list.has(text.slice(start, end))) return true;
    }
  }
  return false;
}

let longest = 0;
function longestCommon(): number {
  if (longest === 0) for (const entry of commonPasswords()) longest = Math.max(longest, entry.length);
  return longest;
}

function predictable(text: string): boolean {
  const chars = [...text];
  // Blank, or "aaaaaaaaaaaa", "abababababab": too few different characters to be guessed slowly.
  if (text.trim() === '' || new Set(chars).size < 4) return true;
  // One short unit over and over: "123412341234", "hello hello hello".
  for (let unit = 1; unit <= chars.length / 2; unit++) {
    if (chars.length % unit === 0 && text === chars.slice(0, unit).join('').repeat(chars.length / unit)) return true;
  }
  const alnum = text.replace(/[^a-z0-9]/g, '');
  return alnum.length === chars.length && runs.some((run) => run.includes(alnum));
}
