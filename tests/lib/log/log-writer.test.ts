// Unit tests for lib/log/log-writer.ts (fake-indexeddb + fakeBrowser): migration of the old
// storage.local list, summary repair, retention, the serialised queue, and concurrent recording.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { countQuarantine, openLogDb, readEvents, readQuarantine, readSummary, writeSummarySnapshot } from '@/lib/log/log-store';
import { createLogWriter, SHARE_EVENTS_KEY, SNAPSHOT_DELAY_MS } from '@/lib/log/log-writer';
import type { ShareEvent } from '@/lib/log/share-event';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = 1_750_000_000_000;
const FP = 'c'.repeat(64);

let counter = 0;
function ev(over: Partial<ShareEvent> = {}): ShareEvent {
  counter += 1;
  return {
    version: 2,
    id: `hold-${String(counter).padStart(6, '0')}-0`,
    at: NOW - 1_000,
    decision: 'sent-once',
    route: 'xhr',
    pageUrl: 'https://shop.example/apply',
    pageTitle: 'Apply now',
    pageSite: 'shop.example',
    destinationSites: ['lender.example'],
    isLoanPage: true,
    kind: 'phone',
    masked: '138****8000',
    fingerprint: FP,
    ...over,
  };
}

const v1 = (id: string) => ({
  version: 1,
  id,
  at: NOW - DAY,
  decision: 'trusted',
  route: 'form',
  pageUrl: 'https://shop.example/apply',
  pageTitle: 'Apply',
  pageSite: 'shop.example',
  destinationSite: 'lender.example',
  isLoanPage: false,
  item: { kind: 'national-id', masked: '1101**********002X' },
});

const storedShareEvents = async (): Promise<unknown> => (await fakeBrowser.storage.local.get(SHARE_EVENTS_KEY))[SHARE_EVENTS_KEY];

let db: IDBDatabase;
let now: number;
let retentionDays: number;
const writerFor = (database: IDBDatabase) =>
  createLogWriter({ db: async () => database, now: () => now, retentionDays: async () => retentionDays });

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openLogDb(new IDBFactory());
  now = NOW;
  retentionDays = 0;
});

