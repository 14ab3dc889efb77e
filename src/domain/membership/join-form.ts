import {
  DISQUALIFICATION_ITEMS,
  HUMAN_RIGHTS_SCHEMES,
  SHIPMENT_DOCUMENT_KINDS,
  addOnMask,
  templateFor,
  type DisqualificationItem,
  type EvidenceTemplate,
  type Expulsion,
  type JaimJoinFacts,
} from '../../../rules/jaim-membership-faq/index.js';
import { isLegalDate, type LegalDate } from '../../../rules/core/index.js';
import type { FieldProblem } from '../errors.js';

// The join application as a multi-page form, one question (or one closely related group) per page (GOV.UK
// pattern). Each page validates its own fields; the answers are saved as a draft after every page and turned into
// the facts of the rules library's `jaim-join` determination (rules/jaim-membership-faq/join.ts) for
// check-your-answers and on submit. Only the pages relevant to the establishment's JSIC codes are asked: textile
// (JSIC 11) and association membership (15, 484) add-on pages, and the reason statements page only when amounts
// or photos cannot be given.

export const JOIN_DRAFT_KIND = 'join_request';
export const joinDraftKey = (organisationId: string): string => `organisation:${organisationId}`;

export const PHOTO_KINDS = ['product', 'plant'] as const;
export const PLEDGES = ['codeOfConduct', 'cooperationDuties'] as const;
export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];
export const AMOUNT_ANSWERS = ['shown', 'not_shown'] as const;
export const HUMAN_RIGHTS_ANSWERS = ['certified', 'in_progress', 'none'] as const;
export const ASSOCIATION_EVIDENCE = ['membership_certificate', 'enrolment_certificate', 'application_copy', 'other'] as const;
export const ASSOCIATION_HELD_BY = ['establishment', 'parent_company', 'group_company'] as const;

/** The first six answers (kept as they were: the demo loader and older drafts use them). */
export type JoinAnswers = {
  establishmentId?: string;
  shipments?: 'yes' | 'no';
  documents?: (typeof SHIPMENT_DOCUMENT_KINDS)[number][];
  photos?: (typeof PHOTO_KINDS)[number][];
  /** Older single declaration ("none of イ〜ワ applies"); new drafts answer each item in `declarations`. */
  declaration?: 'none_apply';
  pledges?: (typeof PLEDGES)[number][];
};

export type TextileAnswers = {
  humanRights?: (typeof HUMAN_RIGHTS_ANSWERS)[number];
  scheme?: (typeof HUMAN_RIGHTS_SCHEMES)[number];
  validUntil?: string;
  substituteDocument?: YesNo;
  attendance?: YesNo;
  partnership?: YesNo;
  monthlySalary?: YesNo;
};

export type AssociationAnswers = { name?: string; evidence?: (typeof ASSOCIATION_EVIDENCE)[number]; heldBy?: (typeof ASSOCIATION_HELD_BY)[number] };

/** An uploaded file the application refers to (the bytes are in `uploads`). */
export type EvidenceFile = { uploadId: string; kind: string; filename: string };

/** Everything the full form asks. */
export type JoinApplicationAnswers = JoinAnswers & {
  categories?: string[];
  amounts?: (typeof AMOUNT_ANSWERS)[number];
  intraCompany?: YesNo;
  noAmountReason?: string;
  photoReason?: string;
  usageExplanation?: string;
  declarations?: Partial<Record<DisqualificationItem, YesNo>>;
  textile?: TextileAnswers;
  association?: AssociationAnswers;
  evidence?: EvidenceFile[];
  /** Set when the draft is the correction (補正) of a submitted request: the check page resubmits that request. */
  correctingRequestId?: string;
};

/** The six steps of the original form (kept for callers that fill a draft step by step, e.g. demo data). */
export const JOIN_STEPS = ['establishment', 'shipments', 'documents', 'photos', 'declaration', 'pledges'] as const;
export type JoinStep = (typeof JOIN_STEPS)[number];

