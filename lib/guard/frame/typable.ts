// What counts as a field the user types into: the guard watches these, and the prompt never takes
// the keyboard from one. Kept apart (no dependencies) so the on-page UI can ask without the matchers.

const UNTYPABLE = new Set(['hidden', 'checkbox', 'radio', 'file', 'submit', 'button', 'range', 'color', 'image', 'reset']);

/** A text control or an editing host the user types into. */
export const isTypable = (el: Element): boolean =>
  (el instanceof HTMLInputElement && !UNTYPABLE.has(el.type)) || el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable);
