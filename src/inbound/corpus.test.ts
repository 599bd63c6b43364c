/**
 * The inbound pipeline over real mail (test/fixtures/eml, sources and licences in its README): client
 * replies fold to what the sender wrote, a forward keeps the forwarded message as an attachment,
 * automatic replies, bounces and complaints never open a ticket, ordinary mail does, and a mailing-list
 * archive threads by In-Reply-To/References exactly as its headers say.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { bareId, idList } from './parse.js';
import { processInboundMail } from './pipeline.js';

const dir = path.resolve('test/fixtures/eml');
const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected-classes.json'), 'utf8')) as Record<string, { expected: string }>;
const replies = fs.readdirSync(dir).filter((f) => f.startsWith('reply-'));
const threadDir = path.join(dir, 'notmuch-threads');

/** Each archive message with its parent as its own headers name it: In-Reply-To, else the last References id. */
function threadFacts() {
  return fs
    .readdirSync(threadDir)
    .filter((f) => f.endsWith('.eml'))
    .map((file) => {
      const raw = fs.readFileSync(path.join(threadDir, file));
      const head = raw
        .toString('latin1')
        .split(/\r?\n\r?\n/)[0]
        .replace(/\r?\n[ \t]+/g, ' ');
      const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
      const refs = idList(header('References'));
      const parent = idList(header('In-Reply-To'))[0] ?? refs[refs.length - 1] ?? null;
      return { file, raw, id: bareId(header('Message-ID')), parent, date: Date.parse(header('Date')) };
    })
    .sort((a, b) => a.date - b.date || a.file.localeCompare(b.file));
}

describe.each(engines)('real mail through the inbound pipeline on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(engine);
  });
  afterAll(async () => t?.drop());
  const ticketCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('tickets')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each(replies)('%s opens a ticket whose visible text is what the sender wrote ("Hello", as talon asserts)', async (file) => {
    const result = await processInboundMail(t.database, fs.readFileSync(path.join(dir, file)), { source: 'test' });
    expect(result.outcome).toBe('ticket_created');
    const message = await t.database.db.selectFrom('ticket_messages').select(['visible_text', 'body_text']).where('ticket_id', '=', result.ticket_id!).executeTakeFirstOrThrow();
    expect(message.visible_text).toBe('Hello');
    expect((message.body_text as string).length).toBeGreaterThan('Hello'.length);
  });

  it('stores a mail fetched twice at the same moment once: the second copy is a duplicate', async () => {
    const raw = fs
      .readFileSync(path.join(dir, 'reply-talon-gmail.eml'))
      .toString('latin1')
      .replace(/^Message-ID:.*$/im, 'Message-ID: <twice-at-once@example.org>');
    const results = await Promise.all([0, 1, 2].map(() => processInboundMail(t.database, Buffer.from(raw, 'latin1'), { source: 'test' })));
    expect(results.map((r) => r.outcome).sort()).toEqual(['duplicate', 'duplicate', 'ticket_created']);
    expect(await t.database.db.selectFrom('ticket_messages').select('id').where('header_message_id', '=', 'twice-at-once@example.org').execute()).toHaveLength(1);
  });

  it('keeps a forwarded message (message/rfc822) as an attachment of the new ticket', async () => {
    const result = await processInboundMail(t.database, fs.readFileSync(path.join(dir, 'forward-sisimai-is-not-bounce-02.eml')), { source: 'test' });
    expect(result.outcome).toBe('ticket_created');
    const files = await t.database.db.selectFrom('ticket_attachments').select(['content_type', 'size']).where('ticket_id', '=', result.ticket_id!).execute();
    expect(files).toHaveLength(1);
    expect(files[0].content_type).toBe('message/rfc822');
    expect(Number(files[0].size)).toBeGreaterThan(100);
  });

  it('never opens a ticket for the corpus’s automatic replies, bounces and complaints, and opens one for its ordinary mail', async () => {
    const wrong: string[] = [];
    for (const [file, { expected: cls }] of Object.entries(expected)) {
      const before = await ticketCount();
      const result = await processInboundMail(t.database, fs.readFileSync(path.join(dir, file)), { source: 'test' });
      const opened = (await ticketCount()) > before;
      const want = cls === 'normal' ? 'ticket_created' : cls === 'auto_reply' ? 'auto_reply' : 'bounce';
      if (result.outcome !== want && !(want === 'ticket_created' && result.outcome === 'duplicate')) wrong.push(`${file}: ${result.outcome}, expected ${want}`);
      if (cls !== 'normal' && opened) wrong.push(`${file}: opened a ticket`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('threads a mailing-list archive by its In-Reply-To/References headers: a reply joins its parent’s ticket, a new topic opens its own', async () => {
    const facts = threadFacts();
    const ticketOf = new Map<string, string>();
    let roots = 0;
    let joined = 0;
    for (const f of facts) {
      const result = await processInboundMail(t.database, f.raw, { source: 'test' });
      if (ticketOf.has(f.id)) {
        // The archive holds some messages twice (same Message-ID): the copy is recognised, not added again.
        expect(result).toMatchObject({ outcome: 'duplicate', ticket_id: ticketOf.get(f.id) });
        continue;
      }
      expect(['ticket_created', 'ticket_updated']).toContain(result.outcome);
      ticketOf.set(f.id, result.ticket_id!);
      if (!f.parent) {
        roots++;
        expect(result.outcome).toBe('ticket_created');
      } else if (ticketOf.has(f.parent)) {
        joined++;
        expect(result.ticket_id).toBe(ticketOf.get(f.parent));
        expect(result.threaded_by).toBe('message_id');
      }
    }
    expect(roots).toBeGreaterThan(10);
    expect(joined).toBeGreaterThan(10);
  }, 120_000);
});
