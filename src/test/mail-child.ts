/**
 * A mail-sending process for crash tests: opens the database named by DATABASE_URL (or the SQLite file
 * RAPPORT_DB) and runs delivery passes until killed. Bundled and started by src/mail/crash.test.ts.
 */
import '../derived-data.js';
import { openDatabase } from '../core/database.js';
import { deliverQueuedMail } from '../mail/deliver.js';

const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, sqlitePath: process.env.RAPPORT_DB });
const batch = Number(process.env.MAIL_BATCH ?? 10);
for (;;) {
  await deliverQueuedMail(database, { batch });
  await new Promise((resolve) => setTimeout(resolve, 20));
}
