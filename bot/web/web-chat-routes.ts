import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { EngineEntrance } from '../../src/dialogue/inbound-text.ts';
import type { Reply } from '../../src/dialogue/messages.ts';
import type { ConversationSnapshot } from '../../src/dialogue/conversation-store.ts';
import type { Outbox } from '../../src/dialogue/outbox.ts';
import type { HandoffStanding } from '../../src/handoff/handoff-standing.ts';
import { uploadFileId, type EvidenceStore } from '../../src/evidence/evidence-store.ts';
import { extensionOf } from '../../src/evidence/file-types.ts';
import { checkUpload, type UploadPolicy } from '../../src/evidence/upload-policy.ts';
import type { Locale, Translator } from '../../src/i18n/translator.ts';
import { systemClock, type Clock } from '../../src/shared/clock.ts';
import type { PrismaConversationStore } from '../../src/storage/prisma-conversation-store.ts';
import { jsonBody } from './json-body.ts';

const sessionCookie = 'bvntd_chat';
const sessionIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/**
 * The cookie is the only key to a transcript that may hold a complaint's details: it lives 30 days
 * after the last message (sliding), not months.
 */
const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;
/** Typed in the chat, ends the session on this browser (a shared computer); the button does the same. */
const endCommand = /^\/(ketthuc|endsession|dangxuat|logout)\s*$/i;

const messageSchema = z
  .object({
    text: z.string().max(20_000).default(''),
    choice: z.string().max(200).optional(),
    /** Client-generated id: a retried POST is answered once. It becomes a stored key: no control characters. */
    messageId: z.string().max(100).regex(/^[^\u0000-\u001f\u007f]*$/).optional(),
  })
  .strict();
/** The words of the page itself (header, text box, errors), under channels.web.page.* in the locales. */
const pageStrings = ['title', 'sub', 'endSession', 'endSessionHint', 'log', 'input', 'placeholder', 'send', 'tooLong', 'error', 'offline', 'staff', 'attach', 'attachHint', 'attached'] as const;
/** The parts of an upload besides the file: a caption typed with it and the retry key. */
const uploadFields = z.object({
  text: z.string().max(20_000).default(''),
  messageId: messageSchema.shape.messageId,
});
/** Multipart framing and the other fields around the file itself. */
const multipartOverheadBytes = 64 * 1024;
const ackSchema = z.object({ ids: z.array(z.string().min(1).max(100)).max(50) }).strict();

export interface WebChatDeps {
  readonly engine: Pick<EngineEntrance, 'handle'>;
  readonly store: PrismaConversationStore;
  /** Proactive messages (staff replies, reminders) for web sessions, collected by GET /updates. */
  readonly outbox?: Outbox;
  readonly translators: (locale: Locale) => Translator;
  /** Published over https: the cookie is Secure. */
  readonly secureCookies?: boolean;
  /** The national hotline shown in the page's header. */
  readonly hotline?: string;
  /** Where a user waiting for staff stands: the page's banner, refreshed with every poll. */
  readonly standing?: (conversationId: string) => Promise<HandoffStanding | null>;
  /** Photos and files the user attaches (POST /attachments): where they are kept and their limits. */
  readonly uploads?: { readonly store: EvidenceStore; readonly policy: UploadPolicy };
  readonly clock?: Clock;
}

/** Under the API's mount: the one path whose body may be larger than the server-wide limit. */
export const attachmentsPath = '/attachments';

/**
 * The web chat's API: one conversation per browser, kept in an HttpOnly cookie whose value only
 * the server chooses. A cookie naming no conversation this server started (a guessed or planted
 * "00000000-…") is replaced, so nobody can pick the id another browser will use.
 */
