// The log section's larger deletes: everything about one site, one data item, or the whole log.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/locale/i18n';
import type { SummaryPair } from '@/lib/log/log-summary';
import type { DeleteScope } from '@/lib/messages/write-messages';
import { siteLabel } from '@/components/shared/labels';
import { LogField } from './LogField';
import { describeLogItem } from './useLogDeletion';

export interface LogBulkDeleteProps {
  sites: readonly string[];
  items: readonly SummaryPair[];
  total: number;
  busy: boolean;
  ask(trigger: EventTarget | null, anchor: string, scope: DeleteScope): void;
  confirmAt(anchor: string): ComponentChildren;
  /** The last delete that went through: its picker goes back to "choose". */
  deleted: DeleteScope | null;
}

export function LogBulkDelete({ sites, items, total, busy, ask, confirmAt, deleted }: LogBulkDeleteProps) {
  const [site, setSite] = useState('');
  const [item, setItem] = useState('');
  useEffect(() => {
    if (deleted?.by === 'site') setSite('');
    if (deleted?.by === 'item') setItem('');
  }, [deleted]);
  return (
    <fieldset class="logman-delete block">
      <legend>{t('logman_delete_legend')}</legend>
      <LogField id="logman-delete-site" label={t('logman_delete_site_label')}>
        <div class="inline-field">
        <select id="logman-delete-site" value={site} onChange={(event) => setSite((event.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('logman_choose_site')}</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {siteLabel(s)}
            </option>
          ))}
        </select>
        <button type="button" class="button-danger" data-delete="site" disabled={!site || busy} onClick={(event) => ask(event.currentTarget, 'site', { by: 'site', site })}>
          {t('logman_delete_site_button')}
        </button>
        </div>
      </LogField>
      {confirmAt('site')}
      <LogField id="logman-delete-item" label={t('logman_delete_item_label')}>
        <div class="inline-field">
        <select id="logman-delete-item" value={item} onChange={(event) => setItem((event.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('logman_choose_item')}</option>
          {items.map((pair) => (
            <option key={pair.itemKey} value={pair.itemKey}>
              {describeLogItem(pair.kind, pair.masked)}
            </option>
          ))}
        </select>
        <button type="button" class="button-danger" data-delete="item" disabled={!item || busy} onClick={(event) => ask(event.currentTarget, 'item', { by: 'item', itemKey: item })}>
          {t('logman_delete_item_button')}
        </button>
        </div>
      </LogField>
      {confirmAt('item')}
      <p class="actions">
        <button type="button" class="button-danger" data-delete="all" disabled={total === 0 || busy} onClick={(event) => ask(event.currentTarget, 'all', { by: 'all' })}>
          {t('logman_delete_all_button')}
        </button>
      </p>
      {confirmAt('all')}
    </fieldset>
  );
}
