// The trusted platforms, one row each: the site (Unicode, with punycode alongside), an editable note
// and Remove. After a removal the focus moves to the next row's Remove (or the add field).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/locale/i18n';
import type { TrustedOp, WriteReply } from '@/lib/messages/write-messages';
import { domainToUnicode } from '@/lib/trust/site-identity';
import { cleanNote, TRUSTED_NOTE_MAX } from '@/lib/trust/trusted-import';
import type { TrustedList, TrustedSite } from '@/lib/trust/trusted-list';
import { trustedErrorText } from './trusted-text';

interface RowProps {
  entry: TrustedSite;
  index: number;
  onRemove: (entry: TrustedSite, index: number) => void;
  onSaveNote: (entry: TrustedSite, note: string) => Promise<WriteReply>;
}

function TrustedRow({ entry, index, onRemove, onSaveNote }: RowProps) {
  const display = domainToUnicode(entry.site);
  const differs = display !== entry.site;
  const [draft, setDraft] = useState(entry.note);
  const [error, setError] = useState('');
  useEffect(() => setDraft(entry.note), [entry.note]);
  const noteId = `trusted-note-${index}`;
  const errorId = `trusted-note-error-${index}`;

  const save = async () => {
    const note = cleanNote(draft);
    if (note === entry.note) {
      setDraft(entry.note);
      return;
    }
    const reply = await onSaveNote(entry, note);
    setError(reply.ok ? '' : trustedErrorText(reply.error));
  };
  return (
    <li class="trusted-row">
      <span class="trusted-site" title={differs ? entry.site : undefined}>
        {display}
      </span>
      {differs && <span class="muted trusted-ascii">({entry.site})</span>}
      <label for={noteId} class="visually-hidden">
        {t('trusted_note_for', [display])}
      </label>
      <input
        id={noteId}
        class="trusted-note"
        type="text"
        value={draft}
        maxLength={TRUSTED_NOTE_MAX}
        placeholder={t('trusted_note_placeholder')}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? 'true' : undefined}
        onInput={(event) => setDraft((event.target as HTMLInputElement).value)}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void save();
          } else if (event.key === 'Escape') {
            setDraft(entry.note);
            setError('');
          }
        }}
      />
      <button type="button" class="button-small" data-remove={entry.site} aria-label={t('trusted_remove_label', [display])} onClick={() => onRemove(entry, index)}>
        {t('trusted_remove')}
      </button>
      <span id={errorId} class="status status-warn trusted-field-error" aria-live="polite">
        {error}
      </span>
    </li>
  );
}

export interface TrustedSiteListProps {
  list: TrustedList;
  send(change: TrustedOp): Promise<WriteReply>;
  say(message: string): void;
  /** Where focus goes when the last row is removed (the add field). */
  focusWhenEmpty(): void;
}

export function TrustedSiteList({ list, send, say, focusWhenEmpty }: TrustedSiteListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const focusAfterRemove = useRef<number | null>(null);

  useEffect(() => {
    const index = focusAfterRemove.current;
    if (index === null) return;
    focusAfterRemove.current = null;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-remove]') ?? [];
    if (buttons.length > 0) buttons[Math.min(index, buttons.length - 1)]?.focus();
    else focusWhenEmpty();
  }, [list]);

  const onRemove = async (entry: TrustedSite, index: number) => {
    focusAfterRemove.current = index;
    const reply = await send({ op: 'remove', site: entry.site });
    say(reply.ok ? t('trusted_removed', [domainToUnicode(entry.site)]) : trustedErrorText(reply.error));
    if (!reply.ok) focusAfterRemove.current = null;
  };
  const onSaveNote = async (entry: TrustedSite, note: string): Promise<WriteReply> => {
    const reply = await send({ op: 'note', site: entry.site, note });
    if (reply.ok) say(t('trusted_note_saved', [domainToUnicode(entry.site)]));
    return reply;
  };

  if (list.sites.length === 0) return <p class="muted">{t('trusted_empty')}</p>;
  return (
    <>
      <h3 id="trusted-list-heading">{t('trusted_list_heading', [String(list.sites.length)])}</h3>
      <ul class="plain trusted-list" ref={listRef} aria-labelledby="trusted-list-heading">
        {list.sites.map((entry, index) => (
          <TrustedRow key={entry.site} entry={entry} index={index} onRemove={(e, i) => void onRemove(e, i)} onSaveNote={onSaveNote} />
        ))}
      </ul>
    </>
  );
}
