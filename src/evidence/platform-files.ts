/** Whether a file a chat platform keeps can be had now, without downloading it. */
export type PlatformFileState = 'available' | 'notConfigured' | 'unavailable';

export type PlatformFile = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly reason: Exclude<PlatformFileState, 'available'> };

/**
 * A channel's way to fetch a file its users sent (Telegram: getFile then the file download; Zalo:
 * the photo URL its update carried). Implemented in bot/telegram and bot/zalo; a channel without its
 * token configured answers "notConfigured" and the console says so instead of failing.
 */
export interface PlatformFiles {
  probe(fileId: string): Promise<PlatformFileState>;
  fetch(fileId: string): Promise<PlatformFile>;
}
