// Settings form: which kinds of data are watched and where, audit-only mode, the loan-page notice,
// the default phone region and how long the log keeps entries. Each setting says what it does.
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, RETENTION_CHOICES, saveSettings, WATCH_MODES, type Settings } from '@/lib/settings/settings';
import { FIELD_KINDS } from '@/lib/types';
import { kindLabel, t } from '@/lib/locale/i18n';
import { PhoneRegionSelect } from '@/components/shared/PhoneRegionSelect';

const watchKey = (mode: string): string => `settingsWatch_${mode.replace('-', '_')}`;

export function SettingsForm() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<{ text: string; ok: boolean }>({ text: '', ok: true });
  useEffect(() => {
    loadSettings().then(
      ({ value: loaded, recovered }) => {
        setSettings(loaded);
        if (recovered) setNotice({ text: t('settingsRecovered'), ok: false });
      },
      () => setNotice({ text: t('settingsLoadError'), ok: false }),
    );
  }, []);
  if (!settings) return <p class="muted">{notice.text || t('loading')}</p>;

  const update = async (next: Settings) => {
    setSettings(next);
    try {
      await saveSettings(next);
      setNotice({ text: t('settingsSaved'), ok: true });
    } catch {
      setNotice({ text: t('settingsSaveError'), ok: false });
    }
  };
  const valueOf = (event: Event): string => (event.target as HTMLSelectElement | HTMLInputElement).value;
  const checkedOf = (event: Event): boolean => (event.target as HTMLInputElement).checked;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('optionsNavWarnings')}</h2>
      <p class="section-intro">{t('settingsIntro')}</p>

      <fieldset class="block">
        <legend>{t('settingsWatchLegend')}</legend>
        <p class="field-help">{t('settingsWatchHelp')}</p>
        <div class="settings-watch">
          {FIELD_KINDS.map((kind) => (
            <Fragment key={kind}>
              <label for={`watch-${kind}`}>{kindLabel(kind)}</label>
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
            </Fragment>
          ))}
        </div>
      </fieldset>

      <fieldset class="block">
        <legend>{t('settingsModeLegend')}</legend>
        <label class="check">
          <input id="audit-only" type="checkbox" checked={settings.auditOnly} aria-describedby="audit-only-help" onChange={(event) => void update({ ...settings, auditOnly: checkedOf(event) })} />
          <span>{t('settingsAuditOnly')}</span>
        </label>
        <p id="audit-only-help" class="check-help">
          {t('settingsAuditOnlyHelp')}
        </p>
        <label class="check">
          <input id="show-notice" type="checkbox" checked={settings.showNotice} aria-describedby="show-notice-help" onChange={(event) => void update({ ...settings, showNotice: checkedOf(event) })} />
          <span>{t('settingsShowNotice')}</span>
        </label>
        <p id="show-notice-help" class="check-help">
          {t('settingsShowNoticeHelp')}
        </p>
      </fieldset>

      <fieldset class="block">
        <legend>{t('settingsDataLegend')}</legend>
        <div class="field">
          <label for="phone-region">{t('phoneRegionLabel')}</label>
          <PhoneRegionSelect id="phone-region" value={settings.phoneRegion} describedBy="phone-region-help" onChange={(phoneRegion) => void update({ ...settings, phoneRegion })} />
          <p id="phone-region-help" class="field-help">
            {t('phoneRegionHelp')}
          </p>
        </div>
        <div class="field">
          <label for="retention">{t('settingsRetention')}</label>
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
          <p id="retention-help" class="field-help">
            {t('settingsRetentionHelp')}
          </p>
        </div>
      </fieldset>
      <p role="status" aria-live="polite" class={`status ${notice.ok ? 'status-ok' : 'status-warn'} settings-saved`}>
        {notice.text}
      </p>
    </section>
  );
}
