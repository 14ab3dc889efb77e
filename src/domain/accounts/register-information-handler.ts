import { z } from 'zod';
import { authorize } from '../access/policies.js';
import { Conflict, InvalidInput } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { sqlStateOf } from '../../persistence/errors.js';
import { insertInformationHandler } from '../../persistence/repositories/information-handlers.repository.js';
import { findUserByEmail } from '../../persistence/repositories/users.repository.js';
import { auditMeta, type UseCaseContext } from './context.js';

const input = z.object({
  email: z.string().trim().max(254),
  department: z.string().trim().max(200).optional(),
  position: z.string().trim().max(200).optional(),
  note: z.string().trim().max(1000).optional(),
});

/** Adds a staff member to the named list of information handlers (support-project-spec 4①). */
export const registerInformationHandler = async (ctx: UseCaseContext, raw: z.input<typeof input>): Promise<{ id: string }> => {
  authorize(ctx.actor, 'information_handlers.manage');
  const data = input.parse(raw);
  const user = data.email ? await findUserByEmail(ctx.db, data.email) : undefined;
  if (!user) throw new InvalidInput([{ field: 'email', message: { ja: 'このメールアドレスの職員アカウントが見つかりません。', en: 'No staff account has this email address.' } }]);
  if (!user.isStaff) throw new InvalidInput([{ field: 'email', message: { ja: '情報取扱者に登録できるのは職員のみです。', en: 'Only staff can be registered as information handlers.' } }]);
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await insertInformationHandler(tx, {
        userId: user.id,
        department: data.department || null,
        position: data.position || null,
        note: data.note || null,
        registeredBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        registeredAt: ctx.clock.now(),
      });
      await writeAuditEvent(tx, {
        ...auditMeta(ctx),
        action: 'information_handler.registered',
        target: { type: 'information_handler', id: row.id },
        summary: { before: null, after: { userId: user.id, department: data.department ?? null, position: data.position ?? null } },
      });
      return row;
    });
  } catch (error) {
    if (sqlStateOf(error) === '23505') throw new Conflict('already a handler', { ja: 'この職員はすでに登録されています。', en: 'This person is already registered.' });
    throw error;
  }
};

