import type { Db } from '../../persistence/database.js';
import { findEstablishment } from '../../persistence/repositories/establishments.repository.js';
import { findJoinRequest, updateJoinRequestGuarded, type JoinRequestRow } from '../../persistence/repositories/join-requests.repository.js';
import { findOrganisation } from '../../persistence/repositories/organisations.repository.js';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import { transition, type JoinRequestEvent } from './join-request.states.js';

export const CONCURRENT_CHANGE = {
  ja: 'この申請は、他の担当者が先に更新しました。最新の内容を確認してから、もう一度操作してください。',
  en: 'Someone else updated this application first. Check the latest version and try again.',
};

/**
 * Moves a join request through its state machine with optimistic concurrency: the update applies only if the
 * request still has the lock_version the actor saw. Two reviewers deciding at once: one wins, the other gets Conflict.
 */
export const applyJoinRequestEvent = async (
  tx: Db,
  id: string,
  event: JoinRequestEvent,
  seenLockVersion: number,
  set: Parameters<typeof updateJoinRequestGuarded>[3] = {},
): Promise<{ before: JoinRequestRow; after: JoinRequestRow }> => {
  const before = await findJoinRequest(tx, id);
  if (!before) throw new NotFound('join_request');
  if (before.lockVersion !== seenLockVersion) throw new Conflict('join request changed', CONCURRENT_CHANGE);
  const status = transition(before.status, event);
  const after = await updateJoinRequestGuarded(tx, id, seenLockVersion, { ...set, status });
  if (!after) throw new Conflict('join request changed', CONCURRENT_CHANGE);
  return { before, after };
};

export const namesFor = async (tx: Db, row: JoinRequestRow): Promise<{ organisationName: string; establishmentName: string }> => {
  const [org, est] = await Promise.all([findOrganisation(tx, row.organisationId), row.establishmentId ? findEstablishment(tx, row.establishmentId) : undefined]);
  return { organisationName: org?.name ?? '', establishmentName: est?.name ?? '' };
};

/** A reason sent to the applicant (refusal or correction notice): required, at most 2000 characters. */
export const reasonOf = (raw: unknown, field: string): string => {
  const reason = typeof raw === 'string' ? raw.trim() : '';
  if (!reason) throw new InvalidInput([{ field, message: { ja: '理由を入力してください（申請者に通知されます）', en: 'Enter the reason (it is sent to the applicant)' } }]);
  if (reason.length > 2000) throw new InvalidInput([{ field, message: { ja: '理由は2000文字以内で入力してください', en: 'The reason must be 2000 characters or fewer' } }]);
  return reason;
};
