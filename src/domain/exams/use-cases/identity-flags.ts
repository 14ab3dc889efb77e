import { z } from 'zod';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { candidatesOfRegistrations, findIdentityFlag, listOpenIdentityFlags, resolveIdentityFlag } from '../../../persistence/repositories/exam-registrations.repository.js';
import { authorize } from '../../access/policies.js';
import { auditMeta } from '../../accounts/context.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { userIdOf, type ExamContext } from './context.js';

/** Open duplicate-identity flags with both registrations, for staff to compare. */
export const listIdentityFlags = async (ctx: ExamContext) => {
  authorize(ctx.actor, 'exam_identity_flags.review');
  const flags = await listOpenIdentityFlags(ctx.db);
  const regs = new Map((await candidatesOfRegistrations(ctx.db, [...new Set(flags.flatMap((f) => [f.registrationAId, f.registrationBId]))])).map((r) => [r.registrationId, r]));
  return flags.map((f) => ({ flag: f, a: regs.get(f.registrationAId)!, b: regs.get(f.registrationBId)! }));
};

export const resolveFlag = async (ctx: ExamContext, id: string, raw: { status?: unknown; note?: unknown }) => {
  authorize(ctx.actor, 'exam_identity_flags.review');
  const by = userIdOf(ctx);
  const flag = z.uuid().safeParse(id).success ? await findIdentityFlag(ctx.db, id) : undefined;
  if (!flag) throw new NotFound('identity flag');
  const status = raw.status === 'same_person' || raw.status === 'different_people' ? raw.status : undefined;
  const note = typeof raw.note === 'string' ? raw.note.trim().slice(0, 2000) : '';
  const errors = [];
  if (!status) errors.push({ field: 'status', message: { ja: '判断を選んでください。', en: 'Choose a decision.' } });
  if (!note) errors.push({ field: 'note', message: { ja: '判断の理由を入力してください。', en: 'Give the reason for the decision.' } });
  if (errors.length) throw new InvalidInput(errors);
  await ctx.db.transaction(async (tx) => {
    if (!(await resolveIdentityFlag(tx, flag.id, { status: status!, resolutionNote: note, resolvedBy: by, resolvedAt: ctx.clock.now() }))) throw new Conflict('already resolved', { ja: 'すでに判断済みです。', en: 'Already resolved.' });
    await writeAuditEvent(tx, { action: 'exam_identity_flag.resolved', ...auditMeta(ctx), target: { type: 'exam_identity_flag', id: flag.id }, summary: { after: { status } }, reason: note });
  });
};
