import { z } from 'zod';
import { type LegalDate, isLegalDate } from '../../core/index.js';

/** A calendar date written YYYY-MM-DD. */
export const legalDateFact = z.string().pipe(z.custom<LegalDate>((v) => isLegalDate(v), { message: 'YYYY-MM-DD の暦日 / a calendar date YYYY-MM-DD' }));

/** Yes, no, or not yet known (unknown leads to review, never to a silent yes or no). */
export const triState = z.union([z.boolean(), z.literal('unknown')]);
