// The job queue and scheduler, on whichever backend this run uses.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import { searchAuditEvents, verifyAuditChain } from '../../../src/persistence/audit/index.js';
import { findJob } from '../../../src/persistence/repositories/jobs.repository.js';
import { enqueue, processDueJobs, startJobRunner } from '../../../src/jobs/queue.js';
import { runSchedulerTick, type Schedule } from '../../../src/jobs/schedule.js';
import type { JobHandlers, JobLogger } from '../../../src/jobs/types.js';
import { createTestDatabase } from '../../helpers/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const logged: { level: string; msg: string | undefined }[] = [];
const logger: JobLogger = {
  info: (_o, msg) => logged.push({ level: 'info', msg }),
  warn: (_o, msg) => logged.push({ level: 'warn', msg }),
  error: (_o, msg) => logged.push({ level: 'error', msg }),
};

/** A controllable clock, so backoff can be stepped through without waiting. */
const clockAt = (start: string) => {
  let now = new Date(start).getTime();
  return { clock: () => new Date(now), advance: (ms: number) => void (now += ms) };
};

describe('job queue', () => {
  it('runs a due job once and marks it done', async () => {
    const seen: unknown[] = [];
    const handlers: JobHandlers = { 'test.echo': async (payload) => void seen.push(payload) };
    const { id } = await enqueue(database.db, 'test.echo', { hello: '世界' });
    const t = clockAt('2099-01-01T00:00:00Z');
    expect(await processDueJobs({ database, handlers, logger, clock: t.clock })).toBeGreaterThanOrEqual(1);
    expect(seen).toEqual([{ hello: '世界' }]);
    expect((await findJob(database.db, id ?? ''))?.status).toBe('done');
    expect(await processDueJobs({ database, handlers, logger, clock: t.clock })).toBe(0);
  });

  it('does not run a job before its run_at', async () => {
    const t = clockAt('2099-02-01T00:00:00Z');
    const handlers: JobHandlers = { 'test.later': async () => undefined };
    const { id } = await enqueue(database.db, 'test.later', {}, { runAt: new Date('2099-02-01T01:00:00Z') });
    await processDueJobs({ database, handlers, logger, clock: t.clock });
    expect((await findJob(database.db, id ?? ''))?.status).toBe('queued');
    t.advance(60 * 60_000);
    await processDueJobs({ database, handlers, logger, clock: t.clock });
    expect((await findJob(database.db, id ?? ''))?.status).toBe('done');
  });

  it('enqueues once per dedupe key', async () => {
    const a = await enqueue(database.db, 'test.once', {}, { dedupeKey: 'once:1', runAt: new Date('2100-01-01T00:00:00Z') });
    const b = await enqueue(database.db, 'test.once', {}, { dedupeKey: 'once:1' });
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: null, created: false });
  });

  it('retries with backoff, then marks the job dead, writing job.failed audit events', async () => {
    const t = clockAt('2099-03-01T00:00:00Z');
    let calls = 0;
    const handlers: JobHandlers = {
      'test.flaky': async () => {
        calls += 1;
        throw new Error(`smtp down (${calls})`);
      },
    };
    const backoffMs = (attempt: number) => attempt * 60_000;
    const { id } = await enqueue(database.db, 'test.flaky', {}, { maxAttempts: 3, runAt: t.clock() });
    const jobId = id ?? '';

    await processDueJobs({ database, handlers, logger, clock: t.clock, backoffMs });
    let job = await findJob(database.db, jobId);
    expect(job).toMatchObject({ status: 'failed', attempts: 1, lastError: 'smtp down (1)' });
    expect(job?.runAt.toISOString()).toBe('2099-03-01T00:01:00.000Z');

    await processDueJobs({ database, handlers, logger, clock: t.clock, backoffMs }); // not due yet
    expect(calls).toBe(1);
    t.advance(60_000);
    await processDueJobs({ database, handlers, logger, clock: t.clock, backoffMs });
    expect((await findJob(database.db, jobId))?.runAt.toISOString()).toBe('2099-03-01T00:03:00.000Z'); // 2nd backoff: 2 min
    t.advance(2 * 60_000);
    await processDueJobs({ database, handlers, logger, clock: t.clock, backoffMs });
    job = await findJob(database.db, jobId);
    expect(job).toMatchObject({ status: 'dead', attempts: 3, lastError: 'smtp down (3)' });
    expect(job?.finishedAt).toBeInstanceOf(Date);
    expect(calls).toBe(3);

    const audit = await searchAuditEvents(database.db, { action: 'job.failed', targetId: jobId });
    expect(audit.events.map((e) => (e.summary as { after: { status: string } }).after.status)).toEqual(['dead', 'failed', 'failed']);
    expect(audit.events[0]).toMatchObject({ actorKind: 'system', targetType: 'job' });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    expect(logged.some((l) => l.level === 'error' && l.msg === 'job dead')).toBe(true);
  });

  it('fails a job that has no handler', async () => {
    const t = clockAt('2099-04-01T00:00:00Z');
    const { id } = await enqueue(database.db, 'test.unknown', {}, { maxAttempts: 1, runAt: t.clock() });
    await processDueJobs({ database, handlers: {}, logger, clock: t.clock });
    expect(await findJob(database.db, id ?? '')).toMatchObject({ status: 'dead', lastError: 'no handler registered for job "test.unknown"' });
  });

  it('claims a job orphaned in running by a dead worker again', async () => {
    const t = clockAt('2099-05-01T00:00:00Z');
    const { id } = await enqueue(database.db, 'test.orphan', {}, { runAt: t.clock() });
    await database.db.execute(sql`UPDATE jobs SET status = 'running', attempts = 1, locked_at = ${'2099-04-30T00:00:00Z'}::timestamptz WHERE id = ${id}`);
    let ran = false;
    await processDueJobs({ database, handlers: { 'test.orphan': async () => void (ran = true) }, logger, clock: t.clock });
    expect(ran).toBe(true);
    expect((await findJob(database.db, id ?? ''))?.status).toBe('done');
  });

  it('startJobRunner polls in the background and stops cleanly', async () => {
    let resolveRan: () => void = () => undefined;
    const ran = new Promise<void>((resolve) => (resolveRan = resolve));
    await enqueue(database.db, 'test.background', { n: 1 });
    const runner = startJobRunner({ database, handlers: { 'test.background': async () => resolveRan() }, pollMs: 20, logger, clock: () => new Date('2100-12-31T00:00:00Z') });
    await ran;
    await runner.stop();
    await runner.stop();
  });
});

