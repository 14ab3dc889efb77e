import { fiscalYearOf, japanDateOf } from '../../../rules/core/index.js';
import { establishmentsOfCompany, searchCompanies, type CompanyMatch, type EstablishmentChoice } from '../../persistence/repositories/fee-recipients.repository.js';
import { findOrganisation, type OrganisationRow } from '../../persistence/repositories/organisations.repository.js';
import { authorize } from '../access/policies.js';
import { NotFound } from '../errors.js';
import { normaliseForSearch } from '../roster/search-text.js';
import type { FeesContext } from './context.js';

/** The fiscal year (April–March) of today in Japan: what an invoice is for unless staff say otherwise. */
export const currentFiscalYear = (ctx: Pick<FeesContext, 'clock'>): number => fiscalYearOf(japanDateOf(ctx.clock.now()));

/**
 * Staff look up the company to invoice by name or reading (any width, kana or kanji, spaces ignored) or by 法人番号
 * (four digits or more, full-width digits accepted). Accepting companies only: supporting members are their
 * establishments (jaim-membership-faq Q2-5-5).
 */
export const searchCompaniesToInvoice = async (ctx: FeesContext, query: string): Promise<CompanyMatch[]> => {
  authorize(ctx.actor, 'fees.manage');
  const q = query.normalize('NFKC').trim().slice(0, 100);
  if (!q) return [];
  const digits = /^[\d\s-]+$/.test(q) ? q.replace(/\D/g, '') : '';
  return searchCompanies(ctx.db, normaliseForSearch(q), digits.length >= 4 ? digits : null);
};

/** The company chosen and its establishments (one fee per establishment and fiscal year: Q2-5-5, Q2-5-6). */
export const establishmentsToInvoice = async (ctx: FeesContext, organisationId: string): Promise<{ organisation: OrganisationRow; establishments: EstablishmentChoice[] }> => {
  authorize(ctx.actor, 'fees.manage');
  const organisation = await findOrganisation(ctx.db, organisationId);
  if (!organisation || organisation.kind !== 'accepting_company') throw new NotFound('organisation');
  return { organisation, establishments: await establishmentsOfCompany(ctx.db, organisationId) };
};
