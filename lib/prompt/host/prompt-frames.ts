// The guard's prompts on a page: one extension-origin iframe per held destination, hosted in an
// overlay the page can't read or cover. The buttons live inside the iframe, out of the page's
// reach; while a request is held, a watchdog keeps the prompt attached, styled and on top.
import { createOverlayHost, type OverlayHost } from '@/lib/notices/overlay-host';

const WATCHDOG_MS = 400;

interface PromptOverlay {
  overlay: OverlayHost;
  frame: HTMLIFrameElement;
  loaded: boolean;
}

export class PromptFrames {
  private readonly open = new Map<string, OverlayHost>();
  /** A prompt page loaded ahead of time, hidden, so showing a prompt needs no new frame. */
  private spare: PromptOverlay | undefined;
  private observer: MutationObserver | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly promptUrl: (holdId: string) => string,
  ) {}

  private create(src: string): PromptOverlay {
    const overlay = createOverlayHost(this.doc, {
      top: `${16 + this.open.size * 24}px`,
      right: '16px',
      left: 'auto',
      bottom: 'auto',
      width: 'min(440px, calc(100vw - 32px))',
      height: 'min(400px, calc(100vh - 32px))',
    });
    const frame = this.doc.createElement('iframe');
    frame.src = src;
    frame.title = 'LoanGuard';
    frame.setAttribute('allow', '');
    frame.style.cssText =
      'width:100%;height:100%;border:0;border-radius:12px;box-shadow:0 12px 40px rgba(0,0,0,.35);background:transparent;color-scheme:normal;display:block';
    overlay.root.appendChild(frame);
    const created: PromptOverlay = { overlay, frame, loaded: false };
    frame.addEventListener('load', () => (created.loaded = true), { once: true });
    return created;
  }

  /** Load a hidden prompt page now, while the user is still typing, for a fast prompt later. */
  prewarm(): void {
    if (this.spare || this.open.size > 0) return;
    this.spare = this.create(this.promptUrl(''));
    this.spare.overlay.park();
  }

  show(holdId: string): void {
    if (this.open.has(holdId)) return;
    // Only a spare that has finished loading can be reused: re-pointing a frame mid-load loses it.
    const spare = this.spare?.loaded && this.spare.overlay.host.isConnected ? this.spare : undefined;
    if (!spare) this.spare?.overlay.remove();
    this.spare = undefined;
    const { overlay, frame } = spare ?? this.create(this.promptUrl(holdId));
    // Re-pointing the spare reloads the page (an extension frame in a web page), but into a
    // renderer process that is already running, which is the part worth doing ahead of time.
    if (spare) frame.src = this.promptUrl(holdId);
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
    this.spare?.overlay.remove();
    this.spare = undefined;
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
