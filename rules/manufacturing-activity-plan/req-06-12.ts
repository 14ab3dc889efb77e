import { type LegalDate, type Message, type RuleContext, addDays, defineRule, msg } from '../core/index.js';
import { civilPeriodEnd, civilPeriodEndInclusive, hasElapsed, withinLookBack } from '../core/index.js';
import type { CompanyCase } from './facts.js';
import { PLAN_PERIOD, req } from './instrument.js';
import { type ReqOutcome, type ReqResult, met, missing, notMet, review } from './outcome.js';
import {
  labourPenaltyLookBackMonths,
  misconductLookBackMonths,
  revocationWaitMonths,
  separationLookBackMonths,
  separationThreshold,
  separationWindowMonths,
  seriousBreachLookBackMonths,
} from './parameters.js';

// Requirements 6–12: safety, compliance and the look-backs. A look-back of N years covers every event whose
// N-year period (counted as the Civil Code counts it, the event's own day excluded) has not run out on the
// application date: an event on 2020-06-10 counts for an application on 2025-06-10, not on 2025-06-11.

export const req06SafetyMeasures = defineRule<CompanyCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-06/safety-measures',
  title: msg('労働災害防止の最低基準', 'Minimum measures against industrial accidents'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(6),
      summary: msg(
        '労働安全衛生法等に基づく労働災害防止の最低基準を満たすことを、第三者認証の取得や、方針・目標・計画を定めた安全衛生管理の指針とそれに基づく体制などで示す必要がある。',
        'The company must show it meets the legal minimum against industrial accidents, for example by third-party safety certification or a safety-management guideline with the organisation to carry it out.',
      ),
      evaluate: ({ company }) => {
        const s = company.safety;
        const used = { safety: s };
        if (s === undefined) return missing('company.safety', used);
        if (s.thirdPartyCertification === true || s.safetyManagementGuideline === true) {
          return met('労働安全衛生の第三者認証又は安全衛生管理の指針と体制が示されています。', 'Third-party certification or a safety-management guideline with its organisation is shown.', used);
        }
        if (s.thirdPartyCertification === undefined || s.safetyManagementGuideline === undefined) return missing('company.safety', used);
        return review(
          '手引きが例示する証明（第三者認証、安全衛生管理の指針）がありません。他の資料で最低基準を満たすと言えるかは審査担当者の判断を要します。',
          'Neither of the proofs the guide gives (third-party certification, a safety-management guideline) is shown; whether other evidence proves the minimum is met is a reviewer\'s judgement.',
          used,
        );
      },
    },
  ],
});

export const req07LabourAndInsuranceLaw = defineRule<CompanyCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-07/labour-and-insurance-law',
  title: msg('労働関係法令・社会保険関係法令の遵守', 'Compliance with labour and social-insurance law'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(7),
      summary: msg(
        '賃金、労働時間、休日、安全衛生教育、健康診断などの労働関係法令を守り、労災保険の手続と社会保険への加入を行い、雇用契約の書面を本人が理解できる言語でも示さなければならない。',
        'The company must keep labour law (pay, hours, holidays, safety training, health checks and the rest), set up workers\' accident insurance and enrol employees in social insurance, and give the written contract in a language the employee understands.',
      ),
      evaluate: ({ company }) => {
        const facts = {
          labourLawCompliant: company.labourLawCompliant,
          socialInsuranceEnrolled: company.socialInsuranceEnrolled,
          contractInWorkerLanguage: company.contractInWorkerLanguage,
        };
        const labels: Record<keyof typeof facts, Message> = {
          labourLawCompliant: msg('労働関係法令の遵守', 'compliance with labour law'),
          socialInsuranceEnrolled: msg('労災保険・社会保険の手続', 'accident and social insurance'),
          contractInWorkerLanguage: msg('本人が理解できる言語での雇用契約書面', 'a written contract in a language the employee understands'),
        };
        const keys = Object.keys(facts) as (keyof typeof facts)[];
        const failed = keys.filter((k) => facts[k] === false);
        if (failed.length > 0) {
          return notMet(
            `次の点が満たされていません：${failed.map((k) => labels[k].ja).join('、')}。`,
            `Not met: ${failed.map((k) => labels[k].en).join('; ')}.`,
            facts,
          );
        }
        const unknown = keys.find((k) => facts[k] === undefined);
        if (unknown) return missing(`company.${unknown}`, facts);
        return met('労働関係法令・社会保険関係法令を遵守しています。', 'Labour and social-insurance law are complied with.', facts);
      },
    },
  ],
});

