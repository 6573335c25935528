// "Save evidence of this page": the background captures the visible tab (host access to all sites
// allows tabs.captureVisibleTab), hashes the image and stores it with the page's address, title,
// time and time zone beside the log. Browser APIs come in as deps so the steps can be tested.
import { appendEvidence, dataUrlBytes, evidencePageUrl, sha256Hex, type EvidenceRecord } from '@/lib/log/evidence-store';
import type { EvidenceSaveReply } from '@/lib/messages/write-messages';
import { randomId } from '@/lib/random-id';
import { siteOf } from '@/lib/trust/site-identity';

export interface EvidenceTab {
  url?: string;
  title?: string;
  active?: boolean;
  windowId?: number;
}

export interface EvidenceCaptureDeps {
  getTab(tabId: number): Promise<EvidenceTab>;
  /** The visible area of the window's active tab as a PNG data URL. */
  capture(windowId: number): Promise<string>;
  db(): Promise<IDBDatabase>;
  now(): number;
  appVersion: string;
  timeZone?: () => string;
}

const localZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

export async function captureEvidence(tabId: number, deps: EvidenceCaptureDeps): Promise<EvidenceSaveReply> {
  let tab: EvidenceTab;
  try {
    tab = await deps.getTab(tabId);
  } catch {
    return { ok: false, error: 'evidence_error_tab' };
  }
  const url = tab.url ?? '';
  if (!/^https?:/i.test(url)) return { ok: false, error: 'evidence_error_not_web' };
  // captureVisibleTab takes the window's active tab: refuse rather than capture some other page.
  if (!tab.active || tab.windowId === undefined) return { ok: false, error: 'evidence_error_not_visible' };
  let image: string;
  try {
    image = await deps.capture(tab.windowId);
  } catch {
    return { ok: false, error: 'evidence_error_capture' };
  }
  let record: EvidenceRecord;
  try {
    const at = deps.now();
    record = {
      version: 1,
      id: `evidence-${at}-${randomId().slice(0, 12)}`,
      at,
      timeZone: (deps.timeZone ?? localZone)(),
      pageUrl: evidencePageUrl(url).slice(0, 2048),
      pageTitle: (tab.title ?? '').slice(0, 500),
      pageSite: (siteOf(url)?.site ?? '').slice(0, 300),
      image,
      sha256: await sha256Hex(dataUrlBytes(image)),
      appVersion: deps.appVersion.slice(0, 40),
    };
  } catch {
    return { ok: false, error: 'evidence_error_capture' };
  }
  try {
    await appendEvidence(await deps.db(), record);
  } catch (error) {
    return { ok: false, error: error instanceof DOMException && error.name === 'QuotaExceededError' ? 'writeQuota' : 'writeFailed' };
  }
  return { ok: true, id: record.id, at: record.at, site: record.pageSite, sha256: record.sha256 };
}
