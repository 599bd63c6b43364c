import '../src/derived-data.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { instanceSecret } from '../src/auth/secrets.js';
import { runCampaignSend } from '../src/campaigns/send.js';
import { createCampaign, scheduleCampaign } from '../src/campaigns/service.js';
import type { Ctx } from '../src/core/context.js';
import { openDatabase } from '../src/core/database.js';
import { migrate } from '../src/core/migrations/index.js';
import { createCustomersIn } from '../src/customers/service.js';
import { composeMessage, type MessageRow } from '../src/mail/compose.js';
import { deliverQueuedMail } from '../src/mail/deliver.js';
import { createSender, senderSigning } from '../src/mail/senders.js';
import { smtpSettings } from '../src/mail/settings.js';
import { closeMailTransport, transportOptions } from '../src/mail/transport.js';
import { createTemplate } from '../src/templates/service.js';
import { compileTemplate, mergeContexts, renderCompiled, templateSource } from '../src/templates/render.js';
import { startTestSmtp, useTestSmtp } from '../src/test/smtp.js';

/**
 * `npm run bench -- campaigns`: a campaign to BENCH_CAMPAIGN_RECIPIENTS consented customers (default
 * 10,000) through an SMTP sink on loopback (smtp-server, not parsing), on SQLite, rate limit off,
 * DKIM-signed, an MJML template with merge fields and a personal discount code.
 * - Baseline: nodemailer alone sends the same rendered messages (rendered and composed beforehand,
 *   not timed) over a pooled connection with Rapport's transport options, all handed to it at once.
 * - Rapport: from scheduling the campaign to the sink's last receipt, as in a server process: the
 *   campaign job reads the audience, renders and queues every message with its recipient row
 *   (batches of 200) while the mail worker (deliverQueuedMail in a loop) claims, checks consent and
 *   suppression, sends and records each result and its event.
 * The ratio is Rapport's throughput over the baseline's (target ≥ 0.8).
 */
const total = Number(process.env.BENCH_CAMPAIGN_RECIPIENTS ?? 10_000);

export async function run(log: (line: string) => void) {
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  log(`\n== campaigns: a ${total.toLocaleString('en')}-recipient campaign to an SMTP sink on loopback (SQLite, rate limit off, DKIM), load average ${load()}`);
  const sink = await startTestSmtp({ parse: false });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-campaigns-'));
  const database = await openDatabase({ sqlitePath: path.join(dir, 'rapport.db') });
  try {
    await migrate(database);
    await useTestSmtp(database, sink.port);
    const ctx: Ctx = { database, actor: 'bench' };
    const sender = await database.db.transaction().execute((trx) => createSender(trx, { name: 'Bench Shop', address: 'news@bench.example', per_second: 0, per_hour: 0, per_day: 0 }));
    for (let i = 0; i < total; i += 500) {
      const batch = Array.from({ length: Math.min(500, total - i) }, (_, j) => ({
        first_name: `Reader${i + j}`,
        last_name: 'Bench',
        email: `reader${i + j}@example.org`,
        consent_email: true,
        city: 'Benchville',
      }));
      await database.db.transaction().execute((trx) => createCustomersIn(trx, ctx, batch));
    }
    const template = await createTemplate(database.db, {
      name: 'Bench news',
      subject: '{{ customer.first_name }}, our spring selection',
      mjml: `<mjml><mj-body><mj-section><mj-column><mj-text font-size="20px">Hello {{ customer.first_name }}</mj-text><mj-text>Spring is here and so is a new selection. Use your personal code {{ discount_code }} for 10 % off.</mj-text><mj-button href="https://shop.example.com/spring?code={{ discount_code }}">See the selection</mj-button></mj-column></mj-section></mj-body></mjml>`,
    });
    const campaign = await createCampaign(ctx, {
      name: 'Bench spring',
      audience: { kind: 'filter', filter: { field: 'city', op: 'eq', value: 'Benchville' } },
      variants: [{ template_id: template.id }],
      sender_id: sender.id,
      attribution_days: 7,
      discount_prefix: 'SPRING',
      discount_uses: 1,
    });

    // Baseline: the same rendered messages (merge fields filled, marketing headers, DKIM) through nodemailer's pool alone.
    const customers = (await database.db.selectFrom('customers').select(['id', 'email']).orderBy('id').execute()) as { id: string; email: string }[];
    const compiled = await compileTemplate(await templateSource(database.db, template.id));
    const contexts = await mergeContexts(
      database.db,
      customers.map((c) => c.id),
      { discountScope: campaign.id, discountPrefix: 'SPRING', withOffer: false },
    );
    const smtp = (await smtpSettings(database.db))!;
    const signing = (await senderSigning(database.db, [sender.id])).get(sender.id)!;
    const secret = await instanceSecret(database.db);
    const composeCtx = {
      from: { name: signing.name, address: signing.address },
      replyTo: null,
      publicUrl: 'https://crm.example.com',
      secret,
      trackOpens: false,
      trackClicks: false,
      dkim: signing.dkim,
    };
    const rendered = [];
    for (const [i, c] of customers.entries()) {
      const mail = await renderCompiled(compiled, contexts.get(c.id)!);
      const row: MessageRow = {
        id: `msg_bench${String(i).padStart(22, '0')}`,
        purpose: 'marketing',
        to_address: c.email,
        customer_id: c.id,
        subject: mail.subject,
        text_body: mail.text,
        html_body: mail.html,
        headers: null,
        attachments: null,
        attempts: 1,
        sender_id: sender.id,
      };
      rendered.push(composeMessage(row, composeCtx, { consented: true }));
    }
    const pool = nodemailer.createTransport(transportOptions(smtp));
    let started = performance.now();
    await Promise.all(rendered.map((m) => pool.sendMail(m)));
    await sink.waitFor(total, 600_000);
    const baseline = (performance.now() - started) / 1000;
    pool.close();
    log(`  nodemailer alone (pooled, pre-rendered): ${baseline.toFixed(2)} s, ${(total / baseline).toFixed(0)} messages/s`);

    // Rapport, as in the server: the campaign job renders and queues while the mail worker delivers.
    started = performance.now();
    let settled = 0;
    let enqueued = 0;
    let queued = 0;
    const worker = (async () => {
      while (settled < total) {
        const n = await deliverQueuedMail(database);
        settled += n;
        if (n === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await scheduleCampaign(ctx, campaign.id);
    queued = (await runCampaignSend(database, campaign.id)).queued;
    enqueued = (performance.now() - started) / 1000;
    await worker;
    await sink.waitFor(2 * total, 600_000);
    const whole = (performance.now() - started) / 1000;
    const sent = await database.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', 'sent')
      .executeTakeFirstOrThrow();
    log(
      `  Rapport campaign: all ${queued.toLocaleString('en')} rendered and queued after ${enqueued.toFixed(2)} s, the last delivered after ${whole.toFixed(2)} s (${(total / whole).toFixed(0)} messages/s); ${Number(sent.n).toLocaleString('en')} marked sent`,
    );
    log(`  ratio (Rapport messages/s over nodemailer alone's): ${(baseline / whole).toFixed(2)}x (target ≥ 0.8x)`);
    log(`  load average after: ${load()}`);
  } finally {
    closeMailTransport();
    await sink.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
