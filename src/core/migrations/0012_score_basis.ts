import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl } from './ddl.js';

/**
 * How each customer's P(alive) and churn risk were estimated, so screens can say it: `score_basis` is
 * 'model' (BG/NBD), 'own_rhythm' (the model was unreliable; the customer's own gap between purchases) or
 * 'typical_rhythm' (one purchase only; the typical gap between purchases). `usual_gap_days` is the gap
 * the customer was measured against, so the churn reason can be worded afresh with today's day count.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { addColumn } = ddl(db, dialect);
  await addColumn('customers', 'score_basis', 'varchar(16)');
  await addColumn('customers', 'usual_gap_days', t.real);
}