export function webChatRoutes(deps: WebChatDeps): Hono {
  const app = new Hono();
  const cookieOptions = { httpOnly: true, sameSite: 'Lax', path: '/', secure: deps.secureCookies ?? false } as const;
  const clock = deps.clock ?? systemClock;

  /** The session this browser holds, if the server issued it: its id and its conversation. */
  const knownSession = async (c: Context): Promise<{ id: string; locale: Locale; conversation: ConversationSnapshot } | null> => {
    const id = getCookie(c, sessionCookie);
    if (!id || !sessionIdPattern.test(id)) return null;
    const conversation = await deps.store.find('web', id);
    return conversation ? { id, locale: conversation.locale, conversation } : null;
  };

  app.post('/messages', jsonBody(messageSchema), async (c) => {
    const body = c.req.valid('json');
    const known = await knownSession(c);
    if (!body.choice && endCommand.test(body.text.trim())) {
      if (known) await deps.store.retire('web', known.id, clock.now());
      deleteCookie(c, sessionCookie, cookieOptions);
      const t = deps.translators(known?.locale ?? 'vi');
      return c.json({ locale: known?.locale ?? 'vi', replies: [toWire({ text: t.t('channels.web.sessionEnded') })], ended: true });
    }
    const sessionId = known?.id ?? randomUUID();
    // Sliding lifetime: every message renews the 30 days.
    setCookie(c, sessionCookie, sessionId, { ...cookieOptions, maxAge: sessionMaxAgeSeconds });
    const result = await deps.engine.handle({
      channel: 'web',
      externalId: sessionId,
      text: body.text,
      ...(body.choice ? { choice: body.choice } : {}),
      ...(body.messageId ? { updateKey: `${sessionId}:${body.messageId}` } : {}),
    });
    return c.json({ locale: result.locale, replies: result.replies.map(toWire) });
  });

  /**
   * A photo or file, with an optional caption: checked by its bytes against the configured size and
   * types, kept in the evidence store under a random id, then handed to the engine as an attachment
   * on the message, as Telegram and Zalo photos are (during a complaint intake it becomes evidence).
   */
  if (deps.uploads) {
    const uploads = deps.uploads;
    const refusal = (c: Context, locale: Locale, refused: 'empty' | 'tooLarge' | 'type') => {
      const t = deps.translators(locale);
      const message = t.t(`channels.web.upload.${refused}`, {
        max: sizeText(uploads.policy.maxBytes, locale),
        types: uploads.policy.allowedTypes.map((type) => extensionOf(type).toUpperCase()).join(', '),
      });
      return c.json({ error: refused === 'tooLarge' ? 'payload_too_large' : refused === 'type' ? 'unsupported_type' : 'empty_file', message }, refused === 'tooLarge' ? 413 : refused === 'type' ? 415 : 400);
    };
    app.post(
      attachmentsPath,
      bodyLimit({
        maxSize: uploads.policy.maxBytes + multipartOverheadBytes,
        onError: async (c) => refusal(c, (await knownSession(c))?.locale ?? browserLocale(c), 'tooLarge'),
      }),
      async (c) => {
        const known = await knownSession(c);
        const locale = known?.locale ?? browserLocale(c);
        const form = await c.req.parseBody().catch(() => null);
        const file = form?.file;
        const fields = uploadFields.safeParse({ text: typeof form?.text === 'string' ? form.text : '', messageId: typeof form?.messageId === 'string' ? form.messageId : undefined });
        if (!form || !(file instanceof File) || !fields.success) return c.json({ error: 'invalid_request', message: deps.translators(locale).t('channels.web.page.error') }, 400);
        const bytes = new Uint8Array(await file.arrayBuffer());
        const check = checkUpload(bytes, uploads.policy);
        if (!check.ok) return refusal(c, locale, check.refused);
        const sessionId = known?.id ?? randomUUID();
        setCookie(c, sessionCookie, sessionId, { ...cookieOptions, maxAge: sessionMaxAgeSeconds });
        const now = clock.now();
        const conversation = known?.conversation ?? (await deps.store.findOrCreate('web', sessionId, undefined, now));
        // A retried POST (same messageId) stores the bytes again; the engine answers it once, and the
        // copy no complaint names is removed by the retention job.
        const id = await uploads.store.save({ conversationId: conversation.id, mimeType: check.mimeType, bytes }, now);
        const result = await deps.engine.handle({
          channel: 'web',
          externalId: sessionId,
          text: fields.data.text,
          // The user's file name is only shown to staff, never used as a name for the stored bytes.
          attachments: [{ kind: check.kind, fileId: uploadFileId(id), mimeType: check.mimeType, ...(file.name ? { fileName: file.name.slice(0, 200) } : {}) }],
          ...(fields.data.messageId ? { updateKey: `${sessionId}:${fields.data.messageId}` } : {}),
        });
        return c.json({ locale: result.locale, replies: result.replies.map(toWire) });
      },
    );
  }

  /** Ends the session on this browser and on the server; the conversation stays for staff (erasure is /xoadulieu). */
  app.post('/end', async (c) => {
    const known = await knownSession(c);
    if (known) await deps.store.retire('web', known.id, clock.now());
    deleteCookie(c, sessionCookie, cookieOptions);
    const t = deps.translators(known?.locale ?? 'vi');
    return c.json({ ended: true, text: t.t('channels.web.sessionEnded') });
  });

  /**
   * The page's own words in the conversation's language (or, before there is one, the browser's):
   * the static page is Vietnamese, and chat.js swaps these in, again whenever the language changes.
   */
  app.get('/strings', async (c) => {
    const known = await knownSession(c);
    const locale: Locale = known?.locale ?? browserLocale(c);
    const t = deps.translators(locale);
    const strings = Object.fromEntries(pageStrings.map((key) => [key, t.t(`channels.web.page.${key}`, { hotline: deps.hotline ?? '1800.6838' })]));
    return c.json({ locale, strings });
  });

  app.get('/history', async (c) => {
    const known = await knownSession(c);
    if (!known) return c.json({ messages: [] });
    const { conversation } = known;
    const messages = await deps.store.transcript(conversation.id, 200);
    // Staff replies waiting in the outbox are already in the transcript: the page acknowledges them
    // after drawing the history, so the next poll does not show them a second time.
    const pending = deps.outbox ? (await deps.outbox.pendingFor('web', known.id, 50)).map((item) => item.id) : [];
    return c.json({
      locale: conversation.locale,
      // The automatic "/start" a new page sends is not something the user typed.
      messages: messages.filter((m) => !(m.direction === 'in' && /^\/start\b/.test(m.text))).map((m) => ({ direction: m.direction, text: m.text, at: m.createdAt.toISOString() })),
      // The buttons under the last reply, so a reload at the consent step is not a dead end.
      options: conversation.lastOptions,
      shownUpdates: pending,
    });
  });

  // The page polls this: the web has no push channel. Reading does not consume: an item stays
  // pending until the page acknowledges it was shown, so a prefetch or a closed tab loses nothing.
  app.get('/updates', async (c) => {
    const known = await knownSession(c);
    if (!deps.outbox || !known) return c.json({ replies: [] });
    const [items, standing] = await Promise.all([deps.outbox.pendingFor('web', known.id, 20), deps.standing?.(known.conversation.id) ?? Promise.resolve(null)]);
    const t = deps.translators(known.locale);
    return c.json({ replies: items.map((item) => ({ id: item.id, ...toWire(item.reply) })), waiting: standing ? bannerText(standing, t) : null });
  });

  app.post('/updates/ack', jsonBody(ackSchema), async (c) => {
    const known = await knownSession(c);
    if (!deps.outbox || !known) return c.json({ acknowledged: 0 });
    // Only this session's own items: an id from another chat is ignored, not an error that tells it exists.
    const mine = new Set((await deps.outbox.pendingFor('web', known.id, 50)).map((item) => item.id));
    const ids = c.req.valid('json').ids.filter((id) => mine.has(id));
    for (const id of ids) await deps.outbox.markDelivered(id, clock.now());
    return c.json({ acknowledged: ids.length });
  });

  return app;
}

