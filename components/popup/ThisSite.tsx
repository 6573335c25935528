// "This site": the current tab's site, whether it looks like a loan platform (and why), whether the
// user trusts it (with one-click Trust / Stop trusting), and what personal data it has received.
import { useEffect, useState } from 'preact/hooks';
import type { TabVerdict } from '@/lib/messages/verdict-messages';
import type { SummaryPair } from '@/lib/log/log-summary';
import { pairsForSite, shortDateFormatter } from '@/lib/log/log-views';
import { updateTrusted } from '@/lib/messages/write-requests';
import { isTrustedSite, siteOf } from '@/lib/trust/site-identity';
import { loadTrustedList, trustedSiteNames } from '@/lib/trust/trusted-list';
import { kindLabel, t, uiLanguage } from '@/lib/locale/i18n';
import { ReasonList } from '@/components/shared/ReasonList';
import { PairDate, pairStatus, siteDisplayOf } from './WhereMyDataWent';
import { SiteMemoryControls } from './SiteMemoryControls';

/** How many shared items are listed here before pointing to the full list below. */
const MAX_SHARED = 5;

export interface ThisSiteProps {
  /** The tab's verdict from the background (null: not checked). */
  verdict: TabVerdict | null;
  /** The tab's URL when known (verdict.url wins when present). */
  url?: string;
  /** Summary pairs; null while the log is still loading. */
  pairs: readonly SummaryPair[] | null;
  locale?: string;
}

type Trust = { phase: 'loading' } | { phase: 'ready'; trusted: boolean; entries: string[] };
type Note = { kind: 'ok' | 'error'; text: string } | null;

/** The tab's site when it is a web page LoanGuard checks; null for browser and extension pages. */
export function webSiteOf(url: string | undefined): { url: string; site: string; display: string } | null {
  if (!url) return null;
  const identity = siteOf(url);
  if (!identity || (identity.kind !== 'domain' && identity.kind !== 'ip' && identity.kind !== 'localhost')) return null;
  return { url, site: identity.site, display: identity.display };
}

export function ThisSite({ verdict, url, pairs, locale }: ThisSiteProps) {
  const page = webSiteOf(verdict?.url || url);
  return (
    <section class="this-site" aria-labelledby="this-site-heading">
      <h2 id="this-site-heading">{t('popup_thisSiteHeading')}</h2>
      {page ? (
        <WebSite page={page} verdict={verdict} pairs={pairs} locale={locale} />
      ) : (
        <p class="status status-none" data-page="not-web">
          {t('popup_notWebPage')}
        </p>
      )}
    </section>
  );
}

function WebSite({ page, verdict, pairs, locale }: { page: { url: string; site: string; display: string }; verdict: TabVerdict | null; pairs: readonly SummaryPair[] | null; locale?: string }) {
  const [trust, setTrust] = useState<Trust>({ phase: 'loading' });
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);

  useEffect(() => {
    let live = true;
    setTrust({ phase: 'loading' });
    setNote(null);
    loadTrustedList().then(
      ({ value: list }) => {
        if (!live) return;
        // The entries that cover this page (normally just its registrable domain): removed together.
        const entries = trustedSiteNames(list).filter((entry) => isTrustedSite(page.url, [entry]));
        setTrust({ phase: 'ready', trusted: entries.length > 0, entries });
      },
      () => live && setTrust({ phase: 'ready', trusted: false, entries: [] }),
    );
    return () => {
      live = false;
    };
  }, [page.url]);

  const toggleTrust = async () => {
    if (trust.phase !== 'ready' || busy) return;
    setBusy(true);
    setNote(null);
    try {
      if (trust.trusted) {
        const entries = trust.entries.length > 0 ? trust.entries : [page.site];
        for (const site of entries) {
          const reply = await updateTrusted({ op: 'remove', site });
          if (!reply.ok) throw new Error(reply.error);
        }
        setTrust({ phase: 'ready', trusted: false, entries: [] });
        setNote({ kind: 'ok', text: t('popup_trustRemoved', [page.display]) });
      } else {
        const reply = await updateTrusted({ op: 'add', site: page.site, note: '' });
        if (!reply.ok) throw new Error(reply.error);
        setTrust({ phase: 'ready', trusted: true, entries: [page.site] });
        setNote({ kind: 'ok', text: t('popup_trustAdded', [page.display]) });
      }
    } catch {
      setNote({ kind: 'error', text: t('popup_trustError') });
    } finally {
      setBusy(false);
    }
  };

  const loan = verdict?.loan ?? null;
  const isLoan = loan?.isLoanPage === true;
  return (
    <>
      <p class="site-name" data-site={page.site}>
        {page.display}
      </p>
      {loan ? (
        <div class={`status ${isLoan ? 'status-warn' : 'status-ok'}`} data-verdict={isLoan ? 'loan' : 'not-loan'}>
          <strong>{isLoan ? t('verdictLoan') : t('verdictNotLoan')}</strong>
          <span class="tag">{t('score', loan.score.toFixed(1))}</span>
          <ReasonList reasons={loan.reasons} label={t('whyPage')} />
        </div>
      ) : (
        <p class="muted">{t('popup_notChecked')}</p>
      )}
      <SiteMemoryControls site={page.site} display={page.display} locale={locale} />

      <div class="trust" data-trusted={trust.phase === 'ready' ? String(trust.trusted) : undefined}>
        {trust.phase === 'loading' ? (
          <p class="muted">{t('loading')}</p>
        ) : (
          <>
            <p class="trust-state">{trust.trusted ? t('popup_trusted') : t('popup_notTrusted')}</p>
            <button type="button" class="button trust-button" disabled={busy} aria-busy={busy} onClick={() => void toggleTrust()}>
              {trust.trusted ? t('popup_untrustButton') : t('popup_trustButton')}
            </button>
          </>
        )}
        <p role="status" class={note?.kind === 'error' ? 'note note-error' : 'note'}>
          {note?.text ?? ''}
        </p>
      </div>

      <h3 id="this-site-shared">{t('popup_sharedHeading')}</h3>
      {pairs === null ? <p class="muted">{t('loading')}</p> : <SharedList pairs={pairsForSite(pairs, page.site)} site={page.site} locale={locale} />}
    </>
  );
}

function SharedList({ pairs, site, locale }: { pairs: SummaryPair[]; site: string; locale?: string }) {
  if (pairs.length === 0) return <p class="muted">{t('popup_sharedNone')}</p>;
  const formatDate = shortDateFormatter(locale ?? uiLanguage());
  const shown = pairs.slice(0, MAX_SHARED);
  return (
    <>
      <ul class="rows shared" aria-labelledby="this-site-shared">
        {shown.map((pair) => (
          <li key={`${pair.itemKey} ${pair.site}`} class={pair.sent > 0 ? 'row' : 'row row-stopped'} data-item={pair.itemKey}>
            <span class="kind">{kindLabel(pair.kind)}</span> <span class="masked">{pair.masked}</span>{' '}
            <span class={pair.sent > 0 ? 'badge badge-sent' : 'badge badge-stopped'}>
              {pair.sent > 0 ? t('popup_statusSent') : t('popup_statusStopped')}
            </span>
            <span class="row-meta">
              <PairDate at={pair.last} formatDate={formatDate} /> · <span class="count">{pairStatus(pair)}</span>
              {pair.site !== site && (
                <>
                  {' · '}
                  <span class="elsewhere">{t('popup_typedHereSentTo', [siteDisplayOf(pair.site)])}</span>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      {pairs.length > shown.length && <p class="muted">{t('popup_sharedMore', [String(pairs.length - shown.length)])}</p>}
    </>
  );
}
