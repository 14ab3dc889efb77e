import { z } from 'zod';

export const RosterListingSchema = z.object({
  id: z.string(),
  roster: z.enum(['council', 'jaim']).meta({ description: 'council = 協議・連絡会 構成員名簿; jaim = JAIM 賛助会員名簿' }),
  listedFrom: z.string().meta({ description: 'First day listed (Japan date)' }),
  listedUntil: z.string().nullable().meta({ description: 'First day no longer listed (half-open period), or null' }),
  establishmentId: z.string(),
  establishmentName: z.string(),
  establishmentNameKana: z.string().nullable(),
  organisationName: z.string(),
  corporateNumber: z.string().nullable(),
  prefecture: z.string().nullable().meta({ description: 'JIS X 0401 prefecture code (01–47)' }),
  address: z.string().nullable(),
  jsicCodes: z.array(z.string()),
  previousName: z.string().nullable(),
});

export const ValidRosterSchema = z
  .object({ roster: z.enum(['council', 'jaim']), citation: z.string(), message: z.object({ ja: z.string(), en: z.string() }) })
  .nullable()
  .meta({ description: 'The roster immigration filings rest on that day, with the provision applied; null before the council existed' });
