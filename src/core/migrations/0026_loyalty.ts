import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Loyalty and referrals: an append-only points ledger with one balance row per customer (a balance
 * read is a primary-key lookup), earn rules, a rewards catalogue and the codes redeemed from it,
 * membership tiers, referral codes and attributions, and the hashed tokens of customers' own pages.
 * Orders get the discount code they were placed with, customers the referral code they arrived with.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index, addColumn } = ddl(db, dialect);
  await addColumn('orders', 'discount_code', t.shortText);
  await addColumn('customers', 'referral_code', t.shortText);

  await table('loyalty_rules', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['kind', t.shortText, 'NOT NULL'],
    ['event_type', t.shortText],
    ['points', t.real, 'NOT NULL'],
    ['starts_at', t.timestamp],
    ['ends_at', t.timestamp],
    ['cap', t.integer],
    ['active', t.boolean, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await table('loyalty_entries', [
    ['id', t.id, 'PRIMARY KEY'],
    ['customer_id', t.id, 'NOT NULL'],
    ['kind', t.shortText, 'NOT NULL'],
    ['points', t.integer, 'NOT NULL'],
    // What is left of an earn entry after spends and expiries took points from it, oldest first.
    ['remaining', t.integer, 'NOT NULL'],
    ['reason', t.shortText],
    ['rule_id', t.id],
    ['order_id', t.id],
    ['redemption_id', t.id],
    ['source_key', t.shortText],
    ['expires_at', t.timestamp],
    ['actor', t.shortText, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('loyalty_entries', ['customer_id', 'created_at']);
  await index('loyalty_entries', ['order_id']);
  await index('loyalty_entries', ['expires_at', 'remaining']);
  await index('loyalty_entries', ['source_key'], true);
  await index('loyalty_entries', ['rule_id', 'customer_id']);
  await table('loyalty_balances', [
    ['customer_id', t.id, 'PRIMARY KEY'],
    ['points', t.integer, 'NOT NULL'],
    ['earned', t.integer, 'NOT NULL'],
    ['tier_id', t.id],
    ['tier_since', t.timestamp],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await table('loyalty_rewards', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['kind', t.shortText, 'NOT NULL'],
    ['points_price', t.integer, 'NOT NULL'],
    ['description', t.longText],
    ['discount_amount', t.real],
    ['discount_percent', t.real],
    ['product_id', t.id],
    ['uses_per_code', t.integer],
    ['active', t.boolean, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await table('loyalty_redemptions', [
    ['id', t.id, 'PRIMARY KEY'],
    ['customer_id', t.id, 'NOT NULL'],
    ['reward_id', t.id, 'NOT NULL'],
    ['points', t.integer, 'NOT NULL'],
    ['code', t.shortText],
    ['uses_left', t.integer],
    ['order_id', t.id],
    ['created_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('loyalty_redemptions', ['code'], true);
  await index('loyalty_redemptions', ['customer_id', 'created_at']);
  await table('loyalty_tiers', [
    ['id', t.id, 'PRIMARY KEY'],
    ['name', t.shortText, 'NOT NULL'],
    ['basis', t.shortText, 'NOT NULL'],
    ['threshold', t.real, 'NOT NULL'],
    ['benefits', t.longText],
    ['created_at', t.timestamp, 'NOT NULL'],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await table('referral_codes', [
    ['code', t.shortText, 'PRIMARY KEY'],
    ['customer_id', t.id, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('referral_codes', ['customer_id'], true);
  await table('referrals', [
    ['id', t.id, 'PRIMARY KEY'],
    ['referrer_id', t.id, 'NOT NULL'],
    ['referred_id', t.id, 'NOT NULL'],
    ['code', t.shortText, 'NOT NULL'],
    ['channel', t.shortText, 'NOT NULL'],
    ['status', t.shortText, 'NOT NULL'],
    ['order_id', t.id],
    ['attributed_at', t.timestamp, 'NOT NULL'],
    ['rewarded_at', t.timestamp],
  ]);
  await index('referrals', ['referred_id'], true);
  await index('referrals', ['referrer_id']);
  await table('loyalty_pages', [
    ['customer_id', t.id, 'PRIMARY KEY'],
    ['token_hash', t.shortText, 'NOT NULL'],
    ['created_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('loyalty_pages', ['token_hash'], true);
}
