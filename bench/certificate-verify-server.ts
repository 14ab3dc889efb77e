// Child process for the certificate-verify benchmark: the real app and a bare Fastify route running the same repository
// query on the same database (seeded here with issued certificates), so the load generator does not share their loop.
import Fastify from 'fastify';
import { testConfig } from '../src/config/env.js';
import { certificateToken } from '../src/domain/exams/certificate.js';
import { getSigningKey } from '../src/domain/signing/signing-keys.js';
import { buildApp } from '../src/http/app.js';
import { createServices } from '../src/http/create-services.js';
import { openPostgresDatabase } from '../src/persistence/drivers/postgres.js';
import { findVerifiableByExamNumber, insertCertificates, type NewCertificate } from '../src/persistence/repositories/exam-certificates.repository.js';
import { seedCheckedInCandidates, seedScoringSitting } from '../src/persistence/repositories/exam-results-seed.repository.js';
import { syntheticCandidates } from './exam-candidates.js';

const databaseUrl = process.env.BENCH_DATABASE_URL!;
const count = Number(process.env.BENCH_COUNT ?? '10000');
const database = await openPostgresDatabase({ databaseUrl, migrate: true });
const config = testConfig({ logLevel: 'warn', rateLimitAllow: ['127.0.0.1'] });

const sitting = await seedScoringSitting(database.db, {
  categoryCode: 'kikai_kinzoku', categoryNameJa: '機械金属加工', categoryNameEn: 'Machining and metalworking', level: 'i', examDate: '2026-02-15', setCode: 'KK1-01',
  answerKey: [{ correct: 'A', weight: 1 }], practicalCriteria: [], capacity: count,
});
const candidates = syntheticCandidates(count);
const registrationIds = await seedCheckedInCandidates(database.db, sitting.sittingId, candidates, new Date('2026-02-15T01:00:00Z'));
const issuedAt = new Date('2026-03-01T00:00:00Z');
const key = await getSigningKey({ db: database.db, secret: config.signingKeySecret, clock: { now: () => issuedAt } }, 'exam_certificate');
const rows: NewCertificate[] = candidates.map((c, i) => {
  const certificateNumber = `C1-2026-${c.examNumber.slice(10, 17)}`;
  const record = {
    certificateNumber, examNumber: c.examNumber,
    holder: { familyName: c.familyName, givenName: c.givenName, dateOfBirth: c.dateOfBirth, nationality: c.nationality, passportNumber: '' },
    category: { id: 'kikai_kinzoku', ja: '機械金属加工', en: 'Machining and metalworking' }, level: 'i' as const, passDate: '2026-03-01', status: 'issued' as const,
  };
  return {
    certificateNumber, registrationId: registrationIds[i]!, examNumber: c.examNumber, holderFamilyName: c.familyName, holderGivenName: c.givenName,
    holderDateOfBirth: c.dateOfBirth, holderNationality: c.nationality, categoryCode: 'kikai_kinzoku', categoryNameJa: '機械金属加工', categoryNameEn: 'Machining and metalworking',
    level: 'i', examDate: '2026-02-15', passDate: '2026-03-01', status: 'issued', signingKeyId: key.kid, token: certificateToken(record, key, issuedAt), issuedAt, issuedBy: null,
  };
});
await insertCertificates(database.db, rows);

const app = await buildApp({ config, database, services: createServices(config, database) });
await app.listen({ port: 0, host: '127.0.0.1' });

// The same query, no framework plugins, no policy, no schema: what the hardware gives.
const bare = Fastify({ logger: false });
bare.get<{ Querystring: { examNumber: string; dateOfBirth: string } }>('/bare/verify', async (request) => {
  const found = await findVerifiableByExamNumber(database.db, request.query.examNumber);
  const valid = !!found && found.holderDateOfBirth === request.query.dateOfBirth && found.status === 'issued';
  return { valid, status: valid ? 'valid' : 'not_found', certificateNumber: valid ? found.certificateNumber : null };
});
await bare.listen({ port: 0, host: '127.0.0.1' });

const portOf = (server: typeof app.server): number => {
  const a = server.address();
  return typeof a === 'object' && a ? a.port : 0;
};
const sample = candidates.filter((_, i) => i % Math.max(1, Math.floor(count / 2000)) === 0).map((c) => ({ examNumber: c.examNumber, dateOfBirth: c.dateOfBirth }));
process.stdout.write(JSON.stringify({ ready: true, appPort: portOf(app.server), barePort: portOf(bare.server), sample }) + '\n');

process.once('SIGTERM', async () => {
  await bare.close();
  await app.close();
  await database.close();
  process.exit(0);
});
