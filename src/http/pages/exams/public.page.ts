import type { FastifyInstance } from 'fastify';
import { getPublicSitting, listPublicSittings } from '../../../domain/exams/use-cases/sittings.js';
import { listPublishedSamples } from '../../../domain/exams/use-cases/sample-questions.js';
import { countryName } from '../../../domain/exams/use-cases/countries.js';
import { formatFee } from '../../../domain/exams/use-cases/registration-window.js';
import { publishedKeys } from '../../../domain/signing/signing-keys.js';
import { translatorFor, type CandidateLanguage } from '../../../locales/index.js';
import type { AppDeps } from '../../app.js';
import { candidateLanguage, candidateView, examContext, param } from './helpers.js';

/** Public pages: sittings (list and detail) and sample questions in the candidate's language, and the public keys. */
export const examPublicPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const row = (s: Awaited<ReturnType<typeof listPublicSittings>>[number], lang: string) => ({
    id: s.sitting.id,
    examDate: s.sitting.examDate,
    startTime: s.sitting.startTime,
    category: lang === 'ja' ? s.category.nameJa : s.category.nameEn,
    level: s.category.level,
    venue: s.venue.name,
    city: s.venue.city,
    country: countryName(s.venue.country, lang),
    address: s.venue.address,
    equipment: s.venue.equipment,
    fee: formatFee(s.sitting.feeAmount, s.sitting.feeCurrency, lang),
    open: s.open,
    full: s.seatsTaken >= s.sitting.capacity,
    seatsLeft: Math.max(0, s.sitting.capacity - s.seatsTaken),
    window: `${s.sitting.registrationOpensOn} – ${s.sitting.registrationClosesOn}`,
    rescheduleDeadline: s.sitting.rescheduleDeadline,
    cancelDeadline: s.sitting.cancelDeadline,
  });

  app.get('/exams', { config: { policy: 'public' } }, async (request, reply) => {
    const lang = candidateLanguage(request, reply);
    const sittings = (await listPublicSittings(examContext(request, deps))).map((s) => row(s, lang));
    return reply.view('pages/exams/public-list.njk', candidateView(request, reply, { pageTitle: translatorTitle(lang, 'list.title'), sittings }));
  });

  app.get('/exams/sittings/:id', { config: { policy: 'public' } }, async (request, reply) => {
    const lang = candidateLanguage(request, reply);
    const s = row(await getPublicSitting(examContext(request, deps), param(request, 'id')), lang);
    return reply.view('pages/exams/public-sitting.njk', candidateView(request, reply, { pageTitle: `${s.category} ${s.examDate}`, s }));
  });

  app.get('/exams/samples', { config: { policy: 'public' } }, async (request, reply) => {
    const lang = candidateLanguage(request, reply);
    const samples = (await listPublishedSamples(examContext(request, deps))).map(({ sample, category }) => ({
      category: lang === 'ja' ? category.nameJa : category.nameEn,
      level: category.level,
      part: sample.part,
      question: lang === 'ja' ? sample.questionJa : (sample.questionEn ?? sample.questionJa),
      choices: sample.choices,
      answer: sample.answer,
      explanation: lang === 'ja' ? sample.explanationJa : (sample.explanationEn ?? sample.explanationJa),
    }));
    return reply.view('pages/exams/public-samples.njk', candidateView(request, reply, { pageTitle: translatorTitle(lang, 'samples.title'), samples }));
  });

  app.get(
    '/.well-known/jinzai-keys.json',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['signing'],
        summary: 'Public Ed25519 keys that sign admission tickets, certificates and roster documents',
        description: 'JWK-shaped keys (kty OKP, crv Ed25519, x = raw public key, base64url) with kid, use (purpose) and status. Retired keys stay listed while their documents are honoured.',
      },
    },
    async (_request, reply) => {
    reply.header('Cache-Control', 'public, max-age=300');
    return reply.type('application/json').send(await publishedKeys(deps.database.db));
    },
  );
};

const translatorTitle = (lang: CandidateLanguage, key: string): string => translatorFor(lang)(`exams-candidate:${key}`);
