import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * Orders get the payer's identity as a payment provider reports it (a card or account fingerprint,
 * and a card's brand and last four digits), so that a referral whose new customer pays with the
 * referrer's card is refused. Refused referrals keep their reason. A merge's loyalty records (which
 * ledger entries, redemptions, codes and referrals it moved) are kept per absorbed customer, so that
 * undoing the merge gives each customer back its own points.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index, addColumn, q } = ddl(db, dialect);
  await addColumn('orders', 'payment_fingerprint', t.shortText);
  await addColumn('orders', 'payment_card', t.shortText);
  await addColumn('referrals', 'refused_reason', t.shortText);
  await table(
    'loyalty_merges',
    [
      ['merge_id', t.id, 'NOT NULL'],
      ['customer_id', t.id, 'NOT NULL'],
      ['winner_id', t.id, 'NOT NULL'],
      ['snapshot', t.longText, 'NOT NULL'],
      ['created_at', t.timestamp, 'NOT NULL'],
    ],
    [`PRIMARY KEY (${q('merge_id')}, ${q('customer_id')})`],
  );
  await index('loyalty_merges', ['winner_id']);
  await index('loyalty_merges', ['customer_id']);
}
