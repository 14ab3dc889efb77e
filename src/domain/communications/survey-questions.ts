import type { SurveyAnswers, SurveyQuestion } from '../../persistence/repositories/surveys.repository.js';
import type { FieldProblem } from '../errors.js';

// Questions are written one per line: `single: 質問 | 選択肢A | 選択肢B`, `multiple: 質問 | A | B | C`, `text: 質問`.
// A trailing `*` on the question makes it required.

const KINDS: Record<string, SurveyQuestion['kind']> = { single: 'single', 単一: 'single', multiple: 'multiple', 複数: 'multiple', text: 'text', 自由記述: 'text' };

export const parseQuestions = (text: string, problems: FieldProblem[]): SurveyQuestion[] => {
  const questions: SurveyQuestion[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  lines.forEach((line, i) => {
    const m = /^([^:：]+)[:：](.*)$/.exec(line);
    const kind = m ? KINDS[m[1]!.trim().toLowerCase()] : undefined;
    const parts = (m?.[2] ?? '').split('|').map((p) => p.trim()).filter(Boolean);
    let label = parts[0] ?? '';
    const required = label.endsWith('*');
    if (required) label = label.slice(0, -1).trim();
    const options = parts.slice(1);
    if (!kind || !label || (kind !== 'text' && options.length < 2) || new Set(options).size !== options.length) {
      problems.push({ field: 'questions', message: { ja: `${i + 1}行目の質問の書き方が正しくありません（例：single: 質問 | 選択肢A | 選択肢B）`, en: `Question on line ${i + 1} is not well formed (e.g. single: Question | Option A | Option B)` } });
      return;
    }
    questions.push({ id: `q${i + 1}`, kind, label, options: kind === 'text' ? [] : options, required });
  });
  if (lines.length === 0) problems.push({ field: 'questions', message: { ja: '質問を1つ以上入力してください', en: 'Enter at least one question' } });
  if (lines.length > 50) problems.push({ field: 'questions', message: { ja: '質問は50問までです', en: 'At most 50 questions' } });
  return questions;
};

/** Checks answers against the questions: choices must be among the options, required questions answered. */
export const checkAnswers = (questions: readonly SurveyQuestion[], raw: Record<string, unknown>, problems: FieldProblem[]): SurveyAnswers => {
  const answers: SurveyAnswers = {};
  for (const q of questions) {
    const v = raw[q.id];
    const values = (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
    const bad = () => problems.push({ field: q.id, message: { ja: `「${q.label}」の回答を選び直してください`, en: `Choose again for “${q.label}”` } });
    if (q.kind === 'text') {
      const text = (values[0] ?? '').trim();
      if (text.length > 5000) problems.push({ field: q.id, message: { ja: '回答は5,000文字以内です', en: 'Answers are at most 5,000 characters' } });
      if (text) answers[q.id] = text;
    } else if (q.kind === 'single') {
      if (values.length > 1 || (values[0] !== undefined && !q.options.includes(values[0]))) bad();
      else if (values[0] !== undefined) answers[q.id] = values[0];
    } else {
      if (values.some((x) => !q.options.includes(x))) bad();
      else if (values.length) answers[q.id] = [...new Set(values)];
    }
    if (q.required && answers[q.id] === undefined && !problems.some((p) => p.field === q.id)) problems.push({ field: q.id, message: { ja: `「${q.label}」に回答してください`, en: `Answer “${q.label}”` } });
  }
  return answers;
};
