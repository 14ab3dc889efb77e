import { type LegalDate, NEEDS_REVIEW, defineRule, msg } from '../core/index.js';
import { PACKAGE_PERIOD, g } from './instrument.js';
import { programmeLastDay } from './parameters.js';

// II.6: the support period is agreed after adoption by the company, JETRO and the coordinator, within the
// programme year (in principle to 2025-03-31); support ends early on the grounds ①–③. ① and ② are JETRO's
// judgement; III.1(2) adds that support may stop if the company does not cooperate.

export type SupportPeriodCase = {
  readonly adoptionDate: LegalDate;
  readonly from: LegalDate;
  /** Last day of support (inclusive). */
  readonly to: LegalDate;
  /** Agreed by the company, JETRO and the coordinator. */
  readonly agreedByAll: boolean;
};

export const supportPeriod = defineRule<SupportPeriodCase, 'valid' | 'invalid'>({
  id: 'talent-support-package/ii-6/support-period',
  title: msg('支援期間の設定', 'Setting the support period'),
  versions: [
    {
      period: PACKAGE_PERIOD,
      citation: g('II.6'),
      summary: msg('支援期間は採択後に企業・ジェトロ・コーディネーターの三者の協議で定め、原則として2025年3月31日までの範囲に収める。', 'The support period is set after adoption by agreement of the company, JETRO and the coordinator, in principle ending by 2025-03-31.'),
      evaluate: (p, ctx) => {
        const last = ctx.param(programmeLastDay);
        const used = { ...p, programmeLastDay: last };
        if (!p.agreedByAll) return { outcome: 'invalid', message: msg('支援期間は三者の協議で定める必要があります。', 'The period must be agreed by all three parties.'), used };
        if (p.from < p.adoptionDate || p.to < p.from) {
          return { outcome: 'invalid', message: msg('支援期間は採択日以降に始まり、開始日以後に終わる必要があります。', 'The period must start on or after adoption and end on or after its start.'), used };
        }
        if (p.to > last) {
          return {
            outcome: NEEDS_REVIEW,
            message: msg(`支援期間の終了（${p.to}）が原則の期限（${last}）を超えます。例外を認めるかはジェトロの判断です。`, `The period ends (${p.to}) after the usual limit (${last}); an exception is JETRO's call.`),
            used,
          };
        }
        return { outcome: 'valid', message: msg(`支援期間（${p.from}〜${p.to}）は三者合意のうえ年度内に収まっています。`, `The period (${p.from} to ${p.to}) is agreed and within the programme year.`), used };
      },
    },
  ],
});

export type TerminationCase = {
  /** ① JETRO considers the goal reached. */
  readonly goalReachedPerJetro: boolean;
  /** ② the company's situation changed, e.g. it no longer meets the application requirements. */
  readonly situationChanged: boolean;
  /** ③ the company breached the FY2024 application and use conditions. */
  readonly conditionsBreached: boolean;
  /** III.1(2): the company does not cooperate as asked. */
  readonly notCooperating: boolean;
};

export const earlyTermination = defineRule<TerminationCase, 'continue' | 'terminate'>({
  id: 'talent-support-package/ii-6/early-termination',
  title: msg('支援の途中終了', 'Early end of support'),
  versions: [
    {
      period: PACKAGE_PERIOD,
      citation: g('II.6'),
      also: [g('II.6', '①'), g('II.6', '②'), g('II.6', '③'), g('III.1(2)')],
      summary: msg(
        '①目標達成とジェトロが判断したとき、②申込要件を外れる等企業の状況が変わったとき、③応募・利用条件に違反したときは、期間途中でも支援を終える。協力が得られない場合も中止することがある。',
        'Support ends early when (1) JETRO finds the goal reached, (2) the company\'s situation changes, e.g. it no longer meets the requirements, or (3) it breaches the application and use conditions; it may also stop if the company does not cooperate.',
      ),
      evaluate: (t) => {
        const used = { ...t };
        if (t.conditionsBreached) return { outcome: 'terminate', message: msg('③応募・利用条件に違反したため、支援を終了します。', '(3) The conditions were breached: support ends.'), used };
        if (t.goalReachedPerJetro || t.situationChanged || t.notCooperating) {
          return {
            outcome: NEEDS_REVIEW,
            message: msg('目標達成・状況の変化・協力の欠如により支援を終えるかはジェトロの判断です（II.6①②、III.1(2)）。', 'Whether support ends for a reached goal, a changed situation or lack of cooperation is JETRO\'s judgement (II.6 (1)(2), III.1(2)).'),
            used,
          };
        }
        return { outcome: 'continue', message: msg('途中終了の事由はありません。', 'No ground for ending support early.'), used };
      },
    },
  ],
});
