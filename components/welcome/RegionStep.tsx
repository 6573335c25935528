// Welcome step 1: the region of the user's phone numbers, guessed from the browser's language
// (lib/locale/region.ts) unless already chosen, and saved to settings.phoneRegion when confirmed.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLanguage } from '@/lib/locale/i18n';
import { guessRegion } from '@/lib/locale/region';
import { loadSettings, saveSettings } from '@/lib/settings/settings';
import { PhoneRegionSelect } from '@/components/shared/PhoneRegionSelect';

/**
 * The user's first preferred language ("es-MX"): it usually names a region where the browser's own
 * UI language ("es") does not. Only the first counts: a Spanish speaker who also reads English is
 * not guessed to be in the United States.
 */
function browserLanguage(): string {
  const preferred = typeof navigator === 'undefined' ? undefined : (navigator.languages?.[0] ?? navigator.language);
  if (preferred) return preferred;
  try {
    return browser.i18n.getUILanguage() || '';
  } catch {
    return '';
  }
}

type Note = { ok: boolean; text: string } | null;

export function RegionStep() {
  const [region, setRegion] = useState<string | null>(null);
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const guess = () => guessRegion({ lang: browserLanguage() }) ?? '';
    loadSettings().then(
      ({ value }) => setRegion(value.phoneRegion || guess()),
      () => setRegion(guess()),
    );
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    if (region === null || busy) return;
    setBusy(true);
    try {
      // Read fresh: only the region changes.
      const { value } = await loadSettings();
      await saveSettings({ ...value, phoneRegion: region });
      const name = region === '' ? '' : (new Intl.DisplayNames([uiLanguage()], { type: 'region' }).of(region) ?? region);
      setNote({ ok: true, text: region === '' ? t('welcome_region_saved_auto') : t('welcome_region_saved', [name]) });
    } catch {
      setNote({ ok: false, text: t('settingsSaveError') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card welcome-step" aria-labelledby="welcome-region-heading">
      <h2 id="welcome-region-heading">{t('welcome_region_heading')}</h2>
      <p>{t('welcome_region_help')}</p>
      {region === null ? (
        <p class="muted">{t('loading')}</p>
      ) : (
        <form class="inline-field welcome-region" onSubmit={(event) => void save(event)}>
          <label class="visually-hidden" for="welcome-region">
            {t('phoneRegionLabel')}
          </label>
          <PhoneRegionSelect id="welcome-region" value={region} onChange={(next) => (setRegion(next), setNote(null))} />
          <button type="submit" class="button-primary" disabled={busy}>
            {t('welcome_region_save')}
          </button>
        </form>
      )}
      <p role="status" class={`status ${note?.ok === false ? 'status-warn' : 'status-ok'}`} data-region-note>
        {note?.text ?? ''}
      </p>
    </section>
  );
}
