import { describe, expect, it } from 'vitest';
import { cite, formatCitation, isCompleteCitation } from './citation.js';

describe('citations', () => {
  it('format articles, paragraphs and roman items', () => {
    expect(formatCitation(cite('council-operating-rules', '10', '4', 'ii'))).toBe('council-operating-rules art.10(4)(ii)');
    expect(formatCitation(cite('council-operating-rules', '15'))).toBe('council-operating-rules art.15');
    expect(formatCitation(cite('jaim-membership-faq', 'Q2-3-1'))).toBe('jaim-membership-faq Q2-3-1');
    expect(formatCitation(cite('manufacturing-activity-plan-guide', 'req.19'))).toBe('manufacturing-activity-plan-guide req.19');
  });

  it('carry confidence only when given', () => {
    expect(cite('uwanose-kokuji', '2', '1', undefined, 'inferred')).toEqual({ document: 'uwanose-kokuji', article: '2', paragraph: '1', confidence: 'inferred' });
    expect('confidence' in cite('uwanose-kokuji', '2')).toBe(false);
  });

  it('are complete only with a known document and an article', () => {
    expect(isCompleteCitation(cite('council-operating-rules', '10'))).toBe(true);
    expect(isCompleteCitation(undefined)).toBe(false);
    expect(isCompleteCitation({ document: 'council-operating-rules', article: '' })).toBe(false);
    expect(isCompleteCitation({ document: 'unknown-doc', article: '1' } as never)).toBe(false);
  });
});
