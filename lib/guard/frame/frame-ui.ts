// What a frame shows on the page — the tab's prompt host (top frame), the loan notice, the app
// download warning, toasts, the offer to mark an ID picture — built as its own file (frame-ui.js) and loaded for the frame core only
// when something is to be shown: a frame with inputs that never shows anything never parses it.
import type { PromptHost } from '@/lib/prompt/host/prompt-host';
import type { showApkWarning } from '@/lib/notices/apk-warning';
import type { showLoanNotice } from '@/lib/notices/loan-notice';
import type { offerIdPhoto } from './id-photo-offer';
import { loadFramePart } from './frame-parts';

export interface FrameUi {
  PromptHost: typeof PromptHost;
  showLoanNotice: typeof showLoanNotice;
  showApkWarning: typeof showApkWarning;
  /** A held picture for an ID-document field: the offer to mark it, then the page gets the user's choice. */
  offerIdPhoto: typeof offerIdPhoto;
}

type UiScope = { loanGuardFrameUi?: FrameUi };

let loading: Promise<FrameUi> | undefined;

/** The UI module, loaded once; a failed load (the extension updating) is tried again next time. */
export function loadFrameUi(): Promise<FrameUi> {
  return (loading ??= loadFramePart('ui').then(
    () => {
      const ui = (globalThis as UiScope).loanGuardFrameUi;
      if (!ui) throw new Error('frame-ui.js did not load');
      return ui;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

/** Called by entrypoints/frame-ui.ts once it runs. */
export function provideFrameUi(ui: FrameUi): void {
  (globalThis as UiScope).loanGuardFrameUi = ui;
}
