// "This site": the current tab's site in plain words — does it look like a loan platform (the reasons
// behind "Why?"), which personal data its page asks for, whether the user trusts it (one-click Trust /
// Stop trusting), and what personal data it has received.
import { useEffect, useState } from 'preact/hooks';
import type { TabVerdict } from '@/lib/messages/verdict-messages';
import type { SummaryPair } from '@/lib/log/log-summary';
import { pairsForSite } from '@/lib/log/log-views';
import { updateTrusted } from '@/lib/messages/write-requests';
import { siteIdentity } from './site-identity-lazy';
import { loadTrustedList, trustedSiteNames } from '@/lib/trust/trusted-list';
import { DATA_KINDS } from '@/lib/types';
import { kindLabel, t, uiLanguage } from '@/lib/locale/i18n';
import { shownMasked, siteDisplayOf, whenLabel } from '@/components/shared/labels';
import { ReasonList } from '@/components/shared/ReasonList';
import { PairDate, pairStatus } from './WhereMyDataWent';
import { SiteMemoryControls } from './SiteMemoryControls';

/** How many shared items are listed here before pointing to the full list below. */
const MAX_SHARED = 5;

export interface ThisSiteProps {
  /** The tab's verdict from the background (null: no field on the page was checked). */
  verdict: TabVerdict | null;
  /** The tab's URL when known (verdict.url wins when present). */
  url?: string;
  /** Summary pairs; null while the log is still loading. */
  pairs: readonly SummaryPair[] | null;
  locale?: string;
  /** Clock for "today, 14:05"; default Date.now() when first rendered. */
  now?: number;
}

type Trust = { phase: 'loading' } | { phase: 'ready'; trusted: boolean; entries: string[] };
type Note = { kind: 'ok' | 'error'; text: string } | null;

/** The tab's site when it is a web page LoanGuard checks; null for browser and extension pages. */
export function webSiteOf(url: string | undefined): { url: string; site: string; display: string } | null {
  if (!url) return null;
  const identity = siteIdentity().siteOf(url);
  if (!identity || (identity.kind !== 'domain' && identity.kind !== 'ip' && identity.kind !== 'localhost')) return null;
  return { url, site: identity.site, display: identity.display };
}

export function ThisSite({ verdict, url, pairs, locale, now }: ThisSiteProps) {
  const page = webSiteOf(verdict?.url || url);
  return (
    <section class="this-site" aria-labelledby="this-site-heading">
      <h2 id="this-site-heading">{t('popup_thisSiteHeading')}</h2>
      {page ? (
        <WebSite page={page} verdict={verdict} pairs={pairs} locale={locale} now={now} />
      ) : (
        <p class="status status-none" data-page="not-web">
          {t('popup_notWebPage')}
        </p>
      )}
    </section>
  );
}

/** The kinds of personal data the page's fields ask for, in the usual order, as one phrase. */
function askedFor(verdict: TabVerdict | null, language: string): string {
  const kinds = DATA_KINDS.filter((kind) => verdict?.fields.some((field) => field.kind === kind));
  const names = kinds.map(kindLabel);
  try {
    return new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** Is it a loan platform: the verdict in words, what the page asks for, the reasons behind "Why?". */
function LoanVerdict({ verdict, language }: { verdict: TabVerdict | null; language: string }) {
  const loan = verdict?.loan ?? null;
  if (!loan) {
    return (
      <p class="status status-none verdict" data-verdict="unchecked">
        {t('popup_notChecked')}
      </p>
    );
  }
  const isLoan = loan.isLoanPage;
  const asks = askedFor(verdict, language);
  return (
    <div class={`status ${isLoan ? 'status-warn' : 'status-ok'} verdict`} data-verdict={isLoan ? 'loan' : 'not-loan'}>
      <p class="verdict-words">
        <strong>{isLoan ? t('verdictLoan') : t('verdictNotLoan')}</strong>
      </p>
      {asks && <p class="verdict-asks">{t('popup_pageAsksFor', [asks])}</p>}
      {loan.reasons.length > 0 && (
        <details class="why">
          <summary>{t('popup_why')}</summary>
          <ReasonList reasons={loan.reasons} label={t('whyPage')} />
        </details>
      )}
    </div>
  );
}

function WebSite({ page, verdict, pairs, locale, now }: { page: { url: string; site: string; display: string }; verdict: TabVerdict | null; pairs: readonly SummaryPair[] | null; locale?: string; now?: number }) {
  const [trust, setTrust] = useState<Trust>({ phase: 'loading' });
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const language = locale ?? uiLanguage();

  useEffect(() => {
    let live = true;
    setTrust({ phase: 'loading' });
    setNote(null);
    loadTrustedList().then(
      ({ value: list }) => {
        if (!live) return;
        // The entries that cover this page (normally just its registrable domain): removed together.
        const entries = trustedSiteNames(list).filter((entry) => siteIdentity().isTrustedSite(page.url, [entry]));
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

  return (
    <>
      <p class="site-name" data-site={page.site}>
        {page.display}
      </p>
      <LoanVerdict verdict={verdict} language={language} />
      {/* The user's own "this is / is not a loan site" marks belong here, next to the verdict. */}
      <SiteMemoryControls site={page.site} display={page.display} locale={language} />

      <div class="trust" data-trusted={trust.phase === 'ready' ? String(trust.trusted) : undefined}>
        {trust.phase === 'loading' ? (
          <p class="muted">{t('loading')}</p>
        ) : (
          <>
            <p class={`trust-state ${trust.trusted ? 'trust-yes' : 'trust-no'}`}>{trust.trusted ? t('popup_trusted') : t('popup_notTrusted')}</p>
            <button type="button" class={`trust-button button-small${trust.trusted ? '' : ' button-primary'}`} disabled={busy} aria-busy={busy} onClick={() => void toggleTrust()}>
              {trust.trusted ? t('popup_untrustButton') : t('popup_trustButton')}
            </button>
          </>
        )}
        <p role="status" class={note?.kind === 'error' ? 'note note-error' : 'note'}>
          {note?.text ?? ''}
        </p>
      </div>

      <h3 id="this-site-shared">{t('popup_sharedHeading')}</h3>
      {pairs === null ? (
        <p class="muted">{t('loading')}</p>
      ) : (
        <SharedList pairs={pairsForSite(pairs, page.site)} site={page.site} when={(at) => whenLabel(at, now ?? Date.now(), language)} />
      )}
    </>
  );
}

function SharedList({ pairs, site, when }: { pairs: SummaryPair[]; site: string; when: (at: number) => string }) {
  if (pairs.length === 0) return <p class="muted shared-none">{t('popup_sharedNone')}</p>;
  const shown = pairs.slice(0, MAX_SHARED);
  return (
    <>
      <ul class="rows shared" aria-labelledby="this-site-shared">
        {shown.map((pair) => (
          <li key={`${pair.itemKey} ${pair.site}`} class={pair.sent > 0 ? 'row' : 'row row-stopped'} data-item={pair.itemKey}>
            <span class="kind">{kindLabel(pair.kind)}</span> <span class="masked">{shownMasked(pair.kind, pair.masked)}</span>{' '}
            <span class={pair.sent > 0 ? 'badge badge-sent' : 'badge badge-stopped'}>
              {pair.sent > 0 ? t('popup_statusSent') : t('popup_statusStopped')}
            </span>
            <span class="row-meta">
              <span class="count">{pairStatus(pair)}</span> · <PairDate at={pair.last} when={when} />
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
