// What the user has typed into watched fields in this frame, as the guard needs it: the matchable
// canonical form (for the MAIN-world wrappers) and the masked form (for the prompt and the log).
// Values live only in this frame's memory and die with the page.
import { classifyField } from '@/lib/detect/field-classifier';
import { maskMiddle } from '@/lib/validate/mask';
import { canonicalValue, watchedValue, type WatchedValue } from '../page/value-match';
import { sniffValue } from '@/lib/validate/checks/value-sniff';
import type { FieldKind } from '@/lib/types';
import type { ReportedItem } from '@/lib/messages/guard-messages';

export interface TrackedValue {
  watched: WatchedValue;
  /** Masked value for the prompt and log, plus the normalised value the background fingerprints. */
  item: ReportedItem;
}

/** Inputs that hold one character of a split code or number (OTP boxes). */
const isSingleCharBox = (el: Element): el is HTMLInputElement => el instanceof HTMLInputElement && el.maxLength === 1;

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
      return maskMiddle(canonical, 4, 4);
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

export class TrackedValues {
  private readonly byElement = new WeakMap<Element, string>();
  private readonly verdicts = new WeakMap<Element, { kind: FieldKind; country?: string } | null>();
  private readonly values = new Map<string, TrackedValue>();
  private nextId = 1;

  /** `phoneRegion`: the region a phone typed without +code belongs to (for its fingerprint). */
  constructor(
    private readonly maxValues = 50,
    private readonly phoneRegion: () => string | undefined = () => undefined,
  ) {}

  /** Element → stable id for this page's life. */
  private idOf(el: Element): string {
    let id = this.byElement.get(el);
    if (!id) {
      id = `f${this.nextId++}`;
      this.byElement.set(el, id);
    }
    return id;
  }

  private classify(el: Element): { kind: FieldKind; country?: string } | null {
    if (!this.verdicts.has(el)) {
      const verdict = classifyField(el);
      this.verdicts.set(el, verdict ? { kind: verdict.kind, ...(verdict.country ? { country: verdict.country } : {}) } : null);
    }
    return this.verdicts.get(el) ?? null;
  }

  /**
   * Updates what `el` holds after an input/change event. Returns true when the set of watched
   * values changed (the MAIN world must be told).
   */
  update(el: Element): boolean {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return false;
    if (el instanceof HTMLInputElement && ['hidden', 'checkbox', 'radio', 'file', 'submit', 'button', 'range', 'color'].includes(el.type)) return false;
    let source: Element = el;
    let raw = el.value;
    let known = this.classify(el);
    if (isSingleCharBox(el)) {
      // A code split over single-character boxes: the value is the boxes read together.
      const boxes = [...(el.parentElement?.parentElement ?? el.parentElement ?? el).querySelectorAll('input')].filter(isSingleCharBox);
      if (boxes.length >= 4 && boxes.length <= 8) {
        source = boxes[0]!;
        raw = boxes.map((box) => box.value).join('');
        known = { kind: 'otp' };
      }
    }
    const id = this.idOf(source);
    const sniffed = known ? null : sniffValue(raw);
    const kind = known?.kind ?? sniffed?.kind;
    const watched = kind ? watchedValue(id, kind, raw) : null;
    const before = this.values.get(id)?.watched.canonical;
    if (!kind || !watched) {
      this.values.delete(id);
      return before !== undefined;
    }
    const country = known?.country;
    this.values.delete(id); // re-insert as most recent
    const item: ReportedItem = { kind, masked: maskFor(kind, raw), ...(country ? { country } : {}), ...fingerprintSource(kind, raw, this.phoneRegion) };
    this.values.set(id, { watched, item });
    if (this.values.size > this.maxValues) this.values.delete(this.values.keys().next().value!);
    return before !== watched.canonical;
  }

  watched(): WatchedValue[] {
    return [...this.values.values()].map((value) => value.watched);
  }

  get(id: string): TrackedValue | undefined {
    return this.values.get(id);
  }
}
