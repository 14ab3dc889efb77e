import { defineParameter } from '../core/index.js';
import { PACKAGE_PERIOD, g } from './instrument.js';

export const plannedCompanies = defineParameter<number>({
  id: 'talent-support-package/planned-companies',
  description: { ja: '採択予定件数（達し次第受付終了）', en: 'Planned number of companies (intake closes when reached)' },
  unit: 'count',
  values: [{ period: PACKAGE_PERIOD, value: 300, citation: g('III.3'), status: 'official', note: 'A planned number (予定), not a statutory cap.' }],
});

export const maxSupportFiscalYears = defineParameter<number>({
  id: 'talent-support-package/max-support-fiscal-years',
  description: { ja: '支援期間を終了できる年度数の上限（通算）', en: 'Fiscal years of completed support after which a company is excluded' },
  unit: 'count',
  values: [{ period: PACKAGE_PERIOD, value: 3, citation: g('III.1(1)', '④'), status: 'official' }],
});

export const placementLookBackMonths = defineParameter<number>({
  id: 'talent-support-package/placement-look-back',
  description: { ja: '有料職業紹介の実績を確認する期間（直近）', en: 'Look-back for a paid job-placement record' },
  unit: 'months',
  values: [{ period: PACKAGE_PERIOD, value: 36, citation: g('III.1(1)', '①'), status: 'official' }],
});

export const programmeLastDay = defineParameter<string>({
  id: 'talent-support-package/programme-last-day',
  description: { ja: '支援期間を設定できる最終日（原則）', en: 'Last day a support period may run to (in principle)' },
  unit: 'date',
  values: [{ period: PACKAGE_PERIOD, value: '2025-03-31', citation: g('II.6'), status: 'official' }],
});

export const formSessionTimeoutMinutes = defineParameter<number>({
  id: 'talent-support-package/form-session-timeout',
  description: {
    ja: 'JETROの申込フォームで「確認」を押さずに経過するとセッションが切れる時間（下書き保存の目安）',
    en: "Time without pressing 'confirm' after which JETRO's application form session expires (when to save drafts)",
  },
  values: [{ period: PACKAGE_PERIOD, value: 120, citation: g('IV.2(1)'), status: 'official', note: 'In minutes (2 hours).' }],
});

/** True when a form session started at `startedAtMs` has timed out at `nowMs` (both instants passed in). */
export const formSessionTimedOut = (startedAtMs: number, nowMs: number, timeoutMinutes: number): boolean => nowMs - startedAtMs >= timeoutMinutes * 60_000;

export const PACKAGE_PARAMETERS = [plannedCompanies, maxSupportFiscalYears, placementLookBackMonths, programmeLastDay, formSessionTimeoutMinutes];
