// What the user has typed into this frame's fields, as the guard needs it: every value a field has
// held through the user's own input (trusted events only: a page can't fire them), kept for the
// page's life — a page that masks the field, rewrites it by script or adds decoy fields can't make
// a typed value stop being watched. Values typed through a page's own "security keyboard" (the
// field shows stars, the page keeps the digits) are rebuilt from the trusted `beforeinput` events.
// Values live only in this frame's memory (and the background's, for the tab) and die with the page.
import { classifyField } from '@/lib/detect/field-classifier';
import type { ReportedItem } from '@/lib/messages/guard-messages';
import type { FieldKind } from '@/lib/types';
import { sniffValue } from '@/lib/validate/checks/value-sniff';
import { maskMiddle } from '@/lib/validate/mask';
import { canonicalValue, minimumLength, watchedValue, type WatchedValue } from './value-match';
import { isTypable } from './typable';

export { isTypable };

/** Values kept per field; past this the shortest go first (a person's own typing never gets near it). */
const MAX_VALUES_PER_FIELD = 64;
/** Fields tracked per frame: far above any form, a bound against runaway memory. */
const MAX_FIELDS = 2_000;


/** How much of each kind stays readable in the masked form. */
export function maskFor(kind: FieldKind, raw: string): string {
  const canonical = canonicalValue(raw);
  switch (kind) {
    case 'phone': {
      // Without numbering-plan data the country code can't be split off; a long number keeps it in
      // the visible head (as much as the one-third-hidden rule allows: "8613*****8000"), a national
      // one reads "138****8000".
      const digits = canonical.replace(/\D/g, '').replace(/^00/, '');
      return maskMiddle(digits, digits.length > 11 ? digits.length - 8 : 3, 4);
    }
    case 'national-id':
    case 'bank-card':
      return maskMiddle(canonical, 4, 4);
    case 'otp':
      // A code is useless once used, but shown fully masked anyway: it is never worth displaying.
      return '*'.repeat(canonical.length);
  }
}

/**
 * The value as the background fingerprints it. Phones are finished there with libphonenumber (too
 * big for a content script): here only digits, '+' when typed international, and the region guess.
 */
