import { type LegalDate, cite, defineRule, msg } from '../core/index.js';
import { SINCE_JAIM } from './instrument.js';

// Q3-2: changes after joining. Adding a JSIC code means a new application (Q3-2-1). A merger or relocation with the same
// products is accepted before the new entity/plant operates; the roster lists old and new names side by side until then,
// and shipment evidence under the new name follows (Q3-2-2, Q3-2-3). A plant that is not yet operating (no shipments
// in the last year) cannot apply (Q3-2-4).

const isBeneath = (code: string, parent: string): boolean => code.startsWith(parent);

export const addingJsicCode = defineRule<{ readonly registeredCodes: readonly string[]; readonly requestedCode: string }, 'covered' | 'new_application_required'>({
  id: 'jaim-membership-faq/q3-2/adding-jsic-code',
  title: msg('産業分類の追加', 'Adding a JSIC code'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q3-2-1'),
      summary: msg('入会済みの事業所が別の対象産業分類で特定技能外国人を従事させるときは、改めて申請する。', 'A member establishment that wants SSW workers in another eligible JSIC code applies again.'),
      evaluate: ({ registeredCodes, requestedCode }) => {
        const used = { registeredCodes, requestedCode };
        return registeredCodes.some((r) => isBeneath(requestedCode, r))
          ? { outcome: 'covered', message: msg(`${requestedCode} は登録済みの産業分類に含まれます。`, `${requestedCode} is within a registered JSIC code.`), used }
          : {
              outcome: 'new_application_required',
              message: msg(`${requestedCode} は登録済みの産業分類にないため、再度の申請が必要です。`, `${requestedCode} is not registered; a new application is required.`),
              used,
            };
      },
    },
  ],
});

export type ReorganisationFacts = {
  readonly kind: 'merger' | 'relocation';
  readonly oldName: string;
  readonly newName: string;
  /** The day the new entity or plant starts operating; null while not known. */
  readonly newOperatingFrom: LegalDate | null;
};

export const rosterNamesDuringReorganisation = defineRule<ReorganisationFacts, 'list_both' | 'list_new_with_evidence_due'>({
  id: 'jaim-membership-faq/q3-2/reorganisation-roster',
  title: msg('合併・移転時の名簿表示', 'Roster names during a merger or relocation'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q3-2-2'),
      also: [cite('jaim-membership-faq', 'Q3-2-3')],
      summary: msg(
        '製造品や設備が変わらない合併・移転は、新法人・新事業所の稼働前に変更手続を受け付け、稼働までは名簿に新旧の名称を併記する。稼働後は速やかに新名称での出荷の証跡（移転では公的書類も）を出す。',
        'A merger or relocation with unchanged products is accepted before the new entity or plant operates; the roster shows old and new names side by side until then, and evidence under the new name follows promptly.',
      ),
      evaluate: ({ kind, oldName, newName, newOperatingFrom }, ctx) => {
        const used = { kind, oldName, newName, newOperatingFrom };
        return newOperatingFrom === null || ctx.asOf < newOperatingFrom
          ? {
              outcome: 'list_both',
              message: msg(`稼働までは名簿に「${oldName}」と「${newName}」を併記します。`, `Until it operates, the roster shows "${oldName}" and "${newName}" side by side.`),
              used,
            }
          : {
              outcome: 'list_new_with_evidence_due',
              message: msg(
                `稼働後は「${newName}」で掲載し、新名称での出荷の証跡${kind === 'relocation' ? 'と名称変更の公的書類' : ''}を速やかに提出します。`,
                `Once operating, the roster shows "${newName}"; shipment evidence under the new name${kind === 'relocation' ? ' and official proof of the change' : ''} is due promptly.`,
              ),
              used,
            };
      },
    },
  ],
});

export type OperatingFacts = { readonly operating: boolean; readonly shipmentsInLastYear: boolean };

const OPERATING = msg('事業所は稼働しており、直近1年間に出荷があります。', 'The establishment operates and has shipped within the last year.');
const NOT_OPERATING = msg('稼働していない工場は申請できません。稼働して事業実態を確認できるようになってから申請してください。', 'A plant that is not operating cannot apply; apply once it operates and its activity can be shown.');
const NO_SHIPMENTS = msg('直近1年間に製造品出荷額等が発生していないため、申請できません。', 'There were no shipments in the last year, so the establishment cannot apply.');

export const operatingWithShipments = defineRule<OperatingFacts, 'may_apply' | 'cannot_apply'>({
  id: 'jaim-membership-faq/q3-2/operating-with-shipments',
  title: msg('稼働と直近1年の出荷', 'Operating, with shipments in the last year'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q3-2-4'),
      also: [cite('jaim-membership-faq', 'Q2-1-3'), cite('council-operating-rules', '10', '4', 'i', 'inferred')],
      summary: msg(
        '特定技能外国人が働く事業所で直近1年間に製造品出荷額等が発生していることが求められ、稼働前の工場は申請できない。',
        'The establishment where the workers work must have shipped goods in the last year; a plant not yet operating cannot apply.',
      ),
      evaluate: ({ operating, shipmentsInLastYear }) =>
        !operating ? { outcome: 'cannot_apply', message: NOT_OPERATING } : !shipmentsInLastYear ? { outcome: 'cannot_apply', message: NO_SHIPMENTS } : { outcome: 'may_apply', message: OPERATING },
    },
  ],
});
