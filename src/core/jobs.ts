import { sql } from 'kysely';
import { Cron } from 'croner';
import type { Database, Db } from './database.js';
import { newId } from './ids.js';
import { startPoller, type Poller } from './poller.js';
import { processIsGone, thisProcess } from './liveness.js';

type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface Job<P = unknown> {
  id: string;
  kind: string;
  payload: P;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: string;
  progress: unknown;
  result: unknown;
  error: string | null;
  created_at: string;
  updated_at: string;
}

const parse = (v: unknown) => (typeof v === 'string' && v !== '' ? JSON.parse(v) : null);

function toJob(row: Record<string, unknown>): Job {
  return {
    id: row.id as string,
    kind: row.kind as string,
    payload: parse(row.payload),
    status: row.status as JobStatus,
    attempts: Number(row.attempts),
    max_attempts: Number(row.max_attempts),
    run_at: row.run_at as string,
    progress: parse(row.progress),
    result: parse(row.result),
    error: (row.error as string | null) ?? null,
    created_at: row.created_at as string,
    updated_at: row.updated_at as string,
  };
}

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /** A fixed id makes enqueueing idempotent (used by schedules shared by several processes). */
  id?: string;
}

/** What to wake when a job is queued on a database (the process's job worker), instead of waiting for its poll. */
const wakers = new WeakMap<Database, Set<() => void>>();

/** Calls `wake` after each job this process queues on `database`; returns the function that stops it. */
export function onJobQueued(database: Database, wake: () => void): () => void {
  let set = wakers.get(database);
  if (!set) wakers.set(database, (set = new Set()));
  set.add(wake);
  return () => set.delete(wake);
}