describe('log writer: migration', () => {
  it('moves readable v1/v2 events into the log and unreadable ones into quarantine, then removes the key', async () => {
    const current = ev();
    const junk = { version: 7, id: 'strange-entry' };
    await fakeBrowser.storage.local.set({ [SHARE_EVENTS_KEY]: [v1('legacy-000001'), current, junk, 'text'] });
    const result = await writerFor(db).start();
    expect(result).toEqual({ migrated: 2, quarantined: 2 });
    expect(await storedShareEvents()).toBeUndefined();
    const read = await readEvents(db);
    expect(read.events.map((event) => event.id).sort()).toEqual(['legacy-000001', current.id].sort());
    expect(read.events.find((event) => event.id === 'legacy-000001')).toMatchObject({ version: 2, fingerprint: null, kind: 'national-id' });
    expect((await readSummary(db))?.total).toBe(2);
    expect((await readQuarantine(db)).map((row) => row.raw)).toEqual([junk, 'text']);
  });

  it('keeps a stored value that is not a list in quarantine', async () => {
    await fakeBrowser.storage.local.set({ [SHARE_EVENTS_KEY]: { corrupted: true } });
    expect(await writerFor(db).start()).toEqual({ migrated: 0, quarantined: 1 });
    expect(await storedShareEvents()).toBeUndefined();
    expect((await readQuarantine(db)).map((row) => row.raw)).toEqual([{ corrupted: true }]);
  });

  it('removes the old key only after the events are written', async () => {
    const list = [v1('legacy-000002')];
    await fakeBrowser.storage.local.set({ [SHARE_EVENTS_KEY]: list });
    const broken = await openLogDb(new IDBFactory());
    broken.close();
    await expect(writerFor(broken).start()).rejects.toThrow();
    expect(await storedShareEvents()).toEqual(list);

    const realRemove = fakeBrowser.storage.local.remove.bind(fakeBrowser.storage.local);
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove');
    let storedWhenRemoved = -1;
    remove.mockImplementationOnce(async (keys) => {
      storedWhenRemoved = (await readEvents(db)).events.length;
      await realRemove(keys);
    });
    expect(await writerFor(db).start()).toEqual({ migrated: 1, quarantined: 0 });
    expect(remove).toHaveBeenCalledWith(SHARE_EVENTS_KEY);
    expect(storedWhenRemoved).toBe(1);
    expect(await storedShareEvents()).toBeUndefined();
    remove.mockRestore();
  });

  it('does nothing to migrate when there is no old key', async () => {
    expect(await writerFor(db).start()).toEqual({ migrated: 0, quarantined: 0 });
    expect(await readSummary(db)).toEqual({ version: 1, total: 0, pairs: [] });
  });

  it('repairs an invalid summary on start, quarantining unreadable events found on the way', async () => {
    const writer = writerFor(db);
    await writer.record([ev(), ev({ decision: 'cancelled' })]);
    await new Promise<void>((resolve) => {
      const tx = db.transaction(['meta', 'events'], 'readwrite');
      tx.objectStore('meta').put({ broken: true }, 'summary');
      tx.objectStore('events').put({ id: 'junk-000009', at: 1 });
      tx.oncomplete = () => resolve();
    });
    expect(await writerFor(db).start()).toEqual({ migrated: 0, quarantined: 1 });
    expect(await readSummary(db)).toMatchObject({ total: 2, pairs: [{ sent: 1, cancelled: 1 }] });
    expect((await readEvents(db)).unreadable).toEqual([]);
  });

  it('repairs a damaged pair record on start even while the snapshot of the summary reads well', async () => {
    await writerFor(db).record([ev(), ev({ destinationSites: ['b.example'] })]);
    expect(await writeSummarySnapshot(db)).toBe(true);
    await new Promise<void>((resolve) => {
      const tx = db.transaction('pairs', 'readwrite');
      tx.objectStore('pairs').put({ itemKey: FP, site: 'b.example', sent: 'lots' });
      tx.oncomplete = () => resolve();
    });
    expect(await readSummary(db, true)).toBeNull();
    await writerFor(db).start();
    expect((await readSummary(db, true))?.pairs.find((pair) => pair.site === 'b.example')?.sent).toBe(1);
  });
});

describe('log writer: retention', () => {
  it('with 30 days keeps a 29-day-old event and drops a 31-day-old one', async () => {
    const recent = ev({ at: NOW - 29 * DAY });
    const old = ev({ at: NOW - 31 * DAY });
    const writer = writerFor(db);
    await writer.record([recent, old]); // retention 0 while recording
    retentionDays = 30;
    expect(await writer.applyRetention()).toBe(1);
    expect((await readEvents(db)).events.map((event) => event.id)).toEqual([recent.id]);
    expect((await readSummary(db))?.total).toBe(1);
  });

  it('with 0 keeps everything, however old', async () => {
    const writer = writerFor(db);
    await writer.record([ev({ at: 0 }), ev({ at: NOW - 5_000 * DAY })]);
    expect(await writer.applyRetention()).toBe(0);
    expect(await writer.start()).toEqual({ migrated: 0, quarantined: 0 });
    expect((await readEvents(db)).events).toHaveLength(2);
  });

  it('applies retention on start', async () => {
    await writerFor(db).record([ev({ at: NOW - 100 * DAY }), ev({ at: NOW - DAY })]);
    retentionDays = 90;
    await writerFor(db).start();
    expect((await readEvents(db)).events).toHaveLength(1);
  });

  it('prunes after recording at most once an hour', async () => {
    retentionDays = 30;
    const writer = writerFor(db);
    await writer.record([ev({ at: NOW - 40 * DAY })]); // first record: retention runs
    expect((await readEvents(db)).events).toHaveLength(0);
    now = NOW + 30 * 60_000;
    await writer.record([ev({ at: NOW - 40 * DAY })]); // within the hour: not pruned yet
    expect((await readEvents(db)).events).toHaveLength(1);
    now = NOW + HOUR + 1;
    await writer.record([ev()]);
    expect((await readEvents(db)).events).toHaveLength(1);
    expect((await readSummary(db))?.total).toBe(1);
  });
});

