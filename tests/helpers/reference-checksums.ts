// Independent reference implementations of the check-digit algorithms, written from the published
// rules, that the tests compare the validators (lib/validate/national-id, lib/value-sniff) against.

export const ref = {
  cnCheck(body17: string): string {
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...body17].reduce((t, d, i) => t + Number(d) * (w[i] ?? 0), 0);
    return '10X98765432'.charAt(sum % 11);
  },
  cpfDigits(body9: string): string {
    const digit = (s: string): number => {
      const n = s.length + 1;
      const r = [...s].reduce((t, d, i) => t + Number(d) * (n - i), 0) % 11;
      return r < 2 ? 0 : 11 - r;
    };
    const d1 = digit(body9);
    return `${d1}${digit(body9 + d1)}`;
  },
  verhoeffValid(s: string): boolean {
    const d = [
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
      [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
      [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
      [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const p = [
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
      [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
      [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    let c = 0;
    [...s].reverse().forEach((ch, i) => {
      c = d[c]![p[i % 8]![Number(ch)]!]!;
    });
    return c === 0;
  },
  curpCheck(body17: string): string {
    const alphabet = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ';
    const sum = [...body17].reduce((t, ch, i) => t + alphabet.indexOf(ch) * (18 - i), 0);
    return String((10 - (sum % 10)) % 10);
  },
  dniLetter: (digits: string): string => 'TRWAGMYFPDXBNJZSQVHLCKE'.charAt(Number(digits) % 23),
  rutCheck(body: string): string {
    let sum = 0;
    let m = 2;
    for (const ch of [...body].reverse()) {
      sum += Number(ch) * m;
      m = m === 7 ? 2 : m + 1;
    }
    const r = 11 - (sum % 11);
    return r === 11 ? '0' : r === 10 ? 'K' : String(r);
  },
  thCheck(body12: string): string {
    const sum = [...body12].reduce((t, d, i) => t + Number(d) * (13 - i), 0);
    return String((11 - (sum % 11)) % 10);
  },
};
