/**
 * Live delivery of chat messages inside one server process: visitors listen to their conversation,
 * the owner's open web app listens to all. Messages are stored first; the hub only pushes what was
 * committed, and a client that reconnects asks for what it missed (by the last message id it saw).
 */
export interface ChatPush {
  type: 'message' | 'conversation' | 'typing';
  conversation_id: string;
  data: Record<string, unknown>;
}

type Listener = (push: ChatPush) => void;

export class ChatHub {
  private readonly visitors = new Map<string, Set<Listener>>();
  private readonly owners = new Set<Listener>();

  listenVisitor(conversationId: string, listener: Listener): () => void {
    let set = this.visitors.get(conversationId);
    if (!set) this.visitors.set(conversationId, (set = new Set()));
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (set!.size === 0) this.visitors.delete(conversationId);
    };
  }

  listenOwner(listener: Listener): () => void {
    this.owners.add(listener);
    return () => this.owners.delete(listener);
  }

  /** Whether the owner has the web app open (then the widget offers a live chat, else it asks for an address). */
  ownerOnline(): boolean {
    return this.owners.size > 0;
  }

  visitorConnected(conversationId: string): boolean {
    return (this.visitors.get(conversationId)?.size ?? 0) > 0;
  }

  toVisitor(push: ChatPush): void {
    for (const l of this.visitors.get(push.conversation_id) ?? []) l(push);
  }

  toOwner(push: ChatPush): void {
    for (const l of this.owners) l(push);
  }

  connections(): { visitors: number; owners: number } {
    let visitors = 0;
    for (const s of this.visitors.values()) visitors += s.size;
    return { visitors, owners: this.owners.size };
  }
}

/** One hub per database handle (a test may run several apps in one process). */
const hubs = new WeakMap<object, ChatHub>();
export function hubOf(key: object): ChatHub {
  let hub = hubs.get(key);
  if (!hub) hubs.set(key, (hub = new ChatHub()));
  return hub;
}
