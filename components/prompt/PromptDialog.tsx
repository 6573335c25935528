// The in-page warning itself: what is about to leave, where to, why it matters, and the three answers.
// Guards the answers against clickjacking (visibility gate) and against scripted events (isTrusted).
import { Fragment, type ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Hold, UserDecision } from '@/lib/messages/guard-messages';
import { isAccessKind } from '@/lib/types';
import { kindLabel, t } from '@/lib/locale/i18n';
import { ReasonList } from '@/components/shared/ReasonList';
import { useVisibilityGate } from './useVisibilityGate';

/** Production rule: only events the browser made from real user input count as an answer. */
export const browserTrustedOnly = (event: Event): boolean => event.isTrusted === true;

export interface PromptDialogProps {
  hold: Hold;
  /** Other held requests (to other sites) waiting behind this one. */
  more?: number;
  /** The host sees the prompt shown as drawn (not zoomed, clipped, covered…): the send buttons may unlock. */
  safe?: boolean;
  /** The answer could not be delivered (the background is restarting): the user can answer again. */
  failed?: boolean;
  /** Pass the answer on; a rejection lets the user answer again. */
  onDecision: (decision: UserDecision) => Promise<void>;
  /** The page has covered the dialog. */
  onObscured: () => void;
  /**
   * Test seam only: happy-dom cannot create trusted events, so tests swap in a predicate to drive the
   * accepted path. The entry point never passes it, so the extension always uses browserTrustedOnly.
   */
  isTrustedEvent?: (event: Event) => boolean;
}

const MAX_REASONS = 3;
/** Private-use markers: let a translated sentence keep its word order while the site names get styled. */
const marker = (index: number) => `\uE000${index}\uE001`;
const MARKER_RE = /\uE000(\d)\uE001/;

/**
 * A message with its substitutions rendered as elements (e.g. the site name in bold). `text` is a
 * literal t("…", subs) call so the locale test still sees which keys the UI uses.
 */
function Message({ text, parts }: { text: (subs: string[]) => string; parts: ComponentChildren[] }) {
  const pieces = text(parts.map((_, index) => marker(index))).split(MARKER_RE);
  // split() with one capture group alternates text and marker indexes.
  return (
    <>
      {pieces.map((piece, index) => (
        <Fragment key={index}>{index % 2 === 1 ? parts[Number(piece)] : piece}</Fragment>
      ))}
    </>
  );
}

const Site = ({ name }: { name: string }) => (
  <bdi class="prompt-site">{name}</bdi>
);

