// The options page's "Your log" section against a seeded fake-indexeddb log: filters change the
// matching count, exports and the report link follow the filter, and every delete is confirmed inline
// before deleteFromLog is called with the right scope.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { container, useComponentTest } from '../../../helpers/render';
import { LogManager } from '@/components/options/log/LogManager';
import { LOG_PAGE_SIZE } from '@/components/options/log/LogEntryList';
import { NO_FILTERS, toEventFilter } from '@/lib/log/log-filters';
import { appendEvents, deleteEvents, openLogDb, quarantineRaw } from '@/lib/log/log-store';
import type { ShareEvent } from '@/lib/log/share-event';
import { shareEventAt } from '../../../helpers/share-event-factory';

vi.mock('@/lib/messages/write-requests', () => ({
  quarantineLogEntries: vi.fn(async () => ({ ok: true })),
  deleteFromLog: vi.fn(async () => ({ ok: true, count: 1 })),
  clearLogQuarantine: vi.fn(async () => ({ ok: true })),
}));
const { deleteFromLog, clearLogQuarantine, quarantineLogEntries } = await import('@/lib/messages/write-requests');

const DAY = 86_400_000;
const T0 = new Date(2026, 10, 1, 12).getTime();
const PHONE = 'a'.repeat(64);
const ID = 'b'.repeat(64);

const event = (overrides: Partial<ShareEvent> = {}): ShareEvent => shareEventAt(T0, overrides);

const phoneA = event({ at: T0 });
const idA = event({ at: T0 + DAY, kind: 'national-id', masked: '1101**********1234', fingerprint: ID, decision: 'cancelled' });
const phoneB = event({ at: T0 + 2 * DAY, destinationSites: ['loans-b.example'], pageTitle: '快贷 借款', pageSite: 'kuaidai.example' });
const otpB = event({ at: T0 + 3 * DAY, destinationSites: ['loans-b.example'], kind: 'otp', masked: '****', fingerprint: 'c'.repeat(64) });
const SEED = [phoneA, idA, phoneB, otpB];

let db: IDBDatabase;

const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector)!;
const count = () => $('.logman-count').getAttribute('data-count');
const entryIds = () => [...container.querySelectorAll('li[data-event-id]')].map((li) => li.getAttribute('data-event-id'));
const click = (element: Element) => act(() => void (element as HTMLElement).click());

async function mount() {
  await act(() => render(<LogManager db={async () => db} now={() => T0 + 10 * DAY} />, container));
  await vi.waitFor(() => expect($('.logman-count').textContent).toMatch(/^logman_count/));
}

async function setValue(selector: string, value: string, type: 'input' | 'change') {
  const element = $<HTMLInputElement | HTMLSelectElement>(selector);
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event(type, { bubbles: true }));
  });
}

/** Waits for the list to settle on `n` matches. */
const expectCount = (n: number) => vi.waitFor(() => expect(count()).toBe(String(n)));

useComponentTest({
  setup: async () => {
    vi.stubGlobal('IDBKeyRange', IDBKeyRange);
    vi.mocked(deleteFromLog).mockClear();
    vi.mocked(clearLogQuarantine).mockClear();
    vi.mocked(quarantineLogEntries).mockClear();
    db = await openLogDb(new IDBFactory());
  },
  teardown: () => {
    db.close();
  },
});

describe('toEventFilter', () => {
  it('maps the form to a store filter: all kinds means none, dates are whole local days', () => {
    expect(toEventFilter(NO_FILTERS)).toEqual({});
    expect(
      toEventFilter({ kinds: ['otp', 'phone'], site: 'a.example', since: '2026-11-02', until: '2026-11-03', text: '  借款 ' }),
    ).toEqual({
      kinds: ['phone', 'otp'],
      site: 'a.example',
      since: new Date(2026, 10, 2).getTime(),
      until: new Date(2026, 10, 4).getTime() - 1,
      text: '借款',
    });
    expect(toEventFilter({ ...NO_FILTERS, kinds: [] })).toEqual({ kinds: [] });
    expect(toEventFilter({ ...NO_FILTERS, since: 'garbage' })).toEqual({});
  });
});

