// The optional copy of the trusted list (never the log) in the browser's sync storage: the switch
// and the outcome of the last sync. Not offered where storage.sync does not sync (Firefox for Android).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/locale/i18n';
import { loadSettings, parseSettings, saveSettings, SETTINGS_KEY } from '@/lib/settings/settings';
import { loadSyncStatus, SYNC_STATUS_KEY, type SyncStatus } from '@/lib/trust/trusted-sync';
import { trustedErrorText } from './trusted-text';
import { syncAvailable } from '@/lib/platform/platform';

export function TrustedSync({ say }: { say(message: string): void }) {
  const [on, setOn] = useState<boolean | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [available, setAvailable] = useState(true);

  useEffect(() => {
    void syncAvailable().then(setAvailable);
    const refreshStatus = () => loadSyncStatus().then(setStatus, () => undefined);
    void refreshStatus();
    loadSettings().then(
      ({ value }) => setOn(value.syncTrusted),
      () => setOn(false),
    );
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (SYNC_STATUS_KEY in changes) void refreshStatus();
      if (SETTINGS_KEY in changes) setOn(parseSettings(changes[SETTINGS_KEY]?.newValue).value.syncTrusted);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const onToggle = async (event: Event) => {
    const wanted = (event.target as HTMLInputElement).checked;
    try {
      // Read fresh: the other settings may have changed in another part of the page.
      const { value: settings } = await loadSettings();
      await saveSettings({ ...settings, syncTrusted: wanted });
      setOn(wanted);
      say(t(wanted ? 'trusted_sync_turned_on' : 'trusted_sync_turned_off'));
    } catch {
      setOn(!wanted);
      say(t('trusted_sync_save_error'));
    }
  };

  if (!available) return null;
  const when = status ? new Date(status.at).toLocaleString(browser.i18n.getUILanguage() || undefined) : '';
  return (
    <div class="block">
      <h3>{t('trusted_sync_heading')}</h3>
      <label class="check">
        <input
          id="trusted-sync"
          type="checkbox"
          checked={on === true}
          disabled={on === null}
          aria-describedby={status ? 'trusted-sync-help trusted-sync-status' : 'trusted-sync-help'}
          onChange={(event) => void onToggle(event)}
        />
        <span>{t('trusted_sync_label')}</span>
      </label>
      <p id="trusted-sync-help" class="check-help">
        {t('trusted_sync_help')}
      </p>
      {status && (
        <p id="trusted-sync-status" class={`status ${status.ok ? 'status-ok' : 'status-warn'}`}>
          {status.ok ? t('trusted_sync_last_ok', [when]) : t('trusted_sync_last_error', [when, trustedErrorText(status.error ?? 'trusted_sync_failed')])}
        </p>
      )}
    </div>
  );
}
