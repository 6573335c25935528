// National ID recognisers: published examples, rejections with their reasons, masking, the
// "no checksum → never from the value alone" rule, and checksums cross-checked against reference code.
import { ref } from '../../../helpers/reference-checksums';
import { describe, expect, it } from 'vitest';
import { checkNationalId, isKnownIdCountry, NATIONAL_ID_SCHEMES, schemesForCountry } from '@/lib/validate/national-id';
import type { NationalIdScheme } from '@/lib/validate/national-id';
import { birthDateError, expandBirthYear } from '@/lib/validate/national-id/scheme';

function scheme(id: string): NationalIdScheme {
  const s = NATIONAL_ID_SCHEMES.find((x) => x.id === id);
  if (!s) throw new Error(`no scheme ${id}`);
  return s;
}

function errorOf(id: string, raw: string): string | undefined {
  const r = scheme(id).validate(raw);
  return r.valid ? undefined : r.error;
}

// Independent reference implementations, written from the published algorithms, used to
// cross-check the stdnum-backed validators and to build test numbers with correct check digits.

/** Deterministic PRNG (mulberry32) so property loops are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const randomDigits = (next: () => number, n: number): string =>
  Array.from({ length: n }, () => Math.floor(next() * 10)).join('');

/** One valid example per scheme, each verified with the reference code above or by the rules. */
const VALID: Record<string, string[]> = {
  'cn-ric': ['11010519491231002X', '360426199101010071', '120103198806018241', '810000199408230021'],
  'cn-ric-15': ['110105491231002', '360426910101007'],
  // Wikipedia's example, a public figure's published CURP, stdnum's test set (incl. a 2005 birth).
  'mx-curp': ['HEGG560427MVZRRL04', 'LOOA531113HTCPBN07', 'BOXW310820HNERXN09', 'MASI050805MVZRLRA8'],
  'in-aadhaar': ['234123412346', '999941057058'],
  'in-pan': ['AAPPV8261K', 'ACUPA7085R'],
  'id-nik': ['3204015208900001', '3171011201850002'],
  'br-cpf': ['52998224725', '39053344705', '21695705009'],
  'th-id': ['1101700230708', '1112034563562', '3100600445635'],
  'pe-dni': ['10117410', '101174102'],
  'cl-rut': ['123456785', '125319092', '77272305'],
  'es-dni': ['12345678Z', '54362315K'],
  'es-nie': ['X2482300W'],
  'pk-cnic': ['5410498905786', '3420108912318'],
  'vn-cccd': ['001090012345', '079203001234'],
  'ph-philsys': ['123456789012', '1234567890123456'],
  'ng-nin': ['12345678901'],
  'ng-bvn': ['22123456789'],
  'ke-id': ['1234567', '12345678'],
  'co-cedula': ['123456', '1020304050'],
  'us-ssn': ['536904399', '123456789'],
};

