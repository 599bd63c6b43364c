import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Quotes: the quote with its amounts (computed exactly in minor units, kept in major units as the
 * API shows them), its lines (minor units), one counter row per year that numbers quotes without
 * gaps, the public links sent to clients (hashes only), and the trail of what happened on them
 * (sent, viewed, downloaded, accepted, declined) with time, address and user agent.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index } = ddl(db, dialect);
  await table('quotes', [
    ['id', t.id, 'PRIMARY KEY'],
    ['number', t.shortText, 'NOT NULL'],
    ['version', t.integer, 'NOT NULL'],
    ['title', t.shortText],
    ['customer_id', t.id, 'NOT NULL'],
    ['deal_id', t.id],
    ['status', t.shortText, 'NOT NULL'],
    ['currency', t.shortText, 'NOT NULL'],
    ['valid_until', t.date, 'NOT NULL'],
    ['terms', t.longText],
    ['notes', t.longText],
    ['discount_percent', t.real, 'NOT NULL'],
    ['subtotal', t.real, 'NOT NULL'],
    ['discount_total', t.real, 'NOT NULL'],
    ['tax_total', t.real, 'NOT NULL'],
    ['total', t.real, 'NOT NULL'],
    ['sent_at', t.timestamp],
    ['viewed_at', t.timestamp],
    ['accepted_at', t.timestamp],
    ['accepted_by', t.shortText],
    ['accepted_pdf_sha256', t.shortText],
    ['declined_at', t.timestamp],
    ['decline_reason', t.longText],
    ['converted_at', t.timestamp],
    ['order_id', t.id],
    ['task_id', t.id],
    ['previous_version_id', t.id],
    ['superseded_by_id', t.id],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('quotes', ['number', 'version'], true);
  await index('quotes', ['customer_id', 'created_at']);
  await index('quotes', ['deal_id']);
  await index('quotes', ['status', 'valid_until']);
  await index('quotes', ['created_at']);

  await table('quote_lines', [
    ['id', t.id, 'PRIMARY KEY'],
    ['quote_id', t.id, 'NOT NULL'],
    ['position', t.integer, 'NOT NULL'],
    ['product_id', t.id],
    ['sku', t.shortText],
    ['name', t.shortText, 'NOT NULL'],
    ['description', t.longText],
    ['quantity', t.real, 'NOT NULL'],
    ['unit_price_minor', 'bigint NOT NULL'],
    ['discount_percent', t.real, 'NOT NULL'],
    ['tax_rate', t.real, 'NOT NULL'],
    ['net_minor', 'bigint NOT NULL'],
  ]);
  await index('quote_lines', ['quote_id', 'position'], true);

  // One row per year; the quote that takes a number updates it in its own transaction, which
  // locks the row until commit: numbers are unique and, since a rollback undoes the update, gap-free.
  await table('quote_counters', [
    ['year', t.integer, 'PRIMARY KEY'],
    ['last_number', t.integer, 'NOT NULL'],
  ]);
  // Rows exist ahead of time, so quotes never race to create the row of a new year (on MariaDB two
  // inserts of the same key waiting on a third can deadlock); later years get theirs on first use.
  const years = Array.from({ length: 2100 - 2000 + 1 }, (_, i) => ({ year: 2000 + i, last_number: 0 }));
  await db.insertInto('quote_counters').values(years).execute();

  await table('quote_links', [
    ['id', t.id, 'PRIMARY KEY'],
    ['quote_id', t.id, 'NOT NULL'],
    ['token_hash', t.shortText, 'NOT NULL'],
    ['expires_at', t.timestamp, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('quote_links', ['token_hash'], true);
  await index('quote_links', ['quote_id']);

  await table('quote_activity', [
    ['id', t.id, 'PRIMARY KEY'],
    ['quote_id', t.id, 'NOT NULL'],
    ['kind', t.shortText, 'NOT NULL'],
    ['at', t.timestamp, 'NOT NULL'],
    ['ip', t.shortText],
    ['user_agent', t.shortText],
    ['detail', t.longText],
    ['pdf_sha256', t.shortText],
  ]);
  await index('quote_activity', ['quote_id', 'at']);
}
