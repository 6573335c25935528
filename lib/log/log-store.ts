// IndexedDB access for the private log: events, the summary kept beside them (same transaction), a
// quarantine for stored objects nobody can read, and the store of saved page evidence
// (lib/log/evidence-store.ts). Readers are safe anywhere; writers are called
// only by the background's single writer (lib/log/log-writer.ts).
import * as z from 'zod/mini';
import type { DataKind } from '@/lib/types';
import { checkSummaryPair, summaryHeaderSchema, type LogSummary, type SummaryPair } from './log-summary';
import { buildSummary, countIntoPairs, pairKey, receivingSites } from './log-summary-build';
import type { DeleteScope } from '@/lib/messages/write-messages';
import { itemKeyOf, shareEventSchema, upgradeShareEvent, type ShareEvent } from './share-event';

export const LOG_DB_NAME = 'loanguard-log';
const LOG_DB_VERSION = 3;
const EVENTS = 'events';
const META = 'meta';
/** The summary's pair records, keyed [itemKey, site]. */
const PAIRS = 'pairs';
const QUARANTINE = 'quarantine';
/** Saved page evidence (screenshots with their hashes), keyed by id, indexed by the page's site. */
export const EVIDENCE = 'evidence';
/** The summary header's key in META. */
const SUMMARY_KEY = 'summary';
/**
 * Every pair of the summary as one JSON text, in META: one read of one value instead of one per pair
 * (on 674 pairs, about 5 ms against 40–55 ms in Chromium), for the popup's first view. Deleted in the
 * same transaction as every change to the summary, so one that exists is current; the writer makes it
 * again once its queue is quiet.
 */
const SNAPSHOT_KEY = 'summary-snapshot';
/**
 * Every writer locks every store: a summary rebuild may move unreadable events to quarantine, and
 * deleting a site or everything deletes its saved evidence too.
 */
const WRITE_STORES = [EVENTS, META, PAIRS, QUARANTINE, EVIDENCE];

/** A stored object that could not be read, kept (never dropped) until the user discards it. */
export const quarantinedEntrySchema = z.object({
  at: z.number(),
  reason: z.string(),
  raw: z.unknown(),
});
export type QuarantinedEntry = z.infer<typeof quarantinedEntrySchema>;

// ---------------------------------------------------------------------------------------------
// Promise helpers. Only IDB requests are awaited inside a transaction: awaiting anything else
// (timers, crypto, storage.local) would let the transaction auto-commit half-way.

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Settles when the transaction commits; rejects with its error (e.g. QuotaExceededError) on abort. */
function completion(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new DOMException('IndexedDB transaction aborted', 'AbortError'));
  });
}

export async function inTransaction<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, mode);
  const done = completion(tx);
  let result: T;
  try {
    result = await body(tx);
  } catch (error) {
    done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already finished or aborting: the body's error is the one worth reporting.
    }
    throw tx.error ?? error;
  }
  await done;
  return result;
}

/**
 * The events store's key is its keyPath 'id', so every stored object carries its own key: reading
 * keys separately (getAllKeys) would double the cost of a 50,000-event scan for nothing.
 */
const keyOf = (raw: unknown): IDBValidKey => (raw as { id: IDBValidKey }).id;

// ---------------------------------------------------------------------------------------------

export function openLogDb(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = factory.open(LOG_DB_NAME, LOG_DB_VERSION);
    open.onupgradeneeded = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(EVENTS)) {
        const events = db.createObjectStore(EVENTS, { keyPath: 'id' });
        events.createIndex('at', 'at');
        events.createIndex('site', 'destinationSites', { multiEntry: true });
        events.createIndex('pageSite', 'pageSite');
      }
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
      if (!db.objectStoreNames.contains(QUARANTINE)) db.createObjectStore(QUARANTINE, { autoIncrement: true });
      if (!db.objectStoreNames.contains(PAIRS)) {
        db.createObjectStore(PAIRS, { keyPath: ['itemKey', 'site'] });
        // Version 1 kept the summary as one record; dropping it makes the writer rebuild it as pairs.
        open.transaction?.objectStore(META).delete(SUMMARY_KEY);
      }
      if (!db.objectStoreNames.contains(EVIDENCE)) db.createObjectStore(EVIDENCE, { keyPath: 'id' }).createIndex('site', 'pageSite');
    };
    open.onsuccess = () => {
      const db = open.result;
      // A future version opened in another extension page must not be blocked by this connection.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    open.onerror = () => reject(open.error ?? new Error('Could not open the log database'));
    open.onblocked = () => reject(new DOMException('The log database is blocked by another connection', 'AbortError'));
  });
}

