import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/persistence/database.js';
import { createTestDatabase } from '../../helpers/test-database.js';
import { createExamWorld, type ExamWorld } from './fixtures.js';
import { catalogueOverview } from '../../../src/domain/exams/use-cases/catalogue-overview.js';
import { createQuestionSet, reviewQuestionSet } from '../../../src/domain/exams/use-cases/question-sets.js';
import { addCommitteeMember, createCommittee, getCommittee, recordCommitteeMeeting, recordCommitteePayment } from '../../../src/domain/exams/use-cases/committees.js';
import { createSampleQuestion, listPublishedSamples, publishSample } from '../../../src/domain/exams/use-cases/sample-questions.js';
import { changeSittingStatus, createSitting, listPublicSittings } from '../../../src/domain/exams/use-cases/sittings.js';
import { TransitionRefused } from '../../../src/domain/exams/machine.js';
import { InvalidInput } from '../../../src/domain/errors.js';
import { Forbidden } from '../../../src/domain/access/policies.js';

let database: Database;
let w: ExamWorld;

beforeEach(async () => {
  database = await createTestDatabase();
  w = await createExamWorld(database);
}, 60_000);
afterEach(async () => database?.close());

describe('question development', () => {
  it('refuses the author approving their own set, versions codes, and checks ≥ 6 approved sets', async () => {
    const draft = await createQuestionSet(w.admin, { categoryId: w.categoryId, code: 'KK1-A', title: 'Set A v2', answerKey: 'A\nB' });
    expect(draft.version).toBe(2);
    await reviewQuestionSet(w.admin, draft.id, 'submit');
    await expect(reviewQuestionSet(w.admin, draft.id, 'approve')).rejects.toBeInstanceOf(TransitionRefused);
    await expect(reviewQuestionSet(w.reviewer, draft.id, 'return')).rejects.toBeInstanceOf(InvalidInput);
    await reviewQuestionSet(w.reviewer, draft.id, 'return', { comment: 'Q2 ambiguous' });
    let overview = (await catalogueOverview(w.admin)).find((c) => c.id === w.categoryId)!;
    expect(overview.approvedSets).toBe(1);
    expect(overview.sufficiency?.outcome).toBe('insufficient');
    for (const code of ['KK1-B', 'KK1-C', 'KK1-D', 'KK1-E', 'KK1-F']) {
      const s = await createQuestionSet(w.admin, { categoryId: w.categoryId, code, title: code, answerKey: 'A' });
      await reviewQuestionSet(w.admin, s.id, 'submit');
      await reviewQuestionSet(w.reviewer, s.id, 'approve');
    }
    overview = (await catalogueOverview(w.admin)).find((c) => c.id === w.categoryId)!;
    expect(overview.approvedSets).toBe(6);
    expect(overview.sufficiency?.outcome).toBe('sufficient');
  });

  it('rejects malformed answer keys', async () => {
    await expect(createQuestionSet(w.admin, { categoryId: w.categoryId, code: 'KK1-Z', title: 'z', answerKey: 'A\n??' })).rejects.toBeInstanceOf(InvalidInput);
  });

  it('keeps committees with members, meetings, honoraria and expenses in yen', async () => {
    const c = await createCommittee(w.admin, { categoryId: w.categoryId, name: '機械金属加工 有識者委員会', fiscalYear: '2025' });
    const m = await addCommitteeMember(w.admin, c.id, { name: '山田 太郎', affiliation: '大学', memberRole: 'chair', appointedOn: '2025-04-01' });
    const meeting = await recordCommitteeMeeting(w.admin, c.id, { heldOn: '2025-06-01', place: '東京', agenda: '問題案の検討' });
    await recordCommitteePayment(w.admin, c.id, { meetingId: meeting.id, memberId: m.id, kind: 'honorarium', amountYen: '15000' });
    await recordCommitteePayment(w.admin, c.id, { meetingId: meeting.id, memberId: m.id, kind: 'expense', amountYen: '3200' });
    await expect(recordCommitteePayment(w.admin, c.id, { meetingId: meeting.id, memberId: m.id, kind: 'expense', amountYen: '12.5' })).rejects.toBeInstanceOf(InvalidInput);
    const detail = await getCommittee(w.admin, c.id);
    expect(detail.totals).toEqual({ honorarium: 15000, expense: 3200 });
    await expect(createCommittee(w.anon, { categoryId: w.categoryId, name: 'x', fiscalYear: '2025' })).rejects.toBeInstanceOf(Forbidden);
  });

  it('publishes sample questions', async () => {
    const s = await createSampleQuestion(w.admin, { categoryId: w.categoryId, part: 'written', questionJa: '安全靴の目的は？', questionEn: 'What are safety shoes for?', choices: 'A\nB', answer: 'A' });
    expect(await listPublishedSamples(w.anon)).toHaveLength(0);
    await publishSample(w.admin, s.id);
    expect(await listPublishedSamples(w.anon)).toHaveLength(1);
  });
});

describe('sittings', () => {
  it('validates windows and capacity, needs a question set to open, and lists open sittings publicly', async () => {
    await expect(
      createSitting(w.admin, { categoryId: w.categoryId, venueId: w.venueId, examDate: '2025-12-01', startTime: '10:00', registrationOpensOn: '2025-11-01', registrationClosesOn: '2025-12-05', rescheduleDeadline: '2025-11-20', cancelDeadline: '2025-11-20', feeAmount: '100', feeCurrency: 'USD', capacity: '10' }),
    ).rejects.toBeInstanceOf(InvalidInput);
    await expect(
      createSitting(w.admin, { categoryId: w.categoryId, venueId: w.venueId, examDate: '2025-12-01', startTime: '10:00', registrationOpensOn: '2025-10-01', registrationClosesOn: '2025-11-01', rescheduleDeadline: '2025-11-20', cancelDeadline: '2025-11-20', feeAmount: '100', feeCurrency: 'USD', capacity: '1000' }),
    ).rejects.toBeInstanceOf(InvalidInput);
    const s = await createSitting(w.admin, { categoryId: w.categoryId, venueId: w.venueId, examDate: '2025-12-01', startTime: '10:00', registrationOpensOn: '2025-10-01', registrationClosesOn: '2025-11-01', rescheduleDeadline: '2025-11-20', cancelDeadline: '2025-11-20', feeAmount: '3000', feeCurrency: 'USD', capacity: '10' });
    await expect(changeSittingStatus(w.admin, s.id, 'open_registration')).rejects.toBeInstanceOf(TransitionRefused);
    await changeSittingStatus(w.admin, s.id, 'open_registration', { questionSetId: w.questionSetId });
    const list = await listPublicSittings(w.anon);
    expect(list.map((x) => x.sitting.id)).toContain(s.id);
    expect(list.find((x) => x.sitting.id === s.id)?.sitting.questionSetVersion).toBe(1);
  });
});
