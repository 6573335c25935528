// The options page: settings, and what LoanGuard found on each open tab.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TabVerdict } from '@/lib/messages';
import { listTabVerdicts } from '@/lib/extension-api';
import { t } from '@/lib/i18n';
import { SettingsForm } from './SettingsForm';
import { VerdictView } from './VerdictView';

export function OptionsApp() {
  const [verdicts, setVerdicts] = useState<TabVerdict[] | null>(null);
  useEffect(() => {
    document.documentElement.lang = browser.i18n.getUILanguage();
    document.title = t('optionsTitle');
    listTabVerdicts().then(setVerdicts, () => setVerdicts([]));
  }, []);
  return (
    <main style={{ maxWidth: '760px', margin: '0 auto', padding: '16px' }}>
      <h1>{t('optionsTitle')}</h1>
      <SettingsForm />
      <h2>{t('openTabsHeading')}</h2>
      {verdicts === null && <p class="muted">{t('loading')}</p>}
      {verdicts?.length === 0 && <p class="muted">{t('noOpenTabs')}</p>}
      <ul class="plain">
        {verdicts?.map((verdict) => (
          <li key={verdict.tabId}>
            <VerdictView verdict={verdict} />
          </li>
        ))}
      </ul>
    </main>
  );
}
