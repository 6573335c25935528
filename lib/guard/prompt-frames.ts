// The guard's prompts on a page: one extension-origin iframe per held destination, hosted in an
// overlay the page can't read or cover. The buttons live inside the iframe, out of the page's
// reach; while a request is held, a watchdog keeps the prompt attached, styled and on top.
import { createOverlayHost, type OverlayHost } from './overlay-host';

const WATCHDOG_MS = 400;

export class PromptFrames {
  private readonly open = new Map<string, OverlayHost>();
  private observer: MutationObserver | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly promptUrl: (holdId: string) => string,
  ) {}

  show(holdId: string): void {
    if (this.open.has(holdId)) return;
    const index = this.open.size;
    const overlay = createOverlayHost(this.doc, {
      top: `${16 + index * 24}px`,
      right: '16px',
      left: 'auto',
      bottom: 'auto',
      width: 'min(440px, calc(100vw - 32px))',
      height: 'min(400px, calc(100vh - 32px))',
    });
    const frame = this.doc.createElement('iframe');
    frame.src = this.promptUrl(holdId);
    frame.title = 'LoanGuard';
    frame.setAttribute('allow', '');
    frame.style.cssText =
      'width:100%;height:100%;border:0;border-radius:12px;box-shadow:0 12px 40px rgba(0,0,0,.35);background:transparent;color-scheme:normal;display:block';
    overlay.root.appendChild(frame);
    overlay.ensure();
    this.open.set(holdId, overlay);
    // Keyboard users land on the prompt (its "Don't send" button takes focus inside).
    frame.focus();
    this.startWatchdog();
    this.observer?.observe(overlay.host, { attributes: true });
  }

  /** Bring a prompt back on top (the prompt reported it was covered or hidden). */
  raise(holdId: string): void {
    this.open.get(holdId)?.ensure(true);
  }

  remove(holdId: string): void {
    this.open.get(holdId)?.remove();
    this.open.delete(holdId);
    if (this.open.size === 0) this.stopWatchdog();
  }

  removeAll(): void {
    for (const holdId of [...this.open.keys()]) this.remove(holdId);
  }

  private check = (): void => {
    for (const overlay of this.open.values()) overlay.ensure();
  };

  private startWatchdog(): void {
    if (this.observer) return;
    // Removal or restyling is repaired at once; the timer also catches popover/state changes.
    this.observer = new MutationObserver(this.check);
    this.observer.observe(this.doc.documentElement, { childList: true });
    this.timer = setInterval(this.check, WATCHDOG_MS);
  }

  private stopWatchdog(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
