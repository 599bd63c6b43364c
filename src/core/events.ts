import { hostname } from 'node:os';
import { CompiledQuery, sql } from 'kysely';
import type { EventType } from '../schema/events.js';
import { insertValues } from './insert-values.js';
import { engineOf, readRows, type Database, type Db, type DialectName } from './database.js';
import { newId } from './ids.js';
import { startPoller, type Poller } from './poller.js';
import { registerWriteRead, writeReadsMade } from './write-reads.js';

/** An event as a writer appends it. */
export interface DomainEvent {
  type: EventType;
  entity: string;
  entityId: string;
  /** JSON-serialisable facts about the change. Ids and figures; personal data only where a consumer needs it. */
  data?: Record<string, unknown>;
}

/** An event as stored and read back. `position` is its place in commit order (null until sequenced). */
export interface StoredEvent {
  id: string;
  position: number | null;
  type: EventType;
  entity: string;
  entity_id: string;
  occurred_at: string;
  actor: string;
  data: Record<string, unknown> | null;
}

/**
 * The result of a subscriber's read (see `Subscription.read`) where the event insert carried it:
 * `value` is the one value the query gave, null when it found no row.
 */
export interface ReadAlong {
  value: unknown;
}

/**
 * Runs inside the writing transaction, after the events are stored: derived data that must not lag.
 * `read` is given when the subscriber declared a read and the event insert carried it; otherwise the
 * subscriber runs that read itself.
 */
export type EventSubscriber = (trx: Db, events: StoredEvent[], read?: ReadAlong) => Promise<void>;

/** A subscriber as a domain declares it; the composition module (src/derived-data.ts) registers it. */
export interface Subscription {
  types: readonly EventType[];
  handle: EventSubscriber;
  /**
   * A query of one value (one row, one column, no parameters, the same text on every engine) that
   * the subscriber runs on every call. On PostgreSQL the statement that stores a write's events
   * returns it too, so it costs no round trip of its own; it is then read in the writing transaction
   * by that statement, after the write's own earlier statements, as the subscriber's own read would be.
   */
  read?: string;
}

const subscribers: { types: ReadonlySet<string> | null; handler: EventSubscriber; read: string | null }[] = [];

/** Registers a subscriber called in the writing transaction for events of these types (all when omitted). */
export function subscribe(types: readonly EventType[] | null, handler: EventSubscriber, read?: string): void {
  subscribers.push({ types: types ? new Set(types) : null, handler, read: read ?? null });
  // A write that reads its per-transaction values (the schema's stamp) reads this one with them.
  if (read) registerWriteRead(read, () => eventMode === 'full');
}

let subscribersLoaded = false;

/**
 * Called once by the composition module (src/derived-data.ts) after it registered every subscriber.
 * Until then `appendEvents` refuses to write: a process that wrote without the subscribers would
 * leave derived data (customer figures, report rollups, match keys) silently stale.
 */
export function markSubscribersLoaded(): void {
  subscribersLoaded = true;
}

/** What an appended event stores; its position stays empty until the sequencer gives it one. */
const eventColumns = ['id', 'type', 'entity', 'entity_id', 'occurred_at', 'actor', 'data'];

/**
 * The most rows (events, and rows stored along with them) whose statement carries the subscribers'
 * reads and the rows along: the writes of a few records. A bigger batch (an import chunk) runs them as
 * statements of their own, once per batch, rather than have each stored row return them.
 */
const readAlongRows = 20;

/** Rows of another table that a write stores together with its events (its audit entries). */
export interface RowsAlong {
  table: string;
  columns: readonly string[];
  values: unknown[][];
}

/** Event insert texts with reads riding on them and rows along, by their shapes. */
const readAlongTexts = new Map<string, string>();

/**
 * One PostgreSQL statement that inserts `rows` events and, in a data-modifying WITH, the rows along
 * (their parameters first), and that returns the value of each read, as "read_0", "read_1", ... (a
 * query in RETURNING is evaluated once, in the inserting statement's snapshot). Only PostgreSQL,
 * where a statement is a round trip to the server: MariaDB has no data-modifying WITH, and a query
 * inside its INSERT (as in INSERT ... SELECT) reads with shared locks held to the end of the
 * transaction, which would make a change of what it reads wait for every write in flight; on SQLite,
 * in process, separate statements cost less (a read about 80 against 83 microseconds per write).
 */
