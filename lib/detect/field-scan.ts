// Finds the fields of a page that ask for an ID, phone, card or one-time code: walks the document,
// open shadow roots and same-origin iframes, and reports a value split over boxes as one field.
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

function classifyAll(fields: Element[], labels: LabelIndex, prefix: string, out: ScannedField[]): void {
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
          continue;
        }
      }
    }
    const verdict = withSelectCountry(el, classifySignals(fieldSignals(el, labels)));
    if (verdict) push(el, verdict);
    i++;
  }
}

function scanRoot(root: Document | ShadowRoot, prefix: string, out: ScannedField[], budget: Budget, depth: number): void {
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
  if (fields.length) classifyAll(fields, labelIndex(root), prefix, out);
  for (const [host, r] of inner) {
    if (budget.inputs <= 0) break;
    scanRoot(r, prefix + uniqueSelector(host) + PIERCE, out, budget, depth + 1);
  }
}

/** Classified fields of `root`, its open shadow roots and same-origin iframes, in document order per root. */
export function scanFields(root: Document | ShadowRoot, opts?: { maxInputs?: number }): ScannedField[] {
  const out: ScannedField[] = [];
  scanRoot(root, '', out, { inputs: opts?.maxInputs ?? 200, nodes: MAX_NODES }, 0);
  return out;
}
