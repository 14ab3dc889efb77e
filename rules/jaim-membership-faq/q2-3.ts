import { NEEDS_REVIEW, type LegalDate, type Message, type Parameter, type Rule, addMonths, cite, defineParameter, defineRule, msg, period } from '../core/index.js';
import { SINCE_JAIM } from './instrument.js';

// Q2-3: add-on requirements and evidence for JAIM entry.
// - Only JSIC 11 (textile), 15 (printing) and 484 (packing) have add-on requirements (Q2-3-1), carried over from council
//   decision No.1 of 2024-09-30 (Q2-1-4).
// - Textile: four conditions (domain-data §3.1, secondary sources agreeing; METI confirms that a measure applies).
// - Printing / packing: membership of a designated association, per establishment (Q2-3-3), proven only by the
//   association's official membership certificate (Q2-3-4); for printing either of two federations suffices (Q2-3-5).
//   The packing association is not named in our sources: it is operator data, NEEDS_REVIEW while unset.
// - Evidence of shipments in the last year uses a template by JSIC code (Q2-3-6); intra-company deliveries count, but when
//   amounts cannot be shown a reason must be written (Q2-3-7).

export type AddOnGroup = 'textile' | 'printing' | 'packing';

/** Add-on groups for a set of JSIC codes, as a bit set (1 textile, 2 printing, 4 packing). */
export const addOnMask = (codes: readonly string[]): number => {
  let mask = 0;
  for (const c of codes) {
    if (c.startsWith('11')) mask |= 1;
    else if (c.startsWith('15')) mask |= 2;
    else if (c.startsWith('484')) mask |= 4;
  }
  return mask;
};
export const addOnGroupsOf = (mask: number): AddOnGroup[] => (['textile', 'printing', 'packing'] as const).filter((_, i) => (mask & (1 << i)) !== 0);

const GROUP_LABEL: Readonly<Record<AddOnGroup, Message>> = {
  textile: msg('繊維工業（11）', 'textile (11)'),
  printing: msg('印刷・同関連業（15）', 'printing (15)'),
  packing: msg('こん包業（484）', 'packing (484)'),
};
const APPLICABILITY_MESSAGES: readonly Message[] = Array.from({ length: 8 }, (_, mask) => {
  const groups = addOnGroupsOf(mask);
  return groups.length === 0
    ? msg('申請する産業分類に上乗せ要件はありません。', 'No add-on requirement applies to the JSIC codes applied for.')
    : msg(`上乗せ要件があります: ${groups.map((g) => GROUP_LABEL[g].ja).join('、')}`, `Add-on requirements apply: ${groups.map((g) => GROUP_LABEL[g].en).join(', ')}`);
});
const APPLICABILITY_USED = Array.from({ length: 8 }, (_, mask) => Object.freeze({ groups: addOnGroupsOf(mask) }));

export const addOnApplicability = defineRule<{ readonly jsicCodes: readonly string[] }, 'applies' | 'none'>({
  id: 'jaim-membership-faq/q2-3/add-on-applicability',
  title: msg('上乗せ要件の有無', 'Whether add-on requirements apply'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q2-3-1'),
      also: [cite('jaim-membership-faq', 'Q2-1-4')],
      summary: msg(
        '中分類11繊維工業、中分類15印刷・同関連業、小分類484こん包業には入会前に満たすべき上乗せ要件がある（協議会決定第1号を引継ぎ）。その他の分類には現在ない。',
        'JSIC 11 textile, 15 printing and 484 packing carry add-on requirements to meet before joining (carried over from council decision No.1); other codes have none at present.',
      ),
      evaluate: ({ jsicCodes }) => {
        const mask = addOnMask(jsicCodes);
        return { outcome: mask === 0 ? 'none' : 'applies', message: APPLICABILITY_MESSAGES[mask]!, used: APPLICABILITY_USED[mask]! };
      },
    },
  ],
});

// ---- Textile (JSIC 11) ----

