// The hand checks of stored objects (lib/log/stored-check.ts, checkShareEvent, checkSummaryPair) must
// accept exactly what their zod schemas accept and give the same object back. Held over every field
// changed to each of a pool of awkward values (types, boundary lengths counted in UTF-16 units and in
// code points, lone surrogates, enum and pattern near misses, missing and extra keys) and over
// thousands of objects with several fields changed at once (seeded, so a failure repeats).
import { describe, expect, it } from 'vitest';
import { DATA_KINDS, DECISIONS, END_REASONS, SHARE_ROUTES } from '@/lib/types';
import { checkShareEvent, shareEventSchema, shareEventV1Schema, upgradeShareEvent } from '@/lib/log/share-event';
import { checkSummaryPair, summaryPairSchema } from '@/lib/log/log-summary';
import { shareEventAt } from '../../helpers/share-event-factory';

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LENGTHS = [0, 1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 39, 40, 41, 63, 64, 65, 79, 80, 81, 127, 128, 129, 159, 160, 161, 199, 200, 201, 299, 300, 301, 499, 500, 501, 599, 600, 601, 1023, 1024, 1025, 2047, 2048, 2049, 4096, 4097];
const EMOJI = '\u{1F600}';
const strings: string[] = LENGTHS.flatMap((n) => [
  'a'.repeat(n),
  // n code points, 2n UTF-16 units: zod counts these as n long.
  EMOJI.repeat(n),
  // n code points in n + n/2 units.
  EMOJI.repeat(Math.floor(n / 2)) + 'b'.repeat(n - Math.floor(n / 2)),
  // A lone high surrogate is one unit and one code point.
  '\uD83D' + 'c'.repeat(Math.max(0, n - 1)),
  // A pair split across the boundary: a low surrogate before a high one counts as two.
  '\uDE00\uD83D'.repeat(Math.floor(n / 2)),
]);
const fingerprints = ['a'.repeat(64), 'f'.repeat(64), '0123456789abcdef'.repeat(4), 'A'.repeat(64), 'a'.repeat(63), 'a'.repeat(65), 'g'.repeat(64), `${'a'.repeat(63)}\n`];
const countries = ['CN', 'MX', 'US', 'us', 'U', 'USA', 'C1', 'ÄB', ' CN', 'CN\n'];
const enums = [...DATA_KINDS, ...DECISIONS, ...SHARE_ROUTES, ...END_REASONS, 'Phone', 'sent', 'SENT-ONCE', 'cancelled ', 'constructor', 'toString', '__proto__'];
const scalars: unknown[] = [undefined, null, true, false, 0, -0, 1, 2, 1.5, -1, -0.5, 1e21, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, -Infinity, 1_700_000_000_000, 0n, Symbol('s'), () => 1, new Date(0), {}, { length: 1 }, new String('a')];
const arrays: unknown[] = [
  [],
  ['a.example'],
  ['a.example', 'b.example'],
  Array.from({ length: 9 }, (_, i) => `s${i}.example`),
  Array.from({ length: 10 }, (_, i) => `s${i}.example`),
  Array.from({ length: 11 }, (_, i) => `s${i}.example`),
  Array.from({ length: 20 }, (_, i) => `s${i}.example`),
  Array.from({ length: 21 }, (_, i) => `s${i}.example`),
  [1],
  [null],
  ['a', undefined],
  ['x'.repeat(300)],
  ['x'.repeat(301)],
  [EMOJI.repeat(300)],
  [EMOJI.repeat(301)],
  Object.assign(new Array(2), { 0: 'a.example' }),
  'a.example',
  { 0: 'a.example', length: 1 },
];
const pool: unknown[] = [...scalars, ...strings, ...fingerprints, ...countries, ...enums, ...arrays];
/** Marks a key to delete rather than set. */
const MISSING = Symbol('missing');

function mutated(base: Record<string, unknown>, changes: [string, unknown][]): Record<string, unknown> {
  const copy: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of changes) {
    if (value === MISSING) delete copy[key];
    else copy[key] = value;
  }
  return copy;
}

