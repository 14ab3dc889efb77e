import { describe, expect, it } from 'vitest';
import { legalDate } from '../../../../rules/core/index.js';
import { noShowWindow } from './mark-no-shows.js';

const EXAM_DAY = '2026-02-15';
const on = (status: string, today: string) => noShowWindow({ status, examDate: EXAM_DAY }, legalDate(today)).open;

describe('when absences can be recorded', () => {
  it('not before or on the exam day while candidates may still be checked in', () => {
    expect(on('registration_closed', '2026-02-14')).toBe(false);
    expect(on('registration_closed', EXAM_DAY)).toBe(false);
    expect(on('in_progress', EXAM_DAY)).toBe(false);
  });

  it('once the sitting is finished, even on the exam day', () => {
    expect(on('scoring', EXAM_DAY)).toBe(true);
    expect(on('results_released', '2026-03-01')).toBe(true);
  });

  it('from the day after the exam, even if staff never moved the sitting on', () => {
    expect(on('registration_closed', '2026-02-16')).toBe(true);
    expect(on('in_progress', '2026-02-16')).toBe(true);
  });

  it('never for a cancelled sitting or one that has not closed registration', () => {
    expect(on('cancelled', '2026-02-16')).toBe(false);
    expect(on('planned', '2026-02-16')).toBe(false);
    expect(on('registration_open', '2026-02-16')).toBe(false);
  });
});