export const HUMAN_RIGHTS_SCHEMES = ['GOTS', 'OEKO-TEX STeP', 'bluesign', 'GRS', 'JASPA', 'JASTI', 'other'] as const;
export type HumanRightsScheme = (typeof HUMAN_RIGHTS_SCHEMES)[number];
export type HumanRightsEvidence =
  | { readonly kind: 'certified'; readonly scheme: HumanRightsScheme; readonly validUntil: LegalDate }
  | { readonly kind: 'in_progress'; readonly substituteDocument: boolean }
  | { readonly kind: 'none' };

export type AddOnResult = 'met' | 'not_met' | 'missing';

const TEXTILE_SINCE = SINCE_JAIM;

// Three months after an application date, memoised (many applications share a date; addMonths builds a Date).
const threeMonthsAfter = new Map<LegalDate, LegalDate>();
const addThreeMonths = (d: LegalDate): LegalDate => {
  let r = threeMonthsAfter.get(d);
  if (r === undefined) {
    r = addMonths(d, 3);
    if (threeMonthsAfter.size < 10_000) threeMonthsAfter.set(d, r);
  }
  return r;
};
const textileCitation = cite('jaim-membership-faq', 'Q2-3-1');

const HR = {
  missing: msg('国際的な人権基準への適合を示す認証等の提出がありません。', 'No evidence of conformity with international human-rights standards is given.'),
  none: msg('人権基準の認証を取得しておらず、手続中でもありません。', 'No human-rights certification is held or in progress.'),
  substitute: msg('人権基準の認証手続中で、代替書類（sample_11_02）が提出されています。', 'Certification is in progress and the substitute document (sample_11_02) is given.'),
  substituteMissing: msg('認証手続中の場合は代替書類（sample_11_02）の提出が必要です。', 'While certification is in progress the substitute document (sample_11_02) is required.'),
  other: msg('認証の種類が一覧にないため、人権基準への適合は審査で判断します。', 'The certification scheme is not one of those listed; conformity is decided in review.'),
} as const;

export const textileHumanRights = defineRule<{ readonly evidence: HumanRightsEvidence | null; readonly applicationDate: LegalDate }, AddOnResult>({
  id: 'jaim-membership-faq/q2-3/textile-human-rights',
  title: msg('繊維工業：国際的な人権基準への適合', 'Textile: international human-rights standards'),
  versions: [
    {
      period: TEXTILE_SINCE,
      citation: textileCitation,
      also: [cite('jaim-membership-faq', 'Q2-3-6'), cite('jaim-membership-faq', 'Q2-1-4', undefined, undefined, 'secondary')],
      summary: msg(
        '繊維工業の事業所は、国際的な人権基準に適合して事業を行っていることを認証（GOTS、OEKO-TEX STeP、bluesign、GRS、JASPAガイドライン、JASTI等）で示す。申請時に有効期間が3か月以上残っていること。認証手続中は代替書類で足りる。',
        'A textile establishment shows by a certification (GOTS, OEKO-TEX STeP, bluesign, GRS, JASPA guideline, JASTI …) that it operates to international human-rights standards, with at least three months of validity left at application; while certification is in progress a substitute document suffices.',
      ),
      evaluate: ({ evidence, applicationDate }) => {
        if (!evidence) return { outcome: 'missing', message: HR.missing };
        if (evidence.kind === 'none') return { outcome: 'not_met', message: HR.none };
        if (evidence.kind === 'in_progress') return evidence.substituteDocument ? { outcome: 'met', message: HR.substitute } : { outcome: 'missing', message: HR.substituteMissing };
        if (evidence.scheme === 'other') return { outcome: NEEDS_REVIEW, message: HR.other, used: { scheme: evidence.scheme } };
        const needed = addThreeMonths(applicationDate);
        const used = { scheme: evidence.scheme, validUntil: evidence.validUntil, applicationDate, validUntilAtLeast: needed };
        return evidence.validUntil >= needed
          ? { outcome: 'met', message: msg(`${evidence.scheme} の認証があり、有効期間が3か月以上残っています。`, `${evidence.scheme} certification with at least three months of validity left.`), used }
          : {
              outcome: 'not_met',
              message: msg(
                `${evidence.scheme} の認証の有効期限（${evidence.validUntil}）まで申請時点で3か月未満です（${needed}以降が必要）。`,
                `${evidence.scheme} certification expires on ${evidence.validUntil}, less than three months after the application (must run to ${needed}).`,
              ),
              used,
            };
      },
    },
  ],
});

