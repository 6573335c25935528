// "Help after a leak" → complaint letter: pre-filled from the log for the chosen site, to the platform
// or to an office of the chosen country, editable, copied or saved as a text file. Nothing is sent.
import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage } from '@/lib/locale/i18n';
import { complaintLetter, letterDates, letterFacts, letterOffices, type LetterFacts } from '@/lib/help/complaint-letter';
import type { ShareEvent } from '@/lib/log/share-event';
import { domainToUnicode } from '@/lib/trust/site-identity';
import { saveBlobAs } from '@/components/shared/save-file';

export interface ComplaintLetterProps {
  site: string;
  /** Country code of the offices (REPORTING_COUNTRIES) or 'other'. */
  country: string;
  /** The log's events that went, or tried to go, to `site`. */
  loadEvents(site: string): Promise<readonly ShareEvent[]>;
  now?: () => number;
}

const PLATFORM = 'platform';

export function ComplaintLetter({ site, country, loadEvents, now = Date.now }: ComplaintLetterProps) {
  const [facts, setFacts] = useState<LetterFacts | null | 'loading'>('loading');
  const offices = letterOffices(country);
  const [chosen, setChosen] = useState<string>(PLATFORM);
  const office = offices.find((channel) => channel.id === chosen);
  const recipientId = office ? office.id : PLATFORM;
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    let live = true;
    setFacts('loading');
    loadEvents(site).then(
      (events) => live && setFacts(letterFacts(events, site)),
      () => live && setFacts(null),
    );
    return () => {
      live = false;
    };
  }, [site]);

  // A new site or recipient writes a new letter (the user's edits belong to the previous one).
  useEffect(() => {
    if (facts === 'loading' || facts === null) return;
    setStatus('');
    setText(
      complaintLetter(
        { ...facts, site: domainToUnicode(facts.site) },
        {
          recipient: office ? { to: 'office', channel: office } : { to: 'platform' },
          lookup: t,
          dates: letterDates(uiLanguage()),
          now: now(),
        },
      ),
    );
  }, [facts, recipientId]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('letter_copied'));
    } catch {
      setStatus(t('letter_copy_failed'));
    }
  };
  const save = () => saveBlobAs(new Blob([text], { type: 'text/plain;charset=utf-8' }), `loanguard-letter-${site}-${recipientId}.txt`);

  return (
    <div class="complaint-letter">
      <h3 id="letter-heading">{t('letter_heading')}</h3>
      <p class="muted">{t('letter_intro')}</p>
      {facts === 'loading' ? (
        <p class="muted">{t('letter_loading')}</p>
      ) : facts === null ? (
        <p class="muted">{t('letter_empty')}</p>
      ) : (
        <>
          <div class="field">
            <label for="letter-recipient">{t('letter_recipient_label')}</label>
            <select id="letter-recipient" value={recipientId} onChange={(event) => setChosen((event.target as HTMLSelectElement).value)}>
              <option value={PLATFORM}>{t('letter_recipient_platform', [domainToUnicode(site)])}</option>
              {offices.map((channel) => (
                <option key={channel.id} value={channel.id}>
                  {channel.name ?? t(channel.nameKey ?? '')}
                </option>
              ))}
            </select>
          </div>
          <div class="field letter-field">
            <label for="letter-text">{t('letter_text_label')}</label>
            <textarea id="letter-text" class="letter-text" rows={18} value={text} onInput={(event) => setText((event.target as HTMLTextAreaElement).value)} />
          </div>
          <p class="actions">
            <button type="button" class="button-primary letter-copy" onClick={() => void copy()}>
              {t('letter_copy')}
            </button>
            <button type="button" class="letter-save" onClick={save}>
              {t('letter_save')}
            </button>
            <span class="muted letter-status" role="status" aria-live="polite">
              {status}
            </span>
          </p>
        </>
      )}
    </div>
  );
}
