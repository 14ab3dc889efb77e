import { defineRule, msg } from '../core/index.js';
import type { CompanyCase, ProjectCase, Relation } from './facts.js';
import { PLAN_PERIOD, req } from './instrument.js';
import { type ReqOutcome, fromReview, met, missing, notMet, review } from './outcome.js';

// Requirements 1–5: the company and the project.

export const req01MetiManufacturer = defineRule<CompanyCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-01/meti-manufacturer',
  title: msg('経済産業省所掌の製造事業者', 'Manufacturer under METI jurisdiction'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(1),
      summary: msg(
        '申請できるのは、事業が経済産業省の所掌に属する製造事業者に限られる（農林水産省・国土交通省・厚生労働省の所掌に属する事業者は対象外）。',
        'Only a manufacturer whose business falls under METI may apply; businesses under other ministries (agriculture, transport, health) may not.',
      ),
      evaluate: ({ company }) => {
        const v = company.metiManufacturer;
        if (v === undefined) return missing('company.metiManufacturer');
        return v
          ? met('経済産業省所掌の製造事業者です。', 'The company is a manufacturer under METI jurisdiction.', { metiManufacturer: v })
          : notMet('経済産業省所掌の製造事業者ではないため申請できません。', 'The company is not a manufacturer under METI jurisdiction, so it cannot apply.', { metiManufacturer: v });
      },
    },
  ],
});

export type RelationCase = {
  readonly relation: Relation | undefined;
  readonly destination: 'company' | 'company-subsidiary' | 'other' | undefined;
};

const RELATION_LABEL: Record<Relation, { ja: string; en: string }> = {
  'same-entity': { ja: '同一法人', en: 'the same legal person' },
  subsidiary: { ja: '子会社', en: 'a subsidiary' },
  affiliate: { ja: '関連会社', en: 'an affiliate' },
  none: { ja: '子会社・関連会社のいずれでもない', en: 'neither a subsidiary nor an affiliate' },
  unknown: { ja: '未確定', en: 'not established' },
};

export const req02Relationship = defineRule<RelationCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-02/relationship',
  title: msg('外国事業所との関係と転勤・出向先', 'Relation to the foreign office and destination of the transfer'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(2),
      also: [req(2, '①'), req(2, '②'), req(2, '③'), req(2, '④')],
      summary: msg(
        '従業員の送り出し元は、申請企業と同一法人である外国の事業所、申請企業の子会社又は関連会社でなければならず、受入先は申請企業又はその子会社でなければならない。子会社・関連会社は財務諸表等規則第8条による。',
        'The sending office abroad must be part of the applicant itself, its subsidiary or its affiliate, and the employees must go to the applicant or its subsidiary; subsidiary and affiliate are as defined in the Financial Statements Regulation art.8.',
      ),
      evaluate: ({ relation, destination }) => {
        const used = { relation, destination };
        if (relation === undefined) return missing('project.relation', used);
        if (destination === undefined) return missing('project.destination', used);
        if (relation === 'unknown') {
          return review(
            '外国事業所と申請企業の関係（子会社・関連会社か）が確定していません。財務諸表等規則第8条に照らした確認が必要です。',
            'The relation between the foreign office and the applicant is not established; it must be checked against art.8 of the Financial Statements Regulation.',
            used,
          );
        }
        const label = RELATION_LABEL[relation];
        if (relation === 'none') {
          return notMet(`外国事業所は申請企業の${label.ja}ため、対象外です。`, `The foreign office is ${label.en} of the applicant, so the plan is not eligible.`, used);
        }
        if (destination === 'other') {
          return notMet(
            '受入先が申請企業又はその子会社ではないため、対象外です。',
            'The employees would go neither to the applicant nor to its subsidiary, so the plan is not eligible.',
            used,
          );
        }
        return met(
          `外国事業所は申請企業の${label.ja}であり、受入先は${destination === 'company' ? '申請企業' : '申請企業の子会社'}です。`,
          `The foreign office is ${label.en} of the applicant and the employees go to ${destination === 'company' ? 'the applicant' : "the applicant's subsidiary"}.`,
          used,
        );
      },
    },
  ],
});

const PURPOSE_LABEL = {
  'new-product-local-production': { ja: '日本から輸出実績のない製品の現地生産', en: 'local production of a product not previously exported from Japan' },
  'new-site-parts-export': { ja: '部品輸出の増加が見込まれる生産拠点の新設・ライン増設等', en: 'a new site or line expected to raise parts exports from Japan' },
  'local-production-required-by-order': { ja: '受注条件としての現地生産', en: 'local production required as a condition of an order' },
  other: { ja: 'その他の目的', en: 'another purpose' },
} as const;

