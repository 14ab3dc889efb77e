import { findNotice, isNoticeAddressedTo, listInbox, listNotices, markNoticeRead, type InboxItem, type NoticeRow } from '../../persistence/repositories/communications.repository.js';
import { organisationsOf } from '../access/actor.js';
import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { NotFound } from '../errors.js';

/** The inbox of an organisation user: notices addressed to any of their organisations, with their own read state. */
export const listMyInbox = async (ctx: UseCaseContext): Promise<InboxItem[]> => {
  authorize(ctx.actor, 'communications.inbox');
  if (ctx.actor.kind !== 'user') return [];
  return listInbox(ctx.db, organisationsOf(ctx.actor), ctx.actor.userId);
};

/** Opens one notice (marking it read). A notice not addressed to the user's organisations is "not found". */
export const readNotice = async (ctx: UseCaseContext, id: string): Promise<NoticeRow> => {
  authorize(ctx.actor, 'communications.inbox');
  if (ctx.actor.kind !== 'user' || !(await isNoticeAddressedTo(ctx.db, id, organisationsOf(ctx.actor)))) throw new NotFound('notice');
  const notice = await findNotice(ctx.db, id);
  if (!notice) throw new NotFound('notice');
  await markNoticeRead(ctx.db, id, ctx.actor.userId, ctx.clock.now());
  return notice;
};

export const listSentNotices = async (ctx: UseCaseContext): Promise<NoticeRow[]> => {
  authorize(ctx.actor, 'communications.send');
  return listNotices(ctx.db);
};
