import { api } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { Today } from './types';

/** What to do now, ranked by money at stake (the first `limit` items). */
export function useToday(limit: number) {
  return useAsync((signal) => api.get<Today>('/api/today', { limit }, signal), [limit]);
}
