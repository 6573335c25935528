// Evaluated inside an extension page by the benchmark: fills the private log with realistic events
// through the same store functions the background uses, and times appends.
import { appendEvents, openLogDb, readEvents, writeSummarySnapshot } from '../lib/log/log-store';
import { CSV_COLUMNS, eventsToCsvParts, type CsvColumn } from '../lib/log/log-export';
import type { ShareEvent } from '../lib/log/share-event';
import type { FieldKind } from '../lib/types';

declare global {
  interface Window {
    loanGuardLogProbe: {
      seed(count: number, startIndex?: number, batch?: number): Promise<number>;
      appendOneAtATime(count: number, startIndex: number): Promise<number>;
      csvExport(): Promise<{ ms: number; rows: number; bytes: number }>;
      storeSize(): Promise<{ events: number; pairs: number; usageBytes: number }>;
      writeSnapshot(): Promise<boolean>;
    };
  }
}

const KINDS: FieldKind[] = ['phone', 'national-id', 'bank-card'];
const MASKS: Record<FieldKind, (i: number) => string> = {
  phone: (i) => `13${i % 10}****${String(8000 + i).slice(-4)}`,
  'national-id': (i) => `1101**********${String(1000 + i).slice(-3)}X`,
  'bank-card': (i) => `6212********${String(1000 + i).slice(-4)}`,
  otp: () => '******',
};
const hex = (n: number): string => n.toString(16).padStart(64, '0');

/**
 * Event number `i`: one person's 9 data items (3 phones, 3 ID numbers, 3 cards) and their SMS codes,
 * shared over 10 months with 300 sites, each item reaching about 60 of them.
 */
function eventAt(i: number): ShareEvent {
  const item = i % 12;
  const kind = item < 9 ? KINDS[Math.floor(item / 3)]! : 'otp';
  const site = `lender${(item * 37 + ((Math.floor(i / 12) * 13) % 60)) % 300}.example`;
  return {
    version: 2,
    id: `bench-${i}-0`,
    at: Date.UTC(2025, 0, 1) + i * 600_000,
    decision: i % 5 === 0 ? 'cancelled' : 'sent-once',
    route: i % 3 === 0 ? 'form' : 'fetch',
    pageUrl: `https://www.${site}/apply/step-${i % 4}`,
    pageTitle: `Préstamo rápido ${i % 300}`,
    pageSite: site,
    destinationSites: [site],
    isLoanPage: true,
    kind,
    masked: MASKS[kind](item),
    fingerprint: hex(kind === 'otp' ? 1000 + i : item + 1),
  };
}

window.loanGuardLogProbe = {
  async seed(count, startIndex = 0, batch = 2_000) {
    const db = await openLogDb();
    for (let i = startIndex; i < startIndex + count; i += batch) {
      await appendEvents(db, Array.from({ length: Math.min(batch, startIndex + count - i) }, (_, j) => eventAt(i + j)));
    }
    db.close();
    return count;
  },
  /** The options page's "export everything as CSV": read every event, make the file's text (as a Blob). */
  async csvExport() {
    const start = performance.now();
    const db = await openLogDb();
    const { events } = await readEvents(db);
    const headers = Object.fromEntries(CSV_COLUMNS.map((column) => [column, column])) as Record<CsvColumn, string>;
    const blob = new Blob(eventsToCsvParts(events, headers), { type: 'text/csv;charset=utf-8' });
    const ms = performance.now() - start;
    db.close();
    return { ms, rows: events.length, bytes: blob.size };
  },
  async storeSize() {
    const db = await openLogDb();
    const count = (store: string) =>
      new Promise<number>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [events, pairs] = [await count('events'), await count('pairs')];
    db.close();
    return { events, pairs, usageBytes: (await navigator.storage.estimate()).usage ?? 0 };
  },
  /** What the background's log writer does once no write has come for a moment. */
  async writeSnapshot() {
    const db = await openLogDb();
    const written = await writeSummarySnapshot(db);
    db.close();
    return written;
  },
  /** One transaction per event, as decisions arrive: returns the elapsed milliseconds. */
  async appendOneAtATime(count, startIndex) {
    const db = await openLogDb();
    const start = performance.now();
    for (let i = startIndex; i < startIndex + count; i++) await appendEvents(db, [eventAt(i)]);
    const elapsed = performance.now() - start;
    db.close();
    return elapsed;
  },
};
