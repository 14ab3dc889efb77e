import { type Parameter, cite, defineParameter, defineRule, msg, period } from '../core/index.js';

// 中小企業基本法 art.2(1): who counts as an SME. Item (i) covers manufacturing (and construction, transport and
// others): capital or total contributions of ¥300M or less, OR 300 or fewer regular employees — either suffices.
// JAIM applies the item (i) thresholds to every applicant (jaim-membership-faq Q2-4-5, see q2-4.ts).

export type SmeThresholds = { readonly capitalMaxYen: number; readonly employeesMax: number };

/**
 * The thresholds as they stand since the 1999 amendment of the Act (平成11年法律第146号, in force 1999-12-03):
 * values confirmed on the SME Agency page; the start date is from our knowledge of the amendment (inferred).
 */
export const SME_THRESHOLDS_FROM = '1999-12-03';

export const manufacturingSmeThresholds: Parameter<SmeThresholds> = defineParameter({
  id: 'sme/manufacturing-thresholds',
  description: msg('中小企業者の範囲（製造業その他）：資本金の上限と常時使用する従業員数の上限', 'SME thresholds for manufacturing and others: maximum capital and maximum regular employees'),
  values: [
    {
      period: period(SME_THRESHOLDS_FROM),
      value: { capitalMaxYen: 300_000_000, employeesMax: 300 },
      citation: cite('sme-basic-act', '2', '1', 'i'),
      status: 'official',
      note: 'Values confirmed (中小企業庁 https://www.chusho.meti.go.jp/keiei/sapoin/portal/03_1teigi.html); start date 1999-12-03 inferred from the 1999 amendment.',
    },
  ],
});

export type SectorThreshold = { readonly sector: string; readonly sectorEn: string; readonly capitalMaxYen: number; readonly employeesMax: number };

/** Other sectors' thresholds, kept for completeness and display. JAIM does not use them (Q2-4-5). */
export const otherSectorSmeThresholds: Parameter<readonly SectorThreshold[]> = defineParameter({
  id: 'sme/other-sector-thresholds',
  description: msg('中小企業者の範囲（製造業以外の業種）— JAIMの判定では使用しない', 'SME thresholds for other sectors — not used by JAIM'),
  unit: 'list',
  values: [
    {
      period: period(SME_THRESHOLDS_FROM),
      value: [
        { sector: 'ゴム製品製造業（タイヤ・チューブ、工業用ベルトを除く）', sectorEn: 'Rubber products (except tyres, tubes, industrial belts)', capitalMaxYen: 300_000_000, employeesMax: 900 },
        { sector: '卸売業', sectorEn: 'Wholesale', capitalMaxYen: 100_000_000, employeesMax: 100 },
        { sector: '小売業', sectorEn: 'Retail', capitalMaxYen: 50_000_000, employeesMax: 50 },
        { sector: 'サービス業', sectorEn: 'Services', capitalMaxYen: 50_000_000, employeesMax: 100 },
        { sector: 'ソフトウェア業・情報処理サービス業', sectorEn: 'Software and information processing', capitalMaxYen: 300_000_000, employeesMax: 300 },
        { sector: '旅館業', sectorEn: 'Inns', capitalMaxYen: 50_000_000, employeesMax: 200 },
      ],
      citation: cite('sme-basic-act', '2', '1'),
      status: 'uncertain',
      note: 'Unused by JAIM (Q2-4-5). Values confirmed on the SME Agency page; the rubber, software and inn rows come from the Act\'s cabinet order, whose start date we have not verified.',
    },
  ],
});

export type CapitalFacts = {
  /** Capital or total contributions in yen; null for an individual (sole proprietor) or where there is none. */
  readonly capitalYen: number | null;
};

export const capitalTest = defineRule<CapitalFacts, 'met' | 'not-met' | 'not-applicable'>({
  id: 'sme/art-002/capital-test',
  title: msg('資本金基準', 'Capital criterion'),
  versions: [
    {
      period: period(SME_THRESHOLDS_FROM),
      citation: cite('sme-basic-act', '2', '1', 'i'),
      summary: msg(
        '製造業等では、資本金又は出資の総額が3億円以下の会社は中小企業者に当たる（従業員数の基準と選択的）。',
        'In manufacturing and similar sectors, a company whose capital or total contributions are ¥300M or less is an SME (either this or the employee criterion suffices).',
      ),
      evaluate: ({ capitalYen }, ctx) => {
        const { capitalMaxYen } = ctx.param(manufacturingSmeThresholds);
        if (capitalYen === null) {
          return {
            outcome: 'not-applicable',
            message: msg('資本金がない（個人事業主等）ため、従業員数の基準のみで判定します。', 'There is no capital (e.g. a sole proprietor), so only the employee criterion applies.'),
            used: { capitalYen, capitalMaxYen },
          };
        }
        const met = capitalYen <= capitalMaxYen;
        return {
          outcome: met ? 'met' : 'not-met',
          message: met
            ? msg(`資本金${capitalYen}円は上限${capitalMaxYen}円以下です。`, `Capital of ¥${capitalYen} is within the ¥${capitalMaxYen} limit.`)
            : msg(`資本金${capitalYen}円は上限${capitalMaxYen}円を超えています。`, `Capital of ¥${capitalYen} exceeds the ¥${capitalMaxYen} limit.`),
          used: { capitalYen, capitalMaxYen },
        };
      },
    },
  ],
});
