import { api } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { Flow, FlowDefinition, FlowDryRun, FlowEnrolment, FlowSettings, FlowTemplate } from './types';

const path = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

export const useFlows = () => useAsync((signal) => api.get<{ data: Flow[] }>('/api/flows', undefined, signal).then((r) => r.data), []);
export const useFlow = (id: string) => useAsync((signal) => api.get<Flow>(path(id), undefined, signal), [id]);
export const useFlowTemplates = () => useAsync((signal) => api.get<{ data: FlowTemplate[] }>('/api/flows/templates', undefined, signal).then((r) => r.data), []);
export const useFlowSettings = () => useAsync((signal) => api.get<FlowSettings>('/api/flows/settings', undefined, signal), []);
export const useEnrolments = (id: string, version: unknown) =>
  useAsync((signal) => api.get<{ data: FlowEnrolment[] }>(`${path(id)}/enrolments`, { limit: 100 }, signal).then((r) => r.data), [id, version]);
export const useEventTypes = () => useAsync((signal) => api.get<{ data: { type: string; description: string }[] }>('/api/events/types', undefined, signal).then((r) => r.data.map((t) => t.type)), []);

export const flowsApi = {
  create: (body: { name?: string; definition?: FlowDefinition; template?: string }) => api.post<Flow>('/api/flows', body),
  update: (id: string, body: { name?: string; definition?: FlowDefinition }) => api.patch<Flow>(path(id), body),
  remove: (id: string) => api.del(path(id)),
  activate: (id: string, enrolExisting: boolean) => api.post<Flow & { enrolled: number }>(`${path(id)}/activate`, { enrol_existing: enrolExisting }),
  pause: (id: string) => api.post<Flow>(`${path(id)}/pause`, {}),
  dryRun: (id: string, body: Record<string, unknown> = {}) => api.post<FlowDryRun>(`${path(id)}/dry-run`, body),
  enrol: (id: string, body: { customer_ids?: string[]; segment_id?: string; filter?: unknown }) => api.post<{ enrolled: number; skipped: number }>(`${path(id)}/enrolments`, body),
  saveSettings: (body: Partial<FlowSettings>) => api.patch<FlowSettings>('/api/flows/settings', body),
};