/** The pages of the full form, in order. */
export const JOIN_PAGES = [
  'establishment',
  'categories',
  'shipments',
  'documents',
  'amounts',
  'photos',
  'reasons',
  'textile',
  'association',
  'evidence',
  'declarations',
  'pledges',
] as const;
export type JoinPage = (typeof JOIN_PAGES)[number];
export const isJoinPage = (s: string): s is JoinPage => (JOIN_PAGES as readonly string[]).includes(s);
export const isJoinStep = (s: string): s is JoinStep | JoinPage => isJoinPage(s) || (JOIN_STEPS as readonly string[]).includes(s);

export type JoinEstablishment = { name: string; address: string | null; jsicCodes: readonly string[]; operating: boolean };
export type JoinApplicant = { name: string; address: string | null; representativeName: string | null; corporateNumber: string | null };

const hasPhotos = (a: JoinApplicationAnswers): boolean => PHOTO_KINDS.every((k) => a.photos?.includes(k));

/** Whether a page is asked, given the establishment's JSIC codes and the answers so far. */
export const isRelevant = (page: JoinPage, a: JoinApplicationAnswers, est: Pick<JoinEstablishment, 'jsicCodes'> | undefined): boolean => {
  const mask = est ? addOnMask(est.jsicCodes) : 0;
  switch (page) {
    case 'textile':
      return (mask & 1) !== 0;
    case 'association':
      return (mask & 6) !== 0;
    case 'reasons':
      return a.amounts === 'not_shown' || (a.photos !== undefined && !hasPhotos(a));
    default:
      return true;
  }
};

export const relevantPages = (a: JoinApplicationAnswers, est: Pick<JoinEstablishment, 'jsicCodes'> | undefined): JoinPage[] => JOIN_PAGES.filter((p) => isRelevant(p, a, est));

/** The page after `current` that is asked, or undefined after the last (→ check your answers). */
export const nextPage = (current: JoinPage | JoinStep, a: JoinApplicationAnswers, est: Pick<JoinEstablishment, 'jsicCodes'> | undefined): JoinPage | undefined => {
  const from = JOIN_PAGES.indexOf((current === 'declaration' ? 'declarations' : current) as JoinPage);
  return JOIN_PAGES.slice(from + 1).find((p) => isRelevant(p, a, est));
};

export const previousPage = (current: JoinPage, a: JoinApplicationAnswers, est: Pick<JoinEstablishment, 'jsicCodes'> | undefined): JoinPage | undefined =>
  [...JOIN_PAGES.slice(0, JOIN_PAGES.indexOf(current))].reverse().find((p) => isRelevant(p, a, est));

const declarationsOf = (a: JoinApplicationAnswers): Partial<Record<DisqualificationItem, YesNo>> =>
  a.declarations ?? (a.declaration === 'none_apply' ? (Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [i, 'no'])) as Record<DisqualificationItem, YesNo>) : {});

/**
 * The first page that must be answered before submitting, or undefined when the application can be submitted.
 * Pages whose gaps the rules report (add-ons, evidence, reason statements) do not block: check-your-answers shows
 * the rule that fails and links to the page, and the reviewer sees the same determination.
 */
export const firstMissingStep = (a: JoinApplicationAnswers): JoinPage | undefined => {
  if (!a.establishmentId) return 'establishment';
  if (!a.shipments) return 'shipments';
  if (!a.documents?.length) return 'documents';
  if (!a.photos) return 'photos';
  const d = declarationsOf(a);
  if (DISQUALIFICATION_ITEMS.some((i) => !d[i])) return 'declarations';
  if ((a.pledges?.length ?? 0) !== PLEDGES.length) return 'pledges';
  return undefined;
};

// ---- validation of one page ----

const str = (raw: unknown): string => (typeof raw === 'string' ? raw.normalize('NFC').trim() : '');
const list = (raw: unknown): string[] => (Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : typeof raw === 'string' && raw ? [raw] : []);
const problem = (field: string, ja: string, en: string): FieldProblem => ({ field, message: { ja, en } });
const oneOf = <T extends string>(values: readonly T[], raw: unknown): T | undefined => (values as readonly string[]).includes(raw as string) ? (raw as T) : undefined;
const LONG_TEXT = 2000;

const text = (problems: FieldProblem[], field: string, raw: unknown, label: { ja: string; en: string }): string => {
  const v = str(raw);
  if (!v) problems.push(problem(field, `${label.ja}を入力してください`, `Enter ${label.en}`));
  else if (v.length > LONG_TEXT) problems.push(problem(field, `${label.ja}は${LONG_TEXT}文字以内で入力してください`, `${label.en} must be ${LONG_TEXT} characters or fewer`));
  return v;
};

