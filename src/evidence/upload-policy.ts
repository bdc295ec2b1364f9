import { isPhoto, sniffEvidenceType, type EvidenceType } from './file-types.ts';

/** UPLOAD_MAX_BYTES and UPLOAD_ALLOWED_TYPES (src/config/config.ts). */
export interface UploadPolicy {
  readonly maxBytes: number;
  readonly allowedTypes: readonly EvidenceType[];
}

export type UploadCheck =
  | { readonly ok: true; readonly mimeType: EvidenceType; readonly kind: 'photo' | 'document' }
  | { readonly ok: false; readonly refused: 'empty' | 'tooLarge' | 'type' };

/**
 * Whether a file a user sent may be kept as evidence: not empty, within the size cap, and of an
 * allowed type as read from its bytes. What the client said about it plays no part.
 */
export function checkUpload(bytes: Uint8Array, policy: UploadPolicy): UploadCheck {
  if (bytes.length === 0) return { ok: false, refused: 'empty' };
  if (bytes.length > policy.maxBytes) return { ok: false, refused: 'tooLarge' };
  const type = sniffEvidenceType(bytes);
  if (!type || !policy.allowedTypes.includes(type)) return { ok: false, refused: 'type' };
  return { ok: true, mimeType: type, kind: isPhoto(type) ? 'photo' : 'document' };
}
