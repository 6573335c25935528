// Background side of a held request: its description while the prompt is open (storage.session,
// so a service-worker restart mid-prompt loses nothing), the answer kept a while after (for what
// follows under the same answer, and for Undo), and the ShareEvents each decision becomes — only for
// whole values (the log never fills with fragments), one per field.
import { browser } from 'wxt/browser';
import type { AnsweredHold, Decision, GuardHoldMessage, HeldItem, Hold } from '@/lib/messages/guard-messages';
import { answeredHoldSchema, holdSchema } from '@/lib/messages/guard-messages';
import type { ShareEvent } from '@/lib/log/share-event';
import { holdKey } from '@/lib/prompt/hold-read';
import { siteOf } from '@/lib/trust/site-identity';
import { pageUrlForLog } from '@/lib/log/page-url';
import type { EndReason } from '@/lib/types';

/** Where decisions go: the log writer (idempotent by event id, so recording twice stores once). */
export type RecordEvents = (events: readonly ShareEvent[]) => Promise<unknown>;

/** How long an answer is remembered for the sends that follow it and for Undo. */
export const ANSWER_MEMORY_MS = 10 * 60 * 1000;
const answeredKey = (holdId: string): string => `answered:${holdId}`;

/** `items`: the message's items with their values already replaced by fingerprints. */
export function holdFromMessage(message: GuardHoldMessage, items: HeldItem[], tabId: number, frameId: number, frameUrl: string, now: number): Hold {
  const destination = siteOf(message.destinationUrl);
  const page = siteOf(frameUrl);
  let origin = '';
  try {
    origin = new URL(message.destinationUrl).origin;
  } catch {
    origin = '';
  }
  return {
    holdId: message.holdId,
    tabId,
    frameId,
    route: message.route,
    destination: { site: destination?.site ?? origin, display: destination?.display ?? origin, origin },
    page: { site: page?.site ?? '', display: page?.display ?? '', url: pageUrlForLog(frameUrl), title: message.pageTitle },
    isLoanPage: message.isLoanPage,
    loanReasons: message.loanReasons,
    items,
    createdAt: now,
    byAction: message.byAction ?? false,
  };
}

/** Items of a hold with `updates` merged in: one per field, the latest value of each field wins. */
export function mergeItems(items: readonly HeldItem[], updates: readonly HeldItem[]): HeldItem[] {
  const merged = [...items];
  for (const update of updates) {
    const at = merged.findIndex((item) => item.fieldKey !== undefined && item.fieldKey === update.fieldKey);
    if (at >= 0) merged[at] = update;
    else merged.push(update);
  }
  return merged.slice(0, 20);
}

/** A field's key as part of an event id (ids allow a limited alphabet and length). */
const eventKey = (item: HeldItem, index: number): string => (item.fieldKey ?? String(index)).replace(/[^\w.:-]/g, '_').slice(0, 40);

/** The events for `items` (whole values only) under `decision`. */
export function shareEventsFor(hold: Hold, decision: Decision, now: number, items: readonly HeldItem[] = hold.items, reason?: EndReason): ShareEvent[] {
  return items.flatMap((item, index) =>
    item.complete
      ? [
          {
            version: 2 as const,
            // Deterministic: the same decision recorded again (a worker restart mid-way) is stored once.
            id: `${hold.holdId}-${eventKey(item, index)}`,
            at: now,
            decision,
            route: hold.route,
            // Clamped to the event's limits: an over-long page URL or file path must not make the
            // event invalid (the writer would reject it, and the decision would never be applied).
            pageUrl: hold.page.url.slice(0, 2048),
            pageTitle: hold.page.title.slice(0, 500),
            pageSite: hold.page.site.slice(0, 300),
            destinationSites: [(hold.destination.site || hold.destination.origin || '(unknown)').slice(0, 300)],
            isLoanPage: hold.isLoanPage,
            kind: item.kind,
            masked: item.masked,
            ...(item.country ? { country: item.country } : {}),
            fingerprint: item.fingerprint,
            ...(reason ? { reason } : {}),
          },
        ]
      : [],
  );
}

export async function openHold(hold: Hold): Promise<void> {
  await browser.storage.session.set({ [holdKey(hold.holdId)]: hold });
}

/** Every open hold, oldest first. */
export async function allHolds(): Promise<Hold[]> {
  const all = await browser.storage.session.get(null);
  const holds: Hold[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith('hold:')) continue;
    const parsed = holdSchema.safeParse(value);
    if (parsed.success) holds.push(parsed.data);
  }
  return holds.sort((a, b) => a.createdAt - b.createdAt);
}

/** Every open hold of a tab, oldest first. */
export const tabHolds = async (tabId: number): Promise<Hold[]> => (await allHolds()).filter((hold) => hold.tabId === tabId);

export async function readAnswered(holdId: string, now: number): Promise<AnsweredHold | null> {
  const stored = (await browser.storage.session.get(answeredKey(holdId)))[answeredKey(holdId)];
  const parsed = answeredHoldSchema.safeParse(stored);
  return parsed.success && now - parsed.data.at < ANSWER_MEMORY_MS ? parsed.data : null;
}

/**
 * Applies an answer: records the whole values, keeps the answer a while, and only then forgets the
 * hold, so a worker stopped half-way leaves the hold to be answered again (and recorded once).
 */
export async function closeHold(hold: Hold, decision: Exclude<Decision, 'audit-only'>, record: RecordEvents, now: number, reason?: EndReason): Promise<void> {
  try {
    await record(shareEventsFor(hold, decision, now, hold.items, reason));
  } finally {
    const recorded = hold.items.filter((item) => item.complete).map((item, index) => eventKey(item, index));
    const answered: AnsweredHold | undefined =
      decision === 'cancelled' || decision === 'sent-once' || decision === 'trusted' ? { hold, decision, at: now, recorded } : undefined;
    if (answered) await browser.storage.session.set({ [answeredKey(hold.holdId)]: answered });
    await browser.storage.session.remove(holdKey(hold.holdId));
  }
}

/** Sends that followed an answer (the same fields, grown): recorded once each field's value is whole. */
export async function recordFollowUp(answered: AnsweredHold, items: readonly HeldItem[], record: RecordEvents, now: number): Promise<void> {
  const fresh = items.filter((item, index) => item.complete && !answered.recorded.includes(eventKey(item, index)));
  if (fresh.length === 0) return;
  await record(shareEventsFor(answered.hold, answered.decision, now, fresh));
  const recorded = [...answered.recorded, ...fresh.map((item, index) => eventKey(item, index))];
  await browser.storage.session.set({ [answeredKey(answered.hold.holdId)]: { ...answered, recorded } });
}

/** Audit-only: recorded without asking, and kept like an answer, so what follows the request is recorded too. */
export async function recordAudit(hold: Hold, record: RecordEvents, now: number): Promise<void> {
  await record(shareEventsFor(hold, 'audit-only', now));
  const recorded = hold.items.filter((item) => item.complete).map((item, index) => eventKey(item, index));
  await browser.storage.session.set({ [answeredKey(hold.holdId)]: { hold, decision: 'audit-only', at: now, recorded } satisfies AnsweredHold });
}

/** Holds that can never be answered (the tab closed, the page left): recorded as not sent, which they were. */
export async function dropHolds(holds: readonly Hold[], reason: EndReason, record: RecordEvents, now: number): Promise<void> {
  for (const hold of holds) await closeHold(hold, 'cancelled', record, now, reason).catch(() => undefined);
}
