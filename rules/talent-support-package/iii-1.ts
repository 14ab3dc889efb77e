import { type LegalDate, type Message, NEEDS_REVIEW, type RuleOutcome, defineRule, fiscalYearOf, msg } from '../core/index.js';
import type { CompanyCase, SupportPeriod } from './facts.js';
import { PACKAGE_PERIOD, g } from './instrument.js';
import { maxSupportFiscalYears, placementLookBackMonths } from './parameters.js';
import type { HighlySkilled } from './ii-2.js';
import { hasElapsed } from '../core/index.js';

// III.1(1) ①–⑧: companies and cases not supported; ②, ③ and ⑤ "may be exceptions", so when they apply the
// outcome is needs_review, not a refusal. "The last 3 years" is counted as the Civil Code counts periods (shared
// helper in manufacturing-activity-plan/civil-period.ts). III.1(3): legal compliance. III.2: paid job-placement businesses.

export type Exclusion = 'excluded' | 'not-excluded';
type Out = RuleOutcome<Exclusion>;
const excluded = (m: Message, used: Record<string, unknown>): Out => ({ outcome: 'excluded', message: m, used });
const clear = (m: Message, used: Record<string, unknown>): Out => ({ outcome: 'not-excluded', message: m, used });
const review = (m: Message, used: Record<string, unknown>): Out => ({ outcome: NEEDS_REVIEW, message: m, used });


export const excl1PaidPlacement = defineRule<CompanyCase, Exclusion>({
  id: 'talent-support-package/iii-1-1/1-paid-placement',
  title: msg('有料職業紹介の実績がある事業者', 'Paid job-placement operators with recent placements'),
  versions: [
    {
      period: PACKAGE_PERIOD,
      citation: g('III.1(1)', '①'),
      also: [g('III.2')],
      summary: msg('有料職業紹介の許可を持ち、直近3年間に有料職業紹介の実績がある企業・団体は対象外。', 'Holders of a paid job-placement licence who made paid placements in the last 3 years are not supported.'),
      evaluate: ({ applicationDate, company }, ctx) => {
        const months = ctx.param(placementLookBackMonths);
        const last = company.lastPaidPlacementDate;
        const used = { paidPlacementLicence: company.paidPlacementLicence, lastPaidPlacementDate: last, applicationDate };
        if (company.paidPlacementLicence && last !== null && !hasElapsed(last, months, applicationDate)) {
          return excluded(
            msg(`有料職業紹介の許可があり、直近3年以内（${last}）に紹介実績があるため対象外です。`, `Holds a paid placement licence and placed someone within the last 3 years (${last}): not supported.`),
            used,
          );
        }
        return clear(msg('直近3年間に有料職業紹介の実績がある許可事業者ではありません。', 'Not a licensed placement operator with placements in the last 3 years.'), used);
      },
    },
  ],
});

export const excl2LegalForm = defineRule<CompanyCase, Exclusion>({
  id: 'talent-support-package/iii-1-1/2-legal-form',
  title: msg('株式会社・有限会社・合同会社以外', 'Not a stock, limited or limited-liability company'),
  versions: [
    {
      period: PACKAGE_PERIOD,
      citation: g('III.1(1)', '②'),
      summary: msg('株式会社・有限会社・合同会社として登記されていない企業・団体は原則対象外だが、例外となる場合がある。', 'Bodies not registered as a stock, limited or limited-liability company are not supported, though exceptions may be made.'),
      evaluate: ({ company }) =>
        company.legalForm === 'other'
          ? review(msg('株式会社・有限会社・合同会社ではありません。例外に当たるかはジェトロの判断を要します。', 'Not a KK, YK or GK; whether an exception applies is JETRO\'s judgement.'), { legalForm: company.legalForm })
          : clear(msg('株式会社・有限会社・合同会社として登記されています。', 'Registered as a KK, YK or GK.'), { legalForm: company.legalForm }),
    },
  ],
});

export const excl3Website = defineRule<CompanyCase, Exclusion>({
  id: 'talent-support-package/iii-1-1/3-website',
  title: msg('自社ウェブサイトがない', 'No company website'),
  versions: [
    {
      period: PACKAGE_PERIOD,
      citation: g('III.1(1)', '③'),
      summary: msg('自社のウェブサイトを持たない企業・団体は原則対象外だが、例外となる場合がある。', 'Bodies without their own website are not supported, though exceptions may be made.'),
      evaluate: ({ company }) =>
        company.hasWebsite
          ? clear(msg('自社ウェブサイトがあります。', 'Has its own website.'), { hasWebsite: true })
          : review(msg('自社ウェブサイトがありません。例外に当たるかはジェトロの判断を要します。', 'No website of its own; whether an exception applies is JETRO\'s judgement.'), { hasWebsite: false }),
    },
  ],
});

