import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import type { FilterNode } from '../records/query.js';
import { info, withDatabase } from './support.js';
import type { Ctx } from '../core/context.js';

const service = () => import('../quotes/service.js');
const answer = () => import('../quotes/answer.js');
const statuses = ['draft', 'sent', 'viewed', 'accepted', 'declined', 'expired', 'converted'];

/** A quote named by id (quo_...) or by number (Q-2026-0001: its newest version). */
async function quoteIdOf(ctx: Ctx, wanted: string): Promise<string> {
  if (!/^Q-\d{4}-\d+$/i.test(wanted)) return wanted;
  const row = await ctx.database.db.selectFrom('quotes').select('id').where('number', '=', wanted.toUpperCase()).orderBy('version', 'desc').executeTakeFirst();
  if (!row) throw new AppError('not_found', `no quote numbered ${wanted}`);
  return row.id as string;
}

const money = (n: unknown) => (typeof n === 'number' ? n.toFixed(2) : '');

/** `rapport quotes list|show|send`: quotes from the command line (as /api/quotes and POST /api/quotes/{id}/send). */
export function registerQuotes(program: Command) {
  const command = program.command('quotes').description('quotes: list, show, send to the client');
  command
    .command('list')
    .description('quotes, newest first (tab-separated: id, number, version, status as of today, total, currency, valid until, customer id, title)')
    .option('--status <status>', `one of ${statuses.join(', ')} (expired is computed from the validity date)`)
    .option('--customer <id>', 'quotes of this customer')
    .option('--deal <id>', 'quotes of this deal')
    .option('--sort <field>', 'field to sort by, - for descending', '-created_at')
    .option('--limit <n>', 'at most this many quotes', '100')
    .option('--json', 'one JSON object per line, lines included')
    .action(async (opts: { status?: string; customer?: string; deal?: string; sort: string; limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new AppError('invalid_input', '--limit must be a whole number from 1 to 100000');
      if (opts.status && !statuses.includes(opts.status)) throw new AppError('invalid_input', `--status must be one of ${statuses.join(', ')}`);
      await withDatabase(async (ctx) => {
        const { quotes } = await service();
        const filters: FilterNode[] = [];
        if (opts.status) filters.push({ field: 'status', op: 'eq', value: opts.status });
        if (opts.customer) filters.push({ field: 'customer_id', op: 'eq', value: opts.customer });
        if (opts.deal) filters.push({ field: 'deal_id', op: 'eq', value: opts.deal });
        let cursor: string | undefined;
        let left = limit;
        do {
          const page = await quotes.list(ctx, { filter: filters.length ? { and: filters } : undefined, sort: opts.sort, limit: Math.min(left, 500), cursor });
          for (const q of page.data) {
            if (opts.json) process.stdout.write(JSON.stringify(q) + '\n');
            else process.stdout.write([q.id, q.number, q.version, q.status, money(q.total), q.currency, q.valid_until, q.customer_id, q.title ?? ''].join('\t') + '\n');
          }
          left -= page.data.length;
          cursor = page.next_cursor ?? undefined;
        } while (cursor && left > 0);
      });
    });
  command
    .command('show')
    .description('one quote: its figures, lines and what the client did with it')
    .argument('<quote>', 'quote id (quo_...) or number (Q-2026-0001, its newest version)')
    .option('--json', 'the quote as JSON (as GET /api/quotes/{id}), with its activity')
    .action(async (wanted: string, opts: { json?: boolean }) => {
      await withDatabase(async (ctx) => {
        const { getQuote, quoteLabel } = await service();
        const quote = await getQuote(ctx.database.db, await quoteIdOf(ctx, wanted));
        const activity = await (await answer()).quoteActivity(ctx.database.db, quote.id);
        if (opts.json) {
          process.stdout.write(JSON.stringify({ ...quote, activity }) + '\n');
          return;
        }
        const out = [
          `${quoteLabel(quote)}\t${quote.id}\t${quote.status}`,
          `customer\t${quote.customer_id}${quote.deal_id ? `\tdeal ${quote.deal_id}` : ''}`,
          ...(quote.title ? [`title\t${quote.title}`] : []),
          `valid until\t${quote.valid_until}`,
          ...quote.lines.map(
            (l) => `line\t${l.quantity} × ${l.name}\t${money(l.unit_price)}${l.discount_percent ? `\t-${l.discount_percent}%` : ''}${l.tax_rate ? `\ttax ${l.tax_rate}%` : ''}\t= ${money(l.net)}`,
          ),
          `subtotal\t${money(quote.subtotal)}`,
          ...(Number(quote.discount_total) ? [`discount\t-${money(quote.discount_total)}`] : []),
          `tax\t${money(quote.tax_total)}`,
          `total\t${money(quote.total)} ${quote.currency}`,
          ...activity.map((a) => `${a.kind}\t${a.at}${a.detail ? `\t${a.detail}` : ''}`),
        ];
        process.stdout.write(out.join('\n') + '\n');
      });
    });
  command
    .command('send')
    .description("email the quote to the client: a link to its public page and the PDF (a draft becomes sent); the server's mail worker delivers it")
    .argument('<quote>', 'quote id (quo_...) or number (Q-2026-0001, its newest version)')
    .option('--base-url <url>', "the address clients reach this Rapport at, when the mail settings' public address is not set")
    .action(async (wanted: string, opts: { baseUrl?: string }) => {
      const sent = await withDatabase(async (ctx) => {
        const { getMailSettings } = await import('../mail/settings.js');
        const base = (await getMailSettings(ctx.database.db)).public_url ?? opts.baseUrl;
        if (!base) throw new AppError('invalid_input', 'no public address to link to: set it in the mail settings (public_url) or pass --base-url https://crm.example.com');
        if (!/^https?:\/\/[^/\s]+/i.test(base)) throw new AppError('invalid_input', '--base-url must be an http(s) address');
        return (await answer()).sendQuote(ctx, await quoteIdOf(ctx, wanted), base);
      });
      process.stdout.write(`${sent.url}\n`);
      info(`Queued ${sent.message_id}: ${sent.quote.number} (${sent.quote.status}) to the client, with the link above.`);
    });
}
