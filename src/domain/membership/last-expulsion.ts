import { legalDate } from '../../../rules/core/index.js';
import type { Db } from '../../persistence/database.js';
import { rejoinBlockFor } from '../expulsion/rejoin-block.js';
import type { LastExpulsion } from './join-form.js';

/**
 * The applicant's last expulsion still blocking a new application, passed to the `jaim-join` determination for the
 * one-year re-join block (council-operating-rules art.10(4)(ii), jaim-membership-faq Q2-1). Expulsions are recorded by
 * the expulsion module (issue 4 M8) with the day the block lifts; after that day nothing is passed.
 */
export const lastExpulsionFor = async (db: Db, corporateNumber: string | null, asOf: string): Promise<LastExpulsion> => {
  if (!corporateNumber) return null;
  const block = await rejoinBlockFor(db, corporateNumber, asOf);
  if (!block) return null;
  return { on: legalDate(block.expelledOn), body: 'council', ground: `art14_1_${block.ground}` };
};
