// What the exam journeys set up before the browser starts: the exam body, its staff (with logins where they sign in
// in the browser) and a sitting open for registration at a Hanoi venue, built with the exam integration fixtures.
import type { Actor } from '../../../src/domain/access/actor.js';
import { provisionUser } from '../../../src/domain/accounts/provision-user.js';
import type { ExamContext } from '../../../src/domain/exams/use-cases/context.js';
import type { Db } from '../../../src/persistence/database.js';
import { insertOrganisation } from '../../../src/persistence/repositories/organisations.repository.js';
import { testDataKeys } from '../../helpers/data-keys.js';
import { createExamCatalogue, openSitting, staffActor, type SittingTerms } from '../../integration/exams/fixtures.js';

/** The organisation exam staff hold their roles in. */
export const insertExamBody = (db: Db) =>
  insertOrganisation(db, { kind: 'exam_body', name: '試験実施機関（e2e）', nameKana: null, corporateNumber: null, postalCode: null, prefecture: null, address: null, representativeName: null });

export type ExamStaffLogin = { email: string; password: string; totpSecret?: string };

/**
 * An exam admin or proctor, as the actor the use cases take and as the login the browser types. With `totpSecret`
 * two-factor is enrolled; with `informationHandler` they are a named information handler.
 */
export const provisionExamStaff = async (
  db: Db,
  organisationId: string,
  p: { email: string; role: 'exam_admin' | 'proctor'; password: string; displayName?: string; totpSecret?: string; informationHandler?: { department: string } },
): Promise<{ actor: Actor; login: ExamStaffLogin }> => {
  const displayName = p.displayName ?? p.email;
  const { userId } = await provisionUser(db, {
    email: p.email,
    password: p.password,
    displayName,
    isStaff: true,
    roles: [{ role: p.role, organisationId }],
    ...(p.totpSecret ? { totpSecret: p.totpSecret, dataKeys: testDataKeys() } : {}),
    ...(p.informationHandler ? { informationHandler: p.informationHandler } : {}),
  });
  return { actor: staffActor(userId, organisationId, p.role, { email: p.email, displayName }), login: { email: p.email, password: p.password, totpSecret: p.totpSecret } };
};

const HANOI_SKILLS_TEST_CENTRE = { name: 'Hanoi Skills Test Centre', country: 'VN', city: 'Hanoi', address: '12 Trang Tien, Hoan Kiem', capacity: '60', equipment: ['cbt_terminals', 'practical_workshop'] };

export type SittingDates = Pick<SittingTerms, 'examDate' | 'registrationOpensOn' | 'registrationClosesOn' | 'rescheduleDeadline' | 'cancelDeadline'>;

/** A machining sitting at 09:00 in Hanoi (8,000 JPY, 40 seats) with an approved question set, open for registration. */
export const openHanoiSitting = async (admin: ExamContext, reviewer: ExamContext, p: { answerKey: string; practicalCriteria?: string; dates: SittingDates }): Promise<string> => {
  const catalogue = await createExamCatalogue(admin, reviewer, { answerKey: p.answerKey, practicalCriteria: p.practicalCriteria, venue: HANOI_SKILLS_TEST_CENTRE });
  return openSitting(admin, catalogue, { ...p.dates, startTime: '09:00', feeAmount: '8000', feeCurrency: 'JPY', capacity: '40' });
};
