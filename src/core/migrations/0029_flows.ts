import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Flows (marketing automation): a flow with its current definition (trigger, steps, re-entry, goal),
 * every published version of that definition (an enrolment runs the version it started with), one
 * enrolment per customer run through a flow with its claim for the step runner, the history of each
 * step an enrolment ran, the per-day send counts of the global budget and the days a date trigger
 * has already been checked.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index, q } = ddl(db, dialect);
  await table('flows', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['status', t.shortText, 'NOT NULL'],
    ['version', t.integer, 'NOT NULL'],
    ['definition', t.longText, 'NOT NULL'],
    ['trigger_kind', t.shortText, 'NOT NULL'],
    ['trigger_event', t.shortText],
    ['webhook_secret', t.shortText, 'NOT NULL'],
    ['activated_at', t.timestamp],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('flows', ['status', 'trigger_kind']);

  await table(
    'flow_versions',
    [
      ['flow_id', t.id, 'NOT NULL REFERENCES flows(id) ON DELETE CASCADE'],
      ['version', t.integer, 'NOT NULL'],
      ['definition', t.longText, 'NOT NULL'],
      ['created_at', t.timestamp, 'NOT NULL'],
    ],
    [`PRIMARY KEY (${q('flow_id')}, ${q('version')})`],
  );

  await table('flow_enrolments', [
    ['id', t.id, 'PRIMARY KEY'],
    ['flow_id', t.id, 'NOT NULL REFERENCES flows(id) ON DELETE CASCADE'],
    ['version', t.integer, 'NOT NULL'],
    ['customer_id', t.id, 'NOT NULL'],
    ['status', t.shortText, 'NOT NULL'],
    ['step', t.integer, 'NOT NULL'],
    ['next_run_at', t.timestamp],
    ['claimed_by', t.shortText],
    ['claimed_until', t.timestamp],
    ['source', t.shortText, 'NOT NULL'],
    ['source_id', t.shortText],
    ['exit_reason', t.shortText],
    ['entered_at', t.timestamp, 'NOT NULL'],
    ['finished_at', t.timestamp],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('flow_enrolments', ['status', 'next_run_at']);
  await index('flow_enrolments', ['flow_id', 'customer_id']);
  await index('flow_enrolments', ['customer_id', 'status']);

  await table('flow_step_runs', [
    ['id', t.id, 'PRIMARY KEY'],
    ['enrolment_id', t.id, 'NOT NULL REFERENCES flow_enrolments(id) ON DELETE CASCADE'],
    ['flow_id', t.id, 'NOT NULL'],
    ['version', t.integer, 'NOT NULL'],
    ['step', t.integer, 'NOT NULL'],
    ['step_id', t.shortText, 'NOT NULL'],
    ['kind', t.shortText, 'NOT NULL'],
    ['outcome', t.shortText, 'NOT NULL'],
    ['detail', t.longText],
    ['related_id', t.id],
    ['ran_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('flow_step_runs', ['flow_id', 'step_id']);
  await index('flow_step_runs', ['enrolment_id']);

  await table('flow_send_days', [
    ['day', t.date, 'PRIMARY KEY'],
    ['used', t.integer, 'NOT NULL'],
  ]);

  // One row per (flow, day) once the daily date-trigger check enrolled that day's customers.
  await table(
    'flow_date_checks',
    [
      ['flow_id', t.id, 'NOT NULL REFERENCES flows(id) ON DELETE CASCADE'],
      ['day', t.date, 'NOT NULL'],
      ['enrolled', t.integer, 'NOT NULL'],
      ['checked_at', t.timestamp, 'NOT NULL'],
    ],
    [`PRIMARY KEY (${q('flow_id')}, ${q('day')})`],
  );
}
