import { describe, expect, it } from 'vitest';
import { Evaluator, NotInForce, legalDate } from '../core/index.js';
import { photoEvidence } from './q2-7.js';

const none = { productPhotos: false, plantPhotos: false, reasonStatement: false, usageExplanation: false };

describe('jaim-membership-faq Q2-7-2', () => {
  it('Q2-7-2 on 2025-06-24: not in force before JAIM', () => {
    expect(() => new Evaluator(legalDate('2025-06-24')).apply(photoEvidence, none)).toThrow(NotInForce);
  });
  it('Q2-7-2 on 2025-06-25 / 2025-06-26: without photos a reason statement and a usage explanation are both needed', () => {
    expect(new Evaluator(legalDate('2025-06-25')).apply(photoEvidence, none)).toBe('missing');
    expect(new Evaluator(legalDate('2025-06-26')).apply(photoEvidence, { ...none, reasonStatement: true })).toBe('missing');
    expect(new Evaluator(legalDate('2025-06-26')).apply(photoEvidence, { ...none, reasonStatement: true, usageExplanation: true })).toBe('sufficient');
    expect(new Evaluator(legalDate('2025-06-26')).apply(photoEvidence, { ...none, productPhotos: true, plantPhotos: true })).toBe('sufficient');
  });
});
