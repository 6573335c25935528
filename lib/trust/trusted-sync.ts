// Optional copy of the trusted list (never the log) in browser.storage.sync, chunked under its quotas,
// plus the one write lock every trusted-list writer shares and the stored outcome of the last sync.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { randomId } from '@/lib/random-id';
import { loadSettings } from '@/lib/settings/settings';
import { normalizeTrustedEntry } from './site-identity';
import { mergeTrustedLists, TRUSTED_NOTE_MAX } from './trusted-import';
import { saveTrustedList, trustedStore, trustedListSchema, type TrustedList } from './trusted-list';

export const SYNC_HEADER_KEY = 'trustedSync';
export const syncChunkKey = (index: number): string => `${SYNC_HEADER_KEY}:${index}`;
const CHUNK_KEY = /^trustedSync:(\d+)$/;
/** storage.local: outcome of the last sync, for the options page. */
export const SYNC_STATUS_KEY = 'trustedSyncStatus';
/** storage.local: this browser's device id and the newest synced version already applied or written. */
export const SYNC_LOCAL_KEY = 'trustedSyncLocal';

/** storage.sync allows 8192 bytes an item (key included), 102400 in all, 512 items. */
export const SYNC_CHUNK_BYTES = 7000;
export const SYNC_TOTAL_BYTES = 90 * 1024;
export const SYNC_MAX_ITEMS = 500;

export const syncHeaderSchema = z.object({
  version: z.literal(1),
  updatedAt: z.number(),
  chunks: z.int().check(z.gte(0), z.lte(SYNC_MAX_ITEMS)),
  device: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Random per write; every chunk carries it, so a half-arrived update is never read as a list. */
  write: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Number of sites, checked after reading the chunks. */
  count: z.int().check(z.gte(0)),
});
export type SyncHeader = z.infer<typeof syncHeaderSchema>;

/** A chunk: `[site, addedAt]` or `[site, addedAt, note]` tuples, compact to save quota. */
const syncChunkSchema = z.object({
  w: z.string(),
  s: z.array(z.union([z.tuple([z.string(), z.number()]), z.tuple([z.string(), z.number(), z.string()])])),
});
type SyncTuple = z.infer<typeof syncChunkSchema>['s'][number];

