import { type LegalDate, NEEDS_REVIEW, type NeedsReview, cite, defineRule, fiscalYearOf, monthOfFiscalYear, msg, parts } from '../core/index.js';
import { JAIM_FROM } from '../sme/q2-4.js';
import { DEFAULT_FEE_PARAMETERS, type FeeParameters, type Yen, discountYen, parameterForFiscalYear, proRate } from './params.js';

// jaim-membership-faq Q2-5-1 … Q2-5-12: JAIM supporting-member fees. Amounts come from example parameters
// (params.ts); the rules here say how they combine.

const faq = (q: string) => cite('jaim-membership-faq', q);

export type EstablishmentFee = { readonly id: string; readonly jsicCodes: readonly string[] };

/** Q2-5-5 / Q2-5-6: one annual fee per establishment, however many JSIC classes it is registered under. */
export const feePerEstablishment = defineRule<{ readonly establishments: readonly EstablishmentFee[] }, number>({
  id: 'jaim-fees/q2-5/fee-per-establishment',
  title: msg('年会費は事業所ごと', 'One annual fee per establishment'),
  versions: [
    {
      period: JAIM_FROM,
      citation: faq('Q2-5-5'),
      also: [faq('Q2-5-6')],
      summary: msg(
        '年会費は受入れ事業所ごとにかかり、複数の事業所で受け入れる法人はその数だけ納める。1つの事業所が2つの産業分類で登録していても1事業所分である。',
        'The annual fee is due per accepting establishment, so a company accepting workers at several establishments pays that many fees; an establishment registered under two industry classes still pays one.',
      ),
      evaluate: ({ establishments }) => {
        const n = establishments.length;
        const multiClass = establishments.filter((e) => e.jsicCodes.length > 1).length;
        return {
          outcome: n,
          message: msg(
            `${n}事業所分の年会費がかかります${multiClass > 0 ? `（複数の産業分類で登録する${multiClass}事業所も各1事業所分）` : ''}。`,
            `Annual fees are due for ${n} establishment(s)${multiClass > 0 ? ` (the ${multiClass} registered under several industry classes count once each)` : ''}.`,
          ),
          used: { establishments: establishments.map((e) => ({ id: e.id, jsicCodes: e.jsicCodes })) },
        };
      },
    },
  ],
});

/** Q2-5-1: no entrance fee. */
export const makeNoEntranceFee = (P: FeeParameters = DEFAULT_FEE_PARAMETERS) =>
  defineRule<Record<string, never>, Yen>({
  id: 'jaim-fees/q2-5/no-entrance-fee',
  title: msg('入会費なし', 'No entrance fee'),
  versions: [
    {
      period: JAIM_FROM,
      citation: faq('Q2-5-1'),
      summary: msg('JAIMへの入会に入会費はかからず、年会費のみがかかる。', 'Joining JAIM costs no entrance fee; only the annual fee is due.'),
      evaluate: (_f, ctx) => {
        const yen = ctx.param(P.entranceFee);
        return { outcome: yen, message: msg(`入会費は${yen}円です。`, `The entrance fee is ¥${yen}.`), used: { entranceFeeYen: yen } };
      },
    },
  ],
});
export const noEntranceFee = makeNoEntranceFee();

/** The undiscounted full-year fee per establishment for the fiscal year billed (example amount). */
export const makeBaseAnnualFee = (P: FeeParameters = DEFAULT_FEE_PARAMETERS) =>
  defineRule<{ readonly fiscalYear: number }, Yen>({
  id: 'jaim-fees/q2-5/base-annual-fee',
  title: msg('年会費（割引前）', 'Annual fee before discounts'),
  versions: [
    {
      period: JAIM_FROM,
      citation: faq('Q2-5-1'),
      also: [faq('Q2-5-5')],
      summary: msg(
        '年会費の額は賛助会員会費規程による（規程は未入手のため、額は運用者が設定する例示値）。',
        'The annual fee amount is set by the supporting-member fee regulation (not held: the amount is an operator-set example).',
      ),
      evaluate: ({ fiscalYear }) => {
        const p = parameterForFiscalYear(P.annualFee, fiscalYear);
        return {
          outcome: p.value,
          message: msg(
            `${fiscalYear}年度の1事業所あたり年会費（割引前）は${p.value}円です${p.status === 'example' ? '（例示値）' : ''}。`,
            `The FY${fiscalYear} annual fee per establishment before discounts is ¥${p.value}${p.status === 'example' ? ' (example amount)' : ''}.`,
          ),
          used: { fiscalYear, baseYen: p.value, parameter: p },
        };
      },
    },
  ],
});
export const baseAnnualFee = makeBaseAnnualFee();

