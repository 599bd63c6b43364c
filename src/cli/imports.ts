import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { AppError } from '../core/errors.js';
import type { Ctx } from '../core/context.js';
import type { ImportBatch } from '../imports/batches.js';
import type { CleanRecord } from '../imports/cleaning.js';
import type { ImportOptions, Preview } from '../imports/importer.js';
import type { EntityKind } from '../imports/types.js';
import { info, positiveInteger, progressBar, withDatabase } from './support.js';
import { table } from './users.js';

const importer = () => import('../imports/importer.js');
const cleanThread = () => import('../imports/clean-thread.js');
const batches = () => import('../imports/batches.js');
/** The JS heap a CLI import lets grow before it collects garbage between chunks. */
const importHeapBytes = 64 * 1024 ** 2;

/**
 * SQLite's page cache for a CLI import of a file of `fileBytes`, in KiB: three times the file, from the
 * server's 64 MB up to 256 MB or a sixteenth of the machine's memory. A large import's indexes keyed by
 * values that fall anywhere (emails, match keys) outgrow 64 MB, and each row then reads pages back from
 * the OS: 1,000,000 customers (an 83 MB file) took 185.9 and 160.6 s with 64 MB, 170.7 and 142.1 s with
 * 256 MB (system time 47.5 and 44.3 s, 37.2 and 32.6 s), at a peak RSS of about 660 MB instead of 450 MB.
 * 100,000 customers (8 MB) were no faster with 256 MB, and 200 MB larger, so a small file keeps 64 MB.
 */
export const importCacheKib = (fileBytes: number) => Math.round(Math.max(64 * 1024, Math.min(256 * 1024, os.totalmem() / 16 / 1024, (3 * fileBytes) / 1024)));

const importKindNames: EntityKind[] = ['customers', 'companies', 'products', 'orders', 'interactions'];

interface ImportFlags {
  preset?: string;
  source?: string;
  map: string[];
  defaultCountry?: string;
  dateOrder?: 'MDY' | 'DMY';
  merge?: 'auto' | 'review' | 'off';
  dryRun?: boolean;
  strict?: boolean;
  rows: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** The importer's options from the command line; the configured country is the default. */
function importOptions(kind: EntityKind, file: string, flags: ImportFlags, ctx: Pick<Ctx, 'defaultCountry'>): ImportOptions {
  let defaultCountry = flags.defaultCountry?.trim().toUpperCase();
  if (defaultCountry !== undefined && !/^[A-Z]{2}$/.test(defaultCountry))
    throw new AppError('invalid_input', `--default-country must be a two-letter country code such as US or DE, got ${flags.defaultCountry}`);
  defaultCountry ??= ctx.defaultCountry;
  return {
    kind,
    source: flags.source,
    preset: flags.preset,
    mapping: flags.map.length ? flags.map : undefined,
    defaultCountry,
    dateOrder: flags.dateOrder,
    merge: flags.merge,
    strict: flags.strict,
    fileName: path.basename(file),
  };
}

/** A cleaned value as one readable cell: lists joined with "; ", phones in E.164 (or as typed). */
function show(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (v && typeof v === 'object' ? ((v as { e164?: string | null; raw?: string }).e164 ?? (v as { raw?: string }).raw ?? '') : String(v))).join('; ');
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value).replace(/\r?\n/g, '\\n');
}

function formatRecord(record: CleanRecord): string {
  const parts: string[] = [];
  for (const [field, value] of Object.entries(record)) {
    if (field === 'custom' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, v] of Object.entries(value)) parts.push(`${name}=${show(v)}`);
    } else if (value !== undefined) {
      parts.push(`${field}=${show(value)}`);
    }
  }
  return parts.join(', ');
}

