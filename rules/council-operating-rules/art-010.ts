import { type LegalDate, NEEDS_REVIEW, addDays, addYears, cite, defineParameter, defineRule, msg, parts } from '../core/index.js';
import { addOnIndustries, matchAddOn } from './art-003.js';
import { type Category, type NotifyingCategory, SINCE_2025_AMENDMENT, SINCE_ADD_ON_MEASURES, SINCE_ENACTMENT } from './instrument.js';

// Art.10: joining. (1) categories (iii) and (iv) notify the secretariat of (i) name, address and, for a corporation,
// its representative; (ii) each establishment where SSW workers will work, its address and its manufacturing-field
// industry (category iv need not give item ii); (iii) the other items of the application form. (2) category (iii) also
// files a declaration that it falls under none of ordinance art.2(1)(iv)(a)–(wo) and a pledge to keep art.3(1).
// (3) category (iii) in textiles, printing or packing must already have taken the council's agreed measures.
// (4) the co-chairs must refuse a category (iii) notifier when (i) the establishment does not carry on a
// manufacturing-field industry, (ii) less than a year has passed since its expulsion under art.14(1)(i)–(iii), or
// (iii) the notification comes on or after the day a category (v) corporation was registered under notice art.4.
// (5) they must refuse a category (iv) notifier whose membership they judge grossly unsuitable.
// (6) category (v) joins by applying for registration under notice art.5 and being registered under art.4(1).

// ---------- 10(1) contents of the notification ----------

export type ApplicantIdentity = {
  readonly nameGiven: boolean;
  readonly addressGiven: boolean;
  readonly isCorporation: boolean;
  /** Representative's name: required for a corporation only. */
  readonly representativeGiven: boolean;
};

export type NotifiedEstablishment = {
  readonly addressGiven: boolean;
  /** JSIC codes of the manufacturing-field industries carried on there (2–4 digits). */
  readonly jsicCodes: readonly string[];
};

export type JoinNotificationFacts = {
  readonly category: NotifyingCategory;
  readonly applicant: ApplicantIdentity;
  readonly establishments: readonly NotifiedEstablishment[];
  /** The other items the application form asks for (10(1)(iii)) are filled in. */
  readonly formItemsComplete: boolean;
};

/** Codes for what is missing, so screens and notices can name it. */
export type MissingItem = 'name' | 'address' | 'representative' | 'establishment' | 'establishment-address' | 'establishment-industry' | 'form-items';

const MISSING_LABEL: Record<MissingItem, { ja: string; en: string }> = {
  name: { ja: '氏名又は名称', en: 'name' },
  address: { ja: '住所', en: 'address' },
  representative: { ja: '代表者の氏名', en: 'representative’s name' },
  establishment: { ja: '特定技能外国人を勤務させる事業所', en: 'establishment where SSW workers will work' },
  'establishment-address': { ja: '事業所の住所', en: 'establishment address' },
  'establishment-industry': { ja: '事業所で行う産業の分類', en: 'industry classification of the establishment' },
  'form-items': { ja: '申請様式で定めるその他の事項', en: 'other items of the application form' },
};

export const missingJoinItems = (f: JoinNotificationFacts): MissingItem[] => {
  const missing: MissingItem[] = [];
  if (!f.applicant.nameGiven) missing.push('name');
  if (!f.applicant.addressGiven) missing.push('address');
  if (f.applicant.isCorporation && !f.applicant.representativeGiven) missing.push('representative');
  if (f.category === 'iii') {
    if (f.establishments.length === 0) missing.push('establishment');
    let noAddress = false;
    let noIndustry = false;
    for (const e of f.establishments) {
      if (!e.addressGiven) noAddress = true;
      if (e.jsicCodes.length === 0) noIndustry = true;
    }
    if (noAddress) missing.push('establishment-address');
    if (noIndustry) missing.push('establishment-industry');
  }
  if (!f.formItemsComplete) missing.push('form-items');
  return missing;
};

const COMPLETE = msg('入会届出の記載事項はそろっています。', 'The join notification contains every required item.');

