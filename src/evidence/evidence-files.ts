import type { ChannelName } from '../dialogue/messages.ts';
import type { EvidenceStore } from './evidence-store.ts';
import { uploadIdOf } from './evidence-store.ts';
import { sniffEvidenceType, type EvidenceType } from './file-types.ts';
import type { PlatformFiles } from './platform-files.ts';

/** What a complaint's evidence item says about its file (the complaint record's evidence entry). */
export interface EvidenceRef {
  readonly kind: string;
  readonly fileId: string | null;
}

/**
 * notAFile: a location, a contact, or content the platform withheld: nothing to open.
 * notConfigured: the platform's file, but this deployment has no token for that platform.
 * unavailable: the file is gone (expired on the platform, erased, never stored).
 */
export type EvidenceAvailability = 'available' | 'notAFile' | 'notConfigured' | 'unavailable';

export type OpenedEvidence =
  /** `type` is what the bytes are (sniffed again here), null when they are none of the evidence types. */
  | { readonly ok: true; readonly type: EvidenceType | null; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: Exclude<EvidenceAvailability, 'available'> };

/** Kinds that never name a file one can open. */
const notFiles = new Set(['location', 'other', 'sticker']);

/**
 * Opens a complaint's evidence wherever its bytes are: the web chat's uploads in the evidence store,
 * Telegram's and Zalo's files through their channel's PlatformFiles.
 */
export class EvidenceFiles {
  constructor(
    private readonly store: EvidenceStore,
    private readonly platforms: Partial<Record<ChannelName, PlatformFiles>>,
  ) {}

  async availability(channel: ChannelName, evidence: EvidenceRef): Promise<EvidenceAvailability> {
    const uploaded = uploadIdOf(evidence.fileId);
    if (uploaded) return (await this.store.exists(uploaded)) ? 'available' : 'unavailable';
    const platform = this.platformOf(channel, evidence);
    if (!platform) return 'notAFile';
    return platform.probe(evidence.fileId!);
  }

  async open(channel: ChannelName, evidence: EvidenceRef): Promise<OpenedEvidence> {
    const uploaded = uploadIdOf(evidence.fileId);
    if (uploaded) {
      const file = await this.store.read(uploaded);
      return file ? { ok: true, type: sniffEvidenceType(file.bytes), bytes: file.bytes } : { ok: false, reason: 'unavailable' };
    }
    const platform = this.platformOf(channel, evidence);
    if (!platform) return { ok: false, reason: 'notAFile' };
    const fetched = await platform.fetch(evidence.fileId!);
    return fetched.ok ? { ok: true, type: sniffEvidenceType(fetched.bytes), bytes: fetched.bytes } : fetched;
  }

  private platformOf(channel: ChannelName, evidence: EvidenceRef): PlatformFiles | null {
    if (!evidence.fileId || notFiles.has(evidence.kind) || evidence.fileId.startsWith('geo:')) return null;
    return this.platforms[channel] ?? null;
  }
}