const zodResult = (schema: { safeParse(raw: unknown): { success: boolean; data?: unknown } }, raw: unknown) => {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

function holdsEqual(name: string, schema: Parameters<typeof zodResult>[0], check: (raw: unknown) => unknown, bases: Record<string, unknown>[]) {
  describe(name, () => {
    const keys = [...new Set([...bases.flatMap((base) => Object.keys(base)), 'country', 'reason', 'extra'])];

    it('accepts the valid objects it is given, as zod does', () => {
      for (const base of bases) {
        expect(zodResult(schema, base)).not.toBeNull();
        expect(check(base)).toStrictEqual(zodResult(schema, base));
      }
    });

    it('agrees with zod on every field set to each value of the pool, or missing', () => {
      let accepted = 0;
      let cases = 0;
      for (const base of bases) {
        for (const key of keys) {
          for (const value of [...pool, MISSING]) {
            const raw = mutated(base, [[key, value]]);
            const expected = zodResult(schema, raw);
            expect({ key, value, result: check(raw) }).toStrictEqual({ key, value, result: expected });
            cases++;
            if (expected !== null) accepted++;
          }
        }
      }
      // Both outcomes are well represented, so neither side of the equality is vacuous.
      expect(accepted).toBeGreaterThan(cases / 10);
      expect(cases - accepted).toBeGreaterThan(cases / 10);
    });

    it('agrees with zod on thousands of objects with several fields changed at once', () => {
      const next = random(20261130);
      const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
      for (let i = 0; i < 4_000; i++) {
        const changes: [string, unknown][] = Array.from({ length: 1 + Math.floor(next() * 3) }, () => [pick(keys), next() < 0.1 ? MISSING : pick(pool)]);
        const raw = mutated(pick(bases), changes);
        expect({ changes, result: check(raw) }).toStrictEqual({ changes, result: zodResult(schema, raw) });
      }
    });

    it('agrees with zod on inputs that are not objects', () => {
      for (const raw of [...scalars, ...arrays, ...strings.slice(0, 10), Object.create(bases[0]!)]) {
        expect(check(raw)).toStrictEqual(zodResult(schema, raw));
      }
    });

    it('returns a copy: unknown keys left out, arrays not shared with the stored object', () => {
      const raw = { ...bases[0]!, extra: 'kept out', toJSON: 1 };
      const result = check(raw) as Record<string, unknown>;
      expect(result).toStrictEqual(zodResult(schema, raw));
      for (const value of Object.values(result)) if (Array.isArray(value)) expect(Object.values(raw)).not.toContain(value);
    });
  });
}

const event = shareEventAt(1_700_000_000_000);
holdsEqual('checkShareEvent and shareEventSchema', shareEventSchema, checkShareEvent, [
  event,
  { ...event, country: 'CN', reason: 'page-left', decision: 'cancelled', destinationSites: ['a.example', 'b.example'] },
  { ...event, fingerprint: null, kind: 'otp', masked: '******', isLoanPage: true, at: -1.5 },
]);

const pair = {
  itemKey: 'a'.repeat(64),
  kind: 'phone',
  masked: '138****8000',
  site: 'lender.example',
  pageSites: ['shop.example'],
  first: 1_700_000_000_000,
  last: 1_700_000_100_000,
  sent: 3,
  cancelled: 0,
  lastDecision: 'sent-once',
  loanPage: false,
};
holdsEqual('checkSummaryPair and summaryPairSchema', summaryPairSchema, checkSummaryPair, [
  pair,
  { ...pair, country: 'MX', pageSites: [], sent: 0, cancelled: 2, loanPage: true, lastDecision: 'cancelled' },
  { ...pair, itemKey: 'otp:codes', kind: 'otp', masked: '******', first: -5, last: 0.25 },
]);

describe('upgradeShareEvent', () => {
  it('still reads v1 events and refuses unreadable objects after the hand check declines them', () => {
    const v1 = { ...event, version: 1, destinationSite: 'lender.example', item: { kind: 'phone', masked: '138****8000' } };
    expect(shareEventV1Schema.safeParse(v1).success).toBe(true);
    expect(checkShareEvent(v1)).toBeNull();
    expect(upgradeShareEvent(v1)).toMatchObject({ version: 2, destinationSites: ['lender.example'], fingerprint: null });
    expect(upgradeShareEvent({ ...event, at: 'yesterday' })).toBeNull();
    expect(upgradeShareEvent(event)).toStrictEqual(zodResult(shareEventSchema, event));
  });
});
