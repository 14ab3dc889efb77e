import {
  type Citation,
  type Parameter,
  cite,
  defineParameter,
  fiscalYearStart,
  formatCitation,
  msg,
  parameterAt,
  period,
} from '../core/index.js';

// JAIM fee amounts live in the 賛助会員会費規程 and the application manual, which we do not hold (domain-data §4.1:
// UNKNOWN). Every amount here is an operator-set EXAMPLE, to be replaced by the operator with dated values from
// the regulation. Fee amounts are keyed by the fiscal year billed (April–March: inferred, the FAQ speaks of 年度
// and of billing "in February of the preceding year" but never defines it), not by the day the fee is computed,
// because next year's fee is billed in the preceding fiscal year (Q2-5-8).

const EXAMPLE = (faq: string): Citation => cite('jaim-membership-faq', faq, undefined, undefined, 'example');

const FY2025 = period('2025-04-01', '2026-04-01');
const FROM_FY2026 = period('2026-04-01');

/** Integer yen. Never a float. */
export type Yen = number;

export const annualFeePerEstablishment: Parameter<Yen> = defineParameter({
  id: 'jaim-fees/annual-fee-per-establishment',
  description: msg('賛助会員年会費（1事業所・割引前・年額）', 'Supporting-member annual fee (per establishment, before discounts, full year)'),
  unit: 'yen',
  values: [
    {
      period: FY2025,
      value: 50_000,
      citation: EXAMPLE('Q2-5-1'),
      status: 'example',
      note: 'EXAMPLE amount, not from any source. FY2025 is half of the example standard fee because secondary sources report the FY2025 supporting-member fee was halved (jsj-k.net 2025-07-04; makeone-kk.com). Replace with the 賛助会員会費規程 amount.',
    },
    {
      period: FROM_FY2026,
      value: 100_000,
      citation: EXAMPLE('Q2-5-1'),
      status: 'example',
      note: 'EXAMPLE standard amount, not from any source. Replace with the 賛助会員会費規程 amount.',
    },
  ],
});

/** A discount is either a rate of the undiscounted fee (basis points, 1000 = 10%) or a fixed amount of yen. */
export type Discount = { readonly kind: 'rate'; readonly basisPoints: number } | { readonly kind: 'amount'; readonly yen: Yen };

export const smeDiscount: Parameter<Discount> = defineParameter({
  id: 'jaim-fees/sme-discount',
  description: msg('中小企業割引（1事業所あたり）', 'SME discount (per establishment)'),
  values: [
    {
      period: period('2025-04-01'),
      value: { kind: 'rate', basisPoints: 1000 },
      citation: EXAMPLE('Q2-5-2'),
      status: 'example',
      note: 'EXAMPLE (10% of the undiscounted fee), not from any source; with the FY2025 example fee it gives ¥45,000, in line with the secondary report of an SME fee "in the ¥40,000s" for FY2025.',
    },
  ],
});

export const associationDiscount: Parameter<Discount> = defineParameter({
  id: 'jaim-fees/association-discount',
  description: msg('正会員団体割引（1事業所あたり）', 'Member-association discount (per establishment)'),
  values: [
    {
      period: period('2025-04-01'),
      value: { kind: 'rate', basisPoints: 2000 },
      citation: EXAMPLE('Q2-5-2'),
      status: 'example',
      note: 'EXAMPLE (20% of the undiscounted fee), not from any source.',
    },
  ],
});

/**
 * First-year charge by the month of the fee notice date, April … March: twelfths of the full-year (discounted)
 * fee. 12 entries, each 0–12.
 */