const boolRule = (
  id: string,
  title: Message,
  summary: Message,
  also: ReturnType<typeof cite>[],
  texts: { met: Message; notMet: Message; missing: Message },
): Rule<{ readonly value: boolean | null }, AddOnResult> =>
  defineRule<{ readonly value: boolean | null }, AddOnResult>({
    id,
    title,
    versions: [
      {
        period: TEXTILE_SINCE,
        citation: textileCitation,
        also,
        summary,
        evaluate: ({ value }) =>
          value === true ? { outcome: 'met', message: texts.met } : value === false ? { outcome: 'not_met', message: texts.notMet } : { outcome: 'missing', message: texts.missing },
      },
    ],
  });

export const textileAttendance = boolRule(
  'jaim-membership-faq/q2-3/textile-attendance',
  msg('繊維工業：勤怠管理の電子化', 'Textile: electronic attendance records'),
  msg(
    '出退勤の記録を電子的に行い、手作業の転記なしにデータを送る勤怠管理システムを使う。対象は、ベンダー等が経済産業省のリストに登録したシステムに限る。',
    "Attendance is clocked electronically and transmitted without manual transcription, using a system its vendor has registered on METI's list.",
  ),
  [cite('jaim-membership-faq', 'Q2-3-2'), cite('jaim-membership-faq', 'Q2-1-4', undefined, undefined, 'secondary')],
  {
    met: msg('経済産業省のリストに掲載された勤怠管理システムを使っています。', "The attendance system is on METI's list."),
    notMet: msg('勤怠管理システムが経済産業省のリストにありません（登録はベンダーが行います）。', "The attendance system is not on METI's list (only its vendor can register it)."),
    missing: msg('勤怠管理システムについての申告がありません。', 'Nothing is declared about the attendance system.'),
  },
);

export const textilePartnershipDeclaration = boolRule(
  'jaim-membership-faq/q2-3/textile-partnership-declaration',
  msg('繊維工業：パートナーシップ構築宣言', 'Textile: partnership-building declaration'),
  msg('事業者がパートナーシップ構築宣言を公表している。', 'The business has published a partnership-building declaration.'),
  [cite('jaim-membership-faq', 'Q2-1-4', undefined, undefined, 'secondary')],
  {
    met: msg('パートナーシップ構築宣言を公表しています。', 'A partnership-building declaration is published.'),
    notMet: msg('パートナーシップ構築宣言を公表していません。', 'No partnership-building declaration is published.'),
    missing: msg('パートナーシップ構築宣言についての申告がありません。', 'Nothing is declared about the partnership-building declaration.'),
  },
);

export const textileMonthlySalary = boolRule(
  'jaim-membership-faq/q2-3/textile-monthly-salary',
  msg('繊維工業：月給制', 'Textile: monthly salary'),
  msg('特定技能外国人の報酬を月給制で支払う。', 'The SSW worker is paid a monthly salary.'),
  [cite('jaim-membership-faq', 'Q2-1-4', undefined, undefined, 'secondary')],
  {
    met: msg('特定技能外国人を月給制で雇用します。', 'The SSW worker is paid monthly.'),
    notMet: msg('月給制ではありません（日給・時給等）。', 'The pay is not a monthly salary.'),
    missing: msg('報酬の支払形態についての申告がありません。', 'The pay basis is not declared.'),
  },
);

// ---- Printing (JSIC 15) and packing (JSIC 484): association membership ----

export type AssociationMembership = {
  readonly association: string;
  /** Only the association's official membership certificate (会員証) is accepted (Q2-3-4). */
  readonly evidence: 'membership_certificate' | 'enrolment_certificate' | 'application_copy' | 'other';
  /** Membership must be the establishment's own: a parent or group company's does not count (Q2-3-3). */
  readonly heldBy: 'establishment' | 'parent_company' | 'group_company';
};

