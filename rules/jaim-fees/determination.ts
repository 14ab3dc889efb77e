import { z } from 'zod';
import {
  type Citation,
  type Determination,
  type DeterminationDefinition,
  Evaluator,
  type LegalDate,
  type Message,
  NEEDS_REVIEW,
  type NeedsReview,
  cite,
  defineDetermination,
  isLegalDate,
  legalDate,
  msg,
  parseFacts,
} from '../core/index.js';
import { decideSme, smeFactsSchema } from '../sme/determination.js';
import { DEFAULT_FEE_PARAMETERS, type FeeParameters, applyDiscounts, parameterForFiscalYear } from './params.js';
import { adjacentPlantsAsOne } from './q1-2.js';
import {
  type PaymentMethod,
  type SmeStatus,
  associationDiscountRule,
  baseAnnualFee,
  billingTiming,
  feePerEstablishment,
  firstYearAmount,
  makeAssociationDiscountRule,
  makeBaseAnnualFee,
  makeFirstYearAmount,
  makeNoEntranceFee,
  makeSmeDiscountRule,
  noConsumptionTax,
  noEntranceFee,
  noticeInFiscalYear,
  payerAccepted,
  paymentMethod,
  smeDiscountRule,
} from './q2-5.js';

/** The fee rules that read parameters, built over one set of fee parameters. */
export type FeeRules = {
  readonly params: FeeParameters;
  readonly noEntranceFee: typeof noEntranceFee;
  readonly baseAnnualFee: typeof baseAnnualFee;
  readonly smeDiscountRule: typeof smeDiscountRule;
  readonly associationDiscountRule: typeof associationDiscountRule;
  readonly firstYearAmount: typeof firstYearAmount;
};

const DEFAULT_FEE_RULES: FeeRules = { params: DEFAULT_FEE_PARAMETERS, noEntranceFee, baseAnnualFee, smeDiscountRule, associationDiscountRule, firstYearAmount };

/** The parameter-reading fee rules over other parameter versions (the seeded ones give the module's own rules). */
export const makeFeeRules = (params: FeeParameters): FeeRules =>
  params === DEFAULT_FEE_PARAMETERS
    ? DEFAULT_FEE_RULES
    : {
        params,
        noEntranceFee: makeNoEntranceFee(params),
        baseAnnualFee: makeBaseAnnualFee(params),
        smeDiscountRule: makeSmeDiscountRule(params),
        associationDiscountRule: makeAssociationDiscountRule(params),
        firstYearAmount: makeFirstYearAmount(params),
      };

const date = z.string().refine(isLegalDate, { message: 'expected a calendar date YYYY-MM-DD' }).transform((s) => s as LegalDate);

export const jaimFeeFactsSchema = z
  .object({
    /** The fiscal year billed (April–March, named by the year it starts in). */
    fiscalYear: z.number().int().min(2025).max(2200),
    /** Whether this is the establishment's first year of JAIM membership. */
    firstYear: z.boolean(),
    /** First year only: the date of the fee notice issued after screening (its month sets the first-year amount). */
    feeNoticeDate: date.optional(),
    /** The SME facts (run through the sme determination) … */
    sme: smeFactsSchema.optional(),
    /** … or an SME determination outcome already made. */
    smeOutcome: z.enum(['sme', 'not-sme', NEEDS_REVIEW]).optional(),
    jaimApplicationDate: date,
    /** Day membership of a JAIM regular-member association was complete; null if none or only applied for. */
    associationMembershipCompletedOn: date.nullable().default(null),
    associationIndustryMatches: z.boolean().optional(),
    establishments: z
      .array(
        z.object({
          id: z.string().min(1).max(100),
          jsicCodes: z.array(z.string().regex(/^\d{2,4}$/)).min(1).max(20),
          /** Adjacent plants applied for as this one establishment (Q1-2-4); 1 = a single plant. */
          plantsCombined: z.number().int().min(1).max(50).default(1),
        }),
      )
      .min(1)
      .max(1000),
    payer: z.enum(['member', 'registered-support-organisation']).default('member'),
  })
  .superRefine((f, ctx) => {
    if ((f.sme === undefined) === (f.smeOutcome === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['sme'], message: 'give either the SME facts (sme) or an SME outcome (smeOutcome), not both or neither' });
    }
    if (f.firstYear && f.feeNoticeDate === undefined) {
      ctx.addIssue({ code: 'custom', path: ['feeNoticeDate'], message: 'the fee notice date is needed in the first year' });
    }
    if (f.firstYear && f.feeNoticeDate !== undefined && !noticeInFiscalYear(f.feeNoticeDate, f.fiscalYear)) {
      ctx.addIssue({ code: 'custom', path: ['feeNoticeDate'], message: `the fee notice date is not in fiscal year ${f.fiscalYear} (April–March)` });
    }
    if (f.firstYear && f.feeNoticeDate !== undefined && f.feeNoticeDate < f.jaimApplicationDate) {
      ctx.addIssue({ code: 'custom', path: ['feeNoticeDate'], message: 'the fee notice date is before the JAIM application date' });
    }
    const ids = new Set<string>();
    f.establishments.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['establishments', i, 'id'], message: `duplicate establishment id ${e.id}` });
      ids.add(e.id);
    });
  });

