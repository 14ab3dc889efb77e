import type { Actor } from '../access/actor.js';
import type { Db } from '../../persistence/database.js';
import {
  findParameterOverride,
  findReferenceList,
  updateParameterOverrideGuarded,
  updateReferenceListGuarded,
  type ParameterOverrideRow,
  type ReferenceListRow,
  type WorkflowUpdate,
} from '../../persistence/repositories/reference-data.repository.js';
import { Conflict, DomainError, NotFound } from '../errors.js';
import { transition, type ReferenceChangeEvent } from './reference-change.states.js';

// Shared by the workflow use cases: load a change, check four eyes, move it through the state machine with
// optimistic concurrency.

export type ChangeTarget = 'list' | 'parameter';
export type ChangeRow = ({ target: 'list' } & ReferenceListRow) | ({ target: 'parameter' } & ParameterOverrideRow);

export const isChangeTarget = (v: unknown): v is ChangeTarget => v === 'list' || v === 'parameter';

export const CONCURRENT_CHANGE = {
  ja: 'この変更は、他の担当者が先に更新しました。最新の内容を確認してから、もう一度操作してください。',
  en: 'Someone else updated this change first. Check the latest version and try again.',
};

export class FourEyesRefused extends DomainError {
  constructor(step: 'review' | 'publish') {
    super('forbidden', `reference data: the person who loaded a change may not ${step} it`, {
      ja: step === 'review' ? '自分が登録した変更を確認することはできません。別の管理者が確認してください。' : '自分が登録した変更を公開することはできません。別の管理者が公開してください。',
      en: step === 'review' ? 'You cannot review a change you loaded: another administrator must review it.' : 'You cannot publish a change you loaded: another administrator must publish it.',
    });
  }
}

export const loadChange = async (db: Db, target: ChangeTarget, id: string): Promise<ChangeRow> => {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFound('reference change');
  const row = target === 'list' ? await findReferenceList(db, id) : await findParameterOverride(db, id);
  if (!row) throw new NotFound('reference change');
  return { ...row, target } as ChangeRow;
};

export const userIdOf = (actor: Actor): string => {
  if (actor.kind !== 'user') throw new DomainError('forbidden', 'reference data changes are made by signed-in staff');
  return actor.userId;
};

/** Applies `event` to the change (state machine + lock_version); Conflict if someone moved it first. */
export const applyChangeEvent = async (
  tx: Db,
  row: ChangeRow,
  event: ReferenceChangeEvent,
  seenLockVersion: number,
  set: Omit<WorkflowUpdate, 'status'> = {},
): Promise<ChangeRow> => {
  if (row.lockVersion !== seenLockVersion) throw new Conflict('reference change changed', CONCURRENT_CHANGE);
  const status = transition(row.status, event);
  const after =
    row.target === 'list'
      ? await updateReferenceListGuarded(tx, row.id, seenLockVersion, { ...set, status })
      : await updateParameterOverrideGuarded(tx, row.id, seenLockVersion, { ...set, status });
  if (!after) throw new Conflict('reference change changed', CONCURRENT_CHANGE);
  return { ...after, target: row.target } as ChangeRow;
};

export const keyOf = (row: ChangeRow): string => (row.target === 'list' ? row.kind : row.parameterId);
