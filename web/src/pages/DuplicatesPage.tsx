import { useState } from 'react';
import { Icon } from '../components/Icon';
import { useToast } from '../components/Toasts';
import { Badge, Button, Card, EmptyState, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { api, type ApiRecord, type DuplicatePair, type Page } from '../lib/api';
import { waitForJob, type Job } from '../lib/jobs';
import { customerEntity, displayName } from '../lib/fields';
import { formatValue } from '../lib/format';
import { useAsync, useDocumentTitle } from '../lib/hooks';
import { percent } from '../lib/insights';
import { Link } from '../lib/router';

/** Fields compared side by side, in this order; figures and scores are left out (they are recomputed). */
const compared = [
  'first_name',
  'last_name',
  'email',
  'emails',
  'phone',
  'phones',
  'company',
  'title',
  'address',
  'city',
  'region',
  'postcode',
  'country',
  'birthday',
  'source',
  'tags',
  'notes',
  'order_count',
  'revenue',
  'created_at',
];

function text(field: string, value: unknown): string {
  const def = customerEntity.fields.find((f) => f.name === field);
  return def ? formatValue(def, value) : value == null ? '' : String(value);
}

/** A pair whose two customers both still exist: the only kind the queue can merge or dismiss. */
type OpenPair = DuplicatePair & { a: NonNullable<DuplicatePair['a']>; b: NonNullable<DuplicatePair['b']> };
const bothPresent = (pair: DuplicatePair): pair is OpenPair => pair.a !== null && pair.b !== null;

interface Merged {
  pairId: string;
  mergeId: string;
  name: string;
  conflicts: number;
}

export function DuplicatesPage() {
  useDocumentTitle('Duplicates');
  const toast = useToast();
  const queue = useAsync((signal) => api.get<Page<DuplicatePair>>('/api/duplicates', { status: 'open', limit: 50 }, signal).then((page) => ({ ...page, data: page.data.filter(bothPresent) })), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [merged, setMerged] = useState<Merged[]>([]);
  const [scanning, setScanning] = useState(false);

  const remove = (id: string) => queue.setData((p) => (p ? { ...p, data: p.data.filter((x) => x.id !== id) } : p));

  async function merge(pair: OpenPair, winner: 'a' | 'b') {
    setBusy(`${pair.id}:${winner}`);
    setError(null);
    try {
      const r = await api.post<{ merge_id: string; winner: ApiRecord | string; conflicts: unknown[] }>(`/api/duplicates/${encodeURIComponent(pair.id)}/merge`, { winner });
      const kept = winner === 'a' ? pair.a : pair.b;
      setMerged((m) => [{ pairId: pair.id, mergeId: r.merge_id, name: displayName(kept), conflicts: r.conflicts?.length ?? 0 }, ...m].slice(0, 5));
      remove(pair.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  async function dismiss(pair: OpenPair) {
    setBusy(`${pair.id}:dismiss`);
    setError(null);
    try {
      await api.post(`/api/duplicates/${encodeURIComponent(pair.id)}/dismiss`);
      toast('Marked as different people. They will not be suggested again.');
      remove(pair.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  async function undo(m: Merged) {
    setBusy(`undo:${m.mergeId}`);
    setError(null);
    try {
      await api.post(`/api/merges/${encodeURIComponent(m.mergeId)}/undo`);
      setMerged((list) => list.filter((x) => x.mergeId !== m.mergeId));
      toast('Merge undone: both records are back as they were.');
      queue.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  async function scan() {
    setScanning(true);
    setError(null);
    try {
      // The scan runs as a job on the server; its result arrives when it is done.
      const job = await api.post<Job<unknown, { customers: number; queued: number }>>('/api/duplicates/scan', { mode: 'review' });
      const r = (await waitForJob<unknown, { customers: number; queued: number }>(job.id)).result;
      toast(r ? `Checked ${r.customers} customers: ${r.queued} possible ${r.queued === 1 ? 'duplicate' : 'duplicates'} to review.` : 'Scan finished.', 'info');
      queue.reload();
    } catch (e) {
      setError(e);
    } finally {
      setScanning(false);
    }
  }

  // A pair whose customer was deleted since is left out; the next scan tidies it away.
  const pairs = (queue.data?.data ?? []).filter((p) => p.a && p.b);
  return (
    <div className="page page-wide">
      <PageHeader
        title="Duplicates"
        subtitle="People who may be in Rapport twice. Compare them side by side and merge, or tell Rapport they are different."
        actions={
          <Button icon="search" busy={scanning} onClick={() => void scan()}>
            Scan for duplicates
          </Button>
        }
      />
      {merged.length > 0 && (
        <div className="merged-notes" role="status" aria-live="polite">
          {merged.map((m) => (
            <div key={m.mergeId} className="merged-note">
              <Icon name="check" size={16} />
              <span>
                Merged into <strong>{m.name}</strong>
                {m.conflicts > 0 ? ` · ${m.conflicts} differing ${m.conflicts === 1 ? 'value was' : 'values were'} kept in the history` : ''}.
              </span>
              <Button size="sm" variant="ghost" icon="undo" busy={busy === `undo:${m.mergeId}`} onClick={() => void undo(m)}>
                Undo merge
              </Button>
            </div>
          ))}
        </div>
      )}
      <FormError error={error} />
      {queue.loading && !queue.data ? (
        <Loading label="Loading the review queue…" />
      ) : queue.error ? (
        <ErrorState error={queue.error} onRetry={queue.reload} />
      ) : pairs.length === 0 ? (
        <Card>
          <EmptyState
            icon="check"
            title="No duplicates to review"
            action={
              <Link to="/import" className="btn btn-secondary btn-md">
                Import a file
              </Link>
            }
          >
            Imports and scans put possible duplicates here. You decide each one.
          </EmptyState>
        </Card>
      ) : (
        <>
          <p className="muted small queue-count">
            {pairs.length}
            {queue.data?.next_cursor ? '+' : ''} {pairs.length === 1 ? 'pair' : 'pairs'} to review, most likely first. Each percentage is the chance that the two records are one person: of pairs shown
            at 90%, about 9 in 10 are. A match on the name alone is never merged without you, however likely.
          </p>
          <div className="stack-lg">
            {pairs.map((p) => (
              <PairCard key={p.id} pair={p} busy={busy} onMerge={(w) => void merge(p, w)} onDismiss={() => void dismiss(p)} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function PairCard({ pair, busy, onMerge, onDismiss }: { pair: OpenPair; busy: string | null; onMerge: (w: 'a' | 'b') => void; onDismiss: () => void }) {
  const rows = compared.map((f) => ({ f, label: customerEntity.fields.find((d) => d.name === f)?.label ?? f, a: text(f, pair.a[f]), b: text(f, pair.b[f]) })).filter((r) => r.a || r.b);
  const differs = (r: { a: string; b: string }) => r.a.trim().toLowerCase() !== r.b.trim().toLowerCase();
  const nameA = displayName(pair.a);
  const nameB = displayName(pair.b);
  const disabled = busy !== null && busy.startsWith(pair.id);
  return (
    <section className="card pair" aria-label={`Possible duplicate: ${nameA} and ${nameB}`}>
      <header className="pair-head">
        <div>
          <Badge tone={pair.score >= 0.9 ? 'danger' : pair.score >= 0.75 ? 'warning' : 'neutral'}>{percent(pair.score)} likely the same person</Badge>
          <span className="pair-reasons">{pair.reasons.join(' · ')}</span>
        </div>
      </header>
      <div className="table-scroll">
        <table className="table table-compact compare-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">Field</span>
              </th>
              <th scope="col">
                <Link to={`/customers/${encodeURIComponent(pair.a.id)}`}>{nameA}</Link>
                <span className="muted small cell-sub">A · {pair.a.id}</span>
              </th>
              <th scope="col">
                <Link to={`/customers/${encodeURIComponent(pair.b.id)}`}>{nameB}</Link>
                <span className="muted small cell-sub">B · {pair.b.id}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const d = differs(r);
              return (
                <tr key={r.f} className={d ? 'differs' : undefined}>
                  <th scope="row">
                    {r.label}
                    {d && <span className="sr-only"> (differs)</span>}
                  </th>
                  <td className={d && r.a ? 'diff' : undefined}>{r.a || <span className="muted">—</span>}</td>
                  <td className={d && r.b ? 'diff' : undefined}>{r.b || <span className="muted">—</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <footer className="pair-actions">
        <span className="muted small">Merging keeps the chosen record, fills its empty fields from the other, and moves orders and activity over. You can undo it.</span>
        <div className="pair-buttons">
          <Button variant="ghost" busy={busy === `${pair.id}:dismiss`} disabled={disabled} onClick={onDismiss}>
            Not a duplicate
          </Button>
          <Button busy={busy === `${pair.id}:b`} disabled={disabled} onClick={() => onMerge('b')} aria-label={`Merge, keep ${nameB} (B)`}>
            Merge, keep B
          </Button>
          <Button variant="primary" icon="merge" busy={busy === `${pair.id}:a`} disabled={disabled} onClick={() => onMerge('a')} aria-label={`Merge, keep ${nameA} (A)`}>
            Merge, keep A
          </Button>
        </div>
      </footer>
    </section>
  );
}