export type JaimFeeFacts = z.output<typeof jaimFeeFactsSchema>;

export type FeeDiscountLine = { readonly kind: 'sme' | 'association'; readonly yen: number; readonly citation: Citation };

export type FeeLine = {
  readonly establishmentId: string;
  readonly jsicCodes: readonly string[];
  /** Undiscounted full-year fee (integer yen). */
  readonly baseYen: number;
  readonly discounts: readonly FeeDiscountLine[];
  /** Full-year fee after discounts. */
  readonly fullYearYen: number;
  /** First year only: twelfths charged by the month of the fee notice (example table). */
  readonly firstYearTwelfths?: number;
  /** What is billed for this establishment. */
  readonly amountYen: number;
};

export type FeeAssessment = {
  readonly fiscalYear: number;
  readonly lines: readonly FeeLine[];
  readonly entranceFeeYen: number;
  readonly taxYen: number;
  readonly total: number;
  readonly paymentMethod: PaymentMethod;
  /** YYYY-MM: the fee notice month in the first year, about February of the preceding year later on. */
  readonly billedIn: string;
  /** Judgements left to a person; the amounts above assume the cautious reading (no SME discount, plants as claimed). */
  readonly pendingReview: readonly Message[];
  /** Every amount here is built on example parameters until the operator sets the real ones. */
  readonly amountsAreExamples: boolean;
};

export type JaimFeeOutcome = 'assessed';

const num = (x: number | NeedsReview): number => (x === NEEDS_REVIEW ? 0 : x);

/** Applies every fee rule once on the evaluator and builds the assessment (all integer yen). */
export const computeFees = (f: JaimFeeFacts, e: Evaluator, R: FeeRules = DEFAULT_FEE_RULES): { assessment: FeeAssessment; outcome: JaimFeeOutcome | NeedsReview; reasons: Message[] } => {
  const pending: Message[] = [];
  const fy = f.fiscalYear;

  let sme: SmeStatus;
  let smeReview: readonly Message[] = [];
  if (f.sme !== undefined) {
    const d = decideSme(f.sme, e);
    sme = d.outcome;
    if (d.outcome === NEEDS_REVIEW) smeReview = d.reasons.slice(-1);
  } else {
    sme = f.smeOutcome as SmeStatus;
  }

  e.apply(feePerEstablishment, { establishments: f.establishments });
  for (const est of f.establishments) {
    if (est.plantsCombined > 1) {
      const r = e.applyFull(adjacentPlantsAsOne, { establishmentId: est.id, plantsCombined: est.plantsCombined });
      pending.push(r.message);
    }
  }
  const entranceFeeYen = num(e.apply(R.noEntranceFee, {}));
  const baseYen = num(e.apply(R.baseAnnualFee, { fiscalYear: fy }));

  const discounts: FeeDiscountLine[] = [];
  const smeResult = e.applyFull(R.smeDiscountRule, { fiscalYear: fy, baseYen, sme });
  if (smeResult.outcome === NEEDS_REVIEW) pending.push(...smeReview, smeResult.message);
  else if (smeResult.outcome > 0) discounts.push({ kind: 'sme', yen: smeResult.outcome, citation: cite('jaim-membership-faq', 'Q2-5-2') });

  const assoc = num(
    e.apply(R.associationDiscountRule, {
      fiscalYear: fy,
      baseYen,
      associationMembershipCompletedOn: f.associationMembershipCompletedOn,
      jaimApplicationDate: f.jaimApplicationDate,
      associationIndustryMatches: f.associationIndustryMatches,
    }),
  );
  if (assoc > 0) discounts.push({ kind: 'association', yen: assoc, citation: cite('jaim-membership-faq', 'Q2-5-3') });

  const fullYearYen = applyDiscounts(baseYen, discounts.map((d) => d.yen));
  let amountYen = fullYearYen;
  let twelfths: number | undefined;
  if (f.firstYear && f.feeNoticeDate !== undefined) {
    const r = e.applyFull(R.firstYearAmount, { fiscalYear: fy, feeNoticeDate: f.feeNoticeDate, fullYearYen });
    amountYen = num(r.outcome);
    twelfths = (r.used?.['twelfths'] as number | undefined) ?? 12;
  }
  const method = e.apply(paymentMethod, { firstYear: f.firstYear }) as PaymentMethod;
  const billedIn = e.apply(billingTiming, { fiscalYear: fy, firstYear: f.firstYear, feeNoticeDate: f.feeNoticeDate }) as string;
  const taxYen = num(e.apply(noConsumptionTax, {}));
  e.apply(payerAccepted, { payer: f.payer });

  const lines: FeeLine[] = f.establishments.map((est) => ({
    establishmentId: est.id,
    jsicCodes: est.jsicCodes,
    baseYen,
    discounts,
    fullYearYen,
    ...(twelfths === undefined ? {} : { firstYearTwelfths: twelfths }),
    amountYen,
  }));
  let total = entranceFeeYen + taxYen;
  for (const l of lines) total += l.amountYen;

  const assessment: FeeAssessment = {
    fiscalYear: fy,
    lines,
    entranceFeeYen,
    taxYen,
    total,
    paymentMethod: method,
    billedIn,
    pendingReview: pending,
    amountsAreExamples: parameterForFiscalYear(R.params.annualFee, fy).status === 'example',
  };
  const totalMessage = msg(
    `${fy}年度の会費は${lines.length}事業所で合計${total}円です（1事業所${amountYen}円、消費税0円、${method === 'bank-transfer' ? '銀行振込' : '口座振替'}）。${assessment.amountsAreExamples ? '金額は例示値に基づきます。' : ''}`,
    `The FY${fy} fee for ${lines.length} establishment(s) totals ¥${total} (¥${amountYen} each, tax ¥0, by ${method === 'bank-transfer' ? 'bank transfer' : 'direct debit'}).${assessment.amountsAreExamples ? ' Amounts rest on example values.' : ''}`,
  );
  return pending.length > 0
    ? { assessment, outcome: NEEDS_REVIEW, reasons: [...pending, totalMessage] }
    : { assessment, outcome: 'assessed', reasons: [totalMessage] };
};

