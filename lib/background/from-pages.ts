// What our own extension pages (popup, options, report, welcome) may send: reads of the open tabs'
// verdicts, and every write to the log and the trusted list (the background is their only writer).
import type { LogWriter } from '@/lib/log/log-writer';
import { pageMessageSchema } from '@/lib/messages/by-sender';
import type { WriteReply } from '@/lib/messages/write-messages';
import { applyTrustedOp } from '@/lib/trust/trusted-writer';
import { messageGroup } from './message-router';
import { listTabVerdicts, readTabVerdict } from './tab-verdict-store';

/** A log write's outcome as the page shows it: a count, or a message key saying why it failed. */
const asWriteReply = (task: Promise<number | void>): Promise<WriteReply> =>
  task.then(
    (count) => ({ ok: true as const, ...(typeof count === 'number' ? { count } : {}) }),
    (error: unknown) => ({ ok: false as const, error: error instanceof DOMException && error.name === 'QuotaExceededError' ? 'writeQuota' : 'writeFailed' }),
  );

export const pageMessages = (log: Pick<LogWriter, 'remove' | 'quarantine' | 'clearQuarantine'>, now: () => number) =>
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
    }
  });
