import { z } from 'zod';
import type { PlatformFile, PlatformFileState, PlatformFiles } from '../../src/evidence/platform-files.ts';
import type { Logger } from '../../src/shared/logger.ts';
import { downloadPlatformFile } from '../channels/bounded-download.ts';

const getFileAnswer = z.looseObject({ ok: z.boolean(), result: z.looseObject({ file_path: z.string().min(1).optional() }).optional() });

/**
 * Files Telegram users sent, fetched for the console: getFile names the file's path (valid for an
 * hour), then the bytes come from <api>/file/bot<token>/<path>. Without a token, nothing can be fetched
 * and the console says so. Failures are "unavailable" (logged), never an error page.
 */
export class TelegramFiles implements PlatformFiles {
  constructor(
    private readonly options: { readonly token: string | undefined; readonly apiRoot: string; readonly logger: Logger; readonly timeoutMs?: number },
  ) {}

  async probe(fileId: string): Promise<PlatformFileState> {
    if (!this.options.token) return 'notConfigured';
    return (await this.filePath(fileId)) ? 'available' : 'unavailable';
  }

  async fetch(fileId: string): Promise<PlatformFile> {
    const token = this.options.token;
    if (!token) return { ok: false, reason: 'notConfigured' };
    const filePath = await this.filePath(fileId);
    if (!filePath) return { ok: false, reason: 'unavailable' };
    return downloadPlatformFile(`${this.root()}/file/bot${token}/${filePath.split('/').map(encodeURIComponent).join('/')}`, { logger: this.options.logger, what: 'a Telegram file', ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}) });
  }

  private async filePath(fileId: string): Promise<string | null> {
    try {
      const response = await fetch(`${this.root()}/bot${this.options.token}/getFile?file_id=${encodeURIComponent(fileId)}`, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000) });
      const answer = getFileAnswer.safeParse(await response.json());
      // An expired or foreign file id answers ok:false ("Bad Request: wrong file_id…").
      return answer.success && answer.data.ok ? (answer.data.result?.file_path ?? null) : null;
    } catch (error) {
      this.options.logger.warn({ err: error }, 'Telegram getFile failed');
      return null;
    }
  }

  private root(): string {
    return this.options.apiRoot.replace(/\/+$/, '');
  }
}
