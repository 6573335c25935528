import { describe, expect, it } from 'vitest';
import { maskMiddle } from '@/lib/validate/mask';

describe('maskMiddle', () => {
  it('keeps the ends of a Chinese ID number', () => {
    expect(maskMiddle('11010519491231002X', 4, 4)).toBe('1101**********002X');
  });
  it('keeps the ends of a mobile number', () => {
    expect(maskMiddle('13800138000', 3, 4)).toBe('138****8000');
  });
  it('hides at least four characters of a short value', () => {
    const masked = maskMiddle('123456', 3, 4);
    expect(masked.replace(/[^*]/g, '').length).toBeGreaterThanOrEqual(4);
    expect(masked).toHaveLength(6);
  });
  it('hides at least a third of a long value', () => {
    const masked = maskMiddle('1234567890123456789', 8, 8);
    expect(masked.replace(/[^*]/g, '').length).toBeGreaterThanOrEqual(7);
  });
  it('hides all of a value of four characters or fewer', () => {
    expect(maskMiddle('1234', 1, 1)).toBe('****');
  });
  it('masks an empty string to an empty string', () => {
    expect(maskMiddle('', 2, 2)).toBe('');
  });
});
