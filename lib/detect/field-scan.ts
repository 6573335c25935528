// Finds the fields of a page that ask for an ID, phone, card or one-time code: walks the document,
// open shadow roots and same-origin iframes, and reports a value split over boxes as one field. The
// scan is a sequence of steps (one per field classified), run at once (scanFields: the CLI, the
// corpus) or in slices that give the page its main thread back (scanSteps + sliceClock: the content
// script's report, lib/detect/frame-verdict.ts, so a page with thousands of inputs gets no long task).
import type { FieldKind, FieldVerdict } from '@/lib/types';
import { classifySignals, isFieldCandidate, withSelectCountry } from '@/lib/detect/field-classifier';
import { CONTROLS, fieldSignals, holdsControls, labelIndex, nearbyText, textOf, type LabelIndex } from '@/lib/detect/field-signals';
import { uniqueSelector } from '@/lib/detect/selector';

export interface ScannedField {
  element: Element;
  /**
   * Finds `element` again. Inside a shadow root or iframe it is the host's (or iframe's) selector,
   * PIERCE, then the selector within that root, e.g. `#widget >>> input[name="otp"]`; resolve it
   * one part at a time (querySelector, then .shadowRoot or .contentDocument).
   */
  selector: string;
  verdict: FieldVerdict;
}

export const PIERCE = ' >>> ';
/** Elements walked per scan: a bound for pathological pages, far above a real sign-up form. */
const MAX_NODES = 30_000;
const MAX_DEPTH = 4;

interface Budget {
  inputs: number;
  nodes: number;
}

const boxLength = (el: Element): number => parseInt(el.getAttribute('maxlength') ?? '', 10) || 0;

/** Up to `levels` ancestors of `el`, nearest first. */
function ancestors(el: Element, levels: number): Element[] {
  const out: Element[] = [];
  for (let p = el.parentElement; p && out.length < levels; p = p.parentElement) out.push(p);
  return out;
}

/** The child of `row` that contains `el` (or `el` itself). */
function cellOf(el: Element, row: Element): Element {
  let c = el;
  while (c.parentElement && c.parentElement !== row) c = c.parentElement;
  return c;
}

/** A separator or a box's own wrapper: no other control and at most a dash of text. */
const isFiller = (el: Element, box: Element | null): boolean =>
  (box ? el === box || holdsControls(el, 1) : !el.matches(CONTROLS) && !el.querySelector(CONTROLS)) &&
  textOf(el, 8).length <= 3;

/**
 * The row holding boxes `a` and `b` when they are next to each other (siblings, or each in its own
 * bare wrapper, with at most a separator between), else null.
 */
function rowOf(a: Element, b: Element): Element | null {
  const up = ancestors(b, 3);
  const row = ancestors(a, 3).find((p) => up.includes(p));
  if (!row) return null;
  const ca = cellOf(a, row);
  const cb = cellOf(b, row);
  if (!isFiller(ca, a) || !isFiller(cb, b)) return null;
  let e = ca.nextElementSibling;
  for (let gap = 0; e && e !== cb; e = e.nextElementSibling) if (++gap > 1 || !isFiller(e, null)) return null;
  return e === cb ? row : null;
}

/** Two boxes that each show their own, different placeholder are two fields, not one value in parts. */
function differentPlaceholders(a: Element, b: Element): boolean {
  const pa = a.getAttribute('placeholder')?.trim();
  const pb = b.getAttribute('placeholder')?.trim();
  return !!pa && !!pb && pa !== pb;
}

/** Which kinds a row of boxes can spell, from their count and maxlengths. */
function shapesOf(lengths: number[]): FieldKind[] {
  const n = lengths.length;
  const total = lengths.reduce((a, b) => a + b, 0);
  const shapes: FieldKind[] = [];
  if (n >= 4 && n <= 8 && lengths.every((l) => l === 1)) return ['otp'];
  if (n >= 3 && n <= 5 && total >= 13 && total <= 23 && lengths.every((l) => l >= 3)) shapes.push('bank-card');
  if (n <= 3 && total >= 7 && total <= 15) shapes.push('phone');
  if (n <= 4 && total >= 6 && total <= 20) shapes.push('national-id');
  return shapes;
}

function classifyRow(boxes: Element[], row: Element | null, labels: LabelIndex): FieldVerdict | null {
  const lengths = boxes.map(boxLength);
  const shapes = shapesOf(lengths);
  if (!shapes.length) return null;
  const first = boxes[0] as Element;
  const s = fieldSignals(first, labels);
  if (row) s.nearby = nearbyText(row, boxes.length);
  const total = lengths.reduce((a, b) => a + b, 0);
  return classifySignals(s, { parts: boxes.length, total, shapes });
}

