// Bulk seeding for benchmarks and load tests only: multi-row inserts of synthetic organisations, establishments and
// roster listings. Never called by the application.
import { sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { establishments, organisations } from '../schema/organisations.js';
import { rosterEntries } from '../schema/roster-entries.js';

export type SyntheticCompany = { corporateNumber: string; name: string; nameKana: string; prefecture: string; searchText: string };

export async function countRosterEntries(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(rosterEntries);
  return Number(rows[0]?.n ?? 0);
}

/** Inserts one organisation, one establishment and one open roster listing per company, 1,000 rows per statement. */
export async function bulkInsertListedCompanies(db: Db, companies: readonly SyntheticCompany[], listedFrom: string): Promise<void> {
  for (let i = 0; i < companies.length; i += 1000) {
    const chunk = companies.slice(i, i + 1000);
    await db.transaction(async (tx) => {
      const orgs = await tx
        .insert(organisations)
        .values(chunk.map((c) => ({ kind: 'accepting_company' as const, name: c.name, nameKana: c.nameKana, corporateNumber: c.corporateNumber, prefecture: c.prefecture })))
        .returning({ id: organisations.id, corporateNumber: organisations.corporateNumber });
      const byNumber = new Map(orgs.map((o) => [o.corporateNumber, o.id]));
      const ests = await tx
        .insert(establishments)
        .values(chunk.map((c) => ({ organisationId: byNumber.get(c.corporateNumber)!, name: `${c.name} 本社工場`, nameKana: c.nameKana, prefecture: c.prefecture, jsicCodes: ['2451'] })))
        .returning({ id: establishments.id, organisationId: establishments.organisationId });
      const companyByOrg = new Map(chunk.map((c) => [byNumber.get(c.corporateNumber)!, c]));
      await tx.insert(rosterEntries).values(
        ests.map((e) => {
          const c = companyByOrg.get(e.organisationId)!;
          return {
            establishmentId: e.id,
            organisationId: e.organisationId,
            roster: 'jaim' as const,
            listedFrom,
            establishmentName: `${c.name} 本社工場`,
            establishmentNameKana: c.nameKana,
            organisationName: c.name,
            corporateNumber: c.corporateNumber,
            prefecture: c.prefecture,
            address: null,
            jsicCodes: ['2451'],
            joinRequestId: null,
            searchText: c.searchText,
          };
        }),
      );
    });
  }
}
