// The evidence report page rendered from a seeded log (fake-indexeddb): one row per event, a section per
// receiving site, stopped events marked not sent, unreadable entries noted and set aside, empty log.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { container, useComponentTest } from '../../helpers/render';
import { EvidenceReport, FIRST_ROWS, reportSnapshotHtml } from '@/components/report/EvidenceReport';
import { appendEvents, openLogDb } from '@/lib/log/log-store';
import { appendEvidence, type EvidenceRecord } from '@/lib/log/evidence-store';
import type { ShareEvent } from '@/lib/log/share-event';
import { shareEventAt } from '../../helpers/share-event-factory';

vi.mock('@/lib/messages/write-requests', () => ({
  quarantineLogEntries: vi.fn(async () => ({ ok: true })),
  deleteFromLog: vi.fn(async () => ({ ok: true })),
  clearLogQuarantine: vi.fn(async () => ({ ok: true })),
  deleteEvidence: vi.fn(async () => ({ ok: true, count: 1 })),
}));
const { quarantineLogEntries, deleteEvidence } = await import('@/lib/messages/write-requests');
// The whole-log read can be held back, to see what the page shows before it is done.
const fullRead = vi.hoisted(() => ({ held: Promise.resolve() }));
vi.mock('@/lib/log/log-store', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/log/log-store')>();
  return {
    ...actual,
    readEvents: async (...args: Parameters<typeof actual.readEvents>) => {
      await fullRead.held;
      return actual.readEvents(...args);
    },
  };
});

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1, 9);
const NOW = T0 + 30 * DAY;

const event = (overrides: Partial<ShareEvent> = {}): ShareEvent => shareEventAt(T0, overrides);

const a1 = event({ at: T0 + DAY });
const a2 = event({ at: T0 + 3 * DAY, decision: 'cancelled', kind: 'national-id', masked: '1101**********1234', fingerprint: 'b'.repeat(64) });
const b1 = event({ at: T0 + 5 * DAY, destinationSites: ['loans-b.example'], pageTitle: '快贷 借款', route: 'fetch' });
const both = event({ at: T0 + 2 * DAY, destinationSites: ['loans-a.example', 'xn--fiq228c.example'], kind: 'otp', masked: '****', fingerprint: 'c'.repeat(64) });

let db: IDBDatabase;

async function mount(search = '') {
  await act(() => render(<EvidenceReport db={async () => db} search={search} now={() => NOW} />, container));
  await vi.waitFor(() => expect(container.querySelector('[role="status"].muted')).toBeNull());
}

const rowIds = (root: ParentNode = container) => [...root.querySelectorAll('tr[data-event-id]')].map((row) => row.getAttribute('data-event-id'));
const section = (site: string) => container.querySelector<HTMLElement>(`section[data-site="${site}"]`)!;

useComponentTest({
  setup: async () => {
    vi.stubGlobal('IDBKeyRange', IDBKeyRange);
    vi.mocked(quarantineLogEntries).mockClear();
    db = await openLogDb(new IDBFactory());
  },
  teardown: () => {
    db.close();
  },
});


