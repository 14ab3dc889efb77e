// Every rule names where it comes from. Citations are data, checked by tests, and shown to users.

export const DOCUMENTS = {
  'council-operating-rules': { ja: '製造業特定技能外国人材受入れ協議・連絡会 運営要領', en: 'Council operating rules' },
  'jaim-membership-faq': { ja: '工業製品製造技能人材機構（JAIM）よくある質問', en: 'JAIM membership FAQ' },
  'support-project-spec': { ja: '令和7年度製造業における外国人材受入れ支援事業 仕様', en: 'FY2025 support project specification' },
  'manufacturing-activity-plan-guide': { ja: '製造特定活動計画の手引き（解説）', en: 'Manufacturing activity plan guide' },
  'jetro-talent-package-guide': { ja: 'ジェトロ外国人材活躍支援パッケージ 申込要領（2024年度）', en: 'JETRO talent support package guide (FY2024)' },
  'ssw-standards-ordinance': { ja: '特定技能雇用契約及び一号特定技能外国人支援計画の基準等を定める省令', en: 'SSW standards ordinance (MOJ Ordinance No. 5 of 2019)' },
  'sme-basic-act': { ja: '中小企業基本法 第2条', en: 'SME Basic Act art.2' },
  'financial-statements-regulation': { ja: '財務諸表等の用語、様式及び作成方法に関する規則', en: 'Regulation on Terminology, Forms and Preparation of Financial Statements' },
  'uwanose-kokuji': { ja: '上乗せ基準告示（令和4年経済産業省告示第127号）', en: 'METI additional-standards notice (No. 127 of 2022)' },
  'exam-implementation-guidelines': { ja: '製造分野特定技能評価試験実施要領', en: 'Manufacturing skills exam implementation guidelines' },
  'jsic': { ja: '日本標準産業分類', en: 'Japan Standard Industrial Classification' },
} as const;

export type DocumentId = keyof typeof DOCUMENTS;

export type Citation = {
  readonly document: DocumentId;
  /** Article, requirement or FAQ number as the source numbers it: '10', 'Q2-3-1', 'req.19', 'III.1(1)'. */
  readonly article: string;
  readonly paragraph?: string;
  readonly item?: string;
  /** Where the source is uncertain or secondary, say so: it is shown beside the citation. */
  readonly confidence?: 'confirmed' | 'secondary' | 'inferred' | 'example';
};

export const cite = (document: DocumentId, article: string, paragraph?: string, item?: string, confidence?: Citation['confidence']): Citation => ({
  document,
  article,
  ...(paragraph === undefined ? {} : { paragraph }),
  ...(item === undefined ? {} : { item }),
  ...(confidence === undefined ? {} : { confidence }),
});

const isFaqOrLabel = (article: string): boolean => /^[A-Za-z(（]/.test(article) || article.includes('.') || article.includes('-');

/** `council-operating-rules art.10(4)(ii)`, `jaim-membership-faq Q2-3-1`. */
export const formatCitation = (c: Citation): string => {
  const head = isFaqOrLabel(c.article) ? c.article : `art.${c.article}`;
  const para = c.paragraph ? `(${c.paragraph})` : '';
  const item = c.item ? `(${c.item})` : '';
  return `${c.document} ${head}${para}${item}`;
};

export const isCompleteCitation = (c: Citation | undefined): c is Citation =>
  c !== undefined && c.document in DOCUMENTS && typeof c.article === 'string' && c.article.trim().length > 0;
