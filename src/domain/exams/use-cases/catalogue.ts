// Shared input parsing for catalogue and sitting use cases.
import { z } from 'zod';
import { isLegalDate } from '../../../../rules/core/index.js';
import { InvalidInput, type FieldProblem } from '../../errors.js';

export const legalDateField = z.string().refine((v) => isLegalDate(v), { message: 'date' });

const MESSAGES: Record<string, { ja: string; en: string }> = {
  date: { ja: 'YYYY-MM-DDの日付で入力してください。', en: 'Enter a date as YYYY-MM-DD.' },
  default: { ja: '入力内容を確認してください。', en: 'Check this answer.' },
};

/** zod parse whose issues become InvalidInput fields (field id = the form field name). */
export const parseInput = <T extends z.ZodType>(schema: T, raw: unknown, custom: Record<string, { ja: string; en: string }> = {}): z.output<T> => {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const seen = new Set<string>();
  const fields: FieldProblem[] = [];
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (seen.has(field)) continue;
    seen.add(field);
    fields.push({ field, message: custom[field] ?? MESSAGES[issue.message] ?? MESSAGES.default! });
  }
  throw new InvalidInput(fields);
};

export const trimmed = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));
export const intFromForm = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
