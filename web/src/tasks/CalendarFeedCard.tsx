import { useState } from 'react';
import { SecretReveal } from '../components/SecretReveal';
import { Button, Card, ErrorState, FormError, Loading } from '../components/ui';
import { formatDate } from '../lib/format';
import { tasksApi, useFeedStatus } from './hooks';

/** Settings: the calendar feed URL (tasks, deal close dates, contract ends) for Google or Apple Calendar. */
export function CalendarFeedCard() {
  const status = useFeedStatus();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const rotate = () =>
    act(async () => {
      const made = await tasksApi.rotateFeed();
      setUrl(new URL(made.path, window.location.origin).toString());
      status.reload();
    });
  const disable = () =>
    act(async () => {
      await tasksApi.disableFeed();
      setUrl(null);
      status.reload();
    });
  return (
    <Card title="Calendar feed" id="calendar">
      <p className="muted">
        Subscribe to this address in Google Calendar or Apple Calendar to see open tasks with due times, expected close dates of deals and contract ends. Anyone with the address can read the feed:
        make a new one if it leaks.
      </p>
      {status.error ? (
        <ErrorState error={status.error} onRetry={status.reload} />
      ) : !status.data ? (
        <Loading />
      ) : (
        <div className="stack">
          {url && <SecretReveal title="Your calendar feed address (shown once)" secret={url} testId="calendar-feed-url" onDone={() => setUrl(null)} />}
          <p>{status.data.active ? `On since ${formatDate(status.data.created_at)}.` : 'Off.'}</p>
          <div className="toolbar">
            <Button variant="primary" size="sm" icon="calendar" busy={busy} onClick={() => void rotate()}>
              {status.data.active ? 'Make a new address' : 'Turn on'}
            </Button>
            {status.data.active && (
              <Button size="sm" variant="ghost" busy={busy} onClick={() => void disable()}>
                Turn off
              </Button>
            )}
          </div>
          {!!error && <FormError error={error} />}
        </div>
      )}
    </Card>
  );
}