export type SmeStatus = 'sme' | 'not-sme' | NeedsReview;

/** Q2-5-2: the SME discount, for an applicant found to be an SME (see the sme determination). */
export const makeSmeDiscountRule = (P: FeeParameters = DEFAULT_FEE_PARAMETERS) =>
  defineRule<{ readonly fiscalYear: number; readonly baseYen: Yen; readonly sme: SmeStatus }, Yen>({
  id: 'jaim-fees/q2-5/sme-discount',
  title: msg('中小企業割引', 'SME discount'),
  versions: [
    {
      period: JAIM_FROM,
      citation: faq('Q2-5-2'),
      also: [cite('jaim-membership-faq', 'Q2-4-5'), cite('sme-basic-act', '2', '1', 'i')],
      summary: msg(
        '中小企業（製造業の基準による）に当たる事業者の事業所は年会費の中小企業割引を受けられ、正会員団体割引と併用できる。',
        'Establishments of an SME (by the manufacturing thresholds) get the SME discount on the annual fee, which can be combined with the member-association discount.',
      ),
      evaluate: ({ fiscalYear, baseYen, sme }) => {
        if (sme === NEEDS_REVIEW) {
          return {
            outcome: NEEDS_REVIEW,
            message: msg('中小企業に当たるかが要確認のため、中小企業割引の適用は判断待ちです（金額は割引なしで算定）。', 'Whether the applicant is an SME needs review, so the SME discount is pending (amounts are computed without it).'),
            used: { sme },
          };
        }
        if (sme === 'not-sme') {
          return { outcome: 0, message: msg('中小企業に当たらないため、中小企業割引はありません。', 'Not an SME, so no SME discount.'), used: { sme, discountYen: 0 } };
        }
        const p = parameterForFiscalYear(P.smeDiscount, fiscalYear);
        const rounding = parameterForFiscalYear(P.rounding, fiscalYear);
        const yen = discountYen(p.value, baseYen);
        return {
          outcome: yen,
          message: msg(`中小企業割引として1事業所あたり${yen}円を差し引きます${p.status === 'example' ? '（例示値）' : ''}。`, `An SME discount of ¥${yen} per establishment applies${p.status === 'example' ? ' (example amount)' : ''}.`),
          used: { sme, baseYen, discountYen: yen, parameter: p, rounding },
        };
      },
    },
  ],
});
export const smeDiscountRule = makeSmeDiscountRule();

export type AssociationFacts = {
  readonly fiscalYear: number;
  readonly baseYen: Yen;
  /** The day membership of a JAIM regular-member association was complete; null if none (or only applied for). */
  readonly associationMembershipCompletedOn: LegalDate | null;
  readonly jaimApplicationDate: LegalDate;
  /** Whether the association's industry is the one in which the establishment accepts SSW workers (irrelevant, Q2-5-4). */
  readonly associationIndustryMatches?: boolean | undefined;
};

/**
 * Q2-5-3: the association discount applies from the first year only if association membership was complete when
 * the JAIM application was made; completed later, it applies from the next fiscal year. Q2-5-4: it applies even
 * when the association's industry differs from the establishment's.
 */