export const syncStatusSchema = z.object({
  at: z.number(),
  ok: z.boolean(),
  error: z.optional(z.string().check(z.maxLength(200))),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

const syncLocalSchema = z.object({
  device: z.string().check(z.minLength(1), z.maxLength(64)),
  seenAt: z.number(),
});
type SyncLocal = z.infer<typeof syncLocalSchema>;

export type SyncResult = { ok: true } | { ok: false; error: string };

// ---------------------------------------------------------------------------------------------
// The write lock. Lives here (not in trusted-writer) so the writer can use it without an import cycle.

let chain: Promise<unknown> = Promise.resolve();

/** Runs `task` after every earlier trusted-list write has finished; a failure does not block later ones. */
export function withTrustedWriteLock<T>(task: () => Promise<T>): Promise<T> {
  const run = chain.then(() => task());
  chain = run.catch(() => undefined);
  return run;
}

// ---------------------------------------------------------------------------------------------
// Status and device identity (storage.local).

export async function loadSyncStatus(): Promise<SyncStatus | null> {
  const parsed = syncStatusSchema.safeParse((await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY]);
  return parsed.success ? parsed.data : null;
}

async function recordStatus(status: SyncStatus): Promise<void> {
  try {
    await browser.storage.local.set({ [SYNC_STATUS_KEY]: syncStatusSchema.parse(status) });
  } catch {
    // The status is a courtesy; failing to store it must not fail anything else.
  }
}

async function loadSyncLocal(): Promise<SyncLocal> {
  const parsed = syncLocalSchema.safeParse((await browser.storage.local.get(SYNC_LOCAL_KEY))[SYNC_LOCAL_KEY]);
  if (parsed.success) return parsed.data;
  const fresh = { device: randomId(), seenAt: 0 };
  await browser.storage.local.set({ [SYNC_LOCAL_KEY]: fresh });
  return fresh;
}

const saveSyncLocal = (local: SyncLocal) => browser.storage.local.set({ [SYNC_LOCAL_KEY]: local });

/** This browser's id in sync headers (made on first use). */
export async function syncDeviceId(): Promise<string> {
  return (await loadSyncLocal()).device;
}

// ---------------------------------------------------------------------------------------------
// Encoding.

const encoder = new TextEncoder();
/** What storage.sync charges for an item: its key plus its value as JSON, in bytes. */
export const syncItemBytes = (key: string, value: unknown): number => encoder.encode(key + JSON.stringify(value)).length;

export type EncodedSync = { ok: true; header: SyncHeader; items: Record<string, unknown> } | { ok: false; error: 'trusted_sync_too_large' };

/** Splits the list into chunk items under SYNC_CHUNK_BYTES each; refuses lists over the total budget. */
export function encodeForSync(list: TrustedList, updatedAt: number, device: string, write = randomId().slice(0, 12)): EncodedSync {
  const tuples: SyncTuple[] = list.sites.map(({ site, addedAt, note }) => (note ? [site, addedAt, note] : [site, addedAt]));
  const chunks: SyncTuple[][] = [];
  // The biggest key ("trustedSync:499") and the wrapper, counted once per chunk.
  const overhead = syncItemBytes(syncChunkKey(SYNC_MAX_ITEMS), { w: write, s: [] });
  let current: SyncTuple[] = [];
  let size = overhead;
  for (const tuple of tuples) {
    const bytes = encoder.encode(JSON.stringify(tuple)).length + 1; // + the comma
    if (current.length > 0 && size + bytes > SYNC_CHUNK_BYTES) {
      chunks.push(current);
      current = [];
      size = overhead;
    }
    current.push(tuple);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);

  const header: SyncHeader = { version: 1, updatedAt, chunks: chunks.length, device, write, count: tuples.length };
  const items: Record<string, unknown> = {};
  let total = syncItemBytes(SYNC_HEADER_KEY, header);
  for (const [index, chunk] of chunks.entries()) {
    const value = { w: write, s: chunk };
    total += syncItemBytes(syncChunkKey(index), value);
    items[syncChunkKey(index)] = value;
  }
  if (total > SYNC_TOTAL_BYTES || chunks.length + 1 > SYNC_MAX_ITEMS) return { ok: false, error: 'trusted_sync_too_large' };
  return { ok: true, header, items };
}

const isQuotaError = (error: unknown): boolean => {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota/i.test(text);
};

// ---------------------------------------------------------------------------------------------
// Push, read, merge, remote changes.

/**
 * Writes `list` to storage.sync: the new chunks, then the header, then removes chunks left over
 * from a longer list. Never throws; records the outcome in `trustedSyncStatus`. Callers hold the lock.
 */
export async function pushTrustedToSync(list: TrustedList, now: number): Promise<SyncResult> {
  let result: SyncResult;
  try {
    const local = await loadSyncLocal();
    const encoded = encodeForSync(list, now, local.device);
    if (!encoded.ok) {
      result = { ok: false, error: encoded.error };
    } else {
      await browser.storage.sync.set(encoded.items);
      await browser.storage.sync.set({ [SYNC_HEADER_KEY]: encoded.header });
      const stale = Object.keys(await browser.storage.sync.get(null)).filter((key) => {
        const index = CHUNK_KEY.exec(key)?.[1];
        return index !== undefined && Number(index) >= encoded.header.chunks;
      });
      if (stale.length > 0) await browser.storage.sync.remove(stale);
      await saveSyncLocal({ ...local, seenAt: Math.max(local.seenAt, now) });
      result = { ok: true };
    }
  } catch (error) {
    result = { ok: false, error: isQuotaError(error) ? 'trusted_sync_quota' : 'trusted_sync_failed' };
  }
  await recordStatus(result.ok ? { at: now, ok: true } : { at: now, ok: false, error: result.error });
  return result;
}

async function readHeader(): Promise<SyncHeader | null> {
  const parsed = syncHeaderSchema.safeParse((await browser.storage.sync.get(SYNC_HEADER_KEY))[SYNC_HEADER_KEY]);
  return parsed.success ? parsed.data : null;
}

/** The synced list, validated entry by entry; null when there is none, or it is corrupt or half-arrived. */
export async function readTrustedFromSync(): Promise<TrustedList | null> {
  try {
    const header = await readHeader();
    if (!header) return null;
    const keys = Array.from({ length: header.chunks }, (_, index) => syncChunkKey(index));
    const stored = keys.length > 0 ? await browser.storage.sync.get(keys) : {};
    const sites: TrustedList['sites'] = [];
    for (const key of keys) {
      const chunk = syncChunkSchema.safeParse(stored[key]);
      if (!chunk.success || chunk.data.w !== header.write) return null;
      for (const [site, addedAt, note = ''] of chunk.data.s) {
        if (!normalizeTrustedEntry(site).ok) return null;
        if (!Number.isFinite(addedAt) || note.length > TRUSTED_NOTE_MAX) return null;
        sites.push({ site, addedAt, note });
      }
    }
    if (sites.length !== header.count) return null;
    const list = trustedListSchema.safeParse({ version: 1, sites: dedupe(sites) });
    return list.success ? list.data : null;
  } catch {
    return null;
  }
}

/** Keeps the first entry of each site (the list is written by our own code, so repeats are unexpected). */
function dedupe(sites: TrustedList['sites']): TrustedList['sites'] {
  const seen = new Set<string>();
  return sites.filter((entry) => !seen.has(entry.site) && Boolean(seen.add(entry.site)));
}

/**
 * The user turned sync on: the union of this browser's list and the synced one goes to both.
 * Takes the write lock.
 */
export function mergeOnEnable(now: number = Date.now()): Promise<SyncResult> {
  return withTrustedWriteLock(async () => {
    const { value: local } = await trustedStore.repair(now);
    const synced = await readTrustedFromSync();
    const merged = synced ? mergeTrustedLists(local, synced) : { list: local, changed: false };
    if (merged.changed) await saveTrustedList(merged.list);
    return pushTrustedToSync(merged.list, now);
  });
}

/**
 * storage.onChanged for the 'sync' area. When another device wrote a newer list (and sync is on
 * here), it replaces the local one. Own writes, older versions and half-arrived updates are ignored
 * (a half-arrived one is read again when its remaining chunks arrive). Takes the write lock.
 * Resolves true when the local list was replaced.
 */
export function onSyncChanged(changes: Record<string, unknown>, now: number = Date.now()): Promise<boolean> {
  if (!Object.keys(changes).some((key) => key === SYNC_HEADER_KEY || CHUNK_KEY.test(key))) return Promise.resolve(false);
  return withTrustedWriteLock(async () => {
    if (!(await loadSettings()).value.syncTrusted) return false;
    const header = await readHeader();
    if (!header) return false;
    const local = await loadSyncLocal();
    if (header.device === local.device || header.updatedAt <= local.seenAt) return false;
    const list = await readTrustedFromSync();
    if (!list) return false;
    await saveTrustedList(list);
    await saveSyncLocal({ ...local, seenAt: header.updatedAt });
    await recordStatus({ at: now, ok: true });
    return true;
  });
}
