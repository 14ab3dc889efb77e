import { pathToFileURL } from 'node:url';
import { type LegalDate, determineParsed, legalDate, parseFacts } from '../rules/core/index.js';
import { DISQUALIFICATION_ITEMS, type JaimJoinFacts, jaimJoinDetermination } from '../rules/jaim-membership-faq/index.js';

// Benchmark: full JAIM join determinations (with trace) per second on one core.
// 100,000 varied applicants come from a deterministic PRNG, are validated once (not timed), then determined.
// Outcome mix of the generated applicants: about 39 % needs_review, 38 % incomplete, 16 % refuse, 7 % accept; ~13 trace
// steps each. Note: under tsx (esbuild keepNames) every closure created per rule application in the core's
// Evaluator.applyFull costs an Object.defineProperty; with the core as it is, most of the time goes there.

import type { BenchResult } from './result.js';

const TARGET = 100_000;
const COUNT = 100_000;

/** mulberry32: small, fast, deterministic. */
const prng = (seed: number) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const CODES = ['1511', '15', '11', '1121', '484', '4841', '18', '1821', '2464', '2462', '2469', '2194', '2251', '2911', '2922', '3011', '2591', '0911', '141', '1453', '24', '2534', '2691', '28'];
const ASSOCIATIONS = ['全日本印刷工業組合連合会', '全日本製本工業組合連合会', 'その他の団体'];
const SCHEMES = ['GOTS', 'OEKO-TEX STeP', 'bluesign', 'GRS', 'JASPA', 'JASTI', 'other'] as const;
const TEMPLATES = ['11', '11_02', '15', '18', '484', '2462-2464-2469', 'other'] as const;

export const generateApplicants = (count: number, seed = 20251226): unknown[] => {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;
  const out: unknown[] = [];
  for (let n = 0; n < count; n++) {
    const codeCount = 1 + Math.floor(r() * 3);
    const jsicCodes = Array.from({ length: codeCount }, () => pick(CODES));
    const declarations = Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [i, chance(0.995) ? 'does_not_apply' : chance(0.5) ? 'applies' : null]));
    const day = 1 + Math.floor(r() * 28);
    const month = 7 + Math.floor(r() * 6);
    const applicationDate = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    out.push({
      applicant: {
        kind: chance(0.95) ? 'corporation' : 'individual',
        name: chance(0.99) ? `株式会社テスト${n}` : '',
        address: '東京都千代田区1-1',
        representative: chance(0.99) ? '代表 太郎' : '',
        corporateNumberPresent: chance(0.98),
      },
      establishment: {
        name: `第${n % 7}工場`,
        address: chance(0.99) ? '埼玉県川口市1-1' : '',
        jsicCodes,
        operating: chance(0.98),
        shipmentsInLastYear: chance(0.97),
        evidence: {
          templates: chance(0.9) ? [...TEMPLATES] : [pick(TEMPLATES)],
          documentKinds: chance(0.97) ? ['invoice', 'delivery_note'] : chance(0.5) ? ['other'] : [],
          withinLastYear: chance(0.97),
          amountsShown: chance(0.85),
          intraCompany: chance(0.2),
          noAmountReason: chance(0.7),
          productPhotos: chance(0.8),
          plantPhotos: chance(0.8),
          reasonStatement: chance(0.7),
          usageExplanation: chance(0.7),
        },
      },
      declarations,
      pledges: { codeOfConduct: chance(0.98), cooperationDuties: chance(0.98) },
      addOn: {
        textile: chance(0.8)
          ? {
              humanRights: chance(0.7)
                ? { kind: 'certified', scheme: pick(SCHEMES), validUntil: `2026-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-15` }
                : chance(0.7)
                  ? { kind: 'in_progress', substituteDocument: chance(0.8) }
                  : { kind: 'none' },
              attendanceSystemOnMetiList: chance(0.9),
              partnershipDeclarationPublished: chance(0.9),
              monthlySalary: chance(0.9) ? true : null,
            }
          : undefined,
        associationMemberships: chance(0.8)
          ? [{ association: pick(ASSOCIATIONS), evidence: chance(0.9) ? 'membership_certificate' : 'enrolment_certificate', heldBy: chance(0.9) ? 'establishment' : 'parent_company' }]
          : undefined,
      },
      lastExpulsion: chance(0.02) ? { on: '2025-01-15', body: chance(0.8) ? 'council' : 'jaim', ground: pick(['art14_1_i', 'art14_1_ii', 'art14_1_iii', 'other']) } : null,
      applicationDate,
    });
  }
  return out;
};

export async function benchRulesEval(): Promise<BenchResult[]> {
  const raw = generateApplicants(COUNT);
  const facts: JaimJoinFacts[] = raw.map((f) => parseFacts(jaimJoinDetermination, f));
  const dates: LegalDate[] = facts.map((f) => f.applicationDate);
  const asOf = legalDate('2025-10-01');
  // Warm-up (JIT), not timed.
  for (let i = 0; i < 20_000; i++) determineParsed(jaimJoinDetermination, facts[i]!, dates[i] ?? asOf);
  let checksum = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < COUNT; i++) {
    const d = determineParsed(jaimJoinDetermination, facts[i]!, dates[i]!);
    checksum += d.trace.length;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (checksum === 0) throw new Error('no trace produced');
  const value = Math.round(COUNT / seconds);
  return [{ name: 'rules-eval', value, unit: 'det/s', baseline: TARGET, ratio: Math.round((value / TARGET) * 100) / 100, target: '≥ 100,000 det/s on one core (ratio ≥ 1)', note: '100,000 generated applicants, jaim-join with full trace' }];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchRulesEval().then(
    (results) => console.log(JSON.stringify(results, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
