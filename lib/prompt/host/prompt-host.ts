// The tab's one prompt, hosted by the top frame: an extension-origin iframe (the page can't script
// it) in an overlay the page can't read or cover (closed shadow root, top layer, watchdog), loaded
// ahead of time so a question appears at once — the background hands the held request to the
// prompt page directly, without reloading it. The host sizes the frame to its content (the prompt
// page reports its height) in device pixels, so it is readable on a phone page without a viewport
// tag; checks that the page isn't shrinking, hiding or covering it (the prompt stays locked while it
// is); keeps the keyboard with the user while they type; and says what happened after an answer.
import { createOverlayHost, type OverlayHost } from '@/lib/notices/overlay-host';
import { showToast } from '@/lib/notices/toast';
import type { HoldEndedMessage } from '@/lib/messages/to-content';
import { checkPromptGeometry, type Geometry } from './prompt-geometry';
import { isTypable } from '@/lib/guard/frame/typable';

const WATCHDOG_MS = 250;
/** Width the prompt wants, in device-independent pixels; narrower screens get a bottom sheet. */
const PREFERRED_WIDTH = 420;
const SHEET_BELOW = 560;
const MARGIN = 12;
/** Never smaller than this, even in a tiny window (the prompt then scrolls). */
const MIN_HEIGHT = 120;
/** While the user typed this recently, the prompt appears without taking the keyboard. */
export const TYPING_QUIET_MS = 1_500;

export interface PromptHostEnvironment {
  /** Asks the background for a prompt token bound to this tab. */
  openToken(): Promise<string | null>;
  promptUrl(token: string): string;
  /** The page's geometry for the prompt changed: the prompt page must (un)lock its buttons. */
  reportGeometry(geometry: Geometry): void;
  /** Texts for the feedback after an answer. */
  text: { stopped(site: string): string; trusted(site: string): string; undo: string; dismiss: string; blocked(site: string): string; leftUnasked(site: string): string };
  /** The user pressed Undo after trusting: the background removes the site again. */
  undoTrust(holdId: string): void;
  /** The prompt went up or down (the loan notice hides meanwhile). */
  onShownChange(shown: boolean): void;
  /** When the user last typed before this host was made (it tracks typing itself from then on). */
  lastTypedAt?(): number;
}

/** IntersectionObserver v2 (`isVisible`), Chromium only. */
const hasVisibilityObserver = (win: Window): boolean => {
  const entry = (win as unknown as { IntersectionObserverEntry?: { prototype: object } }).IntersectionObserverEntry;
  return !!entry && 'isVisible' in entry.prototype;
};