export const PRINTING_ASSOCIATIONS: Parameter<readonly string[] | null> = defineParameter({
  id: 'jaim-membership-faq/printing-associations',
  description: msg('印刷・同関連業の上乗せ要件で加入が求められる団体', 'Associations a printing establishment must belong to'),
  unit: 'list',
  values: [
    {
      period: period('2024-09-30'),
      value: ['全日本印刷工業組合連合会', '全日本製本工業組合連合会'],
      citation: cite('jaim-membership-faq', 'Q2-3-5'),
      status: 'official',
      note: 'いずれか一方への加入で足りる（協議会決定第1号）。',
    },
  ],
});

/** Operator data: the association(s) named in council decision No.1 for packing are not in our sources. */
export const PACKING_ASSOCIATIONS: Parameter<readonly string[] | null> = defineParameter({
  id: 'jaim-membership-faq/packing-associations',
  description: msg('こん包業の上乗せ要件で加入が求められる団体（未設定）', 'Associations a packing establishment must belong to (not yet set)'),
  unit: 'list',
  values: [
    {
      period: period('2024-09-30'),
      value: null,
      citation: cite('jaim-membership-faq', 'Q2-3-3', undefined, undefined, 'inferred'),
      status: 'uncertain',
      note: '団体名は協議会決定第1号に定めがあるが入手できていない。運用者が設定するまで審査で確認する。',
    },
  ],
});

type AssocTexts = { readonly label: Message };

export const makeAssociationRule = (
  group: 'printing' | 'packing',
  associations: Parameter<readonly string[] | null>,
): Rule<{ readonly memberships: readonly AssociationMembership[] | null }, AddOnResult> => {
  const t: AssocTexts = { label: GROUP_LABEL[group] };
  const UNSET = msg(
    `${t.label.ja}の上乗せ要件で加入が必要な団体が未設定のため、加入の有無は審査で確認します。`,
    `The association required for ${t.label.en} is not configured; membership is checked in review.`,
  );
  const MET = msg(`${t.label.ja}：指定団体の正式な会員証が事業所について提出されています。`, `${t.label.en}: the establishment's official membership certificate of a designated association is given.`);
  const NOT_MEMBER = msg(`${t.label.ja}：事業所が指定団体に加入していません。`, `${t.label.en}: the establishment does not belong to a designated association.`);
  const PARENT = msg(
    `${t.label.ja}：親会社・グループ会社の加入では足りず、特定技能を雇用する事業所ごとの加入が必要です。`,
    `${t.label.en}: a parent or group company's membership does not count; each employing establishment must belong itself.`,
  );
  const WRONG_EVIDENCE = msg(
    `${t.label.ja}：証明として認められるのは団体発行の正式な会員証のみです（在籍証明書等は不可）。`,
    `${t.label.en}: only the association's official membership certificate is accepted (not a certificate of enrolment or other paper).`,
  );
  const MISSING = msg(`${t.label.ja}：団体加入についての申告がありません。`, `${t.label.en}: association membership is not declared.`);
  return defineRule<{ readonly memberships: readonly AssociationMembership[] | null }, AddOnResult>({
    id: `jaim-membership-faq/q2-3/${group}-association`,
    title: msg(`${t.label.ja}：業界団体への加入`, `${t.label.en}: industry association membership`),
    versions: [
      {
        period: SINCE_JAIM,
        citation: cite('jaim-membership-faq', group === 'printing' ? 'Q2-3-5' : 'Q2-3-3'),
        also: [cite('jaim-membership-faq', 'Q2-3-3'), cite('jaim-membership-faq', 'Q2-3-4'), cite('jaim-membership-faq', 'Q2-1-4')],
        summary:
          group === 'printing'
            ? msg(
                '印刷・同関連業の事業所は、全日本印刷工業組合連合会か全日本製本工業組合連合会のいずれかに事業所として加入し、団体発行の会員証で示す。',
                'A printing establishment belongs, itself, to either of the two national printing or bookbinding federations, shown by the official membership certificate.',
              )
            : msg(
                'こん包業の事業所は、指定された業界団体に事業所として加入し、団体発行の会員証で示す（団体名は運用者が設定）。',
                'A packing establishment belongs, itself, to the designated association, shown by the official membership certificate (association set by the operator).',
              ),
        evaluate: ({ memberships }, ctx) => {
          const designated = ctx.param(associations);
          if (designated === null || designated.length === 0) return { outcome: NEEDS_REVIEW, message: UNSET };
          if (!memberships) return { outcome: 'missing', message: MISSING };
          let parentOnly = false;
          let wrongEvidence = false;
          for (const m of memberships) {
            if (!designated.includes(m.association)) continue;
            if (m.heldBy !== 'establishment') {
              parentOnly = true;
              continue;
            }
            if (m.evidence !== 'membership_certificate') {
              wrongEvidence = true;
              continue;
            }
            return { outcome: 'met', message: MET, used: { association: m.association } };
          }
          if (wrongEvidence) return { outcome: 'missing', message: WRONG_EVIDENCE };
          return { outcome: 'not_met', message: parentOnly ? PARENT : NOT_MEMBER };
        },
      },
    ],
  });
};

