// Unit tests for lib/share-event-store.ts (fakeBrowser storage): append order, the cap, invalid entries, concurrent appends.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { appendShareEvents, readShareEvents, SHARE_EVENTS_KEY } from '@/lib/share-event-store';
import type { ShareEvent } from '@/lib/guard-messages';

/** The store's cap (not exported): the newest this many events are kept. */
const MAX_EVENTS = 5_000;

const event = (id: string, at = 0): ShareEvent => ({
  version: 1,
  id: `evt-${id}`.padEnd(8, '0'),
  at,
  decision: 'cancelled',
  route: 'fetch',
  pageUrl: 'https://shop.example/apply',
  pageTitle: 'Apply',
  pageSite: 'shop.example',
  destinationSite: 'lender.example',
  isLoanPage: true,
  item: { kind: 'phone', masked: '138****8000' },
});
const stored = async (): Promise<unknown> => (await fakeBrowser.storage.local.get(SHARE_EVENTS_KEY))[SHARE_EVENTS_KEY];
const ids = (events: readonly { id: string }[]): string[] => events.map((entry) => entry.id);

describe('share-event-store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads nothing when nothing is stored', async () => {
    expect(await readShareEvents()).toEqual([]);
  });

  it('appends events, newest last, keeping their order within and across calls', async () => {
    await appendShareEvents([event('a'), event('b')]);
    await appendShareEvents([event('c')]);
    await appendShareEvents([]);
    expect(ids(await readShareEvents())).toEqual(['evt-a000', 'evt-b000', 'evt-c000']);
    expect(await readShareEvents()).toEqual([event('a'), event('b'), event('c')]);
  });

  it('keeps only the newest events beyond the cap', async () => {
    const seeded = Array.from({ length: MAX_EVENTS - 1 }, (_, i) => event(`seed${i}`, i));
    await fakeBrowser.storage.local.set({ [SHARE_EVENTS_KEY]: seeded });
    await appendShareEvents([event('new1'), event('new2'), event('new3')]);
    const events = await readShareEvents();
    expect(events).toHaveLength(MAX_EVENTS);
    expect(events[0]?.id).toBe('evt-seed2');
    expect(ids(events.slice(-3))).toEqual(['evt-new1', 'evt-new2', 'evt-new3']);
  });

  it('refuses a batch with an invalid event, writing none of it, and keeps working afterwards', async () => {
    await appendShareEvents([event('a')]);
    const bad = { ...event('b'), item: { kind: 'phone', masked: '' } } as ShareEvent;
    await expect(appendShareEvents([event('ok'), bad])).rejects.toThrow();
    await appendShareEvents([event('c')]);
    expect(ids(await readShareEvents())).toEqual(['evt-a000', 'evt-c000']);
  });

  it('keeps invalid stored entries in storage (untouched) but never returns them', async () => {
    const junk = [{ nope: true }, 'text', null];
    await fakeBrowser.storage.local.set({ [SHARE_EVENTS_KEY]: [event('a'), ...junk] });
    await appendShareEvents([event('b')]);
    expect(await stored()).toEqual([event('a'), ...junk, event('b')]);
    expect(ids(await readShareEvents())).toEqual(['evt-a000', 'evt-b000']);
  });

  it('replaces a stored value that is not a list at all (current behaviour: the old value is not kept)', async () => {
    await fakeBrowser.storage.local.set({ [SHARE_EVENTS_KEY]: { corrupted: true } });
    expect(await readShareEvents()).toEqual([]);
    await appendShareEvents([event('a')]);
    expect(await stored()).toEqual([event('a')]);
  });

  it('loses nothing when many appends run at once (20 × 10 in parallel), in call order', async () => {
    const batches = Array.from({ length: 20 }, (_, b) => Array.from({ length: 10 }, (_, i) => event(`${b}-${i}`)));
    await Promise.all(batches.map((batch) => appendShareEvents(batch)));
    const events = await readShareEvents();
    expect(events).toHaveLength(200);
    expect(ids(events)).toEqual(batches.flat().map((entry) => entry.id));
  });
});
