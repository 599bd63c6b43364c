/** The shapes of chat messages and conversations in the API, and rows turned into them. */
import { z } from '@hono/zod-openapi';

export const chatMessageSchema = z
  .object({
    id: z.string(),
    conversation_id: z.string(),
    direction: z.enum(['in', 'out', 'system']),
    kind: z.enum(['text', 'csat', 'email_notice']),
    body: z.string(),
    created_at: z.string(),
  })
  .openapi('ChatMessage');
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const chatConversationSchema = z
  .object({
    id: z.string(),
    site_id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    customer_id: z.string().nullable(),
    ticket_id: z.string().nullable(),
    status: z.enum(['open', 'closed']),
    origin: z.string().nullable(),
    visitor_online: z.boolean(),
    created_at: z.string(),
    last_message_at: z.string(),
  })
  .openapi('ChatConversation');
export type ChatConversation = z.infer<typeof chatConversationSchema>;

export const messageOf = (r: Record<string, unknown>): ChatMessage => ({
  id: r.id as string,
  conversation_id: r.conversation_id as string,
  direction: r.direction as ChatMessage['direction'],
  kind: r.kind as ChatMessage['kind'],
  body: r.body as string,
  created_at: r.created_at as string,
});

export function conversationOf(r: Record<string, unknown>, visitorOnline = false): ChatConversation {
  return {
    id: r.id as string,
    site_id: r.site_id as string,
    name: (r.name as string | null) ?? null,
    email: (r.email as string | null) ?? null,
    customer_id: (r.customer_id as string | null) ?? null,
    ticket_id: (r.ticket_id as string | null) ?? null,
    status: r.status as 'open' | 'closed',
    origin: (r.origin as string | null) ?? null,
    visitor_online: visitorOnline,
    created_at: r.created_at as string,
    last_message_at: r.last_message_at as string,
  };
}
