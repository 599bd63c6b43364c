import { api } from './api';

/** A background job as GET /api/jobs/{id} returns it (imports.undo, duplicates.scan, …). */
export interface Job<P = unknown, R = unknown> {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: P | null;
  result: R | null;
  error: string | null;
}

/**
 * Polls a job the server answered 202 with until it is done, calling `onUpdate` with each state (for a
 * progress bar); resolves with the finished job, rejects with its error if it failed.
 */
export async function waitForJob<P = unknown, R = unknown>(id: string, onUpdate?: (job: Job<P, R>) => void, everyMs = 600): Promise<Job<P, R>> {
  for (;;) {
    const job = await api.get<Job<P, R>>(`/api/jobs/${encodeURIComponent(id)}`);
    onUpdate?.(job);
    if (job.status === 'done') return job;
    if (job.status === 'failed') throw new Error(job.error ?? 'The job failed.');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
