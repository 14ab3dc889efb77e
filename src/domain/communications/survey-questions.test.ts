import { describe, expect, it } from 'vitest';
import type { FieldProblem } from '../errors.js';
import { checkAnswers, parseQuestions } from './survey-questions.js';

describe('survey questions and answers', () => {
  const problems: FieldProblem[] = [];
  const qs = parseQuestions('single: 受入れ予定はありますか* | はい | いいえ\nmultiple: 関心のある分野 | 機械 | 電気 | 素形材\ntext: ご意見', problems);
  it('parses the three kinds', () => {
    expect(problems).toEqual([]);
    expect(qs.map((q) => [q.kind, q.required, q.options.length])).toEqual([['single', true, 2], ['multiple', false, 3], ['text', false, 0]]);
  });
  it('refuses a malformed line', () => {
    const p: FieldProblem[] = [];
    parseQuestions('single: only one | A', p);
    expect(p[0]?.field).toBe('questions');
  });
  it('checks answers: options only, required answered', () => {
    const p: FieldProblem[] = [];
    expect(checkAnswers(qs, { q1: 'はい', q2: ['機械', '電気'], q3: ' よろしく ' }, p)).toEqual({ q1: 'はい', q2: ['機械', '電気'], q3: 'よろしく' });
    expect(p).toEqual([]);
    const p2: FieldProblem[] = [];
    checkAnswers(qs, { q2: ['宇宙'] }, p2);
    expect(p2.map((x) => x.field).sort()).toEqual(['q1', 'q2']);
  });
});