function readAlongText(rows: number, reads: readonly string[], along: RowsAlong | null): string {
  const key = `${rows}\u0000${reads.join('\u0000')}\u0000${along ? `${along.table}\u0000${along.values.length}\u0000${along.columns.join('\u0000')}` : ''}`;
  let text = readAlongTexts.get(key);
  if (text) return text;
  let n = 0;
  const tuples = (count: number, columns: readonly string[]) => Array.from({ length: count }, () => `(${columns.map(() => `$${++n}`).join(', ')})`).join(', ');
  const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');
  const prefix = along ? `WITH "rows_along" AS (INSERT INTO "${along.table}" (${quoted(along.columns)}) VALUES ${tuples(along.values.length, along.columns)}) ` : '';
  text = `${prefix}INSERT INTO "events" (${quoted(eventColumns)}) VALUES ${tuples(rows, eventColumns)}${reads.length ? ` RETURNING ${reads.map((r, i) => `(${r}) AS "read_${i}"`).join(', ')}` : ''}`;
  if (readAlongTexts.size > 500) readAlongTexts.clear();
  readAlongTexts.set(key, text);
  return text;
}

/** What `appendEvents` does: everything (always, outside benchmarks), or less for a benchmark's baseline. */
type EventMode = 'full' | 'outbox-only' | 'off';
let eventMode: EventMode = 'full';

/**
 * For bench/events.bench.ts only: measures a write without its subscribers ('outbox-only') or
 * without its events at all ('off'), against the same write in full. Refused unless the process was
 * started with RAPPORT_BENCH=1, which no entry point of Rapport sets, so a stray call cannot make a
 * server drop events.
 */
export function setEventModeForBenchmark(mode: EventMode): void {
  if (mode !== 'full' && process.env.RAPPORT_BENCH !== '1') throw new Error('domain events can only be reduced in a benchmark process (RAPPORT_BENCH=1)');
  eventMode = mode;
}

/**
 * Appends events inside the caller's transaction: they commit or roll back with the change they
 * describe. In-transaction subscribers run after the rows are stored. `along` are rows of another
 * table written with the events (the write's audit entries), stored first, and on PostgreSQL in the
 * events' own statement; they are stored even when there are no events.
 */
export async function appendEvents(trx: Db, actor: string, events: DomainEvent[], along?: RowsAlong): Promise<StoredEvent[]> {
  if (!subscribersLoaded) throw new Error('domain events appended before the event subscribers were loaded: import src/derived-data.ts in this entry point');
  if (events.length === 0 || eventMode === 'off') {
    if (along?.values.length) await insertValues(trx, along.table, along.columns, along.values);
    return [];
  }
  const occurredAt = new Date().toISOString();
  const stored: StoredEvent[] = events.map((e) => ({
    id: newId('event'),
    position: null,
    type: e.type,
    entity: e.entity,
    entity_id: e.entityId,
    occurred_at: occurredAt,
    actor,
    data: e.data ?? null,
  }));
  const values = stored.map((e) => [e.id, e.type, e.entity, e.entity_id, e.occurred_at, e.actor, e.data === null ? null : JSON.stringify(e.data)]);
  const calls: { handler: EventSubscriber; mine: StoredEvent[]; read: string | null }[] = [];
  if (eventMode === 'full')
    for (const s of subscribers) {
      const mine = s.types ? stored.filter((e) => s.types!.has(e.type)) : stored;
      if (mine.length) calls.push({ handler: s.handler, mine, read: s.read });
    }
  const readValues = new Map<string, ReadAlong>();
  const made = writeReadsMade(trx);
  for (const c of calls) if (c.read !== null && made?.has(c.read)) readValues.set(c.read, { value: made.get(c.read) });
  const alongRows = along?.values.length ? along : null;
  const oneStatement = engineOf(trx) === 'postgres' && stored.length + (alongRows?.values.length ?? 0) <= readAlongRows;
  const reads = oneStatement ? [...new Set(calls.map((c) => c.read).filter((r): r is string => r !== null && !readValues.has(r)))] : [];
  if (oneStatement && (reads.length || alongRows)) {
    const query = CompiledQuery.raw(
      readAlongText(stored.length, reads, alongRows),
      [...(alongRows?.values ?? []), ...values].flat().map((v) => v ?? null),
    );
    const [row] = (await trx.executeQuery<Record<string, unknown>>(query)).rows;
    reads.forEach((r, i) => readValues.set(r, { value: row?.[`read_${i}`] ?? null }));
  } else {
    if (alongRows) await insertValues(trx, alongRows.table, alongRows.columns, alongRows.values);
    await insertValues(trx, 'events', eventColumns, values);
  }
  for (const c of calls) await c.handler(trx, c.mine, c.read === null ? undefined : readValues.get(c.read));
  return stored;
}

const sequencerRow = '~sequencer';
const sequenceBatch = 500;

/**
 * Gives committed events without a position the next positions, in the order they were appended.
 * Only committed rows are visible here, so an event that commits late gets a later position than
 * every event already sequenced and a consumer reading "position > cursor" never skips it. One
 * sequencer at a time: the first statement updates the sequencer's row, which locks it (and, on
 * SQLite, takes the write lock before anything is read). Returns how many events were sequenced.
 */