/** [value, expected error] per scheme. */
const INVALID: Record<string, [string, string][]> = {
  'cn-ric': [
    ['11010519491231002', 'wrong length (17, expected 18)'],
    ['110105194912310021', 'checksum mismatch'],
    ['11010519491331002X', 'invalid birth date'], // month 13
    ['110105189912310027', 'birth date before 1900'],
    ['1101051949123100AX', 'invalid characters'],
    ['910105194912310027', 'invalid region code'],
  ],
  'cn-ric-15': [
    ['110105491331002', 'invalid birth date'],
    ['11010549123100X', 'invalid characters'],
  ],
  'mx-curp': [
    ['HEGG560427MVZRRL05', 'checksum mismatch'],
    ['HEGG561327MVZRRL04', 'invalid birth date'],
    ['HEGG560427QVZRRL04', 'invalid sex'],
    ['HEGG560427MXXRRL04', 'invalid state code'],
    ['HEGG560427MVZRRL0', 'wrong length (17, expected 18)'],
    ['HEGG5604271VZRRL04', 'invalid characters'],
  ],
  'in-aadhaar': [
    ['234123412347', 'checksum mismatch'],
    ['123412341234', 'invalid first digit'],
    ['222222222222', 'palindrome'],
    ['23412341234', 'wrong length (11, expected 12)'],
    ['2341234123A6', 'invalid characters'],
  ],
  'in-pan': [
    ['ABMPA32111', 'invalid characters'],
    ['ABMXA3211G', 'invalid holder type'],
    ['ABMPA0000G', 'invalid serial'],
  ],
  'id-nik': [
    ['0904015208900001', 'invalid province code'],
    ['9504015208900001', 'invalid province code'],
    ['3204017208900001', 'invalid birth date'], // day 72 - 40 = 32
    ['3204013102900001', 'invalid birth date'], // 31 February
    ['3204015208900000', 'invalid serial'],
    ['320401520890001', 'wrong length (15, expected 16)'],
  ],
  'br-cpf': [
    ['52998224726', 'checksum mismatch'],
    ['11111111111', 'all digits the same'],
    ['5299822472', 'wrong length (10, expected 11)'],
    ['5299822472A', 'invalid characters'],
  ],
  'th-id': [
    ['1101700230705', 'checksum mismatch'],
    ['0101700230705', 'invalid first digit'],
    ['110170023070', 'wrong length (12, expected 13)'],
  ],
  'pe-dni': [
    ['101174103', 'checksum mismatch'],
    ['1011741', 'wrong length (7, expected 8 or 9)'],
    ['1011741A', 'invalid characters'],
  ],
  'cl-rut': [
    ['125319093', 'checksum mismatch'],
    ['760864285', 'company RUT range'],
    ['76086A285', 'invalid characters'],
    ['766285', 'wrong length (6, expected 8 or 9)'],
  ],
  'es-dni': [
    ['54362315Z', 'checksum mismatch'],
    ['K1234567L', 'invalid characters'],
    ['54362315', 'wrong length (8, expected 9)'],
  ],
  'es-nie': [
    ['X2482300A', 'checksum mismatch'],
    ['A2482300W', 'invalid characters'],
  ],
  'pk-cnic': [
    ['9420108912318', 'invalid province code'],
    ['3420108912310', 'invalid sex digit'],
    ['541049890578', 'wrong length (12, expected 13)'],
  ],
  'vn-cccd': [
    ['003090012345', 'invalid province code'],
    ['001490012345', 'birth date in the future'],
    ['00109001234', 'wrong length (11, expected 12)'],
  ],
  'ph-philsys': [
    ['12345678901', 'wrong length (11, expected 12 or 16)'],
    ['000000000000', 'all digits the same'],
  ],
  'ng-nin': [
    ['1234567890', 'wrong length (10, expected 11)'],
    ['1234567890A', 'invalid characters'],
  ],
  'ng-bvn': [['00000000000', 'all digits the same']],
  'ke-id': [
    ['123456', 'wrong length (6, expected 7-8)'],
    ['123456789', 'wrong length (9, expected 7-8)'],
  ],
  'co-cedula': [
    ['12345', 'wrong length (5, expected 6-10)'],
    ['0123456', 'leading zero'],
  ],
  'us-ssn': [
    ['000123456', 'invalid area number'],
    ['666123456', 'invalid area number'],
    ['912345678', 'invalid area number'],
    ['123001234', 'invalid group number'],
    ['123450000', 'invalid serial number'],
    ['078051120', 'known invalid number'], // the Woolworth wallet-card number
  ],
};

const REQUIRED_IDS = [
  'cn-ric', 'cn-ric-15', 'mx-curp', 'in-aadhaar', 'in-pan', 'id-nik', 'br-cpf', 'th-id', 'pe-dni', 'cl-rut',
  'es-dni', 'es-nie', 'pk-cnic', 'vn-cccd', 'ph-philsys', 'ng-nin', 'ng-bvn', 'ke-id', 'co-cedula', 'us-ssn',
];

