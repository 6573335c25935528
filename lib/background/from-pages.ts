// What our own extension pages (popup, options, report, welcome) may send: reads of the open tabs'
// verdicts, and every write to the log, the trusted list and the site memory (the background is
// their only writer).
import type { LogWriter } from '@/lib/log/log-writer';
import { pageMessageSchema } from '@/lib/messages/by-sender';
import type { EvidenceSaveReply, WriteReply } from '@/lib/messages/write-messages';
import { applyTrustedOp } from '@/lib/trust/trusted-writer';
import { messageGroup } from './message-router';
import { listTabVerdicts, readTabVerdict, reapplySiteMemory } from './tab-verdict-store';
import { changeSiteMemory } from './site-memory-store';
import type { TabVerdict } from '@/lib/messages/verdict-messages';

/** A log write's outcome as the page shows it: a count, or a message key saying why it failed. */
const asWriteReply = (task: Promise<number | void>): Promise<WriteReply> =>
  task.then(
    (count) => ({ ok: true as const, ...(typeof count === 'number' ? { count } : {}) }),
    (error: unknown) => ({ ok: false as const, error: error instanceof DOMException && error.name === 'QuotaExceededError' ? 'writeQuota' : 'writeFailed' }),
  );

/** Tells every frame of a tab its new page status (the user changed what the site is). */
export type TellTab = (tabId: number, verdict: TabVerdict) => Promise<void>;

/** Saved page evidence: capture a tab and store it, or delete one record (lib/background/evidence-capture.ts). */
export interface EvidenceService {
  save(tabId: number): Promise<EvidenceSaveReply>;
  remove(id: string): Promise<number>;
}

const noEvidence: EvidenceService = {
  save: async () => ({ ok: false, error: 'writeFailed' }),
  remove: async () => Promise.reject(new Error('no evidence store')),
};

export const pageMessages = (
  log: Pick<LogWriter, 'remove' | 'quarantine' | 'clearQuarantine'>,
  now: () => number,
  tellTab: TellTab = async () => undefined,
  evidence: EvidenceService = noEvidence,
) =>
  messageGroup('page', pageMessageSchema, async (message) => {
    switch (message.type) {
      case 'get-tab-verdict':
        return (await readTabVerdict(message.tabId)) ?? null;
      case 'list-tab-verdicts':
        return listTabVerdicts();
      case 'log-delete':
        return asWriteReply(log.remove(message.scope));
      case 'log-quarantine':
        return asWriteReply(log.quarantine(message.ids));
      case 'log-quarantine-clear':
        return asWriteReply(log.clearQuarantine());
      case 'trusted-update':
        return applyTrustedOp(message.change, now());
      case 'evidence-save':
        return evidence.save(message.tabId);
      case 'evidence-delete':
        return asWriteReply(evidence.remove(message.id));
      case 'site-memory-update': {
        const change = message.change;
        const site = change.op === 'restore' ? change.entry.site : change.site;
        return asWriteReply(
          changeSiteMemory(change, now()).then(async () => {
            await reapplySiteMemory(site, tellTab);
            return 1;
          }),
        );
      }
    }
  });