export const makeAssociationDiscountRule = (P: FeeParameters = DEFAULT_FEE_PARAMETERS) =>
  defineRule<AssociationFacts, Yen>({
  id: 'jaim-fees/q2-5/association-discount',
  title: msg('正会員団体割引', 'Member-association discount'),
  versions: [
    {
      period: JAIM_FROM,
      citation: faq('Q2-5-3'),
      also: [faq('Q2-5-2'), faq('Q2-5-4')],
      summary: msg(
        '正会員団体への加入がJAIM入会手続の時点で完了していれば初年度から団体割引を受けられ、手続後に完了した場合は翌年度からとなる。加入申請中は対象外。団体の所管産業と受入れ産業が違っても適用される。',
        'The association discount applies from the first year if membership of a regular-member association was complete when applying to JAIM; if completed later, from the following fiscal year. A pending association application does not count. It applies even if the association\'s industry differs from the accepting industry.',
      ),
      evaluate: (f) => {
        const { fiscalYear, baseYen, associationMembershipCompletedOn: done, jaimApplicationDate } = f;
        const base = { associationMembershipCompletedOn: done, jaimApplicationDate, associationIndustryMatches: f.associationIndustryMatches ?? null };
        if (done === null) {
          return {
            outcome: 0,
            message: msg('正会員団体への加入が完了していないため、団体割引はありません（申請中の場合も同じ）。', 'No completed membership of a regular-member association, so no association discount (a pending application does not count).'),
            used: { ...base, discountYen: 0 },
          };
        }
        const completedAtApplication = done <= jaimApplicationDate;
        const applies = completedAtApplication || fiscalYearOf(done) < fiscalYear;
        if (!applies) {
          const from = fiscalYearOf(done) + 1;
          return {
            outcome: 0,
            message: msg(
              `正会員団体への加入完了（${done}）がJAIM入会手続（${jaimApplicationDate}）より後のため、団体割引は${from}年度からです。`,
              `Association membership was completed (${done}) after the JAIM application (${jaimApplicationDate}), so the association discount applies from FY${from}.`,
            ),
            used: { ...base, discountYen: 0, appliesFromFiscalYear: from },
          };
        }
        const p = parameterForFiscalYear(P.associationDiscount, fiscalYear);
        const rounding = parameterForFiscalYear(P.rounding, fiscalYear);
        const yen = discountYen(p.value, baseYen);
        const industryNote =
          f.associationIndustryMatches === false
            ? msg('団体の所管産業は受入れ産業と異なりますが、会費の二重負担を避ける趣旨から適用されます。', ' The association\'s industry differs from the accepting industry, but the discount applies to avoid double fees.')
            : msg('', '');
        return {
          outcome: yen,
          message: msg(
            `正会員団体割引として1事業所あたり${yen}円を差し引きます${p.status === 'example' ? '（例示値）' : ''}。${industryNote.ja}`,
            `A member-association discount of ¥${yen} per establishment applies${p.status === 'example' ? ' (example amount)' : ''}.${industryNote.en}`,
          ),
          used: { ...base, baseYen, discountYen: yen, completedAtApplication, parameter: p, rounding },
        };
      },
    },
  ],
});
export const associationDiscountRule = makeAssociationDiscountRule();

/** Q2-5-1: the first-year fee depends on the month of the fee notice date (after JAIM's screening). */
export const makeFirstYearAmount = (P: FeeParameters = DEFAULT_FEE_PARAMETERS) =>
  defineRule<{ readonly fiscalYear: number; readonly feeNoticeDate: LegalDate; readonly fullYearYen: Yen }, Yen>({
  id: 'jaim-fees/q2-5/first-year-amount',
  title: msg('入会初年度の年会費', 'First-year fee'),
  versions: [
    {
      period: JAIM_FROM,
      citation: faq('Q2-5-1'),
      summary: msg(
        '入会初年度の年会費は、入会審査の終了後に会費請求通知日が属する月（入会月）によって異なる。',
        'The first-year fee depends on the joining month, i.e. the month of the fee notice date issued after JAIM\'s screening.',
      ),
      evaluate: ({ fiscalYear, feeNoticeDate, fullYearYen }) => {
        const table = parameterForFiscalYear(P.firstYearTwelfths, fiscalYear);
        const rounding = parameterForFiscalYear(P.rounding, fiscalYear);
        const month = parts(feeNoticeDate).month;
        const twelfths = table.value[monthOfFiscalYear(feeNoticeDate) - 1] ?? 12;
        const yen = proRate(fullYearYen, twelfths);
        return {
          outcome: yen,
          message: msg(
            `会費請求通知日が${month}月のため、初年度会費は年額${fullYearYen}円の12分の${twelfths}で${yen}円です${table.status === 'example' ? '（例示の月別表）' : ''}。`,
            `The fee notice is dated in month ${month}, so the first-year fee is ${twelfths}/12 of ¥${fullYearYen}: ¥${yen}${table.status === 'example' ? ' (example monthly table)' : ''}.`,
          ),
          used: { feeNoticeDate, noticeMonth: month, twelfths, fullYearYen, firstYearYen: yen, parameter: table, rounding },
        };
      },
    },
  ],
});
export const firstYearAmount = makeFirstYearAmount();

export type PaymentMethod = 'bank-transfer' | 'direct-debit';

