import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The ledger's rule index holds the rule alone. Keyed by rule and customer, every earned entry was
 * written at a random place in it, as in the customer index. By rule alone (the engine breaks ties
 * by row), the entries of a rule are appended. Its readers need no more: the loyalty report finds a
 * rule's entries by it, and a capped rule's points per customer are read through the customer index.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  let drop = db.schema.dropIndex('loyalty_entries_rule_id_customer_id_ix');
  if (dialect === 'mysql') drop = drop.on('loyalty_entries');
  await drop.execute();
  await db.schema.createIndex('loyalty_entries_rule_id_ix').on('loyalty_entries').column('rule_id').execute();
}