describe('registry', () => {
  it('has every required scheme exactly once, with sane metadata', () => {
    const ids = NATIONAL_ID_SCHEMES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...REQUIRED_IDS].sort());
    for (const s of NATIONAL_ID_SCHEMES) {
      expect(s.country).toMatch(/^[A-Z]{2}$/);
      expect(s.name.length).toBeGreaterThan(3);
    }
  });

  it('marks only formats with a real check digit as hasChecksum', () => {
    const withChecksum = NATIONAL_ID_SCHEMES.filter((s) => s.hasChecksum).map((s) => s.id);
    expect(withChecksum.sort()).toEqual(['br-cpf', 'cl-rut', 'cn-ric', 'es-dni', 'es-nie', 'in-aadhaar', 'mx-curp', 'th-id']);
  });

  it('looks countries up case-insensitively', () => {
    expect(schemesForCountry('cn').map((s) => s.id)).toEqual(['cn-ric', 'cn-ric-15']);
    expect(schemesForCountry('NG').map((s) => s.id)).toEqual(['ng-nin', 'ng-bvn']);
    expect(schemesForCountry('fr')).toEqual([]);
    expect(isKnownIdCountry('mx')).toBe(true);
    expect(isKnownIdCountry('ZZ')).toBe(false);
  });
});

describe.each(REQUIRED_IDS)('%s', (id) => {
  it('accepts its valid examples, normalised', () => {
    const examples = VALID[id] ?? [];
    expect(examples.length).toBeGreaterThan(0);
    for (const v of examples) expect(scheme(id).validate(v), v).toEqual({ valid: true, normalized: v });
  });

  it('rejects invalid values with the right reason', () => {
    for (const [v, error] of INVALID[id] ?? []) expect(errorOf(id, v), v).toBe(error);
  });

  it('rejects letters in a digit position and the empty string', () => {
    expect(scheme(id).validate('').valid).toBe(false);
    const example = VALID[id]![0]!;
    const broken = example.slice(0, 5) + 'Q' + example.slice(6);
    expect(scheme(id).validate(broken).valid, broken).toBe(false);
  });

  it('masks at least a third of the value and keeps its length', () => {
    for (const v of VALID[id]!) {
      const masked = scheme(id).mask(v);
      expect(masked).toHaveLength(v.length);
      const hidden = [...masked].filter((c) => c === '*').length;
      expect(hidden, masked).toBeGreaterThanOrEqual(Math.ceil(v.length / 3));
      expect(masked).not.toContain(v.slice(Math.floor(v.length / 3), Math.ceil((2 * v.length) / 3)));
    }
  });
});

describe('normalisation', () => {
  it('strips spaces, dashes, dots and slashes and upper-cases', () => {
    expect(scheme('br-cpf').validate('529.982.247-25')).toEqual({ valid: true, normalized: '52998224725' });
    expect(scheme('cl-rut').validate('12.345.678-5')).toEqual({ valid: true, normalized: '123456785' });
    expect(scheme('in-aadhaar').validate('2341 2341 2346')).toEqual({ valid: true, normalized: '234123412346' });
    expect(scheme('th-id').validate('1-1017-00230-70-8')).toEqual({ valid: true, normalized: '1101700230708' });
    expect(scheme('cn-ric').validate('110105 19491231 002x')).toEqual({ valid: true, normalized: '11010519491231002X' });
    expect(scheme('es-nie').validate('x-2482300-w')).toEqual({ valid: true, normalized: 'X2482300W' });
    expect(scheme('us-ssn').validate('536-90-4399')).toEqual({ valid: true, normalized: '536904399' });
    expect(scheme('pk-cnic').validate('54104-9890578-6')).toEqual({ valid: true, normalized: '5410498905786' });
    expect(scheme('co-cedula').normalize('1.020.304.050')).toBe('1020304050');
    expect(scheme('mx-curp').normalize(' hegg560427mvzrrl04 ')).toBe('HEGG560427MVZRRL04');
    expect(scheme('ke-id').normalize('12/345/678')).toBe('12345678');
  });

  it('folds full-width digits typed with a CJK input method', () => {
    expect(scheme('cn-ric').validate('１１０１０５１９４９１２３１００２Ｘ').valid).toBe(true);
  });
});

