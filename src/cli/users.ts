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
    .requiredOption('--password <password>', 'password: at least 10 characters, and not one of the 50,000 most common')
    .action(async (opts: { email: string; password: string }) => {
      const created = await withDatabase(async (_ctx, database) => (await auth()).createOwner(database.db, { email: opts.email, password: opts.password }));
      console.log(`Created owner ${created.email} (${created.id}).`);
    });
  user
    .command('unlock')
    .description('clear every failed-login lock (on the account and on client addresses)')
    .action(async () => {
      const locked = await withDatabase(async (_ctx, database) => (await auth()).unlockLogins(database.db));
      console.log(locked ? `Cleared ${locked} login lock${locked === 1 ? '' : 's'}.` : 'No login was locked; attempt counts cleared.');
    });

  const token = program.command('token').description('personal API tokens');
  token
    .command('create')
    .description('create an API token and print it once')
    .requiredOption('--name <name>', 'what the token is for, e.g. "zapier"')
    .option('--expires-in-days <days>', 'the token stops working after this many days (default: until revoked)')
    .option('--can-create-tokens', 'let requests made with this token create further tokens')
    .action(async (opts: { name: string; expiresInDays?: string; canCreateTokens?: boolean }) => {
      const expiresInDays = opts.expiresInDays === undefined ? undefined : Number(opts.expiresInDays);
      const created = await withDatabase(async (_ctx, database) => (await auth()).createToken(database.db, opts.name, { expiresInDays, canCreateTokens: opts.canCreateTokens }));
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
      const when = (at: string | null) => (at ? at.slice(0, 19).replace('T', ' ') : '-');
      const now = new Date().toISOString();
      const status = (t: (typeof tokens)[number]) => (t.revoked_at ? 'revoked' : t.expires_at && t.expires_at <= now ? 'expired' : 'active');
      const rows = tokens.map((t) => [t.id, t.name, `${t.prefix}…`, when(t.created_at), when(t.last_used_at), when(t.expires_at), t.can_create_tokens ? 'yes' : 'no', status(t)]);
      console.log(table(['ID', 'NAME', 'PREFIX', 'CREATED', 'LAST USED', 'EXPIRES', 'MINTS TOKENS', 'STATUS'], rows));
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
