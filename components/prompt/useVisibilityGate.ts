// Feeds the visibility gate from the browser: IntersectionObserver v2 on the dialog where available
// (Chromium), else only the document's visibility (Firefox). The rule itself lives in lib/visibility-gate.
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  createGateDriver,
  supportsVisibilityTracking,
  VISIBILITY_DELAY_MS,
  type ElementVisibility,
  type GateDriver,
} from '@/lib/prompt/visibility-gate';

/** How often a "not visible" report is checked again (see below). */
const REOBSERVE_MS = 300;

/** IOv2 additions, not (yet) in the DOM typings. */
type TrackingInit = IntersectionObserverInit & { trackVisibility: boolean; delay: number };
type TrackingEntry = IntersectionObserverEntry & { isVisible?: boolean };

export interface VisibilityGate {
  /** For rendering: whether "Send once"/"Trust" are enabled. */
  open: boolean;
  /** For click handlers: the gate as of this instant, not as of the last render. */
  isOpenNow: () => boolean;
  /** A pointer went down on the prompt: while locked, the wait starts again (see GateDriver). */
  pressed: () => void;
}

/**
 * While `active`, watch `target` and open the gate after it has been shown without a break.
 * `safe`: the host (in the page) sees the prompt as drawn — not zoomed, clipped, covered or off
 * screen; while it isn't, the prompt counts as not shown. `onObscured` fires when the page covers
 * the dialog (IOv2 only).
 */
export function useVisibilityGate(
  target: RefObject<HTMLElement | null>,
  active: boolean,
  safe: boolean,
  onObscured: () => void,
): VisibilityGate {
  const [open, setOpen] = useState(false);
  const driverRef = useRef<GateDriver | null>(null);
  const obscuredRef = useRef(onObscured);
  obscuredRef.current = onObscured;
  const safeRef = useRef(safe);
  safeRef.current = safe;

  useEffect(() => {
    const element = target.current;
    if (!active || !element) return;
    const driver = createGateDriver({ onChange: setOpen, onObscured: () => obscuredRef.current() });
    driverRef.current = driver;
    let elementState: ElementVisibility = supportsVisibilityTracking(globalThis.IntersectionObserverEntry)
      ? 'pending'
      : 'untracked';
    const push = () => driver.update({ element: safeRef.current ? elementState : 'hidden', documentVisible: document.visibilityState === 'visible' });

    let observer: IntersectionObserver | undefined;
    if (elementState === 'pending') {
      const init: TrackingInit = { trackVisibility: true, delay: VISIBILITY_DELAY_MS, threshold: [0, 1] };
      observer = new IntersectionObserver((entries) => {
        const latest = entries[entries.length - 1] as TrackingEntry | undefined;
        if (!latest) return;
        elementState = latest.isIntersecting && latest.isVisible === true ? 'visible' : 'hidden';
        push();
      }, init);
      observer.observe(element);
    }
    // IOv2 reports changes only; in a frame that was resized or revealed it can stay on an old
    // "hidden". While not visible, observe afresh now and then: each new observation reports at once.
    const refresh = setInterval(() => {
      if (!observer || elementState === 'visible') return;
      observer.unobserve(element);
      observer.observe(element);
    }, REOBSERVE_MS);
    document.addEventListener('visibilitychange', push);
    push();

    return () => {
      driver.dispose();
      observer?.disconnect();
      clearInterval(refresh);
      document.removeEventListener('visibilitychange', push);
      if (driverRef.current === driver) driverRef.current = null;
      setOpen(false);
    };
    // Observed again whenever the host's view changes: an observer started while the frame was
    // hidden (loaded ahead of time) can report late once it is shown.
  }, [active, target, safe]);

  return {
    open: open && active,
    isOpenNow: () => active && driverRef.current?.isOpen() === true,
    pressed: () => driverRef.current?.pressedWhileLocked(),
  };
}