export const printingAssociation = makeAssociationRule('printing', PRINTING_ASSOCIATIONS);
export const packingAssociation = makeAssociationRule('packing', PACKING_ASSOCIATIONS);

// ---- Evidence templates and shipments (Q2-3-6, Q2-3-7) ----

export const EVIDENCE_TEMPLATES = {
  '11': 'https://jaim-skill.or.jp/assets/files/entry/sample_11.pdf',
  '11_02': 'https://jaim-skill.or.jp/assets/files/entry/sample_11_02.pdf',
  '15': 'https://jaim-skill.or.jp/assets/files/entry/sample_15.pdf',
  '18': 'https://jaim-skill.or.jp/assets/files/entry/sample_18.pdf',
  '484': 'https://jaim-skill.or.jp/assets/files/entry/sample_484.pdf',
  '2462-2464-2469': 'https://jaim-skill.or.jp/assets/files/entry/sample_2462-2464-2469.pdf',
  other: 'https://jaim-skill.or.jp/assets/files/entry/sample_other.pdf',
} as const;
export type EvidenceTemplate = keyof typeof EVIDENCE_TEMPLATES;
export const EVIDENCE_TEMPLATE_IDS = Object.keys(EVIDENCE_TEMPLATES) as EvidenceTemplate[];

/** The template a JSIC code's shipment evidence is written on. */
export const templateFor = (code: string): EvidenceTemplate =>
  code.startsWith('11')
    ? '11'
    : code.startsWith('15')
      ? '15'
      : code.startsWith('18')
        ? '18'
        : code.startsWith('484')
          ? '484'
          : code === '2462' || code === '2464' || code === '2469'
            ? '2462-2464-2469'
            : 'other';

export type EvidenceTemplateFacts = {
  readonly jsicCodes: readonly string[];
  readonly templatesProvided: readonly EvidenceTemplate[];
  /** Textile certification in progress: the substitute template 11_02 is needed too. */
  readonly textileCertificationInProgress: boolean;
};

const TEMPLATES_OK = msg('産業分類に応じた証明書類テンプレートがそろっています。', 'The evidence templates for the JSIC codes are all given.');
const TEMPLATE_MISSING: Readonly<Record<EvidenceTemplate, Message>> = Object.fromEntries(
  EVIDENCE_TEMPLATE_IDS.map((t) => [t, msg(`証明書類テンプレート（sample_${t}）の提出がありません。`, `The evidence template sample_${t} is missing.`)]),
) as Record<EvidenceTemplate, Message>;

