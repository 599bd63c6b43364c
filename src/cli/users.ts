import type { Command } from 'commander';
import { withDatabase } from './support.js';

// Services are loaded inside each action, so that `rapport --help` and other commands start fast.
const auth = () => import('../auth/service.js');

export function registerUsers(program: Command) {
  const user = program.command('user').description('the owner account');
  user
    .command('create')
    .description('create the owner account (Rapport has one)')
    .requiredOption('--email <email>', 'e-mail address to sign in with')
    .requiredOption('--password <password>', 'password, at least 10 characters')
    .action(async (opts: { email: string; password: string }) => {
      const created = await withDatabase(async (_ctx, database) => (await auth()).createOwner(database.db, { email: opts.email, password: opts.password }));
      console.log(`Created owner ${created.email} (${created.id}).`);
    });

  const token = program.command('token').description('personal API tokens');
  token
    .command('create')
    .description('create an API token and print it once')
    .requiredOption('--name <name>', 'what the token is for, e.g. "zapier"')
    .action(async (opts: { name: string }) => {
      const created = await withDatabase(async (_ctx, database) => (await auth()).createToken(database.db, opts.name));
      console.log(created.token);
      process.stderr.write(`Token ${created.name} (${created.id}) created. Copy it now: it will not be shown again.\n`);
    });
  token
    .command('list')
    .description('list API tokens (the secrets themselves are never stored)')
    .action(async () => {
      const tokens = await withDatabase(async (_ctx, database) => (await auth()).listTokens(database.db));
      if (tokens.length === 0) {
        console.log('No API tokens.');
        return;
      }
      const rows = tokens.map((t) => [t.id, t.name, `${t.prefix}…`, t.created_at.slice(0, 19).replace('T', ' '), t.last_used_at ? t.last_used_at.slice(0, 19).replace('T', ' ') : '-', t.revoked_at ? 'revoked' : 'active']);
      console.log(table(['ID', 'NAME', 'PREFIX', 'CREATED', 'LAST USED', 'STATUS'], rows));
    });
  token
    .command('revoke')
    .description('revoke an active token by id or name')
    .argument('<id-or-name>', 'token id (tok_…) or name')
    .action(async (idOrName: string) => {
      const revoked = await withDatabase(async (_ctx, database) => (await auth()).revokeToken(database.db, idOrName));
      console.log(`Revoked token ${revoked.name} (${revoked.id}).`);
    });
}

/** A plain text table with columns padded to their widest cell. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [head, ...rows].map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n');
}