describe('LogManager filters', () => {
  it('shows every entry newest first, then narrows the count as filters change', async () => {
    await appendEvents(db, SEED);
    await mount();
    await expectCount(4);
    expect($('.logman-count').textContent).toBe('logman_count(4|4)');
    expect(entryIds()).toEqual([otpB.id, phoneB.id, idA.id, phoneA.id]);

    await click($('input[name="kind"][value="otp"]'));
    await expectCount(3);
    expect(entryIds()).not.toContain(otpB.id);

    await setValue('#logman-site', 'loans-b.example', 'change');
    await expectCount(1);
    expect(entryIds()).toEqual([phoneB.id]);

    await setValue('#logman-site', '', 'change');
    await setValue('#logman-text', '借款', 'input');
    await expectCount(1);

    await setValue('#logman-text', '', 'input');
    const day = (at: number) => {
      const d = new Date(at);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    await setValue('#logman-since', day(idA.at), 'input');
    await expectCount(2); // idA, phoneB (otp unchecked)
    await setValue('#logman-until', day(idA.at), 'input');
    await expectCount(1);
    expect(entryIds()).toEqual([idA.id]);

    // Unticking every kind matches nothing.
    for (const kind of ['phone', 'national-id', 'bank-card']) await click($(`input[name="kind"][value="${kind}"]`));
    await expectCount(0);
    expect(container.textContent).toContain('logman_no_match');
  });

  it('lists the receiving sites from the summary, readable', async () => {
    await appendEvents(db, [...SEED, event({ destinationSites: ['xn--fiq228c.example'] })]);
    await mount();
    const options = [...container.querySelectorAll('#logman-site option')].map((o) => o.textContent);
    expect(options).toEqual(['logman_site_all', 'loans-a.example', 'loans-b.example', '中文.example (xn--fiq228c.example)']);
  });

  it('pages the list 50 at a time', async () => {
    const many = Array.from({ length: LOG_PAGE_SIZE + 5 }, (_, i) => event({ at: T0 + i * 1000 }));
    await appendEvents(db, many);
    await mount();
    await expectCount(many.length);
    expect(entryIds()).toHaveLength(LOG_PAGE_SIZE);
    expect(entryIds()[0]).toBe(many.at(-1)!.id);
    await click($('.logman-pages button:last-of-type'));
    expect(entryIds()).toHaveLength(5);
    expect(entryIds().at(-1)).toBe(many[0]!.id);
  });

  it('says when the log is empty', async () => {
    await mount();
    await expectCount(0);
    expect(container.textContent).toContain('logman_empty');
    expect($<HTMLButtonElement>('[data-delete="all"]').disabled).toBe(true);
  });
});

describe('LogManager deletes', () => {
  it('asks before deleting everything, naming how many entries, then calls deleteFromLog and reloads', async () => {
    // The background's side, for real: the list must reload and show the log empty.
    vi.mocked(deleteFromLog).mockImplementationOnce(async (scope) => ({ ok: true, count: await deleteEvents(db, scope) }));
    await appendEvents(db, SEED);
    await mount();
    await click($('[data-delete="all"]'));
    await vi.waitFor(() => expect($('[data-confirm="all"]')).toBeTruthy());
    expect($('[data-confirm="all"]').textContent).toContain('logman_confirm_all(4)');
    expect(deleteFromLog).not.toHaveBeenCalled();
    // Focus starts on the safe choice.
    expect(document.activeElement).toBe($('[data-confirm="all"] [data-confirm-no]'));
    await click($('[data-confirm="all"] [data-confirm-yes]'));
    await vi.waitFor(() => expect(deleteFromLog).toHaveBeenCalledWith({ by: 'all' }));
    expect(deleteFromLog).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(container.querySelector('[data-confirm]')).toBeNull());
    expect(container.textContent).toContain('logman_deleted(4)');
    await expectCount(0);
    expect(container.textContent).toContain('logman_empty');
  });

  it('cancelling deletes nothing and puts focus back', async () => {
    await appendEvents(db, SEED);
    await mount();
    const trigger = $('[data-delete="all"]');
    await click(trigger);
    await vi.waitFor(() => expect($('[data-confirm="all"]')).toBeTruthy());
    await click($('[data-confirm-no]'));
    expect(container.querySelector('[data-confirm]')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    // Escape cancels too.
    await click(trigger);
    await vi.waitFor(() => expect($('[data-confirm="all"]')).toBeTruthy());
    await act(() => void $('[data-confirm-no]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(container.querySelector('[data-confirm]')).toBeNull();
    expect(deleteFromLog).not.toHaveBeenCalled();
  });

  it('deletes one entry from the list after confirming', async () => {
    await appendEvents(db, SEED);
    await mount();
    await expectCount(4);
    await click($(`[data-delete-entry="${phoneB.id}"]`));
    await vi.waitFor(() => expect($(`li[data-event-id="${phoneB.id}"] [data-confirm]`)).toBeTruthy());
    expect($('[data-confirm]').textContent).toContain('logman_confirm_entry(kind_phone 138****8000|loans-b.example|');
    await click($('[data-confirm-yes]'));
    await vi.waitFor(() => expect(deleteFromLog).toHaveBeenCalledWith({ by: 'entry', id: phoneB.id }));
  });

  it('deletes a site, counting what was sent to it and typed on it', async () => {
    await appendEvents(db, SEED);
    await mount();
    expect($<HTMLButtonElement>('[data-delete="site"]').disabled).toBe(true);
    await setValue('#logman-delete-site', 'loans-b.example', 'change');
    await click($('[data-delete="site"]'));
    await vi.waitFor(() => expect($('[data-confirm="site"]')).toBeTruthy());
    expect($('[data-confirm="site"]').textContent).toContain('logman_confirm_site(loans-b.example|2)');
    await click($('[data-confirm-yes]'));
    await vi.waitFor(() => expect(deleteFromLog).toHaveBeenCalledWith({ by: 'site', site: 'loans-b.example' }));
  });

  it('deletes one data item (chosen by kind and masked value) after confirming', async () => {
    await appendEvents(db, SEED);
    await mount();
    const options = [...container.querySelectorAll('#logman-delete-item option')].map((o) => o.textContent);
    expect(options).toEqual(['logman_choose_item', 'kind_national_id 1101**********1234', 'kind_phone 138****8000', 'kind_otp ****']);
    await setValue('#logman-delete-item', PHONE, 'change');
    await click($('[data-delete="item"]'));
    await vi.waitFor(() => expect($('[data-confirm="item"]')).toBeTruthy());
    expect($('[data-confirm="item"]').textContent).toContain('logman_confirm_item(kind_phone 138****8000|2)');
    await click($('[data-confirm-yes]'));
    await vi.waitFor(() => expect(deleteFromLog).toHaveBeenCalledWith({ by: 'item', itemKey: PHONE }));
  });

  it('reports a failed delete as an alert', async () => {
    vi.mocked(deleteFromLog).mockResolvedValueOnce({ ok: false, error: 'writeFailed' });
    await appendEvents(db, SEED);
    await mount();
    await click($('[data-delete="all"]'));
    await vi.waitFor(() => expect($('[data-confirm="all"]')).toBeTruthy());
    await click($('[data-confirm-yes]'));
    await vi.waitFor(() => expect($('[role="alert"]').textContent).toBe('logman_write_failed'));
  });
});

describe('LogManager quarantine', () => {
  it('shows the set-aside notice, downloads the entries and discards them after confirming', async () => {
    await appendEvents(db, SEED);
    await quarantineRaw(db, [{ junk: 1 }, 'odd'], 'unreadable-event');
    await mount();
    await vi.waitFor(() => expect($('[data-quarantine]').textContent).toContain('logman_quarantine(2)'));

    let saved: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => ((saved = blob as Blob), 'blob:q'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await click($('[data-quarantine] button'));
    await vi.waitFor(() => expect(saved).toBeDefined());
    expect(JSON.parse(await saved!.text()).entries.map((e: { raw: unknown }) => e.raw)).toEqual([{ junk: 1 }, 'odd']);

    await click($('[data-quarantine] button:nth-of-type(2)'));
    await vi.waitFor(() => expect($('[data-confirm="quarantine"]').textContent).toContain('logman_confirm_quarantine(2)'));
    expect(clearLogQuarantine).not.toHaveBeenCalled();
    await click($('[data-confirm-yes]'));
    await vi.waitFor(() => expect(clearLogQuarantine).toHaveBeenCalledOnce());
  });

  it('asks the background to set aside unreadable entries it finds', async () => {
    await appendEvents(db, SEED);
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('events', 'readwrite');
      tx.objectStore('events').put({ id: 'broken-entry-1', at: T0 });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    await mount();
    await vi.waitFor(() => expect(quarantineLogEntries).toHaveBeenCalledWith(['broken-entry-1']));
    expect(quarantineLogEntries).toHaveBeenCalledOnce();
  });
});

describe('LogManager export and report', () => {
  it('exports the matching entries as CSV and everything as JSON', async () => {
    await appendEvents(db, SEED);
    await mount();
    const saved: { blob: Blob; name: string }[] = [];
    let last: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => ((last = blob as Blob), 'blob:x'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ blob: last!, name: this.download });
    });

    await setValue('#logman-site', 'loans-b.example', 'change');
    await expectCount(2);
    await click($('[data-export="csv-filtered"]'));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toMatch(/^loanguard-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await saved[0]!.blob.text();
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(csv).toContain(otpB.id);
    expect(csv).not.toContain(phoneA.id);
    expect(csv).toContain('logman_csv_time_ms');

    await click($('[data-export="json-all"]'));
    await vi.waitFor(() => expect(saved).toHaveLength(2));
    const json = JSON.parse(await saved[1]!.blob.text());
    expect(json.events.map((e: ShareEvent) => e.id).sort()).toEqual(SEED.map((e) => e.id).sort());
    expect(json.filter).toBeNull();
  });

  it('opens the evidence report with the same site, kinds and dates', async () => {
    await appendEvents(db, SEED);
    await mount();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await setValue('#logman-site', 'loans-a.example', 'change');
    await click($('input[name="kind"][value="otp"]'));
    await click($('[data-open-report]'));
    await vi.waitFor(() => expect(create).toHaveBeenCalledOnce());
    const url = new URL(create.mock.calls[0]![0].url!);
    expect(url.pathname).toBe('/report.html');
    expect(url.searchParams.get('site')).toBe('loans-a.example');
    // Every kind but the unticked SMS codes, ID photos and access to contacts, camera, location and clipboard included.
    expect(url.searchParams.getAll('kind')).toEqual(['national-id', 'phone', 'bank-card', 'id-photo', 'contacts', 'camera', 'location', 'clipboard']);
  });
});
