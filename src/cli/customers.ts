import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import { info, withDatabase } from './support.js';

/** `rapport customer export|erase ID`: a data-subject request (GDPR art. 15 and 17) from the command line. */
export function registerCustomers(program: Command) {
  const customer = program.command('customer').description("a person's data: export it or erase it (GDPR)");
  customer
    .command('export')
    .description('everything Rapport holds about a customer, as JSON (as GET /api/customers/{id}/export)')
    .argument('<id>', 'customer id (cus_...)')
    .option('--output <file>', 'write to FILE instead of standard output')
    .action(async (id: string, opts: { output?: string }) => {
      const data = await withDatabase(async (ctx) => (await import('../customer360/export.js')).exportCustomer(ctx, id));
      const text = JSON.stringify(data, null, 2) + '\n';
      if (!opts.output) return void process.stdout.write(text);
      fs.writeFileSync(path.resolve(opts.output), text, { mode: 0o600 });
      info(`Exported ${id} to ${path.resolve(opts.output)}.`);
    });
  customer
    .command('erase')
    .description("erase a customer's personal data everywhere (as DELETE /api/customers/{id}?erase=true); orders stay, anonymised")
    .argument('<id>', 'customer id (cus_...)')
    .option('--yes', 'confirm: an erase cannot be undone')
    .action(async (id: string, opts: { yes?: boolean }) => {
      if (!opts.yes) throw new AppError('invalid_input', `erasing ${id} cannot be undone; add --yes to go ahead`);
      const report = await withDatabase(async (ctx) => (await import('../customer360/erase.js')).eraseCustomer(ctx, id));
      process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      info(
        `Erased ${id}: ${report.merged_records} merged-away records, ${report.merges_sealed} merges and ${report.import_changes_sealed} import changes sealed, ${report.import_rejects_cleared} rejected rows cleared; ${report.storage.done}.`,
      );
    });
}
