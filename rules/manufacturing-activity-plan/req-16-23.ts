import { type RuleContext, addDays, daysBetween, defineRule, msg } from '../core/index.js';
import { civilPeriodEnd, civilPeriodEndInclusive } from '../core/index.js';
import type { EmployeeCase } from './facts.js';
import { PLAN_PERIOD, req } from './instrument.js';
import { type ReqOutcome, type ReqResult, fromReview, met, missing, notMet, review } from './outcome.js';
import { maxStayMonths, minPriorEmploymentMonths, noDismissalMonths } from './parameters.js';

// Requirements 16–23: each employee. The checks shared with the visa stage (req.26–28) are exported as
// functions so both stages apply the same arithmetic.

const who = (c: EmployeeCase) => c.employee.name;

/** req.16 / req.26: the planned stay, counted from the day after arrival, ends within 12 months. */
export const checkPlannedStay = ({ employee }: EmployeeCase, ctx: RuleContext): ReqResult => {
  const { plannedStart, plannedEnd, name } = employee;
  if (plannedStart === undefined) return missing('employee.plannedStart', { employee: name });
  if (plannedEnd === undefined) return missing('employee.plannedEnd', { employee: name });
  const months = ctx.param(maxStayMonths);
  const latest = civilPeriodEnd(plannedStart, months);
  const used = { employee: name, plannedStart, plannedEnd, latestEnd: latest };
  if (plannedEnd < plannedStart) return notMet(`${name}：予定終了日が開始日より前です。`, `${name}: the planned end is before the start.`, used);
  return plannedEnd <= latest
    ? met(`${name}：就労予定期間（${plannedStart}〜${plannedEnd}）は1年以内です。`, `${name}: the planned stay (${plannedStart} to ${plannedEnd}) is within one year.`, used)
    : notMet(
        `${name}：就労予定期間（${plannedStart}〜${plannedEnd}）が1年を超えます（${latest}まで）。`,
        `${name}: the planned stay (${plannedStart} to ${plannedEnd}) exceeds one year (latest end ${latest}).`,
        used,
      );
};

/** req.19 / req.28: employed at the foreign office for a full year before the transfer. */
export const checkPriorEmployment = ({ employee }: EmployeeCase, ctx: RuleContext): ReqResult => {
  const { foreignEmploymentStart: since, plannedStart, name } = employee;
  if (since === undefined) return missing('employee.foreignEmploymentStart', { employee: name });
  if (plannedStart === undefined) return missing('employee.plannedStart', { employee: name });
  const months = ctx.param(minPriorEmploymentMonths);
  const yearCompleted = civilPeriodEndInclusive(since, months);
  const earliest = addDays(yearCompleted, 1);
  const used = { employee: name, foreignEmploymentStart: since, plannedStart, earliestTransfer: earliest };
  return plannedStart >= earliest
    ? met(`${name}：異動前に外国事業所で1年以上雇用されています（${since}から）。`, `${name}: employed at the foreign office for a year or more before the transfer (since ${since}).`, used)
    : notMet(
        `${name}：外国事業所での雇用が異動時点で1年に満たないため、${earliest}以降の異動でなければなりません。`,
        `${name}: less than a year at the foreign office on the transfer date; the transfer must be on or after ${earliest}.`,
        used,
      );
};

/** req.20 / req.27: pay at least equal to a Japanese peer; "slightly lower" is tolerated, "clearly lower" is not. */
export const checkPay = ({ employee }: EmployeeCase): ReqResult => {
  const { pay, japaneseComparatorPayYen: peer, payReview, name } = employee;
  if (pay === undefined) return missing('employee.pay', { employee: name });
  if (peer === undefined) return missing('employee.japaneseComparatorPayYen', { employee: name });
  const total = pay.baseYen + pay.foreignerAllowancesYen + pay.freeHousingRentValueYen;
  const used = { employee: name, payTotalYen: total, pay, japaneseComparatorPayYen: peer, payReview };
  if (total >= peer) {
    return met(`${name}：報酬月額${total}円は同等の日本人（${peer}円）以上です。`, `${name}: monthly pay of ¥${total} is at least that of a comparable Japanese employee (¥${peer}).`, used);
  }
  if (payReview !== undefined) return fromReview(payReview, msg(`${name}の報酬が明らかに低いとは言えないこと`, `${name}'s pay is not clearly lower`), used);
  return review(
    `${name}：報酬月額${total}円は同等の日本人（${peer}円）より${peer - total}円低い額です。少し低い程度なら認められますが、明らかに低いかは審査担当者の判断を要します（職務等級表や他の日本人の水準で説明できるか確認）。`,
    `${name}: monthly pay of ¥${total} is ¥${peer - total} below a comparable Japanese employee (¥${peer}). Slightly lower pay is accepted, clearly lower is not; which it is is a reviewer's judgement (check the grade table and other Japanese staff).`,
    used,
  );
};

