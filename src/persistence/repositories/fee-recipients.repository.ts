// Finding the company and establishment to invoice (staff fee pages): a name search insensitive to width, case,
// katakana/hiragana and spaces (the same normalisation as roster search: domain/roster/search-text.ts), or 法人番号.
import { type SQL, and, asc, eq, like, or, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { establishments, organisations } from '../schema/organisations.js';

export type CompanyMatch = { id: string; name: string; nameKana: string | null; corporateNumber: string | null; prefecture: string | null };

const range = (from: number, to: number): string => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)).join('');
const KATAKANA = range(0x30a1, 0x30f6);
const HIRAGANA = range(0x3041, 0x3096);

/** The SQL twin of normaliseForSearch: NFKC, lower case, katakana → hiragana, no whitespace. */
const normalised = (column: SQL | typeof organisations.name): SQL =>
  sql`regexp_replace(translate(lower(normalize(coalesce(${column}, ''), NFKC)), ${KATAKANA}, ${HIRAGANA}), '\\s+', '', 'g')`;

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Accepting companies whose name or reading contains `needle` (already normalised by the caller), or whose 法人番号
 * starts with `digits` (when given), by name.
 */
export async function searchCompanies(db: Db, needle: string, digits: string | null, limit = 20): Promise<CompanyMatch[]> {
  const pattern = `%${escapeLike(needle)}%`;
  const conditions: SQL[] = [];
  if (needle) conditions.push(sql`${normalised(organisations.name)} LIKE ${pattern}`, sql`${normalised(sql`${organisations.nameKana}`)} LIKE ${pattern}`);
  if (digits) conditions.push(like(organisations.corporateNumber, `${digits}%`));
  if (conditions.length === 0) return [];
  return db
    .select({ id: organisations.id, name: organisations.name, nameKana: organisations.nameKana, corporateNumber: organisations.corporateNumber, prefecture: organisations.prefecture })
    .from(organisations)
    .where(and(eq(organisations.kind, 'accepting_company'), or(...conditions)))
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(limit);
}

export type EstablishmentChoice = { id: string; name: string; address: string | null; jsicCodes: string[] };

export async function establishmentsOfCompany(db: Db, organisationId: string): Promise<EstablishmentChoice[]> {
  return db
    .select({ id: establishments.id, name: establishments.name, address: establishments.address, jsicCodes: establishments.jsicCodes })
    .from(establishments)
    .where(eq(establishments.organisationId, organisationId))
    .orderBy(asc(establishments.name), asc(establishments.id));
}
