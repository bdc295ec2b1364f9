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

/** Phone numbers and e-mails written inside free text (a narrative, a chat message) masked the same way. */
export function maskContactsInText(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, (m) => maskEmail(m))
    .replace(/(?<!\d)(\+?84|0)[\d .-]{8,12}\d(?!\d)/g, (m) => maskPhone(m));
}
