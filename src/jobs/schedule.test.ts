import { describe, expect, it } from 'vitest';
import { latestSlot, slotDedupeKey } from './schedule.js';

describe('latestSlot', () => {
  it('everyMinutes: aligned to the clock', () => {
    const s = { name: 'outbox', job: 'mail.send', everyMinutes: 15 };
    expect(latestSlot(s, new Date('2026-04-01T03:29:59Z')).toISOString()).toBe('2026-04-01T03:15:00.000Z');
    expect(latestSlot(s, new Date('2026-04-01T03:30:00Z')).toISOString()).toBe('2026-04-01T03:30:00.000Z');
  });

  it('dailyAtJst: today in Japan once the time has passed, else yesterday', () => {
    const s = { name: 'nightly', job: 'x', dailyAtJst: '02:30' };
    // 02:30 JST = 17:30 UTC the day before.
    expect(latestSlot(s, new Date('2026-04-01T17:30:00Z')).toISOString()).toBe('2026-04-01T17:30:00.000Z'); // 04-02 02:30 JST
    expect(latestSlot(s, new Date('2026-04-01T17:29:59Z')).toISOString()).toBe('2026-03-31T17:30:00.000Z');
    expect(latestSlot(s, new Date('2026-04-01T23:00:00Z')).toISOString()).toBe('2026-04-01T17:30:00.000Z'); // 08:00 JST
  });

  it('dailyAtJst: a late-evening time across the UTC date line', () => {
    const s = { name: 'late', job: 'x', dailyAtJst: '23:00' }; // 14:00 UTC
    expect(latestSlot(s, new Date('2026-04-01T14:59:00Z')).toISOString()).toBe('2026-04-01T14:00:00.000Z');
    expect(latestSlot(s, new Date('2026-04-01T13:59:00Z')).toISOString()).toBe('2026-03-31T14:00:00.000Z');
  });

  it('rejects malformed schedules', () => {
    expect(() => latestSlot({ name: 'bad', job: 'x', dailyAtJst: '25:00' }, new Date())).toThrow(/HH:MM/);
    expect(() => latestSlot({ name: 'bad', job: 'x', everyMinutes: 0 }, new Date())).toThrow(/positive/);
  });

  it('names each slot in its dedupe key', () => {
    expect(slotDedupeKey({ name: 'n', job: 'x', everyMinutes: 5 }, new Date('2026-04-01T00:05:00Z'))).toBe('schedule:n:2026-04-01T00:05:00.000Z');
  });
});
