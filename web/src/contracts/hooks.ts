import { api, buildUrl, type Page, type Query } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { Contract } from './types';

export function useContracts(query: Query) {
  const key = JSON.stringify(query);
  return useAsync((signal) => api.get<Page<Contract>>('/api/contracts', query, signal), [key]);
}

const path = (id: string) => `/api/contracts/${encodeURIComponent(id)}`;

export const contractsApi = {
  create: (body: Record<string, unknown>) => api.post<Contract>('/api/contracts', body),
  update: (id: string, body: Record<string, unknown>) => api.patch<Contract>(path(id), body),
  remove: (id: string) => api.del(path(id)),
  upload: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.put<Contract>(`${path(id)}/file`, form);
  },
  removeFile: (id: string) => api.del<Contract>(`${path(id)}/file`),
  fileUrl: (id: string) => buildUrl(`${path(id)}/file`),
};

export const contractStatusTone = { draft: 'neutral', active: 'success', expiring: 'warning', ended: 'neutral', renewed: 'accent' } as const;
