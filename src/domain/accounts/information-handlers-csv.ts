import type { InformationHandlerListItem } from '../../persistence/repositories/information-handlers.repository.js';

// The handler list as CSV for the contract's information-security report: UTF-8 with a BOM so Excel reads Japanese.

const cell = (value: string): string => {
  // Neutralise spreadsheet formulas (CSV injection) and quote every cell.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
};

const jstDate = (d: Date): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(d);

export const informationHandlersCsv = (rows: InformationHandlerListItem[], lang: 'ja' | 'en'): string => {
  const header = lang === 'ja' ? ['氏名', '所属', '役職', 'メールアドレス', '登録日', '登録者'] : ['Name', 'Department', 'Position', 'Email', 'Registered', 'Registered by'];
  const lines = [header, ...rows.map((r) => [r.name, r.department ?? '', r.position ?? '', r.email, jstDate(r.registeredAt), r.registeredByName ?? ''])];
  return '\uFEFF' + lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n';
};
