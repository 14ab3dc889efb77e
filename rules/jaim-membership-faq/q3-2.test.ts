import { describe, expect, it } from 'vitest';
import { Evaluator, legalDate } from '../core/index.js';
import { addingJsicCode, operatingWithShipments, rosterNamesDuringReorganisation } from './q3-2.js';

const e = (d = '2025-10-01') => new Evaluator(legalDate(d));

describe('jaim-membership-faq Q3-2', () => {
  it('Q3-2-1 on 2025-10-01: a new JSIC code needs a new application; a code beneath a registered one does not', () => {
    expect(e().apply(addingJsicCode, { registeredCodes: ['2464'], requestedCode: '18' })).toBe('new_application_required');
    expect(e().apply(addingJsicCode, { registeredCodes: ['15'], requestedCode: '1511' })).toBe('covered');
  });
  it('Q3-2-2 / Q3-2-3: both names are listed until the new entity operates (day before, of, after)', () => {
    const f = { kind: 'relocation' as const, oldName: '旧工場', newName: '新工場', newOperatingFrom: legalDate('2026-01-05') };
    expect(e('2026-01-04').apply(rosterNamesDuringReorganisation, f)).toBe('list_both');
    expect(e('2026-01-05').apply(rosterNamesDuringReorganisation, f)).toBe('list_new_with_evidence_due');
    expect(e('2026-01-06').apply(rosterNamesDuringReorganisation, f)).toBe('list_new_with_evidence_due');
    expect(e().apply(rosterNamesDuringReorganisation, { ...f, kind: 'merger', newOperatingFrom: null })).toBe('list_both');
  });
  it('Q3-2-4 on 2025-10-01: a plant not operating, or without shipments in the last year, cannot apply', () => {
    expect(e().apply(operatingWithShipments, { operating: false, shipmentsInLastYear: false })).toBe('cannot_apply');
    expect(e().apply(operatingWithShipments, { operating: true, shipmentsInLastYear: false })).toBe('cannot_apply');
    expect(e().apply(operatingWithShipments, { operating: true, shipmentsInLastYear: true })).toBe('may_apply');
  });
});
