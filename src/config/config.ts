import { z } from 'zod';
import { evidenceTypes } from '../evidence/file-types.ts';
import { isTimeZone } from '../shared/local-calendar.ts';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const port = z.coerce.number().int().min(0).max(65535);

/**
 * Every setting the product reads from the environment. Parsed once at start-up (loadConfig); the
 * rest of the code receives typed values and never touches process.env.
 */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Public base URL of this server, used in links (defaults to http://localhost:PORT). */
    PUBLIC_URL: z.url().optional(),
    /**
     * Addresses of reverse proxies in front of this server, comma-separated ("127.0.0.1,10.0.0.2"). Only
     * a request arriving from one of them has its client address read from X-Forwarded-For; from
     * anywhere else that header is ignored, so a client cannot choose the address it is throttled by.
     */
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((a) => a.trim()).filter((a) => a !== '')),
    DATABASE_URL: z.string().min(1).default('file:./data/bvntd.db'),
    /** PostgreSQL: connections per instance (instances x pool must stay under the server's max_connections). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    /**
     * This instance's name among several on one PostgreSQL: the owner of its claims and leases. Keep it
     * stable across restarts (a restarted instance takes its own claims back at once); default host:PORT.
     */
    INSTANCE_ID: optionalString,
    /** Turns each chat channel handles at once; more only lengthens the queue on a CPU-bound engine. */
    TURN_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
    /**
     * Proactive messages (warnings, staff replies, reminders) a second per channel: under Telegram's
     * documented ~30 a second for a bot; Zalo publishes none, so the same. Raise only with the
     * platform's agreement (Telegram's paid broadcasts allow up to 1,000).
     */
    TELEGRAM_SEND_RATE: z.coerce.number().positive().max(1000).default(25),
    ZALO_SEND_RATE: z.coerce.number().positive().max(1000).default(25),
    /**
     * Published warnings' copies a second as Telegram paid broadcasts (allow_paid_broadcast: up to
     * 1,000 a second, 0.1 Telegram Stars per message from the bot's balance). 0, the default: none
     * are paid, and warnings share TELEGRAM_SEND_RATE with every other message.
     */
    TELEGRAM_PAID_BROADCAST_RATE: z.coerce.number().min(0).max(1000).default(0),
    /** Chats the outbox sends to at once per channel: the platform's round trip bounds one sender. */
    OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
    DATA_DIR: z.string().min(1).default('./data'),
    KNOWLEDGE_DIR: z.string().min(1).default('./knowledge'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TZ_NAME: z.string().default('Asia/Ho_Chi_Minh').refine(isTimeZone, 'is not a time zone (an IANA name such as Asia/Ho_Chi_Minh)'),
    /** When staff answer escalated chats, in TZ_NAME; holidays come from the Holiday table. */
    STAFF_WORKING_HOURS: z.string().trim().min(1).default('mon-fri 07:30-11:30 13:30-17:00'),
    /**
     * Days a raw platform update (Telegram, Zalo: names, usernames, the text as sent) and the replies
     * stored with it are kept: they serve replay after a crash and recognising redeliveries, which
     * take minutes; the privacy notice (/quyenriengtu) states the figure.
     */
    JOURNAL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
    /** Days staff login attempts (e-mail, address) are kept; the throttle reads the last 15 minutes. */
    LOGIN_ATTEMPT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /**
     * Files a consumer attaches in the web chat (complaint evidence): the size cap in bytes (10 MB by
     * default; phone photos are 2-5 MB) and the types allowed, comma-separated MIME types, each
     * checked against the file's own bytes. Days an upload no complaint refers to is kept.
     */
    UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(10 * 1024 * 1024),
    UPLOAD_ALLOWED_TYPES: z
      .string()
      .default('image/jpeg,image/png,image/webp,image/heic,application/pdf')
      .transform((v) => v.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))
      .pipe(z.array(z.enum(evidenceTypes)).min(1)),
    UPLOAD_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** "true": an admin must set up a second factor (TOTP) before using the console; agents may. */
    /**
     * The key sealing staff TOTP secrets in the database: 64 hex digits (or base64 of 32 bytes). Unset:
     * a key file `secret.key` is created once in DATA_DIR. Set it when the database lives apart from
     * DATA_DIR, and keep it out of the database's backups.
     */
    STAFF_SECRET_KEY: optionalString,
    STAFF_TOTP_REQUIRED_FOR_ADMINS: z
      .enum(['true', 'false', '1', '0', ''])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),

    EMBEDDINGS_PROVIDER: z.enum(['corpus', 'openai', 'ollama']).default('corpus'),
    EMBEDDINGS_MODEL: optionalString,
    EMBEDDINGS_BASE_URL: optionalString.pipe(z.url().optional()),
    EMBEDDINGS_API_KEY: optionalString,

    /** Optional chat model that writes answers from retrieved passages (OpenAI-compatible API). */
    LLM_BASE_URL: optionalString.pipe(z.url().optional()),
    LLM_API_KEY: optionalString,
    LLM_MODEL: optionalString,
    LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
    /** guided: answers from the guidance entries (default); extractive: the first build's clause extracts. */
    ANSWER_COMPOSER: z.enum(['guided', 'extractive']).default('guided'),

    TELEGRAM_BOT_TOKEN: optionalString,
    TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
    TELEGRAM_WEBHOOK_URL: optionalString.pipe(z.url().optional()),
    TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'use 1-256 characters A-Z a-z 0-9 _ -').optional()),
    ZALO_BOT_TOKEN: optionalString,
    ZALO_API_BASE: z.url().default('https://bot-api.zaloplatforms.com'),
    ZALO_WEBHOOK_SECRET: optionalString.pipe(z.string().min(8).max(256).optional()),
    /** Webhook mode for Zalo: the public URL Zalo posts to (its path is served here); getUpdates polling when unset. */
    ZALO_WEBHOOK_URL: optionalString.pipe(z.url().optional()),

    /** Hotline and association contacts shown when the bot cannot help. */
    HOTLINE_NATIONAL: z.string().default('1800.6838'),
    // A province that exists after the 2025 merger (Bình Dương, the old default, is now part of
    // Thành phố Hồ Chí Minh), and the one whose plan's targets the console reports against.
    PROVINCE_NAME: z.string().default('Khánh Hòa'),
    /**
     * Who runs this deployment and signs its yearly report: the unit's name (default: the province's
     * consumer association), the body above it if the letterhead names one, the recipient, and the
     * signer's title and name (left blank to sign by hand).
     */
    AGENCY_NAME: optionalString,
    AGENCY_PARENT: optionalString,
    REPORT_RECIPIENT: optionalString,
    REPORT_SIGNER_TITLE: z.string().default('Chủ tịch'),
    REPORT_SIGNER_NAME: optionalString,
  })
  .superRefine((c, ctx) => {
    if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'is required when TELEGRAM_WEBHOOK_URL is set' });
    }
    if (c.ZALO_WEBHOOK_URL && !c.ZALO_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['ZALO_WEBHOOK_SECRET'], message: 'is required when ZALO_WEBHOOK_URL is set' });
    }
    if (c.EMBEDDINGS_PROVIDER !== 'corpus' && !c.EMBEDDINGS_MODEL) {
      ctx.addIssue({ code: 'custom', path: ['EMBEDDINGS_MODEL'], message: `is required when EMBEDDINGS_PROVIDER=${c.EMBEDDINGS_PROVIDER}` });
    }
    if (c.LLM_BASE_URL && !c.LLM_MODEL) {
      ctx.addIssue({ code: 'custom', path: ['LLM_MODEL'], message: 'is required when LLM_BASE_URL is set' });
    }
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Names every invalid variable; never echoes values, since some are secrets. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** The list of secret values, so logs and error messages can redact them. */
export function secretsOf(config: Config): string[] {
  return [config.TELEGRAM_BOT_TOKEN, config.ZALO_BOT_TOKEN, config.TELEGRAM_WEBHOOK_SECRET, config.ZALO_WEBHOOK_SECRET, config.LLM_API_KEY, config.EMBEDDINGS_API_KEY].filter(
    (s): s is string => typeof s === 'string' && s.length > 0,
  );
}

/** This instance's name (INSTANCE_ID), by default host:port: unique per live instance on a host, stable across its restarts. */
/** Where links point: PUBLIC_URL, or this server on localhost. */
export function publicUrlOf(config: Pick<Config, 'PUBLIC_URL' | 'PORT'>): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
}

export function instanceIdOf(config: Pick<Config, 'INSTANCE_ID' | 'PORT'>, hostname: string): string {
  return config.INSTANCE_ID ?? `${hostname}:${config.PORT}`;
}
