// The life of a held request in the background: a content script reports it (values become
// fingerprints at once, and whether each is a whole value is decided), it is stored, the tab's prompt
// page is given it and the top frame shows the prompt; data that joins it later is added visibly;
// the prompt answers — for every open hold of the tab to the same site, one question — the decision
// is recorded, the backstop lets exactly that pass, and one `hold-ended` message tells every frame.
// Holds that can't be answered any more (page left, tab closed) end as "not sent".
import type { ContentSender, PromptSender } from '@/lib/background/message-router';
import type { GuardHoldMessage, Hold, HoldStatus, HoldUpdateMessage, IdPhotoMessage, UserDecision } from '@/lib/messages/guard-messages';
import type { ToContentMessage } from '@/lib/messages/to-content';
import { fingerprintItems } from '@/lib/log/fingerprint-input';
import { t } from '@/lib/locale/i18n';
import { randomId } from '@/lib/random-id';
import { ID_PHOTO } from '@/lib/types';
import { readHold } from '@/lib/prompt/hold-read';
import { trustSiteFromPrompt, untrustSite } from '@/lib/trust/trusted-writer';
import { removePendingShare } from './pending-shares';
import { allHolds, closeHold, dropHolds, holdFromMessage, mergeItems, openHold, readAnswered, recordAudit, recordFollowUp, shareEventsFor, tabHolds, type RecordEvents } from './hold-store';

export interface HoldDeps {
  record: RecordEvents;
  now(): number;
  /** To one frame of a tab, or (frameId undefined) to all of its frames. Never rejects. */
  tell(tabId: number, frameId: number | undefined, message: ToContentMessage): Promise<void>;
  /** The tab's open holds changed (`added`: one not yet in storage): the prompt page is given them. */
  promptChanged(tabId: number, added?: Hold): Promise<void>;
  /** The user let data go to `site` (send once, or audit-only recorded it): the backstop lets it pass. */
  allowed(tabId: number, site: string, decision: 'sent-once' | 'trusted' | 'audit-only'): Promise<void>;
  /** Whether the frame still waits on the hold (false when the frame is gone). */
  stillHeld(tabId: number, frameId: number, holdId: string): Promise<boolean>;
}

export type HoldReply = { ok: boolean };

/** A content script holds a request (or, audit-only, reports one that may leave once recorded). */
export async function receiveHold(message: GuardHoldMessage, from: ContentSender, deps: HoldDeps): Promise<HoldReply> {
  // The values become fingerprints here, before anything is stored; a retried report is looked up meanwhile.
  const [items, retried] = await Promise.all([
    fingerprintItems(message.items),
    message.auditOnly ? Promise.resolve(null) : readHold(message.holdId).catch(() => null),
  ]);
  const hold = holdFromMessage(message, items, from.tabId, from.frameId, from.url, deps.now());
  if (message.auditOnly) {
    // The reply (the page's signal to send) comes only once the record is durable. The backstop's
    // pass is made first, but its failure must not lose the record: at worst the backstop stops a
    // value carried in a URL (held, never leaked).
    await deps.allowed(from.tabId, hold.destination.site, 'audit-only').catch(() => undefined);
    await recordAudit(hold, deps.record, deps.now());
    await removePendingShare(message.holdId).catch(() => undefined); // the frame's safety copy is not needed
    return { ok: true };
  }
  if (retried) return { ok: true };
  // Stored, given to the prompt page and shown by the top frame (whichever frame holds the data) at
  // once: the person is waiting for the question, and the prompt is given the hold from memory
  // rather than after the storage write. The reply (the report's confirmation) waits for all three.
  await Promise.all([
    openHold(hold),
    deps.promptChanged(from.tabId, hold),
    deps.tell(from.tabId, 0, { type: 'show-prompt', holdId: hold.holdId, display: hold.destination.display, ...(hold.byAction ? { byAction: true } : {}) }),
  ]);
  return { ok: true };
}

/**
 * The user's choice for a picture of an ID the page asked for: one entry for the page's site, "ID
 * photo, marked / sent as is" (sent) or "not attached" (not sent), in the user's words. Never the picture.
 */
export async function recordIdPhoto(message: IdPhotoMessage, from: ContentSender, deps: HoldDeps): Promise<HoldReply> {
  const masked = t(`idPhoto_${message.choice.replace('-', '_')}`) || message.choice;
  const item = { kind: ID_PHOTO, masked: masked.slice(0, 40), fingerprintValue: ID_PHOTO, fieldKey: 'upload.id-photo' } as const;
  const now = deps.now();
  const report: GuardHoldMessage = {
    type: 'guard-hold',
    holdId: randomId(),
    route: 'other',
    destinationUrl: from.url.slice(0, 4096),
    pageTitle: message.title,
    isLoanPage: true,
    loanReasons: [],
    items: [item],
    auditOnly: false,
    byAction: true,
  };
  const hold = holdFromMessage(report, await fingerprintItems([item]), from.tabId, from.frameId, from.url, now);
  await deps.record(shareEventsFor(hold, message.choice === 'not-attached' ? 'cancelled' : 'sent-once', now));
  return { ok: true };
}

