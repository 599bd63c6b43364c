/**
 * Support mailboxes fetched over IMAP (imapflow): settings with the password sealed like the SMTP
 * password, a connection test, and a fetch of everything above the last UID taken (per UIDVALIDITY, so a
 * message is never fetched twice; a server that renumbered its mailbox is read again and duplicates are
 * caught by Message-ID). Mail over the size limit is refused from its size and headers alone. Each
 * mailbox is fetched every minute by the job schedule, and at once when a server offering IDLE reports
 * new mail.
 */
import { z } from '@hono/zod-openapi';
import { ImapFlow } from 'imapflow';
import type { Database, Db } from '../core/database.js';
import { toBool } from '../core/database.js';
import { invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { seal, unseal } from '../mail/sealed.js';
import { isLoopbackHost } from '../mail/settings.js';
import { issuesToFields } from '../records/validation.js';
import { maxInboundBytes, processInboundBatch, type InboundResult } from './pipeline.js';

const passwordPurpose = 'inbound imap password';

const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !/[\r\n]/.test(v), { message: 'must be one line (no CR or LF)' });

const mailboxFields = {
  name: oneLine(200).min(1),
  address: z.email({ message: 'not an email address' }).max(254).openapi({ description: 'The support address this mailbox receives (replies go out from the default sender)' }),
  host: oneLine(255).min(1),
  port: z.number().int().min(1).max(65535),
  security: z.enum(['tls', 'starttls', 'none']).openapi({ description: '`tls` (port 993), `starttls` (port 143), `none` only for a loopback host' }),
  username: oneLine(255).min(1),
  password: z.string().min(1).max(1000).openapi({ description: 'Stored sealed, never returned' }),
  folder: oneLine(255).min(1),
  enabled: z.boolean(),
};
export const mailboxInputSchema = z
  .object({
    ...mailboxFields,
    port: mailboxFields.port.default(993),
    security: mailboxFields.security.default('tls'),
    folder: mailboxFields.folder.default('INBOX'),
    enabled: mailboxFields.enabled.default(true),
  })
  .strict()
  .openapi('MailboxInput');
/** A change: only the settings named change (no defaults, which would reset what was left out). */
export const mailboxPatchSchema = z.object(mailboxFields).partial().strict().openapi('MailboxPatch');

export const mailboxSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    address: z.string(),
    host: z.string(),
    port: z.number().int(),
    security: z.enum(['tls', 'starttls', 'none']),
    username: z.string(),
    password_set: z.boolean(),
    folder: z.string(),
    enabled: z.boolean(),
    last_uid: z.number().int(),
    last_polled_at: z.string().nullable(),
    last_error: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Mailbox');
export type Mailbox = z.infer<typeof mailboxSchema>;

const toMailbox = (r: Record<string, unknown>): Mailbox => ({
  id: r.id as string,
  name: r.name as string,
  address: r.address as string,
  host: r.host as string,
  port: Number(r.port),
  security: r.security as Mailbox['security'],
  username: r.username as string,
  password_set: !!r.password_sealed,
  folder: r.folder as string,
  enabled: !!toBool(r.enabled),
  last_uid: Number(r.last_uid),
  last_polled_at: (r.last_polled_at as string) ?? null,
  last_error: (r.last_error as string) ?? null,
  created_at: r.created_at as string,
  updated_at: r.updated_at as string,
});

function checkSecurity(host: string, security: string) {
  if (security === 'none' && !isLoopbackHost(host)) throw invalid('IMAP without TLS is only allowed to a loopback host', { security: ['use tls or starttls for a remote server'] });
}

export async function listMailboxes(db: Db): Promise<Mailbox[]> {
  return (await db.selectFrom('mailboxes').selectAll().orderBy('created_at').orderBy('id').execute()).map(toMailbox);
}

