// Saved page evidence on fake-indexeddb: stored and read back by site, newest first; records that
// don't match the schema refused or counted as unreadable; deleted one by one and with their site or
// the whole log; the SHA-256 is of the image bytes; addresses lose their query string.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { appendEvidence, dataUrlBytes, deleteEvidence, evidencePageUrl, readEvidence, sha256Hex, type EvidenceRecord } from '@/lib/log/evidence-store';
import { deleteEvents, openLogDb } from '@/lib/log/log-store';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
let n = 0;
const record = (over: Partial<EvidenceRecord> = {}): EvidenceRecord => ({
  version: 1,
  id: `evidence-${String(++n).padStart(6, '0')}`,
  at: 1_700_000_000_000 + n,
  timeZone: 'Asia/Shanghai',
  pageUrl: 'https://kuaidai.example/register',
  pageTitle: '快贷 注册',
  pageSite: 'kuaidai.example',
  image: PNG,
  sha256: 'f'.repeat(64),
  appVersion: '0.1.0',
  ...over,
});

let db: IDBDatabase;
beforeEach(async () => {
  db = await openLogDb(new IDBFactory());
});

describe('evidence store', () => {
  it('reads back what was stored, newest first, all or by site', async () => {
    const a = record();
    const b = record({ pageSite: 'other.example', pageUrl: 'https://other.example/' });
    const c = record();
    for (const r of [a, b, c]) await appendEvidence(db, r);
    expect((await readEvidence(db)).records.map((r) => r.id)).toEqual([c.id, b.id, a.id]);
    expect((await readEvidence(db, 'kuaidai.example')).records.map((r) => r.id)).toEqual([c.id, a.id]);
    expect((await readEvidence(db, 'kuaidai.example')).records[0]).toEqual(c);
  });

  it('refuses a record that is not a screenshot with a hash', async () => {
    await expect(appendEvidence(db, record({ image: 'data:text/html;base64,PGI+' }))).rejects.toThrow();
    await expect(appendEvidence(db, record({ sha256: 'not a hash' }))).rejects.toThrow();
    expect((await readEvidence(db)).records).toEqual([]);
  });

  it('counts a damaged stored record as unreadable instead of failing the rest', async () => {
    await appendEvidence(db, record());
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('evidence', 'readwrite');
      tx.objectStore('evidence').put({ id: 'evidence-broken', pageSite: 'kuaidai.example', image: 42 });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const read = await readEvidence(db, 'kuaidai.example');
    expect(read.records).toHaveLength(1);
    expect(read.unreadable).toBe(1);
  });

  it('deletes one record by id, and says when there was none', async () => {
    const a = record();
    const b = record();
    await appendEvidence(db, a);
    await appendEvidence(db, b);
    expect(await deleteEvidence(db, a.id)).toBe(1);
    expect(await deleteEvidence(db, a.id)).toBe(0);
    expect((await readEvidence(db)).records.map((r) => r.id)).toEqual([b.id]);
  });

  it('goes with its site, and with everything, when the log is deleted', async () => {
    await appendEvidence(db, record());
    await appendEvidence(db, record({ pageSite: 'other.example' }));
    await deleteEvents(db, { by: 'site', site: 'kuaidai.example' });
    expect((await readEvidence(db)).records.map((r) => r.pageSite)).toEqual(['other.example']);
    await deleteEvents(db, { by: 'all' });
    expect((await readEvidence(db)).records).toEqual([]);
  });
});

describe('evidence helpers', () => {
  it('hashes the decoded image bytes with SHA-256', async () => {
    const bytes = dataUrlBytes(PNG);
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(Buffer.from(PNG.split(',')[1]!, 'base64')).digest('hex'));
  });

  it('keeps origin and path of the page address, never its query or fragment', () => {
    expect(evidencePageUrl('https://kuaidai.example/apply?phone=13800138000#step2')).toBe('https://kuaidai.example/apply');
    expect(evidencePageUrl('not a url')).toBe('');
  });
});
