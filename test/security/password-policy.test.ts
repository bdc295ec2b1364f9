import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslators } from '../../src/i18n/translator.ts';
import { commonPasswords, passwordProblem, passwordProblemKey, passwordProblems } from '../../src/staff/password-policy.ts';
import { passwordSchema } from '../../src/staff/staff-accounts.ts';
import { projectRoot } from '../support/knowledge.ts';

// Item 2: staff passwords have at least 12 characters and are not common ones (a list shipped with
// the code, src/staff/common-passwords.txt), nor a repetition or a keyboard run.
const shipped = readFileSync(path.join(projectRoot, 'src/staff/common-passwords.txt'), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'));

describe('the staff password policy', () => {
  it('refuses the passwords of the issue for their length, with a message in both languages', () => {
    const translators = createTranslators();
    for (const password of ['1234567890', 'password12', ' '.repeat(10)]) {
      expect(passwordProblem(password), JSON.stringify(password)).toBe('too_short');
      expect(passwordSchema.safeParse(password).success).toBe(false);
    }
    expect(translators('vi').t(passwordProblemKey.too_short)).toContain('ít nhất 12 ký tự');
    expect(translators('en').t(passwordProblemKey.too_short)).toContain('at least 12 characters');
    for (const problem of passwordProblems) {
      for (const locale of ['vi', 'en'] as const) expect(translators(locale).has(passwordProblemKey[problem]), `${locale} ${problem}`).toBe(true);
    }
  });

  it('counts characters, not bytes or UTF-16 units, and caps the length', () => {
    expect(passwordProblem('Mậtkhẩudài1')).toBe('too_short'); // 11 letters, more UTF-16 units with combining marks
    expect(passwordProblem('Mật khẩu dài của tôi')).toBeNull();
    expect(passwordProblem('x'.repeat(100) + 'y'.repeat(101))).toBe('too_long');
  });

  it('ships a list of a few thousand common passwords and reads all of it', () => {
    expect(shipped.length).toBeGreaterThan(3000);
    expect(commonPasswords().size).toBe(new Set(shipped.map((p) => p.normalize('NFC').toLowerCase())).size);
    // The ones long enough to pass the length rule on their own are refused because they are listed.
    const long = shipped.filter((p) => [...p].length >= 12 && new Set(p).size >= 6);
    expect(long.length).toBeGreaterThan(100);
    for (const password of long) expect(passwordProblem(password), password).not.toBeNull();
    expect(long.filter((p) => passwordProblem(p) === 'common').length).toBeGreaterThan(50);
    expect(passwordProblem('LeaveMeAlone')).toBe('common');
    expect(passwordProblem('finalfantasy')).toBe('common');
  });

  it('refuses a common password with digits or symbols stuck on either end', () => {
    for (const password of ['password1234', 'Password2026!', '2026iloveyou!!', 'trustno1-2026-2027', 'matkhau@2026!', 'Anhyeuem123456']) {
      expect(passwordProblem(password), password).toBe('common');
    }
  });

  it('refuses repetitions and runs of keys, letters or digits', () => {
    for (const password of [' '.repeat(12), 'aaaaaaaaaaaa', 'abababababab', '123412341234', 'hello hello hello ', '123456789012', '09876543210987', 'qwertyuiopasdf', 'abcdefghijklm', '1qaz2wsx3edc4rfv']) {
      expect(passwordProblem(password), JSON.stringify(password)).toBe('predictable');
    }
  });

  it('accepts long passphrases and random strings', () => {
    for (const password of ['quan-tri-vien-2026', 'nhan-vien-2026!', 'mot-mat-khau-dai', 'Con mèo ngủ trên mái nhà', 'correct horse battery staple', 'k7#Vq9!zR2@pLm', 'u3Jx9QwZ0aKe4R']) {
      expect(passwordProblem(password), password).toBeNull();
      expect(passwordSchema.safeParse(password).success).toBe(true);
    }
  });
});
