import { sql, type Kysely } from 'kysely';
import { columnTypes, type DialectName } from '../database.js';
import { ddl, type ColumnSpec } from './ddl.js';

/**
 * Report rollups, maintained in the same transaction as every write to orders, interactions and
 * customers, so that the dashboard reads a few thousand small rows instead of every order.
 *
 * Each customer's contribution is kept (report_customer_months, report_customer_campaigns) so that a
 * write can subtract what the customer added before and add what it adds now. The rollups are sums of
 * those contributions: activity per (segment, month, previous active month), cohorts per (first
 * month, month), customers per last-order day, campaign interactions per (month, campaign, channel).
 * Money is kept in whole cents so that adding and subtracting never drifts.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const { table, index } = ddl(db, dialect);
  const month = dialect === 'postgres' ? 'varchar(7) COLLATE "C"' : 'varchar(7)';
  const count = 'bigint NOT NULL';
  const campaignCounts: ColumnSpec[] = ['sent', 'opened', 'clicked', 'converted', 'revenue_cents'].map((name) => [name, count]);

  await table(
    'report_customer_months',
    [
      ['customer_id', t.id, 'NOT NULL'],
      ['month', month, 'NOT NULL'],
      ['segment_id', t.id, 'NOT NULL'],
      ['orders', count],
      ['revenue_cents', count],
      ['last_day', t.date, 'NOT NULL'],
    ],
    ['PRIMARY KEY (customer_id, month)'],
  );

  await table(
    'report_customer_campaigns',
    [['customer_id', t.id, 'NOT NULL'], ['month', month, 'NOT NULL'], ['campaign', t.shortText, 'NOT NULL'], ['channel', t.shortText, 'NOT NULL'], ...campaignCounts],
    ['PRIMARY KEY (customer_id, month, campaign, channel)'],
  );

  // Campaign touches that lead to another customer's order: that customer's order changes reach them.
  await table(
    'report_campaign_links',
    [
      ['customer_id', t.id, 'NOT NULL'],
      ['order_customer_id', t.id, 'NOT NULL'],
    ],
    ['PRIMARY KEY (customer_id, order_customer_id)'],
  );
  await index('report_campaign_links', ['order_customer_id']);
  await index('interactions', ['order_id']);

  await table(
    'report_activity',
    [
      ['segment_id', t.id, 'NOT NULL'],
      ['month', month, 'NOT NULL'],
      ['prev_month', month, 'NOT NULL'],
      ['customers', count],
      ['orders', count],
      ['revenue_cents', count],
    ],
    ['PRIMARY KEY (month, prev_month, segment_id)'],
  );

  await table(
    'report_cohorts',
    [
      ['cohort', month, 'NOT NULL'],
      ['month', month, 'NOT NULL'],
      ['customers', count],
    ],
    ['PRIMARY KEY (cohort, month)'],
  );

  await table(
    'report_last_days',
    [
      ['day', t.date, 'NOT NULL'],
      ['customers', count],
    ],
    ['PRIMARY KEY (day)'],
  );

  await table(
    'report_campaigns',
    [['month', month, 'NOT NULL'], ['campaign', t.shortText, 'NOT NULL'], ['channel', t.shortText, 'NOT NULL'], ...campaignCounts],
    ['PRIMARY KEY (month, campaign, channel)'],
  );

  // Customers per lifecycle stage ('' for unscored), kept by triggers so that every write path counts.
  await table(
    'report_stages',
    [
      ['stage', 'varchar(16)', 'NOT NULL'],
      ['customers', count],
    ],
    ['PRIMARY KEY (stage)'],
  );
  await stageTriggers(db, dialect);

  // What the rollups were built from: the segmentation whose segment ids they carry.
  await table('report_rollup_state', [
    ['name', 'varchar(32)', 'PRIMARY KEY'],
    ['value', t.shortText],
    ['updated_at', t.timestamp, 'NOT NULL'],
  ]);
  await index('report_customer_months', ['segment_id']);
  // Empty rollups are exact for a database without customers, orders or interactions: they are marked
  // built. Otherwise the reports domain builds them in full from the live schema the first time they are
  // read (no 'segmentation' state row), so an upgraded database ends up with the same rollups as a fresh one.
  const holdsRows = async (t: string) =>
    (
      await db
        .selectFrom(t)
        .select(sql<number>`1`.as('one'))
        .limit(1)
        .execute()
    ).length > 0;
  if (!(await holdsRows('customers')) && !(await holdsRows('orders')) && !(await holdsRows('interactions'))) {
    await db.insertInto('report_rollup_state').values({ name: 'segmentation', value: '', updated_at: new Date().toISOString() }).execute();
  }
}

/** Triggers on customers that add and remove their stage in report_stages. */
async function stageTriggers(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  if (dialect === 'sqlite') {
    const add = (row: string) => `INSERT INTO report_stages (stage, customers) VALUES (coalesce(${row}.stage, ''), 1) ON CONFLICT (stage) DO UPDATE SET customers = customers + 1;`;
    const remove = (row: string) => `UPDATE report_stages SET customers = customers - 1 WHERE stage = coalesce(${row}.stage, '');`;
    await run(`CREATE TRIGGER report_stages_ai AFTER INSERT ON customers BEGIN ${add('new')} END`);
    await run(`CREATE TRIGGER report_stages_ad AFTER DELETE ON customers BEGIN ${remove('old')} END`);
    await run(`CREATE TRIGGER report_stages_au AFTER UPDATE OF stage ON customers WHEN coalesce(old.stage, '') <> coalesce(new.stage, '') BEGIN ${remove('old')} ${add('new')} END`);
    return;
  }
  if (dialect === 'postgres') {
    await run(`CREATE FUNCTION report_stages_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND coalesce(OLD.stage, '') = coalesce(NEW.stage, '') THEN RETURN NULL; END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE report_stages SET customers = customers - 1 WHERE stage = coalesce(OLD.stage, ''); END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          INSERT INTO report_stages (stage, customers) VALUES (coalesce(NEW.stage, ''), 1) ON CONFLICT (stage) DO UPDATE SET customers = report_stages.customers + 1;
        END IF;
        RETURN NULL;
      END $$`);
    await run(`CREATE TRIGGER report_stages_count AFTER INSERT OR DELETE OR UPDATE OF stage ON customers FOR EACH ROW EXECUTE FUNCTION report_stages_count()`);
    return;
  }
  const add = (row: string) => `INSERT INTO report_stages (stage, customers) VALUES (coalesce(${row}.stage, ''), 1) ON DUPLICATE KEY UPDATE customers = customers + 1`;
  const remove = (row: string) => `UPDATE report_stages SET customers = customers - 1 WHERE stage = coalesce(${row}.stage, '')`;
  await run(`CREATE TRIGGER report_stages_ai AFTER INSERT ON customers FOR EACH ROW ${add('NEW')}`);
  await run(`CREATE TRIGGER report_stages_ad AFTER DELETE ON customers FOR EACH ROW ${remove('OLD')}`);
  await run(
    `CREATE TRIGGER report_stages_au AFTER UPDATE ON customers FOR EACH ROW BEGIN IF NOT (coalesce(OLD.stage, '') <=> coalesce(NEW.stage, '')) THEN ${remove('OLD')}; ${add('NEW')}; END IF; END`,
  );
}
