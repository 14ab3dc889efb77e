import { randomUUID } from 'node:crypto';
import { japanDateOf } from '../../../rules/core/index.js';
import { appendAuditEvents, type AuditEventInput } from '../../persistence/audit/index.js';
import {
  allowBulkWorkMemory,
  findEstablishmentsOfOrganisations,
  findMigrationBatch,
  insertCouncilListingsBulk,
  insertEstablishmentsBulk,
  insertMigratedJoinRequestsBulk,
  insertMigrationRecordsBulk,
  insertOrganisationsBulk,
  recordAppliedReport,
  updateMigrationBatchGuarded,
  type BulkCouncilListing,
  type BulkEstablishment,
  type BulkJoinRequest,
  type BulkMigrationRecord,
  type BulkOrganisation,
} from '../../persistence/repositories/council-migration.repository.js';
import { OverlappedWrites } from '../../persistence/overlapped-writes.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { Conflict, NotFound } from '../errors.js';
import { transition } from '../membership/join-request.states.js';
import { normaliseForSearch, searchTextFor } from '../roster/search-text.js';
import { batchTransition, type BatchState } from './batch.states.js';
import { planImport, type DryRunReport } from './check-council-import.js';
import type { MigrationContext } from './context.js';

export type ApplyResult = { batchId: string; organisationsCreated: number; organisationsLinked: number; establishmentsCreated: number; establishmentsLinked: number; joinApplications: number; informationOnly: number; councilListings: number; skipped: number; report: DryRunReport };

/**
 * M11 step 2: apply a checked batch in one transaction. Organisations are linked by 法人番号 or created, establishments
 * linked by name within the organisation or created; each "full" row becomes a JAIM join application, submitted
 * (到達) and marked migrated with the template re-submission simplified (jaim-membership-faq Q2-2-4); each
 * "information_only" row is recorded as such. Every record gets an audit entry. Rows are re-checked against the
 * database at apply time, so a member migrated since the dry run is skipped as a duplicate.
 */
