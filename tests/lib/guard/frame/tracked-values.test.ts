// Unit tests for lib/guard/frame/tracked-values.ts: typed inputs (labelled, sniffed, OTP boxes) → watched values and masked items.
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

  it('watches a phone typed into a labelled phone field, masked for display', () => {
    mount(PHONE_FIELD);
    expect(type(tracked, byId('m'), '138 0013 8000')).toBe(true);
    const watched = tracked.watched();
    expect(watched).toHaveLength(1);
    expect(watched[0]).toMatchObject({ kind: 'phone', canonical: '13800138000' });
    expect(tracked.get(watched[0]!.id)?.item).toEqual({ kind: 'phone', masked: '138****8000', fingerprintValue: '13800138000' });
  });

  it('keeps the country the classifier found on the item', () => {
    mount(ID_FIELD);
    type(tracked, byId('i'), '11010519491231002x');
    const [value] = tracked.watched();
    expect(tracked.get(value!.id)?.item).toEqual({ kind: 'national-id', masked: '1101**********002X', country: 'CN', fingerprintValue: '11010519491231002X' });
  });

  it('does not watch a value shorter than the minimum for its kind', () => {
    mount(PHONE_FIELD);
    expect(type(tracked, byId('m'), '1380')).toBe(false);
    expect(type(tracked, byId('m'), '13800')).toBe(false);
    expect(tracked.watched()).toEqual([]);
    expect(type(tracked, byId('m'), '138001')).toBe(true);
    expect(tracked.watched()).toHaveLength(1);
  });

  it('forgets the value when the field is cleared, and says so once', () => {
    mount(PHONE_FIELD);
    type(tracked, byId('m'), '13800138000');
    const [{ id } = { id: '' }] = tracked.watched();
    expect(type(tracked, byId('m'), '')).toBe(true);
    expect(tracked.watched()).toEqual([]);
    expect(tracked.get(id)).toBeUndefined();
    expect(type(tracked, byId('m'), '')).toBe(false);
  });

  it('forgets the value when it is edited below the minimum', () => {
    mount(PHONE_FIELD);
    type(tracked, byId('m'), '13800138000');
    expect(type(tracked, byId('m'), '138')).toBe(true);
    expect(tracked.watched()).toEqual([]);
  });

  it('reports a change only when the watched set changed', () => {
    mount(PHONE_FIELD);
    expect(type(tracked, byId('m'), '13800138000')).toBe(true);
    // Same canonical value, other spelling: nothing new for the MAIN world.
    expect(type(tracked, byId('m'), '138-0013-8000')).toBe(false);
    expect(tracked.update(byId('m'))).toBe(false);
    expect(type(tracked, byId('m'), '13800138001')).toBe(true);
    expect(tracked.watched()[0]?.canonical).toBe('13800138001');
  });

  it('keeps one stable id per field across edits', () => {
    mount(PHONE_FIELD + ID_FIELD);
    type(tracked, byId('m'), '13800138000');
    const first = tracked.watched()[0]!.id;
    type(tracked, byId('i'), '11010519491231002X');
    type(tracked, byId('m'), '13900139000');
    const ids = tracked.watched().map((value) => value.id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain(first);
    expect(new Set(ids).size).toBe(2);
  });

  it('catches a CN ID number in an unlabelled text field by its check digit', () => {
    mount('<input id="u" type="text">');
    expect(type(tracked, byId('u'), '110105 19491231 002x')).toBe(true);
    const [value] = tracked.watched();
    expect(value).toMatchObject({ kind: 'national-id', canonical: '11010519491231002X' });
    expect(tracked.get(value!.id)?.item).toEqual({ kind: 'national-id', masked: '1101**********002X', fingerprintValue: '11010519491231002X' });
  });

  it('catches a Luhn-valid card number in an unlabelled field (and a textarea)', () => {
    mount('<input id="u"><textarea id="t"></textarea>');
    expect(type(tracked, byId('u'), '6212 3456 7890 1232')).toBe(true);
    expect(type(tracked, byId<HTMLTextAreaElement>('t'), '4111-1111-1111-1111')).toBe(true);
    const items = tracked.watched().map((value) => tracked.get(value.id)?.item);
    expect(items).toEqual([
      { kind: 'bank-card', masked: '6212********1232', fingerprintValue: '6212345678901232' },
      { kind: 'bank-card', masked: '4111********1111', fingerprintValue: '4111111111111111' },
    ]);
  });

  it('does not sniff a random 11-digit number, or a card number failing Luhn, in an unlabelled field', () => {
    mount('<input id="u"><input id="v">');
    expect(type(tracked, byId('u'), '20231115093')).toBe(false);
    expect(type(tracked, byId('v'), '6212345678901233')).toBe(false);
    expect(tracked.watched()).toEqual([]);
  });

  it('forgets a sniffed value once it no longer passes its check', () => {
    mount('<input id="u">');
    type(tracked, byId('u'), '11010519491231002X');
    expect(type(tracked, byId('u'), '11010519491231002')).toBe(true);
    expect(tracked.watched()).toEqual([]);
  });

  it('reads a code split over six single-character boxes as one OTP value', () => {
    mount(`<form><div id="otp">${[0, 1, 2, 3, 4, 5].map((i) => `<input id="b${i}" maxlength="1">`).join('')}</div></form>`);
    const digits = '482913';
    const changes = [...digits].map((digit, i) => type(tracked, byId(`b${i}`), digit));
    // Three boxes are too short to match safely; from the fourth on each box changes the value.
    expect(changes).toEqual([false, false, false, true, true, true]);
    const watched = tracked.watched();
    expect(watched).toHaveLength(1);
    expect(watched[0]).toMatchObject({ kind: 'otp', canonical: '482913' });
    expect(tracked.get(watched[0]!.id)?.item).toMatchObject({ kind: 'otp', masked: '******' });
  });

  it('reads OTP boxes that are each wrapped in their own element', () => {
    mount(`<div id="otp">${[0, 1, 2, 3, 4, 5].map((i) => `<span><input id="b${i}" maxlength="1"></span>`).join('')}</div>`);
    [...'730155'].forEach((digit, i) => type(tracked, byId(`b${i}`), digit));
    expect(tracked.watched().map((value) => [value.kind, value.canonical])).toEqual([['otp', '730155']]);
    // Correcting one box updates the same value.
    expect(type(tracked, byId('b2'), '9')).toBe(true);
    expect(tracked.watched().map((value) => value.canonical)).toEqual(['739155']);
  });

  it('drops the OTP value when boxes are cleared', () => {
    mount(`<div>${[0, 1, 2, 3, 4, 5].map((i) => `<input id="b${i}" maxlength="1">`).join('')}</div>`);
    [...'482913'].forEach((digit, i) => type(tracked, byId(`b${i}`), digit));
    type(tracked, byId('b5'), '');
    type(tracked, byId('b4'), '');
    expect(type(tracked, byId('b3'), '')).toBe(true);
    expect(tracked.watched()).toEqual([]);
  });

  it('ignores elements that cannot carry typed personal data', () => {
    mount(
      '<div id="d"></div><input id="h" type="hidden" value="13800138000"><input id="c" type="checkbox">' +
        '<input id="s" type="submit" value="13800138000"><input id="r" type="radio" value="11010519491231002X">',
    );
    for (const id of ['d', 'h', 'c', 's', 'r']) expect(tracked.update(byId(id))).toBe(false);
    expect(tracked.watched()).toEqual([]);
  });

  it('keeps at most maxValues values, dropping the least recently typed', () => {
    tracked = new TrackedValues(3);
    mount([0, 1, 2, 3].map((i) => `<label for="p${i}">手机号码</label><input id="p${i}">`).join(''));
    type(tracked, byId('p0'), '13800138000');
    type(tracked, byId('p1'), '13800138001');
    type(tracked, byId('p2'), '13800138002');
    // p0 typed again: it becomes the most recent, so p1 is the oldest now.
    type(tracked, byId('p0'), '13800138010');
    expect(type(tracked, byId('p3'), '13800138003')).toBe(true);
    expect(tracked.watched().map((value) => value.canonical)).toEqual(['13800138002', '13800138010', '13800138003']);
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
    const regional = new TrackedValues(50, () => 'CN');
    mount('<label for="p">手机号</label><input id="p"><label for="q">Phone</label><input id="q">');
    type(regional, byId('p'), '138 0013 8000');
    type(regional, byId('q'), '0086 138-0013-8000');
    const items = regional.watched().map((value) => regional.get(value.id)?.item);
    expect(items.map((item) => [item?.fingerprintValue, item?.region])).toEqual([
      ['13800138000', 'CN'],
      ['+8613800138000', 'CN'],
    ]);
  });
});
