import { describe, expect, it } from 'vitest';
import { legalDate } from '../core/index.js';
import { reportCalendar } from './report-calendar.js';

const d = legalDate;

describe('manufacturing-activity-plan report calendar (procedure steps 3, 10–13)', () => {
  const items = reportCalendar({ certificationDate: d('2025-06-02'), arrivalDate: d('2025-08-31'), plannedReturnDate: d('2026-08-31') });

  it('step 3: the certification is reported to immigration promptly (target date set by the operator)', () => {
    const i = items.find((x) => x.kind === 'immigration-certification-report');
    expect(i).toMatchObject({ authority: 'immigration', timing: 'promptly', event: '2025-06-02', due: '2025-06-16', dueIsTarget: true });
    expect(i?.citation).toMatchObject({ document: 'manufacturing-activity-plan-guide', article: 'procedure', item: 'step 3', confidence: 'secondary' });
  });
  it('step 11: quarterly METI reports from arrival 2025-08-31 cover periods ending 2025-11-30, 2026-02-28, 2026-05-31', () => {
    const q = items.filter((x) => x.kind === 'meti-periodic');
    expect(q.map((x) => x.window)).toEqual([
      { from: '2025-08-31', through: '2025-11-30' },
      { from: '2025-12-01', through: '2026-02-28' },
      { from: '2026-03-01', through: '2026-05-31' },
    ]);
  });
  it('steps 10, 12, 13: Hello Work at arrival and departure, METI at return and one year after return', () => {
    const kinds = items.map((x) => x.kind);
    expect(kinds).toEqual([
      'immigration-certification-report',
      'hello-work-arrival',
      'meti-periodic',
      'meti-periodic',
      'meti-periodic',
      'meti-return',
      'hello-work-departure',
      'meti-after-return',
    ]);
    expect(items.find((x) => x.kind === 'meti-after-return')?.event).toBe('2027-08-31');
    expect(items.find((x) => x.kind === 'meti-return')?.basedOnPlannedReturn).toBe(true);
    expect(items.find((x) => x.kind === 'hello-work-arrival')?.basedOnPlannedReturn).toBe(false);
  });
  it('an early actual return (2026-01-15) drops the later quarters and moves the return filings', () => {
    const early = reportCalendar({ certificationDate: d('2025-06-02'), arrivalDate: d('2025-08-31'), plannedReturnDate: d('2026-08-31'), actualReturnDate: d('2026-01-15') });
    expect(early.filter((x) => x.kind === 'meti-periodic')).toHaveLength(1);
    expect(early.find((x) => x.kind === 'hello-work-departure')).toMatchObject({ event: '2026-01-15', basedOnPlannedReturn: false });
  });
  it('a custom operator target of 7 days moves every target date', () => {
    const c = reportCalendar({ certificationDate: d('2025-06-02'), arrivalDate: d('2025-08-31'), plannedReturnDate: d('2026-08-31') }, { promptDays: 7, intervalMonths: 3, afterReturnMonths: 12 });
    expect(c[0]?.due).toBe('2025-06-09');
  });
});
