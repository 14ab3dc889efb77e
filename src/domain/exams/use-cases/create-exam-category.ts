import { z } from 'zod';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { insertExamCategory } from '../../../persistence/repositories/exam-catalogue.repository.js';
import { authorize } from '../../access/policies.js';
import { auditMeta } from '../../accounts/context.js';
import { Conflict } from '../../errors.js';
import { legalDateField, parseInput, trimmed } from './catalogue.js';
import type { ExamContext } from './context.js';

const schema = z
  .object({
    code: z.string().trim().regex(/^[a-z][a-z0-9_]*$/).max(40),
    level: z.enum(['i', 'ii']),
    nameJa: trimmed(100),
    nameEn: trimmed(100),
    effectiveFrom: legalDateField,
    effectiveTo: z.union([legalDateField, z.literal('')]).optional(),
    parts: z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v])).pipe(z.array(z.enum(['written', 'practical'])).min(1)),
  })
  .refine((v) => !v.effectiveTo || v.effectiveTo > v.effectiveFrom, { path: ['effectiveTo'], message: 'after' });

/** An exam category at a level with its effective period and parts (written / practical). */
export const createExamCategory = async (ctx: ExamContext, raw: Record<string, unknown>) => {
  authorize(ctx.actor, 'exam_catalogue.manage');
  const v = parseInput(schema, raw, {
    code: { ja: '区分コードは英小文字・数字・_で入力してください（例：kikai_kinzoku）。', en: 'Use lower-case letters, digits and _ for the code (e.g. kikai_kinzoku).' },
    effectiveTo: { ja: '終了日は開始日より後にしてください。', en: 'The end date must be after the start date.' },
    parts: { ja: '学科・実技の少なくとも一つを選んでください。', en: 'Choose at least one part.' },
  });
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await insertExamCategory(tx, {
        code: v.code,
        level: v.level,
        nameJa: v.nameJa,
        nameEn: v.nameEn,
        effectiveFrom: v.effectiveFrom,
        effectiveTo: v.effectiveTo || null,
        hasWritten: v.parts.includes('written'),
        hasPractical: v.parts.includes('practical'),
      });
      await writeAuditEvent(tx, { action: 'exam_category.created', ...auditMeta(ctx), target: { type: 'exam_category', id: row.id }, summary: { after: { code: v.code, level: v.level, effectiveFrom: v.effectiveFrom } } });
      return row;
    });
  } catch (e) {
    if (String((e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) === '23505') {
      throw new Conflict('duplicate category', { ja: '同じ区分・級・開始日の試験区分がすでにあります。', en: 'This category, level and start date already exist.' });
    }
    throw e;
  }
};
