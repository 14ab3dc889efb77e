import type { FastifyRequest } from 'fastify';
import { DISQUALIFICATION_ITEMS, EVIDENCE_TEMPLATES, HUMAN_RIGHTS_SCHEMES, SHIPMENT_DOCUMENT_KINDS } from '../../../../rules/jaim-membership-faq/index.js';
import {
  AMOUNT_ANSWERS,
  ASSOCIATION_EVIDENCE,
  ASSOCIATION_HELD_BY,
  HUMAN_RIGHTS_ANSWERS,
  PHOTO_KINDS,
  PLEDGES,
  YES_NO,
  evidenceSlots,
  type JoinApplicationAnswers,
  type JoinPage,
} from '../../../domain/membership/join-form.js';
import type { JoinApplication } from '../../../domain/membership/load-join-application.js';
import type { FormError } from '../accounts/request-context.js';

// What each page of the join form shows: a list of fields rendered by the generic template (join-page.njk) with the
// shared field macros. Field names are the ids the error summary links to.

export type FieldView =
  | { macro: 'choices'; name: string; type: 'radio' | 'checkbox'; label: string; hint?: string; items: { value: string; label: string; hint?: string; disabled?: boolean }[]; value: unknown }
  | { macro: 'text'; name: string; label: string; hint?: string; value: unknown; width?: string }
  | { macro: 'textarea'; name: string; label: string; hint?: string; value: unknown }
  | { macro: 'hidden'; name: string; value: string };

const yesNo = (request: FastifyRequest) => YES_NO.map((v) => ({ value: v, label: request.t(`membership:join.${v}`) }));

