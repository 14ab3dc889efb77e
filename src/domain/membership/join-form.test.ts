import { describe, expect, it } from 'vitest';
import { DISQUALIFICATION_ITEMS } from '../../../rules/jaim-membership-faq/index.js';
import type { LegalDate } from '../../../rules/core/index.js';
import { runJoinDetermination, isFailingStep, pageFixing } from './join-determination.js';
import { evidenceSlots, firstMissingStep, joinFactsFrom, nextPage, relevantPages, validateJoinStep, type JoinApplicationAnswers } from './join-form.js';

const applicant = { name: '株式会社見本', address: '東京都千代田区1-1', representativeName: '見本 太郎', corporateNumber: '7123456789012' };
const est = (jsicCodes: string[]) => ({ name: '本社工場', address: '愛知県1-1', jsicCodes, operating: true });
const D = '2026-04-01' as LegalDate;
const options = { establishmentIds: ['e1'], categoryIds: ['kikai_kinzoku'], asOf: D };
const allNo = Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [i, 'no'])) as JoinApplicationAnswers['declarations'];
const complete: JoinApplicationAnswers = {
  establishmentId: 'e1',
  categories: ['kikai_kinzoku'],
  shipments: 'yes',
  documents: ['invoice'],
  amounts: 'shown',
  intraCompany: 'no',
  photos: ['product', 'plant'],
  declarations: allNo,
  pledges: ['codeOfConduct', 'cooperationDuties'],
  evidence: [
    { uploadId: 'u1', kind: 'template_other', filename: 'a.pdf' },
    { uploadId: 'u2', kind: 'product_photo', filename: 'p.jpg' },
    { uploadId: 'u3', kind: 'plant_photo', filename: 'q.jpg' },
  ],
};

describe('pages asked depend on the JSIC codes and the answers', () => {
  it('no add-on pages for machinery (2691); textile page for 11; association for 15 and 484', () => {
    expect(relevantPages(complete, est(['2691']))).not.toContain('textile');
    expect(relevantPages(complete, est(['2691']))).not.toContain('association');
    expect(relevantPages(complete, est(['1111']))).toContain('textile');
    expect(relevantPages(complete, est(['1511']))).toContain('association');
    expect(relevantPages(complete, est(['4841']))).toContain('association');
  });
  it('the reasons page only when amounts or photos cannot be given', () => {
    expect(relevantPages(complete, est(['2691']))).not.toContain('reasons');
    expect(relevantPages({ ...complete, amounts: 'not_shown' }, est(['2691']))).toContain('reasons');
    expect(relevantPages({ ...complete, photos: ['product'] }, est(['2691']))).toContain('reasons');
    expect(nextPage('photos', complete, est(['2691']))).toBe('evidence');
    expect(nextPage('photos', complete, est(['1511']))).toBe('association');
  });
  it('evidence slots follow the template per JSIC code (and 11_02 while textile certification is in progress)', () => {
    expect(evidenceSlots({}, est(['1511', '2462'])).map((s) => s.kind)).toEqual(['template_15', 'template_2462_2464_2469', 'association_certificate']);
    expect(evidenceSlots({ textile: { humanRights: 'in_progress' } }, est(['1111'])).map((s) => s.kind)).toEqual(['template_11', 'template_11_02']);
  });
});

describe('validation per page', () => {
  it('each disqualification item must be answered yes or no; the field names are the error ids', () => {
    const r = validateJoinStep('declarations', { declaration_i: 'no' }, options);
    expect(r.problems.map((p) => p.field)).toContain('declaration_ro');
    expect(r.problems).toHaveLength(DISQUALIFICATION_ITEMS.length - 1);
    expect(validateJoinStep('declarations', Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [`declaration_${i}`, 'no'])), options).problems).toEqual([]);
  });
  it('textile: a certified answer needs a scheme and a valid date', () => {
    const r = validateJoinStep('textile', { humanRights: 'certified', scheme: 'GOTS', validUntil: '2026-13-01', attendance: 'yes', partnership: 'yes', monthlySalary: 'yes' }, options);
    expect(r.problems.map((p) => p.field)).toEqual(['validUntil']);
  });
  it('the older single declaration still works (demo data, old drafts) and answers every item', () => {
    const r = validateJoinStep('declaration', { declaration: 'none_apply' }, options);
    expect(Object.keys(r.answers.declarations ?? {})).toHaveLength(DISQUALIFICATION_ITEMS.length);
  });
  it('only the core questions block submitting', () => {
    expect(firstMissingStep(complete)).toBeUndefined();
    expect(firstMissingStep({ ...complete, declarations: { i: 'no' } })).toBe('declarations');
  });
});

