import iconv from 'iconv-lite';

// The examinee ledger as CSV: UTF-8 with a BOM (Excel opens Japanese text correctly), or Shift_JIS (CP932) for older
// tools. CRLF line ends; a cell a spreadsheet would read as a formula is prefixed with ' (CSV injection).

export type LedgerCsvRow = {
  examNumber: string;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  nationality: string;
  examDate: string;
  categoryCode: string;
  level: string;
  setCode: string | null;
  setVersion: number | null;
  writtenScore: number | null;
  practicalScore: number | null;
  outcome: string | null;
  resultStatus: string | null;
  certificateNumber: string | null;
  certificateStatus: string | null;
  /** no_show is written as the result `absent` (the candidate has no scores or outcome). */
  registrationStatus?: string;
};

const HEADER = ['exam_number', 'family_name', 'given_name', 'date_of_birth', 'nationality', 'exam_date', 'category', 'level', 'question_set', 'written_score', 'practical_score', 'result', 'result_status', 'certificate_number', 'certificate_status'];

const cell = (v: string | number | null): string => {
  if (v === null) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const renderLedgerCsv = (rows: readonly LedgerCsvRow[]): string => {
  const lines = [HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [r.examNumber, r.familyName, r.givenName, r.dateOfBirth, r.nationality, r.examDate, r.categoryCode, r.level, r.setCode === null ? null : `${r.setCode}@${r.setVersion}`, r.writtenScore, r.practicalScore, r.registrationStatus === 'no_show' ? 'absent' : r.outcome, r.resultStatus, r.certificateNumber, r.certificateStatus]
        .map(cell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
};

export const encodeLedgerCsv = (text: string, encoding: 'utf-8' | 'shift_jis'): Buffer =>
  encoding === 'shift_jis' ? iconv.encode(text, 'cp932') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