export async function sequenceEvents(database: Database): Promise<number> {
  const { db } = database;
  const pending = await db.selectFrom('events').select('seq').where('position', 'is', null).limit(1).executeTakeFirst();
  if (!pending) return 0;
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('event_consumers').set({ updated_at: new Date().toISOString() }).where('name', '=', sequencerRow).execute();
    let total = 0;
    for (;;) {
      const rows = await trx.selectFrom('events').select('seq').where('position', 'is', null).orderBy('seq').limit(sequenceBatch).execute();
      if (rows.length === 0) break;
      const top = await trx
        .selectFrom('events')
        .select((eb) => eb.fn.max<number>('position').as('top'))
        .where('position', 'is not', null)
        .executeTakeFirst();
      let next = Number(top?.top ?? 0);
      // Literal integers (from the database, never from input): PostgreSQL cannot type untyped CASE parameters.
      const cases = rows.map((r) => sql`when ${sql.lit(Number(r.seq))} then ${sql.lit(++next)}`);
      await trx
        .updateTable('events')
        .set({ position: sql`case ${sql.ref('seq')} ${sql.join(cases, sql` `)} end` })
        .where(
          'seq',
          'in',
          rows.map((r) => Number(r.seq)),
        )
        .execute();
      total += rows.length;
      if (rows.length < sequenceBatch) break;
    }
    return total;
  });
}

function toStored(row: Record<string, unknown>): StoredEvent {
  return {
    id: row.id as string,
    position: row.position === null || row.position === undefined ? null : Number(row.position),
    type: row.type as EventType,
    entity: row.entity as string,
    entity_id: row.entity_id as string,
    occurred_at: row.occurred_at as string,
    actor: row.actor as string,
    data: typeof row.data === 'string' && row.data !== '' ? (JSON.parse(row.data) as Record<string, unknown>) : null,
  };
}

export interface EventQuery {
  types?: readonly string[];
  entity?: string;
  entityId?: string;
  /** Events at or after this time. */
  since?: string;
  /** Events after this position (the `next_after` of the previous page). */
  after?: number;
  limit: number;
}

/** Sequenced events in commit order, for the events API and polling clients. */
export async function listEvents(database: Database, query: EventQuery): Promise<StoredEvent[]> {
  await sequenceEvents(database);
  let q = database.db.selectFrom('events').selectAll().where('position', 'is not', null).orderBy('position').limit(query.limit);
  if (query.types?.length) q = q.where('type', 'in', [...query.types]);
  if (query.entity) q = q.where('entity', '=', query.entity);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  if (query.since) q = q.where('occurred_at', '>=', query.since);
  if (query.after !== undefined) q = q.where('position', '>', query.after);
  return (await q.execute()).map(toStored);
}

export async function getEvent(db: Db, id: string): Promise<StoredEvent | undefined> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStored(row) : undefined;
}