describe('EvidenceReport', () => {
  it('renders one section per receiving site, most recent first, and one row per event with its id', async () => {
    await appendEvents(db, [a1, a2, b1, both]);
    await mount();
    expect([...container.querySelectorAll('section[data-site]')].map((s) => s.getAttribute('data-site'))).toEqual([
      'loans-b.example',
      'loans-a.example',
      'xn--fiq228c.example',
    ]);
    expect(rowIds(section('loans-a.example'))).toEqual([a2.id, both.id, a1.id]);
    expect(rowIds(section('loans-b.example'))).toEqual([b1.id]);
    expect(rowIds(section('xn--fiq228c.example'))).toEqual([both.id]);
    // Internationalised domains are shown readable, with the punycode kept beside them.
    expect(section('xn--fiq228c.example').querySelector('h2')!.textContent).toBe('中文.example (xn--fiq228c.example)');
    expect(document.title).toBe('report_title');
  });

  it('shows every row of a large log, a slice at a time, and lets it be printed only once all are there', async () => {
    const many = Array.from({ length: 130 }, (_, i) => event({ id: `many-${i}-0`, at: T0 + i * 60_000 }));
    await appendEvents(db, many);
    await act(() => render(<EvidenceReport db={async () => db} search="" now={() => NOW} rowSlice={40} />, container));
    const print = () => container.querySelector<HTMLButtonElement>('.report-actions .button-primary')!;
    // First rows on screen before the whole log is rendered; printing waits.
    await vi.waitFor(() => expect(rowIds().length).toBeGreaterThan(0));
    if (rowIds().length < many.length) expect(print().disabled).toBe(true);
    await vi.waitFor(() => expect(rowIds()).toHaveLength(many.length), { timeout: 10_000 });
    await vi.waitFor(() => expect(print().disabled).toBe(false));
    // Newest first, as in the full report.
    expect(rowIds()[0]).toBe(`many-${many.length - 1}-0`);
    await vi.waitFor(() => expect(container.querySelector('main.report')!.classList.contains('report-incomplete')).toBe(false));
  });

  it('shows the newest rows first, without totals, while it reads the whole log, then all of it', async () => {
    const many = Array.from({ length: FIRST_ROWS + 40 }, (_, i) => event({ id: `many-${i}-0`, at: T0 + i * 60_000 }));
    await appendEvents(db, many);
    let release = () => undefined as void;
    fullRead.held = new Promise<void>((resolve) => (release = resolve));
    try {
      await act(() => render(<EvidenceReport db={async () => db} search="" now={() => NOW} />, container));
      await vi.waitFor(() => expect(rowIds()).toHaveLength(FIRST_ROWS));
      expect(rowIds()[0]).toBe(`many-${many.length - 1}-0`);
      expect(rowIds().at(-1)).toBe(`many-${many.length - FIRST_ROWS}-0`);
      // Totals would be wrong before everything is read: none yet, and nothing to print.
      expect(container.querySelector('[data-summary]')).toBeNull();
      expect(container.querySelector<HTMLButtonElement>('.report-actions .button-primary')!.disabled).toBe(true);
      expect(container.querySelector('[data-report-loading]')).not.toBeNull();
    } finally {
      release();
      fullRead.held = Promise.resolve();
    }
    await vi.waitFor(() => expect(rowIds()).toHaveLength(many.length));
    expect(container.querySelector('[data-summary]')!.closest('section')!.textContent).toMatch(new RegExp(`report_totals\\(${many.length}\\b`));
    await vi.waitFor(() => expect(container.querySelector<HTMLButtonElement>('.report-actions .button-primary')!.disabled).toBe(false));
  });

  it('uses accessible tables: a caption and column headers in each', async () => {
    await appendEvents(db, [a1, b1]);
    await mount();
    const tables = [...container.querySelectorAll('table')];
    expect(tables.length).toBe(1 + 2 * 2); // summary + (items, events) per site
    for (const table of tables) {
      expect(table.querySelector('caption')?.textContent).toBeTruthy();
      expect(table.querySelectorAll('thead th[scope="col"]').length).toBeGreaterThan(0);
    }
    expect([...container.querySelectorAll('table[data-summary] tbody tr')].map((r) => r.getAttribute('data-site'))).toEqual([
      'loans-b.example',
      'loans-a.example',
    ]);
  });

  it('marks stopped events as not sent and counts them apart', async () => {
    await appendEvents(db, [a1, a2]);
    await mount();
    const stopped = container.querySelector(`tr[data-event-id="${a2.id}"]`)!;
    expect(stopped.getAttribute('data-sent')).toBe('no');
    expect(stopped.textContent).toContain('report_decision_cancelled');
    expect(stopped.textContent).not.toContain('report_decision_sent');
    const sent = container.querySelector(`tr[data-event-id="${a1.id}"]`)!;
    expect(sent.getAttribute('data-sent')).toBe('yes');
    expect(sent.textContent).toContain('report_decision_sent_once');
    expect(container.textContent).toContain('report_totals(2|1|1|1)');
  });

  it('shows the statement, generation date and period', async () => {
    await appendEvents(db, [a1]);
    await mount();
    expect(container.textContent).toContain('report_statement');
    expect(container.textContent).toMatch(/report_generated\(.+\)/);
    expect(container.textContent).toMatch(/report_period\(.+\|.+\)/);
  });

  it('applies the query string filter: site, kinds and dates', async () => {
    await appendEvents(db, [a1, a2, b1, both]);
    await mount('?site=loans-a.example&kind=phone&kind=otp');
    expect(rowIds()).toEqual([both.id, a1.id]);
    expect(container.querySelectorAll('section[data-site]')).toHaveLength(1);
    expect(document.title).toBe('report_title_site(loans-a.example)');
    render(null, container);
    await mount(`?since=${T0 + 2 * DAY}&until=${T0 + 4 * DAY}`);
    expect(new Set(rowIds())).toEqual(new Set([a2.id, both.id]));
  });

  it('says so when the log is empty, and when nothing matches the filter', async () => {
    await mount();
    expect(container.querySelector('[data-empty]')!.getAttribute('data-empty')).toBe('log');
    expect(container.textContent).toContain('report_empty_log');
    expect(container.querySelectorAll('table')).toHaveLength(0);
    render(null, container);
    await appendEvents(db, [a1]);
    await mount('?site=nobody.example');
    expect(container.textContent).toContain('report_empty_filter');
  });

  it('notes unreadable entries and asks the background to set them aside', async () => {
    await appendEvents(db, [a1]);
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('events', 'readwrite');
      tx.objectStore('events').put({ id: 'broken-entry-1', at: T0, what: 'not an event' });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    await mount();
    expect(container.querySelector('[data-unreadable]')!.textContent).toBe('report_unreadable(1)');
    expect(quarantineLogEntries).toHaveBeenCalledWith(['broken-entry-1']);
    expect(rowIds()).toEqual([a1.id]);
  });

  it('prints, and downloads a static copy without the buttons or scripts', async () => {
    await appendEvents(db, [a1, b1]);
    await mount();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const buttons = container.querySelectorAll<HTMLButtonElement>('[data-report-exclude] button');
    expect(buttons).toHaveLength(2);
    await act(() => void buttons[0]!.click());
    expect(print).toHaveBeenCalledOnce();

    let saved: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => ((saved = blob as Blob), 'blob:report'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    await act(() => void buttons[1]!.click());
    expect(clicks[0]!.download).toMatch(/^loanguard-report-\d{4}-\d{2}-\d{2}\.html$/);
    const html = await saved!.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`data-event-id="${a1.id}"`);
    expect(html).toContain(`data-event-id="${b1.id}"`);
    expect(html).not.toContain('<button');
    expect(html).not.toContain('<script');
    // The live page keeps its buttons.
    expect(container.querySelectorAll('button')).toHaveLength(2);
    expect(reportSnapshotHtml(document)).not.toContain('report_print');
  });
});