export const req03PlanFitsPurpose = defineRule<ProjectCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-03/plan-fits-purpose',
  title: msg('受入事業計画が制度の趣旨に合致すること', "The plan fits the programme's purpose"),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(3),
      summary: msg(
        '計画は、国内を開発・母工場、海外を生産拠点とする役割分担により国内製造業の空洞化を抑えるという趣旨に沿うものでなければならない。国内拠点を縮小・撤退させる計画は趣旨に沿わない。趣旨への適合は審査での判断による。',
        'The plan must serve the aim of keeping development and mother plants in Japan while production goes abroad, so as to stem hollowing-out; a plan that shrinks or closes a Japanese site does not. Whether it fits is a reviewer\'s judgement.',
      ),
      evaluate: ({ project }) => {
        const used = { purpose: project.purpose, reducesDomesticProduction: project.reducesDomesticProduction, purposeReview: project.purposeReview };
        if (project.reducesDomesticProduction === true) {
          return notMet(
            '国内の生産拠点を縮小・撤退させる計画は制度の趣旨に合致しません。',
            'A plan that shrinks or closes a production site in Japan does not fit the programme\'s purpose.',
            used,
          );
        }
        if (project.purposeReview !== undefined) return fromReview(project.purposeReview, msg('制度の趣旨への合致', "fit with the programme's purpose"), used);
        if (project.purpose === undefined) return missing('project.purpose', used);
        if (project.reducesDomesticProduction === undefined) return missing('project.reducesDomesticProduction', used);
        const label = PURPOSE_LABEL[project.purpose];
        return review(
          `計画の目的（${label.ja}）が制度の趣旨に合致するかは審査担当者の判断を要します（現地生産拠点の位置付け、生産理由、製品、納入先、指導者数の妥当性を確認）。`,
          `Whether the plan's purpose (${label.en}) fits the programme is a reviewer's judgement (check the site's role, the reason for local production, the product, the customers and the number of instructors trained).`,
          used,
        );
      },
    },
  ],
});

export const req04TransferNeed = defineRule<ProjectCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-04/transfer-need',
  title: msg('技術移転の必要性と移転技術の内容', 'Need for and content of the technology transfer'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(4),
      summary: msg(
        '習得させる技能は、本人が未修得で、海外拠点の技能指導者・現場管理者に必要なものであり、本人が外国事業所で上位技能者又は現場管理者（係長級）であり、OJTでの習得が有効でなければならない。これらを満たしたうえで、趣旨への適合は審査での判断による。',
        'The skills must be new to the employee and needed to lead or supervise at the overseas site, the employee must have been a senior technician or line supervisor there, and on-the-job training must suit them; beyond that, fit with the programme is a reviewer\'s judgement.',
      ),
      evaluate: ({ project }) => {
        const t = project.transfer;
        const used = { transfer: t, transferReview: project.transferReview };
        if (t === undefined) return missing('project.transfer', used);
        const conditions = [
          ['skillsNotYetHeld', '未修得の技能であること', 'the skills are new to the employees'],
          ['neededForLeadRole', '技能指導者・現場管理者に必要な技能であること', 'the skills are needed to lead or supervise abroad'],
          ['candidatesWereSupervisors', '外国事業所で上位技能者・現場管理者であったこと', 'the employees were senior technicians or supervisors abroad'],
          ['ojtEffective', 'OJTによる習得が有効であること', 'on-the-job training suits the skills'],
        ] as const;
        const failed = conditions.filter(([k]) => t[k] === false);
        if (failed.length > 0) {
          return notMet(
            `技術移転の要件を満たしていません：${failed.map(([, ja]) => ja).join('、')}。`,
            `The transfer conditions are not met: ${failed.map(([, , en]) => en).join('; ')}.`,
            used,
          );
        }
        const unknown = conditions.find(([k]) => t[k] === undefined);
        if (unknown) return missing(`project.transfer.${unknown[0]}`, used);
        if (project.transferReview !== undefined) return fromReview(project.transferReview, msg('技術移転の必要性と内容', 'need for and content of the transfer'), used);
        return review(
          '技術移転の4条件は申告上満たされていますが、移転の必要性と内容が趣旨に合致するかは審査担当者の判断を要します。',
          'The four transfer conditions are declared met; whether the need for and content of the transfer fit the programme is a reviewer\'s judgement.',
          used,
        );
      },
    },
  ],
});

export const req05SameProject = defineRule<ProjectCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-05/same-project',
  title: msg('同一プロジェクト単位の申請', 'One application per project'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(5),
      summary: msg(
        '複数の従業員を受け入れる場合も、申請は工場・ラインの新設や改良といった共通の理由をもつ一つのプロジェクトごとに行う。来日時期、在留期間、習得技能は従業員ごとに異なってよい。',
        'Several employees may be covered by one application when they share one project (a new plant, a new or improved line); their arrival dates, stays and skills may differ.',
      ),
      evaluate: ({ project, employeeCount }) => {
        const used = { sameProject: project.sameProject, employeeCount };
        if (employeeCount <= 1) return met('受入れは1名であり、同一プロジェクトの要件を満たします。', 'One employee is covered, so the one-project condition is met.', used);
        if (project.sameProject === undefined) return missing('project.sameProject', used);
        return project.sameProject
          ? met(`${employeeCount}名の受入れは同一プロジェクトに属します。`, `The ${employeeCount} employees belong to one project.`, used)
          : notMet(
              '異なるプロジェクトの従業員は一つの申請にまとめられません。プロジェクトごとに申請してください。',
              'Employees of different projects cannot share one application: apply per project.',
              used,
            );
      },
    },
  ],
});
