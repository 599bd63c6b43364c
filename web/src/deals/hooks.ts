import { api, type Page, type Query } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { PipelineCreateBody, PipelineUpdateBody } from './pipeline-draft';
import type { Board, Deal, Pipeline, StageChange } from './types';

export function usePipelines() {
  return useAsync((signal) => api.get<{ data: Pipeline[] }>('/api/pipelines', undefined, signal).then((r) => r.data), []);
}

export function usePipeline(id: string) {
  return useAsync((signal) => api.get<Pipeline>(`/api/pipelines/${encodeURIComponent(id)}`, undefined, signal), [id]);
}

/** The board of the pipeline (the first one when none is chosen yet), in one request. */
export function useBoard(pipelineId: string | null, perStage: number) {
  return useAsync((signal) => api.get<Board>('/api/deals/board', { pipeline_id: pipelineId ?? undefined, per_stage: perStage }, signal), [pipelineId, perStage]);
}

export function useDeal(id: string) {
  return useAsync((signal) => api.get<Deal>(`/api/deals/${encodeURIComponent(id)}`, undefined, signal), [id]);
}

export function useDealHistory(id: string, version: unknown) {
  return useAsync((signal) => api.get<{ data: StageChange[] }>(`/api/deals/${encodeURIComponent(id)}/history`, undefined, signal).then((r) => r.data), [id, version]);
}

export function useDealList(query: Query) {
  const key = JSON.stringify(query);
  return useAsync((signal) => api.get<Page<Deal>>('/api/deals', query, signal), [key]);
}

export const dealsApi = {
  move: (id: string, stageId: string, lostReason?: string) => api.post<Deal>(`/api/deals/${encodeURIComponent(id)}/move`, { stage_id: stageId, ...(lostReason ? { lost_reason: lostReason } : {}) }),
  create: (body: Partial<Deal> & { title: string }) => api.post<Deal>('/api/deals', body),
  update: (id: string, body: Partial<Deal>) => api.patch<Deal>(`/api/deals/${encodeURIComponent(id)}`, body),
  page: (query: Query) => api.get<Page<Deal>>('/api/deals', query),
};

export const pipelinesApi = {
  create: (body: PipelineCreateBody) => api.post<Pipeline>('/api/pipelines', body),
  update: (id: string, body: PipelineUpdateBody) => api.patch<Pipeline>(`/api/pipelines/${encodeURIComponent(id)}`, body),
  remove: (id: string) => api.del(`/api/pipelines/${encodeURIComponent(id)}`),
};
