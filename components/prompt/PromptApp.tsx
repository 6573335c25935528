// The in-page warning prompt (an extension page framed into the web page): reads the held request
// named in the URL fragment from storage.session, shows it, and sends the user's answer back.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PromptMessage } from '@/lib/messages/by-sender';
import { holdIdSchema, type Hold, type UserDecision } from '@/lib/messages/guard-messages';
import { t, uiLanguage } from '@/lib/locale/i18n';
import { readHold } from '@/lib/prompt/hold-read';
import { PromptDialog } from './PromptDialog';

type State = { phase: 'loading' } | { phase: 'ready'; hold: Hold } | { phase: 'expired' } | { phase: 'error' };

/** `#<holdId>` → the hold id, or null when the fragment is not a well-formed id. */
export function holdIdFromHash(hash: string): string | null {
  const parsed = holdIdSchema.safeParse(hash.replace(/^#/, ''));
  return parsed.success ? parsed.data : null;
}

const send = (message: PromptMessage) =>
  browser.runtime.sendMessage(message) as Promise<unknown>;

const isRefusal = (reply: unknown): boolean =>
  typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === false;

export interface PromptAppProps {
  /** `location.hash` of the prompt page. */
  hash: string;
  /** Test seam, passed through to PromptDialog (see there); never set in the extension. */
  isTrustedEvent?: (event: Event) => boolean;
}

export function PromptApp({ hash, isTrustedEvent }: PromptAppProps) {
  const holdId = holdIdFromHash(hash);
  const [state, setState] = useState<State>({ phase: 'loading' });

  useEffect(() => {
    try {
      document.documentElement.lang = uiLanguage();
    } catch {
      // Unit tests' fakeBrowser has no UI language; the page keeps its default.
    }
    if (!holdId) {
      if (hash !== '' && hash !== '#') setState({ phase: 'expired' });
      return;
    }
    void (async () => {
      try {
        // Read straight from storage.session (extension pages may; web pages may not).
        const hold = await readHold(holdId);
        setState(hold && hold.holdId === holdId ? { phase: 'ready', hold } : { phase: 'expired' });
      } catch {
        setState({ phase: 'error' });
      }
    })();
  }, [holdId]);

  // Loaded ahead of time, no hold named yet: nothing to show.
  if (hash === '' || hash === '#') return null;
  if (state.phase === 'ready' && holdId) {
    return (
      <PromptDialog
        hold={state.hold}
        isTrustedEvent={isTrustedEvent}
        onDecision={async (decision: UserDecision) => {
          const reply = await send({ type: 'hold-decision', holdId, decision });
          // The background answers { ok: false } when the hold is gone (expired, or the tab moved on).
          if (isRefusal(reply)) setState({ phase: 'expired' });
        }}
        onObscured={() => {
          // Best effort: if the background is gone there is nobody to raise the prompt anyway.
          send({ type: 'prompt-obscured', holdId }).catch(() => undefined);
        }}
      />
    );
  }
  return (
    <div class="prompt prompt-notice" role="status">
      <p class="prompt-brand">{t('extName')}</p>
      <p>{state.phase === 'loading' ? t('loading') : state.phase === 'expired' ? t('promptExpired') : t('promptLoadError')}</p>
    </div>
  );
}
