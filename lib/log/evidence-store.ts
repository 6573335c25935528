// Saved page evidence ("Save evidence of this page" in the popup): a screenshot of the visible tab,
// the page's address and title, the time and time zone, and the SHA-256 of the image bytes, kept in
// the log's IndexedDB beside the events. Written only by the background; read by the report.
import * as z from 'zod/mini';
import { EVIDENCE, inTransaction, request } from './log-store';

/** The screenshot as captureVisibleTab returns it; ~25 MB is far above any real screen's PNG. */
const imageSchema = z.string().check(z.regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/), z.maxLength(25_000_000));

export const evidenceRecordSchema = z.object({
  version: z.literal(1),
  id: z.string().check(z.minLength(8), z.maxLength(80)),
  at: z.number(),
  /** IANA zone the time was taken in ("Asia/Shanghai"), so the report can state local time unambiguously. */
  timeZone: z.string().check(z.maxLength(100)),
  /** origin + path, no query string or fragment (they may carry personal data), as in the log. */
  pageUrl: z.string().check(z.maxLength(2048)),
  pageTitle: z.string().check(z.maxLength(500)),
  /** The page's site (registrable domain), as the log names sites. */
  pageSite: z.string().check(z.maxLength(300)),
  image: imageSchema,
  /** SHA-256 of the image bytes (the decoded data URL), lower-case hex. */
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** LoanGuard's version that saved it. */
  appVersion: z.string().check(z.maxLength(40)),
});
export type EvidenceRecord = z.infer<typeof evidenceRecordSchema>;

/** The bytes a base64 data URL carries. */
export function dataUrlBytes(dataUrl: string): Uint8Array<ArrayBuffer> {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The page address as evidence keeps it: origin + path, like the log (a query may hold the data itself). */
export function evidencePageUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '';
  }
}

/** Stores one record; throws (storing nothing) when it does not match the schema. */
export async function appendEvidence(db: IDBDatabase, record: EvidenceRecord): Promise<void> {
  const valid = evidenceRecordSchema.parse(record);
  return inTransaction(db, [EVIDENCE], 'readwrite', async (tx) => {
    await request(tx.objectStore(EVIDENCE).put(valid));
  });
}

/** Saved evidence, newest first, optionally of one site; records that cannot be read are counted, not shown. */
export function readEvidence(db: IDBDatabase, site?: string): Promise<{ records: EvidenceRecord[]; unreadable: number }> {
  return inTransaction(db, [EVIDENCE], 'readonly', async (tx) => {
    const store = tx.objectStore(EVIDENCE);
    const raws: unknown[] = await request(site === undefined ? store.getAll() : store.index('site').getAll(IDBKeyRange.only(site)));
    const records: EvidenceRecord[] = [];
    let unreadable = 0;
    for (const raw of raws) {
      const parsed = evidenceRecordSchema.safeParse(raw);
      if (parsed.success) records.push(parsed.data);
      else unreadable++;
    }
    records.sort((a, b) => b.at - a.at || a.id.localeCompare(b.id));
    return { records, unreadable };
  });
}

/** Deletes one record; returns how many were deleted (0 or 1). */
export function deleteEvidence(db: IDBDatabase, id: string): Promise<number> {
  return inTransaction(db, [EVIDENCE], 'readwrite', async (tx) => {
    const store = tx.objectStore(EVIDENCE);
    const count = await request(store.count(id));
    if (count > 0) await request(store.delete(id));
    return count;
  });
}