export const req16PlannedStay = defineRule<EmployeeCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-16/planned-stay',
  title: msg('就労予定期間が1年以内', 'Planned stay of one year at most'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(16),
      summary: msg('従業員が日本で就労する予定期間は1年を超えてはならない。', 'The time the employee is to work in Japan may not exceed one year.'),
      evaluate: checkPlannedStay,
    },
  ],
});

export const req17SkillsNotHeld = defineRule<EmployeeCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-17/skills-not-held',
  title: msg('習得予定の技術を既に有していないこと', 'The employee does not already have the skills'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(17),
      summary: msg('外国事業所でその業務に従事して既に身に付けている技術を習得させる計画は認められない。', 'A plan may not teach skills the employee already has from doing that work at the foreign office.'),
      evaluate: (c) => {
        const v = c.employee.alreadyHasSkills;
        if (v === undefined) return missing('employee.alreadyHasSkills', { employee: who(c) });
        return v
          ? notMet(`${who(c)}：習得予定の技術を既に有しています。`, `${who(c)}: already has the skills to be taught.`, { employee: who(c), alreadyHasSkills: v })
          : met(`${who(c)}：習得予定の技術をまだ有していません。`, `${who(c)}: does not yet have the skills to be taught.`, { employee: who(c), alreadyHasSkills: v });
      },
    },
  ],
});

export const req18PreviousStay = defineRule<EmployeeCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-18/previous-stay',
  title: msg('前回の受入れからの期間', 'Time since an earlier stay under the programme'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(18),
      summary: msg(
        '以前この制度で来日した者は、帰国後に一定期間海外拠点で習得技能を指導した実績があり、今回習得する技能が前回と異なっていなければならず、帰国後短期間での再来日は認められない。どの程度が短期間かは審査での判断による。',
        'Someone who came under the programme before must have taught the skills abroad for a while after returning and must now learn different skills; coming back shortly after returning is not allowed, and how short is too short is a reviewer\'s judgement.',
      ),
      evaluate: (c) => {
        const { previousStay, previousStayReview, plannedStart } = c.employee;
        const used = { employee: who(c), previousStay, plannedStart, previousStayReview };
        if (previousStay === undefined) return missing('employee.previousStay', used);
        if (previousStay === null) return met(`${who(c)}：この制度による過去の来日はありません。`, `${who(c)}: no earlier stay under this programme.`, used);
        if (previousStay.sameSkills === true) {
          return notMet(`${who(c)}：前回と同じ技能を習得させる計画は認められません。`, `${who(c)}: the skills must differ from those learned on the earlier stay.`, used);
        }
        if (previousStay.sameSkills === undefined) return missing('employee.previousStay.sameSkills', used);
        if (previousStayReview !== undefined) return fromReview(previousStayReview, msg('帰国後短期間の再来日でないこと', 'not a return soon after the earlier stay'), used);
        const from = plannedStart ?? c.applicationDate;
        const days = daysBetween(previousStay.returnDate, from);
        return review(
          `${who(c)}：前回の帰国（${previousStay.returnDate}）から${days}日後の来日予定です。帰国後の指導実績を踏まえ、短期間に当たらないかは審査担当者の判断を要します。`,
          `${who(c)}: would arrive ${days} days after returning from the earlier stay (${previousStay.returnDate}). Whether that is too short, given the teaching done since, is a reviewer's judgement.`,
          { ...used, daysSinceReturn: days },
        );
      },
    },
  ],
});

export const req19PriorEmployment = defineRule<EmployeeCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-19/prior-employment',
  title: msg('外国事業所での1年以上の雇用', 'A year of employment at the foreign office'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(19),
      summary: msg(
        '異動前に外国事業所で1年以上雇用されていなければならない（在籍証明書等で示す。企業買収前からの勤続も通算できる）。',
        'The employee must have been employed at the foreign office for at least a year before the transfer (shown by a certificate of employment; service before an acquisition counts).',
      ),
      evaluate: checkPriorEmployment,
    },
  ],
});

