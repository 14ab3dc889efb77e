import { type Citation, cite, period } from '../core/index.js';

// ジェトロ外国人材活躍支援パッケージ 申込要領（2024年度, published 2024-03). The guide is for the FY2024 service only
// (II.6 note): every rule is in force from 2024-04-01 to 2025-03-31. A later year's guide is a new version;
// asking about another fiscal year throws NotInForce.
export const PACKAGE_PERIOD = period('2024-04-01', '2025-04-01');
export const PACKAGE_FISCAL_YEAR = 2024;

/** `jetro-talent-package-guide III.1(1)④`: the guide numbers sections II.2(1) and items ①–⑧. */
export const g = (article: string, item?: string): Citation => cite('jetro-talent-package-guide', article, undefined, item);
