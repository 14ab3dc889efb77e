import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../src/config/env.js';
import { checkCorporateNumber } from '../../../src/domain/membership/corporate-number.js';
import { DEMO_COMPANIES } from '../../../src/demo/demo-companies.js';
import { loadDemoDataIfEmpty } from '../../../src/demo/load-demo-data.js';
import { createServices } from '../../../src/http/create-services.js';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import { searchRoster } from '../../../src/persistence/repositories/roster.repository.js';
import { fixedClock } from '../../helpers/test-app.js';
import { createTestDatabase } from '../../helpers/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe('demo data', () => {
  it('every demo 法人番号 has a valid check digit', () => {
    for (const c of DEMO_COMPANIES) expect(checkCorporateNumber(c.corporateNumber).ok, c.name).toBe(true);
  });

  it('loads once into an empty database, with requests in every state, and not again', async () => {
    const services = createServices(testConfig(), database, { clock: fixedClock('2026-11-20T03:00:00Z') });
    const logins = await loadDemoDataIfEmpty(database, services);
    expect(logins).not.toBeNull();
    expect(logins!.filter((l) => l.totpSecret).map((l) => l.role).sort()).toEqual(
      ['coordinator', 'desk_operator', 'exam_admin', 'observer', 'proctor', 'secretariat_admin', 'secretariat_reviewer'],
    );
    const statuses = rowsOf<{ status: string }>(await database.db.execute(sql`SELECT status FROM join_requests`)).map((r) => r.status).sort();
    expect(statuses).toEqual(['approved', 'approved', 'approved', 'correction_requested', 'refused', 'submitted', 'under_review']);
    expect(await loadDemoDataIfEmpty(database, services)).toBeNull();
    // Notices go out in the applicant's language (the 浪速バルブ admin reads English).
    const subjects = rowsOf<{ subject: string }>(await database.db.execute(sql`SELECT subject FROM outbox_emails WHERE to_address = 'naniwa@demo.jinzai.invalid'`)).map((r) => r.subject);
    expect(subjects).toEqual(expect.arrayContaining(['[Jinzai] Your application has been received', '[Jinzai] Your application has been approved']));
  });

  it('the roster differs before and after the council roster lapsed', async () => {
    const before = await searchRoster(database.db, { asOf: '2025-12-25', limit: 50, offset: 0 });
    expect(before.items.map((i) => i.establishmentName)).toEqual(['高岡工場']);
    const after = await searchRoster(database.db, { asOf: '2026-11-20', limit: 50, offset: 0 });
    expect(after.total).toBe(3);
    expect(after.items.every((i) => i.roster === 'jaim')).toBe(true);
  });
});
