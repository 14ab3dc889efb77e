// Reference data the operator loads (lists) or sets (parameter overrides), with their review workflow.
// Rows are never deleted or rewritten in content: only the workflow columns change, guarded by lock_version.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../database.js';
import {
  parameterOverrides,
  referenceDataVersion,
  referenceLists,
  type ReferenceCertainty,
  type ReferenceChangeStatus,
  type ReferenceListKind,
} from '../schema/reference-data.js';

export type ReferenceListRow = typeof referenceLists.$inferSelect;
export type ParameterOverrideRow = typeof parameterOverrides.$inferSelect;
export type { ReferenceCertainty, ReferenceChangeStatus, ReferenceListKind };

export type NewReferenceList = {
  kind: ReferenceListKind;
  effectiveFrom: string;
  content: unknown;
  rawCsv: string | null;
  rowCount: number;
  certainty: ReferenceCertainty;
  sourceNote: string;
  loadedBy: string;
  loadedAt: Date;
};

export async function insertReferenceList(db: Db, input: NewReferenceList): Promise<ReferenceListRow> {
  const [row] = await db
    .insert(referenceLists)
    .values({ ...input, status: 'draft', createdAt: input.loadedAt, updatedAt: input.loadedAt })
    .returning();
  if (!row) throw new Error('insert reference_lists returned no row');
  return row;
}

export type NewParameterOverride = {
  parameterId: string;
  effectiveFrom: string;
  value: unknown;
  certainty: ReferenceCertainty;
  sourceNote: string;
  loadedBy: string;
  loadedAt: Date;
};

export async function insertParameterOverride(db: Db, input: NewParameterOverride): Promise<ParameterOverrideRow> {
  const [row] = await db
    .insert(parameterOverrides)
    .values({ ...input, status: 'draft', createdAt: input.loadedAt, updatedAt: input.loadedAt })
    .returning();
  if (!row) throw new Error('insert parameter_overrides returned no row');
  return row;
}

export async function findReferenceList(db: Db, id: string): Promise<ReferenceListRow | undefined> {
  const [row] = await db.select().from(referenceLists).where(eq(referenceLists.id, id)).limit(1);
  return row;
}

export async function findParameterOverride(db: Db, id: string): Promise<ParameterOverrideRow | undefined> {
  const [row] = await db.select().from(parameterOverrides).where(eq(parameterOverrides.id, id)).limit(1);
  return row;
}

export type WorkflowUpdate = {
  status: ReferenceChangeStatus;
  reviewedBy?: string;
  reviewedAt?: Date;
  publishedBy?: string;
  publishedAt?: Date;
};

/** Applies a workflow change only if the row still has the lock_version the actor saw; undefined otherwise. */
export async function updateReferenceListGuarded(db: Db, id: string, seenLockVersion: number, set: WorkflowUpdate): Promise<ReferenceListRow | undefined> {
  const [row] = await db
    .update(referenceLists)
    .set({ ...set, lockVersion: sql`${referenceLists.lockVersion} + 1` })
    .where(and(eq(referenceLists.id, id), eq(referenceLists.lockVersion, seenLockVersion)))
    .returning();
  return row;
}

export async function updateParameterOverrideGuarded(db: Db, id: string, seenLockVersion: number, set: WorkflowUpdate): Promise<ParameterOverrideRow | undefined> {
  const [row] = await db
    .update(parameterOverrides)
    .set({ ...set, lockVersion: sql`${parameterOverrides.lockVersion} + 1` })
    .where(and(eq(parameterOverrides.id, id), eq(parameterOverrides.lockVersion, seenLockVersion)))
    .returning();
  return row;
}

/** Every list row (all statuses), for the operator's page: by kind, then effective date, then load time. */
export async function listReferenceLists(db: Db): Promise<ReferenceListRow[]> {
  return db.select().from(referenceLists).orderBy(asc(referenceLists.kind), asc(referenceLists.effectiveFrom), asc(referenceLists.loadedAt));
}

export async function listParameterOverrides(db: Db): Promise<ParameterOverrideRow[]> {
  return db.select().from(parameterOverrides).orderBy(asc(parameterOverrides.parameterId), asc(parameterOverrides.effectiveFrom), asc(parameterOverrides.loadedAt));
}

/** Published rows in effective order; with `publishedBy`, only what was published by that instant. */
export async function publishedReferenceLists(db: Db, publishedBy?: Date): Promise<ReferenceListRow[]> {
  const statuses: ReferenceChangeStatus[] = publishedBy ? ['published', 'superseded'] : ['published'];
  const rows = await db
    .select()
    .from(referenceLists)
    .where(and(inArray(referenceLists.status, statuses), publishedBy ? lte(referenceLists.publishedAt, publishedBy) : undefined))
    .orderBy(asc(referenceLists.effectiveFrom), asc(referenceLists.publishedAt));
  return rows;
}

export async function publishedParameterOverrides(db: Db, publishedBy?: Date): Promise<ParameterOverrideRow[]> {
  const statuses: ReferenceChangeStatus[] = publishedBy ? ['published', 'superseded'] : ['published'];
  return db
    .select()
    .from(parameterOverrides)
    .where(and(inArray(parameterOverrides.status, statuses), publishedBy ? lte(parameterOverrides.publishedAt, publishedBy) : undefined))
    .orderBy(asc(parameterOverrides.effectiveFrom), asc(parameterOverrides.publishedAt));
}

/** The published row of a kind on exactly this effective date (the one a new publication supersedes). */
export async function publishedListOn(db: Db, kind: ReferenceListKind, effectiveFrom: string): Promise<ReferenceListRow | undefined> {
  const [row] = await db
    .select()
    .from(referenceLists)
    .where(and(eq(referenceLists.kind, kind), eq(referenceLists.effectiveFrom, effectiveFrom), eq(referenceLists.status, 'published')))
    .limit(1);
  return row;
}

export async function publishedOverrideOn(db: Db, parameterId: string, effectiveFrom: string): Promise<ParameterOverrideRow | undefined> {
  const [row] = await db
    .select()
    .from(parameterOverrides)
    .where(and(eq(parameterOverrides.parameterId, parameterId), eq(parameterOverrides.effectiveFrom, effectiveFrom), eq(parameterOverrides.status, 'published')))
    .limit(1);
  return row;
}

/** The current reference-data version (bumped on every publish). */
export async function referenceDataVersionOf(db: Db): Promise<number> {
  const [row] = await db.select({ version: referenceDataVersion.version }).from(referenceDataVersion).where(eq(referenceDataVersion.id, 1));
  return Number(row?.version ?? 0);
}

export async function bumpReferenceDataVersion(db: Db): Promise<number> {
  const rows = rowsOf<{ version: number | string }>(
    await db.execute(sql`UPDATE reference_data_version SET version = version + 1 WHERE id = 1 RETURNING version`),
  );
  return Number(rows[0]?.version ?? 0);
}
