import type { LegalDate } from '../../../rules/core/index.js';
import type { Db } from '../../persistence/database.js';
import { latestBlockingExpulsion } from '../../persistence/repositories/expulsions.repository.js';

export type RejoinBlock = {
  readonly expulsionId: string;
  readonly expelledOn: string;
  readonly ground: 'i' | 'ii' | 'iii';
  /** First day a join notice is no longer refused (rejoinBlockLiftedOn, council art.10(4)(ii)). */
  readonly liftedOn: string;
};

/**
 * For the join flow: the re-join block on `date` for a 法人番号, or null. A member expelled under art.14(1)(i)–(iii) is
 * refused (art.10(4)(ii)) until a year has passed; the lift date was stored when the expulsion was approved. The
 * result can feed `refusalRecentlyExpelled` as `lastExpulsion: { date: expelledOn, ground }`.
 */
export const rejoinBlockFor = async (db: Db, corporateNumber: string, date: LegalDate | string): Promise<RejoinBlock | null> => {
  const row = await latestBlockingExpulsion(db, corporateNumber);
  if (!row || !row.rejoinBlockLiftedOn || !row.expelledOn) return null;
  if (date >= row.rejoinBlockLiftedOn) return null;
  const ground = (['i', 'ii', 'iii'] as const).find((g) => row.grounds.includes(g)) ?? 'i';
  return { expulsionId: row.id, expelledOn: row.expelledOn, ground, liftedOn: row.rejoinBlockLiftedOn };
};