/** What a dry run prints: preset, mapping, the first rows as they would be stored, the bad-row count. */
function formatPreview(preview: Preview, shown: number): string {
  const out: string[] = [];
  out.push(`Format: ${preview.format}; preset: ${preview.preset ?? 'none detected'}`);
  const mapped = Object.entries(preview.mapping).filter(([, field]) => field !== null) as [string, string][];
  const unmapped = Object.entries(preview.mapping)
    .filter(([, field]) => field === null)
    .map(([column]) => column);
  out.push('', 'Column mapping:');
  out.push(
    mapped.length
      ? table(
          ['COLUMN', 'FIELD'],
          mapped.map(([column, field]) => [column, field]),
        ).replace(/^/gm, '  ')
      : '  (no column maps to a field)',
  );
  out.push(`Unmapped columns: ${unmapped.length ? unmapped.join(', ') : 'none'}`);
  const rows = preview.rows.slice(0, shown);
  out.push('', rows.length ? `First ${rows.length} rows as they would be stored:` : 'The file has no rows.');
  for (const row of rows) {
    out.push(`  row ${row.row}: ${row.record ? formatRecord(row.record) || '(empty)' : 'not importable'}`);
    for (const e of row.errors) out.push(`    error${e.column ? ` in ${e.column}` : ''}: ${e.reason}`);
    for (const w of row.warnings ?? []) out.push(`    kept as written${w.column ? ` in ${w.column}` : ''}: ${w.reason}`);
  }
  out.push('', `${preview.rows_read} rows read, ${preview.rejected} bad${preview.flagged ? `, ${preview.flagged} with a value kept as written (flagged)` : ''}. Dry run: nothing was written.`);
  return out.join('\n');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const countNames = ['rows', 'created', 'updated', 'unchanged', 'merged', 'rejected', 'duplicates_queued'] as const;

/** Counts that only some imports have, printed when not zero. */
const optionalCountNames = ['flagged', 'customers_created', 'deals_created'] as const;

function formatCounts(batch: ImportBatch): string {
  const optional = optionalCountNames.filter((k) => (batch.counts[k] ?? 0) > 0).map((k) => `${k} ${batch.counts[k]}`);
  return [...countNames.map((k) => `${k} ${batch.counts[k]}`), ...optional].join(', ');
}

function errorsHint(batch: ImportBatch): string {
  return `rapport import errors ${batch.id} > errors.csv`;
}

/** What a finished import prints: batch id, counts, and how to get the error report. */
function formatImportResult(batch: ImportBatch): string {
  const lines = [`Imported ${batch.file_name ?? 'the file'} as batch ${batch.id} (${batch.kind} from ${batch.source}).`, formatCounts(batch)];
  if (batch.counts.rejected > 0) lines.push(`${plural(batch.counts.rejected, 'row was', 'rows were')} rejected; for the reasons run: ${errorsHint(batch)}`);
  if (batch.counts.duplicates_queued > 0) lines.push(`${plural(batch.counts.duplicates_queued, 'likely duplicate waits', 'likely duplicates wait')} for review: rapport duplicates`);
  if ((batch.counts.flagged ?? 0) > 0)
    lines.push(`${plural(batch.counts.flagged ?? 0, 'row keeps', 'rows keep')} a value as written (a phone or country that could not be read); they are listed in: ${errorsHint(batch)}`);
  lines.push(`Undo with: rapport import undo ${batch.id}`);
  return lines.join('\n');
}

function formatBatch(batch: ImportBatch): string {
  const when = (s: string | null) => (s ? s.slice(0, 19).replace('T', ' ') : '-');
  const lines = [
    `Batch:    ${batch.id}`,
    `Kind:     ${batch.kind}`,
    `Source:   ${batch.source}`,
    `File:     ${batch.file_name ?? '-'}`,
    `Status:   ${batch.status}`,
    `Started:  ${when(batch.created_at)}`,
    `Finished: ${when(batch.finished_at)}`,
  ];
  if (batch.undone_at) lines.push(`Undone:   ${when(batch.undone_at)}`);
  lines.push(`Counts:   ${formatCounts(batch)}`);
  if (batch.status === 'running' && batch.progress) lines.push(`Progress: ${batch.progress.rows} rows, ${batch.progress.bytes} of ${batch.progress.total_bytes} bytes`);
  if (batch.error) lines.push(`Error:    ${batch.error}`);
  if (batch.mapping) {
    const entries = Object.entries(batch.mapping);
    lines.push('Mapping:');
    lines.push(
      table(
        ['COLUMN', 'FIELD'],
        entries.map(([column, field]) => [column, field ?? '(not imported)']),
      ).replace(/^/gm, '  '),
    );
  }
  if (batch.counts.rejected > 0) lines.push(`Error report: ${errorsHint(batch)}`);
  return lines.join('\n');
}

export function registerImports(program: Command) {
  const imp = program
    .command('import')
    .description('import customers, companies, products, orders or interactions from CSV, TSV, vCard, JSON or NDJSON; list, inspect and undo imports')
    .addHelpText(
      'after',
      '\nExamples:\n  rapport import customers contacts.csv --dry-run\n  rapport import orders sales.csv --source shop\n  rapport import list\n  rapport import errors BATCH > errors.csv',
    );

  for (const kind of importKindNames) {
    imp
      .command(kind)
      .description(`import ${kind} from FILE as one batch (undo with \`rapport import undo BATCH\`)`)
      .argument('<file>', 'CSV, TSV, vCard (.vcf), JSON or NDJSON file')
      .option('--preset <name>', 'header preset, e.g. google_contacts, outlook, hubspot, shopify_customers, shopify_orders, stripe_customers, mailchimp (default: detected)')
      .option('--source <name>', 'the system the file comes from; ids in the file are its ids (default: the preset, else "file")')
      .option('--map <column=field>', 'map a column to a field, e.g. "E-mail 2=emails"; "Column=" ignores it (repeatable)', collect, [])
      .option('--default-country <cc>', 'country for phone numbers without +, e.g. US (default: RAPPORT_DEFAULT_COUNTRY)')
      .addOption(new Option('--date-order <order>', 'how to read dates such as 03/04/2021').choices(['MDY', 'DMY']))
      .addOption(new Option('--merge <mode>', 'sure duplicates: merge (auto), queue for review (review) or ignore (off)').choices(['auto', 'review', 'off']))
      .option('--dry-run', 'show the mapping and the first rows as they would be stored, with their errors; write nothing')
      .option('--strict', 'write nothing if any row is bad')
      .option('--rows <n>', 'rows to show in a dry run', '10')
      .action(async (file: string, flags: ImportFlags) => {
        const shown = positiveInteger(flags.rows, '--rows');
        const fileBytes = (await stat(file).catch(() => null))?.size ?? 0;
        if (!flags.dryRun) {
          // A file the import cleans on a thread of its own: the thread loads while the importer loads and the database opens.
          const { cleaningThreadMinBytes, warmCleaningThread } = await cleanThread();
          if (fileBytes >= cleaningThreadMinBytes) warmCleaningThread();
        }
        const { previewImport, runImport } = await importer();
        await withDatabase(async (ctx, database) => {
          // An import writes far more than it reads: plain reads keep the mapped file out of its memory,
          // and garbage collected between chunks keeps the heap small (peak RSS about 450 MB for 100,000
          // customers in chunks of 20,000 rows, with the cleaning thread a chunk ahead; about 660 MB for
          // 1,000,000, with a larger page cache, see importCacheKib). Mapped reads were no faster (1M
          // customers: 190 s mapped, 182 s not; peak RSS 1.2 GB mapped).
          database.sqlite?.pragma('mmap_size = 0');
          database.sqlite?.pragma(`cache_size = -${importCacheKib(fileBytes)}`);
          const options = importOptions(kind, file, flags, ctx);
          if (flags.dryRun) {
            console.log(formatPreview(await previewImport(ctx, file, options, shown), shown));
            return;
          }
          const bar = progressBar(`import ${kind}`, 'KB', 'rows');
          let batch: ImportBatch;
          try {
            batch = await runImport(ctx, file, {
              ...options,
              collectGarbageAboveBytes: importHeapBytes,
              checkpointThread: true,
              cleaningThread: true,
              onProgress: (p) => bar.update(Math.round(p.bytes / 1024), Math.max(1, Math.round(p.total_bytes / 1024)), { count: p.rows }),
            });
          } finally {
            bar.stop();
          }
          if (batch.status === 'rejected') {
            throw new AppError(
              'invalid_input',
              `${plural(batch.counts.rejected, 'row is', 'rows are')} bad, so nothing was written (--strict, batch ${batch.id}); for the reasons run: ${errorsHint(batch)}`,
            );
          }
          console.log(formatImportResult(batch));
        });
      });
  }

  imp
    .command('list')
    .description('recent imports, newest first')
    .option('--limit <n>', 'how many', '50')
    .action(async (opts: { limit: string }) => {
      const limit = positiveInteger(opts.limit, '--limit');
      const list = await withDatabase(async (_ctx, database) => (await batches()).listBatches(database.db, limit));
      if (list.length === 0) {
        console.log('No imports yet.');
        return;
      }
      const rows = list.map((b) => [
        b.id,
        b.created_at.slice(0, 19).replace('T', ' '),
        b.kind,
        b.source,
        b.file_name ?? '-',
        b.status,
        String(b.counts.rows),
        String(b.counts.created),
        String(b.counts.updated),
        String(b.counts.merged),
        String(b.counts.rejected),
      ]);
      console.log(table(['BATCH', 'STARTED', 'KIND', 'SOURCE', 'FILE', 'STATUS', 'ROWS', 'CREATED', 'UPDATED', 'MERGED', 'REJECTED'], rows));
    });

  imp
    .command('show')
    .description('an import: status, counts, progress and column mapping')
    .argument('<batch>', 'batch id (bat_…)')
    .action(async (id: string) => {
      const batch = await withDatabase(async (_ctx, database) => (await batches()).getBatch(database.db, id));
      console.log(formatBatch(batch));
    });

  imp
    .command('errors')
    .description('the rejected rows of an import as CSV (row, column, reason, values) on standard output')
    .argument('<batch>', 'batch id (bat_…)')
    .action(async (id: string) => {
      await withDatabase(async (_ctx, database) => {
        for await (const line of (await batches()).errorReport(database.db, id)) {
          if (!process.stdout.write(line)) await new Promise((resolve) => process.stdout.once('drain', resolve));
        }
      });
    });

  imp
    .command('undo')
    .description('undo an import: remove what it created, restore what it changed, undo the merges it made')
    .argument('<batch>', 'batch id (bat_…)')
    .action(async (id: string) => {
      const batch = await withDatabase(async (ctx) => (await import('../imports/undo.js')).undoImport(ctx, id));
      console.log(`Undid import ${batch.id} (${batch.kind} from ${batch.file_name ?? batch.source}: ${batch.counts.created} created, ${batch.counts.updated} updated, ${batch.counts.merged} merged).`);
    });
}

/** "Ada Lovelace <ada@example.com>" for a customer record, "(deleted)" when gone. */
function person(record: Record<string, unknown> | null): string {
  if (!record) return '(deleted)';
  const name = [record.first_name, record.last_name].filter(Boolean).join(' ');
  const email = record.email ? `<${record.email}>` : '';
  return [name, email].filter(Boolean).join(' ') || String(record.id);
}

export function registerDuplicates(program: Command) {
  const duplicates = program.command('duplicates').description('likely duplicate customers: review, merge, dismiss, scan');
  duplicates
    .command('list', { isDefault: true })
    .description('open pairs, most likely first (the default)')
    .option('--limit <n>', 'how many pairs', '50')
    .action(async (opts: { limit: string }) => {
      const limit = positiveInteger(opts.limit, '--limit');
      const page = await withDatabase(async (ctx) => (await import('../duplicates/service.js')).listCandidates(ctx, { limit: Math.min(limit, 200) }));
      if (page.data.length === 0) {
        console.log('No duplicate pairs wait for review.');
        return;
      }
      const rows = page.data.map((p) => [p.id, p.score.toFixed(3), person(p.a), person(p.b), p.reasons.join(', ')]);
      console.log(table(['PAIR', 'SCORE', 'A', 'B', 'REASONS'], rows));
      if (page.next_cursor) info(`More pairs wait; show more with --limit (at most 200 at a time).`);
      info('Merge with `rapport duplicates merge PAIR [--keep a|b]`, or `rapport duplicates dismiss PAIR`.');
    });
  duplicates
    .command('merge')
    .description('merge a pair: orders, interactions and tasks move to the customer kept')
    .argument('<pair>', 'pair id from `rapport duplicates`')
    .addOption(new Option('--keep <side>', 'which customer stays').choices(['a', 'b']).default('a'))
    .action(async (id: string, opts: { keep: 'a' | 'b' }) => {
      const result = await withDatabase(async (ctx) => (await import('../duplicates/service.js')).mergeCandidate(ctx, id, opts.keep));
      console.log(`Merged pair ${id} into ${person(result.winner)} (${result.winner.id}) as merge ${result.merge_id}; ${result.conflicts.length} field conflicts recorded.`);
      console.log(`Undo with: rapport merge undo ${result.merge_id}`);
    });
  duplicates
    .command('dismiss')
    .description('not a duplicate: never suggest or merge this pair again')
    .argument('<pair>', 'pair id from `rapport duplicates`')
    .action(async (id: string) => {
      await withDatabase(async (ctx) => (await import('../duplicates/service.js')).dismissCandidate(ctx, id));
      console.log(`Dismissed pair ${id}.`);
    });
  duplicates
    .command('scan')
    .description('look for duplicates among all customers')
    .addOption(new Option('--mode <mode>', 'auto: merge sure matches and queue the rest; review: queue everything').choices(['auto', 'review']).default('review'))
    .action(async (opts: { mode: 'auto' | 'review' }) => {
      const result = await withDatabase(async (ctx) => (await import('../duplicates/scan.js')).scanDuplicates(ctx, { mode: opts.mode }));
      console.log(`Scanned ${result.customers} customers: ${result.merged} merged in ${result.clusters} clusters, ${result.queued} pairs queued for review.`);
    });

  const merge = program.command('merge').description('customer merges');
  merge
    .command('undo')
    .description('undo a merge: the merged customers come back with their own orders and interactions')
    .argument('<merge>', 'merge id')
    .action(async (id: string) => {
      await withDatabase(async (ctx) => (await import('../duplicates/merge.js')).undoMerge(ctx, id));
      console.log(`Undid merge ${id}.`);
    });
}
