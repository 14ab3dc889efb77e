import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, NotInForce, legalDate } from '../core/index.js';
import { closedMeetingReason, meetingPublicity } from './art-008.js';

const on = (d: string) => new Evaluator(legalDate(d));

describe('council-operating-rules art.8', () => {
  it('8(1) on 2025-06-01: meetings are public unless the co-chairs decide otherwise', () => {
    expect(on('2025-06-01').apply(meetingPublicity, { coChairsDecidedNotPublic: false })).toBe('public');
    expect(on('2025-06-01').apply(meetingPublicity, { coChairsDecidedNotPublic: true })).toBe('closed');
  });

  it('8(2) on 2025-06-01: a closed meeting publishes its reason', () => {
    const e = on('2025-06-01');
    expect(e.apply(closedMeetingReason, { closed: true, withholdingReasonProposed: false })).toBe('publish-reason');
    expect(e.apply(closedMeetingReason, { closed: false, withholdingReasonProposed: false })).toBe('not-required');
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.8(2)');
  });

  it('8(2) proviso on 2025-06-01: withholding the reason is a judgement and goes to review', () => {
    const e = on('2025-06-01');
    expect(e.apply(closedMeetingReason, { closed: true, withholdingReasonProposed: true })).toBe(NEEDS_REVIEW);
    expect(e.steps[0]?.message.ja).toContain('判断');
  });

  it('8 on 2019-03-25, 2019-03-26, 2019-03-27: in force from enactment', () => {
    expect(() => on('2019-03-25').apply(meetingPublicity, { coChairsDecidedNotPublic: false })).toThrow(NotInForce);
    expect(on('2019-03-26').apply(meetingPublicity, { coChairsDecidedNotPublic: false })).toBe('public');
    expect(on('2019-03-27').apply(closedMeetingReason, { closed: true, withholdingReasonProposed: false })).toBe('publish-reason');
  });
});
