// Popup controls for the site memory: what LoanGuard remembers about this site (a loan sign-up seen
// on one of its pages, or the user's own mark) and the user's word on it — "This is a loan site" /
// "This is not a loan site" — with an undo. The background is the only writer; this reads storage.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { entryOf, type SiteMemoryEntry, type SiteMemoryOp } from '@/lib/detect/site-memory';
import { loadSiteMemory, SITE_MEMORY_KEY } from '@/lib/background/site-memory-store';
import { updateSiteMemory } from '@/lib/messages/write-requests';
import { t, uiLanguage } from '@/lib/locale/i18n';
import { shortDateFormatter } from '@/components/shared/labels';

type Loaded = { phase: 'loading' } | { phase: 'ready'; entry: SiteMemoryEntry | undefined };
type Note = { kind: 'ok' | 'error'; text: string; undo?: SiteMemoryOp } | null;
type Send = (change: SiteMemoryOp, text: string, undo?: SiteMemoryOp) => Promise<void>;

/**
 * The site memory as a component shows it: `refresh` reads it now and whenever it changes (for `key`,
 * e.g. the site shown); `send` hands a change to the background (the only writer), then reads it
 * again, and the note says what happened.
 */
export function useSiteMemory(refresh: () => Promise<void>, key: string): { busy: boolean; note: Note; send: Send } {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  useEffect(() => {
    void refresh();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SITE_MEMORY_KEY in changes) void refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [key]);
  const send: Send = async (change, text, undo) => {
    setBusy(true);
    setNote(null);
    const reply = await updateSiteMemory(change);
    await refresh();
    setBusy(false);
    setNote(reply.ok ? { kind: 'ok', text, ...(undo ? { undo } : {}) } : { kind: 'error', text: t('siteMemory_saveError') });
  };
  return { busy, note, send };
}

/** Feedback after a change, with Undo when it can be taken back. */
export function SiteMemoryNote({ note, busy, send }: { note: Note; busy: boolean; send: Send }) {
  return (
    <p role="status" class={note?.kind === 'error' ? 'note note-error' : 'note'}>
      {note?.text ?? ''}
      {note?.undo && (
        <>
          {' '}
          <button type="button" class="button site-memory-undo" disabled={busy} onClick={() => note.undo && void send(note.undo, t('siteMemory_undone'))}>
            {t('siteMemory_undo')}
          </button>
        </>
      )}
    </p>
  );
}

/** What the memory says about the site, in the user's language. */
export function siteMemoryText(entry: SiteMemoryEntry | undefined, formatDate: (at: number) => string): string {
  if (entry?.user) return entry.user.loan ? t('siteMemory_userLoan', [formatDate(entry.user.at)]) : t('siteMemory_userNotLoan', [formatDate(entry.user.at)]);
  if (entry?.detected) return t('siteMemory_detected', [entry.detected.page, formatDate(entry.detected.at)]);
  return t('siteMemory_nothing');
}

/** The change that puts `before` back (undo): restore the entry as it was, or forget one that did not exist. */
export const undoOf = (site: string, before: SiteMemoryEntry | undefined): SiteMemoryOp =>
  before ? { op: 'restore', entry: before } : { op: 'forget', site };

export function SiteMemoryControls({ site, display, locale }: { site: string; display: string; locale?: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });
  const formatDate = shortDateFormatter(locale ?? uiLanguage());

  const refresh = async () => {
    const { value } = await loadSiteMemory().catch(() => ({ value: undefined }));
    setLoaded({ phase: 'ready', entry: value ? entryOf(value, site) : undefined });
  };
  const { busy, note, send } = useSiteMemory(refresh, site);

  const mark = (loan: boolean) => {
    if (loaded.phase !== 'ready') return;
    void send({ op: 'mark', site, loan }, t(loan ? 'siteMemory_markedLoan' : 'siteMemory_markedNotLoan', [display]), undoOf(site, loaded.entry));
  };

  const entry = loaded.phase === 'ready' ? loaded.entry : undefined;
  const marked = entry?.user?.loan;
  return (
    <div class="site-memory" data-memory={marked === undefined ? (entry?.detected ? 'detected' : 'none') : marked ? 'user-loan' : 'user-not-loan'}>
      {loaded.phase === 'loading' ? (
        <p class="muted">{t('loading')}</p>
      ) : (
        <>
          <p class="muted site-memory-state">{siteMemoryText(entry, formatDate)}</p>
          <p>
            <button type="button" class="button site-memory-loan" disabled={busy || marked === true} aria-pressed={marked === true} onClick={() => mark(true)}>
              {t('siteMemory_markLoan')}
            </button>{' '}
            <button type="button" class="button site-memory-not-loan" disabled={busy || marked === false} aria-pressed={marked === false} onClick={() => mark(false)}>
              {t('siteMemory_markNotLoan')}
            </button>
          </p>
        </>
      )}
      <SiteMemoryNote note={note} busy={busy} send={send} />
    </div>
  );
}
