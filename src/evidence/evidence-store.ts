/**
 * Where the bytes of files consumers upload through the web chat are kept (Telegram and Zalo keep
 * their own: see PlatformFiles). Implemented by src/storage/prisma-evidence-store.ts; erased with the
 * conversation by the personal-data store.
 */
export interface EvidenceStore {
  /** Keeps the bytes under a new random id and returns it; `mimeType` is the sniffed type. */
  save(file: { readonly conversationId: string; readonly mimeType: string; readonly bytes: Uint8Array }, now: Date): Promise<string>;
  read(id: string): Promise<{ readonly mimeType: string; readonly bytes: Uint8Array } | null>;
  exists(id: string): Promise<boolean>;
}

/** An uploaded file as an attachment's fileId: "upload:<id>", so it is never taken for a platform's id. */
const uploadPrefix = 'upload:';

export function uploadFileId(id: string): string {
  return `${uploadPrefix}${id}`;
}

/** The store's id in an attachment's fileId, or null when the file is a platform's. */
export function uploadIdOf(fileId: string | null | undefined): string | null {
  return fileId?.startsWith(uploadPrefix) ? fileId.slice(uploadPrefix.length) : null;
}
