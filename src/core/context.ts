import type { CountryCode } from 'libphonenumber-js';
import type { Database, Db } from './database.js';

/** Who is acting and on which database: passed to every service call. */
export interface Ctx {
  database: Database;
  /** "user:usr_...", "token:tok_...", "cli", "import:bat_..." — recorded in the audit log. */
  actor: string;
  /** Country assumed for phone numbers written without a country code. */
  defaultCountry?: CountryCode;
  /** The data directory, where the API keeps uploads until their import has read them (see imports/upload.ts). */
  dataDir?: string;
  /** Set while an import writes, so every touched row can be traced to its batch. */
  batchId?: string | null;
}

/** Runs `fn` in one transaction: the whole change is applied or none of it. */
export function inTransaction<T>(ctx: Ctx, fn: (trx: Db) => Promise<T>): Promise<T> {
  return ctx.database.db.transaction().execute(fn);
}
