import { useState, type FormEvent } from 'react';
import { Button, Card, ErrorState, FormError, Loading } from '../components/ui';
import { useToast } from '../components/Toasts';
import { errorMessage, type InboundToken, type InboundTokenCreated } from '../lib/api';
import { relativeTime } from '../lib/format';
import { supportApi, useInboundTokens } from './settings-hooks';
import { SettingsField, fieldErrorOf } from './SettingsField';

/** Tokens a mail provider posts raw inbound mail with (POST /api/inbound/email): a new token is shown once. */
export function InboundTokensSection() {
  const { data, error, loading, reload } = useInboundTokens();
  const [created, setCreated] = useState<InboundTokenCreated | null>(null);
  return (
    <Card title="Inbound webhook tokens">
      <p className="muted" data-testid="inbound-how">
        A mail provider posts each mail as raw MIME (<code>Content-Type: message/rfc822</code>) to <code>{window.location.origin}/api/inbound/email</code> with the token in an{' '}
        <code>X-Inbound-Token</code> header, or, where it cannot set headers, in the address as <code>?token=</code>.
      </p>
      <NewTokenForm
        onCreate={async (name) => {
          setCreated(await supportApi.createToken(name));
          reload();
        }}
      />
      {created && (
        <div className="token-once" role="status">
          <p>
            The token for <strong>{created.name}</strong>; copy it now, it is not shown again:
          </p>
          <code aria-label={`Token for ${created.name}`}>{created.token}</code>
          <Button size="sm" onClick={() => setCreated(null)}>
            Done
          </Button>
        </div>
      )}
      {loading && !data ? <Loading /> : error ? <ErrorState error={error} onRetry={reload} /> : null}
      {data && data.length === 0 && <p className="muted">No token yet.</p>}
      {data && data.length > 0 && (
        <ul className="settings-list">
          {data.map((t) => (
            <TokenRow key={t.id} token={t} onRevoked={reload} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function NewTokenForm({ onCreate }: { onCreate: (name: string) => Promise<void> }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onCreate(name.trim());
      setName('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="inline-form" aria-label="New inbound token">
      <SettingsField id="inbound-token-name" label="Token name" hint="Where it is used, e.g. the provider's name" error={fieldErrorOf(error, 'name')}>
        {(a) => <input {...a} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />}
      </SettingsField>
      <Button type="submit" busy={busy}>
        Create token
      </Button>
      <FormError error={error} />
    </form>
  );
}

function TokenRow({ token, onRevoked }: { token: InboundToken; onRevoked: () => void }) {
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const revoke = async () => {
    try {
      await supportApi.revokeToken(token.id);
      toast(`${token.name} revoked`, 'success');
      onRevoked();
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  };
  return (
    <li className="settings-row">
      <div>
        <strong>{token.name}</strong>
        <div className="muted">
          Created {relativeTime(token.created_at)} · {token.last_used_at ? `last used ${relativeTime(token.last_used_at)}` : 'never used'}
        </div>
      </div>
      <div className="row-actions">
        {confirming ? (
          <>
            <Button size="sm" variant="danger" onClick={revoke}>
              Yes, revoke {token.name}
            </Button>
            <Button size="sm" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
            Revoke
          </Button>
        )}
      </div>
    </li>
  );
}
