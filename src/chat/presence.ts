/**
 * Who is connected, across server processes: each process keeps a row in chat_presence for each scope
 * it holds a stream of ('owner' for the owner's web app, or a conversation id for a visitor), with an
 * expiry it moves forward every few seconds while it runs. A process that dies stops moving its
 * expiries, so its rows stop counting within `ttlMs` (and are cleared by the others later).
 */
import { randomToken } from '../auth/secrets.js';
import type { Db } from '../core/database.js';
import { insertOrIgnore } from '../core/dialect.js';
import { thisProcess } from '../core/liveness.js';

export const ownerScope = 'owner';
/** How long a row counts without being renewed. */
const ttlMs = 30_000;
const renewMs = 10_000;

export class ChatPresence {
  /** host:pid plus a random part: two apps on one process (tests) are two holders. */
  private readonly name = `${thisProcess()}:${randomToken(4)}`.slice(0, 255);
  private readonly held = new Set<string>();
  private writes: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Db) {}

  /** Notes that this process holds a stream of `scope`; resolves once the row is stored. */
  hold(scope: string): Promise<void> {
    this.held.add(scope);
    if (!this.timer) {
      this.timer = setInterval(() => void this.renew(), renewMs);
      this.timer.unref();
    }
    return this.write(async () => {
      const row = { process: this.name, scope, expires_at: expiry() };
      await insertOrIgnore(this.db, 'chat_presence', row, ['process', 'scope']);
      await this.db.updateTable('chat_presence').set({ expires_at: row.expires_at }).where('process', '=', this.name).where('scope', '=', scope).execute();
    });
  }

  /** This process no longer holds `scope`. */
  release(scope: string): void {
    this.held.delete(scope);
    if (this.held.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    void this.write(() => this.db.deleteFrom('chat_presence').where('process', '=', this.name).where('scope', '=', scope).execute());
  }

  /** The scopes among `scopes` held by this or any other live process. */
  async online(scopes: string[]): Promise<Set<string>> {
    const found = new Set(scopes.filter((s) => this.held.has(s)));
    const others = scopes.filter((s) => !found.has(s));
    for (let i = 0; i < others.length; i += 500) {
      const rows = await this.db
        .selectFrom('chat_presence')
        .select('scope')
        .distinct()
        .where('scope', 'in', others.slice(i, i + 500))
        .where('expires_at', '>', new Date().toISOString())
        .execute();
      for (const r of rows) found.add(r.scope as string);
    }
    return found;
  }

  private renew(): Promise<void> {
    return this.write(async () => {
      await this.db.updateTable('chat_presence').set({ expires_at: expiry() }).where('process', '=', this.name).execute();
      await this.db
        .deleteFrom('chat_presence')
        .where('expires_at', '<', new Date(Date.now() - ttlMs).toISOString())
        .execute();
    });
  }

  /** Presence writes run one at a time, in order (a quick connect and disconnect must end without a row). */
  private write(fn: () => Promise<unknown>): Promise<void> {
    const next = this.writes.then(fn).catch(() => undefined);
    this.writes = next;
    return next.then(() => undefined);
  }
}

const expiry = () => new Date(Date.now() + ttlMs).toISOString();
