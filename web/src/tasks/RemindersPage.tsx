import { useEffect, useState } from 'react';
import { Badge, Button, EmptyState, ErrorState, Loading, PageHeader } from '../components/ui';
import { api } from '../lib/api';
import { formatDateTime, relativeTime } from '../lib/format';
import { useDocumentTitle } from '../lib/hooks';
import { Link } from '../lib/router';
import { NewTaskDialog } from './NewTaskDialog';
import type { TaskCounts } from './RemindersBadge';
import { tasksApi, useReminders } from './hooks';

const priorityTone = { urgent: 'danger', high: 'warning', normal: 'neutral', low: 'neutral' } as const;

/** Tasks whose reminder time has passed and that are not done yet: the in-app side of reminders. */
export function RemindersPage() {
  useDocumentTitle('Reminders');
  const reminders = useReminders();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const complete = async (id: string) => {
    setBusy(id);
    try {
      await tasksApi.complete(id);
      reminders.setData((r) => (r ? { data: r.data.filter((x) => x.id !== id), count: r.count - 1 } : r));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="page">
      <PageHeader
        title="Reminders"
        subtitle="Tasks whose reminder time has come; each reminder is also emailed to you once."
        actions={
          <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
            New task
          </Button>
        }
      />
      <DueTasksNote />
      {creating && <NewTaskDialog onClose={() => setCreating(false)} onCreated={reminders.reload} />}
      {reminders.error ? (
        <ErrorState error={reminders.error} onRetry={reminders.reload} />
      ) : !reminders.data ? (
        <Loading />
      ) : reminders.data.data.length === 0 ? (
        <EmptyState icon="task" title="No reminders due">
          Give a task a reminder time and it shows here (and in your inbox) when the time comes.
        </EmptyState>
      ) : (
        <ul className="task-list" aria-label="Reminders">
          {reminders.data.data.map((r) => (
            <li key={r.id} className="task-row">
              <Button size="sm" icon="check" busy={busy === r.id} onClick={() => void complete(r.id)} aria-label={`Mark "${r.title}" done`}>
                Done
              </Button>{' '}
              <strong>{r.title}</strong> {r.priority !== 'normal' && <Badge tone={priorityTone[r.priority as keyof typeof priorityTone] ?? 'neutral'}>{r.priority}</Badge>}
              <span className="muted small">
                {' '}
                reminder {relativeTime(r.remind_at)}
                {r.due_at ? ` · due ${formatDateTime(r.due_at)}` : ''}
                {r.reminded_at ? ' · emailed' : ''}
              </span>{' '}
              {r.customer_id && <Link to={`/customers/${encodeURIComponent(r.customer_id)}`}>Customer</Link>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const tasks = (n: number) => `${n} task${n === 1 ? ' is' : 's are'}`;

/**
 * The navigation badge counts tasks due today or overdue, which Today lists rather than this page (it
 * lists reminders): says so, so the badge and the page never seem to disagree.
 */
function DueTasksNote() {
  const [counts, setCounts] = useState<TaskCounts | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api.get<TaskCounts>('/api/reminders/counts', undefined, controller.signal).then(setCounts, () => {});
    return () => controller.abort();
  }, []);
  if (!counts || counts.overdue + counts.due_today === 0) return null;
  const parts = [
    counts.overdue ? `${tasks(counts.overdue)} overdue` : '',
    counts.due_today ? `${counts.overdue ? `${counts.due_today} due` : `${tasks(counts.due_today)} due`} later today` : '',
  ].filter(Boolean);
  return (
    <p className="muted section-gap" data-testid="due-tasks-note">
      {parts.join(' and ')}; <Link to="/today">Today</Link> lists them with what each is worth.
    </p>
  );
}