/** Shared shape of the three "no event in the past N years" requirements. */
const lookBack = (
  events: readonly LegalDate[] | undefined,
  fact: string,
  months: number,
  applicationDate: LegalDate,
  what: Message,
): ReqResult => {
  if (events === undefined) return missing(fact);
  const hits = withinLookBack(events, months, applicationDate).sort();
  const years = months / 12;
  const used = { applicationDate, lookBackYears: years, events, eventsInLookBack: hits };
  if (hits.length > 0) {
    const last = hits[hits.length - 1] as LegalDate;
    const clear = addDays(civilPeriodEnd(last, months), 1);
    return notMet(
      `申請日（${applicationDate}）前${years}年以内に${what.ja}があります（${hits.join('、')}）。${clear}以降でなければ要件を満たしません。`,
      `Within ${years} years before the application date (${applicationDate}) there is ${what.en} (${hits.join(', ')}); the requirement is met only from ${clear}.`,
      used,
    );
  }
  return met(`申請日前${years}年以内に${what.ja}はありません。`, `There is no ${what.en} within ${years} years before the application date.`, used);
};

export const req08LabourPenalty = defineRule<CompanyCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-08/labour-penalty',
  title: msg('過去5年間の労働基準関係法令違反による刑', 'No labour-standards penalty in the past 5 years'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(8),
      summary: msg(
        '申請前5年以内に、労働基準法・労働安全衛生法・最低賃金法などの違反で罰金以上の刑に処せられていないこと。',
        'No fine or heavier penalty under the Labour Standards Act, the Industrial Safety and Health Act, the Minimum Wage Act or similar laws within the 5 years before the application.',
      ),
      evaluate: ({ applicationDate, company }, ctx: RuleContext) =>
        lookBack(company.labourPenaltyDates, 'company.labourPenaltyDates', ctx.param(labourPenaltyLookBackMonths), applicationDate, msg('労働基準関係法令違反による罰金以上の刑', 'a labour-standards penalty of a fine or heavier')),
    },
  ],
});

export type SeparationCluster = { readonly establishment: string; readonly from: LegalDate; readonly through: LegalDate; readonly count: number };

/**
 * The largest number of involuntary separations in the same duties at one establishment within any one-month
 * window [d, d + 1 month) that starts on a separation day, counting only separations inside the look-back.
 */
export const largestSeparationCluster = (
  separations: NonNullable<CompanyCase['company']['separations']>,
  applicationDate: LegalDate,
  lookBackMonths: number,
  windowMonths: number,
): SeparationCluster | undefined => {
  const byEstablishment = new Map<string, LegalDate[]>();
  for (const s of separations) {
    if (!s.involuntary || !s.sameDuties || hasElapsed(s.date, lookBackMonths, applicationDate)) continue;
    const list = byEstablishment.get(s.establishment) ?? [];
    list.push(s.date);
    byEstablishment.set(s.establishment, list);
  }
  let best: SeparationCluster | undefined;
  for (const [establishment, dates] of byEstablishment) {
    dates.sort();
    let j = 0;
    for (let i = 0; i < dates.length; i++) {
      const from = dates[i] as LegalDate;
      const through = civilPeriodEndInclusive(from, windowMonths);
      if (j < i) j = i;
      while (j + 1 < dates.length && (dates[j + 1] as LegalDate) <= through) j++;
      const n = j - i + 1;
      if (!best || n > best.count) best = { establishment, from, through, count: n };
    }
  }
  return best;
};

