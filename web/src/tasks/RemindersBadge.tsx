import { useEffect, useState } from 'react';
import { api } from '../lib/api';

export interface TaskCounts {
  overdue: number;
  due_today: number;
  reminders: number;
}

/** How often the badge asks again while the app is open. */
const refreshMs = 60_000;

/** Tasks due today or overdue, next to "Reminders" in the navigation; nothing when there are none. */
export function RemindersBadge() {
  const [counts, setCounts] = useState<TaskCounts | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      api.get<TaskCounts>('/api/reminders/counts', undefined, controller.signal).then(setCounts, () => {
        // A failed count leaves the last one shown; the next refresh tries again.
      });
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, []);
  return counts ? <TaskCountBadge counts={counts} /> : null;
}

/** The count itself: overdue and due-today tasks, red while any is overdue, nothing at zero. */
export function TaskCountBadge({ counts }: { counts: TaskCounts }) {
  const due = counts.overdue + counts.due_today;
  if (due === 0) return null;
  return (
    <span className={`nav-badge${counts.overdue ? ' nav-badge-overdue' : ''}`} title={`${counts.overdue} overdue, ${counts.due_today} due later today`}>
      {due > 99 ? '99+' : due}
      <span className="sr-only"> tasks due or overdue</span>
    </span>
  );
}