function jobRow(kind: string, payload: unknown, options: EnqueueOptions) {
  const now = new Date().toISOString();
  return {
    id: options.id ?? newId('job'),
    kind,
    payload: JSON.stringify(payload ?? null),
    status: 'queued',
    run_at: (options.runAt ?? new Date()).toISOString(),
    attempts: 0,
    max_attempts: options.maxAttempts ?? 3,
    locked_by: null,
    locked_until: null,
    progress: null,
    result: null,
    error: null,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Queues a job inside the caller's transaction (an event subscriber's): it exists only if the change
 * that asked for it commits. A worker finds it at its next poll.
 */
export async function enqueueIn(trx: Db, kind: string, payload: unknown, options: Omit<EnqueueOptions, 'id'> = {}): Promise<string> {
  const row = jobRow(kind, payload, options);
  await trx.insertInto('jobs').values(row).execute();
  return row.id;
}

export async function enqueue(database: Database, kind: string, payload: unknown, options: EnqueueOptions = {}): Promise<string> {
  const row = jobRow(kind, payload, options);
  const id = row.id;
  const insert = database.db.insertInto('jobs').values(row);
  if (database.dialect === 'mysql') await insert.ignore().execute();
  else await insert.onConflict((oc) => oc.column('id').doNothing()).execute();
  for (const wake of wakers.get(database) ?? []) wake();
  return id;
}

/**
 * Queues the job of a fixed id unless it is queued or running already (a second click starts nothing
 * new); a failed one is queued again from its first attempt. Returns the job as it now is.
 */
export async function enqueueOnce(database: Database, id: string, kind: string, payload: unknown, options: Omit<EnqueueOptions, 'id'> = {}): Promise<Job> {
  await enqueue(database, kind, payload, { ...options, id });
  const requeued = await database.db
    .updateTable('jobs')
    .set({ status: 'queued', attempts: 0, error: null, result: null, payload: JSON.stringify(payload ?? null), run_at: new Date().toISOString(), updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  if (Number(requeued.numUpdatedRows) > 0) for (const wake of wakers.get(database) ?? []) wake();
  return (await getJob(database.db, id))!;
}

export async function getJob(db: Db, id: string): Promise<Job | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toJob(row) : undefined;
}

/**
 * Claims the next due job for this worker, or a running one whose lock expired (its worker died).
 * One UPDATE ... RETURNING on SQLite and PostgreSQL (SKIP LOCKED there); MySQL/MariaDB has no
 * UPDATE ... RETURNING, so it locks the row with SKIP LOCKED in a short transaction.
 */
export async function claimJob(database: Database, worker: string, kinds: string[], lockMs = 5 * 60_000): Promise<Job | null> {
  if (kinds.length === 0) return null;
  const now = new Date();
  const nowIso = now.toISOString();
  const lockedUntil = new Date(now.getTime() + lockMs).toISOString();
  const due = (db: Db) =>
    db
      .selectFrom('jobs')
      .select('id')
      .where('kind', 'in', kinds)
      .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', nowIso)]), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso)])]))
      .orderBy('run_at')
      .limit(1);
  const claim = { status: 'running', locked_by: worker, locked_until: lockedUntil, attempts: sql`attempts + 1`, updated_at: nowIso };

  if (database.dialect === 'mysql') {
    const claimIn = () =>
      database.db.transaction().execute(async (trx) => {
        const row = await due(trx).forUpdate().skipLocked().executeTakeFirst();
        if (!row) return null;
        await trx.updateTable('jobs').set(claim).where('id', '=', row.id).execute();
        return toJob(await trx.selectFrom('jobs').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow());
      });
    // InnoDB may pick two concurrent claims as a deadlock over the index entries the update moves; the
    // claim that loses is rolled back whole and simply tries again.
    for (let attempt = 1; ; attempt++) {
      try {
        return await claimIn();
      } catch (error) {
        if ((error as { code?: string }).code !== 'ER_LOCK_DEADLOCK' || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
  }
  const candidate = database.dialect === 'postgres' ? due(database.db).forUpdate().skipLocked() : due(database.db);
  const row = await database.db.updateTable('jobs').set(claim).where('id', '=', candidate).returningAll().executeTakeFirst();
  return row ? toJob(row) : null;
}

export async function reportProgress(db: Db, id: string, progress: unknown): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ progress: JSON.stringify(progress), updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Keeps a running job's lock while its worker works on it, so that no other process claims it meanwhile. */
async function extendLock(db: Db, id: string, worker: string, lockMs: number): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ locked_until: new Date(Date.now() + lockMs).toISOString() })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .where('status', '=', 'running')
    .execute();
}

/**
 * At start-up: jobs left running by a process of this host that has since died (killed, crashed, the
 * machine restarted) are not left to wait out their lock. Each counts as a failed attempt, so it is
 * retried (a job that can resume, such as an undo, carries on) or marked failed. Returns the jobs released.
 */
export async function releaseJobsOfGoneProcesses(database: Database): Promise<Job[]> {
  const running = await database.db.selectFrom('jobs').selectAll().where('status', '=', 'running').execute();
  const gone = running.map(toJob).filter((job, i) => processIsGone(running[i].locked_by as string | null));
  for (const job of gone) await failJob(database.db, job, new Error('interrupted: the process running this job stopped'), 0);
  return gone;
}

async function completeJob(db: Db, id: string, result: unknown): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', result: JSON.stringify(result ?? null), locked_by: null, locked_until: null, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt is retried with exponential backoff (or after `retryInMs`) until max_attempts, then marked failed. */
async function failJob(db: Db, job: Job, error: unknown, retryInMs = 2 ** job.attempts * 1000): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const retry = job.attempts < job.max_attempts;
  const runAt = new Date(Date.now() + retryInMs).toISOString();
  await db
    .updateTable('jobs')
    .set({ status: retry ? 'queued' : 'failed', error: message, run_at: retry ? runAt : job.run_at, locked_by: null, locked_until: null, updated_at: new Date().toISOString() })
    .where('id', '=', job.id)
    .execute();
}

export type JobHandler = (job: Job, tools: { progress(p: unknown): Promise<void> }) => Promise<unknown>;

export interface WorkerOptions {
  pollMs?: number;
  /** How long a claimed job stays locked without news from its worker; the worker renews it every third of that. */
  lockMs?: number;
  /** Schedules: cron expression -> job kind (enqueued once per tick however many processes run). */
  schedules?: { cron: string; kind: string; payload?: unknown }[];
  onError?: (error: unknown, job?: Job) => void;
}

/**
 * Runs jobs inside the server process: polls the table, runs one job at a time, and enqueues
 * scheduled jobs. Every process may run one; the database decides who gets which job.
 */
export function startWorker(database: Database, handlers: Record<string, JobHandler>, options: WorkerOptions = {}) {
  const worker = `${thisProcess()}:${newId('job').slice(-6)}`;
  const pollMs = options.pollMs ?? 1000;
  const lockMs = options.lockMs ?? 5 * 60_000;
  const onError = options.onError ?? ((e: unknown) => console.error('job error:', e));
  const poller: Poller = startPoller(async () => {
    try {
      let job: Job | null;
      while (!poller.stopped() && (job = await claimJob(database, worker, Object.keys(handlers), lockMs))) {
        const current = job;
        // A job may run longer than its lock (a 200k-row import); the lock is renewed while it runs.
        const heartbeat = setInterval(() => extendLock(database.db, current.id, worker, lockMs).catch(onError), lockMs / 3);
        try {
          const result = await handlers[current.kind](current, { progress: (p) => reportProgress(database.db, current.id, p) });
          await completeJob(database.db, current.id, result);
        } catch (error) {
          onError(error, current);
          await failJob(database.db, current, error);
        } finally {
          clearInterval(heartbeat);
        }
      }
    } catch (error) {
      onError(error);
    }
  }, pollMs);

  const crons = (options.schedules ?? []).map(
    (s) =>
      new Cron(s.cron, { timezone: 'UTC' }, () => {
        const slot = new Date();
        slot.setUTCSeconds(0, 0);
        enqueue(database, s.kind, s.payload ?? null, { id: `job_${s.kind}_${slot.toISOString()}` }).catch(onError);
      }),
  );

  return {
    /** Wakes the worker now instead of at the next poll. */
    nudge: () => poller.nudge(),
    async stop() {
      for (const c of crons) c.stop();
      await poller.stop();
    },
  };
}