/** Items that joined an open hold (shown in the prompt), or that followed an answer (recorded under it). */
export async function updateHold(message: HoldUpdateMessage, from: ContentSender, deps: HoldDeps): Promise<HoldReply> {
  const items = await fingerprintItems(message.items);
  if (message.after === 'answered') {
    const answered = await readAnswered(message.holdId, deps.now());
    if (!answered || answered.hold.tabId !== from.tabId) return { ok: false };
    await recordFollowUp(answered, items, deps.record, deps.now());
    return { ok: true };
  }
  const hold = await readHold(message.holdId).catch(() => null);
  if (!hold || hold.tabId !== from.tabId) return { ok: false };
  await openHold({ ...hold, items: mergeItems(hold.items, items) });
  await deps.promptChanged(from.tabId);
  return { ok: true };
}

/** The user answered in the prompt of `from.tabId`. Every open hold of that tab to the same site gets the answer. */
export async function answerHold(holdId: string, decision: UserDecision, from: PromptSender, deps: HoldDeps): Promise<HoldReply> {
  const hold = await readHold(holdId).catch(() => null);
  if (!hold || from.tabId !== hold.tabId) return { ok: false };
  const same = (await tabHolds(hold.tabId)).filter((other) => other.destination.site === hold.destination.site);
  const now = deps.now();
  // Before any frame sends: the backstop must let exactly this through.
  if (decision !== 'cancelled') await deps.allowed(hold.tabId, hold.destination.site, decision).catch(() => undefined);
  if (decision === 'trusted' && hold.destination.site) await trustSiteFromPrompt(hold.destination.site, now).catch(() => undefined);
  for (const each of same) {
    // Recording may fail (full quota); the page must get its answer all the same.
    await closeHold(each, decision, deps.record, now).catch(() => undefined);
    await deps.tell(each.tabId, undefined, { type: 'hold-ended', holdId: each.holdId, decision });
  }
  await deps.promptChanged(hold.tabId);
  return { ok: true };
}

/** The page went away with these requests held: they can never be sent; recorded as not sent. */
export async function abandonHolds(holdIds: readonly string[], from: ContentSender, deps: HoldDeps): Promise<HoldReply> {
  const holds = (await Promise.all(holdIds.map((id) => readHold(id).catch(() => null)))).filter(
    (hold): hold is NonNullable<typeof hold> => hold !== null && hold.tabId === from.tabId && hold.frameId === from.frameId,
  );
  await dropHolds(holds, 'page-left', deps.record, deps.now());
  for (const hold of holds) await deps.tell(hold.tabId, 0, { type: 'hold-ended', holdId: hold.holdId, decision: 'cancelled' });
  if (holds.length > 0) await deps.promptChanged(from.tabId);
  return { ok: true };
}

/**
 * What became of holds a frame still waits on. A worker stopped between recording an answer and
 * telling the frames leaves a frame waiting: it asks, and ends the hold with the recorded answer.
 */
export async function holdStatus(holdIds: readonly string[], from: ContentSender, deps: HoldDeps): Promise<{ statuses: HoldStatus[] }> {
  const statuses: HoldStatus[] = [];
  for (const holdId of holdIds) {
    const open = await readHold(holdId).catch(() => null);
    if (open && open.tabId === from.tabId) {
      statuses.push({ holdId, state: 'open' });
      continue;
    }
    const answered = await readAnswered(holdId, deps.now());
    if (answered && answered.hold.tabId === from.tabId) {
      // Audit-only let the data go: to the frame that is a send.
      statuses.push({ holdId, state: 'answered', decision: answered.decision === 'audit-only' ? 'sent-once' : answered.decision });
    } else statuses.push({ holdId, state: 'unknown' });
  }
  return { statuses };
}

/**
 * At worker start: a hold whose frame no longer waits on it (the page left or reloaded while the
 * worker was stopped, and the message saying so was lost) can never be answered. It is recorded as
 * not sent ("LoanGuard restarted before you answered") and leaves the prompt.
 */
export async function sweepHolds(deps: HoldDeps): Promise<void> {
  for (const hold of await allHolds()) {
    if (await deps.stillHeld(hold.tabId, hold.frameId, hold.holdId)) continue;
    await dropHolds([hold], 'restarted', deps.record, deps.now());
    await deps.promptChanged(hold.tabId);
  }
}

/** A tab closed: its holds can never be answered. */
export async function closeTabHolds(tabId: number, deps: HoldDeps): Promise<void> {
  await dropHolds(await tabHolds(tabId), 'tab-closed', deps.record, deps.now());
}

/** Undo, right after "Trust this site" in the same tab: the site leaves the trusted list again. */
export async function undoTrust(holdId: string, from: ContentSender, deps: HoldDeps): Promise<HoldReply> {
  const answered = await readAnswered(holdId, deps.now());
  if (!answered || answered.decision !== 'trusted' || answered.hold.tabId !== from.tabId || !answered.hold.destination.site) return { ok: false };
  const reply = await untrustSite(answered.hold.destination.site, deps.now());
  return { ok: reply.ok };
}

/** The prompt reports it is hidden or covered: the top frame shows it again, on top. */
export async function raiseHoldPrompt(holdId: string, from: PromptSender, deps: HoldDeps): Promise<HoldReply> {
  const hold = await readHold(holdId).catch(() => null);
  if (!hold || from.tabId !== hold.tabId) return { ok: false };
  await deps.tell(hold.tabId, 0, { type: 'raise-prompt', holdId });
  return { ok: true };
}
