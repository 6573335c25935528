// Bank card and Mexican CLABE checks: tell a real payment-card / account number apart from any
// other long digit string, name its brand, and produce the masked form shown to the user.
import type { ValueCheck } from '@/lib/types';
import { maskMiddle } from '@/lib/validate/mask';
import { luhn } from './checks/luhn';

/** Separators people type inside card numbers (ASCII/Unicode spaces, hyphens and dashes). */
const SEPARATORS = /[\s\u00a0\u2000-\u200b\u202f\u3000\-\u2010-\u2015\u2212]/g;

interface Brand {
  name: string;
  /** Inclusive IIN ranges as [low, high] prefixes of equal length. */
  ranges: ReadonlyArray<readonly [string, string]>;
  lengths: readonly [number, number];
  /** Only for purely domestic schemes; an international brand says nothing about the holder. */
  country?: string;
}

const r = (low: string, high: string = low): readonly [string, string] => [low, high];

// Order matters: domestic schemes carved out of other brands' ranges (Elo inside 4/5/6,
// RuPay inside 60/65, Hipercard inside 38/60) must be tried before the broad ranges.
const BRANDS: readonly Brand[] = [
  {
    name: 'elo',
    country: 'BR',
    lengths: [16, 16],
    ranges: [
      r('401178'), r('401179'), r('431274'), r('438935'), r('451416'), r('457393'), r('457631'),
      r('457632'), r('504175'), r('506699', '506778'), r('509000', '509999'), r('627780'),
      r('636297'), r('636368'), r('650031', '650033'), r('650035', '650051'),
      r('650405', '650439'), r('650485', '650538'), r('650541', '650598'), r('650700', '650718'),
      r('650720', '650727'), r('650901', '650978'), r('651652', '651679'), r('655000', '655019'),
      r('655021', '655058'),
    ],
  },
  { name: 'hipercard', country: 'BR', lengths: [13, 19], ranges: [r('606282'), r('3841')] },
  {
    name: 'rupay',
    country: 'IN',
    lengths: [16, 16],
    ranges: [r('508500', '508999'), r('606985', '607984'), r('608001', '608500'), r('652150', '653149')],
  },
  { name: 'mir', country: 'RU', lengths: [16, 19], ranges: [r('2200', '2204')] },
  { name: 'amex', lengths: [15, 15], ranges: [r('34'), r('37')] },
  { name: 'diners', lengths: [14, 19], ranges: [r('300', '305'), r('3095'), r('36'), r('38', '39')] },
  { name: 'jcb', lengths: [16, 19], ranges: [r('3528', '3589')] },
  { name: 'visa', lengths: [13, 19], ranges: [r('4')] },
  { name: 'mastercard', lengths: [16, 16], ranges: [r('51', '55'), r('2221', '2720')] },
  // 622126–622925 are UnionPay cards also routed by Discover; 62 is reported as unionpay.
  { name: 'unionpay', lengths: [16, 19], ranges: [r('62')] },
  { name: 'discover', lengths: [16, 19], ranges: [r('6011'), r('644', '649'), r('65')] },
  {
    name: 'maestro',
    lengths: [12, 19],
    ranges: [r('5018'), r('5020'), r('5038'), r('5893'), r('6304'), r('6759'), r('6761', '6763')],
  },
];

/** Brand of a card number by IIN prefix and length, or undefined when none fits. */
export function cardBrand(digits: string): string | undefined {
  return findBrand(digits)?.name;
}

/**
 * Check a payment card number: 13–19 digits, Luhn, brand. A 16–19-digit number starting with
 * 62 is accepted as UnionPay even when Luhn fails, because some UnionPay cards carry no Luhn
 * digit. Such a value is much weaker evidence (any 62… digit string passes), so callers scoring
 * a field should also ask `luhn(normalized)` and weigh a non-Luhn UnionPay match lower.
 */
export function checkBankCard(raw: string): ValueCheck {
  const fail = (error: string): ValueCheck => ({ valid: false, kind: 'bank-card', error });
  const digits = toAsciiDigits(raw.replace(SEPARATORS, ''));
  if (digits === '') return fail('no digits');
  if (!/^\d+$/.test(digits)) return fail('contains characters other than digits, spaces and dashes');
  if (digits.length < 13) return fail('too short');
  if (digits.length > 19) return fail('too long');
  if (/^(\d)\1*$/.test(digits)) return fail('all digits the same');

  const brand = findBrand(digits);
  if (!luhn(digits)) {
    const unionPayWithoutLuhn = brand?.name === 'unionpay';
    if (!unionPayWithoutLuhn) return fail('Luhn check failed');
  }
  const result: ValueCheck = {
    valid: true,
    kind: 'bank-card',
    scheme: brand?.name ?? 'card',
    normalized: digits,
    masked: maskMiddle(digits, 4, 4),
  };
  if (brand?.country) result.country = brand.country;
  return result;
}

/**
 * Check a Mexican CLABE (18-digit interbank account number): weights 3,7,1 repeating over the
 * first 17 digits, check digit = (10 − Σ(w·d mod 10) mod 10) mod 10.
 */
export function checkClabe(raw: string): ValueCheck {
  const fail = (error: string): ValueCheck => ({ valid: false, kind: 'bank-card', country: 'MX', error });
  const digits = toAsciiDigits(raw.replace(SEPARATORS, ''));
  if (digits === '') return fail('no digits');
  if (!/^\d+$/.test(digits)) return fail('contains characters other than digits, spaces and dashes');
  if (digits.length !== 18) return fail(`a CLABE has 18 digits, got ${digits.length}`);
  if (/^(\d)\1*$/.test(digits)) return fail('all digits the same');
  if (clabeCheckDigit(digits.slice(0, 17)) !== Number(digits[17])) return fail('CLABE check digit mismatch');
  return {
    valid: true,
    kind: 'bank-card',
    country: 'MX',
    scheme: 'mx-clabe',
    normalized: digits,
    masked: maskMiddle(digits, 3, 4),
  };
}

/** Check digit for the first 17 digits of a CLABE. */
export function clabeCheckDigit(first17: string): number {
  const weights = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < first17.length; i++) {
    sum += ((first17.charCodeAt(i) - 48) * (weights[i % 3] ?? 1)) % 10;
  }
  return (10 - (sum % 10)) % 10;
}

function findBrand(digits: string): Brand | undefined {
  return BRANDS.find(
    (b) =>
      digits.length >= b.lengths[0] &&
      digits.length <= b.lengths[1] &&
      b.ranges.some(([low, high]) => {
        const prefix = digits.slice(0, low.length);
        return prefix.length === low.length && prefix >= low && prefix <= high;
      }),
  );
}

/** Full-width digits (typed with CJK input methods) → ASCII; other text is left for rejection. */
function toAsciiDigits(text: string): string {
  return text.replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10));
}