/** The values to show: what was just posted (on an error) or what the draft holds. */
export const pageFields = (request: FastifyRequest, app: JoinApplication, page: JoinPage, posted?: Record<string, unknown>): FieldView[] => {
  const t = request.t;
  const a: JoinApplicationAnswers = app.answers;
  const v = (name: string, saved: unknown): unknown => (posted ? posted[name] : saved);
  switch (page) {
    case 'establishment':
      return [
        {
          macro: 'choices',
          name: 'establishmentId',
          type: 'radio',
          label: t('membership:join.establishment.title'),
          hint: t('membership:join.establishment.hint'),
          items: app.establishments.map((e) => {
            const why = app.unavailable.get(e.id);
            const details = [e.address, e.jsicCodes.join(', '), why ? t(`membership:join.establishment.unavailable.${why}`) : ''].filter(Boolean).join(' / ');
            return { value: e.id, label: e.name, hint: details, disabled: !!why };
          }),
          value: v('establishmentId', a.establishmentId) ?? '',
        },
      ];
    case 'categories':
      return [
        {
          macro: 'choices',
          name: 'categories',
          type: 'checkbox',
          label: t('membership:join.categories.title'),
          hint: t('membership:join.categories.hint'),
          items: app.categories.map((c) => ({ value: c.id, label: c.name })),
          value: v('categories', a.categories) ?? [],
        },
      ];
    case 'shipments':
      return [
        {
          macro: 'choices',
          name: 'shipments',
          type: 'radio',
          label: t('membership:join.shipments.title'),
          hint: t('membership:join.shipments.hint'),
          items: YES_NO.map((x) => ({ value: x, label: t(`membership:join.shipments.${x}`) })),
          value: v('shipments', a.shipments) ?? '',
        },
      ];
    case 'documents':
      return [
        {
          macro: 'choices',
          name: 'documents',
          type: 'checkbox',
          label: t('membership:join.documents.title'),
          hint: t('membership:join.documents.hint'),
          items: SHIPMENT_DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`membership:join.documents.kinds.${k}`) })),
          value: v('documents', a.documents) ?? [],
        },
      ];
    case 'amounts':
      return [
        {
          macro: 'choices',
          name: 'amounts',
          type: 'radio',
          label: t('membership:join.amounts.amountsLabel'),
          hint: t('membership:join.amounts.hint'),
          items: AMOUNT_ANSWERS.map((x) => ({ value: x, label: t(`membership:join.amounts.${x}`) })),
          value: v('amounts', a.amounts) ?? '',
        },
        { macro: 'choices', name: 'intraCompany', type: 'radio', label: t('membership:join.amounts.intraLabel'), items: yesNo(request), value: v('intraCompany', a.intraCompany) ?? '' },
      ];
    case 'photos':
      return [
        {
          macro: 'choices',
          name: 'photos',
          type: 'checkbox',
          label: t('membership:join.photos.title'),
          hint: t('membership:join.photos.hint'),
          items: PHOTO_KINDS.map((k) => ({ value: k, label: t(`membership:join.photos.kinds.${k}`) })),
          value: v('photos', a.photos) ?? [],
        },
      ];
    case 'reasons': {
      const fields: FieldView[] = [];
      if (a.amounts === 'not_shown') {
        fields.push({ macro: 'hidden', name: 'needsAmountReason', value: '1' });
        fields.push({ macro: 'textarea', name: 'noAmountReason', label: t('membership:join.reasons.noAmountReason'), hint: t('membership:join.reasons.noAmountReasonHint'), value: v('noAmountReason', a.noAmountReason) });
      }
      if (!PHOTO_KINDS.every((k) => a.photos?.includes(k))) {
        fields.push({ macro: 'hidden', name: 'needsPhotoReason', value: '1' });
        fields.push({ macro: 'textarea', name: 'photoReason', label: t('membership:join.reasons.photoReason'), hint: t('membership:join.reasons.photoReasonHint'), value: v('photoReason', a.photoReason) });
        fields.push({ macro: 'textarea', name: 'usageExplanation', label: t('membership:join.reasons.usageExplanation'), value: v('usageExplanation', a.usageExplanation) });
      }
      return fields;
    }
    case 'textile': {
      const tx = a.textile ?? {};
      return [
        {
          macro: 'choices',
          name: 'humanRights',
          type: 'radio',
          label: t('membership:join.textile.humanRights'),
          items: HUMAN_RIGHTS_ANSWERS.map((x) => ({ value: x, label: t(`membership:join.textile.hr.${x}`) })),
          value: v('humanRights', tx.humanRights) ?? '',
        },
        { macro: 'choices', name: 'scheme', type: 'radio', label: t('membership:join.textile.scheme'), items: HUMAN_RIGHTS_SCHEMES.map((s) => ({ value: s, label: s })), value: v('scheme', tx.scheme) ?? '' },
        { macro: 'text', name: 'validUntil', label: t('membership:join.textile.validUntil'), hint: t('membership:join.textile.validUntilHint'), value: v('validUntil', tx.validUntil), width: '10' },
        { macro: 'choices', name: 'substituteDocument', type: 'radio', label: t('membership:join.textile.substituteDocument'), items: yesNo(request), value: v('substituteDocument', tx.substituteDocument) ?? '' },
        { macro: 'choices', name: 'attendance', type: 'radio', label: t('membership:join.textile.attendance'), items: yesNo(request), value: v('attendance', tx.attendance) ?? '' },
        { macro: 'choices', name: 'partnership', type: 'radio', label: t('membership:join.textile.partnership'), items: yesNo(request), value: v('partnership', tx.partnership) ?? '' },
        { macro: 'choices', name: 'monthlySalary', type: 'radio', label: t('membership:join.textile.monthlySalary'), items: yesNo(request), value: v('monthlySalary', tx.monthlySalary) ?? '' },
      ];
    }
    case 'association': {
      const as = a.association ?? {};
      return [
        { macro: 'text', name: 'associationName', label: t('membership:join.association.name'), hint: t('membership:join.association.nameHint'), value: v('associationName', as.name) },
        {
          macro: 'choices',
          name: 'associationHeldBy',
          type: 'radio',
          label: t('membership:join.association.heldBy'),
          items: ASSOCIATION_HELD_BY.map((x) => ({ value: x, label: t(`membership:join.association.held.${x}`) })),
          value: v('associationHeldBy', as.heldBy) ?? '',
        },
        {
          macro: 'choices',
          name: 'associationEvidence',
          type: 'radio',
          label: t('membership:join.association.evidence'),
          hint: t('membership:join.association.evidenceHint'),
          items: ASSOCIATION_EVIDENCE.map((x) => ({ value: x, label: t(`membership:join.association.ev.${x}`) })),
          value: v('associationEvidence', as.evidence) ?? '',
        },
      ];
    }
    case 'declarations': {
      const d = a.declarations ?? (a.declaration === 'none_apply' ? Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [i, 'no'])) : {});
      return DISQUALIFICATION_ITEMS.map((item) => ({
        macro: 'choices' as const,
        name: `declaration_${item}`,
        type: 'radio' as const,
        label: t(`membership:join.declarations.items.${item}`),
        items: [
          { value: 'no', label: t('membership:join.declarations.notApplies') },
          { value: 'yes', label: t('membership:join.declarations.applies') },
        ],
        value: v(`declaration_${item}`, (d as Record<string, string>)[item]) ?? '',
      }));
    }
    case 'pledges':
      return [
        {
          macro: 'choices',
          name: 'pledges',
          type: 'checkbox',
          label: t('membership:join.pledges.title'),
          hint: t('membership:join.pledges.hint'),
          items: PLEDGES.map((k) => ({ value: k, label: t(`membership:join.pledges.kinds.${k}`) })),
          value: v('pledges', a.pledges) ?? [],
        },
      ];
    case 'evidence':
      return [];
  }
};

/** The evidence page: the files needed (with the template to use) and the files uploaded. */
export const evidenceView = (request: FastifyRequest, app: JoinApplication, errors?: FormError[], postedKind?: string) => {
  const t = request.t;
  const files = app.answers.evidence ?? [];
  const slots = evidenceSlots(app.answers, app.establishment).map((s) => ({
    kind: s.kind,
    label: t(`membership:join.evidence.kinds.${s.kind}`),
    templateUrl: s.template ? EVIDENCE_TEMPLATES[s.template] : undefined,
    present: files.some((f) => f.kind === s.kind),
  }));
  return {
    slots,
    files: files.map((f) => ({ ...f, label: t(`membership:join.evidence.kinds.${f.kind}`) })),
    kindField: {
      name: 'kind',
      type: 'radio' as const,
      label: t('membership:join.evidence.kind'),
      items: slots.map((s) => ({ value: s.kind, label: s.label })),
      value: postedKind ?? slots.find((s) => !s.present)?.kind ?? '',
      error: errors?.find((e) => e.field === 'kind')?.message,
    },
    fileError: errors?.find((e) => e.field === 'file')?.message,
  };
};