export type StepOptions = { establishmentIds: readonly string[]; categoryIds: readonly string[]; asOf: LegalDate };

/** Validates one page's posted fields; returns the answers it sets or the problems (field names are the ids the error summary links to). */
export const validateJoinStep = (step: JoinStep | JoinPage, body: Record<string, unknown>, options: StepOptions): { answers: Partial<JoinApplicationAnswers>; problems: FieldProblem[] } => {
  const problems: FieldProblem[] = [];
  const done = (answers: Partial<JoinApplicationAnswers>) => ({ answers: problems.length ? {} : answers, problems });
  switch (step) {
    case 'establishment': {
      const id = str(body.establishmentId);
      if (!options.establishmentIds.includes(id)) problems.push(problem('establishmentId', '申請する事業所を選択してください', 'Choose the establishment you are applying for'));
      return done({ establishmentId: id });
    }
    case 'categories': {
      const categories = list(body.categories).filter((c) => options.categoryIds.includes(c));
      if (categories.length === 0) problems.push(problem('categories', '受け入れる予定の業務区分を1つ以上選択してください', 'Choose at least one business category you plan to employ workers in'));
      return done({ categories });
    }
    case 'shipments': {
      const v = oneOf(YES_NO, body.shipments);
      if (!v) problems.push(problem('shipments', '直近1年以内の出荷の有無を選択してください', 'Choose whether the establishment shipped goods in the last year'));
      return done({ shipments: v });
    }
    case 'documents': {
      const docs = list(body.documents).filter((d): d is (typeof SHIPMENT_DOCUMENT_KINDS)[number] => (SHIPMENT_DOCUMENT_KINDS as readonly string[]).includes(d));
      if (docs.length === 0) problems.push(problem('documents', '提出する書類を1つ以上選択してください', 'Choose at least one document you will provide'));
      return done({ documents: docs });
    }
    case 'amounts': {
      const amounts = oneOf(AMOUNT_ANSWERS, body.amounts);
      const intraCompany = oneOf(YES_NO, body.intraCompany);
      if (!amounts) problems.push(problem('amounts', '書類に出荷金額が記載されているかを選択してください', 'Choose whether the documents show the amounts shipped'));
      if (!intraCompany) problems.push(problem('intraCompany', '同じ会社の他の事業所への出荷かどうかを選択してください', 'Choose whether the shipments go to another establishment of the same company'));
      return done({ amounts, intraCompany });
    }
    case 'photos': {
      const photos = list(body.photos).filter((d): d is (typeof PHOTO_KINDS)[number] => (PHOTO_KINDS as readonly string[]).includes(d));
      return done({ photos });
    }
    case 'reasons': {
      const out: Partial<JoinApplicationAnswers> = {};
      if (body.needsAmountReason === '1') out.noAmountReason = text(problems, 'noAmountReason', body.noAmountReason, { ja: '金額を示せない理由', en: 'the reason the amounts cannot be shown' });
      if (body.needsPhotoReason === '1') {
        out.photoReason = text(problems, 'photoReason', body.photoReason, { ja: '画像を提出できない理由', en: 'the reason the photos cannot be given' });
        out.usageExplanation = text(problems, 'usageExplanation', body.usageExplanation, { ja: '製造品の用途と機能の説明', en: 'where the product is used and what it does' });
      }
      return done(out);
    }
    case 'textile': {
      const humanRights = oneOf(HUMAN_RIGHTS_ANSWERS, body.humanRights);
      const t: TextileAnswers = {};
      if (!humanRights) problems.push(problem('humanRights', '人権基準の認証の状況を選択してください', 'Choose the status of your human-rights certification'));
      else t.humanRights = humanRights;
      if (humanRights === 'certified') {
        const scheme = oneOf(HUMAN_RIGHTS_SCHEMES, body.scheme);
        if (!scheme) problems.push(problem('scheme', '認証の種類を選択してください', 'Choose the certification scheme'));
        else t.scheme = scheme;
        const validUntil = str(body.validUntil);
        if (!isLegalDate(validUntil)) problems.push(problem('validUntil', '有効期限を YYYY-MM-DD の形で入力してください（例：2027-03-31）', 'Enter the expiry date as YYYY-MM-DD (for example 2027-03-31)'));
        else t.validUntil = validUntil;
      }
      if (humanRights === 'in_progress') {
        const sub = oneOf(YES_NO, body.substituteDocument);
        if (!sub) problems.push(problem('substituteDocument', '代替書類を提出するかを選択してください', 'Choose whether you will give the substitute document'));
        else t.substituteDocument = sub;
      }
      for (const [field, ja, en] of [
        ['attendance', '勤怠管理システムが経済産業省のリストに掲載されているかを選択してください', "Choose whether your attendance system is on METI's list"],
        ['partnership', 'パートナーシップ構築宣言を公表しているかを選択してください', 'Choose whether you have published a partnership-building declaration'],
        ['monthlySalary', '月給制で支払うかを選択してください', 'Choose whether the workers are paid a monthly salary'],
      ] as const) {
        const v = oneOf(YES_NO, body[field]);
        if (!v) problems.push(problem(field, ja, en));
        else t[field] = v;
      }
      return done({ textile: t });
    }
    case 'association': {
      const name = str(body.associationName);
      const evidence = oneOf(ASSOCIATION_EVIDENCE, body.associationEvidence);
      const heldBy = oneOf(ASSOCIATION_HELD_BY, body.associationHeldBy);
      if (!name) problems.push(problem('associationName', '加入している業界団体の名称を入力してください', 'Enter the name of the association you belong to'));
      else if (name.length > 200) problems.push(problem('associationName', '団体名は200文字以内で入力してください', 'The association name must be 200 characters or fewer'));
      if (!heldBy) problems.push(problem('associationHeldBy', '加入しているのは誰かを選択してください', 'Choose who holds the membership'));
      if (!evidence) problems.push(problem('associationEvidence', '加入を証明する書類を選択してください', 'Choose the document that proves the membership'));
      return done({ association: { name, evidence, heldBy } });
    }
    case 'evidence':
      return done({});
    case 'declaration': {
      if (body.declaration !== 'none_apply') problems.push(problem('declaration', '欠格事由に該当しないことを申し出てください', 'Declare that none of the disqualification grounds apply'));
      return done({ declaration: 'none_apply', declarations: Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [i, 'no'])) });
    }
    case 'declarations': {
      const declarations: Partial<Record<DisqualificationItem, YesNo>> = {};
      for (const item of DISQUALIFICATION_ITEMS) {
        const v = oneOf(YES_NO, body[`declaration_${item}`]);
        if (!v) problems.push(problem(`declaration_${item}`, `（${item}）について「該当する」か「該当しない」を選択してください`, `Answer yes or no for item (${item})`));
        else declarations[item] = v;
      }
      return { answers: problems.length ? {} : { declarations }, problems };
    }
    case 'pledges': {
      const pledges = list(body.pledges).filter((d): d is (typeof PLEDGES)[number] => (PLEDGES as readonly string[]).includes(d));
      if (pledges.length !== PLEDGES.length) problems.push(problem('pledges', '誓約事項のすべてに同意してください', 'Agree to every pledge'));
      return done({ pledges });
    }
  }
};