export const joinNotificationComplete = defineRule<JoinNotificationFacts, 'complete' | 'incomplete'>({
  id: 'council-operating-rules/art-010/join-notification-complete',
  title: msg('入会届出の記載事項', 'Contents of the join notification'),
  versions: [
    {
      period: SINCE_ENACTMENT,
      citation: cite('council-operating-rules', '10', '1'),
      also: [cite('council-operating-rules', '10', '1', 'i'), cite('council-operating-rules', '10', '1', 'ii'), cite('council-operating-rules', '10', '1', 'iii')],
      summary: msg(
        '入会の届出には、名称・住所（法人は代表者名）、特定技能外国人が働く事業所とその住所・産業分類、様式所定の事項を記載する。第4号の者は事業所の記載を要しない。',
        'A join notification gives the name, address (and a corporation’s representative), each establishment where SSW workers will work with its address and industry, and the form’s other items; category (iv) need not list establishments.',
      ),
      evaluate: (f) => {
        const missing = missingJoinItems(f);
        const used = { category: f.category, establishments: f.establishments.length, missing };
        if (missing.length === 0) return { outcome: 'complete', message: COMPLETE, used };
        return {
          outcome: 'incomplete',
          message: msg(
            `入会届出に次の事項が不足しています: ${missing.map((m) => MISSING_LABEL[m].ja).join('、')}。`,
            `The join notification lacks: ${missing.map((m) => MISSING_LABEL[m].en).join(', ')}.`,
          ),
          used,
        };
      },
    },
  ],
});

// ---------- 10(2) declaration and pledge ----------

export type DeclarationFacts = {
  readonly category: NotifyingCategory;
  /** Declaration that none of SSW standards ordinance art.2(1)(iv)(a)–(wo) applies. */
  readonly nonDisqualificationDeclared: boolean;
  /** Pledge to observe art.3(1). */
  readonly pledgeGiven: boolean;
};

export const declarationAndPledgeGiven = defineRule<DeclarationFacts, 'given' | 'missing' | 'not-applicable'>({
  id: 'council-operating-rules/art-010/declaration-and-pledge',
  title: msg('欠格事由非該当の申出書と誓約書', 'Non-disqualification declaration and pledge'),
  versions: [
    {
      period: SINCE_ENACTMENT,
      citation: cite('council-operating-rules', '10', '2'),
      also: [cite('ssw-standards-ordinance', '2', '1', 'iv')],
      summary: msg(
        '第3号の者は届出と同時に、特定技能基準省令第2条第1項第4号イ〜ワに当たらない旨の申出書と、第3条第1項を守る旨の誓約書を出す。',
        'A category (iii) notifier also files a statement that none of the SSW standards ordinance’s disqualifications (art.2(1)(iv)(a)–(wo)) applies, and a pledge to keep art.3(1).',
      ),
      evaluate: ({ category, nonDisqualificationDeclared, pledgeGiven }) => {
        const used = { category, nonDisqualificationDeclared, pledgeGiven };
        if (category !== 'iii')
          return { outcome: 'not-applicable', message: msg('第4号の者には申出書・誓約書の提出義務はありません。', 'A category (iv) notifier files no declaration or pledge.'), used };
        if (nonDisqualificationDeclared && pledgeGiven)
          return { outcome: 'given', message: msg('申出書と誓約書が提出されています。', 'The declaration and the pledge have been filed.'), used };
        const lacking = [
          ...(nonDisqualificationDeclared ? [] : [{ ja: '欠格事由に該当しない旨の申出書', en: 'the non-disqualification declaration' }]),
          ...(pledgeGiven ? [] : [{ ja: '第3条第1項遵守の誓約書', en: 'the pledge to keep art.3(1)' }]),
        ];
        return {
          outcome: 'missing',
          message: msg(`${lacking.map((l) => l.ja).join('と')}が提出されていません。`, `Not filed: ${lacking.map((l) => l.en).join(' and ')}.`),
          used,
        };
      },
    },
  ],
});

// ---------- 10(3) add-on measures ----------

export type AddOnEstablishment = {
  readonly jsicCodes: readonly string[];
  /** The council's agreed measures for textiles / printing / packing are in place at this establishment. */
  readonly addOnMeasuresTaken: boolean;
};

export type AddOnFacts = { readonly category: NotifyingCategory; readonly establishments: readonly AddOnEstablishment[] };

