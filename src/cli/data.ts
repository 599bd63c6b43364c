import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import type { ExportFormat } from '../exports/exporter.js';
import { info, positiveInteger, progressBar, withDatabase } from './support.js';

const exportKinds = ['customers', 'companies', 'products', 'orders', 'interactions', 'tasks', 'deals'];
const exportFormats = ['csv', 'json', 'vcard'];

export function registerData(program: Command) {
  program
    .command('demo')
    .description('fill an empty database with a realistic, reproducible demo dataset')
    .requiredOption('--customers <n>', 'number of customers to generate')
    .option('--seed <seed>', 'seed: the same seed gives the same data', '1')
    .option('--as-of <date>', 'last day of the data (YYYY-MM-DD); default today')
    .action(async (opts: { customers: string; seed: string; asOf?: string }) => {
      const customers = positiveInteger(opts.customers, '--customers');
      let asOf: Date | undefined;
      if (opts.asOf !== undefined) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf) || Number.isNaN(Date.parse(opts.asOf))) throw new AppError('invalid_input', `--as-of must be a date YYYY-MM-DD, got ${opts.asOf}`);
        asOf = new Date(`${opts.asOf}T00:00:00Z`);
      }
      const bar = progressBar('demo', 'customers', 'rows');
      const stats = await withDatabase(async (ctx, database) => {
        try {
          const { generateDemo } = await import('../demo/generate.js');
          return await generateDemo(database, { customers, seed: opts.seed, asOf, defaultCountry: ctx.defaultCountry, onProgress: (p) => bar.update(p.customers, p.total, { count: p.rows }) });
        } finally {
          bar.stop();
        }
      });
      const rows = stats.customers + stats.customerKeys + stats.externalIds + stats.orders + stats.orderLines + stats.interactions + stats.tasks + stats.companies + stats.products;
      console.log(
        `Created ${stats.customers} customers, ${stats.companies} companies, ${stats.products} products, ${stats.orders} orders with ${stats.orderLines} lines, ` +
          `${stats.interactions} interactions and ${stats.tasks} tasks in ${stats.seconds.toFixed(1)} s (${Math.round(rows / Math.max(stats.seconds, 0.001))} rows/s).`,
      );
    });

  program
    .command('backup')
    .description('back up the database to FILE (SQLite: a consistent copy, safe while the server runs; PostgreSQL/MySQL: a JSON dump)')
    .argument('<file>', 'where to write the backup')
    .option('--format <format>', 'sqlite (SQLite only) or json (any engine; also moves data between engines)')
    .action(async (file: string, opts: { format?: string }) => {
      if (opts.format !== undefined && opts.format !== 'sqlite' && opts.format !== 'json') throw new AppError('invalid_input', `--format must be sqlite or json, got ${opts.format}`);
      const bar = progressBar('backup', 'units');
      const result = await withDatabase(async (_ctx, database) => {
        try {
          const { backupDatabase } = await import('../backup/backup.js');
          return await backupDatabase(database, file, { format: opts.format as 'sqlite' | 'json' | undefined, onProgress: (p) => bar.update(p.done, p.total) });
        } finally {
          bar.stop();
        }
      });
      const rows = result.tables.reduce((s, t) => s + t.rows, 0);
      console.log(`Backed up ${rows} rows in ${result.tables.length} tables to ${result.file} (${result.format}).`);
    });

  program
    .command('restore')
    .description('replace all data with a backup made by `rapport backup` (checked first; applied in one transaction)')
    .argument('<file>', 'the backup file')
    .action(async (file: string) => {
      const bar = progressBar('restore', 'rows');
      const result = await withDatabase(async (_ctx, database) => {
        try {
          const { restoreDatabase } = await import('../backup/backup.js');
          return await restoreDatabase(database, file, { onProgress: (p) => bar.update(p.done, p.total) });
        } finally {
          bar.stop();
        }
      });
      const rows = result.tables.reduce((s, t) => s + t.rows, 0);
      console.log(`Restored ${rows} rows in ${result.tables.length} tables from ${path.resolve(file)}; a running server sees them now.`);
    });

  program
    .command('export')
    .description(`export records as CSV, JSON or vCard (customers) (${exportKinds.join(', ')})`)
    .argument('<kind>', exportKinds.join(' | '))
    .option('--format <format>', 'csv, json or vcard (customers only)', 'csv')
    .option('--filter <json>', 'filter tree as JSON, e.g. {"field":"city","op":"eq","value":"Paris"}')
    .option('--output <file>', 'write to FILE instead of standard output')
    .action(async (kind: string, opts: { format: string; filter?: string; output?: string }) => {
      if (!exportFormats.includes(opts.format)) throw new AppError('invalid_input', `--format must be csv, json or vcard, got ${opts.format}`);
      const target = opts.output ? path.resolve(opts.output) : null;
      const partial = target ? `${target}.partial-${process.pid}` : null;
      const out: Writable = partial ? fs.createWriteStream(partial) : process.stdout;
      try {
        const { count } = await withDatabase(async (ctx) => (await import('../exports/exporter.js')).exportRecords(ctx, kind, { format: opts.format as ExportFormat, filter: opts.filter }, out));
        if (partial && target) {
          out.end();
          await finished(out);
          fs.renameSync(partial, target);
          info(`Exported ${count} ${kind} to ${target}.`);
        }
      } catch (error) {
        if (partial) {
          out.destroy();
          fs.rmSync(partial, { force: true });
        }
        throw error;
      }
    });
}