export const req20PayParity = defineRule<EmployeeCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-20/pay-parity',
  title: msg('同等の日本人と同等以上の報酬', 'Pay at least equal to a comparable Japanese employee'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(20),
      summary: msg(
        '報酬（基本給、外国人のみの手当、無償で貸す宿舎の家賃相当額を含む）は、勤続・役職・能力が同程度の日本人と同等以上でなければならない。わずかに低いことは許されるが、明らかに低い額は認められない。',
        'Pay (base pay, allowances only foreigners receive and the rent value of free housing) must at least equal that of a Japanese employee of similar service, post and ability; slightly less is tolerated, clearly less is not.',
      ),
      evaluate: checkPay,
    },
  ],
});

export const req21NoFamily = defineRule<EmployeeCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-21/no-family',
  title: msg('単身での来日', 'Coming without family'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(21),
      summary: msg('家族を帯同せず単身で来日すること。', 'The employee comes alone, without family.'),
      evaluate: (c) => {
        const v = c.employee.familyAccompanying;
        if (v === undefined) return missing('employee.familyAccompanying', { employee: who(c) });
        return v
          ? notMet(`${who(c)}：家族を帯同する予定のため要件を満たしません。`, `${who(c)}: plans to bring family, so the requirement is not met.`, { employee: who(c), familyAccompanying: v })
          : met(`${who(c)}：単身で来日します。`, `${who(c)}: comes alone.`, { employee: who(c), familyAccompanying: v });
      },
    },
  ],
});

export const req22PostReturnRole = defineRule<EmployeeCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-22/post-return-role',
  title: msg('帰国後に習得技術を要する業務に就くこと', 'A post using the skills after return'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(22),
      summary: msg('帰国後は、日本で身に付けた専門技術を必要とする業務に就かせること。', 'After return the employee is given work that needs the specialised skills learned in Japan.'),
      evaluate: (c) => {
        const v = c.employee.postReturnRoleUsesSkills;
        if (v === undefined) return missing('employee.postReturnRoleUsesSkills', { employee: who(c) });
        return v
          ? met(`${who(c)}：帰国後に習得技術を要する業務に就く予定です。`, `${who(c)}: will work in a post using the skills after return.`, { employee: who(c), postReturnRoleUsesSkills: v })
          : notMet(`${who(c)}：帰国後に習得技術を要する業務に就く予定がありません。`, `${who(c)}: no post using the skills is planned after return.`, { employee: who(c), postReturnRoleUsesSkills: v });
      },
    },
  ],
});

export const req23NoDismissalAfterReturn = defineRule<EmployeeCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-23/no-dismissal-after-return',
  title: msg('帰国後1年以内の解雇の禁止', 'No dismissal within a year of return'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(23),
      summary: msg(
        '帰国後1年以内は、就業規則違反などの特段の事情がない限り解雇してはならず、解雇した場合は理由と正当性を報告する。特段の事情に当たるかは判断による。',
        'The employee may not be dismissed within a year of return unless there are special circumstances such as a breach of work rules; any dismissal must be reported with its reasons. Whether circumstances are special is a judgement.',
      ),
      evaluate: (c, ctx) => {
        const { commitsNoDismissalWithinYear: commits, dismissal, dismissalReview } = c.employee;
        const used = { employee: who(c), commitsNoDismissalWithinYear: commits, dismissal, dismissalReview };
        if (commits === false) {
          return notMet(`${who(c)}：帰国後1年以内に解雇しないことが約されていません。`, `${who(c)}: there is no undertaking not to dismiss within a year of return.`, used);
        }
        if (dismissal !== undefined) {
          const last = civilPeriodEnd(dismissal.returnDate, ctx.param(noDismissalMonths));
          if (dismissal.dismissalDate <= last) {
            if (dismissalReview !== undefined) return fromReview(dismissalReview, msg('解雇に特段の事情があること', 'special circumstances for the dismissal'), used);
            return review(
              `${who(c)}：帰国（${dismissal.returnDate}）後1年以内（${last}まで）の${dismissal.dismissalDate}に解雇されています。特段の事情に当たるかは判断を要し、理由と正当性の報告が必要です。`,
              `${who(c)}: dismissed on ${dismissal.dismissalDate}, within a year of return on ${dismissal.returnDate} (through ${last}). Whether there were special circumstances is a judgement, and the reasons must be reported.`,
              { ...used, protectedThrough: last },
            );
          }
        }
        if (commits === undefined) return missing('employee.commitsNoDismissalWithinYear', used);
        return met(`${who(c)}：帰国後1年以内に解雇しないことが約されています。`, `${who(c)}: the company undertakes not to dismiss within a year of return.`, used);
      },
    },
  ],
});
