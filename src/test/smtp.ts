/**
 * A real SMTP server on loopback for tests: `smtp-server` accepts what Rapport sends and `mailparser`
 * parses it, so a test reads messages as a mail client would. No TLS, no authentication required
 * (credentials, when sent, are accepted and recorded).
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Database } from '../core/database.js';
import { deliverQueuedMail } from '../mail/deliver.js';
import { updateMailSettings } from '../mail/settings.js';

export interface TestSmtp {
  port: number;
  /** Parsed messages in the order they arrived. */
  messages: ParsedMail[];
  /** The raw RFC 5322 text of each message, in the same order (DKIM verification needs the bytes). */
  raw: Buffer[];
  /** Envelope sender, recipients and DSN envelope id (ENVID, RFC 3461) of each message, in the same order. */
  envelopes: { from: string; to: string[]; envid?: string | null }[];
  /** Usernames that authenticated. */
  logins: string[];
  /** Resolves with the first `n` messages once they arrived; rejects after the timeout (default 10 s). */
  waitFor(n: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Makes the server answer the next `count` messages with this SMTP error (e.g. 451 or 550). */
  rejectNext(count: number, code: number, message?: string): void;
  close(): Promise<void>;
}

export async function startTestSmtp(options: { parse?: boolean; /** Wait this long before answering each message (a slow server). */ delayMs?: number } = {}): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const raw: Buffer[] = [];
  const envelopes: { from: string; to: string[]; envid?: string | null }[] = [];
  const logins: string[] = [];
  const waiters: { n: number; resolve: (m: ParsedMail[]) => void }[] = [];
  let rejections: { count: number; code: number; message: string } | null = null;
  const parse = options.parse ?? true;
  let received = 0;
  const settle = () => {
    for (const w of [...waiters]) {
      if (received >= w.n) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(messages.slice(0, w.n));
      }
    }
  };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    // Announce DSN (RFC 3461), as most real servers do, so the envelope id a message is sent with is recorded.
    hideDSN: false,
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    size: 50 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      logins.push(auth.username ?? '');
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (rejections && rejections.count > 0) {
          rejections.count--;
          const error = Object.assign(new Error(rejections.message), { responseCode: rejections.code });
          return callback(error);
        }
        const bytes = Buffer.concat(chunks);
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          envid: (session.envelope as { dsn?: { envid?: string | null } }).dsn?.envid ?? null,
        };
        const done = (mail: ParsedMail | null) => {
          raw.push(bytes);
          envelopes.push(envelope);
          if (mail) messages.push(mail);
          received++;
          settle();
          const answer = () => callback(null, `queued as test-${received}`);
          if (options.delayMs) setTimeout(answer, options.delayMs);
          else answer();
        };
        if (!parse) return done(null);
        simpleParser(bytes).then(done, (error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => {});
  const port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
  return {
    port,
    messages,
    raw,
    envelopes,
    logins,
    waitFor(n, timeoutMs = 10_000) {
      if (received >= n) return Promise.resolve(messages.slice(0, n));
      return new Promise((resolve, reject) => {
        const waiter = { n, resolve: (m: ParsedMail[]) => (clearTimeout(timer), resolve(m)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`the test SMTP server received ${received} of ${n} messages in ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    rejectNext(count, code, message = code >= 500 ? 'mailbox unavailable' : 'try again later') {
      rejections = { count, code, message };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Points the outgoing-mail settings at a test SMTP server on loopback (no TLS) with a from address. */
export async function useTestSmtp(database: Database, port: number, overrides: Record<string, unknown> = {}): Promise<void> {
  await updateMailSettings(database, { host: '127.0.0.1', port, security: 'none', from_name: 'Rapport Test', from_address: 'owner@example.com', public_url: 'https://crm.example.com', ...overrides });
}

/**
 * Delivers every queued message now, as the mail worker would over its next passes: a pass that is
 * held back by the per-second sending limit (5 a second by default) is tried again in the next second.
 * Returns how many messages were settled.
 */
export async function deliverAllQueued(database: Database, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let settled = 0;
  for (;;) {
    settled += await deliverQueuedMail(database);
    const waiting = await database.db.selectFrom('messages').select('id').where('status', '=', 'queued').where('next_attempt_at', '<=', new Date().toISOString()).limit(1).execute();
    if (waiting.length === 0) return settled;
    if (Date.now() > deadline) throw new Error(`queued mail was still waiting after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
  }
}
