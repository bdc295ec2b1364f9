import { foldDiacritics } from '../text/vietnamese-unicode.ts';

/**
 * A business often introduces itself in one breath: "Công ty TNHH Minh Phát bán lẻ đồ điện tử, 50
 * nhân viên, bán trên Shopee". The name is the opening phrase up to where the description starts
 * (a comma, or a verb of trade such as "bán", "kinh doanh", "chuyên", "có"); the whole message is
 * still read for the profile. Returns null when the message does not open with a name.
 */
const legalForm = /^(cong ty|cty|doanh nghiep|dn|ho kinh doanh|hkd|cua hang|shop|sieu thi|nha hang|nha thuoc|tiem|cs|co so|chuoi|hop tac xa|htx|tap doan)\b/;
/** Where the description starts (folded, with a leading space so word boundaries hold). */
const descriptionStart = /[,;:(\n–]| - | (la |chuyen |ban (le |si |buon |hang |online |tren |do |cac )|kinh doanh |cung cap |san xuat |phan phoi |co (khoang |tren |hon |duoi )?\d|voi \d|gom \d|hoat dong |sells? |selling |provid)/;

export function businessNameFrom(text: string): string | null {
  const original = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const folded = foldDiacritics(original).toLowerCase();
  const opening = /^((chao ban|xin chao|chao|hi|hello)[,.! ]*)?((ben|phia) (toi|minh|em|chung toi) la |(toi|minh|em|chung toi) (la|o|lam o|dai dien( cho)?) )?/.exec(folded);
  const from = opening?.[0].length ?? 0;
  const rest = folded.slice(from);
  const form = legalForm.exec(rest);
  if (!form) return null;
  // The description starts after the legal form and at least one word of the name itself.
  const afterForm = rest.slice(form[0].length);
  const nameWords = /^(\s+(tnhh|co phan|cp|mtv|mot thanh vien|tm|dv|tm dv|thuong mai|dich vu|san xuat|xuat nhap khau|xnk|&|va))*\s+\S+/.exec(afterForm);
  if (!nameWords) return null;
  const searchFrom = form[0].length + nameWords[0].length;
  const end = descriptionStart.exec(rest.slice(searchFrom));
  const cut = from + searchFrom + (end ? end.index : rest.length - searchFrom);
  const name = original.slice(from, cut).trim().replace(/[.,;:]+$/, '');
  // Only a split that leaves something to describe is a name-plus-description.
  return name.length >= 4 && name.length <= 120 && cut < original.length ? name : null;
}
