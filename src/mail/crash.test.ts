import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';
import { deliverQueuedMail, releaseMailOfGoneProcesses } from './deliver.js';
import { queueMail } from './queue.js';
import { createSender } from './senders.js';
import { closeMailTransport } from './transport.js';

// A real sending process is killed with SIGKILL while a batch is in flight (the SMTP server has
// received some messages but not yet answered). After the restart every recipient has the message, and
// only messages of the batch in flight may arrive twice.

const root = path.resolve(import.meta.dirname, '../..');
const outdir = path.join(root, 'node_modules/.cache/rapport-mail-crash-test', String(process.pid));
const batch = 10;
const total = 60;

describe.each(engines)('kill -9 while sending on %s', (engine) => {
  let t: TestDatabase;
  let smtp: TestSmtp;
  let script: string;
  beforeAll(async () => {
    await build({ entryPoints: [path.join(root, 'src/test/mail-child.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outdir, logLevel: 'error' });
    script = path.join(outdir, 'mail-child.js');
    t = await freshDatabase(engine);
    smtp = await startTestSmtp({ parse: true, delayMs: 150 });
    await useTestSmtp(t.database, smtp.port);
  }, 180_000);
  afterAll(async () => {
    closeMailTransport();
    await smtp?.close();
    await t?.drop();
  });

  it('every recipient gets the message; duplicates stay within the in-flight batch', async () => {
    await t.database.db.transaction().execute(async (trx) => {
      const sender = await createSender(trx, { name: 'Shop', address: 'shop@example.com', per_second: 0, per_hour: 0, per_day: 0 });
      for (let i = 0; i < total; i++) await queueMail(trx, { to: `r${i}@example.org`, subject: `m${i}`, text: 'x', purpose: 'notification', senderId: sender.id });
    });
    const env = { ...process.env, DATABASE_URL: engine === 'sqlite' ? '' : t.url!, RAPPORT_DB: engine === 'sqlite' ? t.url! : '', MAIL_BATCH: String(batch) };
    const child = spawn(process.execPath, [script], { env, cwd: outdir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise((resolve) => child.on('close', resolve));
    await smtp.waitFor(15, 60_000).catch((e) => {
      throw new Error(`${e.message}; child stderr: ${stderr}`);
    });
    child.kill('SIGKILL');
    await exited;
    const received = smtp.messages.length;
    expect(received).toBeLessThan(total);
    const inFlight = await t.database.db.selectFrom('messages').select('id').where('status', '=', 'sending').execute();
    expect(inFlight.length).toBeGreaterThan(0);
    expect(inFlight.length).toBeLessThanOrEqual(batch);

    // The restart: claims of the dead process go back to the queue, and delivery carries on.
    expect(await releaseMailOfGoneProcesses(t.database)).toBe(inFlight.length);
    let settled = 0;
    while (settled < total - (received - inFlight.length)) {
      const n = await deliverQueuedMail(t.database, { batch });
      if (n === 0) break;
      settled += n;
    }
    await new Promise((r) => setTimeout(r, 400));
    const counts = new Map<string, number>();
    for (const m of smtp.messages) counts.set(m.subject!, (counts.get(m.subject!) ?? 0) + 1);
    expect(counts.size).toBe(total);
    const duplicates = [...counts.values()].filter((n) => n > 1).length;
    expect(duplicates).toBeLessThanOrEqual(batch);
    expect([...counts.values()].every((n) => n <= 2)).toBe(true);
    const statuses = await t.database.db
      .selectFrom('messages')
      .select(['status', (eb) => eb.fn.countAll().as('n')])
      .groupBy('status')
      .execute();
    expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['sent', total]]);
  });
});