export const req09NoMassSeparations = defineRule<CompanyCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-09/no-mass-separations',
  title: msg('過去3年間に相当数の非自発的離職者を出していないこと', 'No considerable number of involuntary separations in the past 3 years'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(9),
      summary: msg(
        '申請前3年以内に、一つの事業所で、特定外国従業員と同じ業務の労働者を、1か月の間に30人以上、本人の都合によらずに離職させていないこと。',
        'Within the 3 years before the application, no establishment may have had 30 or more workers in the same duties as the foreign employees leave involuntarily within one month.',
      ),
      evaluate: ({ applicationDate, company }, ctx) => {
        if (company.separations === undefined) return missing('company.separations');
        const lookBackMonths = ctx.param(separationLookBackMonths);
        const threshold = ctx.param(separationThreshold);
        const windowMonths = ctx.param(separationWindowMonths);
        const cluster = largestSeparationCluster(company.separations, applicationDate, lookBackMonths, windowMonths);
        const used = { applicationDate, separationsRecorded: company.separations.length, largestCluster: cluster };
        if (cluster && cluster.count >= threshold) {
          return notMet(
            `事業所「${cluster.establishment}」で${cluster.from}から${cluster.through}までの1か月間に同一業務の非自発的離職者が${cluster.count}人（${threshold}人以上）います。`,
            `At establishment "${cluster.establishment}", ${cluster.count} workers in the same duties left involuntarily within one month (${cluster.from} to ${cluster.through}); ${threshold} or more is disqualifying.`,
            used,
          );
        }
        return met(
          `申請日前3年以内に、一つの事業所で1か月間に${threshold}人以上の同一業務の非自発的離職者を出していません（最大${cluster?.count ?? 0}人）。`,
          `No establishment had ${threshold} or more involuntary separations in the same duties within one month in the 3 years before the application (largest: ${cluster?.count ?? 0}).`,
          used,
        );
      },
    },
  ],
});

/** req.10 / req.29: no misconduct listed in the notice within the look-back. */
export const checkMisconduct = ({ applicationDate, company }: CompanyCase, ctx: RuleContext): ReqResult =>
  lookBack(company.misconductDates, 'company.misconductDates', ctx.param(misconductLookBackMonths), applicationDate, msg('告示別表の不正行為', 'misconduct listed in the notice'));

export const req10NoMisconduct = defineRule<CompanyCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-10/no-misconduct',
  title: msg('過去5年間の不正行為', 'No misconduct in the past 5 years'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(10),
      summary: msg(
        '申請前5年以内に、製造特定活動に関して告示別表に掲げる不正行為を行っていないこと。',
        'No misconduct of the kinds the notice lists in its annexed table, in connection with this programme, within the 5 years before the application.',
      ),
      evaluate: checkMisconduct,
    },
  ],
});

export const req11RevocationWait = defineRule<CompanyCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-11/revocation-wait',
  title: msg('認定取消しから5年の経過', 'Five years since a revocation'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(11),
      summary: msg(
        '以前に計画の認定を取り消されたことがある場合は、取消しの日から5年を経過していなければならない。',
        'A company whose plan certification was revoked may apply only once 5 years have passed from the revocation date.',
      ),
      evaluate: ({ applicationDate, company }, ctx) =>
        lookBack(company.revocationDates, 'company.revocationDates', ctx.param(revocationWaitMonths), applicationDate, msg('5年を経過していない認定取消し', 'a revocation less than 5 years old')),
    },
  ],
});

export const req12NoSeriousBreach = defineRule<CompanyCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-12/no-serious-breach',
  title: msg('過去5年間の計画に反する重大な事実', 'No serious fact contrary to a plan in the past 5 years'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(12),
      summary: msg(
        '申請前5年以内に、認定計画に反する重大な事実（計画の大きな変更を報告しなかった場合など）が生じていないこと。',
        'No serious fact contrary to a certified plan (such as a major change left unreported) within the 5 years before the application.',
      ),
      evaluate: ({ applicationDate, company }, ctx) =>
        lookBack(company.seriousBreachDates, 'company.seriousBreachDates', ctx.param(seriousBreachLookBackMonths), applicationDate, msg('計画に反する重大な事実', 'a serious fact contrary to a plan')),
    },
  ],
});
