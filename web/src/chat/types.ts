import type { components } from '../lib/api-types';

export type ChatSite = components['schemas']['ChatSite'];
export type ChatConversation = components['schemas']['ChatConversation'];
export type ChatMessage = components['schemas']['ChatMessage'];