export const applyCouncilImport = async (ctx: MigrationContext, input: { batchId: string; lockVersion: number }): Promise<ApplyResult> => {
  authorize(ctx.actor, 'council_migration.manage');
  const batch = await findMigrationBatch(ctx.db, input.batchId);
  if (!batch) throw new NotFound('council migration batch');
  const next = batchTransition(batch.status as BatchState, 'apply');
  if (batch.lockVersion !== input.lockVersion) throw new Conflict('batch changed', { ja: 'この取込みは他の担当者が先に操作しました。最新の状態を確認してください。', en: 'Someone else acted on this import first. Check its current state.' });
  const now = ctx.clock.now();
  const today = japanDateOf(now);
  const meta = auditMeta(ctx);

  return ctx.db.transaction(async (tx) => {
    // Claim the batch first: a second apply (or a discard) of the same batch waits on this row and then conflicts,
    // instead of running the whole import and failing on a unique key.
    const won = await updateMigrationBatchGuarded(tx, batch.id, { status: batch.status, lockVersion: batch.lockVersion }, { status: next, appliedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, appliedAt: now });
    if (!won) throw new Conflict('batch changed', { ja: 'この取込みは他の担当者が先に操作しました。最新の状態を確認してください。', en: 'Someone else acted on this import first. Check its current state.' });
    await allowBulkWorkMemory(tx);
    const { report, rows, existingOrgs } = await planImport(tx, batch.rawCsv);
    const existingEsts = await findEstablishmentsOfOrganisations(tx, [...existingOrgs.values()]);
    // Each table's rows are prepared while the database is still writing the previous table's.
    const writes = new OverlappedWrites();

    // Organisations: one per 法人番号, linked when it exists.
    const orgIdByNumber = new Map(existingOrgs);
    const newOrgs: BulkOrganisation[] = [];
    for (const r of rows) {
      if (orgIdByNumber.has(r.corporateNumber)) continue;
      const id = randomUUID();
      orgIdByNumber.set(r.corporateNumber, id);
      newOrgs.push({ id, name: r.companyName, nameKana: r.companyNameKana, corporateNumber: r.corporateNumber, prefecture: r.prefecture, address: r.address });
    }
    await writes.next(() => insertOrganisationsBulk(tx, newOrgs, now));

    // Establishments: linked by (organisation, normalised name), else created.
    const estKey = (orgId: string, name: string) => `${orgId}\u0000${normaliseForSearch(name)}`;
    const estIdByKey = new Map(existingEsts.map((e) => [estKey(e.organisationId, e.name), e.id]));
    const newEsts: BulkEstablishment[] = [];
    const orgIdOfRow: string[] = [];
    const estIdOfRow: string[] = [];
    const estCreatedForRow: boolean[] = [];
    for (const r of rows) {
      const orgId = orgIdByNumber.get(r.corporateNumber)!;
      const key = estKey(orgId, r.establishmentName);
      let estId = estIdByKey.get(key);
      estCreatedForRow.push(!estId);
      if (!estId) {
        estId = randomUUID();
        estIdByKey.set(key, estId);
        newEsts.push({ id: estId, organisationId: orgId, name: r.establishmentName, prefecture: r.prefecture, address: r.address, jsicCodes: r.jsicCodes });
      }
      orgIdOfRow.push(orgId);
      estIdOfRow.push(estId);
    }
    await writes.next(() => insertEstablishmentsBulk(tx, newEsts, now));

    // The council listing the member had (so the roster as of past dates shows it), unless one is already there.
    const listings: BulkCouncilListing[] = rows.map((r, i) => ({
      establishmentId: estIdOfRow[i]!,
      organisationId: orgIdOfRow[i]!,
      listedFrom: r.listedDate,
      establishmentName: r.establishmentName,
      organisationName: r.companyName,
      corporateNumber: r.corporateNumber,
      prefecture: r.prefecture,
      address: r.address,
      jsicCodes: r.jsicCodes,
      searchText: searchTextFor([r.establishmentName, null, r.companyName, r.companyNameKana]),
      establishmentIsNew: estCreatedForRow[i]!,
    }));
    let councilListings = 0;
    await writes.next(async () => {
      councilListings = await insertCouncilListingsBulk(tx, listings, now);
    });

    // JAIM join applications for "full" rows: status through the join-request machine (draft → submit → 到達).
    const submitted = transition('draft', 'submit');
    const joinRequests: BulkJoinRequest[] = [];
    const records: BulkMigrationRecord[] = [];
    const audits: AuditEventInput[] = [];
    rows.forEach((r, i) => {
      const organisationId = orgIdOfRow[i]!;
      const establishmentId = estIdOfRow[i]!;
      let joinRequestId: string | null = null;
      if (r.choice === 'full') {
        joinRequestId = randomUUID();
        joinRequests.push({
          id: joinRequestId,
          organisationId,
          establishmentId,
          status: submitted,
          answers: {
            migratedFromCouncil: { councilMemberId: r.councilMemberId, batchId: batch.id, listedDate: r.listedDate, citation: 'jaim-membership-faq Q2-2-1, Q2-2-4' },
            templateResubmission: 'simplified',
            company: { name: r.companyName, nameKana: r.companyNameKana, corporateNumber: r.corporateNumber },
            establishment: { name: r.establishmentName, address: r.address, prefecture: r.prefecture, jsicCodes: r.jsicCodes },
          },
        });
      }
      records.push({ batchId: batch.id, councilMemberId: r.councilMemberId, choice: r.choice, organisationId, establishmentId, joinRequestId, corporateNumber: r.corporateNumber, migratedOn: today });
      audits.push({
        ...meta,
        occurredAt: now,
        action: 'council_migration.record_imported',
        target: joinRequestId ? { type: 'join_request', id: joinRequestId } : { type: 'establishment', id: establishmentId },
        summary: { after: { councilMemberId: r.councilMemberId, choice: r.choice, organisationId, establishmentId, batchId: batch.id, line: r.line } },
      });
    });
    await writes.next(() => insertMigratedJoinRequestsBulk(tx, joinRequests, now));
    await writes.next(() => insertMigrationRecordsBulk(tx, records, now));
    await writes.drain();

    const result: ApplyResult = {
      batchId: batch.id,
      organisationsCreated: newOrgs.length,
      organisationsLinked: existingOrgs.size,
      establishmentsCreated: newEsts.length,
      establishmentsLinked: rows.length - estCreatedForRow.filter(Boolean).length,
      joinApplications: joinRequests.length,
      informationOnly: records.length - joinRequests.length,
      councilListings,
      skipped: report.total - rows.length,
      report,
    };
    audits.push({ ...meta, occurredAt: now, action: 'council_migration.applied', target: { type: 'council_migration_batch', id: batch.id }, summary: { before: { status: batch.status }, after: { status: next, ...result, report: undefined } } });
    // The audit chain's lock is taken only now, so other writers wait for the chain no longer than the entries take.
    await appendAuditEvents(tx, audits);
    await recordAppliedReport(tx, batch.id, { ...report, applied: { ...result, report: undefined } });
    return result;
  });
};