export function PromptDialog({ hold, more = 0, safe = true, failed = false, onDecision, onObscured, isTrustedEvent = browserTrustedOnly }: PromptDialogProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [phase, setPhase] = useState<'asking' | 'answering' | 'failed'>('asking');
  // A ref, not state: two clicks in the same frame must not both get through.
  const answering = useRef(false);
  const gate = useVisibilityGate(rootRef, phase !== 'answering', safe, onObscured);
  // A performance mark when the question is on screen: the benchmark measures click → prompt with it.
  useEffect(() => {
    performance.mark('loanguard:prompt-shown');
  }, []);

  const answer = (decision: UserDecision, event: Event) => {
    if (!isTrustedEvent(event) || answering.current) return;
    // Re-check the gate at click time: the disabled attribute may lag a render behind.
    if (decision !== 'cancelled' && !gate.isOpenNow()) return;
    answering.current = true;
    setPhase('answering');
    onDecision(decision).catch(() => {
      answering.current = false;
      setPhase('failed');
    });
  };

  // Keyboard: Escape = Don't send; Tab stays on the enabled buttons. On the document, so it works
  // wherever focus is inside this frame.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        answer('cancelled', event);
      } else if (event.key === 'Tab') {
        const buttons = [...(rootRef.current?.querySelectorAll('button') ?? [])].filter((button) => !button.disabled);
        if (buttons.length === 0) return;
        event.preventDefault();
        const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
        const next = event.shiftKey ? (at <= 0 ? buttons.length - 1 : at - 1) : (at + 1) % buttons.length;
        buttons[next]!.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  // The safe answer has the keyboard once the frame has it (the host hands it over when the user
  // submits, or stops typing and leaves the field; taking it from here would steal a typist's
  // keystrokes), and again whenever the gate disables the button that had focus.
  useEffect(() => {
    const focusSafe = (): void => {
      const focused = document.activeElement;
      if (!(focused instanceof HTMLButtonElement && !focused.disabled)) cancelRef.current?.focus();
    };
    if (document.hasFocus() && !gate.open) focusSafe();
    addEventListener('focus', focusSafe);
    return () => removeEventListener('focus', focusSafe);
  }, [gate.open]);

  const { destination, page } = hold;
  const crossSite = destination.site !== page.site;
  // The page asked the browser for contacts, camera, location or the clipboard: say what and why lenders ask.
  const access = hold.route === 'permission';
  const busy = phase === 'answering';
  const locked = busy || !gate.open;
  return (
    <div
      ref={rootRef}
      class="prompt"
      role="alertdialog"
      data-safe={String(safe)}
      data-gate={gate.open ? 'open' : 'closed'}
      aria-modal="true"
      aria-labelledby="prompt-title"
      aria-describedby="prompt-where prompt-hint"
      onPointerDownCapture={gate.pressed}
    >
      <header class="prompt-head">
        <p class="prompt-brand">{t('extName')}</p>
        <h1 id="prompt-title">
          <Message text={(subs) => t(access ? 'promptAccessTitle' : 'promptTitle', subs)} parts={[<Site name={destination.display} />]} />
        </h1>
      </header>
      <div class="prompt-body">
        {access ? (
          <p id="prompt-where">{t('promptAccessWhere')}</p>
        ) : (
          <p id="prompt-where">
            {crossSite ? (
              <Message
                text={(subs) => t('promptCrossSite', subs)}
                parts={[<bdi>{page.display}</bdi>, <Site name={destination.display} />]} />
            ) : (
              <Message text={(subs) => t('promptSameSite', subs)} parts={[<Site name={destination.display} />]} />
            )}{' '}
            {hold.route === 'form' ? t('promptRouteForm') : t('promptRouteBackground')}
          </p>
        )}
        <ul class="prompt-items" aria-label={t(access ? 'promptAccessItemsHeading' : 'promptItemsHeading')}>
          {hold.items.map((item, index) =>
            isAccessKind(item.kind) ? (
              <li key={item.fieldKey ?? index} data-field={item.fieldKey} data-access={item.kind}>
                <span class="kind">{kindLabel(item.kind)}</span>
                <div class="muted">{t(`promptAccessWhy_${item.kind}`)}</div>
              </li>
            ) : (
              <li key={item.fieldKey ?? index} data-field={item.fieldKey}>
                <span class="kind">{kindLabel(item.kind)}</span> <bdi dir="ltr" class="masked">{item.masked}</bdi>
                {item.country && <span class="tag">{item.country}</span>}
              </li>
            ),
          )}
        </ul>
        <div class={`status ${hold.isLoanPage ? 'status-warn' : 'status-none'}`} data-loan={String(hold.isLoanPage)}>
          <strong>{hold.isLoanPage ? t('promptLoan') : t('promptNotLoan')}</strong>
          <ReasonList reasons={hold.loanReasons.slice(0, MAX_REASONS)} label={t('whyPage')} />
        </div>
        <p id="prompt-hint" class="muted">
          {t(access ? 'promptAccessHint' : 'promptHint')}
        </p>
      </div>
      <footer class="prompt-foot">
        {(phase === 'failed' || failed) && <p role="alert">{t('promptSendError')}</p>}
        {more > 0 && <p class="muted">{t('promptMore', String(more))}</p>}
        {!busy && !gate.open && <p class="prompt-wait muted">{safe ? t('promptWaitVisible') : t('promptUnsafe')}</p>}
        <div class="prompt-actions">
          <button
            ref={cancelRef}
            type="button"
            class="primary"
            data-decision="cancelled"
            disabled={busy}
            onClick={(event) => answer('cancelled', event)}
          >
            {t(access ? 'promptAccessCancel' : 'promptCancel')}
          </button>
          <button type="button" data-decision="sent-once" disabled={locked} onClick={(event) => answer('sent-once', event)}>
            {t(access ? 'promptAccessOnce' : 'promptSendOnce')}
          </button>
          <button
            type="button"
            data-decision="trusted"
            disabled={locked}
            title={t('promptTrustDetail', destination.display)}
            onClick={(event) => answer('trusted', event)}
          >
            {t('promptTrust')}
          </button>
        </div>
      </footer>
    </div>
  );
}
