// Collects the strings that say what a form field is for (attributes, label, nearby text), using
// only standard DOM APIs so it works in every frame, in open shadow roots and under happy-dom.

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
}

/** Nearby text longer than this is a paragraph, not a caption. */
export const NEARBY_MAX = 100;
const LABEL_MAX = 150;
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
      if (c.nodeType === 3) out += c.nodeValue ?? '';
      else if (c.nodeType === 1 && !NO_TEXT.test(c.nodeName) && !(c as Element).hasAttribute('hidden')) {
        out += ' ';
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

const countControls = (el: Element): number => el.querySelectorAll(CONTROLS).length;

/**
 * Text around `start` that belongs to a field of `controls` inputs: the largest ancestor holding
 * only those inputs, else the previous sibling. Long text is a paragraph and is dropped.
 */
export function nearbyText(start: Element, controls = 1): string {
  let top = start;
  const stop = start.ownerDocument?.body;
  for (let p = start.parentElement, depth = 0; p && p !== stop && depth < 6; p = p.parentElement, depth++) {
    if (countControls(p) !== controls) break;
    top = p;
  }
  let text = top === start && controls === 1 ? '' : textOf(top, NEARBY_MAX);
  if (!text) text = previousText(top);
  return text.length > NEARBY_MAX ? '' : text;
}

function byId(root: Node, id: string): Element | null {
  const r = root as Document | ShadowRoot;
  return typeof r.getElementById === 'function' ? r.getElementById(id) : null;
}

/** <label for>, a wrapping <label>, and aria-labelledby, looked up in the field's own root. */
export function labelText(el: Element): string {
  const root = el.getRootNode();
  const parts: string[] = [];
  const native = (el as HTMLInputElement).labels;
  if (native) {
    for (const l of native) parts.push(textOf(l));
  } else {
    const id = el.id;
    if (id && 'querySelectorAll' in root) {
      for (const l of (root as ParentNode).querySelectorAll('label[for]')) {
        if (l.getAttribute('for') === id) parts.push(textOf(l));
      }
    }
    const wrap = el.closest('label');
    if (wrap) parts.push(textOf(wrap));
  }
  for (const ref of attr(el, 'aria-labelledby').split(/\s+/)) {
    const target = ref ? byId(root, ref) : null;
    if (target) parts.push(textOf(target));
  }
  return squash(parts.join(' ')).slice(0, LABEL_MAX);
}

export function fieldSignals(el: Element): FieldSignals {
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
    label: labelText(el),
    nearby: nearbyText(el),
  };
}