describe('scheduler', () => {
  const schedules: Schedule[] = [
    { name: 'test.every-15', job: 'test.tick', everyMinutes: 15 },
    { name: 'test.nightly', job: 'test.nightly', dailyAtJst: '02:00', payload: { kind: 'nightly' } },
  ];
  const scheduledJobs = async () =>
    rowsOf<{ name: string; dedupe_key: string }>(
      await database.db.execute(sql`SELECT name, dedupe_key FROM jobs WHERE dedupe_key LIKE 'schedule:test.%' ORDER BY dedupe_key`),
    );

  it('enqueues each slot once, however often and from however many instances it ticks', async () => {
    const now = new Date('2099-06-01T00:07:00Z'); // 09:07 JST
    const first = await runSchedulerTick(database.db, now, schedules);
    expect(first.sort()).toEqual(['test.every-15', 'test.nightly']);
    await Promise.all([runSchedulerTick(database.db, now, schedules), runSchedulerTick(database.db, new Date(now.getTime() + 60_000), schedules)]);
    expect(await scheduledJobs()).toEqual([
      { name: 'test.tick', dedupe_key: 'schedule:test.every-15:2099-06-01T00:00:00.000Z' },
      { name: 'test.nightly', dedupe_key: 'schedule:test.nightly:2099-05-31T17:00:00.000Z' },
    ]);
  });

  it('enqueues the next slot when it comes due', async () => {
    expect(await runSchedulerTick(database.db, new Date('2099-06-01T00:15:00Z'), schedules)).toEqual(['test.every-15']);
    expect(await runSchedulerTick(database.db, new Date('2099-06-01T17:00:00Z'), schedules)).toEqual(['test.every-15', 'test.nightly']);
    expect((await scheduledJobs()).length).toBe(5);
  });
});
