/**
 * Consumers' phone numbers and e-mails appear in full only inside a complaint record; lists and
 * exports show enough to tell two people apart ("09******78", "ng***@gmail.com").
 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return '*'.repeat(digits.length);
  return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`;
}

export function maskEmail(email: string | null | undefined): string {
  if (!email) return '';
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  const local = email.slice(0, at);
  return `${local.slice(0, Math.min(2, local.length - 1))}***${email.slice(at)}`;
}

/**
 * Phone numbers as people write them: "0912345678", "0912 345 678", "+84 912.345.678",
 * "(091) 234 5678", "(+84) 912-345-678".
 */
const phoneInText = /(?<![\d\w])\(?(?:\+?84|0)\)?[\d .()-]{7,14}\d(?!\d)/g;

/** Phone numbers and e-mails written inside free text (a narrative, a chat message) masked the same way. */
export function maskContactsInText(text: string): string {
  return text.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, (m) => maskEmail(m)).replace(phoneInText, (m) => (m.replace(/\D/g, '').length >= 9 ? maskPhone(m) : m));
}

/** Does a search term look for a person by contact (a phone number or an e-mail)? Such searches are audited. */
export function isContactSearch(term: string): boolean {
  return /@/.test(term) || term.replace(/\D/g, '').length >= 6;
}
