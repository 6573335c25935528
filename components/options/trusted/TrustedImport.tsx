// Importing a trusted list (our JSON, a JSON array or plain text) from a file or pasted text, merged
// or replacing: all or nothing, and a refused import lists every problem and changes nothing.
import { useRef, useState } from 'preact/hooks';
import { t } from '@/lib/locale/i18n';
import type { TrustedOp, WriteReply } from '@/lib/messages/write-messages';
import { IMPORT_MAX_BYTES, parseTrustedImport, type ImportProblem } from '@/lib/trust/trusted-import';
import { importProblemText, trustedErrorKey } from './trusted-text';

export function TrustedImport({ send, say }: { send(change: TrustedOp): Promise<WriteReply>; say(message: string): void }) {
  const [text, setText] = useState('');
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const writing = useRef(false);

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
      setText(await file.text());
      setProblems([]);
      say(t('trusted_import_file_loaded', [file.name]));
    } catch {
      setProblems([{ where: '', messageKey: 'trusted_import_read_error', text: '' }]);
    }
  };

  const onImport = async () => {
    if (writing.current) return;
    const parsed = parseTrustedImport(text, Date.now());
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    writing.current = true;
    const reply = await send({ op: 'import', list: parsed.list, mode });
    writing.current = false;
    if (!reply.ok) {
      setProblems([{ where: '', messageKey: trustedErrorKey(reply.error), text: '' }]);
      return;
    }
    setProblems([]);
    setText('');
    const count = String(reply.count ?? 0);
    say(mode === 'merge' ? t('trusted_import_merged', [count]) : t('trusted_import_replaced', [count]));
  };

  return (
    <div class="trusted-import block">
      <h3>{t('trusted_import_heading')}</h3>
      <p class="field-help">{t('trusted_import_help')}</p>
      <div class="field">
        <label for="trusted-import-file">{t('trusted_import_file_label')}</label>
        <input id="trusted-import-file" type="file" accept=".json,.txt,application/json,text/plain" onChange={(event) => void onFile(event)} />
      </div>
      <div class="field">
        <label for="trusted-import-text">{t('trusted_import_paste_label')}</label>
        <textarea id="trusted-import-text" rows={6} spellcheck={false} value={text} onInput={(event) => setText((event.target as HTMLTextAreaElement).value)} />
      </div>
      <fieldset>
        <legend>{t('trusted_import_mode_legend')}</legend>
        <label class="check">
          <input type="radio" name="trusted-import-mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} />
          <span>{t('trusted_import_mode_merge')}</span>
        </label>
        <label class="check">
          <input type="radio" name="trusted-import-mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} />
          <span>{t('trusted_import_mode_replace')}</span>
        </label>
      </fieldset>
      <button type="button" id="trusted-import-button" class="button-primary" onClick={() => void onImport()}>
        {t('trusted_import_button')}
      </button>
      {problems.length > 0 && (
        <div role="alert" class="status status-warn trusted-problems">
          <p>{t('trusted_import_refused')}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{importProblemText(problem)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