/** Distinct fiscal years in which the company completed a support period before `on`. */
export const completedSupportFiscalYears = (periods: readonly SupportPeriod[], on: LegalDate): number[] =>
  [...new Set(periods.filter((p) => p.to < on).map((p) => fiscalYearOf(p.from)))].sort((a, b) => a - b);

export const excl4ThreeFiscalYears = defineRule<CompanyCase, Exclusion>({
  id: 'talent-support-package/iii-1-1/4-three-fiscal-years',
  title: msg('通算3年度の支援を終了した企業', 'Companies that completed three fiscal years of support'),
  versions: [
    {
      period: PACKAGE_PERIOD,
      citation: g('III.1(1)', '④'),
      summary: msg('支援期間を通算して3年度分終了した企業は対象外（年度ごとに数え、同じ年度の複数期間は1年度とする）。', 'A company that has completed support periods in three fiscal years in all is not supported (counted by fiscal year; several periods in one year count once).'),
      evaluate: ({ applicationDate, company }, ctx) => {
        const max = ctx.param(maxSupportFiscalYears);
        const years = completedSupportFiscalYears(company.pastSupportPeriods, applicationDate);
        const used = { completedFiscalYears: years, max };
        return years.length >= max
          ? excluded(msg(`通算${years.length}年度（${years.join('、')}年度）の支援を終了しているため対象外です。`, `Support completed in ${years.length} fiscal years (FY${years.join(', FY')}): not supported.`), used)
          : clear(msg(`支援を終了した年度は通算${years.length}年度です。`, `Support completed in ${years.length} fiscal year(s) so far.`), used);
      },
    },
  ],
});

export const excl5FinancialBase = defineRule<CompanyCase, Exclusion>({
  id: 'talent-support-package/iii-1-1/5-financial-base',
  title: msg('採用のための財務基盤・組織体制', 'Financial base and organisation for hiring'),
  versions: [
    {
      period: PACKAGE_PERIOD,
      citation: g('III.1(1)', '⑤'),
      summary: msg('高度外国人材を採用する財務基盤・組織体制を持たない企業・団体は原則対象外だが、例外となる場合があり、判断を要する。', 'Bodies lacking the finances and organisation to hire highly skilled talent are not supported, though exceptions may be made; it is a judgement.'),
      evaluate: ({ company }) =>
        company.financialBase === 'has'
          ? clear(msg('採用のための財務基盤・組織体制があります。', 'Has the finances and organisation to hire.'), { financialBase: company.financialBase })
          : review(
              msg('採用のための財務基盤・組織体制が不足又は不明です。例外に当たるかを含めジェトロの判断を要します。', 'The finances or organisation to hire are lacking or unclear; JETRO must judge, including whether an exception applies.'),
              { financialBase: company.financialBase },
            ),
    },
  ],
});

export const excl6OverseasOnly = defineRule<CompanyCase, Exclusion>({
  id: 'talent-support-package/iii-1-1/6-overseas-only',
  title: msg('海外現地法人に限った採用', 'Hiring only for an overseas subsidiary'),
  versions: [
    {
      period: PACKAGE_PERIOD,
      citation: g('III.1(1)', '⑥'),
      summary: msg('採用が最初から日本国外の現地法人に限られている場合は対象外。', 'Not supported when the hiring is from the outset only for a subsidiary outside Japan.'),
      evaluate: ({ company }) =>
        company.hiringOnlyForOverseasSubsidiary
          ? excluded(msg('採用が海外現地法人に限られているため対象外です。', 'The hiring is only for an overseas subsidiary: not supported.'), { hiringOnlyForOverseasSubsidiary: true })
          : clear(msg('国内での採用を予定しています。', 'The hiring is for Japan.'), { hiringOnlyForOverseasSubsidiary: false }),
    },
  ],
});

export type TalentCase = { readonly highlySkilled: HighlySkilled | typeof NEEDS_REVIEW; readonly regularEmployment: boolean };

export const excl7TalentAndEmployment = defineRule<TalentCase, Exclusion>({
  id: 'talent-support-package/iii-1-1/7-talent-and-employment',
  title: msg('対象人材・雇用形態', 'Kind of talent and form of employment'),
  versions: [
    {
      period: PACKAGE_PERIOD,
      citation: g('III.1(1)', '⑦'),
      also: [g('II.2(1)')],
      summary: msg('採用・育成定着の対象が高度外国人材でない場合（特定技能・技能実習など）や、正社員としての雇用でない場合は対象外。', 'Not supported when the people hired are not highly skilled talent (e.g. SSW or technical interns) or are not hired as regular employees.'),
      evaluate: ({ highlySkilled, regularEmployment }) => {
        const used = { highlySkilled, regularEmployment };
        if (!regularEmployment) return excluded(msg('正社員としての雇用ではないため対象外です。', 'Not regular employment: not supported.'), used);
        if (highlySkilled === 'not-highly-skilled') return excluded(msg('対象人材が高度外国人材に当たらないため対象外です。', 'The talent is not highly skilled: not supported.'), used);
        if (highlySkilled === NEEDS_REVIEW) return review(msg('対象人材が高度外国人材に当たるかは判断を要します。', 'Whether the talent is highly skilled is a judgement.'), used);
        return clear(msg('高度外国人材を正社員として採用する計画です。', 'Highly skilled talent hired as regular employees.'), used);
      },
    },
  ],
});