/** "10 MB", "64 KB" (and "1,5 MB" in Vietnamese): the cap as a person reads it. */
function sizeText(bytes: number, locale: Locale): string {
  const mb = bytes / (1024 * 1024);
  const format = (n: number) => n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  return mb >= 1 ? `${format(mb)} MB` : `${format(bytes / 1024)} KB`;
}

/** Before a conversation has a language: the browser's, if it prefers English. */
function browserLocale(c: Context): Locale {
  return /^en\b/.test((c.req.header('accept-language') ?? '').toLowerCase()) ? 'en' : 'vi';
}

function toWire(reply: Reply) {
  return {
    text: reply.text,
    options: reply.options ?? [],
    ...(reply.file ? { file: { fileName: reply.file.fileName, mimeType: reply.file.mimeType, base64: Buffer.from(reply.file.data).toString('base64') } } : {}),
    ...(reply.from ? { from: reply.from } : {}),
  };
}

/** The banner while a person is awaited: the place and wait, or that staff are answering. */
function bannerText(standing: HandoffStanding, t: Translator): string {
  if (standing.status === 'active') return t.t('channels.web.page.staffAnswering');
  return standing.minutes === null
    ? t.t('channels.web.page.waitingOutOfHours', { position: standing.position })
    : t.t('channels.web.page.waiting', { position: standing.position, minutes: standing.minutes });
}
