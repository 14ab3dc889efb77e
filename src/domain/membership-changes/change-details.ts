// What each kind of change notice carries, validated from the form or the API (field ids = names), and the rules
// determination it gets on submission (council art.11(1); JAIM FAQ Q3-2-1, Q3-2-2/3, Q3-2-4).
import { type LegalDate, msg, type Message } from '../../../rules/core/index.js';
import { changeNotificationRequired } from '../../../rules/council-operating-rules/index.js';
import { addingJsicCode, operatingWithShipments, rosterNamesDuringReorganisation } from '../../../rules/jaim-membership-faq/index.js';
import type { FieldProblem } from '../errors.js';
import { CORPORATE_NUMBER_MESSAGES, checkCorporateNumber } from '../membership/corporate-number.js';
import { isPrefectureCode } from '../membership/prefectures.js';
import { dateField, evaluateRules, fieldProblem, optionalText, textField, type StoredDetermination } from './lifecycle-common.js';

export const CHANGE_KINDS = [
  'establishment_name',
  'company_name',
  'address',
  'representative',
  'relocation',
  'merger',
  'jsic_addition',
  'new_establishment',
  'operating_confirmed',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const isChangeKind = (v: unknown): v is ChangeKind => typeof v === 'string' && (CHANGE_KINDS as readonly string[]).includes(v);

/** Kinds about one establishment (the others concern the company). */
export const ESTABLISHMENT_KINDS: readonly ChangeKind[] = ['establishment_name', 'address', 'relocation', 'merger', 'jsic_addition', 'operating_confirmed'];
/** Kinds that put a new dated row on the roster. */
export const ROSTER_KINDS: readonly ChangeKind[] = ['establishment_name', 'company_name', 'address', 'relocation', 'merger', 'operating_confirmed'];

export type ChangeDetails = {
  newName?: string;
  newNameKana?: string | null;
  newPrefecture?: string;
  newAddress?: string;
  newPostalCode?: string | null;
  newRepresentative?: string;
  newCompanyName?: string;
  newCorporateNumber?: string | null;
  /** Set by the secretariat's decision on a merger: the company the establishment moves to (found or registered). */
  survivingOrganisationId?: string;
  operatingFrom?: string | null;
  jsicCode?: string;
  operating?: boolean;
  shipmentsInLastYear?: boolean;
  evidence?: string;
};

const L = {
  newName: { ja: '新しい名称', en: 'new name' },
  newAddress: { ja: '新しい所在地', en: 'new address' },
  newRepresentative: { ja: '新しい代表者の氏名', en: 'new representative' },
  newCompanyName: { ja: '新しい法人名', en: 'new company name' },
  evidence: { ja: '稼働の証跡', en: 'evidence of operation' },
  operatingFrom: { ja: '稼働開始日', en: 'operating date' },
};

const yesNo = (raw: unknown, field: string, problems: FieldProblem[], ja: string, en: string): boolean | undefined => {
  if (raw === 'yes') return true;
  if (raw === 'no') return false;
  problems.push(fieldProblem(field, `${ja}を選んでください`, `Select ${en}`));
  return undefined;
};

/** Validates the kind-specific fields; adds problems (field = input name) and returns what was valid. */
export const parseChangeDetails = (kind: ChangeKind, body: Record<string, unknown>, problems: FieldProblem[]): ChangeDetails => {
  const d: ChangeDetails = {};
  const optionalDate = (name: 'operatingFrom') => {
    const raw = typeof body[name] === 'string' ? (body[name] as string).trim() : '';
    return raw ? (dateField(raw, name, problems, L.operatingFrom) ?? null) : null;
  };
  switch (kind) {
    case 'establishment_name':
    case 'company_name':
      d.newName = textField(body.newName, 'newName', problems, L.newName, 200);
      d.newNameKana = optionalText(body.newNameKana, 200);
      break;
    case 'address':
    case 'relocation': {
      if (kind === 'relocation') d.newName = textField(body.newName, 'newName', problems, L.newName, 200);
      const pref = typeof body.newPrefecture === 'string' ? body.newPrefecture : '';
      if (!isPrefectureCode(pref)) problems.push(fieldProblem('newPrefecture', '都道府県を選んでください', 'Select the prefecture'));
      else d.newPrefecture = pref;
      d.newAddress = textField(body.newAddress, 'newAddress', problems, L.newAddress, 300);
      const postal = optionalText(body.newPostalCode, 20)?.normalize('NFKC') ?? null;
      if (postal && !/^[0-9]{3}-?[0-9]{4}$/.test(postal)) problems.push(fieldProblem('newPostalCode', '郵便番号は「100-0001」の形で入力してください', 'Enter the postcode like 100-0001'));
      else d.newPostalCode = postal;
      if (kind === 'relocation') d.operatingFrom = optionalDate('operatingFrom');
      break;
    }
    case 'representative':
      d.newRepresentative = textField(body.newRepresentative, 'newRepresentative', problems, L.newRepresentative, 200);
      break;
    case 'merger': {
      d.newCompanyName = textField(body.newCompanyName, 'newCompanyName', problems, L.newCompanyName, 200);
      // The new company is found (or registered) by this number when the notice is applied, so it must be a real one.
      const raw = optionalText(body.newCorporateNumber, 40);
      const cn = raw ? checkCorporateNumber(raw) : null;
      if (cn && !cn.ok) {
        const m = CORPORATE_NUMBER_MESSAGES[cn.problem];
        problems.push(fieldProblem('newCorporateNumber', m.ja, m.en));
      } else d.newCorporateNumber = cn ? cn.value : null;
      d.operatingFrom = optionalDate('operatingFrom');
      break;
    }
    case 'jsic_addition': {
      const code = typeof body.jsicCode === 'string' ? body.jsicCode.normalize('NFKC').trim() : '';
      if (!/^[0-9]{2,4}$/.test(code)) problems.push(fieldProblem('jsicCode', '日本標準産業分類の番号（2〜4桁の数字）を入力してください', 'Enter the JSIC code (2 to 4 digits)'));
      else d.jsicCode = code;
      break;
    }
    case 'new_establishment':
      d.newName = textField(body.newName, 'newName', problems, L.newName, 200);
      d.operating = yesNo(body.operating, 'operating', problems, '稼働しているか', 'whether it operates');
      d.shipmentsInLastYear = yesNo(body.shipmentsInLastYear, 'shipmentsInLastYear', problems, '直近1年の出荷の有無', 'whether it shipped in the last year');
      break;
    case 'operating_confirmed':
      d.evidence = textField(body.evidence, 'evidence', problems, L.evidence, 4000);
      break;
  }
  return d;
};

export type ChangeFacts = {
  kind: ChangeKind;
  category: 'iii' | 'iv';
  registeredJsicCodes: readonly string[];
  oldName: string;
  details: ChangeDetails;
};

const NEW_APPLICATION = msg(
  '産業分類の追加は変更届では受け付けられません。新しい入会申請をしてください。',
  'A JSIC class cannot be added by a change notice: please make a new join application.',
);
const JOIN_FOR_NEW_ESTABLISHMENT = msg(
  '新しい事業所（工場）は変更届ではなく、その事業所の入会申請で加入します。',
  'A new establishment (plant) joins with its own join application, not a change notice.',
);

/**
 * The determination of a change notice on the day it is submitted: 'accept' (for the secretariat to review), 'refuse'
 * (the rules refuse it; stored refused with the reason and citation), with 'sideBySide' for relocations and mergers
 * that are not yet operating (Q3-2-2 / Q3-2-3).
 */
export const determineChange = (f: ChangeFacts, asOf: LegalDate): StoredDetermination & { sideBySide: boolean } => {
  let sideBySide = false;
  const d = evaluateRules<'accept' | 'refuse'>('membership-change', asOf, (e) => {
    const notify = e.applyFull(changeNotificationRequired, { category: f.category, changesNotifiedItem: true });
    const reasons: Message[] = [notify.message];
    if (f.kind === 'jsic_addition') {
      const r = e.applyFull(addingJsicCode, { registeredCodes: f.registeredJsicCodes, requestedCode: f.details.jsicCode ?? '' });
      return r.outcome === 'new_application_required' ? { outcome: 'refuse', reasons: [r.message, NEW_APPLICATION] } : { outcome: 'refuse', reasons: [r.message] };
    }
    if (f.kind === 'new_establishment') {
      const r = e.applyFull(operatingWithShipments, { operating: f.details.operating ?? false, shipmentsInLastYear: f.details.shipmentsInLastYear ?? false });
      return r.outcome === 'cannot_apply' ? { outcome: 'refuse', reasons: [r.message] } : { outcome: 'refuse', reasons: [r.message, JOIN_FOR_NEW_ESTABLISHMENT] };
    }
    if (f.kind === 'relocation' || f.kind === 'merger') {
      const r = e.applyFull(rosterNamesDuringReorganisation, {
        kind: f.kind,
        oldName: f.oldName,
        newName: (f.kind === 'merger' ? f.details.newCompanyName : f.details.newName) ?? '',
        newOperatingFrom: (f.details.operatingFrom as LegalDate | null | undefined) ?? null,
      });
      sideBySide = r.outcome === 'list_both';
      reasons.push(r.message);
    }
    if (f.kind === 'operating_confirmed') {
      const r = e.applyFull(rosterNamesDuringReorganisation, { kind: 'relocation', oldName: f.oldName, newName: f.details.newName ?? f.oldName, newOperatingFrom: asOf });
      reasons.push(r.message);
    }
    return { outcome: 'accept', reasons };
  });
  return { ...d, sideBySide };
};
