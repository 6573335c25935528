// Holds a picture picked for a field on a lender's page the user has not trusted, before the page's
// own code sees it: the window's capture listeners run first, so the page's input/change handlers
// are stopped and the field is emptied at once. The rest — does the field ask for an ID document
// (the background reads its words), the offer to mark the picture, giving the page what the user
// chose — loads with the on-page UI (lib/guard/frame/id-photo-offer.ts), only when a file is picked.
import { describeIdUpload } from '@/lib/detect/id-upload';
import type { FrameUi } from './frame-ui';

export interface IdUploadHoldEnvironment {
  /** Whether a pick here is held at all: a page known as a lender's, on a site not trusted. */
  applies(): boolean;
  send(message: unknown): Promise<unknown>;
  loadUi(): Promise<FrameUi>;
}

/** Starts holding picks in `win`; returns a function that stops. */
export function holdIdUploads(doc: Document, win: Window, env: IdUploadHoldEnvironment): () => void {
  const held = new WeakSet<HTMLInputElement>();
  const onPick = (event: Event): void => {
    const input = event.composedPath()[0];
    if (!event.isTrusted || !(input instanceof HTMLInputElement) || input.type !== 'file') return;
    // The change event that follows the held input event: the page must not see it either.
    if (held.has(input)) return event.stopImmediatePropagation();
    const files = [...(input.files ?? [])];
    const field = files.length > 0 && env.applies() ? describeIdUpload(input) : null;
    if (!field) return;
    event.stopImmediatePropagation();
    held.add(input);
    input.files = new DataTransfer().files;
    const done = (): void => void held.delete(input);
    // The UI failing to load (the extension updating) leaves the field empty: a new pick is handled anew.
    void env.loadUi().then((ui) => ui.offerIdPhoto(doc, input, files, field, { send: env.send, done }), done);
  };
  for (const type of ['input', 'change']) win.addEventListener(type, onPick, true);
  return () => {
    for (const type of ['input', 'change']) win.removeEventListener(type, onPick, true);
  };
}
