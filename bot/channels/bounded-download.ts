import type { PlatformFile } from '../../src/evidence/platform-files.ts';
import type { Logger } from '../../src/shared/logger.ts';

/** Telegram lets bots download files up to 20 MB; Zalo's photos are far smaller. */
export const platformFileMaxBytes = 20 * 1024 * 1024;

/**
 * Downloads a platform's file for the console, at most `platformFileMaxBytes` (a larger file, or a
 * server that never stops sending, is refused instead of filling the memory). Every failure is
 * "unavailable", logged without the URL (Telegram's carries the bot token).
 */
export async function downloadPlatformFile(url: string | URL, options: { readonly logger: Logger; readonly what: string; readonly timeoutMs?: number; readonly redirect?: 'follow' | 'error' }): Promise<PlatformFile> {
  try {
    const response = await fetch(url, { redirect: options.redirect ?? 'follow', signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
    const bytes = response.ok ? await readCapped(response, platformFileMaxBytes) : null;
    if (bytes) return { ok: true, bytes };
    // Zalo's photo links and Telegram's file paths expire: a 403/404 here is the usual end of one.
    options.logger.warn({ status: response.status }, `${options.what} could not be downloaded`);
  } catch (error) {
    options.logger.warn({ err: error }, `${options.what} could not be downloaded`);
  }
  return { ok: false, reason: 'unavailable' };
}

/** At most `maxBytes` of a response body; null when it is larger. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
