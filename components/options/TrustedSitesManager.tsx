// Options page section "Trusted platforms": shows the trusted list and lets the user add, remove, annotate,
// import, export and sync it. Reads storage itself; every change is sent to the background (the only writer).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/locale/i18n';
import { updateTrusted } from '@/lib/messages/write-requests';
import type { TrustedOp, WriteReply } from '@/lib/messages/write-messages';
import { loadSettings, parseSettings, saveSettings, SETTINGS_KEY } from '@/lib/settings/settings';
import { domainToUnicode } from '@/lib/trust/site-identity';
import {
  cleanNote,
  exportTrustedJson,
  exportTrustedText,
  IMPORT_MAX_BYTES,
  normalizeTrustedInput,
  parseTrustedImport,
  TRUSTED_NOTE_MAX,
  type ImportProblem,
} from '@/lib/trust/trusted-import';
import { loadSyncStatus, SYNC_STATUS_KEY, type SyncStatus } from '@/lib/trust/trusted-sync';
import { loadTrustedList, TRUSTED_KEY, type TrustedList, type TrustedSite } from '@/lib/trust/trusted-list';
import './trusted.css';

/** Reply errors are locale keys; ones from outside this feature (e.g. the message failing) get ours. */
const errorText = (key: string): string => t(key.startsWith('trusted_') ? key : 'trusted_error_write');

/** Problems whose `text` is a number that belongs inside the message. */
const COUNT_KEYS = new Set(['trusted_import_too_many', 'trusted_import_more_problems']);

function problemText(problem: ImportProblem): string {
  if (COUNT_KEYS.has(problem.messageKey)) return t(problem.messageKey, [problem.text]);
  const message = t(problem.messageKey);
  const line = /^line (\d+)$/.exec(problem.where)?.[1];
  const where = line ? t('trusted_import_where_line', [line]) : problem.where;
  if (where && problem.text) return t('trusted_import_problem_at', [where, problem.text, message]);
  if (where) return t('trusted_import_problem_where', [where, message]);
  if (problem.text) return t('trusted_import_problem_text', [problem.text, message]);
  return message;
}

/** A Blob URL for `content`, revoked when the content changes or the section goes away. */
function useBlobUrl(content: string | null, type: string): string | null {
  const url = useMemo(() => (content === null ? null : URL.createObjectURL(new Blob([content], { type }))), [content, type]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return url;
}

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
    setError(reply.ok ? '' : errorText(reply.error));
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
      <button type="button" data-remove={entry.site} aria-label={t('trusted_remove_label', [display])} onClick={() => onRemove(entry, index)}>
        {t('trusted_remove')}
      </button>
      <span id={errorId} class="status status-warn trusted-field-error" aria-live="polite">
        {error}
      </span>
    </li>
  );
}

