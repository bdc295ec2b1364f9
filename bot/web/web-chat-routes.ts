import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { EngineEntrance } from '../../src/dialogue/inbound-text.ts';
import type { Reply } from '../../src/dialogue/messages.ts';
import type { Outbox } from '../../src/dialogue/outbox.ts';
import type { PrismaConversationStore } from '../../src/storage/prisma-conversation-store.ts';
import { jsonBody } from './json-body.ts';

const sessionCookie = 'bvntd_chat';
const sessionIdPattern = /^[0-9a-f-]{36}$/;

const messageSchema = z
  .object({
    text: z.string().max(20_000).default(''),
    choice: z.string().max(200).optional(),
    /** Client-generated id: a retried POST is answered once. It becomes a stored key: no control characters. */
    messageId: z.string().max(100).regex(/^[^\u0000-\u001f\u007f]*$/).optional(),
  })
  .strict();

export interface WebChatDeps {
  readonly engine: Pick<EngineEntrance, 'handle'>;
  readonly store: PrismaConversationStore;
  /** Proactive messages (staff replies, reminders) for web sessions, collected by GET /updates. */
  readonly outbox?: Outbox;
}

/** The web chat's API: one conversation per browser, kept in an HttpOnly cookie. */
export function webChatRoutes(deps: WebChatDeps): Hono {
  const app = new Hono();

  app.post('/messages', jsonBody(messageSchema), async (c) => {
    const body = c.req.valid('json');
    const sessionId = ensureSession(c);
    const result = await deps.engine.handle({
      channel: 'web',
      externalId: sessionId,
      text: body.text,
      ...(body.choice ? { choice: body.choice } : {}),
      ...(body.messageId ? { updateKey: `${sessionId}:${body.messageId}` } : {}),
    });
    return c.json({ locale: result.locale, replies: result.replies.map(toWire) });
  });

  app.get('/history', async (c) => {
    const sessionId = getCookie(c, sessionCookie);
    if (!sessionId || !sessionIdPattern.test(sessionId)) return c.json({ messages: [] });
    const conversation = await deps.store.find('web', sessionId);
    if (!conversation) return c.json({ messages: [] });
    const messages = await deps.store.transcript(conversation.id, 200);
    return c.json({ messages: messages.map((m) => ({ direction: m.direction, text: m.text, at: m.createdAt.toISOString() })) });
  });

  // The page polls this: the web has no push channel, so its outbox items are handed over here.
  app.get('/updates', async (c) => {
    const sessionId = getCookie(c, sessionCookie);
    if (!deps.outbox || !sessionId || !sessionIdPattern.test(sessionId)) return c.json({ replies: [] });
    const items = await deps.outbox.pendingFor('web', sessionId, 20);
    for (const item of items) await deps.outbox.markDelivered(item.id, new Date());
    return c.json({ replies: items.map((item) => toWire(item.reply)) });
  });

  return app;
}

function ensureSession(c: Parameters<typeof getCookie>[0]): string {
  const existing = getCookie(c, sessionCookie);
  if (existing && sessionIdPattern.test(existing)) return existing;
  const id = randomUUID();
  setCookie(c, sessionCookie, id, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 60 * 60 * 24 * 180 });
  return id;
}

function toWire(reply: Reply) {
  return {
    text: reply.text,
    options: reply.options ?? [],
    ...(reply.file ? { file: { fileName: reply.file.fileName, mimeType: reply.file.mimeType, base64: Buffer.from(reply.file.data).toString('base64') } } : {}),
  };
}