export class PromptHost {
  private overlay: OverlayHost | undefined;
  private frame: HTMLIFrameElement | undefined;
  private opening: Promise<void> | undefined;
  private readonly shown = new Map<string, string>(); // holdId → destination as shown
  private contentHeight = 320;
  private lastTyping = 0;
  private returnFocus: Element | null = null;
  private focusTimer: ReturnType<typeof setTimeout> | undefined;
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private observer: MutationObserver | undefined;
  private geometry: Geometry | undefined;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
    private readonly env: PromptHostEnvironment,
  ) {
    this.lastTyping = env.lastTypedAt?.() ?? 0;
    const onTyping = (event: Event): void => {
      if (event.isTrusted) this.lastTyping = Date.now();
    };
    for (const type of ['keydown', 'input']) {
      win.addEventListener(type, onTyping, true);
      this.cleanups.push(() => win.removeEventListener(type, onTyping, true));
    }
    const onViewport = (): void => this.layout();
    win.visualViewport?.addEventListener('resize', onViewport);
    win.visualViewport?.addEventListener('scroll', onViewport);
    win.addEventListener('resize', onViewport);
    this.cleanups.push(() => {
      win.visualViewport?.removeEventListener('resize', onViewport);
      win.visualViewport?.removeEventListener('scroll', onViewport);
      win.removeEventListener('resize', onViewport);
    });
  }

  /** Load the prompt page now (hidden), so showing a question later needs no new frame. */
  prewarm(): Promise<void> {
    this.opening ??= this.env.openToken().then(
      (token) => {
        if (!token) {
          this.opening = undefined;
          return;
        }
        this.overlay = createOverlayHost(this.doc, {});
        const frame = this.doc.createElement('iframe');
        frame.src = this.env.promptUrl(token);
        frame.title = 'LoanGuard';
        frame.setAttribute('allow', '');
        frame.style.cssText = 'width:100%;height:100%;border:0;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.35);background:transparent;color-scheme:normal;display:block';
        this.overlay.root.appendChild(frame);
        this.frame = frame;
        this.overlay.park();
        // Parked at the size and place it will show in, so showing it only makes it opaque.
        this.layout();
      },
      () => {
        this.opening = undefined;
      },
    );
    return this.opening;
  }

  /** The background has given the prompt page a held request for `display`: show it. */
  show(holdId: string, display: string, byAction: boolean): void {
    this.shown.set(holdId, display);
    void this.prewarm().then(() => {
      if (!this.shown.has(holdId) || !this.overlay) return;
      const wasHidden = this.shown.size === 1;
      this.layout();
      this.overlay.ensure();
      this.startWatchdog();
      if (wasHidden) {
        this.env.onShownChange(true);
        this.returnFocus = this.deepActiveElement();
      }
      this.takeFocusWhenQuiet(byAction);
    });
  }

  /** Bring the prompt back on top (it reported being covered or hidden). */
  raise(): void {
    if (this.shown.size > 0) this.overlay?.ensure(true);
  }

  /** The prompt page's content needs this much room. */
  resize(height: number): void {
    if (!Number.isFinite(height) || height <= 0) return;
    this.contentHeight = Math.min(Math.ceil(height), 2_000);
    this.layout();
  }

  /** The hold is over: take the prompt down when it was the last one, and say what happened. */
  ended(message: HoldEndedMessage): void {
    const display = this.shown.get(message.holdId);
    if (display === undefined) return;
    this.shown.delete(message.holdId);
    if (this.shown.size === 0) this.hide();
    if (message.decision === 'cancelled') this.toast({ message: this.env.text.stopped(display), dismiss: this.env.text.dismiss });
    if (message.decision === 'trusted') {
      this.toast({
        message: this.env.text.trusted(display),
        action: { label: this.env.text.undo, run: () => this.env.undoTrust(message.holdId) },
        dismiss: this.env.text.dismiss,
      });
    }
  }

  /** The browser-level backstop stopped (or only saw) data leaving for `site`. */
  backstop(site: string, blocked: boolean): void {
    this.toast({ message: blocked ? this.env.text.blocked(site) : this.env.text.leftUnasked(site), dismiss: this.env.text.dismiss });
  }

  remove(): void {
    this.hide();
    this.overlay?.remove();
    this.overlay = undefined;
    this.frame = undefined;
    this.opening = undefined;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private toast(text: Parameters<typeof showToast>[1]): void {
    showToast(this.doc, text);
  }

  private hide(): void {
    this.stopWatchdog();
    if (this.focusTimer !== undefined) clearTimeout(this.focusTimer);
    this.overlay?.park();
    this.env.onShownChange(false);
    // Focus goes back to where the user was, unless they have moved on meanwhile (clicked into
    // another field): the answer reaches the page a moment after the click, and taking the keyboard
    // back then would send their next keystrokes into the field they left.
    const back = this.returnFocus;
    this.returnFocus = null;
    const active = this.doc.activeElement;
    const focusInPrompt = active === null || active === this.doc.body || active === this.overlay?.host;
    if (focusInPrompt && back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }

  /** The focused element, inside open shadow roots too. */
  private deepActiveElement(): Element | null {
    let active = this.doc.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  /**
   * The keyboard moves to the prompt when the user submitted, or once they have stopped typing and
   * are no longer in a field: a pause to read the next digits off an ID card, or a Tab to the next
   * field, must not send the following keystrokes into the prompt.
   */
  private takeFocusWhenQuiet(byAction: boolean): void {
    if (this.focusTimer !== undefined) clearTimeout(this.focusTimer);
    const quietFor = Date.now() - this.lastTyping;
    const active = this.deepActiveElement();
    const inField = active !== null && (isTypable(active) || active instanceof HTMLIFrameElement);
    if (byAction || (quietFor >= TYPING_QUIET_MS && !inField)) {
      this.frame?.focus();
      return;
    }
    this.focusTimer = setTimeout(() => this.takeFocusWhenQuiet(false), Math.max(TYPING_QUIET_MS - quietFor, 250));
  }

  /** Size and place the frame in device-independent pixels, whatever the page's zoom or viewport. */
  private layout(): void {
    if (!this.overlay) return;
    const viewport = this.win.visualViewport;
    const scale = viewport?.scale && viewport.scale > 0 ? viewport.scale : 1;
    const viewWidth = (viewport?.width || this.win.innerWidth || this.doc.documentElement.clientWidth) * scale;
    const viewHeight = (viewport?.height || this.win.innerHeight || this.doc.documentElement.clientHeight) * scale;
    const sheet = viewWidth < SHEET_BELOW;
    const width = sheet ? viewWidth - 2 * MARGIN : Math.min(PREFERRED_WIDTH, viewWidth - 2 * MARGIN);
    const height = Math.max(MIN_HEIGHT, Math.min(this.contentHeight, viewHeight - 2 * MARGIN));
    const px = (dip: number): string => `${(dip / scale).toFixed(2)}px`;
    const left = (viewport?.offsetLeft ?? 0) + (sheet ? MARGIN : viewWidth - width - MARGIN) / scale;
    const top = (viewport?.offsetTop ?? 0) + (sheet ? viewHeight - height - MARGIN : MARGIN) / scale;
    this.overlay.setStyle({ left: `${left.toFixed(2)}px`, top: `${top.toFixed(2)}px`, right: 'auto', bottom: 'auto', width: px(width), height: px(height) });
    this.scaleFrame(width, height, scale);
  }

  /**
   * A page shown zoomed (on a phone, a page without a viewport tag is laid out ~980 px wide and
   * zoomed out to fit) zooms the frame's content with it: its text would be a third of its size. The
   * frame is then laid out at screen size and scaled back, so the prompt reads as on any page. Not
   * where IntersectionObserver v2 exists (Chromium): it counts any transform as "not visible" and
   * would keep the prompt locked.
   */
  private scaleFrame(width: number, height: number, scale: number): void {
    if (!this.frame) return;
    const zoomed = Math.abs(scale - 1) > 0.01 && !hasVisibilityObserver(this.win);
    const style = this.frame.style;
    style.width = zoomed ? `${width}px` : '100%';
    style.height = zoomed ? `${height}px` : '100%';
    style.transform = zoomed ? `scale(${(1 / scale).toFixed(4)})` : '';
    style.transformOrigin = zoomed ? '0 0' : '';
  }

  private check = (): void => {
    if (!this.overlay || !this.frame || this.shown.size === 0) return;
    this.overlay.ensure();
    const geometry = checkPromptGeometry(this.win, this.overlay.host, this.frame);
    if (!this.geometry || geometry.safe !== this.geometry.safe || geometry.reason !== this.geometry.reason) {
      this.geometry = geometry;
      this.env.reportGeometry(geometry);
      // Covered: put it back on top at once (the prompt stays locked until it has been seen again).
      if (geometry.reason === 'covered') this.overlay.ensure(true);
    }
  };

  private startWatchdog(): void {
    this.geometry = undefined;
    this.check();
    if (this.watchdog !== undefined) return;
    // Removal or restyling is repaired at once; the timer also catches zoom, covering and popovers.
    this.observer = new MutationObserver(this.check);
    this.observer.observe(this.doc.documentElement, { childList: true, attributes: true });
    this.watchdog = setInterval(this.check, WATCHDOG_MS);
  }

  private stopWatchdog(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.watchdog !== undefined) clearInterval(this.watchdog);
    this.watchdog = undefined;
  }
}
