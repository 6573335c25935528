// Saving evidence in the background: only a web page that is the one shown in its window is captured;
// the stored record carries the page (no query), title, time, zone, version and the image's SHA-256;
// a refused capture or a failed write is reported, never stored half-way.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { captureEvidence, type EvidenceCaptureDeps, type EvidenceTab } from '@/lib/background/evidence-capture';
import { readEvidence } from '@/lib/log/evidence-store';
import { openLogDb } from '@/lib/log/log-store';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const AT = Date.UTC(2026, 10, 30, 2, 30);
let db: IDBDatabase;
beforeEach(async () => {
  db = await openLogDb(new IDBFactory());
});

function deps(tab: EvidenceTab, over: Partial<EvidenceCaptureDeps> = {}) {
  const capture = vi.fn(async () => PNG);
  return {
    capture,
    deps: { getTab: async () => tab, capture, db: async () => db, now: () => AT, appVersion: '0.1.0', timeZone: () => 'America/Mexico_City', ...over } satisfies EvidenceCaptureDeps,
  };
}
const shown: EvidenceTab = { url: 'https://www.prestamos.example/solicitud?curp=XXXX', title: 'Solicitud', active: true, windowId: 7 };

describe('captureEvidence', () => {
  it('captures the tab\'s window and stores the page, its time zone and the image hash', async () => {
    const { capture, deps: d } = deps(shown);
    const reply = await captureEvidence(3, d);
    const hash = createHash('sha256').update(Buffer.from(PNG.split(',')[1]!, 'base64')).digest('hex');
    expect(reply).toEqual({ ok: true, id: expect.stringMatching(/^evidence-/), at: AT, site: 'prestamos.example', sha256: hash });
    expect(capture).toHaveBeenCalledWith(7);
    const [stored] = (await readEvidence(db)).records;
    expect(stored).toMatchObject({ at: AT, timeZone: 'America/Mexico_City', pageUrl: 'https://www.prestamos.example/solicitud', pageTitle: 'Solicitud', pageSite: 'prestamos.example', image: PNG, sha256: hash, appVersion: '0.1.0' });
  });

  it.each([
    ['an extension or browser page', { ...shown, url: 'chrome://settings/' }, 'evidence_error_not_web'],
    ['a tab that is not the one shown', { ...shown, active: false }, 'evidence_error_not_visible'],
  ])('refuses %s without capturing', async (_name, tab, error) => {
    const { capture, deps: d } = deps(tab);
    expect(await captureEvidence(3, d)).toEqual({ ok: false, error });
    expect(capture).not.toHaveBeenCalled();
    expect((await readEvidence(db)).records).toEqual([]);
  });

  it('reports a missing tab, a refused capture and a failed write, storing nothing', async () => {
    expect(await captureEvidence(3, deps(shown, { getTab: async () => Promise.reject(new Error('No tab')) }).deps)).toEqual({ ok: false, error: 'evidence_error_tab' });
    expect(await captureEvidence(3, deps(shown, { capture: async () => Promise.reject(new Error('denied')) }).deps)).toEqual({ ok: false, error: 'evidence_error_capture' });
    expect(await captureEvidence(3, deps(shown, { db: async () => Promise.reject(new Error('closed')) }).deps)).toEqual({ ok: false, error: 'writeFailed' });
    expect((await readEvidence(db)).records).toEqual([]);
  });
});
