import type { Command } from 'commander';
import { positiveInteger, withDatabase } from './support.js';

/** `rapport today`: the Today list in the terminal (as GET /api/today). */
export function registerToday(program: Command) {
  program
    .command('today')
    .description('what to do now, ranked by money at stake (tab-separated: expected value, currency, kind, title, reason)')
    .option('--limit <n>', 'at most this many items', '20')
    .option('--json', 'the whole answer of GET /api/today as JSON')
    .action(async (opts: { limit: string; json?: boolean }) => {
      const limit = positiveInteger(opts.limit, '--limit');
      await withDatabase(async (ctx) => {
        const { loadToday } = await import('../today/load.js');
        const today = await loadToday(ctx.database.db, new Date(), { limit: Math.min(limit, 200) });
        if (opts.json) {
          process.stdout.write(JSON.stringify(today, null, 2) + '\n');
          return;
        }
        for (const item of today.items) process.stdout.write([item.expected_value.toFixed(2), item.currency, item.kind, item.title, item.reason].join('\t') + '\n');
        if (today.items.length === 0) process.stderr.write(`Nothing at stake today (${today.today}, ${today.time_zone}).\n`);
      });
    });
}