// ---------------------------------------------------------------------------------------------
// Readers

const parseHeader = (raw: unknown) => {
  const parsed = summaryHeaderSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

/** Every pair checked, or null if any is damaged. */
function checkPairs(raws: readonly unknown[]): SummaryPair[] | null {
  const pairs: SummaryPair[] = [];
  for (const raw of raws) {
    const pair = checkSummaryPair(raw);
    if (!pair) return null;
    pairs.push(pair);
  }
  return pairs;
}

/** The snapshot's pairs, or null when there is none or it is not a JSON list (then the pairs are read one by one). */
function snapshotPairs(raw: unknown): SummaryPair[] | null {
  if (typeof raw !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? checkPairs(parsed) : null;
  } catch {
    return null;
  }
}

/**
 * The summary, or null when its header or any pair is missing or damaged (the writer rebuilds it).
 * `pairsOnly`: from the pair records even when the snapshot is there (the writer's own check).
 */
export function readSummary(db: IDBDatabase, pairsOnly = false): Promise<LogSummary | null> {
  return inTransaction(db, [META, PAIRS], 'readonly', async (tx) => {
    const meta = tx.objectStore(META);
    const [header, snapshot] = await Promise.all([request(meta.get(SUMMARY_KEY)), request(meta.get(SNAPSHOT_KEY))]);
    const parsedHeader = parseHeader(header);
    if (!parsedHeader) return null;
    const pairs = (pairsOnly ? null : snapshotPairs(snapshot)) ?? checkPairs(await request(tx.objectStore(PAIRS).getAll()));
    return pairs ? { version: 1, total: parsedHeader.total, pairs } : null;
  });
}

export interface EventFilter {
  /** Receiving site (one of destinationSites). */
  site?: string;
  itemKey?: string;
  /** Only these kinds; an empty list matches nothing. */
  kinds?: readonly DataKind[];
  /** Inclusive bounds on `at`. */
  since?: number;
  until?: number;
  /** Case-insensitive substring of pageUrl, pageTitle, pageSite, a destination site or the masked value. */
  text?: string;
}

function matchesText(event: ShareEvent, needle: string): boolean {
  return (
    event.pageUrl.toLowerCase().includes(needle) ||
    event.pageTitle.toLowerCase().includes(needle) ||
    event.pageSite.toLowerCase().includes(needle) ||
    event.masked.toLowerCase().includes(needle) ||
    event.destinationSites.some((site) => site.toLowerCase().includes(needle))
  );
}

function matches(event: ShareEvent, filter: EventFilter, needle: string): boolean {
  if (filter.since !== undefined && event.at < filter.since) return false;
  if (filter.until !== undefined && event.at > filter.until) return false;
  if (filter.kinds && !filter.kinds.includes(event.kind)) return false;
  if (filter.itemKey !== undefined && itemKeyOf(event) !== filter.itemKey) return false;
  if (needle && !matchesText(event, needle)) return false;
  return true;
}

function atRange(since: number | undefined, until: number | undefined): IDBKeyRange | null | 'empty' {
  if (since === undefined && until === undefined) return null;
  if (since !== undefined && until !== undefined) return since > until ? 'empty' : IDBKeyRange.bound(since, until);
  return since !== undefined ? IDBKeyRange.lowerBound(since) : IDBKeyRange.upperBound(until as number);
}

const newestFirst = (a: ShareEvent, b: ShareEvent): number => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Events matching `filter`, newest first. Stored objects that cannot be read are reported by key in
 * `unreadable` (for the background to quarantine), never thrown, so one bad object hides nothing else.
 */
export function readEvents(db: IDBDatabase, filter: EventFilter = {}): Promise<{ events: ShareEvent[]; unreadable: string[] }> {
  return inTransaction(db, [EVENTS], 'readonly', async (tx) => {
    const store = tx.objectStore(EVENTS);
    let values: unknown[];
    let sorted: boolean;
    if (filter.site !== undefined) {
      values = await request(store.index('site').getAll(IDBKeyRange.only(filter.site)));
      sorted = false;
    } else {
      const range = atRange(filter.since, filter.until);
      if (range === 'empty') return { events: [], unreadable: [] };
      if (range === null) {
        // Everything: the store read straight through, then sorted, is a little faster than through
        // the 'at' index (no lookup of each record by its key; about 10 % on 50,000 in Chromium, the
        // sort included), and it also finds objects without a usable `at`, which the index leaves out.
        values = await request(store.getAll());
        sorted = false;
      } else {
        values = await request(store.index('at').getAll(range));
        sorted = true;
      }
    }
    const events: ShareEvent[] = [];
    const unreadable: string[] = [];
    const needle = (filter.text ?? '').toLowerCase();
    for (const raw of values) {
      const event = upgradeShareEvent(raw);
      if (!event) unreadable.push(String(keyOf(raw)));
      else if (matches(event, filter, needle)) events.push(event);
    }
    // The 'at' index returns oldest first (ties by id), so reversing gives newest first cheaply.
    if (sorted) events.reverse();
    else events.sort(newestFirst);
    return { events, unreadable };
  });
}

/** IDBIndex.getAllRecords (Chromium 141+): a batch of records in either direction, in one request. */
interface RecordsIndex {
  getAllRecords(options: { direction?: IDBCursorDirection; count?: number }): IDBRequest<{ value: unknown }[]>;
}
const hasGetAllRecords = (index: IDBIndex): index is IDBIndex & RecordsIndex =>
  typeof (index as IDBIndex & Partial<RecordsIndex>).getAllRecords === 'function';

function readableEvents(values: readonly unknown[]): ShareEvent[] {
  const events: ShareEvent[] = [];
  for (const raw of values) {
    const event = upgradeShareEvent(raw);
    if (event) events.push(event);
  }
  return events;
}

/**
 * The newest `limit` readable events (newest first), read on the time index: what a page shows first
 * while it reads everything (the evidence report's first rows). Unreadable objects are skipped here;
 * the full read reports them.
 */
export function readNewestEvents(db: IDBDatabase, limit: number): Promise<ShareEvent[]> {
  return inTransaction(db, [EVENTS], 'readonly', async (tx) => {
    const index = tx.objectStore(EVENTS).index('at');
    if (hasGetAllRecords(index)) {
      // One request for the batch: a cursor costs a round trip to the database per entry (300 of
      // them took longer than the rest of the report page's first view together).
      let count = limit;
      for (;;) {
        const records = await request(index.getAllRecords({ direction: 'prev', count }));
        const events = readableEvents(records.map((record) => record.value));
        // Unreadable entries took places: ask again for as many more (rare; the read starts over).
        if (events.length >= limit || records.length < count) return events.slice(0, limit);
        count = records.length + (limit - events.length);
      }
    }
    const events: ShareEvent[] = [];
    return new Promise<ShareEvent[]>((resolve, reject) => {
      const cursor = index.openCursor(null, 'prev');
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at || events.length >= limit) return resolve(events);
        const event = upgradeShareEvent(at.value);
        if (event) events.push(event);
        at.continue();
      };
    });
  });
}

