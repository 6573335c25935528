// Extension pages' side of the log and trusted-list writes: typed requests to the background (the
// only writer), with the reply validated before anyone relies on it.
import { browser } from 'wxt/browser';
import { evidenceSaveReplySchema, writeReplySchema, type DeleteScope, type EvidenceSaveReply, type TrustedOp, type WriteReply } from './write-messages';
import type { SiteMemoryOp } from '@/lib/detect/site-memory';

async function sendWrite(message: unknown): Promise<WriteReply> {
  try {
    const parsed = writeReplySchema.safeParse(await browser.runtime.sendMessage(message));
    return parsed.success ? parsed.data : { ok: false, error: 'writeFailed' };
  } catch {
    return { ok: false, error: 'writeFailed' };
  }
}

export const updateTrusted = (change: TrustedOp): Promise<WriteReply> => sendWrite({ type: 'trusted-update', change });
export const deleteFromLog = (scope: DeleteScope): Promise<WriteReply> => sendWrite({ type: 'log-delete', scope });
export const quarantineLogEntries = (ids: string[]): Promise<WriteReply> => sendWrite({ type: 'log-quarantine', ids: ids.slice(0, 1000) });
export const clearLogQuarantine = (): Promise<WriteReply> => sendWrite({ type: 'log-quarantine-clear' });
export const updateSiteMemory = (change: SiteMemoryOp): Promise<WriteReply> => sendWrite({ type: 'site-memory-update', change });
export const deleteEvidence = (id: string): Promise<WriteReply> => sendWrite({ type: 'evidence-delete', id });

/** Asks the background to capture the tab and store the evidence; the reply is validated like any write's. */
export async function saveEvidence(tabId: number): Promise<EvidenceSaveReply> {
  try {
    const parsed = evidenceSaveReplySchema.safeParse(await browser.runtime.sendMessage({ type: 'evidence-save', tabId }));
    return parsed.success ? parsed.data : { ok: false, error: 'writeFailed' };
  } catch {
    return { ok: false, error: 'writeFailed' };
  }
}