describe('masking', () => {
  it('masks a Chinese ID as region prefix + last four', () => {
    expect(scheme('cn-ric').mask('11010519491231002X')).toBe('1101**********002X');
    expect(scheme('in-aadhaar').mask('2341 2341 2346')).toBe('********2346');
    expect(scheme('br-cpf').mask('529.982.247-25')).toBe('529******25');
    expect(scheme('us-ssn').mask('536-90-4399')).toBe('*****4399');
  });
});

describe('birth-date rules', () => {
  const now = new Date(2026, 10, 15);
  it('rejects impossible, future and pre-1900 dates', () => {
    expect(birthDateError(2000, 2, 29, now)).toBeNull();
    expect(birthDateError(1900, 2, 29, now)).toBe('invalid birth date');
    expect(birthDateError(2026, 11, 15, now)).toBeNull();
    expect(birthDateError(2026, 11, 16, now)).toBe('birth date in the future');
    expect(birthDateError(1899, 12, 31, now)).toBe('birth date before 1900');
  });

  it('reads two-digit years as the latest non-future century', () => {
    expect(expandBirthYear(26, now)).toBe(2026);
    expect(expandBirthYear(27, now)).toBe(1927);
    expect(expandBirthYear(90, now)).toBe(1990);
  });

  it('rejects a Chinese ID born in the future even with a correct check digit', () => {
    const body = '11010520991231002';
    expect(errorOf('cn-ric', body + ref.cnCheck(body))).toBe('birth date in the future');
  });

  it('reads the CURP century from character 17 (digit = 1900s, letter = 2000s)', () => {
    // A 2099 birth (letter) is in the future; the same date with a digit is 1999 and fine.
    const future = 'GOMA991231HDFRRN' + 'A';
    expect(errorOf('mx-curp', future + ref.curpCheck(future))).toBe('birth date in the future');
    const past = 'GOMA991231HDFRRN' + '0';
    expect(scheme('mx-curp').validate(past + ref.curpCheck(past)).valid).toBe(true);
  });

  it('reads an Indonesian woman\'s day of birth as day + 40', () => {
    expect(scheme('id-nik').validate('3204011208900001').valid).toBe(true); // man, 12 Aug 1990
    expect(scheme('id-nik').validate('3204015208900001').valid).toBe(true); // woman, same date
    expect(errorOf('id-nik', '3204013208900001')).toBe('invalid birth date'); // day 32
  });
});