/** The fee determination over a set of fee parameters (operator data merged in); the seeded ones by default. */
export const makeJaimFeeDetermination = (params: FeeParameters = DEFAULT_FEE_PARAMETERS): DeterminationDefinition<JaimFeeFacts, JaimFeeOutcome> => {
  const R = makeFeeRules(params);
  return defineDetermination<JaimFeeFacts, JaimFeeOutcome>({
    id: 'jaim-fee',
    title: msg('JAIM賛助会員年会費の算定', 'JAIM supporting-member fee assessment'),
    description: msg(
      '事業所数、中小企業・正会員団体割引、入会初年度の入会月から、年度の会費を事業所ごとに整数円で算定する（金額は運用者が設定する例示値）。',
      'Assesses a fiscal year\'s fees per establishment in integer yen from the number of establishments, the SME and association discounts and, in the first year, the joining month (amounts are operator-set examples).',
    ),
    facts: jaimFeeFactsSchema,
    outcomes: ['assessed', NEEDS_REVIEW],
    rules: [
      feePerEstablishment,
      adjacentPlantsAsOne,
      R.noEntranceFee,
      R.baseAnnualFee,
      R.smeDiscountRule,
      R.associationDiscountRule,
      R.firstYearAmount,
      paymentMethod,
      billingTiming,
      noConsumptionTax,
      payerAccepted,
    ],
    example: {
      asOf: '2026-09-01',
      facts: {
        fiscalYear: 2026,
        firstYear: true,
        feeNoticeDate: '2026-09-01',
        sme: { capitalYen: 50_000_000, regularEmployees: 120 },
        jaimApplicationDate: '2026-06-15',
        associationMembershipCompletedOn: '2026-05-01',
        establishments: [
          { id: 'honsha', jsicCodes: ['2422'] },
          { id: 'dai2', jsicCodes: ['2422', '2691'] },
        ],
      },
    },
    decide: (f, e) => {
      const r = computeFees(f, e, R);
      return { outcome: r.outcome, reasons: r.reasons };
    },
  });
};

export const jaimFeeDetermination = makeJaimFeeDetermination();

/**
 * For the fee module: validates the facts, runs the fee rules on `asOf` and returns the lines and total with the
 * determination (trace included). Pure: the legal date is passed in.
 */
export const assessFees = (
  rawFacts: unknown,
  asOf: string,
): { lines: readonly FeeLine[]; total: number; paymentMethod: PaymentMethod; assessment: FeeAssessment; determination: Determination<JaimFeeOutcome> } => {
  const facts = parseFacts(jaimFeeDetermination, rawFacts);
  const day = legalDate(asOf);
  const e = new Evaluator(day);
  const r = computeFees(facts, e);
  const determination: Determination<JaimFeeOutcome> = { id: jaimFeeDetermination.id, asOf: day, outcome: r.outcome, reasons: r.reasons, trace: e.steps };
  return { lines: r.assessment.lines, total: r.assessment.total, paymentMethod: r.assessment.paymentMethod, assessment: r.assessment, determination };
};
