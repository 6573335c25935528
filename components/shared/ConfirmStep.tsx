// The inline "are you sure" step before anything is deleted: says what goes and how much; focus
// starts on the safe choice, Escape cancels.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/locale/i18n';

export interface ConfirmRequest {
  /** Where the step is shown, e.g. `entry:<id>`, `site`, `all`. */
  anchor: string;
  message: string;
  confirmLabel: string;
}

export function ConfirmStep({ request, busy, onConfirm, onCancel }: { request: ConfirmRequest; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Layout effect: focus moves as the step appears, so nothing (a keypress, a test) sees it unfocused.
  useLayoutEffect(() => cancelRef.current?.focus(), []);
  const messageId = `confirm-${request.anchor.replace(/[^a-z0-9_-]/gi, '_')}`;
  return (
    <div
      class="status status-warn logman-confirm"
      role="group"
      aria-labelledby={messageId}
      data-confirm={request.anchor}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p id={messageId}>{request.message}</p>
      <div class="actions">
        <button type="button" class="button-danger" data-confirm-yes disabled={busy} onClick={onConfirm}>
          {request.confirmLabel}
        </button>
        <button type="button" data-confirm-no ref={cancelRef} disabled={busy} onClick={onCancel}>
          {t('logman_confirm_cancel')}
        </button>
      </div>
    </div>
  );
}
