// Unit tests for lib/log/log-store.ts on fake-indexeddb (a fresh IDBFactory per test): schema and
// v1 upgrade, append idempotence, summary kept in step, filters, every delete scope, pruning,
// quarantine of corrupted stored objects, and errors reaching the caller.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  appendEvents,
  clearQuarantine,
  countQuarantine,
  deleteEvents,
  LOG_DB_NAME,
  openLogDb,
  pruneBefore,
  quarantineEntries,
  quarantineRaw,
  readEvents,
  readNewestEvents,
  readQuarantine,
  readSummary,
  rebuildSummary,
  writeSummarySnapshot,
} from '@/lib/log/log-store';
import { buildSummary } from '@/lib/log/log-summary-build';
import { upgradeShareEvent, type ShareEvent } from '@/lib/log/share-event';

const FP_A = 'a'.repeat(64);
const FP_B = 'b'.repeat(64);

let counter = 0;
function ev(over: Partial<ShareEvent> = {}): ShareEvent {
  counter += 1;
  return {
    version: 2,
    id: `hold-${String(counter).padStart(6, '0')}-0`,
    at: 1_700_000_000_000 + counter,
    decision: 'sent-once',
    route: 'fetch',
    pageUrl: 'https://shop.example/apply',
    pageTitle: 'Apply now',
    pageSite: 'shop.example',
    destinationSites: ['lender.example'],
    isLoanPage: true,
    kind: 'phone',
    masked: '138****8000',
    fingerprint: FP_A,
    ...over,
  };
}

const v1 = (id: string, at: number, destinationSite = 'lender.example') => ({
  version: 1,
  id,
  at,
  decision: 'cancelled',
  route: 'form',
  pageUrl: 'https://shop.example/apply',
  pageTitle: 'Apply',
  pageSite: 'shop.example',
  destinationSite,
  isLoanPage: true,
  item: { kind: 'bank-card', masked: '**** 1234', country: 'CN' },
});

/** Writes straight into a store, bypassing the module, as corruption or an old version would. */
function putRaw(db: IDBDatabase, store: string, value: unknown, key?: IDBValidKey): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    if (key === undefined) tx.objectStore(store).put(value);
    else tx.objectStore(store).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

function getRaw(db: IDBDatabase, store: string, key: IDBValidKey): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = db.transaction(store).objectStore(store).get(key);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

const ids = (events: readonly ShareEvent[]) => events.map((event) => event.id);

let db: IDBDatabase;

beforeEach(async () => {
  db = await openLogDb(new IDBFactory());
});

describe('share event schema and upgrade', () => {
  it('reads v2 as is, upgrades v1 to v2 without a fingerprint, and rejects junk', () => {
    const current = ev();
    expect(upgradeShareEvent(current)).toEqual(current);
    expect(upgradeShareEvent(v1('legacy-0001', 5))).toEqual({
      version: 2,
      id: 'legacy-0001',
      at: 5,
      decision: 'cancelled',
      route: 'form',
      pageUrl: 'https://shop.example/apply',
      pageTitle: 'Apply',
      pageSite: 'shop.example',
      destinationSites: ['lender.example'],
      isLoanPage: true,
      kind: 'bank-card',
      masked: '**** 1234',
      country: 'CN',
      fingerprint: null,
    });
    expect(upgradeShareEvent(v1('legacy-0002', 5, ''))?.destinationSites).toEqual(['(unknown)']);
    expect(upgradeShareEvent({ ...current, fingerprint: 'NOT-HEX' })).toBeNull();
    expect(upgradeShareEvent({ junk: true })).toBeNull();
    expect(upgradeShareEvent(null)).toBeNull();
  });
});

