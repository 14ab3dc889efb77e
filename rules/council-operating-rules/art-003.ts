import { cite, defineParameter, defineRule, msg, period, type RuleContext } from '../core/index.js';
import { type Category, SINCE_2025_AMENDMENT, SINCE_ADD_ON_MEASURES } from './instrument.js';

// Art.3: what members must do, by the category they joined under. (1) category (iii): cooperate with the council's
// guidance, reports, document requests, hearings and site visits (item i); if they carry on an industry listed in
// items 1, 11 or 49 of art.2(1) of the additional-standards notice, take the measures the council has agreed (item ii).
// (2) category (iv): endeavour to cooperate with outreach and surveys. (3) category (v): cooperate with council activities.

export type AddOnIndustry = { readonly kokujiItem: number; readonly jsic: string; readonly name: string };

/**
 * Industries in 告示 art.2(1) items 1, 11 and 49. The notice's text is not held: the item → JSIC mapping
 * (11 textiles, 15 printing, 484 packing) is inferred from METI's list of industries needing agreed measures.
 */
export const addOnIndustries = defineParameter<readonly AddOnIndustry[]>({
  id: 'council-operating-rules/add-on-industries',
  description: msg('協議会で協議が調った措置を要する産業（上乗せ基準告示第2条第1項第1号・第11号・第49号）', 'Industries needing the council’s agreed measures (notice art.2(1) items 1, 11, 49)'),
  unit: 'list',
  values: [
    {
      period: SINCE_ADD_ON_MEASURES,
      value: [
        { kokujiItem: 1, jsic: '11', name: '繊維工業' },
        { kokujiItem: 11, jsic: '15', name: '印刷・同関連業' },
        { kokujiItem: 49, jsic: '484', name: 'こん包業' },
      ],
      citation: cite('council-operating-rules', '3', '1', 'ii', 'inferred'),
      status: 'inferred',
      note: '告示の号番号とJSICコードの対応は、METIの対象産業一覧からの推定（告示本文は未取得）。 Item-to-JSIC mapping inferred from METI’s list; the notice text is not held.',
    },
  ],
});

/** A JSIC code belongs to a listed industry when it is the listed code or a code beneath it (1111 is under 11). */
export const matchAddOn = (list: readonly AddOnIndustry[], code: string): AddOnIndustry | undefined => {
  for (const i of list) if (code.startsWith(i.jsic)) return i;
  return undefined;
};

export type AddOnIndustryFacts = { readonly jsicCodes: readonly string[] };

export const addOnIndustry = defineRule<AddOnIndustryFacts, 'add-on-required' | 'no-add-on'>({
  id: 'council-operating-rules/art-003/add-on-industry',
  title: msg('上乗せ措置の対象産業', 'Industries subject to add-on measures'),
  versions: [
    {
      period: SINCE_ADD_ON_MEASURES,
      citation: cite('council-operating-rules', '3', '1', 'ii'),
      also: [cite('uwanose-kokuji', '2', '1', undefined, 'inferred'), cite('jaim-membership-faq', 'Q2-1-4')],
      summary: msg(
        '繊維工業・印刷関連業・こん包業（告示第2条第1項第1号・第11号・第49号）を行う場合は、協議会で合意された追加措置が必要になる。',
        'Carrying on textiles, printing or packing (notice art.2(1) items 1, 11, 49) brings the council’s agreed additional measures into play.',
      ),
      evaluate: ({ jsicCodes }, ctx) => {
        const list = ctx.param(addOnIndustries);
        const hits: string[] = [];
        for (const code of jsicCodes) {
          const m = matchAddOn(list, code);
          if (m) hits.push(`${code} (${m.name})`);
        }
        return hits.length > 0
          ? {
              outcome: 'add-on-required',
              message: msg(`上乗せ措置の対象産業を行っています: ${hits.join('、')}。`, `The establishment carries on an industry needing add-on measures: ${hits.join(', ')}.`),
              used: { jsicCodes },
            }
          : { outcome: 'no-add-on', message: msg('上乗せ措置の対象産業は行っていません。', 'No industry needing add-on measures is carried on.'), used: { jsicCodes } };
      },
    },
  ],
});

export type Duty =
  /** 3(1)(i): cooperate with guidance, reports, document requests, hearings and site visits. */
  | 'cooperate-with-council'
  /** 3(1)(ii): take the measures agreed by the council for textile, printing, packing. */
  | 'take-add-on-measures'
  /** 3(2): endeavour to cooperate with outreach and surveys when asked. */
  | 'endeavour-to-cooperate'
  /** 3(3): give the council activities (consultation, liaison) the cooperation they need. */
  | 'support-council-activities';

export type DutiesFacts = { readonly category: Category; readonly jsicCodes: readonly string[] };

const dutiesOf = (f: DutiesFacts, ctx: RuleContext | null, withV: boolean) => {
  const duties: Duty[] = [];
  if (f.category === 'iii') {
    duties.push('cooperate-with-council');
    if (ctx) {
      const list = ctx.param(addOnIndustries);
      if (f.jsicCodes.some((c) => matchAddOn(list, c) !== undefined)) duties.push('take-add-on-measures');
    }
  } else if (f.category === 'iv') duties.push('endeavour-to-cooperate');
  else if (f.category === 'v' && withV) duties.push('support-council-activities');
  return {
    outcome: duties as readonly Duty[],
    message:
      duties.length === 0
        ? msg('この区分には第3条の義務はありません。', `Art.3 places no duty on category (${f.category}).`)
        : msg(`第3条の義務: ${duties.join('、')}。`, `Duties under art.3: ${duties.join(', ')}.`),
    used: { category: f.category, jsicCodes: f.jsicCodes },
  };
};

export const memberDuties = defineRule<DutiesFacts, readonly Duty[]>({
  id: 'council-operating-rules/art-003/member-duties',
  title: msg('構成員の義務', 'Duties of members'),
  versions: [
    {
      period: period('2019-03-26', '2024-09-30'),
      citation: cite('council-operating-rules', '3', '1', 'i'),
      also: [cite('council-operating-rules', '3', '2')],
      summary: msg(
        '第3号の構成員は協議・連絡会の指導・報告徴収・調査等に協力し、第4号の構成員は周知と調査への協力に努める。',
        'Category (iii) members cooperate with the council’s guidance, reporting and inspections; category (iv) members endeavour to help with outreach and surveys.',
      ),
      evaluate: (f) => dutiesOf(f, null, false),
    },
    {
      period: period('2024-09-30', '2025-05-26'),
      citation: cite('council-operating-rules', '3', '1', 'ii'),
      also: [cite('council-operating-rules', '3', '1', 'i'), cite('council-operating-rules', '3', '2')],
      summary: msg(
        '従来の義務に加え、繊維・印刷・こん包の産業を行う第3号の構成員は協議会で合意された措置を講じる。',
        'On top of the earlier duties, category (iii) members in textiles, printing or packing take the measures the council agreed.',
      ),
      evaluate: (f, ctx) => dutiesOf(f, ctx, false),
    },
    {
      period: SINCE_2025_AMENDMENT,
      citation: cite('council-operating-rules', '3', '3'),
      also: [cite('council-operating-rules', '3', '1'), cite('council-operating-rules', '3', '2')],
      summary: msg(
        '第3号・第4号の義務に加え、第5号の構成員（告示第4条の登録法人）は協議・連絡会の活動に必要な協力を行う。',
        'Besides the duties of categories (iii) and (iv), the category (v) member (the notice art.4 registrant) gives council activities the cooperation they need.',
      ),
      evaluate: (f, ctx) => dutiesOf(f, ctx, true),
    },
  ],
});
