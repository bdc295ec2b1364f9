import type { InboundMessage } from '../dialogue/messages.ts';
import type { Draft, RequiredField } from './complaint-draft.ts';
import type { Extraction, FactValues } from './complaint-extractor.ts';
import { resolutions, type Resolution } from './extract-resolution.ts';
import { purchaseChannels, type PurchaseChannel } from './infer-purchase-channel.ts';
import { foldPhrase } from './folded-text.ts';
import { tellsWhatHappened } from './story-sentences.ts';

/**
 * How what the consumer says changes the draft: extracted facts, picked options, the story and
 * evidence. Pure functions over the draft, so the flow's step machine only decides when.
 */

/** A picked option for the channel or the wished resolution. */
export function choiceValue(choice: string | undefined): FactValues | null {
  if (!choice) return null;
  const channel = /^complaint\.channel\.(.+)$/.exec(choice)?.[1];
  if (channel && (purchaseChannels as readonly string[]).includes(channel)) return { purchaseChannel: channel as PurchaseChannel };
  const want = /^complaint\.want\.(.+)$/.exec(choice)?.[1];
  if (want && (resolutions as readonly string[]).includes(want)) return { desiredResolution: [want as Resolution] };
  return null;
}

/**
 * Merges what a message said into the draft: empty fields are filled; a filled one changes only
 * when the consumer corrects it or answers the question about it. Wished resolutions add up.
 */
export function applyValues(draft: Draft, values: FactValues, override: boolean, asked: RequiredField | null = null): Draft {
  const next: Draft = { ...draft };
  const fill = <K extends keyof FactValues & keyof Draft>(key: K, field: RequiredField | null) => {
    const value = values[key];
    if (value === undefined || value === null) return;
    const current = draft[key];
    const empty = current === null || (Array.isArray(current) && current.length === 0);
    if (empty || override || (field !== null && asked === field)) (next as Record<string, unknown>)[key] = value;
  };
  fill('product', 'product');
  // "bộ nồi" then "bộ nồi inox 8.500.000đ": the same thing named more fully.
  if (next.product === draft.product && draft.product && values.product && extends_(values.product, draft.product)) next.product = values.product;
  fill('businessName', 'businessName');
  fill('businessAddress', null);
  fill('platform', null);
  fill('purchaseDate', 'purchaseDate');
  if (next.purchaseDate !== draft.purchaseDate) next.purchaseDateApproximate = values.purchaseDateApproximate ?? false;
  fill('amountVnd', 'amountVnd');
  fill('purchaseChannel', 'purchaseChannel');
  fill('consumerName', 'consumerName');
  fill('phone', 'contact');
  fill('email', 'contact');
  fill('province', 'province');
  // A province read from where the seller is gives way to where the consumer says they live.
  if (values.province && values.provinceOfConsumer && !draft.provinceOfConsumer) next.province = values.province;
  if (next.province !== draft.province) {
    next.provinceFormer = values.provinceFormer ?? null;
    next.provinceOfConsumer = values.provinceOfConsumer ?? false;
  }
  if (values.desiredResolution?.length) {
    const implied = values.desiredResolutionImplied === true;
    if (implied) {
      // A remedy read from the story only fills an empty list.
      if (draft.desiredResolution.length === 0) Object.assign(next, { desiredResolution: values.desiredResolution, desiredResolutionImplied: true });
    } else if (draft.desiredResolutionImplied || (override && asked !== 'desiredResolution')) {
      Object.assign(next, { desiredResolution: values.desiredResolution, desiredResolutionImplied: false });
    } else next.desiredResolution = [...new Set([...draft.desiredResolution, ...values.desiredResolution])];
  }
  return next;
}

function extends_(fuller: string, shorter: string): boolean {
  const a = foldPhrase(fuller);
  const b = foldPhrase(shorter);
  return a.length > b.length && a.startsWith(`${b} `) && a.split(' ').length - b.split(' ').length <= 3;
}

/** The story: the opening message and any later message that tells more of it, in the consumer's words. */
export function withNarrative(draft: Draft, text: string, extraction: Extraction, asked: RequiredField | null, opening: boolean): Draft {
  const clean = text.trim();
  const words = clean.split(/\s+/).length;
  // Asked what happened, a reply that only gives facts ("Mình tên Lan, 0912..., ở Cần Thơ") is not
  // the story; one that also says what happened is ("quán X chặt chém, tính tôi 3tr6").
  const onlyFacts = Object.keys(extraction.values).length > 0 && !extraction.isStory && !tellsWhatHappened(clean);
  const storyWanted = asked === 'narrative' || (asked === null && draft.narrative === '' && !opening);
  // The message that opened the complaint is the story unless it is a bare "shop lừa tôi, muốn khiếu nại".
  // Later messages that go on telling what happened ("the page has blocked me now") belong to the
  // story too: the classification and the fraud check read it.
  const goesOn = extraction.isStory || (!opening && words >= 6 && tellsWhatHappened(clean));
  const tellsStory = storyWanted ? words >= 3 && !onlyFacts && !extraction.correction : (goesOn || (opening && words >= 8)) && !extraction.correction;
  if (!tellsStory) return draft;
  if (draft.narrative.includes(clean)) return draft;
  return { ...draft, narrative: draft.narrative ? `${draft.narrative}\n${clean}` : clean };
}

export function withEvidence(draft: Draft, message: InboundMessage, now: Date): Draft {
  const files = (message.attachments ?? []).filter((a) => a.kind !== 'sticker');
  if (files.length === 0) return draft;
  return {
    ...draft,
    evidence: [
      ...draft.evidence,
      ...files.map((a) => ({ kind: a.kind, fileId: a.fileId ?? null, fileName: a.fileName ?? null, mimeType: a.mimeType ?? null, receivedAt: now.toISOString() })),
    ],
  };
}

export function changedValues(before: Draft, after: Draft): FactValues {
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof Draft>) {
    if (key === 'narrative' || key === 'evidence') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = after[key];
  }
  if ('purchaseDate' in changed) changed.purchaseDateApproximate = after.purchaseDateApproximate;
  if ('province' in changed) Object.assign(changed, { provinceFormer: after.provinceFormer, provinceOfConsumer: after.provinceOfConsumer });
  return changed as FactValues;
}

export function hasAny(before: Draft, changed: FactValues): boolean {
  return Object.keys(changed).some((k) => {
    const v = before[k as keyof Draft];
    return v !== null && !(Array.isArray(v) && v.length === 0) && k !== 'purchaseDateApproximate' && k !== 'provinceFormer' && k !== 'provinceOfConsumer' && k !== 'desiredResolutionImplied';
  });
}

/** Takes remedies off the list ("bỏ yêu cầu sửa chữa"); the order of the others stays. */
export function withoutResolutions(draft: Draft, removed: readonly Resolution[]): Draft {
  return { ...draft, desiredResolution: draft.desiredResolution.filter((r) => !removed.includes(r)) };
}
