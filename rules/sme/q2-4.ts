import { cite, defineRule, msg, period } from '../core/index.js';
import { SME_THRESHOLDS_FROM, manufacturingSmeThresholds } from './art-002.js';

// jaim-membership-faq Q2-4-4: "regular employees" (常時使用する従業員) are those who must be given advance notice of
// dismissal under Labour Standards Act art.20; part-timers, dispatched, contract and non-regular staff and
// secondees are judged case by case. Q2-4-5: JAIM applies the manufacturing thresholds to every applicant.

/** JAIM registered by METI as the SSW acceptance body (domain-data §0, confirmed): its FAQ applies from then. */
export const JAIM_FROM = period('2025-06-25');

export type EmployeeFacts = {
  /** Employees who are clearly regular (advance dismissal notice needed under LSA art.20). Officers are not counted. */
  readonly regularEmployees: number;
  /** Part-time, dispatched, contract, non-regular staff or secondees whose status the applicant could not settle. */
  readonly uncertainStaff: number;
};

export const employeeTest = defineRule<EmployeeFacts, 'met' | 'not-met'>({
  id: 'sme/art-002/employee-test',
  title: msg('常時使用する従業員数の基準', 'Regular-employee criterion'),
  versions: [
    {
      period: period(SME_THRESHOLDS_FROM),
      citation: cite('sme-basic-act', '2', '1', 'i'),
      also: [cite('jaim-membership-faq', 'Q2-4-4')],
      summary: msg(
        '製造業等では、常時使用する従業員（労働基準法第20条の解雇予告を要する者）が300人以下なら中小企業者に当たる。パート・派遣・契約社員・出向者等の算入は個別に判断され、その数で結論が変わるときは人が判断する。',
        'In manufacturing and similar sectors, 300 or fewer regular employees (those owed advance dismissal notice under Labour Standards Act art.20) makes an SME. Part-time, dispatched, contract staff and secondees are judged case by case; when they change the result, a person decides.',
      ),
      evaluate: ({ regularEmployees, uncertainStaff }, ctx) => {
        const { employeesMax } = ctx.param(manufacturingSmeThresholds);
        const used = { regularEmployees, uncertainStaff, employeesMax };
        if (regularEmployees > employeesMax) {
          return {
            outcome: 'not-met',
            message: msg(`常時使用する従業員${regularEmployees}人は上限${employeesMax}人を超えています。`, `${regularEmployees} regular employees exceed the limit of ${employeesMax}.`),
            used,
          };
        }
        if (regularEmployees + uncertainStaff <= employeesMax) {
          return {
            outcome: 'met',
            message: msg(
              `常時使用する従業員は${uncertainStaff > 0 ? `判断未了の${uncertainStaff}人を含めても` : ''}${regularEmployees + uncertainStaff}人で、上限${employeesMax}人以下です。`,
              `Regular employees number ${regularEmployees + uncertainStaff}${uncertainStaff > 0 ? ` even counting the ${uncertainStaff} unsettled staff` : ''}, within the limit of ${employeesMax}.`,
            ),
            used,
          };
        }
        return {
          outcome: 'needs_review',
          message: msg(
            `常時使用する従業員は${regularEmployees}人ですが、算入が未確定のパート・派遣・契約社員・出向者等${uncertainStaff}人を含めると上限${employeesMax}人を超えます。労働基準法第20条に照らした個別の判断が必要です。`,
            `There are ${regularEmployees} regular employees, but counting the ${uncertainStaff} part-time, dispatched, contract staff or secondees whose status is unsettled would exceed the limit of ${employeesMax}. A case-by-case judgement under Labour Standards Act art.20 is needed.`,
          ),
          used,
        };
      },
    },
  ],
});

export type SectorFacts = {
  /** The sector the applicant would fall under by its main business (e.g. 'services' for a staffing company); informative only. */
  readonly declaredSector?: string | undefined;
};

export const jaimUsesManufacturingCriterion = defineRule<SectorFacts, 'manufacturing'>({
  id: 'sme/q2-4/jaim-manufacturing-criterion',
  title: msg('JAIMは製造業の基準で中小企業を判定する', 'JAIM judges SME status by the manufacturing thresholds'),
  versions: [
    {
      period: JAIM_FROM,
      citation: cite('jaim-membership-faq', 'Q2-4-5'),
      also: [cite('sme-basic-act', '2', '1', 'i')],
      summary: msg(
        'JAIMは製造分野の受入れ事業所の団体であるため、主たる事業が他業種（例：人材派遣業）の申込者にも製造業の中小企業基準を当てはめる。',
        'Because JAIM is a body of manufacturing establishments, it applies the manufacturing SME thresholds to every applicant, even one whose main business is another sector (e.g. staffing).',
      ),
      evaluate: ({ declaredSector }) => ({
        outcome: 'manufacturing',
        message:
          declaredSector && declaredSector !== 'manufacturing'
            ? msg(`主たる事業の業種（${declaredSector}）にかかわらず、製造業の基準で判定します。`, `Whatever the main business sector (${declaredSector}), the manufacturing thresholds apply.`)
            : msg('製造業の基準で判定します。', 'The manufacturing thresholds apply.'),
        used: { declaredSector: declaredSector ?? null },
      }),
    },
  ],
});
