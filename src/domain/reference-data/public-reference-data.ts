import { japanDateOf, parameterAt, periodContains, lastDayOf, type LegalDate, type Message } from '../../../rules/core/index.js';
import type { BusinessCategory, JsicEntry } from '../../../rules/eligible-industries/index.js';
import { FEE_PARAMETERS } from '../../../rules/jaim-fees/index.js';
import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { loadRulesContext, parameterFor } from '../rules-context.js';
import { markerOfEntry, markerOfList, markerOfStatus, type Marker } from './markers.js';
import { formatParameterValue } from './parameter-catalogue.js';

// The public page: the reference data in force today (published data only), each item marked official,
// unverified (要確認) or example (例示), so applicants see which JSIC codes are eligible and what is not settled.

export type PublicEntry = JsicEntry & { marker: Marker };
export type PublicValue<T> = { value: T | null; from: string | null; lastDay: string | null; marker: Marker; note: string | null };

export type PublicReferenceData = {
  today: LegalDate;
  eligible: { title: Message; from: string; lastDay: string | null; marker: Marker; complete: boolean; officialCount: number | null; entries: PublicEntry[] } | null;
  businessCategories: PublicValue<readonly BusinessCategory[]>;
  packingAssociations: PublicValue<readonly string[] | null>;
  printingAssociations: PublicValue<readonly string[] | null>;
  fees: { id: string; description: Message; unit: string | null; value: PublicValue<string> }[];
};

const valueOn = <T>(p: Parameters<typeof parameterAt<T>>[0], day: LegalDate): PublicValue<T> => {
  try {
    const v = parameterAt(p, day);
    return { value: v.value, from: v.period.from, lastDay: lastDayOf(v.period), marker: markerOfStatus(v.status), note: v.note ?? null };
  } catch {
    return { value: null, from: null, lastDay: null, marker: 'unverified', note: null };
  }
};

export const publicReferenceData = async (ctx: UseCaseContext, on?: LegalDate): Promise<PublicReferenceData> => {
  authorize(ctx.actor, 'public');
  const today = on ?? japanDateOf(ctx.clock.now());
  const rc = await loadRulesContext(ctx.db);
  const list = rc.lists.find((l) => periodContains(l.period, today));
  const eligible = list
    ? {
        title: list.title,
        from: list.period.from,
        lastDay: lastDayOf(list.period),
        marker: markerOfList(list),
        complete: list.complete.ssw1,
        officialCount: list.officialCount?.ssw1 ?? null,
        entries: [...list.entries].sort((a, b) => a.code.localeCompare(b.code)).map((e) => ({ ...e, marker: markerOfEntry(e) })),
      }
    : null;
  return {
    today,
    eligible,
    businessCategories: valueOn(rc.businessCategories, today),
    packingAssociations: valueOn(rc.packingAssociations, today),
    printingAssociations: valueOn(rc.printingAssociations, today),
    fees: FEE_PARAMETERS.map((seeded) => {
      const p = parameterFor(seeded as Parameters<typeof parameterFor>[0], rc);
      const v = valueOn(p, today);
      return { id: p.id, description: p.description, unit: p.unit ?? null, value: { ...v, value: v.value === null ? null : formatParameterValue(v.value) } };
    }),
  };
};