export const addOnMeasuresTaken = defineRule<AddOnFacts, 'taken' | 'not-taken' | 'not-applicable'>({
  id: 'council-operating-rules/art-010/add-on-measures',
  title: msg('上乗せ措置の実施', 'Add-on measures taken'),
  versions: [
    {
      period: SINCE_ADD_ON_MEASURES,
      citation: cite('council-operating-rules', '10', '3'),
      also: [cite('uwanose-kokuji', '2', '1', undefined, 'inferred'), cite('jaim-membership-faq', 'Q2-1-4')],
      summary: msg(
        '繊維・印刷・こん包の産業を行う第3号の届出者は、届出の時点で協議会が合意した措置を講じていなければならない。',
        'A category (iii) notifier in textiles, printing or packing must already have the council’s agreed measures in place when it notifies.',
      ),
      evaluate: ({ category, establishments }, ctx) => {
        if (category !== 'iii')
          return { outcome: 'not-applicable', message: msg('第4号の者には上乗せ措置の要件はありません。', 'The add-on requirement does not apply to category (iv).'), used: { category } };
        const list = ctx.param(addOnIndustries);
        const lacking: string[] = [];
        let concerned = 0;
        for (const e of establishments) {
          let hit: string | undefined;
          for (const c of e.jsicCodes) {
            if (matchAddOn(list, c) !== undefined) {
              hit = c;
              break;
            }
          }
          if (hit === undefined) continue;
          concerned += 1;
          if (!e.addOnMeasuresTaken) lacking.push(hit);
        }
        const used = { category, establishmentsConcerned: concerned, lacking };
        if (concerned === 0) return { outcome: 'not-applicable', message: msg('上乗せ措置の対象産業を行う事業所はありません。', 'No establishment carries on an industry needing add-on measures.'), used };
        if (lacking.length === 0) return { outcome: 'taken', message: msg('対象産業を行う事業所で上乗せ措置が講じられています。', 'The add-on measures are in place at every establishment concerned.'), used };
        return {
          outcome: 'not-taken',
          message: msg(`上乗せ措置が講じられていません（産業分類 ${lacking.join('、')}）。`, `Add-on measures are not in place (JSIC ${lacking.join(', ')}).`),
          used,
        };
      },
    },
  ],
});

// ---------- 10(4)(i) not a manufacturing-field industry ----------

export type FieldEstablishment = {
  /** Decided by the eligible-industries instrument for the establishment's JSIC codes; 'unknown' when not yet decided. */
  readonly inManufacturingField: boolean | 'unknown';
  /** Had shipments of manufactured goods (製造品出荷額等) in the last year: how "carrying on" an industry is shown. */
  readonly shippedInLastYear: boolean | 'unknown';
};

export type ManufacturingFacts = { readonly establishments: readonly FieldEstablishment[] };

const ALL_IN_FIELD = msg('全ての事業所で製造業分野の産業を行っています。', 'Every establishment carries on a manufacturing-field industry.');

export const refusalNotManufacturing = defineRule<ManufacturingFacts, 'refuse' | 'no-ground'>({
  id: 'council-operating-rules/art-010/refusal-not-manufacturing',
  title: msg('製造業分野の産業を行っていない場合の拒否', 'Refusal: no manufacturing-field industry'),
  versions: [
    {
      period: SINCE_ENACTMENT,
      citation: cite('council-operating-rules', '10', '4', 'i'),
      also: [cite('jaim-membership-faq', 'Q3-2-4')],
      summary: msg(
        '特定技能外国人を働かせる事業所で製造業分野の産業を行っていないと認めるときは、第3号の届出者の入会を拒否する（直近1年の出荷実績で判断）。',
        'A category (iii) notifier is refused when an establishment where SSW workers would work does not carry on a manufacturing-field industry (shown by shipments in the last year).',
      ),
      evaluate: ({ establishments }) => {
        const not: number[] = [];
        const unknown: number[] = [];
        for (let i = 0; i < establishments.length; i++) {
          const e = establishments[i]!;
          if (e.inManufacturingField === false || e.shippedInLastYear === false) not.push(i + 1);
          else if (e.inManufacturingField === 'unknown' || e.shippedInLastYear === 'unknown') unknown.push(i + 1);
        }
        const used = { establishments: establishments.length, notInField: not, unknown };
        if (not.length > 0)
          return {
            outcome: 'refuse',
            message: msg(`事業所（${not.join('、')}番目）で製造業分野の産業を行っていないため、入会を拒否します。`, `Establishment(s) no. ${not.join(', ')} carry on no manufacturing-field industry, so membership is refused.`),
            used,
          };
        if (unknown.length > 0)
          return {
            outcome: NEEDS_REVIEW,
            message: msg(
              `事業所（${unknown.join('、')}番目）が製造業分野の産業を行っているか（対象分類・直近1年の出荷実績）を確認する必要があります。`,
              `Whether establishment(s) no. ${unknown.join(', ')} carry on a manufacturing-field industry (listed class, shipments in the last year) must be checked.`,
            ),
            used,
          };
        return { outcome: 'no-ground', message: ALL_IN_FIELD, used };
      },
    },
  ],
});