export const evidenceTemplatesProvided = defineRule<EvidenceTemplateFacts, 'provided' | 'missing'>({
  id: 'jaim-membership-faq/q2-3/evidence-templates',
  title: msg('産業分類ごとの証明書類テンプレート', 'Evidence templates by JSIC code'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q2-3-6'),
      summary: msg(
        '製造品出荷額等の発生を示す書類は、届け出る産業分類ごとの書き方見本（11、11_02、15、18、484、2462・2464・2469、その他）に沿って作成する。',
        'Evidence that the establishment ships goods is written on the template for each JSIC code (11, 11_02, 15, 18, 484, 2462/2464/2469, other).',
      ),
      evaluate: ({ jsicCodes, templatesProvided, textileCertificationInProgress }) => {
        for (const code of jsicCodes) {
          const t = templateFor(code);
          if (!templatesProvided.includes(t)) return { outcome: 'missing', message: TEMPLATE_MISSING[t], used: { code, template: t } };
          if (t === '11' && textileCertificationInProgress && !templatesProvided.includes('11_02')) {
            return { outcome: 'missing', message: TEMPLATE_MISSING['11_02'], used: { code, template: '11_02' } };
          }
        }
        return { outcome: 'provided', message: TEMPLATES_OK };
      },
    },
  ],
});

export const SHIPMENT_DOCUMENT_KINDS = ['invoice', 'delivery_note', 'shipping_instruction', 'purchase_record', 'other'] as const;
export type ShipmentDocumentKind = (typeof SHIPMENT_DOCUMENT_KINDS)[number];

export type ShipmentEvidenceFacts = {
  readonly documentKinds: readonly ShipmentDocumentKind[];
  /** Whether the documents date from the last year before the application. */
  readonly withinLastYear: boolean;
  readonly amountsShown: boolean;
  /** Deliveries to another establishment of the same company (count as shipments). */
  readonly intraCompany: boolean;
  /** Written reason why amounts cannot be shown. */
  readonly noAmountReason: boolean;
};

const SHIP = {
  ok: msg('直近1年以内の出荷を示す書類が提出されています。', 'Documents showing shipments within the last year are given.'),
  okIntra: msg(
    '同一企業の他事業所への出荷も製造品出荷として扱われ、金額を示せない理由が記載されています。',
    'Deliveries to another establishment of the same company count as shipments, and the reason amounts cannot be shown is written.',
  ),
  none: msg('出荷を示す書類（納品書・出荷指示書・仕入書等）がありません。', 'No shipment documents (delivery notes, shipping instructions, purchase records …) are given.'),
  old: msg('出荷を示す書類が直近1年以内のものではありません。', 'The shipment documents are not from the last year.'),
  reason: msg('金額を示せない場合は、その理由（例：全量を本社向けに製造）の記載が必要です。', 'When amounts cannot be shown, the reason (e.g. all output goes to head office) must be written.'),
  otherOnly: msg('出荷を示す書類の種類が「その他」のみのため、審査で確認します。', 'The only shipment documents are of kind "other"; checked in review.'),
} as const;

export const shipmentEvidence = defineRule<ShipmentEvidenceFacts, 'sufficient' | 'insufficient'>({
  id: 'jaim-membership-faq/q2-3/shipment-evidence',
  title: msg('製造品出荷の証跡', 'Evidence of shipments'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q2-3-7'),
      also: [cite('jaim-membership-faq', 'Q2-3-6')],
      summary: msg(
        '直近1年以内の出荷を示す書類（納品書、出荷指示書、仕入書等）を出す。同じ企業の別事業所への引渡しも出荷に含まれるが、金額が示せないときは理由を必ず書く。',
        'Documents from the last year show shipments (delivery notes, shipping instructions, purchase records …). Deliveries to another establishment of the same company count, but if amounts cannot be shown the reason must be written.',
      ),
      evaluate: (f) => {
        if (f.documentKinds.length === 0) return { outcome: 'insufficient', message: SHIP.none };
        if (!f.withinLastYear) return { outcome: 'insufficient', message: SHIP.old };
        if (!f.amountsShown && !f.noAmountReason) return { outcome: 'insufficient', message: SHIP.reason };
        if (f.documentKinds.every((k) => k === 'other')) return { outcome: NEEDS_REVIEW, message: SHIP.otherOnly };
        return { outcome: 'sufficient', message: !f.amountsShown && f.intraCompany ? SHIP.okIntra : SHIP.ok };
      },
    },
  ],
});
