import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../core/context.js';
import { openDatabase, type Database } from '../core/database.js';
import { migrate } from '../core/migrations/index.js';
import { customers } from '../customers/index.js';
import { quotes } from '../quotes/service.js';
import { runRapport } from '../test/cli-runner.js';
import { deliverAllQueued, startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cli-quotes-'));
const rapport = (...args: string[]) => runRapport(dir, ...args);
const open = async () => {
  const database = await openDatabase({ sqlitePath: path.join(dir, 'rapport.db') });
  await migrate(database);
  return database;
};

describe('rapport quotes list | show | send', () => {
  let smtp: TestSmtp;
  let first: { id: string; number: string };
  let second: { id: string; number: string };
  beforeAll(async () => {
    smtp = await startTestSmtp();
    const database = await open();
    const ctx = { database, actor: 'cli' };
    const [ada, bob] = await inTransaction(ctx, (trx) =>
      customers.createIn(trx, ctx, [
        { first_name: 'Ada', email: 'ada@quotes-cli.example' },
        { first_name: 'Bob', email: 'bob@quotes-cli.example' },
      ]),
    );
    const make = async (customerId: string, title: string) => {
      const q = await quotes.create(ctx, {
        customer_id: customerId,
        title,
        lines: [
          { name: 'Espresso machine', quantity: 2, unit_price: 450, discount_percent: 10, tax_rate: 21 },
          { name: 'Installation', quantity: 1, unit_price: 120 },
        ],
      });
      return { id: q.id, number: q.number };
    };
    first = await make(ada.id as string, 'Café fit-out');
    second = await make(bob.id as string, 'Office coffee');
    await database.close();
  });
  afterAll(async () => {
    await smtp?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists quotes with their status as of today, filtered by status and customer', async () => {
    const rows = (await rapport('quotes', 'list')).trim().split('\n');
    expect(rows).toHaveLength(2);
    const byId = new Map(rows.map((r) => [r.split('\t')[0], r.split('\t')]));
    // 2 × 450 less 10 % = 810 + 120 = 930 net; 21 % tax on 810 = 170.10.
    expect(byId.get(first.id)).toEqual([first.id, first.number, '1', 'draft', '1100.10', 'EUR', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expect.stringMatching(/^cus_/), 'Café fit-out']);
    expect((await rapport('quotes', 'list', '--status', 'sent')).trim()).toBe('');
    const mine = (await rapport('quotes', 'list', '--customer', byId.get(second.id)![7], '--json'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(mine.map((q) => [q.id, q.lines.length])).toEqual([[second.id, 2]]);
    await expect(rapport('quotes', 'list', '--status', 'maybe')).rejects.toThrow(/--status must be one of/);
  });

  it('shows a quote by number with its lines and totals, and refuses an unknown one', async () => {
    const shown = await rapport('quotes', 'show', first.number.toLowerCase());
    expect(shown).toContain(`${first.number}\t${first.id}\tdraft`);
    expect(shown).toMatch(/line\t2 × Espresso machine\t450\.00\t-10%\ttax 21%\t= 810\.00/);
    expect(shown).toMatch(/total\t1100\.10 EUR/);
    const json = JSON.parse(await rapport('quotes', 'show', first.id, '--json'));
    expect(json).toMatchObject({ id: first.id, total: 1100.1, activity: [] });
    await expect(rapport('quotes', 'show', 'Q-2020-0999')).rejects.toThrow(/no quote numbered Q-2020-0999/);
    await expect(rapport('quotes', 'show', 'quo_nothing')).rejects.toThrow(/not found/);
  });

  it('sends a quote by number: the client gets the link and the PDF by mail, and the quote reads sent', async () => {
    await expect(rapport('quotes', 'send', first.id)).rejects.toThrow(/public address/);
    let database: Database = await open();
    await useTestSmtp(database, smtp.port);
    await database.close();
    const url = (await rapport('quotes', 'send', first.number)).trim();
    expect(url).toMatch(/^https:\/\/crm\.example\.com\/q\/[A-Za-z0-9._-]+$/);
    database = await open();
    expect(await deliverAllQueued(database)).toBe(1);
    const [mail] = await smtp.waitFor(1);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('ada@quotes-cli.example');
    expect(mail.text).toContain(url);
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    await database.close();
    expect((await rapport('quotes', 'list', '--status', 'sent')).trim().split('\t').slice(0, 4)).toEqual([first.id, first.number, '1', 'sent']);
    expect(await rapport('quotes', 'show', first.id)).toMatch(/\nsent\t\d{4}-/);
  });
});
