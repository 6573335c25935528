// The background's half of audit-only mode's safety copies (lib/guard/frame/pending-share.ts): a
// copy whose report never reached the background — the page let its form go and was gone before a
// stopped or slow worker answered — becomes the log entry it stands for, without a fingerprint (the
// value never left the page), under the same event ids as the report would have used, so a report
// that still arrives fills the fingerprint in rather than adding a second entry. Copies are taken
// once they are a few seconds old (the report usually arrives first and removes its copy), at every
// worker start and whenever a frame writes one; unreadable copies are removed.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { holdIdSchema, sharedItemSchema, SHARE_ROUTES, type GuardHoldMessage } from '@/lib/messages/guard-messages';
import { PENDING_SHARE_PREFIX, pendingShareKey, type PendingShare } from '@/lib/guard/frame/pending-share';
import { holdFromMessage, shareEventsFor, type RecordEvents } from './hold-store';

/** A copy this old is taken even if its report may still come (the report then fills in the fingerprint). */
export const PENDING_SWEEP_AFTER_MS = 3_000;

const maxString = (max: number) => z.string().check(z.maxLength(max));

export const pendingShareSchema = z.object({
  version: z.literal(1),
  at: z.number(),
  pageUrl: maxString(2048),
  holdId: holdIdSchema,
  route: z.enum(SHARE_ROUTES),
  destinationOrigin: maxString(2048),
  pageTitle: maxString(500),
  isLoanPage: z.boolean(),
  items: z.array(z.extend(sharedItemSchema, { complete: z.boolean() })).check(z.minLength(1), z.maxLength(20)),
});

/** The report's copy is no longer needed: its record is durable. */
export const removePendingShare = (holdId: string): Promise<void> => browser.storage.local.remove(pendingShareKey(holdId));

/** Every stored copy by key; reads only their keys where the browser can list keys (Chrome 130+, Firefox 143+). */
async function storedPendingShares(): Promise<[string, unknown][]> {
  const local = browser.storage.local;
  const isCopy = (key: string): boolean => key.startsWith(PENDING_SHARE_PREFIX);
  if (typeof local.getKeys !== 'function') return Object.entries(await local.get(null)).filter(([key]) => isCopy(key));
  const keys = (await local.getKeys()).filter(isCopy);
  return keys.length ? Object.entries(await local.get(keys)) : [];
}

/**
 * Records every copy older than `PENDING_SWEEP_AFTER_MS` and removes it (unreadable ones are only
 * removed). Returns how long until the youngest remaining copy is due, or null if none remains.
 */
export async function sweepPendingShares(record: RecordEvents, now: number): Promise<number | null> {
  let nextDue: number | null = null;
  for (const [key, raw] of await storedPendingShares()) {
    const parsed = pendingShareSchema.safeParse(raw);
    if (!parsed.success || pendingShareKey(parsed.data.holdId) !== key) {
      await browser.storage.local.remove(key);
      continue;
    }
    const copy: PendingShare = parsed.data;
    const due = copy.at + PENDING_SWEEP_AFTER_MS - now;
    if (due > 0) {
      nextDue = Math.min(nextDue ?? due, due);
      continue;
    }
    const message: GuardHoldMessage = {
      type: 'guard-hold',
      holdId: copy.holdId,
      route: copy.route,
      destinationUrl: copy.destinationOrigin,
      pageTitle: copy.pageTitle,
      isLoanPage: copy.isLoanPage,
      loanReasons: [],
      items: [],
      auditOnly: true,
    };
    const items = copy.items.map((item) => ({ ...item, fingerprint: null }));
    const hold = holdFromMessage(message, items, -1, 0, copy.pageUrl, copy.at);
    await record(shareEventsFor(hold, 'audit-only', copy.at));
    await browser.storage.local.remove(key);
  }
  return nextDue;
}

/**
 * Sweeps now, and again when the youngest copy is due. `changed` is given every storage.local change:
 * a copy just written is swept once it is due (a timer already set is never pushed back).
 */
export function pendingShareSweeper(record: RecordEvents, now: () => number): { sweep(): Promise<void>; changed(changes: Record<string, { newValue?: unknown }>): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (ms: number): void => {
    timer ??= setTimeout(() => {
      timer = undefined;
      void sweep().catch(() => undefined);
    }, ms);
  };
  const sweep = async (): Promise<void> => {
    const due = await sweepPendingShares(record, now());
    if (due !== null) schedule(due + 50);
  };
  return {
    sweep,
    changed: (changes) => {
      const written = Object.entries(changes).some(([key, change]) => key.startsWith(PENDING_SHARE_PREFIX) && change.newValue !== undefined);
      if (written) schedule(PENDING_SWEEP_AFTER_MS + 50);
    },
  };
}
