import { describe, expect, it } from 'vitest';
import { type Registration, boundedDistance, findDuplicateIdentities, nameKey, normaliseName, normalisePassport } from './duplicate-identity.js';

const reg = (id: string, familyName: string, givenName: string, dateOfBirth = '2000-01-01', nationality = 'VN', passportNumber = `P${id}`): Registration => ({
  id,
  familyName,
  givenName,
  dateOfBirth,
  nationality,
  passportNumber,
});
const codes = (pairs: ReturnType<typeof findDuplicateIdentities>) => pairs.map((p) => [p.a, p.b, p.reasons.map((r) => r.code)]);

describe('duplicate identity detection', () => {
  it('normalises names: case, spaces, diacritics (including đ) and order', () => {
    expect(normaliseName('  NGUYỄN   Văn-Đức ')).toBe('nguyen van duc');
    expect(nameKey('Nguyen', 'Van Duc')).toBe(nameKey('VAN DUC', 'nguyễn'));
    expect(normaliseName('Ｓｉｔｉ')).toBe('siti');
  });

  it('normalises passports: nationality + number, no spaces or dashes, full width folded', () => {
    expect(normalisePassport('vn', ' c12-345 67')).toBe('VN:C1234567');
    expect(normalisePassport('VN', 'Ｃ１２３４５６７')).toBe('VN:C1234567');
  });

  it('flags the same passport even under a different name and birth date', () => {
    const r = findDuplicateIdentities([reg('1', 'Tran', 'Minh', '1999-01-01', 'VN', 'C1234567'), reg('2', 'Le', 'Hoa', '2001-02-02', 'VN', 'c 1234567')]);
    expect(codes(r)).toEqual([['1', '2', ['same_passport']]]);
  });

  it('does not join the same passport number of two different countries', () => {
    expect(findDuplicateIdentities([reg('1', 'A', 'B', '1999-01-01', 'VN', 'X1'), reg('2', 'C', 'D', '1999-01-02', 'ID', 'X1')])).toEqual([]);
  });

  it('flags the same person under swapped, accented or slightly misspelt names with the same birth date and nationality', () => {
    const r = findDuplicateIdentities([
      reg('1', 'Nguyễn', 'Văn An'),
      reg('2', 'Van An', 'NGUYEN'),
      reg('3', 'Nguyen', 'Vanan'),
      reg('4', 'Nguyen', 'Van Anh'),
      reg('5', 'Tran', 'Van An'),
    ]);
    expect(codes(r)).toEqual([
      ['1', '2', ['similar_name']],
      ['1', '3', ['similar_name']],
      ['1', '4', ['similar_name']],
      ['2', '3', ['similar_name']],
      ['2', '4', ['similar_name']],
      ['3', '4', ['similar_name']],
    ]);
    expect(r[0]?.reasons[0]).toMatchObject({ distance: 0 });
  });

  it('does not flag similar names with a different birth date or nationality', () => {
    expect(findDuplicateIdentities([reg('1', 'Sari', 'Dewi', '2000-01-01', 'ID'), reg('2', 'Sari', 'Dewi', '2000-01-02', 'ID'), reg('3', 'Sari', 'Dewi', '2000-01-01', 'PH')])).toEqual([]);
  });

  it('gives both reasons when both hold', () => {
    const r = findDuplicateIdentities([reg('1', 'Sari', 'Dewi', '2000-01-01', 'ID', 'A1'), reg('2', 'Dewi', 'Sari', '2000-01-01', 'ID', 'A1')]);
    expect(codes(r)).toEqual([['1', '2', ['same_passport', 'similar_name']]]);
    expect(r[0]?.reasons.every((x) => x.ja.length > 0 && x.en.length > 0)).toBe(true);
  });

  it('bounded distance: transposition counts once and gives up past the bound', () => {
    expect(boundedDistance('dewi', 'dwei', 1)).toBe(1);
    expect(boundedDistance('kitten', 'sitting', 3)).toBe(3);
    expect(boundedDistance('kitten', 'sitting', 1)).toBe(2);
    expect(boundedDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('handles 100,000 registrations (birth dates over 20 years, four nationalities) quickly', () => {
    const regs: Registration[] = [];
    for (let i = 0; i < 100_000; i++) {
      const d = (i * 7919) % 7300;
      const dob = `${1985 + Math.floor(d / 365)}-${String(1 + (Math.floor(d / 28) % 12)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}`;
      regs.push(reg(String(i), `Family${i % 997}`, `Given${i % 991}`, dob, ['VN', 'ID', 'PH', 'MM'][i % 4]!, `P${i}`));
    }
    regs.push(reg('dup', 'Family0', 'Given0', regs[0]!.dateOfBirth, 'VN', 'P0'));
    const started = performance.now();
    const r = findDuplicateIdentities(regs);
    // Typically about a second; the bound guards against a return to n² (minutes), not against a busy machine.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(r.find((p) => p.a === '0' && p.b === 'dup')?.reasons.map((x) => x.code)).toEqual(['same_passport', 'similar_name']);
  });

  it('copes with a crowded birth date (2,000 registrations born on 1 January of one year, one nationality)', () => {
    const syl = ['ko', 'win', 'aung', 'myo', 'zaw', 'thu', 'htet', 'naing', 'min', 'soe', 'tun', 'kyaw', 'lin', 'oo', 'maung', 'hla'];
    const name = (i: number, parts: number) => Array.from({ length: parts }, (_, k) => syl[Math.floor(i / 16 ** k) % 16]!).join('');
    const regs = Array.from({ length: 2000 }, (_, i) => reg(String(i), name(i * 7 + 3, 2), name(i, 3), '1990-01-01', 'MM'));
    const started = performance.now();
    const pairs = findDuplicateIdentities(regs);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(pairs.every((p) => p.reasons.every((r) => r.code === 'similar_name'))).toBe(true);
  });
});

describe('boundedDistance agrees with a plain OSA distance', () => {
  const osa = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    return d[a.length]![b.length]!;
  };
  it('(property) equals min(osa, max + 1) for short strings over a small alphabet', async () => {
    const fc = (await import('fast-check')).default;
    const str = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 9 });
    fc.assert(
      fc.property(str, str, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(boundedDistance(a, b, max)).toBe(Math.min(osa(a, b), max + 1));
      }),
      { numRuns: 2000 },
    );
  });
});
