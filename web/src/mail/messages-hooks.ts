import { api } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { MailBounce, Message, MessageDetail, MessageStatus } from './types';

export function useMessages(status: MessageStatus | '') {
  return useAsync((signal) => api.get<{ data: Message[]; next_cursor: string | null }>('/api/messages', { limit: 100, ...(status ? { status } : {}) }, signal).then((r) => r.data), [status]);
}

export function useMessage(id: string) {
  return useAsync(
    async (signal) => {
      const [message, bounces] = await Promise.all([
        api.get<MessageDetail>(`/api/messages/${encodeURIComponent(id)}`, undefined, signal),
        api.get<{ data: MailBounce[] }>(`/api/messages/${encodeURIComponent(id)}/bounces`, undefined, signal).then((r) => r.data),
      ]);
      return { message, bounces };
    },
    [id],
  );
}
