// The warning shown when a detected loan page starts downloading an Android app: such apps often
// read the address book and message the user's contacts. Cancel is the default; only a real
// (trusted) click or key press can start the download.
import { createOverlayHost } from './overlay-host';

export interface ApkWarningText {
  title: string;
  body: string;
  file: string;
  cancel: string;
  proceed: string;
}

/** Shows the warning; `onAnswer(true)` = download anyway. Returns a function that removes it. */
export function showApkWarning(doc: Document, text: ApkWarningText, onAnswer: (download: boolean) => void): () => void {
  const overlay = createOverlayHost(doc, {
    left: 'auto',
    top: '16px',
    right: '16px',
    bottom: 'auto',
    width: 'min(400px, calc(100vw - 32px))',
    height: 'auto',
  });
  const box = doc.createElement('div');
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-modal', 'true');
  box.setAttribute('aria-labelledby', 'lg-apk-title');
  box.setAttribute('aria-describedby', 'lg-apk-body');
  const title = doc.createElement('h2');
  title.id = 'lg-apk-title';
  title.textContent = text.title;
  const body = doc.createElement('p');
  body.id = 'lg-apk-body';
  body.textContent = text.body;
  const file = doc.createElement('p');
  file.className = 'file';
  file.textContent = text.file;
  const actions = doc.createElement('div');
  actions.className = 'actions';
  const button = (label: string, answer: boolean, primary: boolean): HTMLButtonElement => {
    const el = doc.createElement('button');
    el.type = 'button';
    el.textContent = label;
    el.dataset.apkAnswer = answer ? 'download' : 'cancel';
    if (primary) el.className = 'primary';
    el.addEventListener('click', (event) => {
      // A page script can dispatch clicks at this button; only the user's own count.
      if (!event.isTrusted) return;
      remove();
      onAnswer(answer);
    });
    return el;
  };
  const cancel = button(text.cancel, false, true);
  actions.append(cancel, button(text.proceed, true, false));
  const style = doc.createElement('style');
  style.textContent = `
    div[role=alertdialog] { font: 14px/1.45 system-ui, sans-serif; background: #fff7ed; color: #7c2d12;
      border: 2px solid #ea580c; border-radius: 12px; padding: 14px 16px; box-shadow: 0 8px 32px rgba(0,0,0,.3); }
    h2 { font-size: 16px; margin: 0 0 6px; }
    p { margin: 0 0 8px; }
    .file { font-family: ui-monospace, monospace; font-size: 12px; word-break: break-all; }
    .actions { display: flex; gap: 8px; justify-content: flex-end; }
    button { font: inherit; border-radius: 8px; padding: 6px 12px; border: 1px solid #9a3412; background: transparent;
      color: inherit; cursor: pointer; }
    button.primary { background: #c2410c; color: #fff; border-color: #c2410c; }
    button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
    @media (prefers-color-scheme: dark) {
      div[role=alertdialog] { background: #431407; color: #fed7aa; border-color: #f97316; }
      button { border-color: #fdba74; }
    }`;
  box.append(title, body, file, actions);
  overlay.root.append(style, box);
  overlay.ensure();
  cancel.focus();
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && event.isTrusted) {
      remove();
      onAnswer(false);
    }
  };
  box.addEventListener('keydown', onKey);
  const remove = (): void => overlay.remove();
  return remove;
}