export function fingerprintSource(kind: FieldKind, raw: string, phoneRegion: () => string | undefined): Pick<ReportedItem, 'fingerprintValue' | 'region'> {
  const canonical = canonicalValue(raw);
  if (kind !== 'phone') return { fingerprintValue: canonical.slice(0, 64) };
  const international = /^[\s(]*(\+|00)/.test(raw.normalize('NFKC'));
  const digits = canonical.replace(/\D+/g, '');
  const region = phoneRegion();
  return {
    fingerprintValue: (international ? `+${digits.replace(/^00/, '')}` : digits).slice(0, 64),
    ...(region && /^[A-Z]{2}$/.test(region) ? { region } : {}),
  };
}


const valueOf = (el: Element): string =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : ((el as HTMLElement).innerText ?? el.textContent ?? '');

/** Inputs that hold one character of a split code or number (OTP boxes). */
const isSingleCharBox = (el: Element): el is HTMLInputElement => el instanceof HTMLInputElement && el.maxLength === 1;

interface Field {
  key: string;
  /** The element the values belong to (the first box of a split code). */
  element: Element;
  /** What the field's label says it is; null when it says nothing (values may still sniff as an ID or card). */
  labelled: { kind: FieldKind; country?: string } | null;
  /** Every value it has held, oldest first (raw, as typed). */
  values: string[];
  /** The text rebuilt from the user's own keystrokes, for fields that show something else. */
  typed: string;
}

export interface TrackedValue {
  watched: WatchedValue;
  fieldKey: string;
  kind: FieldKind;
  /** The raw value this entry watches. */
  raw: string;
}

export class TrackedValues {
  private readonly fields = new Map<Element, Field>();
  private readonly byKey = new Map<string, Field>();
  private entries: TrackedValue[] = [];
  private nextKey = 1;

  /** `phoneRegion`: the region a phone typed without +code belongs to (for its fingerprint). */
  constructor(private readonly phoneRegion: () => string | undefined = () => undefined) {}

  private fieldFor(el: Element): Field | undefined {
    let field = this.fields.get(el);
    if (!field) {
      if (this.fields.size >= MAX_FIELDS) return undefined;
      const verdict = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLElement ? classifyField(el) : null;
      field = {
        key: `f${this.nextKey++}`,
        element: el,
        labelled: verdict ? { kind: verdict.kind, ...(verdict.country ? { country: verdict.country } : {}) } : null,
        values: [],
        typed: '',
      };
      this.fields.set(el, field);
      this.byKey.set(field.key, field);
    }
    return field;
  }

  /**
   * Applies one of the user's own `beforeinput` events to the text rebuilt for `el` (what the user
   * typed, whatever the page shows in the field).
   */
  beforeInput(el: Element, event: InputEvent): void {
    if (!isTypable(el)) return;
    const field = this.fieldFor(el);
    if (!field) return;
    const control = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : null;
    let start = field.typed.length;
    let end = start;
    try {
      if (control && control.selectionStart !== null && control.value.length === field.typed.length) {
        start = control.selectionStart;
        end = control.selectionEnd ?? start;
      }
    } catch {
      // Inputs of some types have no selection: append.
    }
    const data = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
    const type = event.inputType;
    if (type.startsWith('insert')) field.typed = field.typed.slice(0, start) + data + field.typed.slice(end);
    else if (type.startsWith('delete')) {
      if (start !== end) field.typed = field.typed.slice(0, start) + field.typed.slice(end);
      else if (type.endsWith('Backward')) field.typed = field.typed.slice(0, Math.max(0, start - 1)) + field.typed.slice(start);
      else field.typed = field.typed.slice(0, start) + field.typed.slice(start + 1);
    }
    this.remember(field, field.typed);
  }

  /**
   * Takes what `el` holds after the user's own input (or a value typed before the guard ran).
   * Returns true when the watched values changed (the isolated world must re-publish them).
   */
  update(el: Element): boolean {
    if (!isTypable(el)) return false;
    if (isSingleCharBox(el)) {
      // A code split over single-character boxes: the value is the boxes read together.
      const boxes = [...(el.parentElement?.parentElement ?? el.parentElement ?? el).querySelectorAll('input')].filter(isSingleCharBox);
      if (boxes.length >= 4 && boxes.length <= 8) {
        const field = this.fieldFor(boxes[0]!);
        if (!field) return false;
        field.labelled = { kind: 'otp' };
        return this.remember(field, boxes.map((box) => box.value).join(''));
      }
    }
    const field = this.fieldFor(el);
    if (!field) return false;
    const value = valueOf(el);
    // The user cleared the field: start rebuilding afresh (values already held stay watched).
    if (value === '') field.typed = '';
    return this.remember(field, value);
  }

  private kindOf(field: Field, raw: string): FieldKind | undefined {
    return field.labelled?.kind ?? sniffValue(raw)?.kind;
  }

  private remember(field: Field, raw: string): boolean {
    const value = raw.trim();
    const kind = this.kindOf(field, value);
    if (!kind || canonicalValue(value).length < minimumLength(kind) || field.values.includes(value)) return false;
    field.values.push(value);
    if (field.values.length > MAX_VALUES_PER_FIELD) {
      let shortest = 0;
      for (let i = 1; i < field.values.length - 1; i++) if (field.values[i]!.length < field.values[shortest]!.length) shortest = i;
      field.values.splice(shortest, 1);
    }
    this.rebuild();
    return true;
  }

  private rebuild(): void {
    const entries: TrackedValue[] = [];
    const seen = new Set<string>();
    for (const field of this.fields.values()) {
      field.values.forEach((raw, index) => {
        const kind = this.kindOf(field, raw);
        if (!kind) return;
        const watched = watchedValue(`${field.key}:${index}`, kind, raw);
        if (!watched || seen.has(`${kind}:${watched.canonical}`)) return;
        seen.add(`${kind}:${watched.canonical}`);
        entries.push({ watched, fieldKey: field.key, kind, raw });
      });
    }
    this.entries = entries;
  }

  watched(): WatchedValue[] {
    return this.entries.map((entry) => entry.watched);
  }

  entriesFor(ids: Iterable<string>): TrackedValue[] {
    const wanted = new Set(ids);
    return this.entries.filter((entry) => wanted.has(entry.watched.id));
  }

  get(id: string): TrackedValue | undefined {
    return this.entries.find((entry) => entry.watched.id === id);
  }

  /**
   * A field as one item for a prompt and the log: its latest value of `kind` (a field's partial
   * values under one decision are one entry; the background keeps it only once it is complete).
   */
  item(fieldKey: string, kind?: FieldKind): ReportedItem | undefined {
    const field = this.byKey.get(fieldKey);
    if (!field) return undefined;
    for (let i = field.values.length - 1; i >= 0; i--) {
      const raw = field.values[i]!;
      const valueKind = this.kindOf(field, raw);
      if (!valueKind || (kind && valueKind !== kind)) continue;
      return {
        kind: valueKind,
        masked: maskFor(valueKind, raw),
        ...(field.labelled?.country ? { country: field.labelled.country } : {}),
        ...fingerprintSource(valueKind, raw, this.phoneRegion),
        fieldKey,
      };
    }
    return undefined;
  }
}
