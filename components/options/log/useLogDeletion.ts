// The log section's delete flow: ask (count what would go, show the confirm step where it was asked),
// confirm (the background deletes), cancel (focus back on the button that asked).
import { useRef, useState } from 'preact/hooks';
import { kindLabel, t } from '@/lib/locale/i18n';
import { countQuarantine, readEvents } from '@/lib/log/log-store';
import type { SummaryPair } from '@/lib/log/log-summary';
import type { ShareEvent } from '@/lib/log/share-event';
import type { DeleteScope, WriteReply } from '@/lib/messages/write-messages';
import { clearLogQuarantine, deleteFromLog } from '@/lib/messages/write-requests';
import type { ConfirmRequest } from '@/components/shared/ConfirmStep';
import { dateTimeLabel, siteLabel } from '@/components/shared/labels';

export const describeLogItem = (kind: string, masked: string): string => `${kindLabel(kind)} ${masked}`;

export interface PendingDelete extends ConfirmRequest {
  /** What to delete; null discards the quarantine. */
  scope: DeleteScope | null;
  count: number;
}

export interface LogDeletion {
  pending: PendingDelete | null;
  busy: boolean;
  ask(trigger: EventTarget | null, anchor: string, scope: DeleteScope | null): Promise<void>;
  confirm(): Promise<void>;
  cancel(): void;
}

interface Context {
  db: () => Promise<IDBDatabase>;
  /** The entries on screen (to describe one being deleted) and the log's items. */
  shown: () => readonly ShareEvent[];
  items: () => readonly SummaryPair[];
  onDone(scope: DeleteScope | null, count: number): void;
  onError(message: string): void;
}

/** How many entries `scope` covers and the sentence that says so. */
async function describe(database: IDBDatabase, scope: DeleteScope | null, context: Context): Promise<Omit<PendingDelete, 'anchor' | 'scope'>> {
  const confirmLabel = t('logman_confirm_delete');
  if (scope === null) {
    const count = await countQuarantine(database);
    return { count, message: t('logman_confirm_quarantine', [String(count)]), confirmLabel: t('logman_confirm_discard') };
  }
  switch (scope.by) {
    case 'entry': {
      const event = context.shown().find((candidate) => candidate.id === scope.id);
      const message = event
        ? t('logman_confirm_entry', [describeLogItem(event.kind, event.masked), event.destinationSites.map(siteLabel).join(', '), dateTimeLabel(event.at)])
        : t('logman_confirm_entry_unknown');
      return { count: 1, message, confirmLabel };
    }
    case 'site': {
      // The background deletes what was sent to the site and what was typed on it.
      const count = (await readEvents(database)).events.filter((e) => e.pageSite === scope.site || e.destinationSites.includes(scope.site)).length;
      return { count, message: t('logman_confirm_site', [siteLabel(scope.site), String(count)]), confirmLabel };
    }
    case 'item': {
      const item = context.items().find((pair) => pair.itemKey === scope.itemKey);
      const count = (await readEvents(database, { itemKey: scope.itemKey })).events.length;
      return { count, message: t('logman_confirm_item', [item ? describeLogItem(item.kind, item.masked) : scope.itemKey, String(count)]), confirmLabel };
    }
    case 'all': {
      const count = (await readEvents(database)).events.length;
      return { count, message: t('logman_confirm_all', [String(count)]), confirmLabel };
    }
  }
}

export function useLogDeletion(context: Context): LogDeletion {
  const [pending, setPending] = useState<PendingDelete | null>(null);
  const [busy, setBusy] = useState(false);
  const lastTrigger = useRef<HTMLElement | null>(null);
  return {
    pending,
    busy,
    async ask(trigger, anchor, scope) {
      lastTrigger.current = trigger instanceof HTMLElement ? trigger : null;
      try {
        setPending({ anchor, scope, ...(await describe(await context.db(), scope, context)) });
      } catch {
        context.onError(t('logman_load_error'));
      }
    },
    async confirm() {
      if (!pending || busy) return;
      setBusy(true);
      let reply: WriteReply;
      try {
        reply = pending.scope ? await deleteFromLog(pending.scope) : await clearLogQuarantine();
      } catch {
        reply = { ok: false, error: 'writeFailed' };
      }
      setBusy(false);
      setPending(null);
      if (reply.ok) context.onDone(pending.scope, reply.count ?? pending.count);
      else context.onError(t('logman_write_failed'));
    },
    cancel() {
      setPending(null);
      lastTrigger.current?.focus();
    },
  };
}
