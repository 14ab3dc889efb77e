import type { NoticeAudience } from '../../persistence/repositories/communications.repository.js';
import type { FieldProblem } from '../errors.js';
import { isPrefectureCode } from '../membership/prefectures.js';

export type AudienceInput = { prefectures?: string | string[]; jsic?: string; roster?: string; status?: string };

/** Who a notice or survey is for: every member (listed today), or filtered by prefecture, JSIC, roster and status. */
export const parseAudience = (input: AudienceInput, problems: FieldProblem[]): NoticeAudience => {
  const prefectures = (Array.isArray(input.prefectures) ? input.prefectures : input.prefectures ? [input.prefectures] : []).filter(Boolean);
  if (prefectures.some((p) => !isPrefectureCode(p))) problems.push({ field: 'prefectures', message: { ja: '都道府県を正しく選択してください', en: 'Choose valid prefectures' } });
  const jsic = (input.jsic ?? '').normalize('NFKC').split(/[\s,、]+/).filter(Boolean);
  if (jsic.some((j) => !/^[0-9]{2,4}$/.test(j))) problems.push({ field: 'jsic', message: { ja: '産業分類は2〜4桁の数字で、空白またはカンマで区切ってください', en: 'JSIC codes are 2 to 4 digits, separated by spaces or commas' } });
  const roster = input.roster ?? '';
  if (roster && roster !== 'council' && roster !== 'jaim') problems.push({ field: 'roster', message: { ja: '名簿を選択してください', en: 'Choose a roster' } });
  const status = input.status || 'listed';
  if (!['listed', 'applicant', 'any'].includes(status)) problems.push({ field: 'status', message: { ja: '対象を選択してください', en: 'Choose who it is for' } });
  return {
    ...(prefectures.length ? { prefectures } : {}),
    ...(jsic.length ? { jsic } : {}),
    ...(roster ? { roster: roster as 'council' | 'jaim' } : {}),
    status: status as NoticeAudience['status'],
  };
};
