// What the determinations need from operator data (reference lists and parameter overrides published through the
// reference-data workflow), built over the rules library's seeded data, and cached so the hot path pays nothing.
//
// - JSIC lists: the seeded lists, then every published operator list in effective order, each put in force with
//   `withNewList` (the list in force on its first day is closed the day before and still answers for earlier dates).
// - Packing / printing associations and business categories: the seeded parameters with the operator's published
//   lists merged over them as later versions (status official / uncertain as the operator marked them).
// - Parameter overrides: merged over the seeded parameter versions (see reference-data/merge.ts).
//
// Cache: one context per database handle, rebuilt when the reference-data version (bumped on every publish) moves.
// A publish in this process invalidates at once; other instances notice within VERSION_CHECK_MS.
import type { AnyDetermination, Parameter } from '../../rules/core/index.js';
import { legalDate, period } from '../../rules/core/index.js';
import {
  BUSINESS_CATEGORIES,
  type BusinessCategory,
  type EligibleIndustryList,
  SEEDED_LISTS,
  makeJsicEligibilityDetermination,
  withNewList,
} from '../../rules/eligible-industries/index.js';
import { PACKING_ASSOCIATIONS, PRINTING_ASSOCIATIONS, makeJaimJoinDetermination } from '../../rules/jaim-membership-faq/index.js';
import { makeFeeParameters, makeJaimFeeDetermination } from '../../rules/jaim-fees/index.js';
import { INSTRUMENTS, findDetermination } from '../../rules/registry.js';
import type { Db } from '../persistence/database.js';
import {
  publishedParameterOverrides,
  publishedReferenceLists,
  referenceDataVersionOf,
  type ParameterOverrideRow,
  type ReferenceListRow,
} from '../persistence/repositories/reference-data.repository.js';
import { type AssociationsContent, type BusinessCategoriesContent, type EligibleIndustriesContent, LIST_KIND_PARAMETER, eligibleListFrom } from './reference-data/list-kinds.js';
import { mergeParameter, type OperatorValue } from './reference-data/merge.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyParameter = Parameter<any>;

export type RulesContext = {
  /** The reference-data version this context was built from (0 before anything was published). */
  readonly version: number;
  readonly lists: readonly EligibleIndustryList[];
  readonly packingAssociations: Parameter<readonly string[] | null>;
  readonly printingAssociations: Parameter<readonly string[] | null>;
  readonly businessCategories: Parameter<readonly BusinessCategory[]>;
  /** Every rules-library parameter, with the operator's values merged in (by parameter id). */
  readonly parameters: ReadonlyMap<string, AnyParameter>;
  /** Determinations built over the operator data (made once per context). */
  readonly determinations: ReadonlyMap<string, AnyDetermination>;
};

/** Every parameter the rules library declares, by id (seeded versions). */
export const seededParameters = (): Map<string, AnyParameter> => {
  const map = new Map<string, AnyParameter>();
  for (const i of INSTRUMENTS) for (const p of i.parameters) map.set(p.id, p);
  return map;
};

const uncertainEntries = (content: EligibleIndustriesContent): EligibleIndustriesContent => ({
  ...content,
  entries: content.entries.map((e) => ({
    ...e,
    confidence: e.confidence === 'confirmed' ? 'secondary' : e.confidence,
    ...(e.ssw2Confidence === 'confirmed' ? { ssw2Confidence: 'secondary' as const } : {}),
  })),
});

/** The JSIC lists in force: seeded, then each published operator list in effective order (pure). */
export const buildLists = (rows: readonly Pick<ReferenceListRow, 'id' | 'effectiveFrom' | 'content' | 'certainty' | 'sourceNote'>[]): EligibleIndustryList[] => {
  let lists: EligibleIndustryList[] = [...SEEDED_LISTS];
  const sorted = [...rows].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
  for (const row of sorted) {
    const from = legalDate(row.effectiveFrom);
    const content = row.content as EligibleIndustriesContent;
    const base = lists.find((l) => l.period.from <= from && (l.period.to === null || l.period.to > from)) ?? lists.at(-1)!;
    const loaded = eligibleListFrom(
      `operator-${row.id}`,
      row.certainty === 'uncertain' ? uncertainEntries(content) : content,
      { period: period(from), citation: { ...base.citation, confidence: row.certainty === 'official' ? 'confirmed' : 'secondary' } },
      row.certainty,
      row.sourceNote,
    );
    lists = withNewList(lists, loaded);
  }
  return lists;
};

const operatorValues = <T>(rows: readonly { id: string; effectiveFrom: string; certainty: 'official' | 'uncertain'; sourceNote: string }[], valueOf: (i: number) => T): OperatorValue<T>[] =>
  rows.map((r, i) => ({ id: r.id, effectiveFrom: legalDate(r.effectiveFrom), value: valueOf(i), certainty: r.certainty, sourceNote: r.sourceNote }));

