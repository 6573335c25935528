// Adding a trusted platform: what the user types is checked here first (a registrable domain, an IP
// or localhost), then sent to the background, which checks it again and writes it.
import { useRef, useState } from 'preact/hooks';
import { t } from '@/lib/locale/i18n';
import type { TrustedOp, WriteReply } from '@/lib/messages/write-messages';
import { domainToUnicode } from '@/lib/trust/site-identity';
import { normalizeTrustedInput, TRUSTED_NOTE_MAX } from '@/lib/trust/trusted-import';
import { trustedErrorKey } from './trusted-text';
import './trusted.css';

export function TrustedAddForm({ send, say }: { send(change: TrustedOp): Promise<WriteReply>; say(message: string): void }) {
  const [site, setSite] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const siteInput = useRef<HTMLInputElement>(null);
  const writing = useRef(false);

  const onAdd = async (event: Event) => {
    event.preventDefault();
    if (writing.current) return;
    const typed = site;
    const checked = normalizeTrustedInput(typed);
    if (!checked.ok) {
      setError(checked.messageKey);
      siteInput.current?.focus();
      return;
    }
    writing.current = true;
    const reply = await send({ op: 'add', site: typed, note });
    writing.current = false;
    siteInput.current?.focus();
    if (!reply.ok) {
      setError(trustedErrorKey(reply.error));
      return;
    }
    const display = domainToUnicode(checked.site);
    setError('');
    setSite('');
    setNote('');
    say(reply.count ? t('trusted_added', [display]) : t('trusted_already', [display]));
  };

  return (
    <form class="trusted-form" onSubmit={(event) => void onAdd(event)} noValidate>
      <label for="trusted-add-site">{t('trusted_add_label')}</label>
      <input
        id="trusted-add-site"
        ref={siteInput}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellcheck={false}
        value={site}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'trusted-add-error trusted-add-help' : 'trusted-add-help'}
        onInput={(event) => setSite((event.target as HTMLInputElement).value)}
      />
      <p id="trusted-add-error" class="status status-warn trusted-field-error trusted-wide" aria-live="polite">
        {error ? t(error) : ''}
      </p>
      <p id="trusted-add-help" class="muted trusted-wide">
        {t('trusted_add_help')}
      </p>
      <label for="trusted-add-note">{t('trusted_add_note_label')}</label>
      <input id="trusted-add-note" type="text" value={note} maxLength={TRUSTED_NOTE_MAX} onInput={(event) => setNote((event.target as HTMLInputElement).value)} />
      <div class="trusted-wide">
        <button type="submit" class="button-primary">
          {t('trusted_add_button')}
        </button>
      </div>
    </form>
  );
}
