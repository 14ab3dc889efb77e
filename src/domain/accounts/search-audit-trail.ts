import { authorize } from '../access/policies.js';
import { AUDIT_ACTIONS, searchAuditEvents, type AuditEventRow } from '../../persistence/audit/index.js';
import { findUserByEmail } from '../../persistence/repositories/users.repository.js';
import type { UseCaseContext } from './context.js';

export type AuditTrailFilters = { action?: string; actor?: string; targetType?: string; targetId?: string; from?: string; to?: string; text?: string };

/** Start of a Japan calendar day as an instant. */
const jstMidnight = (date: string): Date => new Date(`${date}T00:00:00+09:00`);

/**
 * Audit search for staff (secretariat admins and observers). `actor` is an email or a user id; dates are Japan
 * calendar days, both inclusive.
 */
export const searchAuditTrail = async (
  ctx: UseCaseContext,
  filters: AuditTrailFilters,
  beforeSeq?: number,
): Promise<{ events: (AuditEventRow & { actorEmail?: string })[]; nextBeforeSeq: number | null; actions: readonly string[] }> => {
  authorize(ctx.actor, 'audit.read');
  let actorUserId: string | undefined;
  if (filters.actor) {
    if (/^[0-9a-f-]{36}$/i.test(filters.actor)) actorUserId = filters.actor;
    else actorUserId = (await findUserByEmail(ctx.db, filters.actor))?.id ?? '00000000-0000-0000-0000-000000000000';
  }
  const to = filters.to ? new Date(jstMidnight(filters.to).getTime() + 86_400_000) : undefined;
  const result = await searchAuditEvents(
    ctx.db,
    {
      ...(filters.action ? { action: filters.action } : {}),
      ...(actorUserId ? { actorUserId } : {}),
      ...(filters.targetType ? { targetType: filters.targetType } : {}),
      ...(filters.targetId ? { targetId: filters.targetId } : {}),
      ...(filters.from ? { from: jstMidnight(filters.from) } : {}),
      ...(to ? { to } : {}),
      ...(filters.text ? { text: filters.text } : {}),
    },
    { limit: 50, ...(beforeSeq ? { beforeSeq } : {}) },
  );
  return { ...result, actions: AUDIT_ACTIONS };
};
