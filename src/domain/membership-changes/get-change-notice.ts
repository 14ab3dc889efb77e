import { authorize, can } from '../access/policies.js';
import { NotFound } from '../errors.js';
import { findChangeNotice, listChangeNotices, listOpenSideBySide, type ChangeNoticeListItem, type ChangeNoticeRow } from '../../persistence/repositories/change-notices.repository.js';
import { findEstablishment } from '../../persistence/repositories/establishments.repository.js';
import { findOrganisation } from '../../persistence/repositories/organisations.repository.js';
import type { ChangeDetails } from './change-details.js';
import type { LifecycleContext } from './lifecycle-common.js';
import { previewMergerTarget, type MergerTargetPreview } from './merger-target.js';

export type ChangeNoticeDetail = { notice: ChangeNoticeRow; organisationName: string; establishmentName: string | null; canReview: boolean; mergerTarget: MergerTargetPreview | null };

/** One notice, for its organisation or the secretariat (named information handlers). */
export const getChangeNotice = async (ctx: LifecycleContext, id: string): Promise<ChangeNoticeDetail> => {
  const notice = await findChangeNotice(ctx.db, id);
  const canReview = can(ctx.actor, 'membership_change.review');
  if (!canReview) authorize(ctx.actor, 'organisation.read', { organisationId: notice?.organisationId ?? '-' });
  if (!notice) throw new NotFound('change_notice');
  const [org, est] = await Promise.all([findOrganisation(ctx.db, notice.organisationId), notice.establishmentId ? findEstablishment(ctx.db, notice.establishmentId) : undefined]);
  const mergerTarget = notice.kind === 'merger' ? await previewMergerTarget(ctx.db, notice.details as ChangeDetails) : null;
  return { notice, organisationName: org?.name ?? '', establishmentName: est?.name ?? null, canReview, mergerTarget };
};

/** The secretariat's queue of notices waiting for a decision, oldest first. */
export const listChangeNoticeQueue = async (ctx: LifecycleContext): Promise<ChangeNoticeListItem[]> => {
  authorize(ctx.actor, 'membership_change.review');
  return listChangeNotices(ctx.db, { statuses: ['submitted'] });
};

export const listChangeNoticesOfOrganisation = async (ctx: LifecycleContext, organisationId: string) => {
  authorize(ctx.actor, 'organisation.read', { organisationId });
  const [notices, sideBySide] = await Promise.all([listChangeNotices(ctx.db, { organisationId }), listOpenSideBySide(ctx.db, organisationId)]);
  return { notices, sideBySide };
};
