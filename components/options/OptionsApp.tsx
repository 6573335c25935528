// The options page: the trusted-platform list, settings, the private log (exports, evidence report,
// deletion) and help after a leak. `#help` / `?site=` open the help for one site.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TabVerdict } from '@/lib/messages/verdict-messages';
import type { SummaryPair } from '@/lib/log/log-summary';
import { listTabVerdicts } from '@/lib/messages/page-requests';
import { openLogDb } from '@/lib/log/log-store';
import { loadSummaryPairs } from '@/lib/log/summary-read';
import { reportQuery } from '@/lib/log/evidence-report';
import { t, uiLanguage } from '@/lib/locale/i18n';
import { LeakHelp } from './LeakHelp';
import { LogManager } from './log/LogManager';
import { SettingsForm } from './SettingsForm';
import { SiteMemoryList } from './SiteMemoryList';
import { TrustedSitesManager } from './trusted/TrustedSitesManager';
import { VerdictView } from './VerdictView';

const SECTIONS = [
  ['trusted', 'optionsNavTrusted'],
  ['sites', 'siteMemory_heading'],
  ['settings', 'settingsHeading'],
  ['log', 'optionsNavLog'],
  ['help', 'optionsNavHelp'],
] as const;

const openReport = (site: string): void => {
  void browser.tabs.create({ url: browser.runtime.getURL('/report.html') + reportQuery({ site }) });
};

export function OptionsApp({ db = () => openLogDb() }: { db?: () => Promise<IDBDatabase> }) {
  const [verdicts, setVerdicts] = useState<TabVerdict[] | null>(null);
  const [pairs, setPairs] = useState<readonly SummaryPair[] | null>(null);
  const initialSite = new URLSearchParams(location.search).get('site') ?? undefined;
  useEffect(() => {
    document.documentElement.lang = uiLanguage();
    document.title = t('optionsTitle');
    listTabVerdicts().then(setVerdicts, () => setVerdicts([]));
    db()
      .then(loadSummaryPairs)
      .then(
        (loaded) => setPairs(loaded.pairs),
        () => setPairs([]),
      );
  }, []);
  // Sections render after the first paint; scroll to the one the link asked for once they exist.
  useEffect(() => {
    if (pairs !== null && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [pairs !== null]);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <nav aria-label={t('optionsNavLabel')}>
        <ul class="options-nav">
          {SECTIONS.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div id="trusted">
        <TrustedSitesManager />
      </div>
      <div id="sites">
        <SiteMemoryList />
      </div>
      <div id="settings">
        <SettingsForm />
      </div>
      <div id="log">
        <LogManager db={db} />
      </div>
      <div id="help">
        {pairs === null ? <p class="muted">{t('loading')}</p> : <LeakHelp pairs={[...pairs]} initialSite={initialSite} onOpenReport={openReport} />}
      </div>
      <details>
        <summary>{t('openTabsHeading')}</summary>
        {verdicts === null && <p class="muted">{t('loading')}</p>}
        {verdicts?.length === 0 && <p class="muted">{t('noOpenTabs')}</p>}
        <ul class="plain">
          {verdicts?.map((verdict) => (
            <li key={verdict.tabId}>
              <VerdictView verdict={verdict} />
            </li>
          ))}
        </ul>
      </details>
    </main>
  );
}
