/**
 * The file types evidence may have, recognised by their first bytes ("magic numbers"), never by
 * the name or the type a browser or a platform claims: a script renamed "hoa-don.jpg" is not a photo.
 */
export const evidenceTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'application/pdf'] as const;
export type EvidenceType = (typeof evidenceTypes)[number];

interface TypeFacts {
  readonly extension: string;
  /** Every browser draws it in an <img>: staff see it inline. HEIC (iPhone photos) is downloaded instead. */
  readonly inline: boolean;
  readonly photo: boolean;
  readonly matches: (bytes: Uint8Array) => boolean;
}

const ascii = (bytes: Uint8Array, at: number, text: string) => text.split('').every((ch, i) => bytes[at + i] === ch.charCodeAt(0));
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

const facts: Record<EvidenceType, TypeFacts> = {
  'image/jpeg': { extension: 'jpg', inline: true, photo: true, matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  'image/png': { extension: 'png', inline: true, photo: true, matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  'image/webp': { extension: 'webp', inline: true, photo: true, matches: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP') },
  'image/gif': { extension: 'gif', inline: true, photo: true, matches: (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a') },
  // ISO base media: a "ftyp" box whose brand says HEIF/HEIC.
  'image/heic': { extension: 'heic', inline: false, photo: true, matches: (b) => ascii(b, 4, 'ftyp') && ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].some((brand) => ascii(b, 8, brand)) },
  // The PDF header may follow a little junk (the specification tolerates up to 1 KB); most start with it.
  'application/pdf': { extension: 'pdf', inline: false, photo: false, matches: (b) => indexOfAscii(b.subarray(0, 1024), '%PDF-') >= 0 },
};

function indexOfAscii(bytes: Uint8Array, text: string): number {
  for (let i = 0; i + text.length <= bytes.length; i += 1) if (ascii(bytes, i, text)) return i;
  return -1;
}

/** The type the bytes really are, or null when they are none of the evidence types. */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | null {
  return evidenceTypes.find((type) => facts[type].matches(bytes)) ?? null;
}

export function extensionOf(type: EvidenceType): string {
  return facts[type].extension;
}

/** Shown in the page as an image (and in a thumbnail): only types every browser draws. */
export function isInlineImage(type: EvidenceType): boolean {
  return facts[type].inline;
}

export function isPhoto(type: EvidenceType): boolean {
  return facts[type].photo;
}

export function isEvidenceType(value: string): value is EvidenceType {
  return (evidenceTypes as readonly string[]).includes(value);
}
