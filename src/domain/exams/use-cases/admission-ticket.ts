import { Conflict } from '../../errors.js';
import { addDays, type LegalDate } from '../../../../rules/core/index.js';
import { getSigningKey } from '../../signing/signing-keys.js';
import { signToken } from '../signed-token.js';
import { countryName } from './countries.js';
import { signingDeps, type ExamContext } from './context.js';
import { getCandidateRegistration } from './get-candidate-registration.js';
import { renderTicketPdf } from './ticket-pdf.js';

/** Japan midnight at the start of a legal date, as an instant. */
const japanMidnight = (d: string): Date => new Date(`${d}T00:00:00+09:00`);

/** The signed ticket token: registration, sitting and exam number; valid until the end of the exam day (Japan). */
export const signTicketToken = async (ctx: ExamContext, r: { registrationId: string; sittingId: string; examNumber: string; examDate: string }): Promise<string> => {
  const key = await getSigningKey(signingDeps(ctx), 'exam_ticket');
  return signToken({ r: r.registrationId, s: r.sittingId, n: r.examNumber }, key, {
    typ: 'ticket',
    issuedAt: ctx.clock.now(),
    expiresAt: japanMidnight(addDays(r.examDate as LegalDate, 1)),
  });
};

/** The admission ticket PDF, once the fee is confirmed and the ticket issued. */
export const admissionTicketPdf = async (ctx: ExamContext, token: unknown): Promise<{ pdf: Uint8Array; examNumber: string }> => {
  const view = await getCandidateRegistration(ctx, token);
  if (!view.hasTicket) {
    throw new Conflict('no ticket yet', { ja: '受験料の入金確認後に受験票を発行します。', en: 'The admission ticket is issued once the exam fee is confirmed.' });
  }
  const { registration, candidate, sitting, venue, category } = view;
  const ticketToken = await signTicketToken(ctx, { registrationId: registration.id, sittingId: sitting.id, examNumber: registration.examNumber, examDate: sitting.examDate });
  const pdf = await renderTicketPdf({
    examNumber: registration.examNumber,
    familyName: candidate.familyName,
    givenName: candidate.givenName,
    dateOfBirth: candidate.dateOfBirth,
    nationality: `${candidate.nationality} ${countryName(candidate.nationality, 'en')}`,
    category: { ja: category.nameJa, en: category.nameEn },
    level: category.level,
    examDate: sitting.examDate,
    startTime: sitting.startTime,
    venue: { name: venue.name, address: venue.address, city: venue.city, country: countryName(venue.country, 'en') },
    photo: candidate.photo && candidate.photoContentType ? { bytes: candidate.photo, contentType: candidate.photoContentType } : null,
    token: ticketToken,
  });
  return { pdf, examNumber: registration.examNumber };
};
