// lib/guard/frame/tracked-values.ts: the user's typing (labelled, sniffed, OTP boxes, contenteditable,
// rebuilt from beforeinput) → every value a field held as watched values, and one masked item per field.
import { beforeEach, describe, expect, it } from 'vitest';
import { maskFor, TrackedValues } from '@/lib/guard/frame/tracked-values';

/** Puts `html` in the page and returns the element with `id`. */
function mount(html: string): void {
  document.body.innerHTML = html;
}
const byId = <T extends HTMLElement = HTMLInputElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el as T;
};
/** Types `value` into `el` and lets the tracker see it, as the input listener does. */
function type(tracked: TrackedValues, el: HTMLInputElement | HTMLTextAreaElement, value: string): boolean {
  el.value = value;
  return tracked.update(el);
}

const PHONE_FIELD = '<label for="m">手机号码</label><input id="m" name="mobile">';
const ID_FIELD = '<label for="i">身份证号</label><input id="i">';

describe('TrackedValues', () => {
  let tracked: TrackedValues;
  beforeEach(() => {
    document.body.innerHTML = '';
    tracked = new TrackedValues();
  });
  const canonicals = () => tracked.watched().map((value) => value.canonical);

  it('watches a phone typed into a labelled phone field; the item is masked and names its field', () => {
    mount(PHONE_FIELD);
    expect(type(tracked, byId('m'), '138 0013 8000')).toBe(true);
    const [entry] = tracked.entriesFor(tracked.watched().map((w) => w.id));
    expect(entry).toMatchObject({ kind: 'phone', watched: { canonical: '13800138000' } });
    expect(tracked.item(entry!.fieldKey)).toEqual({ kind: 'phone', masked: '138****8000', fingerprintValue: '13800138000', fieldKey: entry!.fieldKey });
  });

  it('keeps the country the classifier found on the item', () => {
    mount(ID_FIELD);
    type(tracked, byId('i'), '11010519491231002x');
    const [entry] = tracked.entriesFor(tracked.watched().map((w) => w.id));
    expect(tracked.item(entry!.fieldKey)).toMatchObject({ kind: 'national-id', masked: '1101**********002X', country: 'CN' });
  });

  it('does not watch a value shorter than the minimum for its kind', () => {
    mount(PHONE_FIELD);
    expect(type(tracked, byId('m'), '1380')).toBe(false);
    expect(type(tracked, byId('m'), '13800')).toBe(false);
    expect(tracked.watched()).toEqual([]);
    expect(type(tracked, byId('m'), '138001')).toBe(true);
    expect(canonicals()).toEqual(['138001']);
  });

  it('keeps every value a field has held: clearing or masking the field does not unwatch it', () => {
    mount(PHONE_FIELD);
    type(tracked, byId('m'), '13800138000');
    expect(type(tracked, byId('m'), '')).toBe(false);
    type(tracked, byId('m'), '***********');
    expect(canonicals()).toEqual(['13800138000']);
  });

  it("keeps a growing value's earlier forms too (a keystroke beacon may carry any of them)", () => {
    mount(PHONE_FIELD);
    for (let n = 6; n <= 11; n++) type(tracked, byId('m'), '13800138000'.slice(0, n));
    expect(canonicals()).toEqual(['138001', '1380013', '13800138', '138001380', '1380013800', '13800138000']);
    // The item is the field's latest value: one entry per field.
    const keys = new Set(tracked.entriesFor(tracked.watched().map((w) => w.id)).map((e) => e.fieldKey));
    expect(keys.size).toBe(1);
    expect(tracked.item([...keys][0]!)?.masked).toBe('138****8000');
  });

  it('rebuilds what the user typed when the page shows something else (a "security keyboard")', () => {
    mount(ID_FIELD);
    const field = byId('i');
    for (const char of '11010519491231002X') {
      tracked.beforeInput(field, new InputEvent('beforeinput', { inputType: 'insertText', data: char }));
      // The page replaces every typed character with a star in the field itself.
      field.value = '*'.repeat(field.value.length + 1);
      tracked.update(field);
    }
    expect(canonicals()).toContain('11010519491231002X');
  });

  it('applies deletions to the rebuilt text', () => {
    mount(PHONE_FIELD);
    const field = byId('m');
    for (const char of '138001380009') tracked.beforeInput(field, new InputEvent('beforeinput', { inputType: 'insertText', data: char }));
    tracked.beforeInput(field, new InputEvent('beforeinput', { inputType: 'deleteContentBackward' }));
    expect(canonicals()).toContain('13800138000');
  });

  it('keeps one stable field key per field across edits', () => {
    mount(PHONE_FIELD + ID_FIELD);
    type(tracked, byId('m'), '13800138000');
    type(tracked, byId('i'), '11010519491231002X');
    type(tracked, byId('m'), '13900139000');
    const keys = tracked.entriesFor(tracked.watched().map((w) => w.id)).map((e) => e.fieldKey);
    expect(new Set(keys).size).toBe(2);
  });

  it('catches a CN ID number in an unlabelled text field by its check digit', () => {
    mount('<input id="u" type="text">');
    expect(type(tracked, byId('u'), '110105 19491231 002x')).toBe(true);
    expect(tracked.watched()[0]).toMatchObject({ kind: 'national-id', canonical: '11010519491231002X' });
  });

  it('catches a Luhn-valid card number in an unlabelled field, a textarea and a contenteditable box', () => {
    mount('<input id="u"><textarea id="t"></textarea><div id="e" contenteditable="true"></div>');
    expect(type(tracked, byId('u'), '6212 3456 7890 1232')).toBe(true);
    expect(type(tracked, byId<HTMLTextAreaElement>('t'), '4111-1111-1111-1111')).toBe(true);
    const editable = byId<HTMLDivElement>('e');
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    editable.textContent = '5555 5555 5555 4444';
    expect(tracked.update(editable)).toBe(true);
    expect(canonicals()).toEqual(['6212345678901232', '4111111111111111', '5555555555554444']);
  });

  it('does not sniff a random 11-digit number, or a card number failing Luhn, in an unlabelled field', () => {
    mount('<input id="u"><input id="v">');
    expect(type(tracked, byId('u'), '20231115093')).toBe(false);
    expect(type(tracked, byId('v'), '6212345678901233')).toBe(false);
    expect(tracked.watched()).toEqual([]);
  });

  it('reads a code split over six single-character boxes as one OTP value', () => {
    mount(`<form><div id="otp">${[0, 1, 2, 3, 4, 5].map((i) => `<input id="b${i}" maxlength="1">`).join('')}</div></form>`);
    const changes = [...'482913'].map((digit, i) => type(tracked, byId(`b${i}`), digit));
    // Three boxes are too short to match safely; from the fourth on each box adds a value.
    expect(changes).toEqual([false, false, false, true, true, true]);
    expect(tracked.watched().at(-1)).toMatchObject({ kind: 'otp', canonical: '482913' });
  });

  it('reads OTP boxes that are each wrapped in their own element', () => {
    mount(`<div id="otp">${[0, 1, 2, 3, 4, 5].map((i) => `<span><input id="b${i}" maxlength="1"></span>`).join('')}</div>`);
    [...'730155'].forEach((digit, i) => type(tracked, byId(`b${i}`), digit));
    expect(canonicals()).toContain('730155');
  });

  it('ignores elements that cannot carry typed personal data', () => {
    mount(
      '<div id="d"></div><input id="h" type="hidden" value="13800138000"><input id="c" type="checkbox">' +
        '<input id="s" type="submit" value="13800138000"><input id="r" type="radio" value="11010519491231002X">',
    );
    for (const id of ['d', 'h', 'c', 's', 'r']) expect(tracked.update(byId(id))).toBe(false);
    expect(tracked.watched()).toEqual([]);
  });

  it('no eviction a page can force: decoy fields typed by script never push a typed value out', () => {
    mount(PHONE_FIELD + Array.from({ length: 60 }, (_, i) => `<label for="p${i}">手机号码</label><input id="p${i}">`).join(''));
    type(tracked, byId('m'), '13800138000');
    for (let i = 0; i < 60; i++) type(tracked, byId(`p${i}`), `139001390${String(i).padStart(2, '0')}`);
    expect(canonicals()).toContain('13800138000');
  });
});

