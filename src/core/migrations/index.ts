import fs from 'node:fs';
import { Migrator, type Migration, type MigrationProvider, type Kysely } from 'kysely';
import type { Database, DialectName } from '../database.js';
import { renewSchemaStamp } from '../schema-stamp.js';
import * as initial from './0001_initial.js';
import * as insights from './0002_insights.js';
import * as imports from './0003_imports.js';

type DialectMigration = { up(db: Kysely<any>, dialect: DialectName): Promise<void> };

const migrations: Record<string, DialectMigration> = {
  '0001_initial': initial,
  '0002_insights': insights,
  '0003_imports': imports,
  '0004_report_rollups': await import('./0004_report_rollups.js'),
  '0006_match_keys': await import('./0006_match_keys.js'),
  '0007_report_indexes': await import('./0007_report_indexes.js'),
  '0008_match_key_rows': await import('./0008_match_key_rows.js'),
  '0009_erasure': await import('./0009_erasure.js'),
  '0010_auth_hardening': await import('./0010_auth_hardening.js'),
  '0011_customer_since_countries': await import('./0011_customer_since_countries.js'),
  '0012_score_basis': await import('./0012_score_basis.js'),
  '0014_business_settings': await import('./0014_business_settings.js'),
  '0015_import_runner': await import('./0015_import_runner.js'),
  '0016_events': await import('./0016_events.js'),
  '0017_webhooks': await import('./0017_webhooks.js'),
  '0025_mail': await import('./0025_mail.js'),
  '0018_task_due_events': await import('./0018_task_due_events.js'),
  '0023_contracts_tasks': await import('./0023_contracts_tasks.js'),
  '0026_loyalty': await import('./0026_loyalty.js'),
  '0021_deals': await import('./0021_deals.js'),
  '0022_quotes': await import('./0022_quotes.js'),
  '0024_forms': await import('./0024_forms.js'),
  '0030_tickets': await import('./0030_tickets.js'),
  '0031_chat_surveys': await import('./0031_chat_surveys.js'),
  '0029_flows': await import('./0029_flows.js'),
  '0032_sales_loyalty': await import('./0032_sales_loyalty.js'),
  '0032_today_indexes': await import('./0032_today_indexes.js'),
  '0034_ticket_kind_index': await import('./0034_ticket_kind_index.js'),
  '0027_campaigns': await import('./0027_campaigns.js'),
  '0028_bounces_sms': await import('./0028_bounces_sms.js'),
  '0035_chat_relay': await import('./0035_chat_relay.js'),
  '0036_customer_time_zone_discounts': await import('./0036_customer_time_zone_discounts.js'),
  '0037_loyalty_rules_stamp': await import('./0037_loyalty_rules_stamp.js'),
  '0039_flow_discount_codes': await import('./0039_flow_discount_codes.js'),
  '0040_schema_stamp': await import('./0040_schema_stamp.js'),
  '0041_events_sequenced_indexes': await import('./0041_events_sequenced_indexes.js'),
  '0042_loyalty_rule_index': await import('./0042_loyalty_rule_index.js'),
  '0043_loyalty_partial_indexes': await import('./0043_loyalty_partial_indexes.js'),
};

/** One migration set for all engines: each migration is told which dialect it runs on. */
class RapportMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(Object.entries(migrations).map(([name, m]) => [name, { up: (db: Kysely<any>) => m.up(db, this.dialect) }]));
  }
}

export interface MigrateResult {
  applied: string[];
  backupPath?: string;
}

/** Applies the migrations up to and including `name`: a database as an older Rapport left it (upgrade tests). */
export async function migrateTo(database: Database, name: string): Promise<void> {
  const { error, results } = await new Migrator({ db: database.db, provider: new RapportMigrationProvider(database.dialect) }).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
  if (results?.length && name >= schemaStampMigration) await renewSchemaStamp(database.db);
}

/** The migration that adds the schema's stamp: from it on, applying migrations renews the stamp. */
const schemaStampMigration = '0040_schema_stamp';

/**
 * Applies pending migrations. On SQLite with existing data, a copy of the file is taken first
 * so a failed or unwanted upgrade can be rolled back by hand.
 */
export async function migrate(database: Database): Promise<MigrateResult> {
  const migrator = new Migrator({ db: database.db, provider: new RapportMigrationProvider(database.dialect) });
  const known = await migrator.getMigrations();
  const pending = known.filter((m) => !m.executedAt);
  if (pending.length === 0) return { applied: [] };
  let backupPath: string | undefined;
  const hasApplied = known.some((m) => m.executedAt);
  if (database.sqlite && hasApplied && database.sqlitePath && database.sqlitePath !== ':memory:') {
    backupPath = `${database.sqlitePath}.before-${pending[0].name}.bak`;
    await database.sqlite.backup(backupPath);
    fs.chmodSync(backupPath, 0o600);
  }
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  // Columns may have changed under what a process keeps from them (src/core/schema-stamp.ts).
  await renewSchemaStamp(database.db);
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName), backupPath };
}
