// The prompt's anti-clickjacking gate: opens only after an unbroken stretch of visibility, closes and
// reports when the page covers the prompt, and never trusts an unconfirmed IOv2 state.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createGateDriver,
  INITIAL_GATE,
  isGateOpen,
  isShown,
  MIN_VISIBLE_MS,
  msUntilOpen,
  stepGate,
  supportsVisibilityTracking,
  type VisibilitySignal,
} from '@/lib/prompt/visibility-gate';

const visible: VisibilitySignal = { element: 'visible', documentVisible: true };
const covered: VisibilitySignal = { element: 'hidden', documentVisible: true };
const untracked: VisibilitySignal = { element: 'untracked', documentVisible: true };

describe('isShown', () => {
  it('needs the document in front', () => {
    expect(isShown({ element: 'visible', documentVisible: false })).toBe(false);
    expect(isShown({ element: 'untracked', documentVisible: false })).toBe(false);
  });
  it('trusts IOv2 only once it has said visible', () => {
    expect(isShown({ element: 'pending', documentVisible: true })).toBe(false);
    expect(isShown(covered)).toBe(false);
    expect(isShown(visible)).toBe(true);
  });
  it('falls back to the document alone without IOv2', () => {
    expect(isShown(untracked)).toBe(true);
  });
});

describe('stepGate', () => {
  it('opens only after MIN_VISIBLE_MS of unbroken visibility', () => {
    const { state } = stepGate(INITIAL_GATE, visible, 1000);
    expect(isGateOpen(state, 1000 + MIN_VISIBLE_MS - 1)).toBe(false);
    expect(msUntilOpen(state, 1200)).toBe(MIN_VISIBLE_MS - 200);
    expect(isGateOpen(state, 1000 + MIN_VISIBLE_MS)).toBe(true);
  });

  it('keeps the start time while visibility continues', () => {
    const first = stepGate(INITIAL_GATE, visible, 1000).state;
    const again = stepGate(first, visible, 1300).state;
    expect(again.shownSince).toBe(1000);
  });

  it('restarts from zero after any break', () => {
    let state = stepGate(INITIAL_GATE, visible, 0).state;
    state = stepGate(state, covered, 400).state;
    expect(msUntilOpen(state, 450)).toBeNull();
    state = stepGate(state, visible, 450).state;
    expect(isGateOpen(state, 900)).toBe(false);
    expect(isGateOpen(state, 950)).toBe(true);
  });

  it('reports covering once per episode, and not while the tab is in the background', () => {
    let step = stepGate(INITIAL_GATE, covered, 0);
    expect(step.reportObscured).toBe(true);
    step = stepGate(step.state, covered, 100);
    expect(step.reportObscured).toBe(false);
    step = stepGate(step.state, { element: 'hidden', documentVisible: false }, 200);
    expect(step.reportObscured).toBe(false);
    // Back in front and still covered: a new episode, worth raising again.
    step = stepGate(step.state, covered, 300);
    expect(step.reportObscured).toBe(true);
    step = stepGate(step.state, visible, 400);
    expect(step.reportObscured).toBe(false);
    expect(stepGate(step.state, covered, 500).reportObscured).toBe(true);
  });

  it('never reports covering without IOv2', () => {
    expect(stepGate(INITIAL_GATE, { element: 'untracked', documentVisible: false }, 0).reportObscured).toBe(false);
    expect(stepGate(INITIAL_GATE, { element: 'pending', documentVisible: true }, 0).reportObscured).toBe(false);
  });
});

describe('supportsVisibilityTracking', () => {
  it('detects IOv2 by isVisible on the entry prototype', () => {
    class V1 {}
    class V2 {
      get isVisible() {
        return true;
      }
    }
    expect(supportsVisibilityTracking(undefined)).toBe(false);
    expect(supportsVisibilityTracking(V1)).toBe(false);
    expect(supportsVisibilityTracking(V2)).toBe(true);
  });
});

describe('createGateDriver', () => {
  beforeEach(() => vi.useFakeTimers({ now: 10_000 }));
  afterEach(() => vi.useRealTimers());

  const driver = () => {
    const changes: boolean[] = [];
    const onObscured = vi.fn();
    const gate = createGateDriver({ onChange: (open) => changes.push(open), onObscured });
    return { gate, changes, onObscured };
  };

  it('starts closed and opens by itself after the wait', () => {
    const { gate, changes } = driver();
    expect(gate.isOpen()).toBe(false);
    gate.update(untracked);
    vi.advanceTimersByTime(MIN_VISIBLE_MS - 1);
    expect(gate.isOpen()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(gate.isOpen()).toBe(true);
    expect(changes).toEqual([true]);
  });

  it('a press while locked starts the wait again (a tap game never reaches Send once); once open, presses change nothing', () => {
    const { gate } = driver();
    gate.update(untracked);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(MIN_VISIBLE_MS - 100);
      gate.pressedWhileLocked();
    }
    expect(gate.isOpen()).toBe(false);
    vi.advanceTimersByTime(MIN_VISIBLE_MS);
    expect(gate.isOpen()).toBe(true);
    gate.pressedWhileLocked();
    expect(gate.isOpen()).toBe(true);
  });

  it('a press before the prompt is shown at all does not start the wait', () => {
    const { gate } = driver();
    gate.pressedWhileLocked();
    vi.advanceTimersByTime(MIN_VISIBLE_MS * 2);
    expect(gate.isOpen()).toBe(false);
  });

  it('closes at once when covered, reports it, and waits the full time again', () => {
    const { gate, changes, onObscured } = driver();
    gate.update(visible);
    vi.advanceTimersByTime(MIN_VISIBLE_MS);
    gate.update(covered);
    expect(gate.isOpen()).toBe(false);
    expect(onObscured).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(MIN_VISIBLE_MS * 4);
    expect(gate.isOpen()).toBe(false);
    gate.update(visible);
    vi.advanceTimersByTime(MIN_VISIBLE_MS - 1);
    expect(gate.isOpen()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(changes).toEqual([true, false, true]);
  });

  it('a short glimpse between coverings never opens it', () => {
    const { gate } = driver();
    for (let round = 0; round < 5; round++) {
      gate.update(visible);
      vi.advanceTimersByTime(MIN_VISIBLE_MS - 50);
      gate.update(covered);
      vi.advanceTimersByTime(50);
    }
    expect(gate.isOpen()).toBe(false);
  });

  it('stops after dispose', () => {
    const { gate, changes } = driver();
    gate.update(visible);
    gate.dispose();
    vi.advanceTimersByTime(MIN_VISIBLE_MS * 2);
    gate.update(visible);
    expect(changes).toEqual([]);
  });
});