/** Builds the context from published rows (pure: no database). */
export const buildRulesContext = (listRows: readonly ReferenceListRow[], overrideRows: readonly ParameterOverrideRow[], version = 0): RulesContext => {
  const byKind = (kind: ReferenceListRow['kind']) => listRows.filter((r) => r.kind === kind);
  const lists = buildLists(byKind('eligible-industries'));

  const parameters = seededParameters();
  const overridesFor = (id: string) => overrideRows.filter((r) => r.parameterId === id);
  for (const [id, seeded] of parameters) {
    const rows = overridesFor(id);
    if (rows.length > 0) parameters.set(id, mergeParameter(seeded, operatorValues(rows, (i) => rows[i]!.value)));
  }
  // Lists that are parameters in the rules library.
  for (const kind of ['packing-associations', 'printing-associations', 'business-categories'] as const) {
    const id = LIST_KIND_PARAMETER[kind]!;
    const rows = byKind(kind);
    const seeded = parameters.get(id);
    if (!seeded || rows.length === 0) continue;
    parameters.set(
      id,
      mergeParameter(
        seeded,
        operatorValues(rows, (i) =>
          kind === 'business-categories' ? (rows[i]!.content as BusinessCategoriesContent).categories : (rows[i]!.content as AssociationsContent).names,
        ),
      ),
    );
  }
  const packingAssociations = (parameters.get(PACKING_ASSOCIATIONS.id) ?? PACKING_ASSOCIATIONS) as Parameter<readonly string[] | null>;
  const printingAssociations = (parameters.get(PRINTING_ASSOCIATIONS.id) ?? PRINTING_ASSOCIATIONS) as Parameter<readonly string[] | null>;
  const businessCategories = (parameters.get(BUSINESS_CATEGORIES.id) ?? BUSINESS_CATEGORIES) as Parameter<readonly BusinessCategory[]>;

  const determinations = new Map<string, AnyDetermination>();
  const untouched = listRows.length === 0 && overrideRows.length === 0;
  if (!untouched) {
    determinations.set('jaim-join', makeJaimJoinDetermination({ lists, packingAssociations, printingAssociations }));
    determinations.set('jsic-eligibility', makeJsicEligibilityDetermination(lists));
    determinations.set('jaim-fee', makeJaimFeeDetermination(makeFeeParameters(parameters)));
  }
  return { version, lists, packingAssociations, printingAssociations, businessCategories, parameters, determinations };
};

/** The determination `id` as the operator's published data makes it (the registry's when no operator data bears on it). */
export const determinationFor = (id: string, ctx: RulesContext): AnyDetermination | undefined => ctx.determinations.get(id) ?? findDetermination(id);

/** A parameter with the operator's values merged in. */
export const parameterFor = <T>(seeded: Parameter<T>, ctx: RulesContext): Parameter<T> => (ctx.parameters.get(seeded.id) as Parameter<T> | undefined) ?? seeded;

// ---- cache ----

const VERSION_CHECK_MS = 30_000;
type Entry = { ctx: RulesContext; checkedAt: number; localVersion: number };
const cache = new WeakMap<object, Entry>();
let localVersion = 0;

/** Called by the publish use cases after their transaction commits: the next loadRulesContext rebuilds. */
export const invalidateRulesContext = (): void => {
  localVersion += 1;
};

const load = async (db: Db, publishedBy?: Date): Promise<RulesContext> => {
  const [version, listRows, overrideRows] = await Promise.all([
    referenceDataVersionOf(db),
    publishedReferenceLists(db, publishedBy),
    publishedParameterOverrides(db, publishedBy),
  ]);
  return buildRulesContext(listRows, overrideRows, version);
};

/**
 * The rules context from the operator's published data. Without `asOf` (an instant), the current data, cached;
 * with it, only what had been published by then (to reproduce an earlier determination), not cached.
 */
export const loadRulesContext = async (db: Db, asOf?: Date): Promise<RulesContext> => {
  if (asOf) return load(db, asOf);
  const now = Date.now();
  const entry = cache.get(db);
  if (entry && entry.localVersion === localVersion) {
    if (now - entry.checkedAt < VERSION_CHECK_MS) return entry.ctx;
    const version = await referenceDataVersionOf(db);
    if (version === entry.ctx.version) {
      entry.checkedAt = now;
      return entry.ctx;
    }
  }
  const seen = localVersion;
  const ctx = await load(db);
  cache.set(db, { ctx, checkedAt: now, localVersion: seen });
  return ctx;
};