// ---------- 10(4)(ii) within a year of expulsion ----------

export type ExpulsionGround = 'i' | 'ii' | 'iii' | 'iv';

/**
 * First day on which "one year has passed" since an expulsion on `expelledOn`. The year is counted from the day after
 * the expulsion (民法140条, 初日不算入) and ends on the day before the corresponding day a year later, or on the last day
 * of that month when it has no corresponding day (民法143条2項). The block is lifted the day after it ends.
 */
export const rejoinBlockLiftedOn = (expelledOn: LegalDate): LegalDate => {
  const start = addDays(expelledOn, 1);
  const corresponding = addYears(start, 1);
  return parts(corresponding).day === parts(start).day ? corresponding : addDays(corresponding, 1);
};

export type RecentExpulsionFacts = {
  readonly lastExpulsion: { readonly date: LegalDate; readonly ground: ExpulsionGround } | null;
  readonly notificationDate: LegalDate;
};

export const refusalRecentlyExpelled = defineRule<RecentExpulsionFacts, 'refuse' | 'no-ground'>({
  id: 'council-operating-rules/art-010/refusal-recently-expelled',
  title: msg('除名後1年以内の拒否', 'Refusal: within a year of expulsion'),
  versions: [
    {
      period: SINCE_ENACTMENT,
      citation: cite('council-operating-rules', '10', '4', 'ii'),
      also: [cite('council-operating-rules', '14', '1')],
      summary: msg(
        '欠格事由・第3条違反・不正入会を理由に除名された者は、除名の日から1年を経過するまで再入会を拒否される（事業所の非製造業化による除名は対象外）。',
        'An organisation expelled for disqualification, breach of art.3 or fraudulent joining is refused until a year has passed since the expulsion; expulsion because no establishment is in the field does not count.',
      ),
      evaluate: ({ lastExpulsion, notificationDate }) => {
        if (lastExpulsion === null)
          return { outcome: 'no-ground', message: msg('除名された履歴はありません。', 'There is no previous expulsion.'), used: { lastExpulsion: null } };
        const liftedOn = rejoinBlockLiftedOn(lastExpulsion.date);
        const used = { expelledOn: lastExpulsion.date, ground: lastExpulsion.ground, blockLiftedOn: liftedOn, notificationDate };
        if (lastExpulsion.ground === 'iv')
          return {
            outcome: 'no-ground',
            message: msg('第14条第1項第4号による除名は再入会制限の対象ではありません。', 'An expulsion under art.14(1)(iv) does not block rejoining.'),
            used,
          };
        if (notificationDate < liftedOn)
          return {
            outcome: 'refuse',
            message: msg(
              `${lastExpulsion.date}の除名から1年を経過していないため入会を拒否します（${liftedOn}以降に届出可能）。`,
              `A year has not passed since the expulsion on ${lastExpulsion.date}, so membership is refused (notification possible from ${liftedOn}).`,
            ),
            used,
          };
        return { outcome: 'no-ground', message: msg(`除名から1年を経過しています（${liftedOn}に制限解除）。`, `A year has passed since the expulsion (block lifted on ${liftedOn}).`), used };
      },
    },
  ],
});

// ---------- 10(4)(iii) after the category (v) registration ----------

/** The day a corporation (JAIM) was registered under notice art.4: from then on, new category (iii) notifications are refused. */
export const categoryVRegistrationDate = defineParameter<LegalDate>({
  id: 'council-operating-rules/category-v-registration-date',
  description: msg('上乗せ基準告示第4条の登録を受けた日（JAIM）', 'Day a corporation was registered under notice art.4 (JAIM)'),
  unit: 'date',
  values: [
    {
      period: SINCE_2025_AMENDMENT,
      value: '2025-06-25' as LegalDate,
      citation: cite('council-operating-rules', '10', '4', 'iii', 'secondary'),
      status: 'secondary',
      note: 'JAIMの登録日は業界団体・報道による（登録証交付は2025-06-30）。 JAIM’s registration date comes from an industry association and news reports (certificate handed over 2025-06-30).',
    },
  ],
});

export type AfterRegistrationFacts = { readonly notificationDate: LegalDate };

const BEFORE_REGISTRATION = msg('届出日は第5号の法人が登録を受けた日より前です。', 'The notification predates the registration of the category (v) corporation.');

