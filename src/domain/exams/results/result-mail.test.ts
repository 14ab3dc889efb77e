import { describe, expect, it } from 'vitest';
import { resultNoticeMail, type ResultNotice } from './result-mail.js';

const notice: ResultNotice = {
  name: 'NGUYEN Van An',
  examNumber: 'SSW1-2026-0000001-X',
  category: { ja: '機械金属加工', en: 'Machining and metalworking' },
  examDate: '2026-02-15',
  outcome: 'pass',
  writtenScore: 80,
  practicalScore: 70,
  certificateNumber: 'C1-2026-0000001',
  verifyUrl: 'https://example.jp/certificates/verify',
};

describe('resultNoticeMail', () => {
  it.each([
    ['ja', '合格'],
    ['en', 'PASS'],
    ['vi', 'ĐẠT'],
    ['id', 'LULUS'],
  ] as const)('%s: says the result, scores and certificate number', (lang, word) => {
    const mail = resultNoticeMail(lang, notice);
    expect(mail.text).toContain(word);
    expect(mail.text).toContain('80/100');
    expect(mail.text).toContain('C1-2026-0000001');
    expect(mail.subject).toContain(notice.examNumber);
  });
  it('a failed candidate gets no certificate line', () => {
    const mail = resultNoticeMail('en', { ...notice, outcome: 'fail', certificateNumber: null });
    expect(mail.text).toContain('FAIL');
    expect(mail.text).not.toContain('Certificate number');
  });
});
