// The toolbar popup: this tab's site (loan platform? trusted? what did it get?) on every web page, and
// where the user's data went, from the log's summary only so the first view is fast even with 50,000
// log entries. Also readable opened as a full tab (popup.html?tab=<id>).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TabVerdict } from '@/lib/messages/verdict-messages';
import type { SummaryPair } from '@/lib/log/log-summary';
import { currentTab, getTabVerdict } from '@/lib/messages/page-requests';
import { countQuarantine, openLogDb } from '@/lib/log/log-store';
import { loadSummaryPairs } from '@/lib/log/summary-read';
import { t, uiLanguage } from '@/lib/locale/i18n';
import { isAndroid } from '@/lib/platform/platform';
import { SaveEvidence } from './SaveEvidence';
import { ThisSite, webSiteOf } from './ThisSite';
import { loadSiteIdentity } from './site-identity-lazy';
import { SiteAccess } from './SiteAccess';
import { WhereMyDataWent, extensionPageUrl } from './WhereMyDataWent';
import './popup.css';

/** performance.mark name set once, after the first render that shows the summary. */
export const POPUP_RENDERED_MARK = 'loanguard:popup-rendered';
/** performance.mark name set when the popup's code has loaded and starts (the benchmark splits the time with it). */
export const POPUP_SCRIPT_MARK = 'loanguard:popup-script';

type TabState = { phase: 'loading' } | { phase: 'ready'; verdict: TabVerdict | null; url?: string } | { phase: 'error' };
type LogState =
  | { phase: 'loading' }
  | { phase: 'ready'; pairs: readonly SummaryPair[]; rebuilt: boolean; unreadable: number }
  | { phase: 'error' };

export interface PopupAppProps {
  /** Opens the log database; tests pass a fake-indexeddb one. */
  db?: () => Promise<IDBDatabase>;
  /** The page's query string (`?tab=<id>` when opened as a page). */
  search?: string;
}

/** The tab's verdict (null when no field on it was checked) and its URL (from `activeTab`). */
async function loadTab(search: string): Promise<{ verdict: TabVerdict | null; url?: string }> {
  const { id, url } = await currentTab(search);
  if (id === undefined) return url ? { verdict: null, url } : { verdict: null };
  // The URL names the site even on a page without personal-data fields (no verdict).
  const verdict = await getTabVerdict(id).catch(() => null);
  return url ? { verdict, url } : { verdict };
}

export function PopupApp({ db = () => openLogDb(), search = location.search }: PopupAppProps) {
  const [tab, setTab] = useState<TabState>({ phase: 'loading' });
  const [log, setLog] = useState<LogState>({ phase: 'loading' });
  const [quarantined, setQuarantined] = useState(0);
  // Firefox for Android opens the popup as a full page on the phone: laid out for that (popup.css).
  const [android, setAndroid] = useState(false);
  const firstViewDone = useRef(false);
  const live = useRef(true);
  const tabDetails = useRef<Promise<Awaited<ReturnType<typeof loadTab>>> | null>(null);

  useEffect(() => {
    const lang = uiLanguage();
    if (lang) document.documentElement.lang = lang;
    live.current = true;
    // The log first: its summary is most of the first view.
    const database = db();
    database.then(loadSummaryPairs).then(
      (ready) => live.current && setLog({ phase: 'ready', ...ready }),
      () => live.current && setLog({ phase: 'error' }),
    );
    // Messages only; "this site" is shown once the public-suffix list is in as well (below).
    tabDetails.current = loadTab(search);
    tabDetails.current.catch(() => undefined);
    void isAndroid().then((yes) => live.current && setAndroid(yes));
    // Not awaited by the first view: the notice appears when the count is in.
    database.then(countQuarantine).then(
      (count) => live.current && setQuarantined(count),
      () => undefined,
    );
    return () => {
      live.current = false;
    };
  }, []);

  // Effects run after the DOM is updated, so this marks the first paint-ready view with the summary.
  useEffect(() => {
    if (log.phase === 'loading' || firstViewDone.current) return;
    firstViewDone.current = true;
    if (log.phase === 'ready') {
      try {
        performance.mark(POPUP_RENDERED_MARK);
      } catch {
        // No User Timing: nothing to measure.
      }
    }
    // "This site" names the site with the public-suffix list (tldts, the largest script here). Loaded
    // with the summary, compiling it held the main thread while the summary was read and drawn, so it
    // comes once the summary is on screen (or the log has failed).
    Promise.all([tabDetails.current!, loadSiteIdentity()]).then(
      ([ready]) => live.current && setTab({ phase: 'ready', ...ready }),
      () => live.current && setTab({ phase: 'error' }),
    );
  }, [log.phase]);

  const pairs = log.phase === 'ready' ? log.pairs : null;
  const setAside = quarantined + (log.phase === 'ready' ? log.unreadable : 0);
  return (
    <main class="popup" data-platform={android ? 'android' : undefined}>
      <header class="popup-header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t('extName')}</h1>
      </header>

      {log.phase === 'ready' && log.rebuilt && (
        <p class="notice" role="status">
          {t('popup_summaryRebuilt')}
        </p>
      )}
      {setAside > 0 && (
        <p class="notice notice-warn" role="status">
          {t('popup_quarantineNotice', [String(setAside)])}{' '}
          <a href={extensionPageUrl('options.html')} target="_blank" rel="noopener">
            {t('popup_quarantineReview')}
          </a>
        </p>
      )}

      {tab.phase === 'loading' && (
        <section class="this-site" aria-busy="true">
          <p class="muted">{t('loading')}</p>
        </section>
      )}
      {tab.phase === 'error' && (
        <section class="this-site">
          <p role="alert">{t('loadError')}</p>
        </section>
      )}
      {tab.phase === 'ready' && <SiteAccessFor url={tab.verdict?.url || tab.url} />}
      {tab.phase === 'ready' && <ThisSite verdict={tab.verdict} url={tab.url} pairs={pairs} />}
      {/* Firefox for Android has no screenshot of a tab (tabs.captureVisibleTab). */}
      {tab.phase === 'ready' && !android && tab.url !== undefined && /^https?:/.test(tab.url) && <SaveEvidence search={search} />}

      {log.phase === 'loading' && <p class="muted">{t('loading')}</p>}
      {log.phase === 'error' && <p role="alert">{t('popup_logLoadError')}</p>}
      {log.phase === 'ready' && <WhereMyDataWent pairs={log.pairs} />}

      <footer class="popup-footer">
        <nav aria-label={t('popup_footerLabel')}>
          <a href={extensionPageUrl('options.html')} target="_blank" rel="noopener">
            {t('popup_footerSettings')}
          </a>
          <a href={extensionPageUrl('options.html#help')} target="_blank" rel="noopener">
            {t('popup_footerHelp')}
          </a>
          <a href={extensionPageUrl('report.html')} target="_blank" rel="noopener">
            {t('popup_footerReport')}
          </a>
        </nav>
      </footer>
    </main>
  );
}

/** The site-access notice for the tab's site, when it is a web page. */
function SiteAccessFor({ url }: { url?: string }) {
  const page = webSiteOf(url);
  return page ? <SiteAccess url={page.url} display={page.display} /> : null;
}
