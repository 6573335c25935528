// Masking: the only form in which a personal value is ever shown, logged or sent between
// extension parts after a decision. Keeps a few characters at each end so the user can
// recognise their own number ("138****8000") without the value being recoverable.

/** Replace all but the first `keepStart` and last `keepEnd` characters with `*`. */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = [...value];
  // A short value must still be unrecoverable: hide at least a third of it and at least four
  // characters (or all of a shorter one), shrinking what is kept at the ends if needed.
  const mustHide = Math.min(chars.length, Math.max(4, Math.ceil(chars.length / 3)));
  let start = Math.max(0, keepStart);
  let end = Math.max(0, keepEnd);
  while (start + end > 0 && chars.length - start - end < mustHide) {
    if (start >= end) start -= 1;
    else end -= 1;
  }
  const hidden = chars.length - start - end;
  return chars.slice(0, start).join('') + '*'.repeat(hidden) + chars.slice(chars.length - end).join('');
}
