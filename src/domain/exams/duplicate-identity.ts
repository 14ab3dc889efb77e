// Likely duplicate identities across exam registrations (替え玉・二重登録の検知):
//   same_passport — the same passport (nationality + number, normalised) on two registrations;
//   similar_name  — same date of birth and nationality and a name that matches after normalising case, spacing,
//                   diacritics (NFKD, plus letters NFKD does not split such as đ, ł, ø) and the order of family and
//                   given names, within a small edit distance (OSA: a swap of two adjacent letters counts once).
// Registrations are bucketed by passport and by date of birth + nationality, so the work is proportional to the
// sizes of the buckets, not to n² (100,000 registrations take well under a second). A flagged pair is for a person to
// look at; nothing is merged or refused automatically.

export type Registration = {
  readonly id: string;
  readonly familyName: string;
  readonly givenName: string;
  readonly dateOfBirth: string;
  /** ISO 3166-1 alpha-2. */
  readonly nationality: string;
  readonly passportNumber: string;
};

export type DuplicateReason =
  | { readonly code: 'same_passport'; readonly ja: string; readonly en: string }
  | { readonly code: 'similar_name'; readonly distance: number; readonly ja: string; readonly en: string };

export type DuplicatePair = { readonly a: string; readonly b: string; readonly reasons: readonly DuplicateReason[] };

const EXTRA_FOLD: Readonly<Record<string, string>> = { đ: 'd', ð: 'd', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', þ: 'th' };

/** Lower case, no diacritics, letters and digits only, one space between words. */
export const normaliseName = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[đðłøæœßıþ]/g, (c) => EXTRA_FOLD[c]!)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Name words in sorted order, so "NGUYEN Van An" and "Van An Nguyen" agree. */
export const nameKey = (familyName: string, givenName: string): string =>
  normaliseName(`${familyName} ${givenName}`).split(' ').filter(Boolean).sort().join(' ');

export const normalisePassport = (nationality: string, number: string): string =>
  `${nationality.trim().toUpperCase()}:${number.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/g, '')}`;

// Three rows reused across calls: the hot loop allocates nothing.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance (a swap of adjacent letters counts once), bounded: only the diagonal band
 * |i − j| ≤ max is computed, and the answer is max + 1 as soon as the distance must exceed `max`.
 */
export const boundedDistance = (a: string, b: string, max: number): number => {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  if (a === b) return 0;
  const big = max + 1;
  if (rows[0].length <= n + 1) rows = [new Int32Array(n + 2), new Int32Array(n + 2), new Int32Array(n + 2)];
  let [prev2, prev, cur] = rows;
  const top = Math.min(n, max);
  for (let j = 0; j <= top; j++) prev[j] = j;
  if (top + 1 <= n) prev[top + 1] = big;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(n, i + max);
    cur[lo - 1] = lo === 1 ? i : big;
    if (hi + 1 <= n) cur[hi + 1] = big;
    let rowMin = lo === 1 ? i : big;
    const ai = a.charCodeAt(i - 1);
    const ai1 = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ai === bj ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (j > 1 && ai1 === bj && ai === b.charCodeAt(j - 2) && prev2[j - 2]! + 1 < v) v = prev2[j - 2]! + 1;
      if (v > big) v = big;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return big;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[n]!, big);
};

/** Allowed distance by name length: 1 up to 10 letters, 2 beyond. */
export const nameThreshold = (length: number): number => (length <= 10 ? 1 : 2);

const SAME_PASSPORT: DuplicateReason = { code: 'same_passport', ja: '同じ旅券（国籍・旅券番号）で登録されています。', en: 'Registered with the same passport (nationality and number).' };
const similar = (distance: number): DuplicateReason => ({
  code: 'similar_name',
  distance,
  ja: distance === 0 ? '生年月日・国籍が同じで、氏名が一致します（表記順・大文字小文字・発音記号の違いを除く）。' : `生年月日・国籍が同じで、氏名がよく似ています（相違${distance}文字）。`,
  en: distance === 0 ? 'Same date of birth and nationality, and the same name (ignoring order, case and accents).' : `Same date of birth and nationality, and a very similar name (${distance} character(s) apart).`,
});

const histogramGap = (a: Uint8Array, b: Uint8Array, limit: number): boolean => {
  let diff = 0;
  for (let k = 0; k < 32; k++) {
    diff += Math.abs(a[k]! - b[k]!);
    if (diff > limit) return true;
  }
  return false;
};

const groupBy = <T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const g = m.get(k);
    if (g) g.push(it);
    else m.set(k, [it]);
  }
  return m;
};

export const findDuplicateIdentities = (registrations: readonly Registration[]): DuplicatePair[] => {
  const pairs = new Map<string, { a: string; b: string; reasons: DuplicateReason[] }>();
  const add = (x: string, y: string, reason: DuplicateReason) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const k = `${a}\u0000${b}`;
    const p = pairs.get(k);
    if (p) p.reasons.push(reason);
    else pairs.set(k, { a, b, reasons: [reason] });
  };
  for (const group of groupBy(registrations, (r) => normalisePassport(r.nationality, r.passportNumber)).values()) {
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) add(group[i]!.id, group[j]!.id, SAME_PASSPORT);
  }
  for (const group of groupBy(registrations, (r) => `${r.dateOfBirth}|${r.nationality.trim().toUpperCase()}`).values()) {
    if (group.length < 2) continue;
    const keyed = group
      .map((r) => {
        const family = normaliseName(r.familyName).replace(/ /g, '');
        const given = normaliseName(r.givenName).replace(/ /g, '');
        const fg = family + given;
        const hist = new Uint8Array(32);
        for (let k = 0; k < fg.length; k++) hist[fg.charCodeAt(k) & 31]! += 1;
        return { id: r.id, sorted: nameKey(r.familyName, r.givenName), fg, gf: given + family, hist };
      })
      .sort((p, q) => p.fg.length - q.fg.length);
    for (let i = 0; i < keyed.length; i++) {
      const x = keyed[i]!;
      for (let j = i + 1; j < keyed.length; j++) {
        const y = keyed[j]!;
        // Sorted by length: once lengths differ by more than the largest threshold, no later name can match.
        if (y.fg.length - x.fg.length > 2) break;
        const max = nameThreshold(Math.max(x.fg.length, y.fg.length));
        // Letter counts do not depend on word order; each edit changes them by at most 2, so a larger difference
        // rules the pair out before any distance is computed.
        if (histogramGap(x.hist, y.hist, 2 * max)) continue;
        // Sorted words neutralise order; the joined forms (either order) also catch "Van An" against "Vanan".
        let d = boundedDistance(x.sorted, y.sorted, max);
        if (d > 0) d = Math.min(d, boundedDistance(x.fg, y.fg, max));
        if (d > 0) d = Math.min(d, boundedDistance(x.fg, y.gf, max));
        if (d <= max) add(x.id, y.id, similar(d));
      }
    }
  }
  return [...pairs.values()].sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
};
