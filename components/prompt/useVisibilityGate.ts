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

/** IOv2 additions, not (yet) in the DOM typings. */
type TrackingInit = IntersectionObserverInit & { trackVisibility: boolean; delay: number };
type TrackingEntry = IntersectionObserverEntry & { isVisible?: boolean };

export interface VisibilityGate {
  /** For rendering: whether "Send once"/"Trust" are enabled. */
  open: boolean;
  /** For click handlers: the gate as of this instant, not as of the last render. */
  isOpenNow: () => boolean;
}

/**
 * While `active`, watch `target` and open the gate after it has been shown without a break.
 * `onObscured` fires when the page covers the dialog (IOv2 only).
 */
export function useVisibilityGate(
  target: RefObject<HTMLElement | null>,
  active: boolean,
  onObscured: () => void,
): VisibilityGate {
  const [open, setOpen] = useState(false);
  const driverRef = useRef<GateDriver | null>(null);
  const obscuredRef = useRef(onObscured);
  obscuredRef.current = onObscured;

  useEffect(() => {
    const element = target.current;
    if (!active || !element) return;
    const driver = createGateDriver({ onChange: setOpen, onObscured: () => obscuredRef.current() });
    driverRef.current = driver;
    let elementState: ElementVisibility = supportsVisibilityTracking(globalThis.IntersectionObserverEntry)
      ? 'pending'
      : 'untracked';
    const push = () => driver.update({ element: elementState, documentVisible: document.visibilityState === 'visible' });

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
    document.addEventListener('visibilitychange', push);
    push();

    return () => {
      driver.dispose();
      observer?.disconnect();
      document.removeEventListener('visibilitychange', push);
      if (driverRef.current === driver) driverRef.current = null;
      setOpen(false);
    };
  }, [active, target]);

  return {
    open: open && active,
    isOpenNow: () => active && driverRef.current?.isOpen() === true,
  };
}