export async function listEventsById(db: Db, ids: readonly string[]): Promise<StoredEvent[]> {
  const rows = [];
  for (let i = 0; i < ids.length; i += 500)
    rows.push(
      ...(await db
        .selectFrom('events')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return rows.map(toStored);
}

/**
 * Replaces the data of an entity's events (an erased person's), keeping the facts that something
 * happened. Sequenced and not yet sequenced events are found apart, each by its own index (the
 * position indexes hold sequenced events only: migration 0041).
 */
export async function redactEvents(trx: Db, entity: string, entityIds: readonly string[]): Promise<void> {
  for (let i = 0; i < entityIds.length; i += 500) {
    for (const sequenced of [true, false])
      await trx
        .updateTable('events')
        .set({ data: JSON.stringify({ redacted: true }) })
        .where('entity', '=', entity)
        .where('entity_id', 'in', entityIds.slice(i, i + 500))
        .where('position', sequenced ? 'is not' : 'is', null)
        .execute();
  }
}

/** Deletes events that occurred before the cutoff. Returns how many. */
export async function pruneEvents(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('events').where('occurred_at', '<', before.toISOString()).where('position', 'is not', null).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}

async function ensureConsumer(db: Db, dialect: DialectName, name: string): Promise<void> {
  const row = { name, position: 0, locked_by: null, locked_until: null, updated_at: new Date().toISOString() };
  const insert = db.insertInto('event_consumers').values(row);
  if (dialect === 'mysql') await insert.ignore().execute();
  else await insert.onConflict((oc) => oc.column('name').doNothing()).execute();
}

/**
 * The newest event's `seq` (0 when there is none): it changes with every committed write that appends
 * events, in any process, and costs one primary-key read. Numbers are given at insert, so on PostgreSQL
 * and MariaDB a transaction can commit after a later-numbered one: a cache keyed on it also needs an age limit.
 */
export async function lastEventSeq(db: Db): Promise<number> {
  const [top] = await readRows<{ top: number | string | null }>(
    db,
    db.selectFrom('events').select((eb) => eb.fn.max<number>('seq').as('top')),
  );
  return Number(top?.top ?? 0);
}

/** Whether a consumer may have events waiting: some not yet sequenced, or sequenced past its cursor. */
async function hasWork(db: Db, name: string): Promise<boolean> {
  const [unsequenced] = await readRows(db, db.selectFrom('events').select('seq').where('position', 'is', null).limit(1));
  if (unsequenced) return true;
  const [top] = await readRows<{ top: number | null }>(
    db,
    db
      .selectFrom('events')
      .select((eb) => eb.fn.max<number>('position').as('top'))
      .where('position', 'is not', null),
  );
  return Number(top?.top ?? 0) > (await consumerPosition(db, name));
}

/** A consumer's cursor: the position of the last event it finished. */
export async function consumerPosition(db: Db, name: string): Promise<number> {
  const row = await db.selectFrom('event_consumers').select('position').where('name', '=', name).executeTakeFirst();
  return row ? Number(row.position) : 0;
}

export interface ConsumeOptions {
  /** Who holds the lease (process and instance); one holder per consumer at a time. */
  worker: string;
  types?: readonly string[];
  batch?: number;
  leaseMs?: number;
}

/**
 * Hands the next batch of a consumer's events to `handle`, in commit order, then moves its cursor
 * past them. One process at a time holds a consumer's lease, so events reach the handler in order;
 * a process that dies mid-batch leaves the cursor where it was and, once the lease runs out, the
 * next holder runs the batch again: at least once, with repeats only within the in-flight batch.
 * Returns how many events were handled (0: none waiting, or another process holds the lease).
 */
export async function consumeEvents(database: Database, name: string, handle: (events: StoredEvent[]) => Promise<void>, options: ConsumeOptions): Promise<number> {
  const { db } = database;
  const leaseMs = options.leaseMs ?? 60_000;
  // Reads first: an idle poll writes nothing, so it never competes with real writes for the lock.
  if (!(await hasWork(db, name))) return 0;
  await ensureConsumer(db, database.dialect, name);
  const now = new Date();
  const claimed = await db
    .updateTable('event_consumers')
    .set({ locked_by: options.worker, locked_until: new Date(now.getTime() + leaseMs).toISOString(), updated_at: now.toISOString() })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString()), eb('locked_by', '=', options.worker)]))
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) return 0;
  try {
    await sequenceEvents(database);
    const cursor = await consumerPosition(db, name);
    const last = await db
      .selectFrom('events')
      .select((eb) => eb.fn.max<number>('position').as('top'))
      .where('position', 'is not', null)
      .executeTakeFirst();
    const top = Number(last?.top ?? 0);
    if (top <= cursor) return 0;
    let q = db
      .selectFrom('events')
      .selectAll()
      .where('position', '>', cursor)
      .where('position', '<=', top)
      .orderBy('position')
      .limit(options.batch ?? 200);
    if (options.types?.length) q = q.where('type', 'in', [...options.types]);
    const events = (await q.execute()).map(toStored);
    if (events.length) await handle(events);
    // With a type filter the cursor can move to the last event seen, or to the top when none matched.
    const reached = events.length === (options.batch ?? 200) ? events[events.length - 1].position! : top;
    await db.updateTable('event_consumers').set({ position: reached, updated_at: new Date().toISOString() }).where('name', '=', name).where('locked_by', '=', options.worker).execute();
    return events.length;
  } finally {
    await db.updateTable('event_consumers').set({ locked_by: null, locked_until: null }).where('name', '=', name).where('locked_by', '=', options.worker).execute();
  }
}

export interface EventConsumer {
  name: string;
  types?: readonly string[];
  handle(events: StoredEvent[]): Promise<void>;
}

/**
 * Polls the outbox for each consumer inside the server process. Every process may run one; each
 * consumer's lease decides which process handles its next batch.
 */
export function startEventConsumers(database: Database, consumers: EventConsumer[], options: { pollMs?: number; onError?: (error: unknown, consumer: string) => void } = {}) {
  const worker = `${hostname()}:${process.pid}:${newId('event').slice(-6)}`;
  const pollMs = options.pollMs ?? 500;
  const onError = options.onError ?? ((e: unknown, name: string) => console.error(`event consumer ${name}:`, e));
  const poller: Poller = startPoller(async () => {
    for (const consumer of consumers) {
      try {
        while (!poller.stopped() && (await consumeEvents(database, consumer.name, (events) => consumer.handle(events), { worker, types: consumer.types })) > 0);
      } catch (error) {
        onError(error, consumer.name);
      }
    }
  }, pollMs);
  return poller;
}
