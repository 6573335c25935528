// The life of a held request in the background: a content script reports it (the values become
// fingerprints at once), it is stored and the tab's top frame shows the prompt; the prompt answers,
// the decision is recorded, and one `hold-ended` message tells every frame of the tab (the holding
// frame sends or drops, the top frame removes the prompt).
import type { ContentSender, PromptSender } from '@/lib/background/message-router';
import type { GuardHoldMessage, UserDecision } from '@/lib/messages/guard-messages';
import type { ToContentMessage } from '@/lib/messages/to-content';
import { fingerprintItems } from '@/lib/log/fingerprint-input';
import { readHold } from '@/lib/prompt/hold-read';
import { closeHold, holdFromMessage, openHold, recordAudit, type RecordEvents } from './hold-store';

export interface HoldDeps {
  record: RecordEvents;
  now(): number;
  /** To one frame of a tab, or (frameId undefined) to all of its frames. Never rejects. */
  tell(tabId: number, frameId: number | undefined, message: ToContentMessage): Promise<void>;
}

export type HoldReply = { ok: boolean };

/** A content script holds a request (or, audit-only, reports one that left). */
export async function receiveHold(message: GuardHoldMessage, from: ContentSender, deps: HoldDeps): Promise<HoldReply> {
  // The values become fingerprints here, before anything is stored.
  const items = await fingerprintItems(message.items);
  const hold = holdFromMessage(message, items, from.tabId, from.frameId, from.url, deps.now());
  if (message.auditOnly) {
    await recordAudit(hold, deps.record);
    return { ok: true };
  }
  // Stored before the prompt asks for it; shown by the top frame whichever frame holds the data.
  await openHold(hold);
  await deps.tell(from.tabId, 0, { type: 'show-prompt', holdId: hold.holdId });
  return { ok: true };
}

/** The user answered in the prompt. Only the prompt shown in the tab that holds the request may. */
export async function answerHold(holdId: string, decision: UserDecision, from: PromptSender, deps: HoldDeps): Promise<HoldReply> {
  const hold = await readHold(holdId).catch(() => null);
  if (!hold || from.tabId !== hold.tabId) return { ok: false };
  // Recording or trusting may fail (full quota); the page must get its answer all the same.
  await closeHold(hold, decision, deps.record).catch(() => undefined);
  await deps.tell(hold.tabId, undefined, { type: 'hold-ended', holdId, decision });
  return { ok: true };
}

/** The prompt reports it is hidden or covered: the top frame shows it again, on top. */
export async function raiseHoldPrompt(holdId: string, from: PromptSender, deps: HoldDeps): Promise<HoldReply> {
  const hold = await readHold(holdId).catch(() => null);
  if (!hold || from.tabId !== hold.tabId) return { ok: false };
  await deps.tell(hold.tabId, 0, { type: 'raise-prompt', holdId });
  return { ok: true };
}
