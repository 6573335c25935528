// The on-page UI of the content script (see lib/guard/frame/frame-ui.ts), built as its own file and
// put by the background into the frame core's isolated world only when something is to be shown. Wiring only.
import { provideFrameUi } from '@/lib/guard/frame/frame-ui';
import { offerIdPhoto } from '@/lib/guard/frame/id-photo-offer';
import { showApkWarning } from '@/lib/notices/apk-warning';
import { showLoanNotice } from '@/lib/notices/loan-notice';
import { PromptHost } from '@/lib/prompt/host/prompt-host';

export default defineUnlistedScript(() => {
  provideFrameUi({ PromptHost, showLoanNotice, showApkWarning, offerIdPhoto });
});
