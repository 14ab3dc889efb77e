import { isLegalDate, type LegalDate } from '../../../rules/core/index.js';
import { InvalidInput, type FieldProblem } from '../errors.js';

// Form fields shared by the draft use cases.

export const requireDate = (raw: unknown, problems: FieldProblem[]): LegalDate | undefined => {
  const v = typeof raw === 'string' ? raw.trim() : '';
  if (!isLegalDate(v)) {
    problems.push({ field: 'effectiveFrom', message: { ja: '効力発生日を YYYY-MM-DD の形式で入力してください（例：2026-04-01）', en: 'Enter the effective date as YYYY-MM-DD (for example 2026-04-01)' } });
    return undefined;
  }
  return v;
};

export const requireSourceNote = (raw: unknown, problems: FieldProblem[]): string => {
  const v = typeof raw === 'string' ? raw.trim() : '';
  if (v === '') problems.push({ field: 'sourceNote', message: { ja: '出典（告示・通知の名称や番号）を入力してください', en: 'Enter the source (name or number of the notice)' } });
  else if (v.length > 1000) problems.push({ field: 'sourceNote', message: { ja: '出典は1000文字以内で入力してください', en: 'The source must be 1000 characters or fewer' } });
  return v;
};

export const requireCertainty = (raw: unknown, problems: FieldProblem[]): 'official' | 'uncertain' => {
  if (raw === 'official' || raw === 'uncertain') return raw;
  problems.push({ field: 'certainty', message: { ja: '公式か要確認かを選んでください', en: 'Choose whether the data is official or unverified' } });
  return 'uncertain';
};

export const throwIfProblems = (problems: FieldProblem[]): void => {
  if (problems.length > 0) throw new InvalidInput(problems);
};
