import { type Citation, defineParameter } from '../core/index.js';
import { PLAN_PERIOD, req, step } from './instrument.js';

const secondary = <T>(value: T, citation: Citation, note?: string) => [
  { period: PLAN_PERIOD, value, citation, status: 'secondary' as const, ...(note ? { note } : {}) },
];

export const labourPenaltyLookBackMonths = defineParameter<number>({
  id: 'manufacturing-activity-plan/labour-penalty-look-back',
  description: { ja: '労働基準関係法令違反による罰金以上の刑の遡及期間', en: 'Look-back for labour-standards penalties (fine or heavier)' },
  unit: 'months',
  values: secondary(60, req(8)),
});

export const separationLookBackMonths = defineParameter<number>({
  id: 'manufacturing-activity-plan/separation-look-back',
  description: { ja: '非自発的離職の遡及期間', en: 'Look-back for involuntary separations' },
  unit: 'months',
  values: secondary(36, req(9)),
});

export const separationThreshold = defineParameter<number>({
  id: 'manufacturing-activity-plan/separation-threshold',
  description: { ja: '「相当数」とされる1か月間の非自発的離職者数（同一事業所・同一業務）', en: 'Involuntary separations in one month (one establishment, same duties) that count as "a considerable number"' },
  unit: 'count',
  values: secondary(30, req(9)),
});

export const separationWindowMonths = defineParameter<number>({
  id: 'manufacturing-activity-plan/separation-window',
  description: { ja: '非自発的離職者を数える期間の長さ', en: 'Length of the window in which separations are counted' },
  unit: 'months',
  values: secondary(1, req(9), 'Read as any rolling one-month period (the guide does not say calendar month); the rolling reading catches every calendar month too.'),
});

export const misconductLookBackMonths = defineParameter<number>({
  id: 'manufacturing-activity-plan/misconduct-look-back',
  description: { ja: '告示別表の不正行為の遡及期間', en: 'Look-back for misconduct listed in the notice' },
  unit: 'months',
  values: secondary(60, req(10)),
});

export const revocationWaitMonths = defineParameter<number>({
  id: 'manufacturing-activity-plan/revocation-wait',
  description: { ja: '認定取消しから再申請までに経過を要する期間', en: 'Time that must pass after a revocation' },
  unit: 'months',
  values: secondary(60, req(11)),
});

export const seriousBreachLookBackMonths = defineParameter<number>({
  id: 'manufacturing-activity-plan/serious-breach-look-back',
  description: { ja: '計画に反する重大な事実の遡及期間', en: 'Look-back for serious facts contrary to a plan' },
  unit: 'months',
  values: secondary(60, req(12)),
});

export const maxStayMonths = defineParameter<number>({
  id: 'manufacturing-activity-plan/max-stay',
  description: { ja: '本邦での就労予定期間の上限', en: 'Longest planned stay in Japan' },
  unit: 'months',
  values: secondary(12, req(16)),
});

export const grantMonths = defineParameter<number>({
  id: 'manufacturing-activity-plan/grant-period',
  description: { ja: '一回に付与される在留期間', en: 'Period of stay granted at a time' },
  unit: 'months',
  values: secondary(6, req(16)),
});

export const renewalsAllowed = defineParameter<number>({
  id: 'manufacturing-activity-plan/renewals-allowed',
  description: { ja: '在留期間更新の回数', en: 'Renewals of the period of stay' },
  unit: 'count',
  values: secondary(1, req(16), '6 months, renewed once, 12 months in all.'),
});

export const renewalLeadMonths = defineParameter<number>({
  id: 'manufacturing-activity-plan/renewal-lead',
  description: { ja: '在留期間満了日の何か月前から更新を申請できるか', en: 'How many months before expiry a renewal may be filed' },
  unit: 'months',
  values: secondary(3, req(16)),
});

export const minPriorEmploymentMonths = defineParameter<number>({
  id: 'manufacturing-activity-plan/min-prior-employment',
  description: { ja: '異動前の外国事業所での雇用期間の下限', en: 'Least employment at the foreign office before the transfer' },
  unit: 'months',
  values: secondary(12, req(19)),
});

export const noDismissalMonths = defineParameter<number>({
  id: 'manufacturing-activity-plan/no-dismissal-after-return',
  description: { ja: '帰国後に解雇してはならない期間', en: 'Period after return in which the employee may not be dismissed' },
  unit: 'months',
  values: secondary(12, req(23)),
});

export const quarterlyReportMonths = defineParameter<number>({
  id: 'manufacturing-activity-plan/periodic-report-interval',
  description: { ja: '在留中の経済産業省への定期報告の間隔', en: 'Interval of periodic reports to METI during the stay' },
  unit: 'months',
  values: secondary(3, step(11)),
});

export const afterReturnReportMonths = defineParameter<number>({
  id: 'manufacturing-activity-plan/after-return-report',
  description: { ja: '帰国後報告の時期（帰国から）', en: 'When the after-return report is made (from the return)' },
  unit: 'months',
  values: secondary(12, step(13)),
});

/**
 * Where the guide says only "promptly" (速やかに) or "at" an event, the operator sets a target number of days.
 * These are examples, not law: shown as such beside every due date they produce.
 */
export const promptTargetDays = defineParameter<number>({
  id: 'manufacturing-activity-plan/prompt-target-days',
  description: { ja: '「速やかに」とされる届出・報告の目標日数（運用者が設定）', en: 'Target days for filings the guide asks for "promptly" (set by the operator)' },
  unit: 'days',
  values: [{ period: PLAN_PERIOD, value: 14, citation: step(3), status: 'example', note: 'Not from any source: an operator target.' }],
});

export const PLAN_PARAMETERS = [
  labourPenaltyLookBackMonths,
  separationLookBackMonths,
  separationThreshold,
  separationWindowMonths,
  misconductLookBackMonths,
  revocationWaitMonths,
  seriousBreachLookBackMonths,
  maxStayMonths,
  grantMonths,
  renewalsAllowed,
  renewalLeadMonths,
  minPriorEmploymentMonths,
  noDismissalMonths,
  quarterlyReportMonths,
  afterReturnReportMonths,
  promptTargetDays,
];