describe('checkNationalId', () => {
  it('never flags an 11-digit number without context, but does with country NG', () => {
    const bare = checkNationalId('12345678901');
    expect(bare.valid).toBe(false);
    expect(bare.matches).toEqual([]);
    expect(bare.error).toBe('checksum mismatch'); // it has the shape of a CPF, the only 11-digit checksum scheme

    const ng = checkNationalId('12345678901', { country: 'NG' });
    expect(ng).toMatchObject({ valid: true, kind: 'national-id', country: 'NG', scheme: 'ng-nin', normalized: '12345678901' });
    expect(ng.matches).toEqual(['ng-nin', 'ng-bvn']);
    expect(ng.masked).toBe('12*******01');
    expect(checkNationalId('123 4567 8901', { country: 'ng' }).valid).toBe(true);
  });

  it('recognises a valid Chinese ID without context', () => {
    const r = checkNationalId('11010519491231002X');
    expect(r).toMatchObject({ valid: true, kind: 'national-id', country: 'CN', scheme: 'cn-ric', masked: '1101**********002X' });
    expect(r.matches).toContain('cn-ric');
  });

  it('recognises every checksum example without context, and reports its scheme', () => {
    for (const s of NATIONAL_ID_SCHEMES.filter((x) => x.hasChecksum)) {
      for (const v of VALID[s.id]!) {
        const r = checkNationalId(v);
        expect(r.valid, `${s.id} ${v}`).toBe(true);
        expect(r.matches, `${s.id} ${v}`).toContain(s.id);
      }
    }
  });

  it('never lets a scheme without checksum match from the value alone', () => {
    const noChecksum = new Set(NATIONAL_ID_SCHEMES.filter((s) => !s.hasChecksum).map((s) => s.id));
    for (const id of noChecksum) {
      for (const v of VALID[id]!) {
        const r = checkNationalId(v);
        expect(r.matches.filter((m) => noChecksum.has(m)), `${id} ${v}`).toEqual([]);
        // ...while the same value is accepted once the field names its country.
        const withCountry = checkNationalId(v, { country: scheme(id).country });
        expect(withCountry.valid, `${id} ${v}`).toBe(true);
        expect(withCountry.matches).toContain(id);
      }
    }
    expect(checkNationalId('ABCDE1234F').valid).toBe(false); // PAN shape
    expect(checkNationalId('536-90-4399').valid).toBe(false); // SSN shape
    expect(checkNationalId('3204015208900001').valid).toBe(false); // NIK
  });

  it('with a country, tries only that country and reports its most useful error', () => {
    expect(checkNationalId('11010519491231002', { country: 'CN' })).toMatchObject({
      valid: false,
      country: 'CN',
      error: 'wrong length (17, expected 18)',
    });
    expect(checkNationalId('110105194912310021', { country: 'cn' }).error).toBe('checksum mismatch');
    // A valid CPF is not a Mexican ID.
    expect(checkNationalId('52998224725', { country: 'MX' }).valid).toBe(false);
    // Legacy 15-digit Chinese IDs only with context.
    expect(checkNationalId('110105491231002').valid).toBe(false);
    expect(checkNationalId('110105491231002', { country: 'CN' })).toMatchObject({ valid: true, scheme: 'cn-ric-15' });
  });

  it('without a country, explains a value that fits no checksum format', () => {
    const r = checkNationalId('hello');
    expect(r.valid).toBe(false);
    expect(r.error).toBe('no ID format with a check digit matches');
    expect(r.country).toBeUndefined();
  });

  it('treats an unknown country like no country (checksum schemes only)', () => {
    expect(checkNationalId('52998224725', { country: 'FR' })).toMatchObject({ valid: true, scheme: 'br-cpf', country: 'BR' });
    expect(checkNationalId('12345678901', { country: 'FR' }).valid).toBe(false);
  });

  it('reports every scheme that accepted an ambiguous value', () => {
    // 8 digits + K: Spanish DNI letter and Chilean RUT check character can coincide.
    const r = checkNationalId('16000178K');
    expect(ref.dniLetter('16000178')).toBe('K');
    expect(ref.rutCheck('16000178')).toBe('K');
    expect(r.valid).toBe(true);
    expect([...r.matches].sort()).toEqual(['cl-rut', 'es-dni']);
  });
});

