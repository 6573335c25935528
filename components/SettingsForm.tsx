// Settings form: the default phone region (more settings arrive with the guard).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadSettings, saveSettings, type Settings } from '@/lib/settings';
import { t } from '@/lib/i18n';

/** Regions offered for phone numbers: the markets hit hardest by predatory lending, then others. */
const PHONE_REGIONS = ['CN', 'MX', 'ID', 'IN', 'PH', 'TH', 'VN', 'PK', 'CO', 'PE', 'CL', 'BR', 'KE', 'NG', 'EG', 'ES', 'US'];

export function SettingsForm() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    loadSettings().then(
      ({ settings: loaded, recovered }) => {
        setSettings(loaded);
        if (recovered) setNotice(t('settingsRecovered'));
      },
      () => setNotice(t('settingsLoadError')),
    );
  }, []);
  if (!settings) return <p class="muted">{notice || t('loading')}</p>;

  const regionNames = new Intl.DisplayNames([browser.i18n.getUILanguage()], { type: 'region' });
  const update = async (next: Settings) => {
    setSettings(next);
    try {
      await saveSettings(next);
      setNotice(t('settingsSaved'));
    } catch {
      setNotice(t('settingsSaveError'));
    }
  };
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      <label for="phone-region">{t('phoneRegionLabel')}</label>{' '}
      <select
        id="phone-region"
        value={settings.phoneRegion}
        onChange={(event) => void update({ ...settings, phoneRegion: (event.target as HTMLSelectElement).value })}
      >
        <option value="">{t('phoneRegionAuto')}</option>
        {PHONE_REGIONS.map((region) => (
          <option key={region} value={region}>
            {regionNames.of(region) ?? region}
          </option>
        ))}
      </select>
      <p class="muted">{t('phoneRegionHelp')}</p>
      <p role="status" aria-live="polite">{notice}</p>
    </section>
  );
}
