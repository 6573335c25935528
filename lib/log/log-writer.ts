// The background's single writer of the private log: every write goes through one queue, so two
// decisions recorded at once can never interleave their summary updates, and a failure stays local.
import { browser } from 'wxt/browser';
import type { DeleteScope } from '@/lib/messages/write-messages';
import {
  appendEvents,
  clearQuarantine,
  countQuarantine,
  deleteEvents,
  pruneBefore,
  quarantineEntries,
  quarantineRaw,
  readSummary,
  rebuildSummary,
  writeSummarySnapshot,
} from './log-store';
import { upgradeShareEvent, type ShareEvent } from './share-event';

/** Where the guard kept its (v1) decision events before the log existed; migrated by start(). */
export const SHARE_EVENTS_KEY = 'shareEvents';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Retention is cheap when nothing is due, but still a scan of the 'at' index: once an hour is enough. */
const RETENTION_INTERVAL_MS = 60 * 60 * 1000;
/**
 * How long the queue stays quiet before the summary's snapshot (the popup's one-read first view) is
 * made again: decisions arriving together cost one snapshot, not one each.
 */
export const SNAPSHOT_DELAY_MS = 250;

export interface LogWriterDeps {
  db: () => Promise<IDBDatabase>;
  now: () => number;
  /** 0 = keep forever (settings.retentionDays). */
  retentionDays: () => Promise<number>;
}

export interface LogWriter {
  /** Migrates the old storage.local list, checks the summary, applies retention. */
  start(): Promise<{ migrated: number; quarantined: number }>;
  /** Returns how many events were new. */
  record(events: readonly ShareEvent[]): Promise<number>;
  remove(scope: DeleteScope): Promise<number>;
  quarantine(keys: readonly string[]): Promise<number>;
  clearQuarantine(): Promise<void>;
  applyRetention(): Promise<number>;
}

export function createLogWriter(deps: LogWriterDeps): LogWriter {
  let tail: Promise<unknown> = Promise.resolve();
  let lastRetentionAt: number | null = null;

  let snapshotTimer: ReturnType<typeof setTimeout> | null = null;

  /** Every write may drop the snapshot: it is made again once no write has come for SNAPSHOT_DELAY_MS. */
  function snapshotWhenQuiet(): void {
    if (snapshotTimer !== null) clearTimeout(snapshotTimer);
    snapshotTimer = setTimeout(() => {
      snapshotTimer = null;
      // Only a speed-up: a failure (e.g. a full quota) leaves the popup reading the pairs one by one.
      tail = tail.then(async () => writeSummarySnapshot(await deps.db())).catch(() => undefined);
    }, SNAPSHOT_DELAY_MS);
  }

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task);
    // The queue continues after a failure; the caller still sees the rejection through `run`.
    tail = run.catch(() => undefined);
    snapshotWhenQuiet();
    return run;
  }

  async function retentionNow(db: IDBDatabase): Promise<number> {
    const days = await deps.retentionDays();
    const now = deps.now();
    // Anything but a positive day count (0, or a corrupted value) keeps everything: deleting is irreversible.
    const pruned = Number.isFinite(days) && days > 0 ? await pruneBefore(db, now - days * DAY_MS) : 0;
    lastRetentionAt = now;
    return pruned;
  }

  /** Old storage.local events into the log; the key is removed only once they are safely written. */
  async function migrate(db: IDBDatabase): Promise<number> {
    const stored: unknown = (await browser.storage.local.get(SHARE_EVENTS_KEY))[SHARE_EVENTS_KEY];
    if (stored === undefined) return 0;
    const readable: ShareEvent[] = [];
    const unreadable: unknown[] = [];
    if (Array.isArray(stored)) {
      for (const raw of stored) {
        const event = upgradeShareEvent(raw);
        if (event) readable.push(event);
        else unreadable.push(raw);
      }
    } else {
      unreadable.push(stored);
    }
    await appendEvents(db, readable);
    await quarantineRaw(db, unreadable, Array.isArray(stored) ? 'migration: unreadable shareEvents entry' : 'migration: shareEvents was not a list');
    await browser.storage.local.remove(SHARE_EVENTS_KEY);
    return readable.length;
  }

  return {
    start: () =>
      enqueue(async () => {
        const db = await deps.db();
        const quarantinedBefore = await countQuarantine(db);
        const migrated = await migrate(db);
        // The pair records themselves: a damaged one must be found even while the snapshot reads well.
        if ((await readSummary(db, true)) === null) await rebuildSummary(db);
        await retentionNow(db);
        const quarantined = (await countQuarantine(db)) - quarantinedBefore;
        return { migrated, quarantined };
      }),

    record: (events) =>
      enqueue(async () => {
        const db = await deps.db();
        const added = await appendEvents(db, events);
        if (lastRetentionAt === null || deps.now() - lastRetentionAt >= RETENTION_INTERVAL_MS) {
          // The events are already stored: a failed prune must not report the recording as failed.
          // lastRetentionAt stays unchanged, so the next record tries again.
          await retentionNow(db).catch(() => undefined);
        }
        return added;
      }),

    remove: (scope) => enqueue(async () => deleteEvents(await deps.db(), scope)),

    quarantine: (keys) => enqueue(async () => quarantineEntries(await deps.db(), keys, 'unreadable-event')),

    clearQuarantine: () => enqueue(async () => clearQuarantine(await deps.db())),

    applyRetention: () => enqueue(async () => retentionNow(await deps.db())),
  };
}