describe('facts and determination', () => {
  it('a complete machinery application has nothing to fix (the seeded JSIC list may leave the code to a reviewer), citing the FAQ', () => {
    const d = runJoinDetermination(joinFactsFrom(applicant, est(['2691']), complete, D), D);
    expect(['accept', 'needs_review']).toContain(d.outcome);
    expect(d.trace.filter((s) => isFailingStep(s.outcome) && s.outcome !== 'needs_review')).toEqual([]);
    expect(d.trace.map((s) => s.citation).join(' ')).toContain('jaim-membership-faq Q2-3-6');
  });
  it('without the uploaded template the evidence rule fails and links to the evidence page', () => {
    const d = runJoinDetermination(joinFactsFrom(applicant, est(['2691']), { ...complete, evidence: [] }, D), D);
    expect(d.outcome).toBe('incomplete');
    const failing = d.trace.filter((s) => isFailingStep(s.outcome));
    expect(failing.map((s) => pageFixing(s.ruleId))).toContain('evidence');
  });
  it('a declared disqualification refuses, linked to the declarations page', () => {
    const d = runJoinDetermination(joinFactsFrom(applicant, est(['2691']), { ...complete, declarations: { ...allNo, nu: 'yes' } }, D), D);
    expect(d.outcome).toBe('refuse');
    expect(d.trace.filter((s) => isFailingStep(s.outcome)).map((s) => pageFixing(s.ruleId))).toContain('declarations');
  });
  it('printing: only an uploaded official membership certificate counts', () => {
    const printing: JoinApplicationAnswers = {
      ...complete,
      association: { name: '全日本印刷工業組合連合会', evidence: 'membership_certificate', heldBy: 'establishment' },
      evidence: [...complete.evidence!.filter((e) => e.kind !== 'template_other'), { uploadId: 'u4', kind: 'template_15', filename: 't.pdf' }],
    };
    const without = runJoinDetermination(joinFactsFrom(applicant, est(['1511']), printing, D), D);
    expect(without.outcome).toBe('incomplete');
    const withCert = { ...printing, evidence: [...printing.evidence!, { uploadId: 'u5', kind: 'association_certificate', filename: 'c.pdf' }] };
    expect(runJoinDetermination(joinFactsFrom(applicant, est(['1511']), withCert, D), D).outcome).toBe('accept');
    const parent = { ...withCert, association: { ...withCert.association, heldBy: 'parent_company' as const } };
    expect(runJoinDetermination(joinFactsFrom(applicant, est(['1511']), parent, D), D).outcome).toBe('refuse');
  });
  it('intra-company shipments without amounts need the written reason', () => {
    const a = { ...complete, amounts: 'not_shown' as const, intraCompany: 'yes' as const };
    expect(runJoinDetermination(joinFactsFrom(applicant, est(['2691']), a, D), D).outcome).toBe('incomplete');
    expect(['accept', 'needs_review']).toContain(runJoinDetermination(joinFactsFrom(applicant, est(['2691']), { ...a, noAmountReason: '全量を本社工場へ出荷' }, D), D).outcome);
  });
  it('a recent expulsion on a barring ground is passed through to the re-join rule', () => {
    const d = runJoinDetermination(joinFactsFrom(applicant, est(['2691']), complete, D, { on: '2026-01-10' as LegalDate, body: 'council', ground: 'art14_1_ii' }), D);
    expect(d.outcome).toBe('refuse');
  });
});
