import '../src/derived-data.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { instanceSecret } from '../src/auth/secrets.js';
import { openDatabase } from '../src/core/database.js';
import { migrate } from '../src/core/migrations/index.js';
import { composeMessage, type MessageRow } from '../src/mail/compose.js';
import { deliverQueuedMail } from '../src/mail/deliver.js';
import { queueMail } from '../src/mail/queue.js';
import { createSender, senderSigning } from '../src/mail/senders.js';
import { smtpSettings } from '../src/mail/settings.js';
import { closeMailTransport, transportOptions } from '../src/mail/transport.js';
import { startTestSmtp, useTestSmtp } from '../src/test/smtp.js';

/**
 * `npm run bench -- mail`: BENCH_MAIL_MESSAGES messages (default 10,000) to an SMTP sink on loopback
 * (smtp-server, not parsing), on SQLite, rate limit off, DKIM-signed.
 * - Baseline: nodemailer alone sends the same rendered messages over a pooled connection (the same
 *   transport options as Rapport's: 5 connections), all handed to it at once.
 * - Rapport: the messages are queued (rows, in transactions of 500), then delivered by
 *   deliverQueuedMail (claim in batches, check suppression, send, record each result and its event).
 * Throughput is messages per second from the start of sending to the sink's last receipt; the ratio is
 * Rapport's delivery throughput over the baseline's.
 */
const total = Number(process.env.BENCH_MAIL_MESSAGES ?? 10_000);

export async function run(log: (line: string) => void) {
  log(
    `\n== mail: ${total.toLocaleString('en')} messages to an SMTP sink on loopback (SQLite, rate limit off, DKIM), load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const sink = await startTestSmtp({ parse: false });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-mail-'));
  const database = await openDatabase({ sqlitePath: path.join(dir, 'rapport.db') });
  try {
    await migrate(database);
    await useTestSmtp(database, sink.port);
    const sender = await database.db.transaction().execute((trx) => createSender(trx, { name: 'Bench Shop', address: 'shop@bench.example', per_second: 0, per_hour: 0, per_day: 0 }));
    const message = (i: number) => ({
      to: `customer${i}@example.org`,
      subject: `Your order ${i} has shipped`,
      text: `Hello,\n\nyour order ${i} is on its way.\n\nThanks!\n`,
      html: `<html><body><p>Hello,</p><p>your order <b>${i}</b> is on its way.</p><p>Thanks!</p></body></html>`,
      purpose: 'transactional' as const,
    });

    // Baseline: the same rendered messages through nodemailer's pool alone.
    const smtp = (await smtpSettings(database.db))!;
    const signing = (await senderSigning(database.db, [sender.id])).get(sender.id)!;
    const secret = await instanceSecret(database.db);
    const ctx = { from: { name: signing.name, address: signing.address }, replyTo: null, publicUrl: 'https://crm.example.com', secret, trackOpens: false, trackClicks: false, dkim: signing.dkim };
    const rendered = Array.from({ length: total }, (_, i) => {
      const m = message(i);
      const row: MessageRow = {
        id: `msg_bench${String(i).padStart(22, '0')}`,
        purpose: m.purpose,
        to_address: m.to,
        customer_id: null,
        subject: m.subject,
        text_body: m.text,
        html_body: m.html,
        headers: null,
        attachments: null,
        attempts: 1,
        sender_id: sender.id,
      };
      return composeMessage(row, ctx, { consented: false });
    });
    const pool = nodemailer.createTransport(transportOptions(smtp));
    let started = performance.now();
    await Promise.all(rendered.map((m) => pool.sendMail(m)));
    await sink.waitFor(total, 600_000);
    const baseline = (performance.now() - started) / 1000;
    pool.close();
    log(`  nodemailer alone (pooled): ${baseline.toFixed(2)} s, ${(total / baseline).toFixed(0)} messages/s`);

    // Rapport: queue, then deliver through the queue.
    started = performance.now();
    for (let i = 0; i < total; i += 500) {
      await database.db.transaction().execute(async (trx) => {
        for (let j = i; j < Math.min(total, i + 500); j++) await queueMail(trx, message(j));
      });
    }
    const queued = (performance.now() - started) / 1000;
    started = performance.now();
    let settled = 0;
    while (settled < total) settled += await deliverQueuedMail(database);
    await sink.waitFor(2 * total, 600_000);
    const delivered = (performance.now() - started) / 1000;
    const sent = await database.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', 'sent')
      .executeTakeFirstOrThrow();
    log(
      `  Rapport queue: ${queued.toFixed(2)} s to queue (${(total / queued).toFixed(0)} messages/s), ${delivered.toFixed(2)} s to deliver (${(total / delivered).toFixed(0)} messages/s); ${Number(sent.n).toLocaleString('en')} marked sent`,
    );
    log(`  ratio (Rapport delivery / nodemailer alone): ${(baseline / delivered).toFixed(2)}x; with queueing: ${(baseline / (queued + delivered)).toFixed(2)}x`);
    log(
      `  load average after: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    closeMailTransport();
    await sink.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
