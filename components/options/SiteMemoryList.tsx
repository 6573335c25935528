// Options-page section "Sites remembered as lenders": every site the site memory holds — recognised
// by LoanGuard or marked by the user — with what it is and since when, and per site: remove (with
// undo), or take back the user's own mark. Reads storage; the background is the only writer.
import { useState } from 'preact/hooks';
import type { SiteMemory, SiteMemoryEntry } from '@/lib/detect/site-memory';
import { loadSiteMemory } from '@/lib/background/site-memory-store';
import { t, uiLanguage } from '@/lib/locale/i18n';
import { shortDateFormatter } from '@/components/shared/labels';
import { SiteMemoryNote, siteMemoryText, useSiteMemory } from '@/components/popup/SiteMemoryControls';

/** Newest first: the user's marks and detections by their time. */
const newest = (a: SiteMemoryEntry, b: SiteMemoryEntry): number =>
  Math.max(b.user?.at ?? 0, b.detected?.at ?? 0) - Math.max(a.user?.at ?? 0, a.detected?.at ?? 0);

export function SiteMemoryList({ locale }: { locale?: string }) {
  const [memory, setMemory] = useState<SiteMemory | null>(null);
  const [recovered, setRecovered] = useState(false);
  const formatDate = shortDateFormatter(locale ?? uiLanguage());

  const refresh = async () => {
    try {
      const loaded = await loadSiteMemory();
      setMemory(loaded.value);
      setRecovered(loaded.recovered);
    } catch {
      setMemory({ version: 1, sites: [] });
    }
  };
  const { busy, note, send } = useSiteMemory(refresh, '');

  return (
    <section aria-labelledby="site-memory-heading" class="site-memory-list">
      <h2 id="site-memory-heading">{t('siteMemory_heading')}</h2>
      <p class="muted">{t('siteMemory_intro')}</p>
      {recovered && <p class="status status-warn">{t('siteMemory_recovered')}</p>}
      <SiteMemoryNote note={note} busy={busy} send={send} />
      {memory === null && <p class="muted">{t('loading')}</p>}
      {memory?.sites.length === 0 && <p class="muted">{t('siteMemory_empty')}</p>}
      {memory && memory.sites.length > 0 && (
        <ul class="plain" aria-labelledby="site-memory-heading">
          {[...memory.sites].sort(newest).map((entry) => (
            <li key={entry.site} class="trusted-row" data-site={entry.site}>
              <span class="trusted-site">{entry.site}</span> <span class="muted">{siteMemoryText(entry, formatDate)}</span>{' '}
              {entry.user && entry.detected && (
                <button type="button" class="button" disabled={busy} onClick={() => void send({ op: 'unmark', site: entry.site }, t('siteMemory_unmarked', [entry.site]), { op: 'restore', entry })}>
                  {t('siteMemory_unmark')}
                </button>
              )}{' '}
              <button
                type="button"
                class="button"
                disabled={busy}
                aria-label={t('siteMemory_removeLabel', [entry.site])}
                onClick={() => void send({ op: 'forget', site: entry.site }, t('siteMemory_removed', [entry.site]), { op: 'restore', entry })}
              >
                {t('siteMemory_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
