// The offer shown when a picture is picked for a field that asks for an ID document on a lender's
// page not trusted: the page has not got the file yet. "Add a mark" (the default) draws the
// endorsement across it first — the user sees it and can change the purpose; "Send as is" gives the
// page the original; "Don't attach" gives it nothing. Only the user's own (trusted) clicks and keys
// count; a file that can't be marked (a PDF) offers the other two with a warning.
import { drawMarked } from '@/lib/help/id-mark-draw';
import { createOverlayHost } from './overlay-host';

export type IdOfferChoice = 'marked' | 'as-is' | 'not-attached';

export interface IdOfferText {
  title: string;
  body: string;
  purposeLabel: string;
  /** The purpose written in the mark by default (editable). */
  purpose: string;
  /** The whole endorsement for a purpose, as drawn. */
  markText(purpose: string): string;
  previewLabel: string;
  /** Said when the picked file can't be marked (PDF, unreadable picture), else empty. */
  cannotMark: string;
  mark: string;
  asIs: string;
  none: string;
}

/**
 * Shows the offer for `image` (a decoded picture, or null when it can't be marked); `onAnswer` gets
 * the choice and the endorsement to draw. Returns a function that removes it.
 */
export function showIdOffer(doc: Document, image: ImageBitmap | null, text: IdOfferText, onAnswer: (choice: IdOfferChoice, mark: string) => void): () => void {
  const overlay = createOverlayHost(doc, {
    left: 'auto',
    top: '16px',
    right: '16px',
    bottom: 'auto',
    width: 'min(420px, calc(100vw - 32px))',
    height: 'auto',
  });
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] =>
    Object.assign(doc.createElement(tag), props);
  const box = make('div', { className: 'offer' });
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-modal', 'true');
  box.setAttribute('aria-labelledby', 'lg-id-title');
  box.setAttribute('aria-describedby', 'lg-id-body');
  const title = make('h2', { id: 'lg-id-title', textContent: text.title });
  const body = make('p', { id: 'lg-id-body', textContent: text.body });
  box.append(title, body);

  const purpose = make('input', { id: 'lg-id-purpose', type: 'text', value: text.purpose });
  const canvas = make('canvas', { className: 'preview' });
  const draw = (): void => {
    if (!image) return;
    drawMarked(canvas, image, text.markText(purpose.value));
    canvas.setAttribute('aria-label', `${text.previewLabel} ${text.markText(purpose.value)}`);
  };
  if (image) {
    canvas.setAttribute('role', 'img');
    purpose.addEventListener('input', (event) => {
      if (event.isTrusted) draw();
    });
    box.append(make('label', { htmlFor: 'lg-id-purpose', textContent: text.purposeLabel }), purpose, canvas);
    draw();
  } else {
    box.append(make('p', { className: 'warn', textContent: text.cannotMark }));
  }

  const actions = make('div', { className: 'actions' });
  const button = (label: string, choice: IdOfferChoice, primary: boolean): HTMLButtonElement => {
    const el = make('button', { type: 'button', textContent: label, className: primary ? 'primary' : '' });
    el.dataset.idOffer = choice;
    el.addEventListener('click', (event) => {
      // A page script can dispatch clicks at this button; only the user's own count.
      if (!event.isTrusted) return;
      remove();
      onAnswer(choice, text.markText(purpose.value));
    });
    return el;
  };
  const first = image ? button(text.mark, 'marked', true) : button(text.none, 'not-attached', true);
  actions.append(first, ...(image ? [button(text.asIs, 'as-is', false), button(text.none, 'not-attached', false)] : [button(text.asIs, 'as-is', false)]));
  box.append(actions);

  const style = make('style', {
    textContent: `
    .offer { font: 14px/1.45 system-ui, sans-serif; background: #fff7ed; color: #7c2d12; border: 2px solid #ea580c;
      border-radius: 12px; padding: 14px 16px; box-shadow: 0 8px 32px rgba(0,0,0,.3); max-height: calc(100vh - 48px); overflow: auto; }
    h2 { font-size: 16px; margin: 0 0 6px; }
    p { margin: 0 0 8px; }
    .warn { font-weight: 600; }
    label { display: block; font-weight: 600; margin: 4px 0 2px; }
    input { font: inherit; width: 100%; box-sizing: border-box; padding: 6px 8px; border: 1px solid #9a3412; border-radius: 8px;
      background: #fff; color: #111; }
    .preview { display: block; width: 100%; height: auto; max-height: 40vh; object-fit: contain; margin: 8px 0; border-radius: 6px; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; }
    button { font: inherit; border-radius: 8px; padding: 8px 12px; min-height: 40px; border: 1px solid #9a3412; background: transparent;
      color: inherit; cursor: pointer; }
    button.primary { background: #c2410c; color: #fff; border-color: #c2410c; }
    :is(button, input):focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
    @media (prefers-color-scheme: dark) {
      .offer { background: #431407; color: #fed7aa; border-color: #f97316; }
      button, input { border-color: #fdba74; }
    }`,
  });
  overlay.root.append(style, box);
  overlay.ensure();
  first.focus();
  const remove = (): void => {
    overlay.remove();
    image?.close();
  };
  // Escape: nothing is attached (the careful answer; the user can pick the file again).
  box.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !event.isTrusted) return;
    remove();
    onAnswer('not-attached', text.markText(purpose.value));
  });
  return remove;
}
