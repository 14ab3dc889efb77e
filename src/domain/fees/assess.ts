import { Evaluator, NEEDS_REVIEW, type Determination, type LegalDate, fiscalYearStart, legalDate, parseFacts } from '../../../rules/core/index.js';
import { computeFees, jaimFeeDetermination, makeFeeParameters, makeFeeRules, type FeeAssessment, type JaimFeeOutcome } from '../../../rules/jaim-fees/index.js';
import type { Db } from '../../persistence/database.js';
import { approvedClaimsFor } from '../../persistence/repositories/discount-claims.repository.js';
import { loadRulesContext } from '../rules-context.js';

// The fee assessment for one establishment and fiscal year, through the operator-aware rules context (fee amounts the
// operator published override the seeded example values), with the approved discount claims as facts.

export type InvoiceLine = {
  kind: 'base' | 'discount_sme' | 'discount_association' | 'first_year' | 'tax';
  label: { ja: string; en: string };
  amountYen: number;
  citation: string;
};

export type Assessed = {
  assessment: FeeAssessment;
  determination: Determination<JaimFeeOutcome>;
  lines: InvoiceLine[];
  amountYen: number;
  paymentMethod: 'bank_transfer' | 'direct_debit';
};

export type AssessInput = {
  organisationId: string;
  establishmentId: string;
  jsicCodes: string[];
  fiscalYear: number;
  firstYear: boolean;
  feeNoticeDate: LegalDate | null;
  asOf: LegalDate;
};

const citationOf = (d: Determination<unknown>, ruleId: string): string => d.trace.find((s) => s.ruleId === ruleId)?.citation ?? '';

export const assessInvoice = async (db: Db, input: AssessInput): Promise<Assessed> => {
  const claims = await approvedClaimsFor(db, input.organisationId, input.fiscalYear);
  const sme = claims.find((c) => c.kind === 'sme');
  const assoc = claims.find((c) => c.kind === 'association' && c.associationCompletedOn && c.jaimApplicationDate);
  const fyStart = fiscalYearStart(input.fiscalYear);
  const applicationDate = assoc?.jaimApplicationDate ?? (input.feeNoticeDate && input.feeNoticeDate < fyStart ? input.feeNoticeDate : fyStart);
  const facts = parseFacts(jaimFeeDetermination, {
    fiscalYear: input.fiscalYear,
    firstYear: input.firstYear,
    ...(input.firstYear && input.feeNoticeDate ? { feeNoticeDate: input.feeNoticeDate } : {}),
    smeOutcome: sme ? 'sme' : 'not-sme',
    jaimApplicationDate: applicationDate,
    associationMembershipCompletedOn: assoc?.associationCompletedOn ?? null,
    establishments: [{ id: input.establishmentId, jsicCodes: input.jsicCodes.length > 0 ? input.jsicCodes : ['00'] }],
  });
  const rules = await loadRulesContext(db);
  const R = makeFeeRules(makeFeeParameters(rules.parameters));
  const e = new Evaluator(input.asOf);
  const r = computeFees(facts, e, R);
  const determination: Determination<JaimFeeOutcome> = { id: jaimFeeDetermination.id, asOf: input.asOf, outcome: r.outcome, reasons: r.reasons, trace: e.steps };
  const line = r.assessment.lines[0]!;
  const lines: InvoiceLine[] = [
    { kind: 'base', label: { ja: `${input.fiscalYear}年度 年会費（1事業所）`, en: `FY${input.fiscalYear} annual fee (one establishment)` }, amountYen: line.baseYen, citation: citationOf(determination, 'jaim-fees/q2-5/base-annual-fee') },
  ];
  for (const d of line.discounts) {
    lines.push(
      d.kind === 'sme'
        ? { kind: 'discount_sme', label: { ja: '中小企業割引', en: 'SME discount' }, amountYen: -d.yen, citation: citationOf(determination, 'jaim-fees/q2-5/sme-discount') }
        : { kind: 'discount_association', label: { ja: '正会員団体割引', en: 'Member-association discount' }, amountYen: -d.yen, citation: citationOf(determination, 'jaim-fees/q2-5/association-discount') },
    );
  }
  if (line.firstYearTwelfths !== undefined && line.amountYen !== line.fullYearYen) {
    lines.push({
      kind: 'first_year',
      label: { ja: `入会初年度の減額（会費請求通知月による: 12分の${line.firstYearTwelfths}）`, en: `First-year reduction (by the month of the fee notice: ${line.firstYearTwelfths}/12)` },
      amountYen: line.amountYen - line.fullYearYen,
      citation: citationOf(determination, 'jaim-fees/q2-5/first-year-amount'),
    });
  }
  lines.push({ kind: 'tax', label: { ja: '消費税: 不課税（対象外）', en: 'Consumption tax: not taxable (out of scope)' }, amountYen: 0, citation: citationOf(determination, 'jaim-fees/q2-5/no-consumption-tax') });
  let sum = 0;
  for (const l of lines) sum += l.amountYen;
  if (sum !== r.assessment.total) throw new Error(`invoice lines ${sum} do not add up to the assessment ${r.assessment.total}`);
  return { assessment: r.assessment, determination, lines, amountYen: r.assessment.total, paymentMethod: r.assessment.paymentMethod === 'bank-transfer' ? 'bank_transfer' : 'direct_debit' };
};

export const isNeedsReview = (d: Determination<unknown>): boolean => d.outcome === NEEDS_REVIEW;
export const asLegalDate = (s: string): LegalDate => legalDate(s);
