// Anti-clickjacking rule for the in-page prompt: the buttons that let data leave stay disabled until the
// prompt has been continuously shown for a while, so a page cannot steer a hurried click onto them.

/** How long the prompt must have been shown, without a break, before "Send once"/"Trust" work. */
export const MIN_VISIBLE_MS = 500;
/** IntersectionObserver v2 refuses trackVisibility with a smaller delay. */
export const VISIBILITY_DELAY_MS = 100;

/**
 * What the browser tells us about the dialog itself:
 * - `untracked`: no IntersectionObserver v2 (Firefox) — only the document's visibility is known;
 * - `pending`: IOv2 is watching but has not reported yet — not trusted to be visible;
 * - `visible` / `hidden`: IOv2's latest `isVisible` (hidden = covered, clipped or faded by the page).
 */
export type ElementVisibility = 'untracked' | 'pending' | 'visible' | 'hidden';

export interface VisibilitySignal {
  element: ElementVisibility;
  /** `document.visibilityState === 'visible'`: the tab is in front and the window not minimised. */
  documentVisible: boolean;
}

export interface GateState {
  /** When the prompt last became shown (ms); null while it is not shown. */
  readonly shownSince: number | null;
  /** The page is covering the prompt right now (reported once per episode, not on every signal). */
  readonly obscured: boolean;
}

export const INITIAL_GATE: GateState = { shownSince: null, obscured: false };

export const isShown = (signal: VisibilitySignal): boolean =>
  signal.documentVisible && (signal.element === 'visible' || signal.element === 'untracked');

/** Covered by the page while the tab is in front — the case where raising the prompt again helps. */
const isObscured = (signal: VisibilitySignal): boolean => signal.documentVisible && signal.element === 'hidden';

export interface GateStep {
  state: GateState;
  /** The page has just covered the prompt: ask the content script to put it back on top. */
  reportObscured: boolean;
}

/** Apply one visibility signal. Any break in visibility restarts the wait from zero. */
export function stepGate(state: GateState, signal: VisibilitySignal, now: number): GateStep {
  const shown = isShown(signal);
  const obscured = isObscured(signal);
  const shownSince = shown ? (state.shownSince ?? now) : null;
  return { state: { shownSince, obscured }, reportObscured: obscured && !state.obscured };
}

/** Milliseconds until the gate opens: 0 when open, null while the prompt is not shown. */
export function msUntilOpen(state: GateState, now: number, minVisibleMs = MIN_VISIBLE_MS): number | null {
  if (state.shownSince === null) return null;
  return Math.max(0, state.shownSince + minVisibleMs - now);
}

export const isGateOpen = (state: GateState, now: number, minVisibleMs = MIN_VISIBLE_MS): boolean =>
  msUntilOpen(state, now, minVisibleMs) === 0;

/**
 * Whether this browser has IntersectionObserver v2 (Chromium): its entries carry `isVisible`.
 * Takes the constructor so tests can pass fakes.
 */
export function supportsVisibilityTracking(entryCtor: unknown): boolean {
  return typeof entryCtor === 'function' && 'isVisible' in (entryCtor as { prototype: object }).prototype;
}

export interface GateDriverOptions {
  /** Called whenever the gate opens or closes. */
  onChange: (open: boolean) => void;
  /** Called when the page has just covered the prompt. */
  onObscured: () => void;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  minVisibleMs?: number;
}

export interface GateDriver {
  update: (signal: VisibilitySignal) => void;
  isOpen: () => boolean;
  /**
   * A press on the prompt while it is still locked: the wait starts again. A page that gets the
   * user tapping where "Send once" will appear (a "tap game") keeps it locked for as long as the
   * tapping goes on; only a click after a pause, on a prompt that has stayed put, can send.
   */
  pressedWhileLocked: () => void;
  dispose: () => void;
}

/**
 * Runs the gate over time: feed it signals, it calls onChange when the wait completes or is broken.
 * Starts closed; nothing opens the gate except a signal followed by an unbroken wait.
 */
export function createGateDriver(options: GateDriverOptions): GateDriver {
  const now = options.now ?? (() => Date.now());
  const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const minVisibleMs = options.minVisibleMs ?? MIN_VISIBLE_MS;
  let state = INITIAL_GATE;
  let open = false;
  let timer: unknown = undefined;
  let disposed = false;

  const setOpen = (next: boolean) => {
    if (next === open) return;
    open = next;
    options.onChange(open);
  };
  const cancelTimer = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  };
  const reconcile = () => {
    cancelTimer();
    const wait = msUntilOpen(state, now(), minVisibleMs);
    setOpen(wait === 0);
    // A timer can fire a little early; reconcile re-checks against the clock and re-arms if needed.
    if (wait !== null && wait > 0) timer = setTimer(reconcile, wait);
  };

  return {
    update(signal) {
      if (disposed) return;
      const step = stepGate(state, signal, now());
      state = step.state;
      reconcile();
      if (step.reportObscured) options.onObscured();
    },
    isOpen: () => open,
    pressedWhileLocked() {
      if (disposed || open || state.shownSince === null) return;
      state = { ...state, shownSince: now() };
      reconcile();
    },
    dispose() {
      disposed = true;
      cancelTimer();
    },
  };
}