describe('saved evidence in the report', () => {
  const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  const saved = (over: Partial<EvidenceRecord>): EvidenceRecord => ({
    version: 1,
    id: `evidence-${over.pageSite ?? 'x'}-${over.at ?? 0}`,
    at: T0 + 2 * DAY,
    timeZone: 'Asia/Shanghai',
    pageUrl: 'https://loans-a.example/apply',
    pageTitle: 'Apply',
    pageSite: 'loans-a.example',
    image: PNG,
    sha256: 'ab'.repeat(32),
    appVersion: '0.1.0',
    ...over,
  });

  it('shows each screenshot in its site\'s section with time, zone, address and hash, and the others apart', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'LoanGuard', version: '9.8.7' });
    await appendEvents(db, [a1, b1]);
    await appendEvidence(db, saved({ pageSite: 'loans-a.example' }));
    await appendEvidence(db, saved({ pageSite: 'elsewhere.example', pageUrl: 'https://elsewhere.example/', sha256: 'cd'.repeat(32) }));
    await mount();
    const inA = section('loans-a.example').querySelector<HTMLElement>('.evidence-entry')!;
    expect(inA.dataset.sha256).toBe('ab'.repeat(32));
    expect(inA.querySelector('img')!.getAttribute('src')).toBe(PNG);
    expect(inA.textContent).toContain('Asia/Shanghai');
    expect(inA.textContent).toContain('https://loans-a.example/apply');
    expect(inA.textContent).toContain('ab'.repeat(32));
    expect(section('loans-b.example').querySelector('.evidence-entry')).toBeNull();
    const other = container.querySelector<HTMLElement>('section[aria-labelledby="evidence-other-heading"]')!;
    expect(other.querySelector<HTMLElement>('.evidence-entry')!.dataset.sha256).toBe('cd'.repeat(32));
    // How it was produced: version, both hashes.
    const provenance = container.querySelector<HTMLElement>('.report-provenance')!;
    expect(provenance.textContent).toMatch(/report_how_made\(9\.8\.7\|.+\|.+\)/);
    expect(provenance.textContent).toContain('ab'.repeat(32));
    expect(provenance.textContent).toContain('cd'.repeat(32));
  });

  it('shows saved pages even when the log has no rows, and only the filtered site\'s', async () => {
    await appendEvidence(db, saved({ pageSite: 'loans-a.example' }));
    await appendEvidence(db, saved({ pageSite: 'elsewhere.example', sha256: 'cd'.repeat(32) }));
    await mount('?site=loans-a.example');
    expect([...container.querySelectorAll<HTMLElement>('.evidence-entry')].map((entry) => entry.dataset.sha256)).toEqual(['ab'.repeat(32)]);
  });

  it('deletes a saved page after the confirmation, through the background', async () => {
    await appendEvidence(db, saved({ pageSite: 'loans-a.example' }));
    await mount();
    const entry = () => container.querySelector<HTMLElement>('.evidence-entry');
    await act(() => entry()!.querySelector<HTMLButtonElement>('.evidence-delete')!.click());
    expect(deleteEvidence).not.toHaveBeenCalled();
    await act(async () => entry()!.querySelector<HTMLButtonElement>('[data-confirm-yes]')!.click());
    expect(deleteEvidence).toHaveBeenCalledWith('evidence-loans-a.example-0');
    await vi.waitFor(() => expect(entry()).toBeNull());
  });

  it('leaves the delete and download controls out of the saved copy, keeps the picture and hash', async () => {
    await appendEvidence(db, saved({ pageSite: 'loans-a.example' }));
    await mount();
    const html = reportSnapshotHtml(document);
    expect(html).toContain(PNG);
    expect(html).toContain('ab'.repeat(32));
    expect(html).not.toContain('evidence-delete');
    expect(html).not.toContain('evidence_download');
  });
});