// ---- evidence slots ----

/** Kinds of uploaded evidence: one per template (sample_<id>), the association certificate, the photos. */
export const templateKind = (t: EvidenceTemplate): string => `template_${t.replace(/-/g, '_')}`;

/** The evidence files the application needs, given the establishment's JSIC codes and the answers. */
export const evidenceSlots = (a: JoinApplicationAnswers, est: Pick<JoinEstablishment, 'jsicCodes'> | undefined): { kind: string; template?: EvidenceTemplate }[] => {
  const codes = est?.jsicCodes ?? [];
  const templates = [...new Set(codes.map(templateFor))];
  if (templates.includes('11') && a.textile?.humanRights === 'in_progress') templates.push('11_02');
  const slots: { kind: string; template?: EvidenceTemplate }[] = templates.map((t) => ({ kind: templateKind(t), template: t }));
  if (addOnMask(codes) & 6) slots.push({ kind: 'association_certificate' });
  if (a.textile?.humanRights === 'certified') slots.push({ kind: 'human_rights_certificate' });
  if (a.photos?.includes('product')) slots.push({ kind: 'product_photo' });
  if (a.photos?.includes('plant')) slots.push({ kind: 'plant_photo' });
  return slots;
};

const uploaded = (a: JoinApplicationAnswers, kind: string): boolean => (a.evidence ?? []).some((e) => e.kind === kind);

