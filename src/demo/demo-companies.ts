import { corporateNumberFromBase } from '../domain/membership/corporate-number.js';

// Fictional companies with realistic Japanese names and addresses. 法人番号 are built from made-up base numbers
// with the correct check digit; they are not (meant to be) real companies' numbers.

export type DemoState = 'listed' | 'submitted' | 'under_review' | 'correction_requested' | 'refused' | 'draft';

export type DemoEstablishment = { name: string; nameKana: string; postalCode: string; prefecture: string; address: string; jsicCodes: string; state: DemoState };

export type DemoCompany = {
  key: string;
  name: string;
  nameKana: string;
  corporateNumber: string;
  postalCode: string;
  prefecture: string;
  address: string;
  representativeName: string;
  admin: { email: string; displayName: string; locale: 'ja' | 'en' };
  establishments: DemoEstablishment[];
};

export const DEMO_COMPANIES: DemoCompany[] = [
  {
    key: 'tokai',
    name: '株式会社東海精密工業',
    nameKana: 'カブシキガイシャトウカイセイミツコウギョウ',
    corporateNumber: corporateNumberFromBase('180001099871'),
    postalCode: '448-0001',
    prefecture: '23',
    address: '刈谷市井ケ谷町桜島12-4',
    representativeName: '鈴木 健一',
    admin: { email: 'tokai@demo.jinzai.invalid', displayName: '鈴木 美咲', locale: 'ja' },
    establishments: [
      { name: '本社工場', nameKana: 'ホンシャコウジョウ', postalCode: '448-0001', prefecture: '23', address: '刈谷市井ケ谷町桜島12-4', jsicCodes: '2691', state: 'listed' },
      { name: '豊橋工場', nameKana: 'トヨハシコウジョウ', postalCode: '441-8074', prefecture: '23', address: '豊橋市明海町5-18', jsicCodes: '2592, 2691', state: 'listed' },
    ],
  },
  {
    key: 'naniwa',
    name: '浪速バルブ株式会社',
    nameKana: 'ナニワバルブカブシキガイシャ',
    corporateNumber: corporateNumberFromBase('120001177342'),
    postalCode: '559-0031',
    prefecture: '27',
    address: '大阪市住之江区南港東8-3-21',
    representativeName: '田中 浩二',
    admin: { email: 'naniwa@demo.jinzai.invalid', displayName: 'Daniel Ortega', locale: 'en' },
    establishments: [
      { name: '南港工場', nameKana: 'ナンコウコウジョウ', postalCode: '559-0031', prefecture: '27', address: '大阪市住之江区南港東8-3-21', jsicCodes: '2592', state: 'listed' },
      { name: '堺第二工場', nameKana: 'サカイダイニコウジョウ', postalCode: '592-8331', prefecture: '27', address: '堺市西区築港新町2-6-7', jsicCodes: '2592', state: 'under_review' },
    ],
  },
  {
    key: 'minato',
    name: '株式会社みなと電子',
    nameKana: 'カブシキガイシャミナトデンシ',
    corporateNumber: corporateNumberFromBase('020001088653'),
    postalCode: '236-0004',
    prefecture: '14',
    address: '横浜市金沢区福浦2-9-14',
    representativeName: '佐藤 由美子',
    admin: { email: 'minato@demo.jinzai.invalid', displayName: '佐藤 直人', locale: 'ja' },
    establishments: [
      { name: '横浜事業所', nameKana: 'ヨコハマジギョウショ', postalCode: '236-0004', prefecture: '14', address: '横浜市金沢区福浦2-9-14', jsicCodes: '2814', state: 'submitted' },
    ],
  },
  {
    key: 'shinshu',
    name: '株式会社信州プレス',
    nameKana: 'カブシキガイシャシンシュウプレス',
    corporateNumber: corporateNumberFromBase('100001034529'),
    postalCode: '399-0702',
    prefecture: '20',
    address: '塩尻市広丘野村1620-3',
    representativeName: '小林 誠',
    admin: { email: 'shinshu@demo.jinzai.invalid', displayName: '小林 さくら', locale: 'ja' },
    establishments: [
      { name: '塩尻工場', nameKana: 'シオジリコウジョウ', postalCode: '399-0702', prefecture: '20', address: '塩尻市広丘野村1620-3', jsicCodes: '2451', state: 'correction_requested' },
    ],
  },
  {
    key: 'kyushu',
    name: '九州鋳造株式会社',
    nameKana: 'キュウシュウチュウゾウカブシキガイシャ',
    corporateNumber: corporateNumberFromBase('290001061187'),
    postalCode: '800-0104',
    prefecture: '40',
    address: '北九州市門司区新門司北3-2-1',
    representativeName: '中村 剛',
    admin: { email: 'kyushu@demo.jinzai.invalid', displayName: '中村 里奈', locale: 'ja' },
    establishments: [
      { name: '新門司工場', nameKana: 'シンモジコウジョウ', postalCode: '800-0104', prefecture: '40', address: '北九州市門司区新門司北3-2-1', jsicCodes: '225', state: 'refused' },
    ],
  },
  {
    key: 'hokuriku',
    name: '有限会社北陸金型製作所',
    nameKana: 'ユウゲンガイシャホクリクカナガタセイサクショ',
    corporateNumber: corporateNumberFromBase('230002014476'),
    postalCode: '933-0951',
    prefecture: '16',
    address: '高岡市長慶寺530',
    representativeName: '山本 昭',
    admin: { email: 'hokuriku@demo.jinzai.invalid', displayName: '山本 恵', locale: 'ja' },
    // Listed on the council roster only (until 2025-12-25) and never migrated to JAIM: shows the "as of" search.
    establishments: [
      { name: '高岡工場', nameKana: 'タカオカコウジョウ', postalCode: '933-0951', prefecture: '16', address: '高岡市長慶寺530', jsicCodes: '2691', state: 'draft' },
    ],
  },
];
