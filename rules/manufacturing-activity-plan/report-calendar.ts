import { type Citation, type LegalDate, type Message, addDays, msg, parameterAt } from '../core/index.js';
import { civilPeriodEnd } from '../core/index.js';
import { step } from './instrument.js';
import { afterReturnReportMonths, promptTargetDays, quarterlyReportMonths } from './parameters.js';

// The filings the guide lists in its procedure (steps 3, 10–13). The guide gives no day counts: where it says
// "promptly" or "at" an event, the due date is a target the operator sets (parameter prompt-target-days, an
// example value), and every such item says so (dueIsTarget).

export type ReportKind =
  | 'immigration-certification-report'
  | 'hello-work-arrival'
  | 'meti-periodic'
  | 'meti-return'
  | 'hello-work-departure'
  | 'meti-after-return';

export type ReportItem = {
  readonly kind: ReportKind;
  readonly authority: 'immigration' | 'hello-work' | 'meti';
  /** The event that triggers the filing (certification, arrival, end of a 3-month period, return, one year after return). */
  readonly event: LegalDate;
  /** 'promptly' or 'at' an event: the source gives no day count. */
  readonly timing: 'promptly' | 'at-event' | 'after-period';
  /** For periodic reports: the period covered, both days inclusive. */
  readonly window?: { readonly from: LegalDate; readonly through: LegalDate };
  readonly due: LegalDate;
  /** True when `due` is the operator's target, not a deadline in the source. */
  readonly dueIsTarget: boolean;
  /** True when the return date used is the planned one (no actual return recorded yet). */
  readonly basedOnPlannedReturn: boolean;
  readonly citation: Citation;
  readonly note: Message;
};

export type CalendarInput = {
  readonly certificationDate: LegalDate;
  readonly arrivalDate: LegalDate;
  readonly plannedReturnDate: LegalDate;
  readonly actualReturnDate?: LegalDate;
};

export type CalendarSettings = { readonly promptDays: number; readonly intervalMonths: number; readonly afterReturnMonths: number };

/** The parameter values in force on a day (the arrival date by default). */
export const calendarSettingsAt = (asOf: LegalDate): CalendarSettings => ({
  promptDays: parameterAt(promptTargetDays, asOf).value,
  intervalMonths: parameterAt(quarterlyReportMonths, asOf).value,
  afterReturnMonths: parameterAt(afterReturnReportMonths, asOf).value,
});

export const reportCalendar = (input: CalendarInput, settings: CalendarSettings = calendarSettingsAt(input.arrivalDate)): ReportItem[] => {
  const { certificationDate, arrivalDate, plannedReturnDate, actualReturnDate } = input;
  const returnDate = actualReturnDate ?? plannedReturnDate;
  const planned = actualReturnDate === undefined;
  const target = (d: LegalDate) => addDays(d, settings.promptDays);
  const items: ReportItem[] = [
    {
      kind: 'immigration-certification-report',
      authority: 'immigration',
      event: certificationDate,
      timing: 'promptly',
      due: target(certificationDate),
      dueIsTarget: true,
      basedOnPlannedReturn: false,
      citation: step(3),
      note: msg('計画の認定を受けたことを速やかに出入国在留管理局へ報告する。', 'Tell the immigration bureau promptly that the plan was certified.'),
    },
    {
      kind: 'hello-work-arrival',
      authority: 'hello-work',
      event: arrivalDate,
      timing: 'promptly',
      due: target(arrivalDate),
      dueIsTarget: true,
      basedOnPlannedReturn: false,
      citation: step(10),
      note: msg('来日後速やかにハローワークへ届け出る。', 'Notify Hello Work promptly after arrival.'),
    },
  ];
  for (let k = 1; ; k++) {
    const through = civilPeriodEnd(arrivalDate, settings.intervalMonths * k);
    if (through >= returnDate) break; // the return report covers the last (partial) period
    const from = k === 1 ? arrivalDate : addDays(civilPeriodEnd(arrivalDate, settings.intervalMonths * (k - 1)), 1);
    items.push({
      kind: 'meti-periodic',
      authority: 'meti',
      event: through,
      timing: 'after-period',
      window: { from, through },
      due: target(through),
      dueIsTarget: true,
      basedOnPlannedReturn: planned,
      citation: step(11),
      note: msg(`在留中の第${k}期（3か月ごと）の状況を経済産業省へ報告する（必要に応じ随時報告もある）。`, `Report period ${k} of the stay (every 3 months) to METI; ad hoc reports may also be needed.`),
    });
  }
  items.push(
    {
      kind: 'meti-return',
      authority: 'meti',
      event: returnDate,
      timing: 'at-event',
      due: target(returnDate),
      dueIsTarget: true,
      basedOnPlannedReturn: planned,
      citation: step(12),
      note: msg('帰国時に経済産業省へ報告する。', 'Report the return to METI.'),
    },
    {
      kind: 'hello-work-departure',
      authority: 'hello-work',
      event: returnDate,
      timing: 'at-event',
      due: target(returnDate),
      dueIsTarget: true,
      basedOnPlannedReturn: planned,
      citation: step(12),
      note: msg('帰国（離職）時にハローワークへ届け出る。', 'Notify Hello Work at departure.'),
    },
  );
  const oneYearOn = civilPeriodEnd(returnDate, settings.afterReturnMonths);
  items.push({
    kind: 'meti-after-return',
    authority: 'meti',
    event: oneYearOn,
    timing: 'after-period',
    due: target(oneYearOn),
    dueIsTarget: true,
    basedOnPlannedReturn: planned,
    citation: step(13),
    note: msg('帰国から1年後の状況（習得技術の活用）を経済産業省へ報告する。', "One year after return, report to METI on the employee's situation and use of the skills."),
  });
  return items.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
};
