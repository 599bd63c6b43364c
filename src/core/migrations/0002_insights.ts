import type { Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl, type ColumnSpec } from './ddl.js';

/**
 * Insight engine storage: scores on customers (stage, RFM, BG/NBD, CLV, churn, segment), stage history,
 * insight runs and fitted models, k-means segmentations with their segments and members, saved-filter
 * segments, product affinities for cross-sell, and a cache for report queries.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const helpers = ddl(db, dialect);
  const { index } = helpers;
  // Column definitions are written out as "name type constraints".
  const table = (name: string, columns: string[]) =>
    helpers.table(
      name,
      columns.filter((c) => !c.startsWith('PRIMARY KEY (')).map((c) => [c.slice(0, c.indexOf(' ')), c.slice(c.indexOf(' ') + 1)] as ColumnSpec),
      columns.filter((c) => c.startsWith('PRIMARY KEY (')),
    );

  const customerColumns: [string, string][] = [
    ['stage', 'varchar(16)'],
    ['stage_changed_at', t.timestamp],
    ['rfm_recency', t.integer],
    ['rfm_frequency', t.integer],
    ['rfm_monetary', t.integer],
    ['rfm_score', 'varchar(8)'],
    ['rfm_segment', 'varchar(32)'],
    ['segment_id', t.id],
    ['p_alive', t.real],
    ['expected_purchases_90d', t.real],
    ['p_purchase_90d', t.real],
    ['purchase_probability', t.real],
    ['clv', t.real],
    ['churn_risk', t.real],
    ['churn_reason', t.shortText],
    ['value_at_risk', t.real],
    ['scored_at', t.timestamp],
  ];
  for (const [name, type] of customerColumns) await helpers.addColumn('customers', name, type);
  for (const col of ['stage', 'rfm_segment', 'segment_id', 'clv', 'churn_risk', 'value_at_risk', 'first_order_at']) await index('customers', [col]);

  await table('stage_history', [
    `id ${t.id} PRIMARY KEY`,
    `customer_id ${t.id} NOT NULL`,
    `from_stage varchar(16)`,
    `to_stage varchar(16) NOT NULL`,
    `changed_at ${t.timestamp} NOT NULL`,
    `run_id ${t.id}`,
  ]);
  await index('stage_history', ['customer_id', 'changed_at']);
  await index('stage_history', ['changed_at']);

  await table('insight_runs', [
    `id ${t.id} PRIMARY KEY`,
    `as_of ${t.timestamp} NOT NULL`,
    `options ${t.longText} NOT NULL`,
    `params ${t.longText} NOT NULL`,
    `metrics ${t.longText} NOT NULL`,
    `counts ${t.longText} NOT NULL`,
    `duration_ms ${t.integer} NOT NULL`,
    `created_at ${t.timestamp} NOT NULL`,
  ]);
  await index('insight_runs', ['created_at']);

  await table('models', [
    `id ${t.id} PRIMARY KEY`,
    `kind varchar(32) NOT NULL`,
    `run_id ${t.id}`,
    `params ${t.longText} NOT NULL`,
    `metrics ${t.longText} NOT NULL`,
    `created_at ${t.timestamp} NOT NULL`,
  ]);
  await index('models', ['kind', 'created_at']);
  await index('models', ['created_at']);

  await table('segmentations', [
    `id ${t.id} PRIMARY KEY`,
    `features ${t.longText} NOT NULL`,
    `k ${t.integer} NOT NULL`,
    `standardize ${t.boolean} NOT NULL`,
    `seed ${t.integer} NOT NULL`,
    `result ${t.longText} NOT NULL`,
    `created_at ${t.timestamp} NOT NULL`,
  ]);

  await table('segments', [
    `id ${t.id} PRIMARY KEY`,
    `kind varchar(16) NOT NULL`,
    `segmentation_id ${t.id}`,
    `position ${t.integer}`,
    `name ${t.shortText} NOT NULL`,
    `description ${t.longText}`,
    `filter ${t.longText}`,
    `size ${t.integer}`,
    `centroid ${t.longText}`,
    `created_at ${t.timestamp} NOT NULL`,
    `updated_at ${t.timestamp} NOT NULL`,
  ]);
  await index('segments', ['segmentation_id']);

  await table('segment_members', [`segment_id ${t.id} NOT NULL`, `customer_id ${t.id} NOT NULL`, 'PRIMARY KEY (segment_id, customer_id)']);
  await index('segment_members', ['customer_id']);

  await table('product_affinities', [
    `product_id ${t.id} NOT NULL`,
    `other_product_id ${t.id} NOT NULL`,
    `together ${t.integer} NOT NULL`,
    `support ${t.real} NOT NULL`,
    `confidence ${t.real} NOT NULL`,
    `lift ${t.real} NOT NULL`,
    'PRIMARY KEY (product_id, other_product_id)',
  ]);

  await table('report_cache', [`cache_key varchar(191) PRIMARY KEY`, `version ${t.shortText} NOT NULL`, `value ${t.longText} NOT NULL`, `created_at ${t.timestamp} NOT NULL`]);
}