describe('log store', () => {
  it('creates the events, meta, pairs, quarantine and evidence stores with their indexes', () => {
    expect(db.name).toBe(LOG_DB_NAME);
    expect([...db.objectStoreNames].sort()).toEqual(['events', 'evidence', 'meta', 'pairs', 'quarantine']);
    expect(db.transaction('pairs').objectStore('pairs').keyPath).toEqual(['itemKey', 'site']);
    const events = db.transaction('events').objectStore('events');
    expect(events.keyPath).toBe('id');
    expect([...events.indexNames].sort()).toEqual(['at', 'pageSite', 'site']);
    expect(events.index('site').multiEntry).toBe(true);
    expect(events.index('site').keyPath).toBe('destinationSites');
    expect(db.transaction('quarantine').objectStore('quarantine').autoIncrement).toBe(true);
  });

  it('reads the newest events first, as many as asked, skipping unreadable ones', async () => {
    await appendEvents(db, [ev({ at: 300 }), ev({ at: 100 }), ev({ at: 200 }), ev({ at: 400 })]);
    await quarantineRawFree(db, { id: 'broken', at: 500 });
    await quarantineRawFree(db, { id: 'broken-2', at: 350 });
    const newest = await readNewestEvents(db, 2);
    expect(newest.map((event) => event.at)).toEqual([400, 300]);
    expect((await readNewestEvents(db, 3)).map((event) => event.at)).toEqual([400, 300, 200]);
    expect((await readNewestEvents(db, 10)).map((event) => event.at)).toEqual([400, 300, 200, 100]);
  });

  it('reads the newest events the same with a cursor where the index has no getAllRecords (Firefox)', async () => {
    await appendEvents(db, [ev({ at: 300 }), ev({ at: 100 }), ev({ at: 200 }), ev({ at: 400 })]);
    await quarantineRawFree(db, { id: 'broken', at: 500 });
    const prototype = Object.getPrototypeOf(db.transaction('events').objectStore('events').index('at')) as { getAllRecords?: unknown };
    const getAllRecords = prototype.getAllRecords;
    delete prototype.getAllRecords;
    try {
      expect((await readNewestEvents(db, 2)).map((event) => event.at)).toEqual([400, 300]);
      expect((await readNewestEvents(db, 10)).map((event) => event.at)).toEqual([400, 300, 200, 100]);
    } finally {
      prototype.getAllRecords = getAllRecords;
    }
  });

  it('starts with no summary and no events', async () => {
    expect(await readSummary(db)).toBeNull();
    expect(await readEvents(db)).toEqual({ events: [], unreadable: [] });
    expect(await countQuarantine(db)).toBe(0);
  });

  it('appends events, reads them newest first, and keeps the summary in step', async () => {
    const events = [ev({ at: 300 }), ev({ at: 100, decision: 'cancelled' }), ev({ at: 200, destinationSites: ['other.example'] })];
    expect(await appendEvents(db, events.slice(0, 2))).toBe(2);
    expect(await appendEvents(db, events.slice(2))).toBe(1);
    const read = await readEvents(db);
    expect(read.unreadable).toEqual([]);
    expect(read.events.map((event) => event.at)).toEqual([300, 200, 100]);
    expect(read.events[0]).toEqual(events[0]);
    const summary = await readSummary(db);
    expect(summary).toEqual(buildSummary(events.slice(0, 2).concat(events.slice(2))));
    expect(summary?.total).toBe(3);
  });

  it('stores and counts an event once however often it is appended', async () => {
    const event = ev();
    expect(await appendEvents(db, [event, event])).toBe(1);
    expect(await appendEvents(db, [event])).toBe(0);
    expect(await appendEvents(db, [{ ...event, decision: 'cancelled' }, ev()])).toBe(1);
    expect((await readEvents(db)).events).toHaveLength(2);
    const summary = await readSummary(db);
    expect(summary?.total).toBe(2);
    expect(summary?.pairs[0]).toMatchObject({ sent: 2, cancelled: 0 });
  });

  it('an entry stored without a fingerprint (a safety copy) takes the fingerprint of the same entry recorded later, once', async () => {
    const fromCopy = ev({ fingerprint: null });
    const fromReport = { ...fromCopy, at: fromCopy.at + 900, fingerprint: FP_A, country: 'CN' };
    expect(await appendEvents(db, [fromCopy])).toBe(1);
    expect(await appendEvents(db, [fromReport])).toBe(0);
    const { events } = await readEvents(db);
    expect(events).toEqual([{ ...fromCopy, fingerprint: FP_A, country: 'CN' }]); // its time is the copy's
    expect(await readSummary(db)).toEqual(buildSummary(events));
    // A fingerprint already there is never replaced.
    expect(await appendEvents(db, [{ ...fromReport, fingerprint: FP_B }])).toBe(0);
    expect((await readEvents(db)).events[0]!.fingerprint).toBe(FP_A);
  });

  it('refuses a batch containing an invalid event and writes none of it', async () => {
    const bad = { ...ev(), masked: '' } as ShareEvent;
    await expect(appendEvents(db, [ev(), bad])).rejects.toThrow();
    expect((await readEvents(db)).events).toEqual([]);
    expect(await readSummary(db)).toBeNull();
  });

  it('rebuilds a missing or invalid summary from all events when appending', async () => {
    await appendEvents(db, [ev(), ev()]);
    await putRaw(db, 'meta', { version: 1, total: 'many' }, 'summary');
    expect(await readSummary(db)).toBeNull();
    await appendEvents(db, [ev()]);
    const summary = await readSummary(db);
    expect(summary?.total).toBe(3);
    expect(summary?.pairs[0]?.sent).toBe(3);
  });

  it('an append rewrites only the pairs it touches; a damaged pair record makes the summary rebuild', async () => {
    await appendEvents(db, [ev({ destinationSites: ['a.example'] }), ev({ destinationSites: ['b.example'] })]);
    const before = await getRaw(db, 'pairs', [FP_A, 'b.example']);
    await appendEvents(db, [ev({ destinationSites: ['a.example'] })]);
    expect(await getRaw(db, 'pairs', [FP_A, 'b.example'])).toEqual(before);
    expect((await getRaw(db, 'pairs', [FP_A, 'a.example']) as { sent: number }).sent).toBe(2);
    expect((await readSummary(db))?.total).toBe(3);

    await putRaw(db, 'pairs', { itemKey: FP_A, site: 'b.example', sent: 'lots' });
    expect(await readSummary(db)).toBeNull();
    await appendEvents(db, [ev({ destinationSites: ['b.example'] })]);
    const summary = await readSummary(db);
    expect(summary?.total).toBe(4);
    expect(summary?.pairs.find((pair) => pair.site === 'b.example')?.sent).toBe(2);
  });

  it('filters by receiving site, item, kinds, time and text', async () => {
    const phone = ev({ at: 10, destinationSites: ['a.example', 'b.example'], pageTitle: 'Quick CASH loan' });
    const card = ev({ at: 20, kind: 'bank-card', masked: '**** 4321', fingerprint: FP_B, destinationSites: ['b.example'] });
    const legacy = ev({ at: 30, kind: 'otp', masked: '12**', fingerprint: null, destinationSites: ['c.example'], pageUrl: 'https://pay.example/otp' });
    await appendEvents(db, [phone, card, legacy]);

    expect(ids((await readEvents(db, { site: 'b.example' })).events)).toEqual([card.id, phone.id]);
    expect(ids((await readEvents(db, { site: 'a.example' })).events)).toEqual([phone.id]);
    expect(ids((await readEvents(db, { itemKey: FP_B })).events)).toEqual([card.id]);
    expect(ids((await readEvents(db, { itemKey: 'otp:codes' })).events)).toEqual([legacy.id]);
    expect(ids((await readEvents(db, { kinds: ['phone', 'otp'] })).events)).toEqual([legacy.id, phone.id]);
    expect((await readEvents(db, { kinds: [] })).events).toEqual([]);
    expect(ids((await readEvents(db, { since: 20 })).events)).toEqual([legacy.id, card.id]);
    expect(ids((await readEvents(db, { until: 20 })).events)).toEqual([card.id, phone.id]);
    expect(ids((await readEvents(db, { since: 15, until: 25 })).events)).toEqual([card.id]);
    expect((await readEvents(db, { since: 25, until: 15 })).events).toEqual([]);
    expect(ids((await readEvents(db, { site: 'b.example', since: 15 })).events)).toEqual([card.id]);
    expect(ids((await readEvents(db, { text: 'cash' })).events)).toEqual([phone.id]);
    expect(ids((await readEvents(db, { text: '4321' })).events)).toEqual([card.id]);
    expect(ids((await readEvents(db, { text: 'C.EXAMPLE' })).events)).toEqual([legacy.id]);
    expect(ids((await readEvents(db, { text: 'pay.example/otp' })).events)).toEqual([legacy.id]);
    expect(ids((await readEvents(db, { site: 'b.example', text: 'nothing-like-this' })).events)).toEqual([]);
  });

  it('reads a v1 object stored directly as a v2 event', async () => {
    await putRaw(db, 'events', v1('legacy-0001', 42));
    const read = await readEvents(db);
    expect(read.unreadable).toEqual([]);
    expect(read.events[0]).toMatchObject({ version: 2, id: 'legacy-0001', fingerprint: null, destinationSites: ['lender.example'] });
  });

  describe('delete scopes', () => {
    let kept: ShareEvent;
    let byDestination: ShareEvent;
    let byPage: ShareEvent;
    let otherItem: ShareEvent;

    beforeEach(async () => {
      kept = ev({ destinationSites: ['keep.example'], pageSite: 'shop.example' });
      byDestination = ev({ destinationSites: ['keep.example', 'gone.example'] });
      byPage = ev({ destinationSites: ['keep.example'], pageSite: 'gone.example', fingerprint: FP_B });
      otherItem = ev({ destinationSites: ['keep.example'], fingerprint: FP_B, at: 1 });
      await appendEvents(db, [kept, byDestination, byPage, otherItem]);
    });

    it('deletes one entry by id', async () => {
      expect(await deleteEvents(db, { by: 'entry', id: byPage.id })).toBe(1);
      expect(await deleteEvents(db, { by: 'entry', id: 'no-such-entry' })).toBe(0);
      expect(ids((await readEvents(db)).events).sort()).toEqual(ids([kept, byDestination, otherItem]).sort());
      expect((await readSummary(db))?.total).toBe(3);
    });

    it('deletes by site: received by it or typed on it', async () => {
      expect(await deleteEvents(db, { by: 'site', site: 'gone.example' })).toBe(2);
      expect(ids((await readEvents(db)).events).sort()).toEqual(ids([kept, otherItem]).sort());
      const summary = await readSummary(db);
      expect(summary?.total).toBe(2);
      expect(summary?.pairs.some((pair) => pair.site === 'gone.example')).toBe(false);
    });

    it('deletes by item key', async () => {
      expect(await deleteEvents(db, { by: 'item', itemKey: FP_B })).toBe(2);
      expect(ids((await readEvents(db)).events).sort()).toEqual(ids([kept, byDestination]).sort());
      const summary = await readSummary(db);
      expect(summary?.pairs.every((pair) => pair.itemKey === FP_A)).toBe(true);
      expect(summary?.total).toBe(2);
    });

    it('deletes everything', async () => {
      expect(await deleteEvents(db, { by: 'all' })).toBe(4);
      expect((await readEvents(db)).events).toEqual([]);
      expect(await readSummary(db)).toEqual({ version: 1, total: 0, pairs: [] });
    });
  });

  it('prunes events older than a cutoff and rebuilds the summary', async () => {
    await appendEvents(db, [ev({ at: 100 }), ev({ at: 199 }), ev({ at: 200 }), ev({ at: 300 })]);
    expect(await pruneBefore(db, 200)).toBe(2);
    expect((await readEvents(db)).events.map((event) => event.at)).toEqual([300, 200]);
    expect(await readSummary(db)).toMatchObject({ total: 2, pairs: [{ first: 200, last: 300 }] });
    expect(await pruneBefore(db, 200)).toBe(0);
  });

  it('moves an unreadable old object to quarantine when pruning instead of deleting it unseen', async () => {
    await appendEvents(db, [ev({ at: 100 }), ev({ at: 300 })]);
    const junk = { id: 'junk-000004', at: 50 };
    await putRaw(db, 'events', junk);
    expect(await pruneBefore(db, 200)).toBe(1);
    expect(await readEvents(db)).toMatchObject({ events: [{ at: 300 }], unreadable: [] });
    expect((await readQuarantine(db)).map((row) => row.raw)).toEqual([junk]);
  });

  it('reports a corrupted stored object, keeps the rest readable, and quarantines it without losing it', async () => {
    const good = [ev({ at: 1 }), ev({ at: 3 })];
    await appendEvents(db, good);
    const junk = { id: 'junk-000001', at: 2, nonsense: [1, 2, 3] };
    const noTime = { id: 'junk-000002', whatever: true };
    await putRaw(db, 'events', junk);
    await putRaw(db, 'events', noTime);
    await putRaw(db, 'events', { id: 12345, at: 4 });

    const read = await readEvents(db);
    expect(read.events).toEqual([good[1], good[0]]);
    expect(read.unreadable.sort()).toEqual(['12345', 'junk-000001', 'junk-000002']);
    expect((await readEvents(db, { since: 0, until: 10 })).unreadable.sort()).toEqual(['12345', 'junk-000001']);

    // A key that reads fine (or no longer exists) is left alone.
    expect(await quarantineEntries(db, [...read.unreadable, good[0]!.id, 'missing-key'], 'unreadable-event')).toBe(3);
    expect(await readEvents(db)).toEqual({ events: [good[1], good[0]], unreadable: [] });
    expect(await countQuarantine(db)).toBe(3);
    const quarantined = await readQuarantine(db);
    expect(quarantined.map((row) => row.raw)).toEqual(expect.arrayContaining([junk, noTime, { id: 12345, at: 4 }]));
    expect(quarantined.every((row) => row.reason === 'unreadable-event' && typeof row.at === 'number')).toBe(true);
    expect((await readSummary(db))?.total).toBe(2);
  });

  it('moves unreadable objects to quarantine while rebuilding the summary', async () => {
    await appendEvents(db, [ev(), ev({ decision: 'cancelled' })]);
    await putRaw(db, 'events', { id: 'junk-000003', at: 5 });
    const summary = await rebuildSummary(db);
    expect(summary.total).toBe(2);
    expect(summary.pairs[0]).toMatchObject({ sent: 1, cancelled: 1 });
    expect(await readSummary(db)).toEqual(summary);
    expect(await getRaw(db, 'events', 'junk-000003')).toBeUndefined();
    expect((await readQuarantine(db)).map((row) => row.raw)).toEqual([{ id: 'junk-000003', at: 5 }]);
  });

  it('keeps raw values in quarantine until cleared', async () => {
    expect(await quarantineRaw(db, ['text', { a: 1 }, null], 'migration')).toBe(3);
    expect(await quarantineRaw(db, [], 'migration')).toBe(0);
    expect(await countQuarantine(db)).toBe(3);
    expect((await readQuarantine(db)).map((row) => row.raw)).toEqual(['text', { a: 1 }, null]);
    await putRaw(db, 'quarantine', 'not a row');
    expect((await readQuarantine(db))[3]).toEqual({ at: 0, reason: 'unreadable-quarantine-row', raw: 'not a row' });
    await clearQuarantine(db);
    expect(await countQuarantine(db)).toBe(0);
  });

  describe('summary snapshot (the popup\'s one-read first view)', () => {
    const SNAPSHOT = 'summary-snapshot';

    it('is written once from the pairs, and read instead of them while current', async () => {
      await appendEvents(db, [ev({ destinationSites: ['a.example'] }), ev({ destinationSites: ['b.example'] })]);
      const fromPairs = await readSummary(db);
      expect(await writeSummarySnapshot(db)).toBe(true);
      expect(await writeSummarySnapshot(db)).toBe(false);
      expect(typeof (await getRaw(db, 'meta', SNAPSHOT))).toBe('string');
      expect(await readSummary(db)).toEqual(fromPairs);
      // Read from the snapshot: a pair record changed behind the store's back is not seen.
      await putRaw(db, 'pairs', { ...fromPairs!.pairs[0]!, sent: 99 });
      expect((await readSummary(db))?.pairs[0]?.sent).toBe(fromPairs!.pairs[0]!.sent);
    });

    it('is dropped by every change to the summary: append, delete, prune, rebuild', async () => {
      const changes: (() => Promise<unknown>)[] = [
        () => appendEvents(db, [ev({ destinationSites: ['c.example'] })]),
        () => deleteEvents(db, { by: 'site', site: 'c.example' }),
        () => pruneBefore(db, Number.MAX_SAFE_INTEGER),
        () => rebuildSummary(db),
      ];
      await appendEvents(db, [ev(), ev()]);
      expect(await writeSummarySnapshot(db)).toBe(true);
      for (const change of changes) {
        expect(await getRaw(db, 'meta', SNAPSHOT)).toEqual(expect.any(String));
        await change();
        expect(await getRaw(db, 'meta', SNAPSHOT)).toBeUndefined();
        const fresh = await readSummary(db);
        expect(await writeSummarySnapshot(db)).toBe(true);
        expect(await readSummary(db)).toEqual(fresh);
      }
    });

    it('a damaged snapshot is passed over for the pairs, and written again', async () => {
      await appendEvents(db, [ev(), ev({ destinationSites: ['b.example'] })]);
      const fromPairs = await readSummary(db);
      for (const junk of ['{not json', JSON.stringify({ pairs: [] }), JSON.stringify([{ itemKey: 1 }]), 42]) {
        await putRaw(db, 'meta', junk, SNAPSHOT);
        expect(await readSummary(db)).toEqual(fromPairs);
        expect(await writeSummarySnapshot(db)).toBe(true);
        expect(await readSummary(db)).toEqual(fromPairs);
      }
    });

    it('is not written while the summary itself is missing or damaged', async () => {
      expect(await writeSummarySnapshot(db)).toBe(false);
      await appendEvents(db, [ev()]);
      await putRaw(db, 'meta', 'garbage', 'summary');
      expect(await writeSummarySnapshot(db)).toBe(false);
      expect(await getRaw(db, 'meta', SNAPSHOT)).toBeUndefined();
    });
  });

  it('treats a junk summary as missing', async () => {
    await putRaw(db, 'meta', 'garbage', 'summary');
    expect(await readSummary(db)).toBeNull();
  });

  it('passes a write error (e.g. a full quota) to the caller and writes nothing', async () => {
    await appendEvents(db, [ev()]);
    const before = await readSummary(db);
    const quotaFull = new Proxy(db, {
      get(target, prop) {
        if (prop === 'transaction') {
          return (...args: Parameters<IDBDatabase['transaction']>) => {
            const tx = target.transaction(...args);
            const objectStore = tx.objectStore.bind(tx);
            tx.objectStore = (name: string) => {
              const store = objectStore(name);
              if (name === 'meta') {
                store.put = () => {
                  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
                };
              }
              return store;
            };
            return tx;
          };
        }
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    await expect(appendEvents(quotaFull, [ev()])).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect((await readEvents(db)).events).toHaveLength(1);
    expect(await readSummary(db)).toEqual(before);
  });

  it('rejects when the database connection is closed', async () => {
    db.close();
    await expect(appendEvents(db, [ev()])).rejects.toThrow();
    await expect(readEvents(db)).rejects.toThrow();
  });
});

/** An object in the events store that is not a readable event (as a damaged entry would be). */
function quarantineRawFree(db: IDBDatabase, raw: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('events', 'readwrite');
    tx.objectStore('events').put(raw);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
