// The options page: a side navigation (a top menu on narrow windows) and one section at a time —
// trusted platforms, warnings (the settings form), the private log, help after a leak, about.
// The URL's hash names the section (`#help`); `?site=` opens the help for one site.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SummaryPair } from '@/lib/log/log-summary';
import { openLogDb, readEvents } from '@/lib/log/log-store';
import { loadSummaryPairs } from '@/lib/log/summary-read';
import { reportQuery } from '@/lib/log/evidence-report';
import { t, uiLanguage } from '@/lib/locale/i18n';
import { PageHeader } from '@/components/shared/PageHeader';
import { AboutLoanGuard } from './AboutLoanGuard';
import { LeakHelp } from './LeakHelp';
import { LogManager } from './log/LogManager';
import { SettingsForm } from './SettingsForm';
import { SiteMemoryList } from './SiteMemoryList';
import { TrustedSitesManager } from './trusted/TrustedSitesManager';
import './options.css';

/** The sections, in navigation order: the id is the URL hash, the key names it in the menu. */
export const OPTIONS_SECTIONS = [
  ['trusted', 'optionsNavTrusted'],
  ['sites', 'siteMemory_heading'],
  ['settings', 'optionsNavWarnings'],
  ['log', 'optionsNavLog'],
  ['help', 'optionsNavHelp'],
  ['about', 'optionsNavAbout'],
] as const;
export type OptionsSection = (typeof OPTIONS_SECTIONS)[number][0];

/** The section a URL asks for: its hash, else the help when a site is named, else the first. */
export function sectionFromUrl(hash: string, search: string): OptionsSection {
  const wanted = hash.replace(/^#/, '');
  const known = OPTIONS_SECTIONS.find(([id]) => id === wanted);
  if (known) return known[0];
  return new URLSearchParams(search).has('site') ? 'help' : 'trusted';
}

const openReport = (site: string): void => {
  void browser.tabs.create({ url: browser.runtime.getURL('/report.html') + reportQuery({ site }) });
};

export function OptionsApp({ db = () => openLogDb() }: { db?: () => Promise<IDBDatabase> }) {
  const [section, setSection] = useState<OptionsSection>(() => sectionFromUrl(location.hash, location.search));
  const [pairs, setPairs] = useState<readonly SummaryPair[] | null>(null);
  const initialSite = new URLSearchParams(location.search).get('site') ?? undefined;
  const headingFocus = useRef(false);

  useEffect(() => {
    document.documentElement.lang = uiLanguage();
    document.title = t('optionsTitle');
    db()
      .then(loadSummaryPairs)
      .then(
        (loaded) => setPairs(loaded.pairs),
        () => setPairs([]),
      );
    const onHash = () => {
      headingFocus.current = true;
      setSection(sectionFromUrl(location.hash, location.search));
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  // After a menu choice, the reader starts at the new section's heading (screen readers announce it).
  useEffect(() => {
    if (!headingFocus.current) return;
    headingFocus.current = false;
    const heading = document.querySelector<HTMLElement>(`#${section} h2`);
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
    scrollTo(0, 0);
  }, [section]);

  const panel = (id: OptionsSection, children: ComponentChildren) => (
    <div id={id} class="options-section" hidden={section !== id} data-section={id}>
      {children}
    </div>
  );
  return (
    <>
      <PageHeader heading={t('optionsTitle')} />
      <div class="options-layout">
        <nav class="options-nav" aria-label={t('optionsNavLabel')}>
          <ul>
            {OPTIONS_SECTIONS.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`} aria-current={section === id ? 'page' : undefined}>
                  {t(key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main class="options-main">
          {/* Every section stays mounted, so what is typed or ticked in one survives a visit to another. */}
          {panel('trusted', <TrustedSitesManager />)}
          {panel('sites', <SiteMemoryList />)}
          {panel('settings', <SettingsForm />)}
          {panel('log', <LogManager db={db} />)}
          {panel(
            'help',
            pairs === null ? <p class="muted">{t('loading')}</p> : (
              <LeakHelp
                pairs={[...pairs]}
                initialSite={initialSite}
                onOpenReport={openReport}
                loadEvents={(site) => db().then((database) => readEvents(database, { site })).then((read) => read.events)}
              />
            ),
          )}
          {panel('about', <AboutLoanGuard />)}
        </main>
      </div>
    </>
  );
}
