import { useState } from 'react';
import { api } from '../lib/api';
import { Link } from '../lib/router';
import { Button, EmptyState, FormError } from './ui';

interface JobState {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: { customers?: number; total?: number } | null;
  result: { insight_run_job?: string } | null;
  error: string | null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a job until it is done; a failed job is an error with its message. */
async function finished(id: string, onProgress: (job: JobState) => void): Promise<JobState> {
  for (;;) {
    const job = await api.get<JobState>(`/api/jobs/${encodeURIComponent(id)}`);
    onProgress(job);
    if (job.status === 'done') return job;
    if (job.status === 'failed') throw new Error(job.error ?? 'the job failed');
    await pause(500);
  }
}

/**
 * What an empty Rapport offers: bring your own file, or look around with demo data first (loaded by a
 * job, then scored by an insight run; the page reloads with everything in place).
 */
export function FirstSteps() {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function loadDemo() {
    setError(null);
    setStatus('Starting…');
    try {
      const started = await api.post<JobState>('/api/demo');
      const loaded = await finished(started.id, (job) => setStatus(job.progress?.total ? `Writing customers: ${job.progress.customers ?? 0} of ${job.progress.total}…` : 'Starting…'));
      if (loaded.result?.insight_run_job) await finished(loaded.result.insight_run_job, () => setStatus('Scoring customers…'));
      window.location.reload();
    } catch (err) {
      setError(err);
      setStatus(null);
    }
  }

  return (
    <EmptyState
      icon="upload"
      title="No customers yet"
      action={
        <div className="first-steps">
          <div className="first-steps-actions">
            <Link to="/import" className="btn btn-primary btn-md">
              Import a file
            </Link>
            <Button onClick={() => void loadDemo()} busy={status !== null}>
              Load demo data
            </Button>
          </div>
          <p className="muted small" role="status">
            {status}
          </p>
          <FormError error={error} />
        </div>
      }
    >
      Import customers and orders from a CSV, Excel or JSON file (a Shopify or Stripe export works as it is), or look around with 500 demo customers and three years of orders first.
    </EmptyState>
  );
}
