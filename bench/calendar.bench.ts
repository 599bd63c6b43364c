/**
 * The calendar feed of 5,000 items (target < 200 ms): 3,500 open tasks with due times (one in seven
 * recurring), 750 open deals with an expected close date and 750 running contracts, on SQLite.
 * Measured: the writer alone (items in memory), the feed read and written, GET /calendar/{secret}.ics
 * through the app after a write each time (the feed rebuilt), with nothing changed (the kept feed) and
 * with its ETag in If-None-Match (304), against the baseline of the direct queries that read the same
 * rows (same run).
 */
import os from 'node:os';
import { renderCalendar } from '../src/calendar/ics.js';
import { formatTimes, p50p99, timeRuns } from './load.js';

const runs = Number(process.env.BENCH_CALENDAR_RUNS ?? 30);
const scale = Number(process.env.BENCH_CALENDAR_SCALE ?? 1);
const targetMs = 200;
const time = (fn: () => Promise<unknown>) => timeRuns(runs, fn);
const fmt = (name: string, values: number[], base?: number[]) => `${formatTimes(name, values, { base, targetMs, width: 60 })}  p99 ${p50p99(values).p99.toFixed(1)} ms`;

export async function run(log: (line: string) => void) {
  const tasksN = Math.round(3500 * scale);
  const dealsN = Math.round(750 * scale);
  const contractsN = Math.round(750 * scale);
  log(
    `\n== calendar: ICS feed of ${tasksN + dealsN + contractsN} items (${runs} runs each; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
  await import('../src/derived-data.js');
  const { testApi } = await import('../src/test/api-client.js');
  const { tasks } = await import('../src/activities/interactions.js');
  const { contracts } = await import('../src/contracts/service.js');
  const { createDealsIn } = await import('../src/deals/service.js');
  const { calendarFeed } = await import('../src/calendar/feed.js');
  const { inTransaction } = await import('../src/core/context.js');
  const api = await testApi('sqlite', {}, { jobs: false });
  try {
    const ctx = { database: api.db.database, actor: 'bench' };
    await api.request('PATCH', '/api/settings', { time_zone: 'Europe/Brussels' });
    const day = (i: number) => new Date(Date.UTC(2027, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < tasksN; i += 500) {
      const batch = Array.from({ length: Math.min(500, tasksN - i) }, (_, k) => {
        const n = i + k;
        return {
          title: `Call back, about the proposal #${n}`,
          due_at: `${day(n)}T${String(8 + (n % 9)).padStart(2, '0')}:30:00Z`,
          priority: ['low', 'normal', 'high', 'urgent'][n % 4],
          ...(n % 7 === 0 ? { recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH' } : {}),
        };
      });
      await inTransaction(ctx, (trx) => tasks.createIn(trx, ctx, batch));
    }
    for (let i = 0; i < dealsN; i += 250) {
      const batch = Array.from({ length: Math.min(250, dealsN - i) }, (_, k) => ({ title: `Website for client ${i + k}`, value: 1000 + ((i + k) % 50) * 100, expected_close_date: day(i + k) }));
      await inTransaction(ctx, (trx) => createDealsIn(trx, ctx, batch));
    }
    for (let i = 0; i < contractsN; i += 500) {
      const batch = Array.from({ length: Math.min(500, contractsN - i) }, (_, k) => ({
        title: `Maintenance ${i + k}`,
        starts_on: '2026-01-01',
        ends_on: day(i + k),
        status: 'active',
        value: 120,
        billing_period: 'monthly',
      }));
      await inTransaction(ctx, (trx) => contracts.createIn(trx, ctx, batch));
    }
    const path = (await api.request('POST', '/api/calendar/feed')).body.path as string;
    const firstTask = (await api.db.database.db.selectFrom('tasks').select('id').orderBy('due_at').limit(1).executeTakeFirstOrThrow()).id as string;
    const db = api.db.database.db;
    // Baseline: the direct queries reading the rows the feed shows.
    const base = await time(() =>
      Promise.all([
        db.selectFrom('tasks').select(['id', 'title', 'due_at', 'priority', 'recurrence']).where('done', '=', 0).where('due_at', 'is not', null).orderBy('due_at').execute(),
        db.selectFrom('deals').select(['id', 'title', 'value', 'currency', 'expected_close_date']).where('status', '=', 'open').execute(),
        db.selectFrom('contracts').select(['id', 'title', 'ends_on', 'value']).where('status', 'in', ['active', 'expiring']).execute(),
      ]),
    );
    const text = await calendarFeed(db);
    const events = (text.match(/BEGIN:VEVENT/g) ?? []).length;
    log(`feed: ${events} events, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
    const timed = Array.from({ length: events }, (_, i) => ({
      uid: `t${i}@rapport`,
      summary: `Call back, about the proposal #${i}`,
      start: `${day(i)}T09:30:00Z`,
      durationMinutes: 30,
      rrule: i % 7 === 0 ? 'FREQ=WEEKLY' : null,
    }));
    const writer = await time(async () => renderCalendar({ name: 'Rapport', timeZone: 'Europe/Brussels', timed, allDay: [] }));
    log(fmt('direct queries for the same rows (baseline)', base));
    log(fmt(`ICS writer alone, ${events} timed events`, writer, base));
    log(fmt('feed read and written (calendarFeed)', await time(() => calendarFeed(db)), base));
    const get = async (headers: Record<string, string> = {}) => {
      const res = await api.app.request(path, { headers });
      await res.text();
      return res;
    };
    let n = 0;
    const rebuilt = await time(async () => {
      // A task renamed through its write pipe: its event makes the next read rebuild the feed.
      await tasks.update(ctx, [{ id: firstTask, patch: { title: `Call back, about the proposal #0 (${n++})` } }]);
      await get();
    });
    const write = await time(() => tasks.update(ctx, [{ id: firstTask, patch: { title: `Call back, about the proposal #0 (${n++})` } }]));
    log(fmt('a task renamed alone (the write in the next line)', write, base));
    log(fmt('task renamed, then GET /calendar/{secret}.ics (rebuilt)', rebuilt, base));
    log(fmt('GET /calendar/{secret}.ics, nothing changed (kept)', await time(() => get()), base));
    const etag = (await get()).headers.get('etag')!;
    log(fmt('GET with If-None-Match, nothing changed (304)', await time(() => get({ 'if-none-match': etag })), base));
  } finally {
    await api.close();
  }
}
