// Unit tests for bank card and CLABE checks (lib/validate/bank-card.ts) with published test numbers.
import { describe, expect, it } from 'vitest';
import { cardBrand, checkBankCard, checkClabe, clabeCheckDigit } from '@/lib/validate/bank-card';
import { luhn } from '@/lib/validate/checks/luhn';

describe('luhn', () => {
  it('accepts numbers with a correct check digit', () => {
    // 6212345678901232 worked by hand: doubled-digit sum 60.
    for (const n of ['4111111111111111', '5555555555554444', '378282246310005', '6212345678901232', '79927398713']) {
      expect(luhn(n)).toBe(true);
    }
  });
  it('rejects a wrong check digit and non-digits', () => {
    expect(luhn('4111111111111112')).toBe(false);
    expect(luhn('79927398710')).toBe(false);
    expect(luhn('4111 1111 1111 1111')).toBe(false);
    expect(luhn('')).toBe(false);
  });
});

describe('checkBankCard', () => {
  it.each([
    ['4111111111111111', 'visa', '4111********1111'],
    ['4222222222222', 'visa', '4222*****2222'],
    ['5555555555554444', 'mastercard', '5555********4444'],
    ['2223000048400011', 'mastercard', '2223********0011'],
    ['378282246310005', 'amex', '3782*******0005'],
    ['6212345678901232', 'unionpay', '6212********1232'],
    ['3530111333300000', 'jcb', '3530********0000'],
    ['6011111111111117', 'discover', '6011********1117'],
    ['30569309025904', 'diners', '3056******5904'],
    ['6304000000000000', 'maestro', '6304********0000'],
    ['1234567812345670', 'card', '1234********5670'],
  ])('%s is a valid %s card', (raw, scheme, masked) => {
    expect(checkBankCard(raw)).toEqual({ valid: true, kind: 'bank-card', scheme, normalized: raw, masked });
  });

  it('names domestic schemes and their country', () => {
    expect(checkBankCard('2200000000000004')).toMatchObject({ valid: true, scheme: 'mir', country: 'RU' });
    expect(checkBankCard('6062826786276634')).toMatchObject({ valid: true, scheme: 'hipercard', country: 'BR' });
    expect(cardBrand('6521500000000000')).toBe('rupay'); // inside Discover's 65 range
    expect(cardBrand('5066991111111118')).toBe('elo');
    expect(cardBrand('4011780000000000')).toBe('elo'); // inside Visa's 4 range
    expect(cardBrand('6221260000000000')).toBe('unionpay');
    expect(cardBrand('2720990000000000')).toBe('mastercard');
    expect(cardBrand('2721000000000000')).toBeUndefined();
  });

  it('strips spaces, dashes and full-width digits', () => {
    expect(checkBankCard(' 4111 1111-1111 1111 ')).toMatchObject({ valid: true, normalized: '4111111111111111' });
    expect(checkBankCard('４１１１ １１１１ １１１１ １１１１')).toMatchObject({ valid: true, normalized: '4111111111111111' });
  });

  it('accepts a 62 UnionPay number that fails Luhn, which luhn() exposes as weaker', () => {
    expect(luhn('6212345678901234')).toBe(false);
    expect(checkBankCard('6212345678901234')).toMatchObject({ valid: true, scheme: 'unionpay', masked: '6212********1234' });
    expect(checkBankCard('621234567890123456')).toMatchObject({ valid: true, scheme: 'unionpay' }); // 18 digits
    // The exception is only for 16–19 digits.
    expect(checkBankCard('621234567890123')).toMatchObject({ valid: false, error: 'Luhn check failed' });
  });

  it.each([
    ['', 'no digits'],
    ['  - ', 'no digits'],
    ['411111111111111a', 'contains characters other than digits, spaces and dashes'],
    ['4111.1111.1111.1111', 'contains characters other than digits, spaces and dashes'],
    ['411111111111', 'too short'],
    ['41111111111111111111', 'too long'],
    ['4111111111111112', 'Luhn check failed'],
    ['5555555555554440', 'Luhn check failed'],
    ['0000000000000000', 'all digits the same'],
  ])('%s is rejected: %s', (raw, error) => {
    expect(checkBankCard(raw)).toEqual({ valid: false, kind: 'bank-card', error });
  });
});

describe('checkClabe', () => {
  it('computes the 3-7-1 check digit', () => {
    // 0·3+3·7+2·1+1·3+8·7+0+0+0+0+1·3+1·7+8·1+3·3+5·7+9·1+7·3+1·7, each mod 10, sums to 61 → (10−1) mod 10 = 9.
    expect(clabeCheckDigit('03218000011835971')).toBe(9);
    expect(clabeCheckDigit('00201007777777777')).toBe(1);
  });

  it('accepts a valid CLABE', () => {
    expect(checkClabe('032180000118359719')).toEqual({
      valid: true,
      kind: 'bank-card',
      country: 'MX',
      scheme: 'mx-clabe',
      normalized: '032180000118359719',
      masked: '032***********9719',
    });
    expect(checkClabe('032 180 00011835971 9')).toMatchObject({ valid: true, normalized: '032180000118359719' });
  });

  it.each([
    ['032180000118359710', 'CLABE check digit mismatch'],
    ['03218000011835971', 'a CLABE has 18 digits, got 17'],
    ['0321800001183597190', 'a CLABE has 18 digits, got 19'],
    ['03218000011835971X', 'contains characters other than digits, spaces and dashes'],
    ['000000000000000000', 'all digits the same'],
    ['', 'no digits'],
  ])('%s is rejected: %s', (raw, error) => {
    expect(checkClabe(raw)).toEqual({ valid: false, kind: 'bank-card', country: 'MX', error });
  });
});
