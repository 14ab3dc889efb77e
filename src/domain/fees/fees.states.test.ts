import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../errors.js';
import { DEBIT_IMPORT_EVENTS, transitionDebitImport } from './debit-import.states.js';
import { transitionClaim } from './discount-claim.states.js';
import { INVOICE_EVENTS, transitionInvoice } from './invoice.states.js';

describe('invoice state machine', () => {
  it('issued → part_paid → paid; issued → paid; issued → cancelled', () => {
    expect(transitionInvoice('issued', 'pay_part')).toBe('part_paid');
    expect(transitionInvoice('part_paid', 'pay_part')).toBe('part_paid');
    expect(transitionInvoice('part_paid', 'pay_full')).toBe('paid');
    expect(transitionInvoice('issued', 'pay_full')).toBe('paid');
    expect(transitionInvoice('issued', 'cancel')).toBe('cancelled');
  });
  it('Q3-1-4: a (part-)paid invoice cannot be cancelled (no refunds); paid and cancelled are final', () => {
    expect(() => transitionInvoice('part_paid', 'cancel')).toThrow(InvalidTransition);
    for (const e of INVOICE_EVENTS) {
      expect(() => transitionInvoice('paid', e)).toThrow(InvalidTransition);
      expect(() => transitionInvoice('cancelled', e)).toThrow(InvalidTransition);
    }
  });
});

describe('discount claim state machine', () => {
  it('submitted → approved | rejected, both final', () => {
    expect(transitionClaim('submitted', 'approve')).toBe('approved');
    expect(transitionClaim('submitted', 'reject')).toBe('rejected');
    expect(() => transitionClaim('approved', 'reject')).toThrow(InvalidTransition);
    expect(() => transitionClaim('rejected', 'approve')).toThrow(InvalidTransition);
  });
});

describe('direct-debit result import state machine', () => {
  it('checked → applied | discarded, both final (a result file is applied at most once)', () => {
    expect(transitionDebitImport('checked', 'apply')).toBe('applied');
    expect(transitionDebitImport('checked', 'discard')).toBe('discarded');
    for (const e of DEBIT_IMPORT_EVENTS) {
      expect(() => transitionDebitImport('applied', e)).toThrow(InvalidTransition);
      expect(() => transitionDebitImport('discarded', e)).toThrow(InvalidTransition);
    }
  });
});