export function countQuarantine(db: IDBDatabase): Promise<number> {
  return inTransaction(db, [QUARANTINE], 'readonly', (tx) => request(tx.objectStore(QUARANTINE).count()));
}

export function readQuarantine(db: IDBDatabase): Promise<QuarantinedEntry[]> {
  return inTransaction(db, [QUARANTINE], 'readonly', async (tx) => {
    const rows = await request(tx.objectStore(QUARANTINE).getAll());
    return rows.map((row: unknown) => {
      const parsed = quarantinedEntrySchema.safeParse(row);
      // A quarantine row in an unknown shape is still shown, wrapped, rather than hidden.
      return parsed.success ? parsed.data : { at: 0, reason: 'unreadable-quarantine-row', raw: row };
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Writers (background only)

/** The one way the summary changes: its header, with the snapshot of its pairs dropped (no longer current). */
async function writeSummaryHeader(tx: IDBTransaction, total: number): Promise<void> {
  const meta = tx.objectStore(META);
  await Promise.all([request(meta.put({ version: 2, total }, SUMMARY_KEY)), request(meta.delete(SNAPSHOT_KEY))]);
}

/**
 * Writes the snapshot of the summary's pairs (see SNAPSHOT_KEY) when it is missing or unreadable and
 * the summary is readable. True when one was written.
 */
export function writeSummarySnapshot(db: IDBDatabase): Promise<boolean> {
  return inTransaction(db, [META, PAIRS], 'readwrite', async (tx) => {
    const meta = tx.objectStore(META);
    const [header, existing] = await Promise.all([request(meta.get(SUMMARY_KEY)), request(meta.get(SNAPSHOT_KEY))]);
    if (snapshotPairs(existing) !== null || !parseHeader(header)) return false;
    const pairs = checkPairs(await request(tx.objectStore(PAIRS).getAll()));
    if (!pairs) return false;
    await request(meta.put(JSON.stringify(pairs), SNAPSHOT_KEY));
    return true;
  });
}

/** Scans every event, moves unreadable ones to quarantine, and writes a fresh summary. */
async function rebuildInTransaction(tx: IDBTransaction): Promise<LogSummary> {
  const events = tx.objectStore(EVENTS);
  const quarantine = tx.objectStore(QUARANTINE);
  const values: unknown[] = await request(events.getAll());
  const readable: ShareEvent[] = [];
  const moves: Promise<unknown>[] = [];
  const now = Date.now();
  for (const raw of values) {
    const event = upgradeShareEvent(raw);
    if (event) readable.push(event);
    else moves.push(request(quarantine.add({ at: now, reason: 'unreadable-event', raw })), request(events.delete(keyOf(raw))));
  }
  await Promise.all(moves);
  const summary = buildSummary(readable);
  const pairs = tx.objectStore(PAIRS);
  await request(pairs.clear());
  await writeSummaryHeader(tx, summary.total);
  await Promise.all(summary.pairs.map((pair) => request(pairs.put(pair))));
  return summary;
}

/**
 * Counts `added` into the pair records they touch (only those are read and written, so an append
 * costs the same with 50 pairs or 50,000). False when the summary is damaged and must be rebuilt.
 */
async function countIntoStoredSummary(tx: IDBTransaction, header: unknown, added: readonly ShareEvent[]): Promise<boolean> {
  const parsedHeader = parseHeader(header);
  if (!parsedHeader) return false;
  const store = tx.objectStore(PAIRS);
  const keys = new Map<string, [string, string]>();
  for (const event of added) for (const site of receivingSites(event)) keys.set(pairKey(itemKeyOf(event), site), [itemKeyOf(event), site]);
  const stored = await Promise.all([...keys.values()].map((key) => request(store.get(key))));
  const pairs = new Map<string, SummaryPair>();
  let index = 0;
  for (const key of keys.keys()) {
    const raw: unknown = stored[index++];
    if (raw === undefined) continue;
    const pair = checkSummaryPair(raw);
    if (!pair) return false;
    pairs.set(key, pair);
  }
  countIntoPairs(pairs, added);
  await writeSummaryHeader(tx, parsedHeader.total + added.length);
  await Promise.all([...pairs.values()].map((pair) => request(store.put(pair))));
  return true;
}

/** Adds `event` unless its id is already stored: true when added. A stored id is not an error here. */
function addIfNew(store: IDBObjectStore, event: ShareEvent): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = store.add(event);
    req.onsuccess = () => resolve(true);
    req.onerror = (errorEvent) => {
      if (req.error?.name !== 'ConstraintError') {
        reject(req.error ?? new Error('IndexedDB request failed'));
        return;
      }
      // Handled: left alone, the failed add would abort the whole transaction.
      errorEvent.preventDefault();
      errorEvent.stopPropagation();
      resolve(false);
    };
  });
}

/**
 * Stores new events and counts them into the summary in one transaction. Ids already stored are
 * skipped, so recording the same decision twice stores and counts it once (a stored entry without a
 * fingerprint takes the new one's). Returns how many were added.
 * Throws (writing nothing) if any event is invalid.
 */
export async function appendEvents(db: IDBDatabase, events: readonly ShareEvent[]): Promise<number> {
  const valid = events.map((event) => shareEventSchema.parse(event));
  if (valid.length === 0) return 0;
  return inTransaction(db, WRITE_STORES, 'readwrite', async (tx) => {
    const store = tx.objectStore(EVENTS);
    const meta = tx.objectStore(META);
    const unique = new Map<string, ShareEvent>();
    for (const event of valid) if (!unique.has(event.id)) unique.set(event.id, event);
    const candidates = [...unique.values()];
    // Added first, looked at only if already there: new events cost one request each, not two
    // (a bulk load of new events about 20 % faster in Chromium).
    const [stored, isNew] = await Promise.all([request(meta.get(SUMMARY_KEY)), Promise.all(candidates.map((event) => addIfNew(store, event)))]);
    const added = candidates.filter((_, i) => isNew[i]);
    const already = candidates.filter((_, i) => !isNew[i]);
    const existing: unknown[] = await Promise.all(already.map((event) => request(store.get(event.id))));
    // An entry recorded without its fingerprint (from a frame's safety copy) gets it when the
    // report itself arrives later: the same entry, now linkable — never a second one.
    const completed = already.flatMap((event, i) => {
      const before = upgradeShareEvent(existing[i]);
      return before && before.fingerprint === null && event.fingerprint !== null ? [{ ...before, fingerprint: event.fingerprint, ...(event.country ? { country: event.country } : {}) }] : [];
    });
    if (added.length === 0 && completed.length === 0) return 0;
    await Promise.all(completed.map((event) => request(store.put(event))));
    // A completed entry moves in the summary (its item key is the fingerprint now): counted afresh.
    if (completed.length > 0 || !(await countIntoStoredSummary(tx, stored, added))) await rebuildInTransaction(tx);
    return added.length;
  });
}

async function deleteKeys(store: IDBObjectStore, keys: readonly IDBValidKey[]): Promise<void> {
  await Promise.all(keys.map((key) => request(store.delete(key))));
}

/** Deletes what `scope` names, then rebuilds the summary. Returns how many events were deleted. */
export function deleteEvents(db: IDBDatabase, scope: DeleteScope): Promise<number> {
  return inTransaction(db, WRITE_STORES, 'readwrite', async (tx) => {
    const store = tx.objectStore(EVENTS);
    let removed: number;
    switch (scope.by) {
      case 'entry': {
        removed = await request(store.count(scope.id));
        if (removed > 0) await request(store.delete(scope.id));
        break;
      }
      case 'site': {
        const only = IDBKeyRange.only(scope.site);
        const [bySite, byPage] = await Promise.all([
          request(store.index('site').getAllKeys(only)),
          request(store.index('pageSite').getAllKeys(only)),
        ]);
        const keys = new Map<string, IDBValidKey>();
        for (const key of [...bySite, ...byPage]) keys.set(String(key), key);
        await deleteKeys(store, [...keys.values()]);
        removed = keys.size;
        const evidence = tx.objectStore(EVIDENCE);
        await deleteKeys(evidence, await request(evidence.index('site').getAllKeys(only)));
        break;
      }
      case 'item': {
        const values: unknown[] = await request(store.getAll());
        const matching = values.flatMap((raw) => {
          const event = upgradeShareEvent(raw);
          return event !== null && itemKeyOf(event) === scope.itemKey ? [keyOf(raw)] : [];
        });
        await deleteKeys(store, matching);
        removed = matching.length;
        break;
      }
      case 'all': {
        removed = await request(store.count());
        await request(store.clear());
        await request(tx.objectStore(EVIDENCE).clear());
        break;
      }
    }
    if (removed > 0) await rebuildInTransaction(tx);
    return removed;
  });
}

/**
 * Deletes events older than `cutoff` (ms), then rebuilds the summary. Returns how many were deleted.
 * Retention runs unattended, so an unreadable old object is moved to quarantine, not deleted unseen.
 */
export function pruneBefore(db: IDBDatabase, cutoff: number): Promise<number> {
  return inTransaction(db, WRITE_STORES, 'readwrite', async (tx) => {
    const store = tx.objectStore(EVENTS);
    const values: unknown[] = await request(store.index('at').getAll(IDBKeyRange.upperBound(cutoff, true)));
    if (values.length === 0) return 0;
    const expired = values.filter((raw) => upgradeShareEvent(raw) !== null).map(keyOf);
    await deleteKeys(store, expired);
    // The rebuild moves whatever unreadable objects remain (including the old ones skipped here).
    await rebuildInTransaction(tx);
    return expired.length;
  });
}

/** `String(key)` of a numeric key read back as a number, so pages' string keys still find it. */
async function findStoredKey(store: IDBObjectStore, key: string): Promise<IDBValidKey | null> {
  if ((await request(store.count(key))) > 0) return key;
  const numeric = Number(key);
  if (key.trim() !== '' && Number.isFinite(numeric) && String(numeric) === key && (await request(store.count(numeric))) > 0) {
    return numeric;
  }
  return null;
}

/**
 * Moves the stored objects under `keys` to quarantine if they are still unreadable (a page may have
 * reported them before an upgrade made them readable). Returns how many were moved.
 */
export function quarantineEntries(db: IDBDatabase, keys: readonly string[], reason: string): Promise<number> {
  return inTransaction(db, WRITE_STORES, 'readwrite', async (tx) => {
    const store = tx.objectStore(EVENTS);
    const quarantine = tx.objectStore(QUARANTINE);
    const now = Date.now();
    let moved = 0;
    for (const key of new Set(keys)) {
      const stored = await findStoredKey(store, key);
      if (stored === null) continue;
      const raw: unknown = await request(store.get(stored));
      if (upgradeShareEvent(raw) !== null) continue;
      await request(quarantine.add({ at: now, reason, raw }));
      await request(store.delete(stored));
      moved += 1;
    }
    if (moved > 0) await rebuildInTransaction(tx);
    return moved;
  });
}

/** Keeps values that never became events (e.g. unreadable entries of the old storage.local list). */
export function quarantineRaw(db: IDBDatabase, raws: unknown[], reason: string): Promise<number> {
  if (raws.length === 0) return Promise.resolve(0);
  return inTransaction(db, [QUARANTINE], 'readwrite', async (tx) => {
    const quarantine = tx.objectStore(QUARANTINE);
    const now = Date.now();
    await Promise.all(raws.map((raw) => request(quarantine.add({ at: now, reason, raw }))));
    return raws.length;
  });
}

/** The user chose to discard what is kept in quarantine. */
export function clearQuarantine(db: IDBDatabase): Promise<void> {
  return inTransaction(db, [QUARANTINE], 'readwrite', async (tx) => {
    await request(tx.objectStore(QUARANTINE).clear());
  });
}

export function rebuildSummary(db: IDBDatabase): Promise<LogSummary> {
  return inTransaction(db, WRITE_STORES, 'readwrite', rebuildInTransaction);
}
