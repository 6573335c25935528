// Checks of stored objects by hand, for the log's hot reads. Extension pages forbid eval, so zod can't
// compile its schemas there and parses every field generically: on a 50,000-event read that was most of
// the script time. Each check here follows zod 4's own rules (finite numbers only; string lengths in
// code points, as zod counts them) so a hand-checked schema accepts exactly what its zod schema does;
// tests/lib/log/stored-check.test.ts holds each pair equal over generated objects.

export type Plain = Record<string, unknown>;

/** What z.object accepts as input: any non-null object that is not an array. */
export const isPlainObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** z.number(): a finite number (NaN and ±Infinity are refused). */
export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** z.number().check(z.int(), z.nonnegative()): zod's int is a safe integer. */
export const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/**
 * z.string() with z.minLength(min) / z.maxLength(max): zod counts code points, so a surrogate pair is
 * one. Counted only when the UTF-16 length leaves it in doubt (a code point is one or two units).
 */
export function isStringOfLength(value: unknown, min: number, max: number): value is string {
  if (typeof value !== 'string') return false;
  const units = value.length;
  if (units < min) return false;
  if (units <= max && units >= min * 2) return true;
  const length = codePoints(value);
  return length >= min && length <= max;
}

/** z.string().check(z.regex(pattern)) for a pattern without the g or y flag. */
export const isMatch = (value: unknown, pattern: RegExp): value is string => typeof value === 'string' && pattern.test(value);

export const isOneOf = <T extends string>(value: unknown, values: readonly T[]): value is T => (values as readonly unknown[]).includes(value);

/** z.array(z.string().check(z.maxLength(itemMax))).check(z.minLength(min), z.maxLength(max)), copied as zod copies it. */
export function stringArray(value: unknown, min: number, max: number, itemMax: number): string[] | null {
  if (!Array.isArray(value) || value.length < min || value.length > max) return null;
  const copy: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (!isStringOfLength(item, 0, itemMax)) return null;
    copy.push(item);
  }
  return copy;
}
