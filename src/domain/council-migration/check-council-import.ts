import { createHash } from 'node:crypto';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import {
  findMigratedMemberIds,
  findOrganisationIdsByCorporateNumbers,
  insertMigrationBatch,
  type BatchSummary,
} from '../../persistence/repositories/council-migration.repository.js';
import type { Db } from '../../persistence/database.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { InvalidInput } from '../errors.js';
import type { MigrationContext } from './context.js';
import { findDuplicates, parseCouncilImport, type Duplicate, type ImportRow, type RowError } from './import-format.js';

export type DryRunReport = {
  total: number;
  valid: number;
  errorCount: number;
  errors: RowError[];
  duplicates: Duplicate[];
  joinApplications: number;
  informationOnly: number;
  newOrganisations: number;
  linkedOrganisations: number;
  /** The first rows to be applied, with what will happen to each (for the report page). */
  preview: { line: number; councilMemberId: string; companyName: string; establishmentName: string; choice: ImportRow['choice']; organisation: 'new' | 'linked' }[];
};

const REPORT_LIST_LIMIT = 500;

/** Classifies the rows of a file against the database as it is now: what applying would do. */
export const planImport = async (db: Db, csv: string): Promise<{ report: DryRunReport; rows: ImportRow[]; existingOrgs: Map<string, string> }> => {
  const parsed = parseCouncilImport(csv);
  if (parsed.headerProblem) throw new InvalidInput([{ field: 'file', message: parsed.headerProblem }]);
  const migrated = await findMigratedMemberIds(db, [...new Set(parsed.rows.map((r) => r.councilMemberId))]);
  const { unique, duplicates } = findDuplicates(parsed.rows, migrated);
  const numbers = [...new Set(unique.map((r) => r.corporateNumber))];
  const existingOrgs = await findOrganisationIdsByCorporateNumbers(db, numbers);
  const report: DryRunReport = {
    total: parsed.total,
    valid: parsed.rows.length,
    errorCount: parsed.errors.length,
    errors: parsed.errors.slice(0, REPORT_LIST_LIMIT),
    duplicates: duplicates.slice(0, REPORT_LIST_LIMIT),
    joinApplications: unique.filter((r) => r.choice === 'full').length,
    informationOnly: unique.filter((r) => r.choice === 'information_only').length,
    newOrganisations: numbers.filter((n) => !existingOrgs.has(n)).length,
    linkedOrganisations: numbers.filter((n) => existingOrgs.has(n)).length,
    preview: unique.slice(0, 100).map((r) => ({ line: r.line, councilMemberId: r.councilMemberId, companyName: r.companyName, establishmentName: r.establishmentName, choice: r.choice, organisation: existingOrgs.has(r.corporateNumber) ? 'linked' : 'new' })),
  };
  (report as DryRunReport & { duplicateCount: number }).duplicateCount = duplicates.length;
  return { report, rows: unique, existingOrgs };
};

export const MAX_FILE_BYTES = 30 * 1024 * 1024;

/** M11 step 1: upload the council's member file and get the dry-run report. Nothing is created yet. */
export const checkCouncilImport = async (ctx: MigrationContext, input: { fileName: string; csv: string }): Promise<BatchSummary & { report: DryRunReport }> => {
  authorize(ctx.actor, 'council_migration.manage');
  if (!input.csv.trim()) throw new InvalidInput([{ field: 'file', message: { ja: 'CSV ファイルを選択してください', en: 'Choose a CSV file' } }]);
  if (Buffer.byteLength(input.csv, 'utf8') > MAX_FILE_BYTES) throw new InvalidInput([{ field: 'file', message: { ja: 'ファイルが大きすぎます（30MB まで）', en: 'The file is too large (30 MB at most)' } }]);
  const { report } = await planImport(ctx.db, input.csv);
  const now = ctx.clock.now();
  const fileSha256 = createHash('sha256').update(input.csv, 'utf8').digest('hex');
  return ctx.db.transaction(async (tx) => {
    const batch = await insertMigrationBatch(tx, {
      fileName: input.fileName.slice(0, 200) || 'council.csv',
      fileSha256,
      rawCsv: input.csv,
      rowCount: report.total,
      report,
      status: 'checked',
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      createdAt: now,
    });
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'council_migration.checked',
      target: { type: 'council_migration_batch', id: batch.id },
      summary: { after: { fileSha256, total: report.total, valid: report.valid, errors: report.errorCount, joinApplications: report.joinApplications, informationOnly: report.informationOnly } },
    });
    return { ...batch, report };
  });
};
