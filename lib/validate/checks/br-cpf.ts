// Brazil CPF: 11 digits ending in two mod-11 check digits. Dependency-free check shared by pages
// (value sniffing) and the full validator (lib/validate/national-id/br.ts, which adds stdnum's).

/** 111.111.111-11 and the like pass both check digits but are never issued. */
export const isRepeatedDigits = (v: string): boolean => /^(\d)\1*$/.test(v);

export function cpfCheckDigit(digits: string): number {
  const n = digits.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (digits.charCodeAt(i) - 48) * (n + 1 - i);
  return ((sum * 10) % 11) % 10;
}

export function isBrCpf(v: string): boolean {
  return /^\d{11}$/.test(v) && !isRepeatedDigits(v) && cpfCheckDigit(v.slice(0, 9)) === +v[9]! && cpfCheckDigit(v.slice(0, 10)) === +v[10]!;
}
