import { describe, expect, it } from 'vitest';
import { blockingGround, factsFor, paragraphOf } from './grounds.js';

describe('expulsion grounds', () => {
  it('maps category (iii) grounds to the determination facts', () => {
    expect(factsFor('iii', ['i', 'iv'], 2)).toEqual({ category: 'iii', disqualifiedUnderOrdinance: true, breachedArt3Para1: false, joinedByFraud: false, establishmentsInField: [false, false] });
  });
  it('only grounds (i)–(iii) of category (iii) block re-joining (art.10(4)(ii))', () => {
    expect(blockingGround('iii', ['iv'])).toBeNull();
    expect(blockingGround('iii', ['iv', 'ii'])).toBe('ii');
    expect(blockingGround('v', ['i'])).toBeNull();
  });
  it('names the paragraph for the art.14(4) report rule', () => {
    expect([paragraphOf('iii'), paragraphOf('iv'), paragraphOf('v')]).toEqual(['14(1)', '14(2)', '14(3)']);
  });
});
