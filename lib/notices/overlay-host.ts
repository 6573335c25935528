// An element LoanGuard places over a page (the prompt, the notice): a closed shadow root the page
// can't read, inline `!important` styles its CSS can't beat, and the browser's top layer (popover)
// so page elements with a huge z-index can't cover it. If the page removes or restyles the host,
// `ensure()` puts it back.

export interface OverlayHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** Re-attach, re-style and bring to the top of the top layer; call when it may have been tampered with. */
  ensure(raise?: boolean): void;
  /** Attach but keep hidden (so what it hosts can load ahead of time); `ensure()` shows it. */
  park(): void;
  /** Change where it sits and how big it is (applied now if shown, else on the next `ensure()`). */
  setStyle(style: Record<string, string>): void;
  remove(): void;
}

export function createOverlayHost(doc: Document, initialStyle: Record<string, string>): OverlayHost {
  let style = initialStyle;
  let parked = false;
  const host = doc.createElement('loanguard-overlay');
  const root = host.attachShadow({ mode: 'closed' });
  host.setAttribute('popover', 'manual');
  let applied: string | null | undefined; // the style attribute as last written by us
  const applyStyle = (): void => {
    host.removeAttribute('style');
    const base: Record<string, string> = {
      all: 'initial',
      position: 'fixed',
      margin: '0',
      padding: '0',
      border: '0',
      background: 'transparent',
      overflow: 'visible',
      display: 'block',
      visibility: 'visible',
      opacity: '1',
      'z-index': '2147483647',
      'pointer-events': 'auto',
      transform: 'none',
      zoom: '1',
      filter: 'none',
      'clip-path': 'none',
      ...style,
    };
    for (const [name, value] of Object.entries(base)) host.style.setProperty(name, value, 'important');
    applied = host.getAttribute('style');
  };
  const showInTopLayer = (raise: boolean): void => {
    try {
      if (raise && host.matches(':popover-open')) host.hidePopover();
      if (!host.matches(':popover-open')) host.showPopover();
    } catch {
      // No popover support: the inline z-index still applies.
    }
  };
  const ensure = (raise = false): void => {
    parked = false;
    if (!host.isConnected) (doc.documentElement ?? doc).appendChild(host);
    if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    if (host.hasAttribute('hidden')) host.removeAttribute('hidden');
    if (host.inert) host.inert = false;
    // Only rewrite what changed: our own writes would otherwise wake the watchdog again.
    if (host.getAttribute('style') !== applied) applyStyle();
    showInTopLayer(raise);
  };
  const park = (): void => {
    parked = true;
    if (!host.isConnected) (doc.documentElement ?? doc).appendChild(host);
    // Laid out where it will show but transparent, click-through and inert (out of the focus order
    // and the accessibility tree), not display:none: Chromium throttles a hidden cross-origin frame
    // (its messages and first paint wait tens of milliseconds once it is shown), so a parked prompt
    // stays live and a question appears at once. Its buttons stay locked until it is really seen.
    try {
      if (host.matches(':popover-open')) host.hidePopover();
    } catch {
      // No popover support.
    }
    host.inert = true;
    host.removeAttribute('style');
    for (const [name, value] of Object.entries({ all: 'initial', position: 'fixed', margin: '0', padding: '0', border: '0', display: 'block', ...style, opacity: '0', 'pointer-events': 'none', 'z-index': '-2147483647' }))
      host.style.setProperty(name, value, 'important');
    applied = undefined;
  };
  return {
    host,
    root,
    ensure,
    park,
    setStyle(next) {
      style = { ...style, ...next };
      if (!host.isConnected) return;
      if (parked) park();
      else applyStyle();
    },
    remove: () => host.remove(),
  };
}

/** A status card in the page's bottom corner (the loan notice, the toasts): its overlay, box and text. */
export function createCornerCard(doc: Document, text: string): { overlay: OverlayHost; box: HTMLDivElement; message: HTMLParagraphElement } {
  const overlay = createOverlayHost(doc, {
    left: 'auto',
    top: 'auto',
    right: '16px',
    bottom: '16px',
    width: 'min(360px, calc(100vw - 32px))',
    height: 'auto',
  });
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  const message = doc.createElement('p');
  message.textContent = text;
  box.append(message);
  return { overlay, box, message };
}
