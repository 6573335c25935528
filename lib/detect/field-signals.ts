// Collects the strings that say what a form field is for (attributes, label, nearby text, what sits
// next to it, the words of its form section), using only standard DOM APIs so it works in every
// frame, in open shadow roots and under happy-dom.
import { SEND_CODE, SEND_VERB } from '@/lib/detect/rules/field-rules';

export interface FieldSignals {
  autocomplete: string;
  type: string;
  inputmode: string;
  maxLength: number | null;
  pattern: string;
  name: string;
  id: string;
  placeholder: string;
  ariaLabel: string;
  label: string;
  nearby: string;
  /** A "send code" button or countdown sits next to the field (same small container): an SMS code. */
  codeButton?: boolean;
  /** An image or canvas sits next to the field and no send-code button does: an image captcha. */
  codeImage?: boolean;
  /** The first words of the field's form section: "account number" means a bank one there. */
  section?: string;
}

/** Nearby text longer than this is a paragraph, not a caption. */
export const NEARBY_MAX = 100;
const LABEL_MAX = 150;
const SECTION_MAX = 300;
/** Controls of a section whose placeholders, names and first options are read. */
const SECTION_CONTROLS = 20;
/** Levels walked up to find what sits next to a field. */
const NEIGHBOUR_LEVELS = 3;
/** Elements whose text never describes a neighbouring field (buttons act, options belong to a select). */
const NO_TEXT = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SELECT|OPTION|BUTTON|TEXTAREA|SVG|svg)$/;
export const CONTROLS =
  'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=image]):not([type=reset]),select,textarea';

const attr = (el: Element, name: string): string => el.getAttribute(name)?.trim() ?? '';
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Visible-ish text of a node, stopping once past `max` characters. */
export function textOf(node: Node, max = LABEL_MAX): string {
  let out = '';
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c && out.length <= max; c = c.nextSibling) {
      // Whitespace runs are collapsed as they come, so indentation does not use up `max`.
      if (c.nodeType === 3) out += (c.nodeValue ?? '').replace(/\s+/g, ' ');
      else if (c.nodeType === 1 && !NO_TEXT.test(c.nodeName) && !(c as Element).hasAttribute('hidden')) {
        if (!out.endsWith(' ')) out += ' ';
        walk(c);
      }
    }
  };
  walk(node);
  return squash(out);
}

/** Text of the nearest preceding sibling that has any, unless it holds another control. */
export function previousText(el: Element): string {
  let steps = 0;
  for (let s = el.previousSibling; s && steps < 4; s = s.previousSibling, steps++) {
    if (s.nodeType === 1) {
      const e = s as Element;
      if (NO_TEXT.test(e.nodeName) || e.matches(CONTROLS) || e.querySelector(CONTROLS)) return '';
    }
    const t = s.nodeType === 3 ? squash(s.nodeValue ?? '') : s.nodeType === 1 ? textOf(s, NEARBY_MAX) : '';
    if (t) return t.length > NEARBY_MAX ? '' : t;
  }
  return '';
}

/**
 * Whether `el` holds exactly `n` fillable controls. The tag counts (live collections, cheap to
 * re-read) settle big containers at once, so a 2,000-input form is not re-queried per field.
 */
export function holdsControls(el: Element, n: number): boolean {
  const tags = ['input', 'select', 'textarea'].reduce((sum, t) => sum + el.getElementsByTagName(t).length, 0);
  return tags >= n && tags <= n + 8 && el.querySelectorAll(CONTROLS).length === n;
}

/**
 * Text around `start` that belongs to a field of `controls` inputs: the largest ancestor holding
 * only those inputs whose text is still a caption (≤ NEARBY_MAX), else the previous sibling.
 */
export function nearbyText(start: Element, controls = 1): string {
  let top = start;
  let text = '';
  const stop = start.ownerDocument?.body;
  for (let p = controls === 1 ? start.parentElement : start, depth = 0; p && p !== stop && depth < 6; p = p.parentElement, depth++) {
    if (!holdsControls(p, controls)) break;
    const t = textOf(p, NEARBY_MAX);
    if (t.length > NEARBY_MAX) break;
    top = p;
    // Separators between split boxes ("-", "/") are not a caption.
    if (/\p{L}/u.test(t)) text = t;
  }
  return text || previousText(top);
}

function byId(root: Node, id: string): Element | null {
  const r = root as Document | ShadowRoot;
  return typeof r.getElementById === 'function' ? r.getElementById(id) : null;
}

/** Labels by their `for` id: built once per scan so a page of 2,000 labels is read once, not per field. */
export type LabelIndex = Map<string, Element[]>;

export function labelIndex(root: ParentNode): LabelIndex {
  const index: LabelIndex = new Map();
  for (const l of root.querySelectorAll('label[for]')) {
    const id = l.getAttribute('for') ?? '';
    index.set(id, [...(index.get(id) ?? []), l]);
  }
  return index;
}