describe('maskFor', () => {
  it('shows a national phone as head 3 and tail 4', () => {
    expect(maskFor('phone', '138 0013 8000')).toBe('138****8000');
  });

  it('keeps an international prefix in the visible head, still hiding at least a third', () => {
    // 13 digits: maskMiddle hides at least 5 of them, so the head shrinks from 5 to 4.
    expect(maskFor('phone', '+86 138 0013 8000')).toBe('8613*****8000');
    expect(maskFor('phone', '0086 138 0013 8000')).toBe('8613*****8000');
  });

  it('shows an ID number as head 4 and tail 4', () => {
    expect(maskFor('national-id', '11010519491231002x')).toBe('1101**********002X');
  });

  it('shows a card as head 4 and tail 4', () => {
    expect(maskFor('bank-card', '6212 3456 7890 1232')).toBe('6212********1232');
  });

  it('stars an OTP completely', () => {
    expect(maskFor('otp', '482913')).toBe('******');
    expect(maskFor('otp', 'ab-12')).toBe('****');
  });

  it('never gives back the value itself', () => {
    for (const [kind, raw] of [
      ['phone', '13800138000'],
      ['national-id', '11010519491231002X'],
      ['bank-card', '6212345678901232'],
      ['otp', '482913'],
    ] as const) {
      const masked = maskFor(kind, raw);
      expect(masked).not.toContain(raw);
      expect(masked).toContain('*');
    }
  });

  it('gives phones their digits for fingerprinting, with + when typed international, and the region guess', () => {
    const regional = new TrackedValues(() => 'CN');
    mount('<label for="p">手机号</label><input id="p"><label for="q">Phone</label><input id="q">');
    type(regional, byId('p'), '138 0013 8000');
    type(regional, byId('q'), '0086 138-0013-8000');
    const keys = [...new Set(regional.entriesFor(regional.watched().map((w) => w.id)).map((e) => e.fieldKey))];
    const items = keys.map((key) => regional.item(key));
    expect(items.map((item) => [item?.fingerprintValue, item?.region])).toEqual([
      ['13800138000', 'CN'],
      ['+8613800138000', 'CN'],
    ]);
  });
});
