import { describe, expect, it } from 'vitest';
import { isWholeCode } from '@/lib/validate/checks/otp';

describe('isWholeCode', () => {
  it('takes 4 to 8 digits or capital letters', () => {
    for (const code of ['1234', '482913', 'A7K2Q9', '12345678']) expect(isWholeCode(code), code).toBe(true);
  });

  it('rejects fragments, long numbers and anything not canonical', () => {
    for (const code of ['', '123', '123456789', 'ab12', '12 34', '12-34', '１２３４']) expect(isWholeCode(code), code).toBe(false);
  });
});
