// Settings form: which kinds of data are watched and where, audit-only mode, the loan-page notice,
// the default phone region and how long the log keeps entries. Each setting says what it does.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadSettings, RETENTION_CHOICES, saveSettings, WATCH_MODES, type Settings } from '@/lib/settings/settings';
import { FIELD_KINDS } from '@/lib/types';
import { kindLabel, t, uiLanguage } from '@/lib/locale/i18n';

/** Regions offered for phone numbers: the markets hit hardest by predatory lending, then others. */
const PHONE_REGIONS = ['CN', 'MX', 'ID', 'IN', 'PH', 'TH', 'VN', 'PK', 'CO', 'PE', 'CL', 'BR', 'KE', 'NG', 'EG', 'ES', 'US'];

const watchKey = (mode: string): string => `settingsWatch_${mode.replace('-', '_')}`;

export function SettingsForm() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    loadSettings().then(
      ({ value: loaded, recovered }) => {
        setSettings(loaded);
        if (recovered) setNotice(t('settingsRecovered'));
      },
      () => setNotice(t('settingsLoadError')),
    );
  }, []);
  if (!settings) return <p class="muted">{notice || t('loading')}</p>;

  const regionNames = new Intl.DisplayNames([uiLanguage()], { type: 'region' });
  const update = async (next: Settings) => {
    setSettings(next);
    try {
      await saveSettings(next);
      setNotice(t('settingsSaved'));
    } catch {
      setNotice(t('settingsSaveError'));
    }
  };
  const valueOf = (event: Event): string => (event.target as HTMLSelectElement | HTMLInputElement).value;
  const checkedOf = (event: Event): boolean => (event.target as HTMLInputElement).checked;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>

      <fieldset>
        <legend>{t('settingsWatchLegend')}</legend>
        <p class="muted">{t('settingsWatchHelp')}</p>
        {FIELD_KINDS.map((kind) => (
          <p key={kind}>
            <label for={`watch-${kind}`}>{kindLabel(kind)}</label>{' '}
            <select
              id={`watch-${kind}`}
              value={settings.watch[kind]}
              onChange={(event) => void update({ ...settings, watch: { ...settings.watch, [kind]: valueOf(event) as Settings['watch'][typeof kind] } })}
            >
              {WATCH_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(watchKey(mode))}
                </option>
              ))}
            </select>
          </p>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('settingsBehaviourLegend')}</legend>
        <p>
          <input id="audit-only" type="checkbox" checked={settings.auditOnly} aria-describedby="audit-only-help" onChange={(event) => void update({ ...settings, auditOnly: checkedOf(event) })} />{' '}
          <label for="audit-only">{t('settingsAuditOnly')}</label>
        </p>
        <p id="audit-only-help" class="muted">
          {t('settingsAuditOnlyHelp')}
        </p>
        <p>
          <input id="show-notice" type="checkbox" checked={settings.showNotice} aria-describedby="show-notice-help" onChange={(event) => void update({ ...settings, showNotice: checkedOf(event) })} />{' '}
          <label for="show-notice">{t('settingsShowNotice')}</label>
        </p>
        <p id="show-notice-help" class="muted">
          {t('settingsShowNoticeHelp')}
        </p>
      </fieldset>

      <fieldset>
        <legend>{t('settingsDataLegend')}</legend>
        <p>
          <label for="phone-region">{t('phoneRegionLabel')}</label>{' '}
          <select id="phone-region" value={settings.phoneRegion} aria-describedby="phone-region-help" onChange={(event) => void update({ ...settings, phoneRegion: valueOf(event) })}>
            <option value="">{t('phoneRegionAuto')}</option>
            {PHONE_REGIONS.map((region) => (
              <option key={region} value={region}>
                {regionNames.of(region) ?? region}
              </option>
            ))}
          </select>
        </p>
        <p id="phone-region-help" class="muted">
          {t('phoneRegionHelp')}
        </p>
        <p>
          <label for="retention">{t('settingsRetention')}</label>{' '}
          <select
            id="retention"
            value={String(settings.retentionDays)}
            aria-describedby="retention-help"
            onChange={(event) => void update({ ...settings, retentionDays: Number(valueOf(event)) as Settings['retentionDays'] })}
          >
            {RETENTION_CHOICES.map((days) => (
              <option key={days} value={String(days)}>
                {days === 0 ? t('settingsRetentionForever') : t('settingsRetentionDays', String(days))}
              </option>
            ))}
          </select>
        </p>
        <p id="retention-help" class="muted">
          {t('settingsRetentionHelp')}
        </p>
      </fieldset>
      <p role="status" aria-live="polite">
        {notice}
      </p>
    </section>
  );
}
