import type { DialogueEngine } from './dialogue-engine.ts';
import type { Attachment, InboundMessage } from './messages.ts';

/**
 * C0 control characters except tab (U+0009) and line feed (U+000A). NUL in particular: PostgreSQL
 * refuses it in text columns (the whole turn failed, HTTP 500 on the web chat) and SQLite's C
 * interfaces may cut a string at it. None of them means anything in a chat message.
 */
const controlCharacters = /[\u0000-\u0008\u000b-\u001f]/g;

/** A user's text without control characters; a carriage return (CR LF, or CR alone) is a line break. */
export function cleanInboundText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(controlCharacters, '');
}

/**
 * The message with every text a user or platform controls cleaned: the text, the user's name, the
 * picked option and the attachments' names. The chat id and update key are identities, not text:
 * they must match what the channel journaled, and come from the platform or are validated by the
 * channel (the web chat's session and message ids), so they are passed through unchanged.
 */
export function cleanInbound(message: InboundMessage): InboundMessage {
  return {
    ...message,
    text: cleanInboundText(message.text),
    ...(message.userName === undefined ? {} : { userName: cleanInboundText(message.userName) }),
    ...(message.choice === undefined ? {} : { choice: cleanInboundText(message.choice) }),
    ...(message.attachments ? { attachments: message.attachments.map(cleanAttachment) } : {}),
  };
}

function cleanAttachment(attachment: Attachment): Attachment {
  const { fileId, fileName, mimeType } = attachment;
  return {
    ...attachment,
    ...(fileId === undefined ? {} : { fileId: cleanInboundText(fileId) }),
    ...(fileName === undefined ? {} : { fileName: cleanInboundText(fileName) }),
    ...(mimeType === undefined ? {} : { mimeType: cleanInboundText(mimeType) }),
  };
}

/** What channels, the web chat and the terminal use of the dialogue engine. */
export type EngineEntrance = Pick<DialogueEngine, 'handle' | 'records'>;

/**
 * The engine as every channel reaches it (bot/app.ts hands out only this): each message is cleaned
 * once here, whatever channel it came from, before the engine, its flows or the store see it.
 */
export function cleaningInbound(engine: EngineEntrance): EngineEntrance {
  return {
    handle: (message) => engine.handle(cleanInbound(message)),
    records: (conversationId) => engine.records(conversationId),
  };
}
