import { useEffect, useRef } from 'react';
import { api } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { ChatConversation, ChatMessage, ChatSite } from './types';

export function useConversations(status: string, version: number) {
  return useAsync((signal) => api.get<{ data: ChatConversation[]; owner_online: boolean }>('/api/chat/conversations', { status: status || undefined, limit: 100 }, signal), [status, version]);
}

export function useConversation(id: string | null) {
  return useAsync(
    (signal) => (id ? api.get<{ conversation: ChatConversation; messages: ChatMessage[] }>(`/api/chat/conversations/${encodeURIComponent(id)}`, undefined, signal) : Promise.resolve(null)),
    [id],
  );
}

export function useSites(version: number) {
  return useAsync((signal) => api.get<{ data: ChatSite[] }>('/api/chat/sites', undefined, signal).then((r) => r.data), [version]);
}

export const chatApi = {
  reply: (id: string, body: string) => api.post<{ message: ChatMessage; emailed: boolean }>(`/api/chat/conversations/${encodeURIComponent(id)}/messages`, { body }),
  resolve: (id: string) => api.post<ChatConversation>(`/api/chat/conversations/${encodeURIComponent(id)}/resolve`, {}),
  createSite: (body: { name: string; allowed_origins: string[]; greeting?: string | null }) => api.post<ChatSite>('/api/chat/sites', body),
};

export interface ChatPush {
  type: 'message' | 'conversation';
  conversation_id: string;
  message?: ChatMessage;
  conversation?: ChatConversation;
}

/**
 * The owner's live stream (`/api/chat/stream`, Server-Sent Events with the session cookie). While it
 * is open the owner counts as online, so visitors get a live chat instead of an email form.
 */
export function useChatStream(onPush: (push: ChatPush) => void) {
  const handler = useRef(onPush);
  handler.current = onPush;
  useEffect(() => {
    const source = new EventSource('/api/chat/stream');
    source.addEventListener('message', (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as ChatPush;
      handler.current(data);
    });
    return () => source.close();
  }, []);
}

/** A short two-tone chime made with Web Audio (no sound file to load). */
export function chime() {
  try {
    const ctx = new AudioContext();
    const now = ctx.currentTime;
    for (const [i, freq] of [880, 1320].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.12, now + i * 0.15);
      gain.gain.exponentialRampToValueAtTime(0.001, now + i * 0.15 + 0.25);
      osc.connect(gain).connect(ctx.destination);
      osc.start(now + i * 0.15);
      osc.stop(now + i * 0.15 + 0.3);
    }
    setTimeout(() => void ctx.close(), 1000);
  } catch {
    // no audio available
  }
}
