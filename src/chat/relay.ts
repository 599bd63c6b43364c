/**
 * Chat messages written by other server processes, found and handed to this process's hub. Every
 * message is stored before it is pushed, so the table is the channel: while this process holds any
 * stream, it scans the messages stored in the last few seconds by their time (index on created_at) and
 * passes on those its hub has not delivered yet. On PostgreSQL every message write NOTIFYs (see
 * `chatChannel`), which starts a scan at once; elsewhere (MariaDB, SQLite shared by several processes)
 * a scan runs every `fastMs`. The look-back covers a transaction that commits a little after the time
 * it stamped on its message, and clocks of different hosts a little apart (keep them in sync).
 */
import type { Database } from '../core/database.js';
import { startPoller, type Poller } from '../core/poller.js';
import { listenForWakeups } from '../core/wakeups.js';
import { conversationOf, messageOf, type ChatConversation, type ChatMessage } from './shapes.js';

/** The NOTIFY channel of chat message writes. */
export const chatChannel = 'rapport_chat';
const lookbackMs = 5_000;
/** Scan interval without NOTIFY. */
const fastMs = 200;
/** Scan interval with NOTIFY (a safety net for a lost notification). */
const slowMs = 2_000;

export interface RelayTarget {
  /** Whether a message of this conversation has anyone to go to here. */
  wants(conversationId: string): boolean;
  /** Whether the owner's stream is held here (then new chats are announced with their conversation). */
  ownerHere(): boolean;
  delivered(messageId: string): boolean;
  publish(message: ChatMessage, conversation?: ChatConversation): void;
}

export class ChatRelay {
  private poller: Poller | null = null;
  private unlisten: Promise<(() => Promise<void>) | null> = Promise.resolve(null);
  private listening = false;
  private woken = false;
  private lastScan = 0;
  private scanFrom = Date.now();
  /** Ids already looked at in the look-back window, with their time. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly database: Database,
    private readonly target: RelayTarget,
  ) {}

  start(): void {
    this.poller = startPoller(() => this.pass(), fastMs);
    this.unlisten = listenForWakeups(
      this.database,
      chatChannel,
      () => {
        this.woken = true;
        this.poller?.nudge();
      },
      () => (this.listening = false),
    ).then(
      (stop) => {
        this.listening = !!stop;
        return stop;
      },
      () => null,
    );
  }

  async stop(): Promise<void> {
    const poller = this.poller;
    this.poller = null;
    await poller?.stop();
    const stop = await this.unlisten;
    await stop?.();
  }

  private async pass(): Promise<void> {
    const now = Date.now();
    if (this.listening && !this.woken && now - this.lastScan < slowMs) return;
    this.woken = false;
    this.lastScan = now;
    try {
      await this.scan(now);
    } catch {
      // The database is busy or gone for a moment; the next pass scans the same window again.
    }
  }

  private async scan(now: number): Promise<void> {
    const db = this.database.db;
    const since = this.scanFrom - lookbackMs;
    const rows = await db.selectFrom('chat_messages').select(['id', 'conversation_id', 'created_at']).where('created_at', '>=', new Date(since).toISOString()).execute();
    this.scanFrom = now;
    const fresh: string[] = [];
    for (const r of rows) {
      const id = r.id as string;
      if (this.seen.has(id)) continue;
      this.seen.set(id, Date.parse(r.created_at as string));
      if (!this.target.delivered(id) && this.target.wants(r.conversation_id as string)) fresh.push(id);
    }
    for (const [id, at] of this.seen) if (at < since) this.seen.delete(id);
    if (fresh.length === 0) return;
    const messages = (await db.selectFrom('chat_messages').selectAll().where('id', 'in', fresh).orderBy('created_at').orderBy('id').execute()).map(messageOf);
    // A chat's first message announces the chat itself to the owner.
    const starts = this.target.ownerHere() ? messages.filter((m) => m.direction === 'in').map((m) => m.conversation_id) : [];
    const conversations = new Map<string, ChatConversation>();
    if (starts.length)
      for (const r of await db
        .selectFrom('chat_conversations')
        .selectAll()
        .where('id', 'in', [...new Set(starts)])
        .execute())
        conversations.set(r.id as string, conversationOf(r, true));
    for (const m of messages) {
      const c = conversations.get(m.conversation_id);
      this.target.publish(m, c && c.created_at === m.created_at && m.direction === 'in' ? c : undefined);
    }
  }
}