/** Q2-5-1 / Q2-5-7: the first year is paid by bank transfer, later years by direct debit (no choice). */
export const paymentMethod = defineRule<{ readonly firstYear: boolean }, PaymentMethod>({
  id: 'jaim-fees/q2-5/payment-method',
  title: msg('年会費の支払方法', 'How the annual fee is paid'),
  versions: [
    {
      period: JAIM_FROM,
      citation: faq('Q2-5-1'),
      also: [faq('Q2-5-7')],
      summary: msg('入会初年度は銀行振込、次年度以降は口座振替で支払い、次年度以降に銀行振込を選ぶことはできない。', 'The first year is paid by bank transfer and later years by direct debit; bank transfer cannot be chosen for later years.'),
      evaluate: ({ firstYear }) =>
        firstYear
          ? { outcome: 'bank-transfer', message: msg('入会初年度のため、銀行振込で支払います。', 'First year: paid by bank transfer.'), used: { firstYear } }
          : { outcome: 'direct-debit', message: msg('次年度以降のため、口座振替で支払います（銀行振込は選べません）。', 'A later year: paid by direct debit (bank transfer is not available).'), used: { firstYear } },
    },
  ],
});

/** Q2-5-8: later years' fees are billed around February of the preceding fiscal year. Outcome: the billing month, YYYY-MM. */
export const billingTiming = defineRule<{ readonly fiscalYear: number; readonly firstYear: boolean; readonly feeNoticeDate?: LegalDate | undefined }, string>({
  id: 'jaim-fees/q2-5/billing-timing',
  title: msg('年会費の請求時期', 'When the annual fee is billed'),
  versions: [
    {
      period: JAIM_FROM,
      citation: faq('Q2-5-8'),
      also: [faq('Q2-5-1'), faq('Q3-1-4')],
      summary: msg(
        '入会初年度は審査後の会費請求通知で請求され、2年目以降は翌年度分を前年度の2月頃に口座振替で請求する予定とされている。',
        'The first year is billed by the fee notice after screening; from the second year the next year\'s fee is planned to be collected around February of the preceding fiscal year, by direct debit.',
      ),
      evaluate: ({ fiscalYear, firstYear, feeNoticeDate }) => {
        if (firstYear && feeNoticeDate) {
          const ym = feeNoticeDate.slice(0, 7);
          return { outcome: ym, message: msg(`初年度会費は会費請求通知（${feeNoticeDate}）で請求されます。`, `The first-year fee is billed by the fee notice of ${feeNoticeDate}.`), used: { fiscalYear, firstYear, feeNoticeDate } };
        }
        const ym = `${fiscalYear}-02`;
        return {
          outcome: ym,
          message: msg(
            `${fiscalYear}年度分の会費は前年度の2月頃（${fiscalYear}年2月頃の予定）に請求されます。`,
            `The FY${fiscalYear} fee is planned to be billed around February of the preceding fiscal year (about ${ym}).`,
          ),
          used: { fiscalYear, firstYear, approximate: true },
        };
      },
    },
  ],
});

/** Q2-5-9: the annual fee is outside the scope of consumption tax (不課税). */
export const noConsumptionTax = defineRule<Record<string, never>, Yen>({
  id: 'jaim-fees/q2-5/no-consumption-tax',
  title: msg('消費税は不課税', 'No consumption tax'),
  versions: [
    {
      period: JAIM_FROM,
      citation: faq('Q2-5-9'),
      summary: msg('年会費は消費税の課税対象外（不課税）である。', 'The annual fee is outside the scope of consumption tax.'),
      evaluate: () => ({ outcome: 0, message: msg('年会費は不課税のため、消費税額は0円です。', 'The fee is outside consumption tax: tax is ¥0.'), used: { taxYen: 0, treatment: 'not-taxable' } }),
    },
  ],
});

export type Payer = 'member' | 'registered-support-organisation';

/** Q2-5-12: a registered support organisation may pay (or have the fee debited) on the member's behalf. */
export const payerAccepted = defineRule<{ readonly payer: Payer }, 'accepted'>({
  id: 'jaim-fees/q2-5/payer',
  title: msg('会費の支払者', 'Who may pay the fee'),
  versions: [
    {
      period: JAIM_FROM,
      citation: faq('Q2-5-12'),
      summary: msg('会費は会員自身のほか、登録支援機関が代わりに支払い又は引き落としを受けてもよい。', 'The fee may be paid by the member or, on its behalf, by a registered support organisation (including by debit from its account).'),
      evaluate: ({ payer }) => ({
        outcome: 'accepted',
        message:
          payer === 'member'
            ? msg('会員が自ら支払います。', 'The member pays.')
            : msg('登録支援機関が会員に代わって支払うことができます。', 'A registered support organisation may pay on the member\'s behalf.'),
        used: { payer },
      }),
    },
  ],
});

/** Check used by the facts schema: the fee notice of a first year falls in the fiscal year billed. */
export const noticeInFiscalYear = (feeNoticeDate: LegalDate, fiscalYear: number): boolean => fiscalYearOf(feeNoticeDate) === fiscalYear;
