// lib/validate/checks: the in-page value sniffer's examples per scheme, the formats that must not
// count, and proof over generated values that the small dependency-free checks agree with the full
// validators (lib/validate/national-id with stdnum, checkBankCard).
import { ref } from '../../../helpers/reference-checksums';
import { describe, expect, it } from 'vitest';
import { checkBankCard } from '@/lib/validate/bank-card';
import { luhn } from '@/lib/validate/checks/luhn';
import { checkNationalId, NATIONAL_ID_SCHEMES } from '@/lib/validate/national-id';
import { sniffValue } from '@/lib/validate/checks/value-sniff';
import { CURP_STATES } from '@/lib/validate/checks/mx-curp';

/** Deterministic PRNG (mulberry32), so a failing generated value is reproducible. */
function rng(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const rand = rng(20250601);
const digits = (n: number): string => Array.from({ length: n }, () => rand(10)).join('');
const pick = (s: string): string => s.charAt(rand(s.length));
const pad2 = (n: number): string => String(n).padStart(2, '0');
const THIS_YEAR = new Date().getFullYear();


const schemeOf = (raw: string): string | undefined => sniffValue(raw)?.scheme;

describe('sniffValue: examples', () => {
  it.each([
    ['11010519491231002X', 'cn-ric'],
    ['11010519491231002x', 'cn-ric'],
    ['110105 19491231 002X', 'cn-ric'],
    ['１１０１０５１９４９１２３１００２Ｘ', 'cn-ric'],
    ['GOMA850101HDFRRN00', 'mx-curp'],
    ['badd110313hcmlns06', 'mx-curp'],
    ['LOPE050617MJCPRSA7', 'mx-curp'],
    ['HEGG560427MMCRRL08', 'mx-curp'],
    ['390.533.447-05', 'br-cpf'],
    ['39053344705', 'br-cpf'],
    ['2341 2341 2346', 'in-aadhaar'],
    ['234123412346', 'in-aadhaar'],
    ['1-2345-67890-12-1', 'th-id'],
  ])('%s is a %s', (raw, scheme) => {
    expect(sniffValue(raw)).toEqual({ kind: 'national-id', scheme });
  });

  it.each(['4111 1111 1111 1111', '4111-1111-1111-1111', '5555555555554444', '378282246310005', '6212345678901232'])(
    '%s is a bank card',
    (raw) => {
      expect(sniffValue(raw)).toEqual({ kind: 'bank-card', scheme: 'card' });
    },
  );

  it.each([
    ['11010519491231002Y', 'wrong check character'],
    ['11010519491231002', 'too short'],
    ['11010518991231002X', 'born 1899'],
    ['71010519491231002X', 'region 7 is not on a RIC'],
    ['GOMA850101HDFRRN01', 'CURP check digit'],
    ['GOMA850101HXXRRN00', 'unknown CURP state'],
    ['390.533.447-06', 'CPF check digit'],
    ['390 533 447 05', 'CPF with spaces: not how a CPF is written'],
    ['390533.447-05', 'CPF with broken punctuation'],
    ['111.111.111-11', 'repeated CPF'],
    ['00000000000', 'repeated CPF'],
    ['134123412346', 'Aadhaar starting with 1'],
    ['234123412347', 'Aadhaar check digit'],
    ['1-2345-67890-12-2', 'Thai check digit'],
    ['4111 1111 1111 1112', 'Luhn'],
    ['6212345678901234', 'UnionPay without Luhn is not flagged from its value'],
    ['0000000000000000', 'all zeros'],
    ['4111111111111111111111', 'too long for a card'],
    ['', 'empty'],
    ['hello world', 'text'],
    ['2025-06-01 10:30', 'a date'],
    ['x'.repeat(1000), 'long text'],
  ])('%s is nothing (%s)', (raw) => {
    expect(sniffValue(raw)).toBeNull();
  });

  it('rejects a palindromic Aadhaar, which passes Verhoeff', () => {
    // 12-digit palindromes with a valid Verhoeff digit exist; UIDAI never issues them.
    let pal = '';
    for (let h = 200_000; !pal; h++) {
      const v = String(h) + [...String(h)].reverse().join('');
      if (ref.verhoeffValid(v)) pal = v;
    }
    expect(checkNationalId(pal).error).toBe('palindrome');
    expect(sniffValue(pal)).toBeNull();
  });
});

describe('sniffValue agrees with the full validators', () => {
  /** Every candidate last character for each body, so valid and invalid values are both covered. */
  function agree(id: string, bodies: string[], lastChars: string, format: (v: string) => string = (v) => v): number {
    let valid = 0;
    for (const body of bodies) {
      for (const c of lastChars) {
        const raw = format(body + c);
        const full = checkNationalId(raw).matches.includes(id);
        if (full) valid++;
        expect({ raw, sniffed: schemeOf(raw) === id }).toEqual({ raw, sniffed: full });
      }
    }
    return valid;
  }

  it('China RIC', () => {
    const bodies = Array.from({ length: 400 }, () => {
      const year = 1880 + rand(THIS_YEAR + 5 - 1880);
      const y = year === THIS_YEAR ? year - 1 : year;
      return `${rand(10)}${digits(5)}${y}${pad2(rand(14))}${pad2(rand(33))}${digits(3)}`;
    });
    expect(agree('cn-ric', bodies, '0123456789X')).toBeGreaterThan(50);
  });

  it('Mexico CURP', () => {
    const mx = NATIONAL_ID_SCHEMES.find((s) => s.id === 'mx-curp');
    const L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const STATES = [...CURP_STATES];
    const bodies = Array.from({ length: 1500 }, () => {
      const st = rand(5) ? STATES[rand(STATES.length)] : pick(L) + pick(L);
      return `${pick(L)}${pick(L)}${pick(L)}${pick(L)}${pad2(rand(100))}${pad2(rand(14))}${pad2(rand(33))}${pick('HMXZ')}${st}${pick(L)}${pick(L)}${pick(L)}${rand(2) ? pick('0123456789') : pick(L)}`;
    }).filter((b) => {
      const year = (/\d/.test(b.charAt(16)) ? 1900 : 2000) + Number(b.slice(4, 6));
      // The validator's RENAPO list of forbidden name prefixes is deliberately left out of the sniffer.
      const forbidden = mx?.validate(b + '0');
      return year !== THIS_YEAR && !(forbidden && !forbidden.valid && forbidden.error === 'forbidden name prefix');
    });
    expect(agree('mx-curp', bodies, '0123456789')).toBeGreaterThan(30);
  });

  it('Brazil CPF, typed as ddd.ddd.ddd-dd or as 11 digits', () => {
    const bodies = Array.from({ length: 150 }, () => digits(9));
    const endings = Array.from({ length: 100 }, (_, i) => pad2(i));
    let valid = 0;
    for (const body of bodies) {
      for (const end of endings) {
        const plain = body + end;
        const full = checkNationalId(plain).matches.includes('br-cpf');
        if (full) valid++;
        const dotted = `${plain.slice(0, 3)}.${plain.slice(3, 6)}.${plain.slice(6, 9)}-${end}`;
        expect({ plain, sniffed: schemeOf(plain) === 'br-cpf' }).toEqual({ plain, sniffed: full });
        expect({ dotted, sniffed: schemeOf(dotted) === 'br-cpf' }).toEqual({ dotted, sniffed: full });
      }
    }
    expect(valid).toBeGreaterThan(60);
  });

  it('India Aadhaar', () => {
    const bodies = Array.from({ length: 800 }, () => digits(11));
    expect(agree('in-aadhaar', bodies, '0123456789')).toBeGreaterThan(400);
    const spaced = (v: string): string => `${v.slice(0, 4)} ${v.slice(4, 8)} ${v.slice(8)}`;
    expect(agree('in-aadhaar', bodies.slice(0, 100), '0123456789', spaced)).toBeGreaterThan(50);
  });

  it('Thailand ID', () => {
    const bodies = Array.from({ length: 800 }, () => digits(12));
    expect(agree('th-id', bodies, '0123456789')).toBeGreaterThan(400);
  });

  it('bank cards (Luhn cards only; IDs of the same length win)', () => {
    const prefixes = ['4', '51', '55', '2221', '34', '37', '62', '6011', '35', '9', ''];
    let valid = 0;
    for (let n = 0; n < 1000; n++) {
      const length = 13 + rand(7);
      const prefix = prefixes[rand(prefixes.length)] ?? '';
      const body = prefix + digits(length - 1 - prefix.length);
      for (const c of '0123456789') {
        const plain = body + c;
        const raw = rand(2) ? plain.replace(/(\d{4})(?=\d)/g, '$1 ') : plain;
        const card = checkBankCard(raw);
        const sniffedId = ['cn-ric', 'th-id'].some((id) => checkNationalId(raw).matches.includes(id));
        const expected = card.valid && luhn(card.normalized ?? '') && !sniffedId;
        if (expected) valid++;
        expect({ raw, card: sniffValue(raw)?.kind === 'bank-card' }).toEqual({ raw, card: expected });
      }
    }
    expect(valid).toBeGreaterThan(800);
  });
});