export const refusalAfterJaimRegistration = defineRule<AfterRegistrationFacts, 'refuse' | 'no-ground'>({
  id: 'council-operating-rules/art-010/refusal-after-jaim-registration',
  title: msg('第5号の者の登録後の届出の拒否', 'Refusal: notified after the category (v) registration'),
  versions: [
    {
      period: SINCE_2025_AMENDMENT,
      citation: cite('council-operating-rules', '10', '4', 'iii'),
      also: [cite('uwanose-kokuji', '4', '1')],
      summary: msg(
        '告示第4条の登録法人（第5号）が登録を受けた日以後になされた第3号の入会届出は拒否する。',
        'A category (iii) join notification made on or after the day the category (v) corporation was registered under notice art.4 is refused.',
      ),
      evaluate: ({ notificationDate }, ctx) => {
        const registeredOn = ctx.param(categoryVRegistrationDate);
        const used = { notificationDate, registeredOn };
        return notificationDate >= registeredOn
          ? {
              outcome: 'refuse',
              message: msg(
                `届出日（${notificationDate}）が登録法人の登録日（${registeredOn}）以後のため、入会を拒否します。`,
                `The notification (${notificationDate}) was made on or after the registration of the category (v) corporation (${registeredOn}), so membership is refused.`,
              ),
              used,
            }
          : { outcome: 'no-ground', message: BEFORE_REGISTRATION, used };
      },
    },
  ],
});

// ---------- 10(5) category (iv) grossly unsuitable ----------

export type UnsuitableFacts = { readonly category: NotifyingCategory };

export const refusalCategoryIvUnsuitable = defineRule<UnsuitableFacts, 'not-applicable'>({
  id: 'council-operating-rules/art-010/refusal-category-iv-unsuitable',
  title: msg('第4号の者が著しく適当でない場合の拒否', 'Refusal: category (iv) grossly unsuitable'),
  versions: [
    {
      period: SINCE_ENACTMENT,
      citation: cite('council-operating-rules', '10', '5'),
      summary: msg(
        '第4号の届出者を構成員とすることが目的に照らし著しく不適当と主宰者が判断したときは、入会を拒否する。',
        'A category (iv) notifier is refused when the co-chairs judge its membership grossly unsuitable given the council’s purpose.',
      ),
      evaluate: ({ category }) =>
        category === 'iv'
          ? {
              outcome: NEEDS_REVIEW,
              message: msg(
                '第4号の届出者を構成員とすることが「著しく適当でない」かは主宰者の判断を要します。',
                'Whether admitting this category (iv) notifier would be “grossly unsuitable” is for the co-chairs to judge.',
              ),
              used: { category },
            }
          : { outcome: 'not-applicable', message: msg('第3号の届出者には第5項は適用されません。', 'Para 5 does not apply to a category (iii) notifier.'), used: { category } },
    },
  ],
});

// ---------- 10(6) category (v) path ----------

export type CategoryVFacts = { readonly category: Category; readonly registeredUnderKokujiArt4: boolean };

export const categoryVJoinPath = defineRule<CategoryVFacts, 'member-by-registration' | 'registration-needed' | 'not-applicable'>({
  id: 'council-operating-rules/art-010/category-v-join-path',
  title: msg('第5号の者の入会（告示の登録）', 'Category (v) joins by registration under the notice'),
  versions: [
    {
      period: SINCE_2025_AMENDMENT,
      citation: cite('council-operating-rules', '10', '6'),
      also: [cite('uwanose-kokuji', '4', '1'), cite('uwanose-kokuji', '5')],
      summary: msg(
        '第5号の構成員になろうとする法人は、告示第5条により登録を申請し、第4条第1項の登録を受けることで構成員となる。',
        'A corporation wishing to join under category (v) applies under notice art.5 and becomes a member on registration under art.4(1).',
      ),
      evaluate: ({ category, registeredUnderKokujiArt4 }) => {
        const used = { category, registeredUnderKokujiArt4 };
        if (category !== 'v') return { outcome: 'not-applicable', message: msg('第5号の者ではありません。', 'Not a category (v) applicant.'), used };
        return registeredUnderKokujiArt4
          ? { outcome: 'member-by-registration', message: msg('告示第4条の登録を受けているため、第5号の構成員となります。', 'Registered under notice art.4, the corporation is a category (v) member.'), used }
          : {
              outcome: 'registration-needed',
              message: msg('告示第5条の登録申請を行い、第4条第1項の登録を受ける必要があります。', 'The corporation must apply under notice art.5 and be registered under art.4(1).'),
              used,
            };
      },
    },
  ],
});
