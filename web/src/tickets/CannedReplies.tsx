import { useState, type FormEvent } from 'react';
import { Button, Card, ErrorState, FormError, Loading } from '../components/ui';
import { useToast } from '../components/Toasts';
import { errorMessage, type CannedReplyInput } from '../lib/api';
import { useCannedReplies } from './hooks';
import { supportApi } from './settings-hooks';
import { SettingsField, fieldErrorOf } from './SettingsField';
import type { CannedReply } from './types';

const mergeFields = ['customer.first_name', 'customer.last_name', 'customer.email', 'customer.company', 'ticket.reference', 'ticket.subject', 'ticket.kind', 'ticket.priority'];

/** A canned reply's name and Liquid text, with the merge fields it may use. */
export function CannedReplyFields({
  reply,
  onSubmit,
  onCancel,
  submitLabel,
}: {
  reply?: CannedReply;
  onSubmit: (input: CannedReplyInput) => Promise<void>;
  onCancel?: () => void;
  submitLabel: string;
}) {
  const [name, setName] = useState(reply?.name ?? '');
  const [text, setText] = useState(reply?.body ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const p = reply ? `canned-${reply.id}` : 'canned-new';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ name: name.trim(), body: text });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="form-grid" aria-label={reply ? `Edit ${reply.name}` : 'New canned reply'}>
      <SettingsField id={`${p}-name`} label="Name" error={fieldErrorOf(error, 'name')}>
        {(a) => <input {...a} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />}
      </SettingsField>
      <SettingsField
        id={`${p}-body`}
        label="Text"
        className="field-longtext"
        hint={
          <>
            Merge fields:{' '}
            {mergeFields.map((f, i) => (
              <span key={f}>
                {i > 0 && ', '}
                <code>{`{{ ${f} }}`}</code>
              </span>
            ))}
          </>
        }
        error={fieldErrorOf(error, 'body')}
      >
        {(a) => <textarea {...a} rows={6} value={text} onChange={(e) => setText(e.target.value)} required maxLength={100_000} />}
      </SettingsField>
      <div className="form-actions">
        <FormError error={error} />
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** The canned replies offered when answering a ticket: list, add, edit, delete. */
export function CannedRepliesSection() {
  const { data, error, loading, reload } = useCannedReplies();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title="Canned replies"
      actions={
        !adding && (
          <Button icon="plus" onClick={() => setAdding(true)}>
            Add canned reply
          </Button>
        )
      }
    >
      {loading && !data ? <Loading /> : error ? <ErrorState error={error} onRetry={reload} /> : null}
      {adding && (
        <CannedReplyFields
          submitLabel="Add canned reply"
          onCancel={() => setAdding(false)}
          onSubmit={async (input) => {
            await supportApi.createCanned(input);
            setAdding(false);
            reload();
          }}
        />
      )}
      {data && data.length === 0 && !adding && <p className="muted">No canned reply yet.</p>}
      {data && data.length > 0 && (
        <ul className="settings-list">
          {data.map((r) => (
            <CannedRow key={r.id} reply={r} onChanged={reload} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function CannedRow({ reply, onChanged }: { reply: CannedReply; onChanged: () => void }) {
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    try {
      await supportApi.removeCanned(reply.id);
      toast(`${reply.name} deleted`, 'success');
      onChanged();
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  };
  if (editing)
    return (
      <li>
        <CannedReplyFields
          reply={reply}
          submitLabel="Save canned reply"
          onCancel={() => setEditing(false)}
          onSubmit={async (input) => {
            await supportApi.updateCanned(reply.id, input);
            setEditing(false);
            onChanged();
          }}
        />
      </li>
    );
  return (
    <li className="settings-row">
      <div>
        <strong>{reply.name}</strong>
        <pre className="canned-preview">{reply.body}</pre>
      </div>
      <div className="row-actions">
        <Button size="sm" onClick={() => setEditing(true)} aria-label={`Edit ${reply.name}`}>
          Edit
        </Button>
        {confirming ? (
          <>
            <Button size="sm" variant="danger" onClick={remove}>
              Yes, delete {reply.name}
            </Button>
            <Button size="sm" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Delete ${reply.name}`}>
            Delete
          </Button>
        )}
      </div>
    </li>
  );
}
