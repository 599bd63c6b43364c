import { api, type Query } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { CannedReply, Ticket, TicketDetail, TicketListItem, TicketMessage, TicketStatus } from './types';

export function useTicketList(query: Query) {
  const key = JSON.stringify(query);
  return useAsync((signal) => api.get<{ data: TicketListItem[]; next_cursor: string | null }>('/api/tickets', query, signal), [key]);
}

export function useTicket(id: string) {
  return useAsync((signal) => api.get<TicketDetail>(`/api/tickets/${encodeURIComponent(id)}`, undefined, signal), [id]);
}

export function useCannedReplies() {
  return useAsync((signal) => api.get<{ data: CannedReply[] }>('/api/canned-replies', undefined, signal).then((r) => r.data), []);
}

const path = (id: string, action = '') => `/api/tickets/${encodeURIComponent(id)}${action}`;

export const ticketsApi = {
  page: (query: Query) => api.get<{ data: TicketListItem[]; next_cursor: string | null }>('/api/tickets', query),
  reply: (id: string, body: { body_text: string; canned_reply_id?: string; status?: 'waiting' | 'resolved' | 'open' }) =>
    api.post<{ message: TicketMessage; ticket: Ticket }>(path(id, '/reply'), body),
  note: (id: string, body_text: string) => api.post<TicketMessage>(path(id, '/note'), { body_text }),
  status: (id: string, status: TicketStatus, snoozed_until?: string) => api.post<Ticket>(path(id, '/status'), { status, ...(snoozed_until ? { snoozed_until } : {}) }),
  attachmentUrl: (id: string, attachmentId: string) => path(id, `/attachments/${encodeURIComponent(attachmentId)}`),
  messageHtmlUrl: (id: string, messageId: string, images: boolean) => path(id, `/messages/${encodeURIComponent(messageId)}/html${images ? '?images=true' : ''}`),
};