export function TrustedSitesManager() {
  const [list, setList] = useState<TrustedList | null>(null);
  const [recovered, setRecovered] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  const [notice, setNotice] = useState('');
  const [addSite, setAddSite] = useState('');
  const [addNote, setAddNote] = useState('');
  const [addError, setAddError] = useState('');
  const [importText, setImportText] = useState('');
  const [importMode, setImportMode] = useState<'merge' | 'replace'>('merge');
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [syncOn, setSyncOn] = useState<boolean | null>(null);
  const [syncStatus, setSyncStatus] = useState<SyncStatus | null>(null);
  const siteInput = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const focusAfterRemove = useRef<number | null>(null);
  const writing = useRef(false);

  const refreshList = async () => {
    try {
      const loaded = await loadTrustedList();
      setList(loaded.value);
      setRecovered(loaded.recovered);
      setLoadFailed(false);
    } catch {
      setLoadFailed(true);
    }
  };
  const refreshStatus = () => loadSyncStatus().then(setSyncStatus, () => undefined);

  useEffect(() => {
    void refreshList();
    void refreshStatus();
    loadSettings().then(
      ({ value }) => setSyncOn(value.syncTrusted),
      () => setSyncOn(false),
    );
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (TRUSTED_KEY in changes) void refreshList();
      if (SYNC_STATUS_KEY in changes) void refreshStatus();
      if (SETTINGS_KEY in changes) setSyncOn(parseSettings(changes[SETTINGS_KEY]?.newValue).value.syncTrusted);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  // After a removal, focus the next row's Remove button (or the add field once the list is empty).
  useEffect(() => {
    const index = focusAfterRemove.current;
    if (index === null || !list) return;
    focusAfterRemove.current = null;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-remove]') ?? [];
    const target = buttons.length > 0 ? buttons[Math.min(index, buttons.length - 1)] : siteInput.current;
    target?.focus();
  }, [list]);

  /** Sends one change, then re-reads the list whatever the answer. */
  const send = async (change: TrustedOp): Promise<WriteReply> => {
    const reply = await updateTrusted(change);
    await refreshList();
    return reply;
  };

  const onAdd = async (event: Event) => {
    event.preventDefault();
    if (writing.current) return;
    const typed = addSite;
    const checked = normalizeTrustedInput(typed);
    if (!checked.ok) {
      setAddError(checked.messageKey);
      siteInput.current?.focus();
      return;
    }
    writing.current = true;
    const reply = await send({ op: 'add', site: typed, note: addNote });
    writing.current = false;
    if (!reply.ok) {
      setAddError(reply.error.startsWith('trusted_') ? reply.error : 'trusted_error_write');
      siteInput.current?.focus();
      return;
    }
    const display = domainToUnicode(checked.site);
    setAddError('');
    setAddSite('');
    setAddNote('');
    setNotice(reply.count ? t('trusted_added', [display]) : t('trusted_already', [display]));
    siteInput.current?.focus();
  };

  const onRemove = async (entry: TrustedSite, index: number) => {
    focusAfterRemove.current = index;
    const reply = await send({ op: 'remove', site: entry.site });
    setNotice(reply.ok ? t('trusted_removed', [domainToUnicode(entry.site)]) : errorText(reply.error));
    if (!reply.ok) focusAfterRemove.current = null;
  };

  const onSaveNote = async (entry: TrustedSite, note: string): Promise<WriteReply> => {
    const reply = await send({ op: 'note', site: entry.site, note });
    if (reply.ok) setNotice(t('trusted_note_saved', [domainToUnicode(entry.site)]));
    return reply;
  };

  const onFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) {
      setProblems([{ where: '', messageKey: 'trusted_import_too_big', text: '' }]);
      input.value = '';
      return;
    }
    try {
      setImportText(await file.text());
      setProblems([]);
      setNotice(t('trusted_import_file_loaded', [file.name]));
    } catch {
      setProblems([{ where: '', messageKey: 'trusted_import_read_error', text: '' }]);
    }
  };

  const onImport = async () => {
    if (writing.current) return;
    const parsed = parseTrustedImport(importText, Date.now());
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    writing.current = true;
    const reply = await send({ op: 'import', list: parsed.list, mode: importMode });
    writing.current = false;
    if (!reply.ok) {
      setProblems([{ where: '', messageKey: reply.error.startsWith('trusted_') ? reply.error : 'trusted_error_write', text: '' }]);
      return;
    }
    setProblems([]);
    setImportText('');
    const count = String(reply.count ?? 0);
    setNotice(importMode === 'merge' ? t('trusted_import_merged', [count]) : t('trusted_import_replaced', [count]));
  };

  const onSyncToggle = async (event: Event) => {
    const wanted = (event.target as HTMLInputElement).checked;
    try {
      // Read fresh: the other settings may have changed in another part of the page.
      const { value: settings } = await loadSettings();
      await saveSettings({ ...settings, syncTrusted: wanted });
      setSyncOn(wanted);
      setNotice(t(wanted ? 'trusted_sync_turned_on' : 'trusted_sync_turned_off'));
    } catch {
      setSyncOn(!wanted);
      setNotice(t('trusted_sync_save_error'));
    }
  };

  const hasSites = (list?.sites.length ?? 0) > 0;
  const jsonExport = useMemo(() => (list && list.sites.length > 0 ? exportTrustedJson(list) : null), [list]);
  const textExport = useMemo(() => (list && list.sites.length > 0 ? exportTrustedText(list) : null), [list]);
  const jsonUrl = useBlobUrl(jsonExport, 'application/json');
  const textUrl = useBlobUrl(textExport, 'text/plain');

  const syncWhen = syncStatus ? new Date(syncStatus.at).toLocaleString(browser.i18n.getUILanguage() || undefined) : '';

  return (
    <section aria-labelledby="trusted-heading" class="trusted">
      <h2 id="trusted-heading">{t('trusted_heading')}</h2>
      <p class="muted">{t('trusted_intro')}</p>
      {recovered && <p class="status status-warn">{t('trusted_recovered')}</p>}
      {loadFailed && <p class="status status-warn">{t('trusted_load_error')}</p>}

      <form class="trusted-form" onSubmit={(event) => void onAdd(event)} noValidate>
        <label for="trusted-add-site">{t('trusted_add_label')}</label>
        <input
          id="trusted-add-site"
          ref={siteInput}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          value={addSite}
          aria-invalid={addError ? 'true' : undefined}
          aria-describedby={addError ? 'trusted-add-error trusted-add-help' : 'trusted-add-help'}
          onInput={(event) => {
            setAddSite((event.target as HTMLInputElement).value);
          }}
        />
        <p id="trusted-add-error" class="status status-warn trusted-field-error trusted-wide" aria-live="polite">
          {addError ? t(addError) : ''}
        </p>
        <p id="trusted-add-help" class="muted trusted-wide">
          {t('trusted_add_help')}
        </p>
        <label for="trusted-add-note">{t('trusted_add_note_label')}</label>
        <input
          id="trusted-add-note"
          type="text"
          value={addNote}
          maxLength={TRUSTED_NOTE_MAX}
          onInput={(event) => setAddNote((event.target as HTMLInputElement).value)}
        />
        <div class="trusted-wide">
          <button type="submit">{t('trusted_add_button')}</button>
        </div>
      </form>

      <p role="status" aria-live="polite" class="muted">
        {notice}
      </p>

      {list === null && !loadFailed && <p class="muted">{t('trusted_loading')}</p>}
      {list !== null && !hasSites && <p class="muted">{t('trusted_empty')}</p>}
      {hasSites && (
        <>
          <h3 id="trusted-list-heading">{t('trusted_list_heading', [String(list!.sites.length)])}</h3>
          <ul class="plain" ref={listRef} aria-labelledby="trusted-list-heading">
            {list!.sites.map((entry, index) => (
              <TrustedRow key={entry.site} entry={entry} index={index} onRemove={(e, i) => void onRemove(e, i)} onSaveNote={onSaveNote} />
            ))}
          </ul>
        </>
      )}

      <h3>{t('trusted_export_heading')}</h3>
      {hasSites && jsonUrl && textUrl ? (
        <p class="trusted-actions">
          <a href={jsonUrl} download="loanguard-trusted-sites.json">
            {t('trusted_export_json')}
          </a>
          <a href={textUrl} download="loanguard-trusted-sites.txt">
            {t('trusted_export_text')}
          </a>
        </p>
      ) : (
        <p class="muted">{t('trusted_export_nothing')}</p>
      )}

      <div class="trusted-import">
        <h3>{t('trusted_import_heading')}</h3>
        <p class="muted">{t('trusted_import_help')}</p>
        <p>
          <label for="trusted-import-file">{t('trusted_import_file_label')}</label>{' '}
          <input id="trusted-import-file" type="file" accept=".json,.txt,application/json,text/plain" onChange={(event) => void onFile(event)} />
        </p>
        <label for="trusted-import-text">{t('trusted_import_paste_label')}</label>
        <textarea
          id="trusted-import-text"
          rows={6}
          spellcheck={false}
          value={importText}
          onInput={(event) => setImportText((event.target as HTMLTextAreaElement).value)}
        />
        <fieldset>
          <legend>{t('trusted_import_mode_legend')}</legend>
          <label>
            <input type="radio" name="trusted-import-mode" value="merge" checked={importMode === 'merge'} onChange={() => setImportMode('merge')} />{' '}
            {t('trusted_import_mode_merge')}
          </label>
          <br />
          <label>
            <input type="radio" name="trusted-import-mode" value="replace" checked={importMode === 'replace'} onChange={() => setImportMode('replace')} />{' '}
            {t('trusted_import_mode_replace')}
          </label>
        </fieldset>
        <button type="button" id="trusted-import-button" onClick={() => void onImport()}>
          {t('trusted_import_button')}
        </button>
        {problems.length > 0 && (
          <div role="alert" class="status status-warn trusted-problems">
            <p>{t('trusted_import_refused')}</p>
            <ul>
              {problems.map((problem, index) => (
                <li key={index}>{problemText(problem)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>

      <h3>{t('trusted_sync_heading')}</h3>
      <p>
        <input
          id="trusted-sync"
          type="checkbox"
          checked={syncOn === true}
          disabled={syncOn === null}
          aria-describedby={syncStatus ? 'trusted-sync-help trusted-sync-status' : 'trusted-sync-help'}
          onChange={(event) => void onSyncToggle(event)}
        />{' '}
        <label for="trusted-sync">{t('trusted_sync_label')}</label>
      </p>
      <p id="trusted-sync-help" class="muted">
        {t('trusted_sync_help')}
      </p>
      {syncStatus && (
        <p id="trusted-sync-status" class={`status ${syncStatus.ok ? 'status-ok' : 'status-warn'}`}>
          {syncStatus.ok
            ? t('trusted_sync_last_ok', [syncWhen])
            : t('trusted_sync_last_error', [syncWhen, errorText(syncStatus.error ?? 'trusted_sync_failed')])}
        </p>
      )}
    </section>
  );
}
