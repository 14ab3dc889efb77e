// Sample questions: written by staff, published to the public page /exams/samples. A double submit of the new-sample
// form returns the first sample (create-once.ts) instead of a second copy.
import { z } from 'zod';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { findExamCategory, findSampleQuestion, insertSampleQuestion, listSampleQuestions, publishSampleQuestion } from '../../../persistence/repositories/exam-catalogue.repository.js';
import { authorize } from '../../access/policies.js';
import { auditMeta } from '../../accounts/context.js';
import { InvalidInput, NotFound } from '../../errors.js';
import { optionalText, parseInput, trimmed } from './catalogue.js';
import { userIdOf, type ExamContext } from './context.js';
import { createOnce, staffScope } from '../../idempotency/create-once.js';

export const createSampleQuestion = async (ctx: ExamContext, raw: Record<string, unknown>, idempotencyKey?: string) => {
  authorize(ctx.actor, 'exam_catalogue.manage');
  const v = parseInput(
    z.object({
      categoryId: z.uuid(),
      part: z.enum(['written', 'practical']),
      questionJa: trimmed(4000),
      questionEn: optionalText(4000),
      choices: z.string().max(4000).default(''),
      answer: optionalText(20),
      explanationJa: optionalText(4000),
      explanationEn: optionalText(4000),
    }),
    raw,
  );
  if (!(await findExamCategory(ctx.db, v.categoryId))) throw new InvalidInput([{ field: 'categoryId', message: { ja: '試験区分を選んでください。', en: 'Choose an exam category.' } }]);
  const choices = v.choices.split(/\r?\n/).map((c) => c.trim()).filter(Boolean);
  return createOnce(ctx, idempotencyKey, { resourceType: 'exam_sample_question', scopeId: staffScope(ctx) }, findSampleQuestion, async (tx, id) => {
    const row = await insertSampleQuestion(tx, { id, ...v, choices });
    await writeAuditEvent(tx, { action: 'exam_sample_question.created', ...auditMeta(ctx), target: { type: 'exam_sample_question', id: row.id }, summary: { after: { categoryId: v.categoryId, part: v.part } } });
    return row;
  });
};

export const publishSample = async (ctx: ExamContext, id: string) => {
  authorize(ctx.actor, 'exam_catalogue.manage');
  const by = userIdOf(ctx);
  if (!z.uuid().safeParse(id).success) throw new NotFound('sample question');
  return ctx.db.transaction(async (tx) => {
    if (!(await publishSampleQuestion(tx, id, by, ctx.clock.now()))) throw new NotFound('sample question');
    await writeAuditEvent(tx, { action: 'exam_sample_question.published', ...auditMeta(ctx), target: { type: 'exam_sample_question', id } });
  });
};

export const listAllSamples = async (ctx: ExamContext) => {
  authorize(ctx.actor, 'exam_catalogue.read');
  return listSampleQuestions(ctx.db, false);
};

/** Public: published sample questions only. */
export const listPublishedSamples = async (ctx: ExamContext) => {
  authorize(ctx.actor, 'public');
  return listSampleQuestions(ctx.db, true);
};
