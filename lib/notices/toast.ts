// A short confirmation in the page's corner after the user answered ("Stopped. Nothing was sent to
// x.example." / "x.example is now trusted. Undo"), or after the backstop stopped something. It
// fades by itself; its one button (Undo) counts only the user's own click. Content script, top frame.
import { createCornerCard } from './overlay-host';

export interface ToastText {
  message: string;
  /** A button label and what it does (e.g. Undo); omitted for a plain message. */
  action?: { label: string; run: () => void };
  dismiss: string;
}

/** How long the toast stays before it fades. */
export const TOAST_MS = 6_000;

export function showToast(doc: Document, text: ToastText, durationMs = TOAST_MS): () => void {
  const { overlay, box } = createCornerCard(doc, text.message);
  const remove = (): void => {
    clearTimeout(timer);
    overlay.remove();
  };
  const button = (label: string, onClick: () => void, primary: boolean): HTMLButtonElement => {
    const el = doc.createElement('button');
    el.type = 'button';
    el.textContent = label;
    if (primary) el.className = 'primary';
    el.addEventListener('click', (event) => {
      // A page script can dispatch clicks at this button; only the user's own count.
      if (!event.isTrusted) return;
      remove();
      onClick();
    });
    return el;
  };
  const actions = doc.createElement('div');
  actions.className = 'actions';
  if (text.action) actions.append(button(text.action.label, text.action.run, true));
  actions.append(button(text.dismiss, () => undefined, false));
  box.append(actions);
  const style = doc.createElement('style');
  style.textContent = `
    div[role=status] { font: 14px/1.45 system-ui, sans-serif; background: #111827; color: #f9fafb; border-radius: 12px;
      padding: 12px 14px; box-shadow: 0 8px 28px rgba(0,0,0,.35); display: flex; gap: 12px; align-items: center;
      flex-wrap: wrap; animation: lg-in .15s ease-out; }
    p { margin: 0; flex: 1 1 180px; }
    .actions { display: flex; gap: 8px; }
    button { font: inherit; border-radius: 8px; padding: 6px 12px; border: 1px solid #9ca3af; background: transparent;
      color: inherit; cursor: pointer; min-height: 36px; }
    button.primary { background: #f9fafb; color: #111827; border-color: #f9fafb; font-weight: 600; }
    button:focus-visible { outline: 3px solid #93c5fd; outline-offset: 2px; }
    @keyframes lg-in { from { opacity: 0; transform: translateY(8px); } }
    @media (prefers-reduced-motion: reduce) { div[role=status] { animation: none; } }`;
  overlay.root.append(style, box);
  overlay.ensure();
  const timer = setTimeout(remove, durationMs);
  return remove;
}
