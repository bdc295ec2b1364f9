import { z } from 'zod';
import { backoffDelay, sleep } from '../channels/backoff.ts';
import { type JsonPost, type JsonPostAnswer, nodeJsonPost } from './json-post.ts';
import {
  type ZaloMe,
  type ZaloUpdate,
  zaloEnvelopeSchema,
  zaloGetUpdatesResultSchema,
  zaloMeSchema,
  zaloSentSchema,
  zaloWebhookInfoSchema,
} from './zalo-schemas.ts';

export interface ZaloClientOptions {
  readonly token: string;
  /** The part before `/bot<TOKEN>/`, e.g. https://bot-api.zaloplatforms.com. */
  readonly baseUrl: string;
  /** How requests are sent (tests of failure handling may pass another). */
  readonly post?: JsonPost;
  /** Retries on 429, 5xx and network failures; getUpdates is never retried here (its loop backs off). */
  readonly retry?: { readonly maxAttempts: number; readonly baseDelayMs: number; readonly maxDelayMs: number };
  /** Per request, beyond a long poll's own timeout. */
  readonly requestTimeoutMs?: number;
}

/** Zalo answered with an error, or could not be reached. Never carries the token. */
export class ZaloApiError extends Error {
  override readonly name = 'ZaloApiError';

  constructor(
    readonly method: string,
    /** Zalo's error_code, or the HTTP status when the body was no envelope; null when unreachable. */
    readonly code: number | null,
    description: string,
    options: { cause?: unknown; malformed?: boolean } = {},
  ) {
    super(`Zalo ${method} failed${code === null ? '' : ` (${code})`}: ${description}`, { cause: options.cause });
    this.malformed = options.malformed ?? false;
  }

  /** The answer did not have the documented shape: asking again would not change it. */
  readonly malformed: boolean;

  /** 429 (quota, no retry_after given), 5xx, Zalo's 403 "server error" and network failures. */
  get transient(): boolean {
    if (this.malformed) return false;
    return this.code === null || this.code === 429 || this.code === 403 || this.code >= 500;
  }
}

const defaultRetry = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 };

/**
 * A small typed client for the Zalo Bot API (docs/zalo-bot-api.md): POST JSON to
 * `${baseUrl}/bot${token}/${method}`, the `{ok, result}` envelope and every result checked with
 * zod, bounded exponential backoff on 429, 5xx and network failures.
 */
export class ZaloClient {
  private readonly post: JsonPost;
  private readonly retry: NonNullable<ZaloClientOptions['retry']>;
  private readonly base: string;

  constructor(private readonly options: ZaloClientOptions) {
    this.post = options.post ?? nodeJsonPost;
    this.retry = options.retry ?? defaultRetry;
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  getMe(): Promise<ZaloMe> {
    return this.call('getMe', {}, zaloMeSchema);
  }

  /** Waits up to `timeoutSeconds` for the next update; [] when the poll ended idle (Zalo's 408). */
  async getUpdates(timeoutSeconds: number, signal?: AbortSignal): Promise<ZaloUpdate[]> {
    try {
      return await this.call('getUpdates', { timeout: String(timeoutSeconds) }, zaloGetUpdatesResultSchema, {
        signal,
        retry: false,
        timeoutMs: timeoutSeconds * 1000 + (this.options.requestTimeoutMs ?? 15_000),
      });
    } catch (error) {
      if (error instanceof ZaloApiError && error.code === 408) return [];
      throw error;
    }
  }

  setWebhook(url: string, secretToken: string): Promise<unknown> {
    return this.call('setWebhook', { url, secret_token: secretToken }, zaloWebhookInfoSchema);
  }

  deleteWebhook(): Promise<unknown> {
    return this.call('deleteWebhook', {}, zaloWebhookInfoSchema);
  }

  /** null when no webhook is set (Zalo answers 404). */
  async getWebhookInfo(): Promise<z.infer<typeof zaloWebhookInfoSchema> | null> {
    try {
      return await this.call('getWebhookInfo', {}, zaloWebhookInfoSchema);
    } catch (error) {
      if (error instanceof ZaloApiError && error.code === 404) return null;
      throw error;
    }
  }

  sendMessage(chatId: string, text: string): Promise<z.infer<typeof zaloSentSchema>> {
    return this.call('sendMessage', { chat_id: chatId, text }, zaloSentSchema);
  }

  sendPhoto(chatId: string, photoUrl: string, caption?: string): Promise<z.infer<typeof zaloSentSchema>> {
    return this.call('sendPhoto', { chat_id: chatId, photo: photoUrl, ...(caption ? { caption } : {}) }, zaloSentSchema);
  }

  async sendChatAction(chatId: string, action: 'typing'): Promise<void> {
    // The result is only documented as "true-like": nothing in it is used.
    await this.call('sendChatAction', { chat_id: chatId, action }, z.unknown());
  }

  async call<S extends z.ZodType>(
    method: string,
    params: Record<string, unknown>,
    schema: S,
    options: { signal?: AbortSignal | undefined; retry?: boolean; timeoutMs?: number } = {},
  ): Promise<z.output<S>> {
    const attempts = options.retry === false ? 1 : this.retry.maxAttempts;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.callOnce(method, params, schema, options);
      } catch (error) {
        const retryable = error instanceof ZaloApiError && error.transient && !options.signal?.aborted;
        if (!retryable || attempt + 1 >= attempts) throw error;
        await sleep(backoffDelay(attempt, this.retry.baseDelayMs, this.retry.maxDelayMs), options.signal);
      }
    }
  }

  private async callOnce<S extends z.ZodType>(
    method: string,
    params: Record<string, unknown>,
    schema: S,
    options: { signal?: AbortSignal | undefined; timeoutMs?: number },
  ): Promise<z.output<S>> {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? this.options.requestTimeoutMs ?? 15_000);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: JsonPostAnswer;
    try {
      response = await this.post(`${this.base}/bot${this.options.token}/${method}`, JSON.stringify(params), { signal });
    } catch (error) {
      throw new ZaloApiError(method, null, signal.aborted ? 'request aborted or timed out' : 'request failed', { cause: this.redacted(error) });
    }
    const text = response.text;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      // A proxy's HTML error page under a 5xx is worth retrying; a 200 that is not JSON is not.
      throw new ZaloApiError(method, response.status >= 400 ? response.status : 502, 'the answer was not JSON', { cause: this.redacted(error), malformed: response.status < 500 });
    }
    const envelope = zaloEnvelopeSchema.safeParse(body);
    if (!envelope.success) {
      throw new ZaloApiError(method, response.status >= 400 ? response.status : 502, 'unexpected answer shape', { cause: envelope.error, malformed: response.status < 500 });
    }
    if (!envelope.data.ok) {
      const failure = envelope.data as { error_code: number; description?: string };
      throw new ZaloApiError(method, failure.error_code, failure.description ?? 'error');
    }
    const result = schema.safeParse(envelope.data.result);
    if (!result.success) throw new ZaloApiError(method, 502, 'unexpected result shape', { cause: result.error, malformed: true });
    return result.data;
  }

  /** Network errors may quote the URL, which contains the token. */
  private redacted(error: unknown): unknown {
    const token = this.options.token;
    if (!(error instanceof Error)) return error;
    const leaks = (e: unknown): boolean =>
      e instanceof Error && (e.message.includes(token) || (e.stack ?? '').includes(token) || leaks(e.cause));
    if (!leaks(error)) return error;
    const copy = new Error(error.message.split(token).join('***'));
    copy.name = error.name;
    return copy;
  }
}
