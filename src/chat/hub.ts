/**
 * Live delivery of chat messages: visitors listen to their conversation, the owner's open web app
 * listens to all. Messages are stored first; the hub only pushes what was committed, and a client that
 * reconnects asks for what it missed (by the last message id it saw). A message written in this process
 * is pushed at once; one written by another server process reaches this hub through the relay
 * (relay.ts), and who is connected anywhere is known from the presence rows (presence.ts). Each message
 * is pushed once per hub, whichever way it came first.
 */
import type { Database } from '../core/database.js';
import { ChatPresence, ownerScope } from './presence.js';
import { ChatRelay } from './relay.js';
import type { ChatConversation, ChatMessage } from './shapes.js';

export interface ChatPush {
  type: 'message' | 'conversation' | 'typing';
  conversation_id: string;
  data: Record<string, unknown>;
}

type Listener = (push: ChatPush) => void;

/** A listener's registration: `ready` once other processes can see it, `stop` to leave. */
export interface Listening {
  ready: Promise<void>;
  stop(): void;
}

/** How long a delivered message id is remembered (longer than the relay's look-back). */
const rememberMs = 60_000;

export class ChatHub {
  private readonly visitors = new Map<string, Set<Listener>>();
  private readonly owners = new Set<Listener>();
  private readonly sent = new Map<string, number>();
  private readonly presence: ChatPresence;
  private relay: ChatRelay | null = null;

  constructor(private readonly database: Database) {
    this.presence = new ChatPresence(database.db);
  }

  listenVisitor(conversationId: string, listener: Listener): Listening {
    let set = this.visitors.get(conversationId);
    if (!set) this.visitors.set(conversationId, (set = new Set()));
    const first = set.size === 0;
    set.add(listener);
    return this.listening(
      first ? conversationId : null,
      () => {
        set!.delete(listener);
        if (set!.size > 0 || this.visitors.get(conversationId) !== set) return false;
        this.visitors.delete(conversationId);
        return true;
      },
      conversationId,
    );
  }

  listenOwner(listener: Listener): Listening {
    const first = this.owners.size === 0;
    this.owners.add(listener);
    return this.listening(first ? ownerScope : null, () => this.owners.delete(listener) && this.owners.size === 0, ownerScope);
  }

  private listening(newScope: string | null, leave: () => boolean, scope: string): Listening {
    if (!this.relay) {
      this.relay = new ChatRelay(this.database, {
        wants: (id) => this.owners.size > 0 || this.visitors.has(id),
        ownerHere: () => this.owners.size > 0,
        delivered: (id) => this.sent.has(id),
        publish: (message, conversation) => this.publish(message, conversation),
      });
      this.relay.start();
    }
    const ready = newScope ? this.presence.hold(newScope) : Promise.resolve();
    let stopped = false;
    return {
      ready,
      stop: () => {
        if (stopped) return;
        stopped = true;
        if (leave()) this.presence.release(scope);
        if (this.owners.size === 0 && this.visitors.size === 0 && this.relay) {
          void this.relay.stop();
          this.relay = null;
        }
      },
    };
  }

  /** Whether the owner has the web app open anywhere (then the widget offers a live chat, else it asks for an address). */
  async ownerOnline(): Promise<boolean> {
    return (await this.presence.online([ownerScope])).size > 0;
  }

  /** The conversations among `ids` whose visitor has the chat open (on any process). */
  visitorsOnline(ids: string[]): Promise<Set<string>> {
    return this.presence.online(ids);
  }

  /**
   * Pushes a stored message to its visitor and to the owner, once. With `conversation` (the chat's first
   * message) the owner hears of a new chat.
   */
  publish(message: ChatMessage, conversation?: ChatConversation): void {
    if (this.sent.has(message.id)) return;
    const now = Date.now();
    this.sent.set(message.id, now);
    if (this.sent.size % 256 === 0)
      for (const [id, at] of this.sent) {
        if (at >= now - rememberMs) break;
        this.sent.delete(id);
      }
    const push: ChatPush = { type: 'message', conversation_id: message.conversation_id, data: { message } };
    for (const l of this.visitors.get(message.conversation_id) ?? []) l(push);
    const toOwner = conversation ? { type: 'conversation' as const, conversation_id: message.conversation_id, data: { conversation, message } } : push;
    for (const l of this.owners) l(toOwner);
  }

  connections(): { visitors: number; owners: number } {
    let visitors = 0;
    for (const s of this.visitors.values()) visitors += s.size;
    return { visitors, owners: this.owners.size };
  }
}

/** One hub per database handle (a test may run several apps in one process). */
const hubs = new WeakMap<Database, ChatHub>();
export function hubOf(database: Database): ChatHub {
  let hub = hubs.get(database);
  if (!hub) hubs.set(database, (hub = new ChatHub(database)));
  return hub;
}