export async function getMailbox(db: Db, id: string): Promise<Mailbox> {
  const row = await db.selectFrom('mailboxes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('mailbox', id);
  return toMailbox(row);
}

export async function createMailbox(db: Db, body: unknown): Promise<Mailbox> {
  const parsed = mailboxInputSchema.safeParse(body);
  if (!parsed.success) throw invalid('the mailbox settings are not valid', issuesToFields(parsed.error.issues));
  const m = parsed.data;
  checkSecurity(m.host, m.security);
  const now = new Date().toISOString();
  const id = newId('mailbox');
  await db
    .insertInto('mailboxes')
    .values({
      id,
      name: m.name,
      address: m.address.toLowerCase(),
      host: m.host.trim(),
      port: m.port,
      security: m.security,
      username: m.username,
      password_sealed: await seal(db, passwordPurpose, m.password),
      folder: m.folder,
      enabled: m.enabled ? 1 : 0,
      uid_validity: null,
      last_uid: 0,
      last_polled_at: null,
      last_error: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return getMailbox(db, id);
}

export async function updateMailbox(db: Db, id: string, body: unknown): Promise<Mailbox> {
  const existing = await getMailbox(db, id);
  const parsed = mailboxPatchSchema.safeParse(body);
  if (!parsed.success) throw invalid('the mailbox settings are not valid', issuesToFields(parsed.error.issues));
  const m = parsed.data;
  checkSecurity(m.host ?? existing.host, m.security ?? existing.security);
  const set: Record<string, unknown> = { updated_at: new Date().toISOString() };
  for (const key of ['name', 'host', 'port', 'security', 'username', 'folder'] as const) if (m[key] !== undefined) set[key] = m[key];
  if (m.address !== undefined) set.address = m.address.toLowerCase();
  if (m.enabled !== undefined) set.enabled = m.enabled ? 1 : 0;
  if (m.password !== undefined) set.password_sealed = await seal(db, passwordPurpose, m.password);
  // Another server or folder: its UIDs start over.
  if ((m.host && m.host !== existing.host) || (m.folder && m.folder !== existing.folder) || (m.username && m.username !== existing.username)) Object.assign(set, { uid_validity: null, last_uid: 0 });
  await db.updateTable('mailboxes').set(set).where('id', '=', id).execute();
  return getMailbox(db, id);
}

export async function deleteMailbox(db: Db, id: string): Promise<void> {
  await getMailbox(db, id);
  await db.deleteFrom('mailboxes').where('id', '=', id).execute();
}

interface ConnectionSettings {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username: string;
  password: string;
}

function client(s: ConnectionSettings): ImapFlow {
  return new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    doSTARTTLS: s.security === 'starttls' ? true : s.security === 'none' ? false : undefined,
    auth: { user: s.username, pass: s.password },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 120_000,
  });
}

async function settingsOf(db: Db, id: string): Promise<ConnectionSettings & { folder: string; address: string; last_uid: number; uid_validity: string | null }> {
  const row = await db.selectFrom('mailboxes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('mailbox', id);
  return {
    host: row.host as string,
    port: Number(row.port),
    security: row.security as ConnectionSettings['security'],
    username: row.username as string,
    password: await unseal(db, passwordPurpose, row.password_sealed as string),
    folder: row.folder as string,
    address: row.address as string,
    last_uid: Number(row.last_uid),
    uid_validity: (row.uid_validity as string) ?? null,
  };
}

/** Logs in and opens the folder; the answer says what the server offers or why it failed. */
export async function testMailbox(db: Db, id: string): Promise<{ ok: boolean; messages?: number; idle?: boolean; error?: string }> {
  const s = await settingsOf(db, id);
  const c = client(s);
  c.on('error', () => {});
  try {
    await c.connect();
    const box = await c.mailboxOpen(s.folder, { readOnly: true });
    const idle = c.capabilities.has('IDLE');
    await c.logout();
    return { ok: true, messages: box.exists, idle };
  } catch (error) {
    c.close();
    return { ok: false, error: describe(error) };
  }
}

const describe = (error: unknown) => {
  const e = error as { responseText?: string; message?: string; code?: string };
  return (e.responseText || e.message || String(error)).slice(0, 500) + (e.code ? ` (${e.code})` : '');
};

export interface PollResult {
  mailbox_id: string;
  fetched: number;
  results: InboundResult[];
  error?: string;
}

/** Fetches every message above the last UID taken and passes each through the inbound pipeline. */
export async function pollMailbox(database: Database, id: string, existing?: ImapFlow): Promise<PollResult> {
  const db = database.db;
  const s = await settingsOf(db, id);
  const c = existing ?? client(s);
  c.on('error', () => {});
  const results: InboundResult[] = [];
  try {
    if (!existing) await c.connect();
    const lock = await c.getMailboxLock(s.folder);
    try {
      const box = c.mailbox;
      const validity = box ? String(box.uidValidity) : null;
      let lastUid = s.last_uid;
      if (validity && s.uid_validity && validity !== s.uid_validity) lastUid = 0;
      if (validity !== s.uid_validity) await db.updateTable('mailboxes').set({ uid_validity: validity, last_uid: lastUid }).where('id', '=', id).execute();
      // No shortcut through UIDNEXT: on a connection kept open for IDLE it is stale after an EXISTS.
      if (box && box.exists > 0) {
        // Sizes first, so a message over the limit is never downloaded whole.
        const sizes: { uid: number; size: number }[] = [];
        for await (const m of c.fetch(`${lastUid + 1}:*`, { uid: true, size: true }, { uid: true })) if (m.uid > lastUid) sizes.push({ uid: m.uid, size: m.size ?? 0 });
        sizes.sort((a, b) => a.uid - b.uid);
        // Downloaded a batch at a time (at most 25 messages or 20 MB), then stored in UID order in one transaction.
        for (let i = 0; i < sizes.length;) {
          const batch: typeof sizes = [];
          let bytes = 0;
          while (i < sizes.length && batch.length < 25 && (batch.length === 0 || bytes + Math.min(sizes[i].size, maxInboundBytes) <= 20 * 1024 * 1024)) {
            bytes += Math.min(sizes[i].size, maxInboundBytes);
            batch.push(sizes[i++]);
          }
          const small = batch.filter((m) => m.size <= maxInboundBytes).map((m) => m.uid);
          const large = batch.filter((m) => m.size > maxInboundBytes).map((m) => m.uid);
          const raws = new Map<number, Buffer>();
          if (small.length) for await (const m of c.fetch(small.join(','), { uid: true, source: true }, { uid: true })) if (m.source) raws.set(m.uid, m.source);
          if (large.length) for await (const m of c.fetch(large.join(','), { uid: true, headers: true }, { uid: true })) if (m.headers) raws.set(m.uid, m.headers);
          const items = batch.map(({ uid, size }) => {
            const raw = raws.get(uid) ?? Buffer.alloc(0);
            const onStored = async (trx: Db) => {
              await trx.updateTable('mailboxes').set({ last_uid: uid }).where('id', '=', id).execute();
            };
            return { raw, size: Math.max(size, raw.length), from: { source: `imap:${id}`, mailboxId: id, address: s.address, onStored } };
          });
          await processInboundBatch(database, items, (r) => results.push(r));
        }
      }
    } finally {
      lock.release();
    }
    if (!existing) await c.logout();
    await db.updateTable('mailboxes').set({ last_polled_at: new Date().toISOString(), last_error: null }).where('id', '=', id).execute();
    return { mailbox_id: id, fetched: results.length, results };
  } catch (error) {
    if (!existing) c.close();
    const message = describe(error);
    await db.updateTable('mailboxes').set({ last_polled_at: new Date().toISOString(), last_error: message }).where('id', '=', id).execute();
    return { mailbox_id: id, fetched: results.length, results, error: message };
  }
}

/** Fetches every enabled mailbox (the every-minute schedule). */
export async function pollAllMailboxes(database: Database): Promise<PollResult[]> {
  const boxes = await database.db.selectFrom('mailboxes').select('id').where('enabled', '=', 1).execute();
  const out: PollResult[] = [];
  for (const b of boxes) out.push(await pollMailbox(database, b.id as string));
  return out;
}

export interface MailboxWatcher {
  stop(): Promise<void>;
}

/**
 * Keeps a connection to a mailbox open and fetches as soon as the server reports new mail (IDLE);
 * a server without IDLE is left to the every-minute fetch. Reconnects after a dropped connection.
 */
export function watchMailbox(database: Database, id: string, options: { onFetched?: (r: PollResult) => void; retryMs?: number } = {}): MailboxWatcher {
  let stopped = false;
  let current: ImapFlow | null = null;
  let running: Promise<void> = Promise.resolve();
  const loop = async () => {
    while (!stopped) {
      try {
        const s = await settingsOf(database.db, id);
        const c = client(s);
        current = c;
        c.on('error', () => {});
        await c.connect();
        if (!c.capabilities.has('IDLE')) {
          await c.logout();
          return;
        }
        let busy = Promise.resolve();
        const fetchNow = () => {
          busy = busy.then(async () => {
            if (stopped) return;
            const r = await pollMailbox(database, id, c);
            options.onFetched?.(r);
            // Back to IDLE: the server pushes EXISTS when new mail arrives.
            if (!stopped) c.idle().catch(() => {});
          });
        };
        c.on('exists', fetchNow);
        await c.mailboxOpen(s.folder);
        fetchNow();
        await new Promise<void>((resolve) => c.once('close', () => resolve()));
      } catch {
        // dropped or refused: try again below
      }
      if (!stopped) await new Promise((r) => setTimeout(r, options.retryMs ?? 30_000));
    }
  };
  running = loop();
  return {
    async stop() {
      stopped = true;
      try {
        await current?.logout();
      } catch {
        current?.close();
      }
      await Promise.race([running, new Promise((r) => setTimeout(r, 3000))]);
    },
  };
}
