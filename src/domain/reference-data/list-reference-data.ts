import { lastDayOf, type Message, type Parameter } from '../../../rules/core/index.js';
import { SEEDED_LISTS } from '../../../rules/eligible-industries/index.js';
import { authorize, can } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { listParameterOverrides, listReferenceLists, type ParameterOverrideRow, type ReferenceListRow } from '../../persistence/repositories/reference-data.repository.js';
import { seededParameters } from '../rules-context.js';
import { LIST_KIND_COLUMNS, LIST_KIND_PARAMETER, LIST_KINDS, type ListKind } from './list-kinds.js';
import { markerOfList, markerOfStatus, type Marker } from './markers.js';
import { formatParameterValue, isIntegerParameter, overridableParameters } from './parameter-catalogue.js';
import type { ReferenceChangeState } from './reference-change.states.js';

// The operator's overview: every reference list and parameter, the seeded versions and every operator change with
// its status, effective period and source.

export type SeededVersion = { from: string; lastDay: string | null; label: string; marker: Marker; note: string | null };

export type OperatorChange = {
  id: string;
  effectiveFrom: string;
  /** Last day in force, for published rows followed by a later published row of the same list or parameter. */
  lastDay: string | null;
  status: ReferenceChangeState;
  marker: Marker;
  sourceNote: string;
  summary: string;
  loadedAt: Date;
  publishedAt: Date | null;
  lockVersion: number;
  loadedByMe: boolean;
  canReview: boolean;
  canPublish: boolean;
  canDiscard: boolean;
};

export type ListOverview = { kind: ListKind; columns: string; parameterId: string | null; seeded: SeededVersion[]; changes: OperatorChange[] };
export type ParameterOverview = { id: string; description: Message; unit: string | null; integer: boolean; seeded: SeededVersion[]; changes: OperatorChange[] };

const dayBefore = (next: string): string => {
  const d = new Date(`${next}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

const seededOfParameter = (p: Parameter<unknown>): SeededVersion[] =>
  p.values.map((v) => ({ from: v.period.from, lastDay: lastDayOf(v.period), label: formatParameterValue(v.value), marker: markerOfStatus(v.status), note: v.note ?? null }));

const changesOf = <R extends ReferenceListRow | ParameterOverrideRow>(ctx: UseCaseContext, rows: R[], summary: (r: R) => string): OperatorChange[] => {
  const me = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const manage = can(ctx.actor, 'reference_data.manage');
  const published = rows.filter((r) => r.status === 'published').map((r) => r.effectiveFrom).sort();
  return rows.map((r) => {
    const next = r.status === 'published' ? published.find((f) => f > r.effectiveFrom) : undefined;
    const mine = r.loadedBy === me;
    return {
      id: r.id,
      effectiveFrom: r.effectiveFrom,
      lastDay: next ? dayBefore(next) : null,
      status: r.status,
      marker: markerOfStatus(r.certainty),
      sourceNote: r.sourceNote,
      summary: summary(r),
      loadedAt: r.loadedAt,
      publishedAt: r.publishedAt,
      lockVersion: r.lockVersion,
      loadedByMe: mine,
      canReview: manage && !mine && r.status === 'draft',
      canPublish: manage && !mine && r.status === 'reviewed',
      canDiscard: manage && (r.status === 'draft' || r.status === 'reviewed'),
    };
  });
};

export const listReferenceData = async (ctx: UseCaseContext): Promise<{ lists: ListOverview[]; parameters: ParameterOverview[] }> => {
  authorize(ctx.actor, 'reference_data.read');
  const [listRows, overrideRows] = await Promise.all([listReferenceLists(ctx.db), listParameterOverrides(ctx.db)]);
  const params = seededParameters();
  const lists: ListOverview[] = LIST_KINDS.map((kind) => {
    const parameterId = LIST_KIND_PARAMETER[kind] ?? null;
    const seeded: SeededVersion[] =
      kind === 'eligible-industries'
        ? SEEDED_LISTS.map((l) => ({ from: l.period.from, lastDay: lastDayOf(l.period), label: `${l.title.ja} / ${l.title.en}（${l.entries.length}）`, marker: markerOfList(l), note: l.periodNote?.ja ?? null }))
        : parameterId && params.get(parameterId)
          ? seededOfParameter(params.get(parameterId)!)
          : [];
    return {
      kind,
      columns: LIST_KIND_COLUMNS[kind],
      parameterId,
      seeded,
      changes: changesOf(ctx, listRows.filter((r) => r.kind === kind), (r) => String(r.rowCount)),
    };
  });
  const parameters: ParameterOverview[] = overridableParameters().map((p) => ({
    id: p.id,
    description: p.description,
    unit: p.unit ?? null,
    integer: isIntegerParameter(p),
    seeded: seededOfParameter(p),
    changes: changesOf(ctx, overrideRows.filter((r) => r.parameterId === p.id), (r) => formatParameterValue(r.value)),
  }));
  return { lists, parameters };
};