/** <label for>, a wrapping <label>, and aria-labelledby, looked up in the field's own root. */
export function labelText(el: Element, index?: LabelIndex): string {
  const root = el.getRootNode();
  const parts: string[] = [];
  // Not el.labels: slower in Chromium and rebuilt by a fresh query on every read in happy-dom.
  const id = el.id;
  if (id && 'querySelectorAll' in root) {
    const labels = index ? index.get(id) ?? [] : (root as ParentNode).querySelectorAll(`label[for="${id.replace(/["\\]/g, '\\$&')}"]`);
    for (const l of labels) parts.push(textOf(l));
  }
  const wrap = el.closest('label');
  if (wrap && !wrap.hasAttribute('for')) parts.push(textOf(wrap));
  for (const ref of attr(el, 'aria-labelledby').split(/\s+/)) {
    const target = ref ? byId(root, ref) : null;
    if (target) parts.push(textOf(target));
  }
  return squash(parts.join(' ')).slice(0, LABEL_MAX);
}

/**
 * What sits next to the field: the largest ancestor (up to NEIGHBOUR_LEVELS up) that holds at most
 * one other control — the row of a code box and its "send code" button or captcha image.
 */
/**
 * Whether `el` holds at least `n` fillable controls. The tag counts (live collections, cheap to
 * re-read) settle it for big containers, so a 2,000-input form is not queried once per field.
 */
function holdsAtLeast(el: Element, n: number): boolean {
  const tags = ['input', 'select', 'textarea'].reduce((sum, t) => sum + el.getElementsByTagName(t).length, 0);
  if (tags < n) return false;
  if (tags > n + 8) return true;
  return el.querySelectorAll(CONTROLS).length >= n;
}

function neighbours(el: Element): { codeButton: boolean; codeImage: boolean } {
  let row: Element | null = null;
  for (let p = el.parentElement, depth = 0; p && depth < NEIGHBOUR_LEVELS; p = p.parentElement, depth++) {
    if (holdsAtLeast(p, 3)) break;
    row = p;
  }
  if (!row) return { codeButton: false, codeImage: false };
  const buttons = [...row.querySelectorAll('button,a,[role=button],input[type=button],input[type=submit]')].map((b) =>
    b.localName === 'input' ? (b.getAttribute('value') ?? '') : textOf(b, 40),
  );
  const codeButton = SEND_CODE.test(textOf(row, NEARBY_MAX)) || buttons.some((b) => SEND_CODE.test(b) || SEND_VERB.test(b.trim()));
  return { codeButton, codeImage: !codeButton && row.querySelector('img,canvas') !== null };
}

/**
 * The first words of the field's form (or of the nearest block of 3+ controls),
 * with its controls' placeholders, names and first options: forms often carry their words only there.
 */
function sectionText(el: Element): string {
  let section: Element | null = null;
  for (let p = el.parentElement, depth = 0; !section && p && depth < 8; p = p.parentElement, depth++)
    if (p.localName === 'form' || holdsAtLeast(p, 3)) section = p;
  if (!section) return '';
  const parts = [textOf(section, SECTION_MAX)];
  // Live collections read by index: a 2,000-input form is not listed once per field.
  const inputs = section.getElementsByTagName('input');
  for (let i = 0; i < inputs.length && i < SECTION_CONTROLS; i++) {
    const input = inputs[i] as Element;
    parts.push(attr(input, 'placeholder'), attr(input, 'name'));
  }
  const selects = section.getElementsByTagName('select');
  for (let i = 0; i < selects.length && i < SECTION_CONTROLS; i++) parts.push(selects[i]?.querySelector('option')?.textContent ?? '');
  return squash(parts.join(' ')).slice(0, SECTION_MAX * 2);
}

/** `labels`: pass a labelIndex() of the field's root when reading many fields of one page. */
export function fieldSignals(el: Element, labels?: LabelIndex): FieldSignals {
  const ml = parseInt(attr(el, 'maxlength'), 10);
  return {
    autocomplete: attr(el, 'autocomplete').toLowerCase(),
    type: (attr(el, 'type') || (el.nodeName === 'TEXTAREA' ? 'textarea' : 'text')).toLowerCase(),
    inputmode: attr(el, 'inputmode').toLowerCase(),
    maxLength: ml > 0 ? ml : null,
    pattern: attr(el, 'pattern'),
    name: attr(el, 'name'),
    id: el.id,
    placeholder: squash(attr(el, 'placeholder')),
    // title is what a screen reader falls back to when there is no aria-label.
    ariaLabel: squash(attr(el, 'aria-label') || attr(el, 'title')),
    label: labelText(el, labels),
    nearby: nearbyText(el),
    ...neighbours(el),
    section: sectionText(el),
  };
}
