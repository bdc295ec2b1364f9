import type { PlatformFile, PlatformFileState, PlatformFiles } from '../../src/evidence/platform-files.ts';
import type { Logger } from '../../src/shared/logger.ts';
import { downloadPlatformFile } from '../channels/bounded-download.ts';

/**
 * Photos Zalo users sent: the update carries the photo's URL (docs/zalo-bot-api.md), kept as the
 * evidence's fileId; the console downloads it from there. Zalo has no file-by-id method, so an
 * evidence item without a URL (a sticker id, withheld content) cannot be fetched. Only https URLs
 * are followed (plain http too when `allowHttp`, for the fake server in tests): the URL came from
 * an update authenticated by the webhook secret, but a stored string is no reason to reach anywhere.
 */
export class ZaloFiles implements PlatformFiles {
  constructor(private readonly options: { readonly logger: Logger; readonly allowHttp?: boolean; readonly timeoutMs?: number }) {}

  async probe(fileId: string): Promise<PlatformFileState> {
    return this.urlOf(fileId) ? 'available' : 'unavailable';
  }

  async fetch(fileId: string): Promise<PlatformFile> {
    const url = this.urlOf(fileId);
    if (!url) return { ok: false, reason: 'unavailable' };
    return downloadPlatformFile(url, { logger: this.options.logger, what: 'a Zalo photo', redirect: 'error', ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}) });
  }

  private urlOf(fileId: string): URL | null {
    try {
      const url = new URL(fileId);
      return url.protocol === 'https:' || (this.options.allowHttp && url.protocol === 'http:') ? url : null;
    } catch {
      return null;
    }
  }
}