describe('log writer: queue', () => {
  it('makes the summary\'s snapshot only once no write has come for SNAPSHOT_DELAY_MS', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const writer = writerFor(db);
      const snapshot = () => new Promise<unknown>((resolve) => {
        const req = db.transaction('meta').objectStore('meta').get('summary-snapshot');
        req.onsuccess = () => resolve(req.result);
      });
      await writer.record([ev()]);
      await writer.record([ev({ destinationSites: ['b.example'] })]);
      expect(await snapshot()).toBeUndefined();
      await vi.advanceTimersByTimeAsync(SNAPSHOT_DELAY_MS - 1);
      expect(await snapshot()).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      await writer.clearQuarantine(); // queued behind the snapshot: it has run once this resolves
      const pairs = JSON.parse((await snapshot()) as string) as { site: string }[];
      expect(pairs.map((pair) => pair.site).sort()).toEqual(['b.example', 'lender.example']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps working after a failed task', async () => {
    const writer = writerFor(db);
    const bad = { ...ev(), kind: 'passport' } as unknown as ShareEvent;
    const results = await Promise.allSettled([writer.record([bad]), writer.record([ev()]), writer.remove({ by: 'entry', id: 'nothing-here' })]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect((await readEvents(db)).events).toHaveLength(1);
  });

  it('removes, quarantines and clears the quarantine through the queue', async () => {
    const writer = writerFor(db);
    const a = ev({ destinationSites: ['a.example'] });
    const b = ev({ destinationSites: ['b.example'] });
    await writer.record([a, b]);
    expect(await writer.remove({ by: 'site', site: 'a.example' })).toBe(1);
    await new Promise<void>((resolve) => {
      const tx = db.transaction('events', 'readwrite');
      tx.objectStore('events').put({ id: 'junk-000010', at: 3 });
      tx.oncomplete = () => resolve();
    });
    const { unreadable } = await readEvents(db);
    expect(await writer.quarantine([...unreadable, b.id])).toBe(1);
    expect(await countQuarantine(db)).toBe(1);
    expect((await readEvents(db)).events.map((event) => event.id)).toEqual([b.id]);
    await writer.clearQuarantine();
    expect(await countQuarantine(db)).toBe(0);
  });

  it('20 writers × 200 events through one writer store exactly 4000, and recording them again adds none', async () => {
    const writer = writerFor(db);
    const batches = Array.from({ length: 20 }, (_, w) =>
      Array.from({ length: 200 }, (_, i) =>
        ev({
          id: `w${String(w).padStart(2, '0')}-event-${String(i).padStart(3, '0')}`,
          at: NOW - i * 1_000,
          decision: i % 4 === 0 ? 'cancelled' : 'sent-once',
          destinationSites: [`lender${w % 5}.example`],
        }),
      ),
    );
    const added = await Promise.all(batches.map((batch) => writer.record(batch)));
    expect(added.reduce((sum, n) => sum + n, 0)).toBe(4000);
    const again = await Promise.all(batches.map((batch) => writer.record(batch)));
    expect(again.every((n) => n === 0)).toBe(true);

    expect((await readEvents(db)).events).toHaveLength(4000);
    const summary = await readSummary(db);
    expect(summary?.total).toBe(4000);
    expect(summary?.pairs).toHaveLength(5);
    expect(summary?.pairs.reduce((sum, pair) => sum + pair.sent + pair.cancelled, 0)).toBe(4000);
    expect(summary?.pairs.reduce((sum, pair) => sum + pair.cancelled, 0)).toBe(1000);
  });
});