/** Classifies `fields` into `out`, yielding after each field (or row of boxes). */
function* classifyAll(fields: Element[], labels: LabelIndex, prefix: string, out: ScannedField[]): Generator<void> {
  const push = (element: Element, verdict: FieldVerdict): void => {
    out.push({ element, selector: prefix + uniqueSelector(element), verdict });
  };
  for (let i = 0; i < fields.length; ) {
    const el = fields[i] as Element;
    const len = boxLength(el);
    let row: Element | null = null;
    let j = i + 1;
    if (len >= 1 && len <= 6) {
      for (; j < fields.length && j - i < 8; j++) {
        const next = fields[j] as Element;
        const l = boxLength(next);
        // The last part of a split phone can be longer ("138" + "00138000").
        const prev = fields[j - 1] as Element;
        const r = l >= 1 && l <= 8 && !differentPlaceholders(prev, next) ? rowOf(prev, next) : null;
        if (!r || (row && r !== row)) break;
        row = r;
      }
      if (j - i >= 2) {
        const verdict = classifyRow(fields.slice(i, j), row, labels);
        if (verdict) {
          push(el, verdict);
          i = j;
          yield;
          continue;
        }
      }
    }
    const verdict = withSelectCountry(el, classifySignals(fieldSignals(el, labels)));
    if (verdict) push(el, verdict);
    i++;
    yield;
  }
}

function* scanRoot(root: Document | ShadowRoot, prefix: string, out: ScannedField[], budget: Budget, depth: number): Generator<void> {
  const doc = (root.ownerDocument ?? root) as Document;
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  const fields: Element[] = [];
  const inner: Array<[Element, Document | ShadowRoot]> = [];
  for (let n = walker.nextNode() as Element | null; n && budget.nodes-- > 0; n = walker.nextNode() as Element | null) {
    const tag = n.localName;
    if (tag === 'input' || tag === 'textarea') {
      if (isFieldCandidate(n) && fields.push(n) >= budget.inputs) break;
    } else if ((tag === 'iframe' || tag === 'frame') && depth < MAX_DEPTH) {
      try {
        // Cross-origin frames throw or give null; their own content script covers them.
        const d = (n as HTMLIFrameElement).contentDocument;
        if (d?.documentElement) inner.push([n, d]);
      } catch {
        /* cross-origin */
      }
    }
    const shadow = n.shadowRoot;
    if (shadow && depth < MAX_DEPTH) inner.push([n, shadow]);
  }
  budget.inputs -= fields.length;
  if (fields.length) yield* classifyAll(fields, labelIndex(root), prefix, out);
  for (const [host, r] of inner) {
    if (budget.inputs <= 0) break;
    yield* scanRoot(r, prefix + uniqueSelector(host) + PIERCE, out, budget, depth + 1);
  }
}

export interface ScanOptions {
  /** Fields classified at most (200: far above a real sign-up form). */
  maxInputs?: number;
}

/** The scan as steps: classified fields are pushed onto `out`, one step per field (or row of boxes). */
export const scanSteps = (root: Document | ShadowRoot, out: ScannedField[], opts?: ScanOptions): Generator<void> =>
  scanRoot(root, '', out, { inputs: opts?.maxInputs ?? 200, nodes: MAX_NODES }, 0);

/** Classified fields of `root`, its open shadow roots and same-origin iframes, in document order per root. */
export function scanFields(root: Document | ShadowRoot, opts?: ScanOptions): ScannedField[] {
  const out: ScannedField[] = [];
  runSteps(scanSteps(root, out, opts));
  return out;
}

/** Runs steps to their end, at once; returns what the last one returns. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Work done before the page gets its main thread back: well under the 50 ms of a long task. */
export const SCAN_SLICE_MS = 20;

export interface SliceOptions {
  /** Gives the main thread back (default: a macrotask); resolves when the work may go on. */
  pause?: () => Promise<void>;
  /** The clock (default performance.now). */
  now?: () => number;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A checkpoint to call between units of work: it pauses (returns the pause's promise) once the
 * current slice has used SCAN_SLICE_MS, or would with `reserveMs` more; otherwise returns nothing.
 */
export function sliceClock(opts?: SliceOptions): (reserveMs?: number) => Promise<void> | undefined {
  const now = opts?.now ?? (() => performance.now());
  const pause = opts?.pause ?? nextTask;
  let sliceStart = now();
  return (reserveMs = 0) => {
    if (now() - sliceStart + reserveMs < SCAN_SLICE_MS) return undefined;
    return pause().then(() => {
      sliceStart = now();
    });
  };
}
