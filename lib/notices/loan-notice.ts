// Passive mode: on a detected loan page that isn't trusted, a small notice says so before anything
// is typed. Informational only (no decision lives here), dismissible, shown once per page.
import { createCornerCard } from './overlay-host';

export interface LoanNoticeText {
  message: string;
  dismiss: string;
}

export function showLoanNotice(doc: Document, text: LoanNoticeText): () => void {
  const { overlay, box } = createCornerCard(doc, text.message);
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', text.dismiss);
  close.title = text.dismiss;
  const style = doc.createElement('style');
  style.textContent = `
    div { display: flex; gap: 8px; align-items: flex-start; font: 13px/1.45 system-ui, sans-serif;
      background: #fff7ed; color: #7c2d12; border: 1px solid #fdba74; border-radius: 10px;
      padding: 10px 12px; box-shadow: 0 6px 24px rgba(0,0,0,.2); }
    p { margin: 0; flex: 1; }
    button { font: inherit; font-size: 18px; line-height: 1; border: 0; background: transparent;
      color: inherit; cursor: pointer; padding: 0 4px; }
    button:focus-visible { outline: 2px solid #c2410c; border-radius: 4px; }
    @media (prefers-color-scheme: dark) { div { background: #431407; color: #fed7aa; border-color: #9a3412; } }`;
  box.append(close);
  overlay.root.append(style, box);
  overlay.ensure();
  const remove = (): void => overlay.remove();
  close.addEventListener('click', remove);
  return remove;
}
