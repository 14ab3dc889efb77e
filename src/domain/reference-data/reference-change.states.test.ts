import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../errors.js';
import { canTransition, transition } from './reference-change.states.js';

describe('reference change workflow', () => {
  it('goes draft → reviewed → published → superseded', () => {
    expect(transition('draft', 'review')).toBe('reviewed');
    expect(transition('reviewed', 'publish')).toBe('published');
    expect(transition('published', 'supersede')).toBe('superseded');
  });
  it('refuses to publish a draft that was not reviewed, and to change a published row except by superseding', () => {
    expect(() => transition('draft', 'publish')).toThrow(InvalidTransition);
    expect(canTransition('published', 'discard')).toBe(false);
    expect(canTransition('superseded', 'publish')).toBe(false);
  });
});
