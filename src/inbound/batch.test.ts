/**
 * A fetched set of mails stored in one transaction: in order (a reply threads onto the ticket an earlier
 * mail of the same set opened), and a mail that fails never takes the mails before it along.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { processInboundBatch, type InboundResult, type InboundSource } from './pipeline.js';

let serial = 0;
function mail(subject: string, headers: string[] = []) {
  const id = `batch-${++serial}-${Date.now()}@example.org`;
  const raw = [
    `From: Ada <ada${serial}@example.org>`,
    'To: support@shop.example',
    `Subject: ${subject}`,
    `Message-ID: <${id}>`,
    ...headers,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Hello ${serial}`,
  ].join('\r\n');
  return { id, raw: Buffer.from(raw) };
}

describe.each(engines)('inbound mail in batches on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(engine);
  });
  afterAll(async () => t?.drop());
  const source: InboundSource = { source: 'test' };
  const storedIds = async (ids: string[]) =>
    (await t.database.db.selectFrom('inbound_mail').select('header_message_id').where('header_message_id', 'in', ids).execute()).map((r) => r.header_message_id).sort();

  it('stores a set in order: a reply threads onto the ticket an earlier mail of the set opened, a second copy is a duplicate', async () => {
    const first = mail('Broken lamp');
    const reply = mail('Re: Broken lamp', [`In-Reply-To: <${first.id}>`]);
    const results: InboundResult[] = [];
    await processInboundBatch(
      t.database,
      [first, reply, first].map((m) => ({ raw: m.raw, from: source })),
      (r) => results.push(r),
    );
    expect(results.map((r) => r.outcome)).toEqual(['ticket_created', 'ticket_updated', 'duplicate']);
    expect(results[1]).toMatchObject({ ticket_id: results[0].ticket_id, threaded_by: 'message_id' });
    expect(results[2].ticket_id).toBe(results[0].ticket_id);
    const messages = await t.database.db.selectFrom('ticket_messages').select('id').where('ticket_id', '=', results[0].ticket_id!).execute();
    expect(messages).toHaveLength(2);
  });

  it('keeps the mails before one that fails and says so by failing (the next fetch starts at the failed one)', async () => {
    const [a, b, c] = [mail('First'), mail('Second'), mail('Third')];
    const failing: InboundSource = {
      source: 'test',
      onStored: async () => {
        throw new Error('the mailbox row could not be moved on');
      },
    };
    const results: InboundResult[] = [];
    const batch = processInboundBatch(
      t.database,
      [
        { raw: a.raw, from: source },
        { raw: b.raw, from: source },
        { raw: c.raw, from: failing },
      ],
      (r) => results.push(r),
    );
    await expect(batch).rejects.toThrow('could not be moved on');
    expect(results.map((r) => r.outcome)).toEqual(['ticket_created', 'ticket_created']);
    expect(await storedIds([a.id, b.id, c.id])).toEqual([a.id, b.id].sort());
    const tickets = await t.database.db.selectFrom('ticket_messages').select('header_message_id').where('header_message_id', 'in', [a.id, b.id, c.id]).execute();
    expect(tickets.map((r) => r.header_message_id).sort()).toEqual([a.id, b.id].sort());
  });

  it('stores every mail once when one fails only at the first try (a lost race), each then in its own transaction', async () => {
    const [a, b, c] = [mail('One'), mail('Two'), mail('Three')];
    let tries = 0;
    const flaky: InboundSource = {
      source: 'test',
      onStored: async () => {
        if (++tries === 1) throw new Error('lost a race');
      },
    };
    const results: InboundResult[] = [];
    await processInboundBatch(
      t.database,
      [
        { raw: a.raw, from: source },
        { raw: b.raw, from: source },
        { raw: c.raw, from: flaky },
      ],
      (r) => results.push(r),
    );
    expect(results.map((r) => r.outcome)).toEqual(['ticket_created', 'ticket_created', 'ticket_created']);
    expect(await storedIds([a.id, b.id, c.id])).toEqual([a.id, b.id, c.id].sort());
    expect(new Set(results.map((r) => r.ticket_id)).size).toBe(3);
  });
});
