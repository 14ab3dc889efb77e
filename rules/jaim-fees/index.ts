import { defineInstrument, msg } from '../core/index.js';
import { jaimFeeDetermination } from './determination.js';
import { FEE_PARAMETERS } from './params.js';
import { adjacentPlantsAsOne } from './q1-2.js';
import {
  associationDiscountRule,
  baseAnnualFee,
  billingTiming,
  feePerEstablishment,
  firstYearAmount,
  noConsumptionTax,
  noEntranceFee,
  payerAccepted,
  paymentMethod,
  smeDiscountRule,
} from './q2-5.js';
import { nextYearFeeOnWithdrawal, noRefundOnWithdrawal } from './q3-1.js';

export * from './params.js';
export * from './q1-2.js';
export * from './q2-5.js';
export * from './q3-1.js';
export * from './determination.js';

export const instrument = defineInstrument({
  id: 'jaim-fees',
  documents: ['jaim-membership-faq'],
  title: msg('JAIM賛助会員の会費', 'JAIM supporting-member fees'),
  notFormalised: [
    msg(
      '会費の金額・割引額・入会月別の初年度額は賛助会員会費規程と手続マニュアルにあり未入手のため、すべて例示値（status: example）とし、運用者が正式な額を日付付きで設定する。',
      'Fee amounts, discount amounts and the first-year table by joining month are in the fee regulation and manual, which we do not hold: all are example values (status: example) for the operator to replace with dated official ones.',
    ),
    msg('年度を4月〜3月とするのは推定（FAQは「年度」「前年度の2月頃」とのみ述べる）。', 'The April–March fiscal year is inferred (the FAQ only speaks of 年度 and "February of the preceding year").'),
    msg('端数処理（円未満切捨て）は例示の規則であり、出典はない。', 'Rounding (floor to the yen) is an example rule with no source.'),
    msg(
      '隣接する工場を1事業所として扱えるか（Q1-2-4）は証跡に基づく個別判断のため、要確認とする。',
      'Whether adjacent plants may be one establishment (Q1-2-4) is a case-by-case judgement on evidence: needs_review.',
    ),
    msg('領収書の発行（Q2-5-11）と請求メールの宛先（Q2-5-10）は手続であり、規則としては扱わない。', 'Receipts (Q2-5-11) and the billing e-mail address (Q2-5-10) are procedure, not modelled as rules.'),
  ],
  rules: [
    feePerEstablishment,
    adjacentPlantsAsOne,
    noEntranceFee,
    baseAnnualFee,
    smeDiscountRule,
    associationDiscountRule,
    firstYearAmount,
    paymentMethod,
    billingTiming,
    noConsumptionTax,
    payerAccepted,
    noRefundOnWithdrawal,
    nextYearFeeOnWithdrawal,
  ],
  parameters: [...FEE_PARAMETERS],
  determinations: [jaimFeeDetermination],
});
