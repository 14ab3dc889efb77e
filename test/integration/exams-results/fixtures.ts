// Shared set-up for the exam-results integration tests: a level (i) sitting with a 10-question answer key and two
// practical criteria, checked-in candidates, and staff actors.
import type { Actor } from '../../../src/domain/access/actor.js';
import { formatExamNumber } from '../../../src/domain/exams/exam-number.js';
import type { Database } from '../../../src/persistence/database.js';
import { seedCheckedInCandidates, seedScoringSitting, type SeedCandidate } from '../../../src/persistence/repositories/exam-results-seed.repository.js';
import { createOrganisations, makeUser } from '../accounts/helpers.js';

export const EXAM_DATE = '2026-02-15';
/** Correct answers: A B C D A B C D A B (weight 1 each). */
export const KEY = 'ABCDABCDAB';

const secretariats = new WeakMap<Database, Promise<string>>();
const secretariatOf = (database: Database): Promise<string> => {
  let id = secretariats.get(database);
  if (!id) {
    id = createOrganisations(database).then((o) => o.secretariat);
    secretariats.set(database, id);
  }
  return id;
};

export const staffActor = async (database: Database, roles: ('exam_admin' | 'proctor' | 'observer')[]): Promise<Actor & { kind: 'user' }> => {
  const organisationId = await secretariatOf(database);
  const grants = roles.map((role) => ({ role, organisationId }));
  const { userId, email } = await makeUser(database, { isStaff: true, roles: grants, informationHandler: { department: '試験課' } });
  return { kind: 'user', userId, email, displayName: 'Exam admin', roles: grants, isInformationHandler: true, mfaVerified: true, actingFor: [] };
};

export const candidate = (sequence: number, over: Partial<SeedCandidate> = {}): SeedCandidate => ({
  examNumber: formatExamNumber({ level: 'i', year: 2026, sequence }),
  familyName: 'NGUYEN',
  givenName: `VAN AN ${sequence}`,
  dateOfBirth: '2000-01-02',
  nationality: 'VN',
  gender: 'male',
  experienceMonths: 24,
  residenceRegion: 'VN-HN',
  email: `candidate${sequence}@example.vn`,
  language: 'vi',
  ...over,
});

export const seedSitting = async (database: Database, candidates: SeedCandidate[], options: { categoryCode?: string; examDate?: string } = {}) => {
  const sitting = await seedScoringSitting(database.db, {
    categoryCode: options.categoryCode ?? 'kikai_kinzoku',
    categoryNameJa: '機械金属加工',
    categoryNameEn: 'Machining and metalworking',
    level: 'i',
    examDate: options.examDate ?? EXAM_DATE,
    setCode: 'KK1-03',
    answerKey: [...KEY].map((correct) => ({ correct, weight: 1 })),
    practicalCriteria: [
      { id: 'accuracy', label: '寸法精度', weight: 2, max: 10 },
      { id: 'safety', label: '安全作業', weight: 1, max: 5 },
    ],
    capacity: Math.max(10, candidates.length),
  });
  const registrationIds = await seedCheckedInCandidates(database.db, sitting.sittingId, candidates, new Date(`${options.examDate ?? EXAM_DATE}T01:00:00Z`));
  return { ...sitting, registrationIds };
};

export const csv = (rows: string[][]): Uint8Array => new TextEncoder().encode(['exam_number,set_code,answers', ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n');
