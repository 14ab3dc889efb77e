import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LegalDate, NotInForce, addDays, determine, legalDate } from '../core/index.js';
import { stayDetermination } from './determination-stay.js';
import { expiryAfter, renewalWindow, stayExpiry } from './stay.js';

const d = legalDate;

describe('manufacturing-activity-plan req.16 stay limits', () => {
  it('entry 2025-08-31 + 6 months expires 2026-02-28 (month-end clamping); the renewal window opens 2025-11-28', () => {
    const expiry = stayExpiry(d('2025-08-31'), 6);
    expect(expiry).toBe('2026-02-28');
    expect(renewalWindow(expiry)).toEqual({ opens: '2025-11-28', closes: '2026-02-28' });
  });
  it('entry 2025-04-01 + 6 months expires 2025-10-01; window 2025-07-01 to 2025-10-01', () => {
    expect(stayExpiry(d('2025-04-01'), 6)).toBe('2025-10-01');
    expect(renewalWindow(d('2025-10-01'))).toEqual({ opens: '2025-07-01', closes: '2025-10-01' });
  });
  it('an expiry on 2026-05-31 opens the window on 2026-02-28; on 2028-05-31 (leap year) on 2028-02-29', () => {
    expect(renewalWindow(d('2026-05-31')).opens).toBe('2026-02-28');
    expect(renewalWindow(d('2028-05-31')).opens).toBe('2028-02-29');
  });
  it('after the one renewal the stay never passes a year from entry', () => {
    expect(expiryAfter(d('2025-08-31'), 1, 6, 12)).toBe('2026-08-31');
    expect(expiryAfter(d('2025-08-30'), 1, 6, 12)).toBe('2026-08-30');
  });
  it('property: two 6-month grants end no later than 12 months from entry, and the window always opens before it closes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (n) => {
        const entry: LegalDate = addDays(d('2020-01-01'), n);
        const cap = stayExpiry(entry, 12);
        expect(expiryAfter(entry, 1, 6, 12) <= cap).toBe(true);
        const w = renewalWindow(stayExpiry(entry, 6));
        expect(w.opens < w.closes).toBe(true);
        expect(w.opens > entry).toBe(true);
      }),
    );
  });
});

describe('activity-plan-stay determination', () => {
  const facts = { entryDate: '2025-08-31', renewalsGranted: 0, plannedEnd: '2026-08-20' };
  it('the worked example runs', () => {
    const r = determine(stayDetermination, stayDetermination.example.facts, stayDetermination.example.asOf);
    expect(r.outcome).toBe('renewal-open');
  });
  it('req.16 on 2025-11-27 the window is not yet open; on 2025-11-28 and 2026-02-28 it is; on 2026-03-01 the stay has ended', () => {
    expect(determine(stayDetermination, facts, '2025-11-27').outcome).toBe('renewal-not-yet-open');
    expect(determine(stayDetermination, facts, '2025-11-28').outcome).toBe('renewal-open');
    expect(determine(stayDetermination, facts, '2026-02-28').outcome).toBe('renewal-open');
    expect(determine(stayDetermination, facts, '2026-03-01').outcome).toBe('stay-ended');
  });
  it('req.16: no renewal after the one renewal, none needed for a short stay, and a plan past a year exceeds the limit', () => {
    expect(determine(stayDetermination, { ...facts, renewalsGranted: 1 }, '2026-06-01').outcome).toBe('no-renewal');
    expect(determine(stayDetermination, { ...facts, plannedEnd: '2026-02-01' }, '2025-12-01').outcome).toBe('no-renewal');
    const r = determine(stayDetermination, { ...facts, plannedEnd: '2026-09-01' }, '2025-12-01');
    expect(r.outcome).toBe('exceeds-limit');
    expect(r.reasons[0]?.en).toContain('2026-08-31');
  });
  it('before the programme (2016-03-31) the determination is not in force', () => {
    expect(() => determine(stayDetermination, facts, '2016-03-31')).toThrow(NotInForce);
  });
});