// ---- facts for the rules ----

/**
 * The last expulsion of the applicant, for the re-join block (council art.10(4)(ii) via jaim-membership-faq Q2-1).
 * The expulsion module (src/domain/expulsion/, `rejoinBlockFor`) provides it; `lastExpulsionFor` in
 * ./last-expulsion.ts is the seam that asks it.
 */
export type LastExpulsion = Expulsion | null;

/** The facts of the `jaim-join` determination (rules/jaim-membership-faq/join.ts) from the answers. */
export const joinFactsFrom = (applicant: JoinApplicant, est: JoinEstablishment, a: JoinApplicationAnswers, applicationDate: LegalDate, lastExpulsion: LastExpulsion = null): JaimJoinFacts => {
  const documents = a.documents ?? [];
  const photos = a.photos ?? [];
  const codes = est.jsicCodes;
  const mask = addOnMask(codes);
  const d = declarationsOf(a);
  const templates = [...new Set(codes.map(templateFor))];
  if (a.textile?.humanRights === 'in_progress') templates.push('11_02');
  const t = a.textile;
  return {
    applicant: {
      kind: 'corporation',
      name: applicant.name,
      address: applicant.address ?? '',
      representative: applicant.representativeName ?? '',
      corporateNumberPresent: !!applicant.corporateNumber,
    },
    establishment: {
      name: est.name,
      address: est.address ?? '',
      jsicCodes: codes,
      operating: est.operating,
      shipmentsInLastYear: a.shipments === 'yes',
      evidence: {
        // Only templates for which a file was uploaded count as provided (Q2-3-6).
        templates: templates.filter((tp) => uploaded(a, templateKind(tp))),
        documentKinds: documents,
        withinLastYear: a.shipments === 'yes',
        amountsShown: a.amounts !== 'not_shown',
        intraCompany: a.intraCompany === 'yes',
        noAmountReason: !!a.noAmountReason,
        productPhotos: photos.includes('product'),
        plantPhotos: photos.includes('plant'),
        reasonStatement: !!a.photoReason,
        usageExplanation: !!a.usageExplanation,
      },
    },
    declarations: Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [i, d[i] === 'no' ? 'does_not_apply' : d[i] === 'yes' ? 'applies' : null])) as JaimJoinFacts['declarations'],
    pledges: { codeOfConduct: !!a.pledges?.includes('codeOfConduct'), cooperationDuties: !!a.pledges?.includes('cooperationDuties') },
    addOn: {
      ...(mask & 1
        ? {
            textile: {
              humanRights: !t?.humanRights
                ? null
                : t.humanRights === 'certified' && t.scheme && t.validUntil && isLegalDate(t.validUntil)
                  ? { kind: 'certified' as const, scheme: t.scheme, validUntil: t.validUntil }
                  : t.humanRights === 'in_progress'
                    ? { kind: 'in_progress' as const, substituteDocument: t.substituteDocument === 'yes' && uploaded(a, templateKind('11_02')) }
                    : t.humanRights === 'none'
                      ? { kind: 'none' as const }
                      : null,
              attendanceSystemOnMetiList: t?.attendance ? t.attendance === 'yes' : null,
              partnershipDeclarationPublished: t?.partnership ? t.partnership === 'yes' : null,
              monthlySalary: t?.monthlySalary ? t.monthlySalary === 'yes' : null,
            },
          }
        : {}),
      ...(mask & 6 && a.association?.name && a.association.evidence && a.association.heldBy
        ? {
            associationMemberships: [
              {
                association: a.association.name,
                // Only the association's official membership certificate counts (Q2-3-4), and only once uploaded.
                evidence: a.association.evidence === 'membership_certificate' && !uploaded(a, 'association_certificate') ? ('other' as const) : a.association.evidence,
                heldBy: a.association.heldBy,
              },
            ],
          }
        : {}),
    },
    lastExpulsion,
    applicationDate,
  };
};
