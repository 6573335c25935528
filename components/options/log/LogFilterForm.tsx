// The log section's filter: kinds, receiving site, a date range and free text.
import { kindLabel, t } from '@/lib/locale/i18n';
import { NO_FILTERS, type LogFilters } from '@/lib/log/log-filters';
import { DATA_KINDS } from '@/lib/types';
import { siteLabel } from '@/components/shared/labels';
import { LogField } from './LogField';

const valueOf = (event: Event): string => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;

export function LogFilterForm({ filters, sites, onChange }: { filters: LogFilters; sites: readonly string[]; onChange(change: Partial<LogFilters>): void }) {
  return (
    <form class="logman-filters" onSubmit={(event) => event.preventDefault()}>
      <fieldset class="block">
        <legend>{t('logman_filter_legend')}</legend>
        <fieldset class="logman-kinds">
          <legend>{t('logman_kinds_legend')}</legend>
          {DATA_KINDS.map((kind) => (
            <label key={kind} class="check logman-check">
              <input
                type="checkbox"
                name="kind"
                value={kind}
                checked={filters.kinds.includes(kind)}
                onChange={(event) => {
                  const checked = (event.currentTarget as HTMLInputElement).checked;
                  onChange({ kinds: checked ? [...filters.kinds, kind] : filters.kinds.filter((k) => k !== kind) });
                }}
              />
              <span>{kindLabel(kind)}</span>
            </label>
          ))}
        </fieldset>
        <div class="logman-filter-grid">
        <LogField id="logman-site" label={t('logman_site_label')}>
          <select id="logman-site" value={filters.site} onChange={(event) => onChange({ site: valueOf(event) })}>
            <option value="">{t('logman_site_all')}</option>
            {sites.map((site) => (
              <option key={site} value={site}>
                {siteLabel(site)}
              </option>
            ))}
          </select>
        </LogField>
        <LogField id="logman-since" label={t('logman_since_label')}>
          <input id="logman-since" type="date" value={filters.since} max={filters.until || undefined} onInput={(event) => onChange({ since: valueOf(event) })} />
        </LogField>
        <LogField id="logman-until" label={t('logman_until_label')}>
          <input id="logman-until" type="date" value={filters.until} min={filters.since || undefined} onInput={(event) => onChange({ until: valueOf(event) })} />
        </LogField>
        <LogField id="logman-text" label={t('logman_text_label')}>
          <input id="logman-text" type="search" value={filters.text} aria-describedby="logman-text-help" onInput={(event) => onChange({ text: valueOf(event) })} />
          <span id="logman-text-help" class="field-help">
            {t('logman_text_help')}
          </span>
        </LogField>
        </div>
        <button type="button" class="button-small" onClick={() => onChange(NO_FILTERS)}>
          {t('logman_filter_reset')}
        </button>
      </fieldset>
    </form>
  );
}