describe('property: random values and agreement with reference checksums', () => {
  it('random 18-digit strings almost never pass as Chinese IDs', () => {
    const next = rng(1);
    let passed = 0;
    for (let i = 0; i < 5000; i++) if (scheme('cn-ric').validate(randomDigits(next, 18)).valid) passed++;
    // Needs a plausible region, a real date since 1900 and the check digit: well under 1%.
    expect(passed).toBeLessThan(50);
  });

  it('about 1 in 11 structurally valid Chinese IDs with a random last character pass, matching the reference', () => {
    const next = rng(2);
    let passed = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const y = 1950 + Math.floor(next() * 70);
      const m = String(1 + Math.floor(next() * 12)).padStart(2, '0');
      const d = String(1 + Math.floor(next() * 28)).padStart(2, '0');
      const body = `110105${y}${m}${d}${randomDigits(next, 3)}`;
      const last = '0123456789X'.charAt(Math.floor(next() * 11));
      const ok = scheme('cn-ric').validate(body + last).valid;
      expect(ok, body + last).toBe(ref.cnCheck(body) === last);
      if (ok) passed++;
    }
    expect(passed / n).toBeGreaterThan(0.07);
    expect(passed / n).toBeLessThan(0.115);
  });

  it('stdnum-backed checksums agree with the reference algorithms on random bodies', () => {
    const next = rng(3);
    for (let i = 0; i < 500; i++) {
      const cpfBody = '1' + randomDigits(next, 8);
      expect(scheme('br-cpf').validate(cpfBody + ref.cpfDigits(cpfBody)).valid, cpfBody).toBe(true);
      const wrong = (Number(ref.cpfDigits(cpfBody).charAt(1)) + 1) % 10;
      expect(scheme('br-cpf').validate(cpfBody + ref.cpfDigits(cpfBody).charAt(0) + wrong).valid).toBe(false);

      const aadhaar = String(2 + Math.floor(next() * 8)) + randomDigits(next, 11);
      if (aadhaar !== [...aadhaar].reverse().join('')) {
        expect(scheme('in-aadhaar').validate(aadhaar).valid, aadhaar).toBe(ref.verhoeffValid(aadhaar));
      }

      const thBody = String(1 + Math.floor(next() * 8)) + randomDigits(next, 11);
      expect(scheme('th-id').validate(thBody + ref.thCheck(thBody)).valid, thBody).toBe(true);
      expect(scheme('th-id').validate(thBody + ((Number(ref.thCheck(thBody)) + 3) % 10)).valid).toBe(false);

      const dniBody = '1' + randomDigits(next, 7);
      expect(scheme('es-dni').validate(dniBody + ref.dniLetter(dniBody)).valid, dniBody).toBe(true);
      const nieBody = randomDigits(next, 7);
      const niePrefix = 'XYZ'.charAt(Math.floor(next() * 3));
      const nieLetter = ref.dniLetter(String('XYZ'.indexOf(niePrefix)) + nieBody);
      expect(scheme('es-nie').validate(niePrefix + nieBody + nieLetter).valid).toBe(true);

      const rutBody = String(1 + Math.floor(next() * 4)) + randomDigits(next, 7);
      expect(scheme('cl-rut').validate(rutBody + ref.rutCheck(rutBody)).valid, rutBody).toBe(true);
      expect(scheme('cl-rut').validate(rutBody + (ref.rutCheck(rutBody) === '0' ? '1' : '0')).valid).toBe(false);

      const curpBody = `GOMA${randomDigits(next, 2)}0${1 + Math.floor(next() * 9)}1${Math.floor(next() * 9)}HDFRRN0`;
      expect(scheme('mx-curp').validate(curpBody + ref.curpCheck(curpBody)).valid, curpBody).toBe(true);
      expect(scheme('mx-curp').validate(curpBody + ((Number(ref.curpCheck(curpBody)) + 1) % 10)).valid).toBe(false);
    }
  });

  it('published examples agree with the reference algorithms', () => {
    for (const v of VALID['cn-ric']!) expect(ref.cnCheck(v.slice(0, 17))).toBe(v.charAt(17));
    for (const v of VALID['br-cpf']!) expect(ref.cpfDigits(v.slice(0, 9))).toBe(v.slice(9));
    for (const v of VALID['in-aadhaar']!) expect(ref.verhoeffValid(v)).toBe(true);
    for (const v of VALID['mx-curp']!) expect(ref.curpCheck(v.slice(0, 17))).toBe(v.charAt(17));
    for (const v of VALID['es-dni']!) expect(ref.dniLetter(v.slice(0, 8))).toBe(v.charAt(8));
    for (const v of VALID['cl-rut']!) expect(ref.rutCheck(v.slice(0, -1))).toBe(v.slice(-1));
    for (const v of VALID['th-id']!) expect(ref.thCheck(v.slice(0, 12))).toBe(v.charAt(12));
  });
});