export const excl8Consensus = defineRule<CompanyCase, Exclusion>({
  id: 'talent-support-package/iii-1-1/8-consensus',
  title: msg('組織的な合意・戦略と推進の意向', 'Organisational consensus, strategy and intent'),
  versions: [
    {
      period: PACKAGE_PERIOD,
      citation: g('III.1(1)', '⑧'),
      summary: msg('高度外国人材の活躍について組織としての合意や戦略がない場合、又は採用・定着を進める意向がない場合は対象外。合意・戦略の有無は判断を要する。', 'Not supported without an organisational consensus or strategy for highly skilled talent, or without intent to advance hiring and retention; whether a consensus exists is a judgement.'),
      evaluate: ({ company }) => {
        const used = { organisationalConsensus: company.organisationalConsensus, intendsToAdvance: company.intendsToAdvance };
        if (!company.intendsToAdvance) return excluded(msg('採用・定着を進める意向がないため対象外です。', 'No intent to advance hiring and retention: not supported.'), used);
        if (company.organisationalConsensus !== 'yes') {
          return review(msg('組織的な合意・戦略が確認できません。ジェトロの判断を要します。', 'No organisational consensus or strategy is shown; JETRO must judge.'), used);
        }
        return clear(msg('組織的な合意・戦略と推進の意向があります。', 'There is an organisational consensus and the intent to advance.'), used);
      },
    },
  ],
});

export const compliance = defineRule<CompanyCase, Exclusion>({
  id: 'talent-support-package/iii-1-3/compliance',
  title: msg('法令遵守', 'Legal compliance'),
  versions: [
    {
      period: PACKAGE_PERIOD,
      citation: g('III.1(3)'),
      also: [g('III.1(3)', '①'), g('III.1(3)', '②'), g('III.1(3)', '③')],
      summary: msg(
        '応募者とその役員は、①法令違反・著しい不正・公序良俗違反の行為がなくその疑いもないこと、②補助金適正化法や関係省庁の命令に違反していないこと、③反社会的勢力等でないことのいずれも満たす必要がある。',
        'The applicant and its officers must (1) have committed no breach of law, grossly improper act or act against public order, nor be suspected of one; (2) not have breached the Subsidies Act or ministry orders; (3) not be or resemble antisocial forces.',
      ),
      evaluate: ({ company }) => {
        const c = company.compliance;
        const used = { ...c };
        if (c.antisocialForces) return excluded(msg('③反社会的勢力等に当たるため対象外です。', '(3) Antisocial forces or similar: not supported.'), used);
        if (!c.subsidyActAndOrdersCompliant) return excluded(msg('②補助金適正化法又は関係省庁の命令に違反しているため対象外です。', '(2) Breach of the Subsidies Act or ministry orders: not supported.'), used);
        if (c.lawViolation === 'violation') return excluded(msg('①法令違反等の行為があるため対象外です。', '(1) A breach of law or improper act: not supported.'), used);
        if (c.lawViolation === 'suspicion') return review(msg('①法令違反等の疑いがあります。ジェトロの判断を要します。', '(1) A breach of law or improper act is suspected; JETRO must judge.'), used);
        return clear(msg('法令遵守の要件を満たしています。', 'The compliance requirements are met.'), used);
      },
    },
  ],
});

export const staffingAgency = defineRule<CompanyCase, Exclusion>({
  id: 'talent-support-package/iii-2/staffing-agency',
  title: msg('有料職業紹介事業者', 'Paid job-placement businesses'),
  versions: [
    {
      period: PACKAGE_PERIOD,
      citation: g('III.2'),
      also: [g('III.1(1)', '①')],
      summary: msg('有料職業紹介事業を営む企業を除き、全業種・全規模が対象となる（業種・規模の合致は採択を保証しない）。', 'Every industry and size qualifies except firms running a paid job-placement business (qualifying does not guarantee adoption).'),
      evaluate: ({ company }) =>
        company.operatesPaidPlacementBusiness
          ? excluded(msg('有料職業紹介事業を営んでいるため対象外です。', 'Runs a paid job-placement business: not supported.'), { operatesPaidPlacementBusiness: true })
          : clear(msg('有料職業紹介事業を営んでいません。', 'Does not run a paid job-placement business.'), { operatesPaidPlacementBusiness: false }),
    },
  ],
});
