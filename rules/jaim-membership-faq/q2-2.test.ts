import { describe, expect, it } from 'vitest';
import { Evaluator, NotInForce, determine, legalDate } from '../core/index.js';
import { establishmentRoster, migrationStatus, rosterForFilings, validRosterOn } from './q2-2.js';
import { validRosterDetermination } from './valid-roster.js';

describe('jaim-membership-faq Q2-2', () => {
  it('Q2-2-6 on 2019-03-25: before the council existed there is no roster', () => {
    expect(() => validRosterOn(legalDate('2019-03-25'))).toThrow(NotInForce);
  });
  it('Q2-2-6 on 2025-12-24 and 2025-12-25: the council roster is valid', () => {
    expect(validRosterOn(legalDate('2019-03-26'))).toBe('council');
    expect(validRosterOn(legalDate('2025-12-24'))).toBe('council');
    expect(validRosterOn(legalDate('2025-12-25'))).toBe('council');
  });
  it('Q2-2-7 on 2025-12-26 and 2025-12-27: only the JAIM roster is valid', () => {
    expect(validRosterOn(legalDate('2025-12-26'))).toBe('jaim');
    expect(validRosterOn(legalDate('2025-12-27'))).toBe('jaim');
    const e = new Evaluator(legalDate('2025-12-26'));
    e.apply(rosterForFilings, {});
    expect(e.steps[0]?.citation).toBe('jaim-membership-faq Q2-2-7');
  });
  it('Q2-2-6 / Q2-2-7: a council member not on the JAIM roster loses its roster on 2025-12-26', () => {
    const standing = { onCouncilRoster: true, onJaimRoster: false };
    expect(new Evaluator(legalDate('2025-12-25')).apply(establishmentRoster, standing)).toBe('council');
    expect(new Evaluator(legalDate('2025-12-26')).apply(establishmentRoster, standing)).toBe('none');
    expect(new Evaluator(legalDate('2025-10-01')).apply(establishmentRoster, { onCouncilRoster: false, onJaimRoster: true })).toBe('jaim');
  });
  it('valid-roster determination runs its worked example (2025-12-26: jaim)', () => {
    const { asOf, facts } = validRosterDetermination.example;
    const d = determine(validRosterDetermination, facts, asOf);
    expect(d.outcome).toBe('jaim');
    expect(d.trace.map((s) => s.ruleId)).toEqual(['jaim-membership-faq/q2-2/roster-for-filings', 'jaim-membership-faq/q2-2/establishment-roster']);
  });
  it('Q2-2-3 on 2025-12-25 / 2025-12-26: an unmigrated council member is withdrawn automatically from 2025-12-26', () => {
    const facts = { councilMember: true, jaimMembershipCompletedOn: null, informationMigratedOn: null };
    expect(new Evaluator(legalDate('2025-12-25')).apply(migrationStatus, facts)).toBe('council_member_in_transition');
    expect(new Evaluator(legalDate('2025-12-26')).apply(migrationStatus, facts)).toBe('withdrawn_automatically');
    expect(new Evaluator(legalDate('2025-12-27')).apply(migrationStatus, facts)).toBe('withdrawn_automatically');
  });
  it('Q2-2-1 / Q2-2-4 on 2026-01-10: information-only migration does not make a member but is noted', () => {
    const e = new Evaluator(legalDate('2026-01-10'));
    expect(e.apply(migrationStatus, { councilMember: true, jaimMembershipCompletedOn: null, informationMigratedOn: legalDate('2025-12-20') })).toBe('withdrawn_automatically');
    expect(e.steps[0]?.used).toMatchObject({ informationMigratedOnTime: true });
    expect(e.apply(migrationStatus, { councilMember: true, jaimMembershipCompletedOn: legalDate('2025-12-25'), informationMigratedOn: null })).toBe('migrated');
  });
  it('Q2-2-1 on 2025-06-24: migration is not in force before JAIM was registered', () => {
    expect(() => new Evaluator(legalDate('2025-06-24')).apply(migrationStatus, { councilMember: true, jaimMembershipCompletedOn: null, informationMigratedOn: null })).toThrow(NotInForce);
  });
});
