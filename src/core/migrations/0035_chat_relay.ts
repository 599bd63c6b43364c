import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Live chat across several server processes. Each process notes which streams it holds (the owner's,
 * or a visitor's conversation) in chat_presence, with an expiry it keeps moving forward while it runs,
 * so every process knows whether the owner is online and whether a visitor is connected. New messages
 * are found by their time (the index on chat_messages.created_at) by processes holding streams.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index, q } = ddl(db, dialect);
  await table(
    'chat_presence',
    [
      ['process', t.shortText, 'NOT NULL'],
      // 'owner' or a conversation id
      ['scope', t.id, 'NOT NULL'],
      ['expires_at', t.timestamp, 'NOT NULL'],
    ],
    [`PRIMARY KEY (${q('process')}, ${q('scope')})`],
  );
  await index('chat_presence', ['scope', 'expires_at']);
  await index('chat_messages', ['created_at']);
}
