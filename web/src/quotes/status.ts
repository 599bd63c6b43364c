import type { QuoteStatus } from './types';

export const statusTone: Record<QuoteStatus, 'neutral' | 'accent' | 'success' | 'warning' | 'danger'> = {
  draft: 'neutral',
  sent: 'accent',
  viewed: 'accent',
  accepted: 'success',
  converted: 'success',
  declined: 'danger',
  expired: 'warning',
};

export const quoteLabel = (q: { number: string; version: number }) => (q.version > 1 ? `${q.number} v${q.version}` : q.number);
