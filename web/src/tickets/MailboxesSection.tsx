import { useState } from 'react';
import { Badge, Button, Card, ErrorState, Loading } from '../components/ui';
import { useToast } from '../components/Toasts';
import { errorMessage, type Mailbox, type MailboxInput, type MailboxTest } from '../lib/api';
import { relativeTime } from '../lib/format';
import { MailboxFields } from './MailboxForm';
import { supportApi, useMailboxes } from './settings-hooks';

/** Support mailboxes fetched over IMAP: add, change, test the connection, remove. */
export function MailboxesSection() {
  const { data, error, loading, reload } = useMailboxes();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title="Support mailboxes"
      actions={
        !adding && (
          <Button icon="plus" onClick={() => setAdding(true)}>
            Add mailbox
          </Button>
        )
      }
    >
      {loading && !data ? <Loading /> : error ? <ErrorState error={error} onRetry={reload} /> : null}
      {adding && (
        <MailboxFields
          submitLabel="Add mailbox"
          onCancel={() => setAdding(false)}
          onSubmit={async (input) => {
            await supportApi.createMailbox(input as MailboxInput);
            setAdding(false);
            reload();
          }}
        />
      )}
      {data && data.length === 0 && !adding && <p className="muted">No mailbox yet: mail reaches the inbox only through an inbound webhook.</p>}
      {data && data.length > 0 && (
        <ul className="settings-list">
          {data.map((m) => (
            <MailboxRow key={m.id} mailbox={m} onChanged={reload} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function MailboxRow({ mailbox, onChanged }: { mailbox: Mailbox; onChanged: () => void }) {
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<MailboxTest | null>(null);
  const [fetching, setFetching] = useState(false);
  const [fetched, setFetched] = useState<string | null>(null);

  const runTest = async () => {
    setTesting(true);
    setTest(null);
    try {
      setTest(await supportApi.testMailbox(mailbox.id));
    } catch (err) {
      setTest({ ok: false, error: errorMessage(err) });
    } finally {
      setTesting(false);
    }
  };
  const fetchNow = async () => {
    setFetching(true);
    setFetched(null);
    try {
      const r = await supportApi.fetchMailbox(mailbox.id);
      setFetched(r.error ? `Fetching failed: ${r.error}` : `Fetched ${r.fetched} new ${r.fetched === 1 ? 'mail' : 'mails'}.`);
      onChanged();
    } catch (err) {
      setFetched(`Fetching failed: ${errorMessage(err)}`);
    } finally {
      setFetching(false);
    }
  };
  const remove = async () => {
    try {
      await supportApi.removeMailbox(mailbox.id);
      toast(`${mailbox.name} removed`, 'success');
      onChanged();
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  };

  if (editing)
    return (
      <li>
        <MailboxFields
          mailbox={mailbox}
          submitLabel="Save mailbox"
          onCancel={() => setEditing(false)}
          onSubmit={async (input) => {
            await supportApi.updateMailbox(mailbox.id, input);
            setEditing(false);
            onChanged();
          }}
        />
      </li>
    );
  return (
    <li className="settings-row">
      <div>
        <strong>{mailbox.name}</strong> <span className="muted">{mailbox.address}</span> {mailbox.enabled ? <Badge tone="success">fetching</Badge> : <Badge>paused</Badge>}
        <div className="muted">
          {mailbox.username}@{mailbox.host}:{mailbox.port} ({mailbox.security}), folder {mailbox.folder}
          {mailbox.last_polled_at && <> · last fetched {relativeTime(mailbox.last_polled_at)}</>}
        </div>
        {mailbox.last_error && <div className="field-error">Last error: {mailbox.last_error}</div>}
        <div aria-live="polite">
          {test &&
            (test.ok ? (
              <span className="mailbox-test ok">
                Connected: {test.messages ?? 0} messages in {mailbox.folder}
                {test.idle ? ', new mail arrives at once (IDLE)' : ', fetched every minute'}.
              </span>
            ) : (
              <span className="field-error">Connection failed: {test.error}</span>
            ))}
          {fetched && <span> {fetched}</span>}
        </div>
      </div>
      <div className="row-actions">
        <Button size="sm" busy={testing} onClick={runTest}>
          Test connection
        </Button>
        <Button size="sm" busy={fetching} onClick={fetchNow}>
          Fetch now
        </Button>
        <Button size="sm" onClick={() => setEditing(true)}>
          Edit
        </Button>
        {confirming ? (
          <>
            <Button size="sm" variant="danger" onClick={remove}>
              Yes, remove {mailbox.name}
            </Button>
            <Button size="sm" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
            Remove
          </Button>
        )}
      </div>
    </li>
  );
}