export const firstYearTwelfths: Parameter<readonly number[]> = defineParameter({
  id: 'jaim-fees/first-year-twelfths',
  description: msg('入会初年度の会費（会費請求通知日の属する月別、4月〜3月、年額の12分の何か）', 'First-year fee by month of the fee notice (April … March), in twelfths of the full-year fee'),
  unit: 'list',
  values: [
    {
      period: FY2025,
      value: [12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12],
      citation: EXAMPLE('Q2-5-1'),
      status: 'example',
      note: 'EXAMPLE: in FY2025 the (reported) half-price fee is treated as the whole first-year reduction, so no further pro-rating. Replace with the 手続マニュアル table.',
    },
    {
      period: FROM_FY2026,
      value: [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
      citation: EXAMPLE('Q2-5-1'),
      status: 'example',
      note: 'EXAMPLE: the months left in the fiscal year, counting the notice month. Replace with the 手続マニュアル table.',
    },
  ],
});

export type Rounding = 'floor';

export const feeRounding: Parameter<Rounding> = defineParameter({
  id: 'jaim-fees/rounding',
  description: msg('会費計算の端数処理（円未満）', 'Rounding of fee arithmetic (below one yen)'),
  values: [
    {
      period: period('2025-04-01'),
      value: 'floor',
      citation: EXAMPLE('Q2-5-2'),
      status: 'example',
      note: 'EXAMPLE: each discount and the first-year pro-rating are floored to the yen (in the member\'s favour for pro-rating, in JAIM\'s for discounts). Not from any source.',
    },
  ],
});

export const entranceFee: Parameter<Yen> = defineParameter({
  id: 'jaim-fees/entrance-fee',
  description: msg('入会費', 'Entrance fee'),
  unit: 'yen',
  values: [{ period: period('2025-06-25'), value: 0, citation: cite('jaim-membership-faq', 'Q2-5-1'), status: 'official' }],
});

export const FEE_PARAMETERS = [annualFeePerEstablishment, smeDiscount, associationDiscount, firstYearTwelfths, feeRounding, entranceFee] as const;

/** The parameters the fee rules read, so a caller can build the rules over other versions (operator data). */
export type FeeParameters = {
  readonly annualFee: Parameter<Yen>;
  readonly smeDiscount: Parameter<Discount>;
  readonly associationDiscount: Parameter<Discount>;
  readonly firstYearTwelfths: Parameter<readonly number[]>;
  readonly rounding: Parameter<Rounding>;
  readonly entranceFee: Parameter<Yen>;
};

export const DEFAULT_FEE_PARAMETERS: FeeParameters = {
  annualFee: annualFeePerEstablishment,
  smeDiscount,
  associationDiscount,
  firstYearTwelfths,
  rounding: feeRounding,
  entranceFee,
};

/** The fee parameters with some replaced by id (e.g. the seeded versions with the operator's values merged in). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const makeFeeParameters = (byId: { get(id: string): Parameter<any> | undefined }): FeeParameters => {
  const pick = <T>(p: Parameter<T>): Parameter<T> => (byId.get(p.id) as Parameter<T> | undefined) ?? p;
  return {
    annualFee: pick(annualFeePerEstablishment),
    smeDiscount: pick(smeDiscount),
    associationDiscount: pick(associationDiscount),
    firstYearTwelfths: pick(firstYearTwelfths),
    rounding: pick(feeRounding),
    entranceFee: pick(entranceFee),
  };
};

/** A parameter read for a fiscal year (not the day of evaluation): the rule puts this record in its trace `used`. */
export type FiscalYearParameterUse<T> = { readonly id: string; readonly fiscalYear: number; readonly value: T; readonly citation: string; readonly status: string; readonly note?: string };

export const parameterForFiscalYear = <T>(p: Parameter<T>, fiscalYear: number): FiscalYearParameterUse<T> => {
  const v = parameterAt(p, fiscalYearStart(fiscalYear));
  return { id: p.id, fiscalYear, value: v.value, citation: formatCitation(v.citation), status: v.status, ...(v.note === undefined ? {} : { note: v.note }) };
};

/** floor(a / b) for non-negative safe integers, exactly (no float division). */
export const floorDiv = (a: number, b: number): number => (a - (a % b)) / b;

/** The discount in yen on an undiscounted fee, floored to the yen. */
export const discountYen = (d: Discount, baseYen: Yen): Yen => (d.kind === 'rate' ? floorDiv(baseYen * d.basisPoints, 10_000) : d.yen);

/** Every discount is computed on the undiscounted fee and the sum is taken off, never below zero: order-independent. */
export const applyDiscounts = (baseYen: Yen, discounts: readonly Yen[]): Yen => {
  let sum = 0;
  for (const d of discounts) sum += d;
  return Math.max(0, baseYen - sum);
};

/** The first-year amount: the full-year (discounted) fee times twelfths / 12, floored. */
export const proRate = (fullYearYen: Yen, twelfths: number): Yen => floorDiv(fullYearYen * twelfths, 12);
