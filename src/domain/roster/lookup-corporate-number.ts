import { isLegalDate, japanDateOf, type LegalDate } from '../../../rules/core/index.js';
import type { Db } from '../../persistence/database.js';
import { rosterListingsByCorporateNumber, type RosterListing } from '../../persistence/repositories/roster.repository.js';
import { authorize } from '../access/policies.js';
import type { Actor } from '../access/actor.js';
import { InvalidInput } from '../errors.js';
import { checkCorporateNumber, CORPORATE_NUMBER_MESSAGES } from '../membership/corporate-number.js';
import { validRosterFor, type ValidRoster } from './valid-roster.js';

export type CorporateNumberLookup = { corporateNumber: string; asOf: LegalDate; validRoster: ValidRoster | undefined; listings: RosterListing[] };

/**
 * Every establishment of one 法人番号 listed on `asOf` (default: today in Japan), and which roster counted for
 * immigration filings that day. The benchmarked route: one indexed query, nothing else per request.
 */
export const lookupCorporateNumber = async (ctx: { actor: Actor; db: Db; clock: { now(): Date } }, rawNumber: string, rawAsOf?: string): Promise<CorporateNumberLookup> => {
  authorize(ctx.actor, 'roster.read');
  const checked = checkCorporateNumber(rawNumber);
  if (!checked.ok) throw new InvalidInput([{ field: 'number', message: CORPORATE_NUMBER_MESSAGES[checked.problem] }]);
  if (rawAsOf !== undefined && !isLegalDate(rawAsOf)) throw new InvalidInput([{ field: 'asOf', message: { ja: '日付は YYYY-MM-DD の形式で指定してください', en: 'Give the date as YYYY-MM-DD' } }]);
  const asOf = rawAsOf ?? japanDateOf(ctx.clock.now());
  const listings = await rosterListingsByCorporateNumber(ctx.db, checked.value, asOf);
  return { corporateNumber: checked.value, asOf, validRoster: validRosterFor(asOf), listings };
};
