import { api, type CannedReplyInput, type InboundToken, type InboundTokenCreated, type Mailbox, type MailboxFetch, type MailboxInput, type MailboxTest, type SlaSettings } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { CannedReply } from './types';

/** What the mailbox form sends: on an existing mailbox an empty password keeps the stored one. */
export type MailboxSubmit = Omit<MailboxInput, 'password'> & { password?: string };

export function useMailboxes() {
  return useAsync((signal) => api.get<{ data: Mailbox[] }>('/api/mailboxes', undefined, signal).then((r) => r.data), []);
}

export function useInboundTokens() {
  return useAsync((signal) => api.get<{ data: InboundToken[] }>('/api/inbound/tokens', undefined, signal).then((r) => r.data), []);
}

export function useSlaSettings() {
  return useAsync((signal) => api.get<SlaSettings>('/api/tickets/settings', undefined, signal), []);
}

const mailboxPath = (id: string, action = '') => `/api/mailboxes/${encodeURIComponent(id)}${action}`;

export const supportApi = {
  createMailbox: (body: MailboxInput) => api.post<Mailbox>('/api/mailboxes', body),
  updateMailbox: (id: string, body: MailboxSubmit) => api.patch<Mailbox>(mailboxPath(id), body),
  removeMailbox: (id: string) => api.del(mailboxPath(id)),
  testMailbox: (id: string) => api.post<MailboxTest>(mailboxPath(id, '/test'), {}),
  fetchMailbox: (id: string) => api.post<MailboxFetch>(mailboxPath(id, '/fetch'), {}),
  createToken: (name: string) => api.post<InboundTokenCreated>('/api/inbound/tokens', { name }),
  revokeToken: (id: string) => api.del(`/api/inbound/tokens/${encodeURIComponent(id)}`),
  saveSla: (body: SlaSettings) => api.put<SlaSettings>('/api/tickets/settings', body),
  createCanned: (body: CannedReplyInput) => api.post<CannedReply>('/api/canned-replies', body),
  updateCanned: (id: string, body: CannedReplyInput) => api.put<CannedReply>(`/api/canned-replies/${encodeURIComponent(id)}`, body),
  removeCanned: (id: string) => api.del(`/api/canned-replies/${encodeURIComponent(id)}`),
};
