// Log entries that could not be read are kept aside, never dropped: this says how many, and lets the
// user download them or (after a confirmation) discard them.
import type { ComponentChildren } from 'preact';
import { t } from '@/lib/locale/i18n';
import { quarantineToJson, exportFileName } from '@/lib/log/log-export';
import { readQuarantine } from '@/lib/log/log-store';
import { saveBlobAs } from '@/components/shared/save-file';

export interface LogQuarantineNoticeProps {
  count: number;
  db: () => Promise<IDBDatabase>;
  now: () => number;
  busy: boolean;
  onDiscard(trigger: EventTarget | null): void;
  confirmAt(anchor: string): ComponentChildren;
  fail(message: string): void;
}

export function LogQuarantineNotice({ count, db, now, busy, onDiscard, confirmAt, fail }: LogQuarantineNoticeProps) {
  const download = async () => {
    try {
      const entries = await readQuarantine(await db());
      const at = now();
      saveBlobAs(new Blob([quarantineToJson(entries, at)], { type: 'application/json' }), exportFileName('json', at, 'loanguard-log-unreadable'));
    } catch {
      fail(t('logman_export_failed'));
    }
  };
  return (
    <div class="status status-warn" data-quarantine={count}>
      <p>{t('logman_quarantine', [String(count)])}</p>
      <div class="actions">
        <button type="button" onClick={() => void download()}>
          {t('logman_quarantine_download')}
        </button>
        <button type="button" class="button-danger" disabled={busy} onClick={(event) => onDiscard(event.currentTarget)}>
          {t('logman_quarantine_discard')}
        </button>
      </div>
      {confirmAt('quarantine')}
    </div>
  );
}
