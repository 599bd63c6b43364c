import { useState, type FormEvent } from 'react';
import { Button, FormError } from '../components/ui';
import type { Mailbox } from '../lib/api';
import type { MailboxSubmit } from './settings-hooks';
import { SettingsField, fieldErrorOf } from './SettingsField';

const defaultPorts = { tls: 993, starttls: 143, none: 143 } as const;

/**
 * The IMAP settings of a support mailbox. Empty for a new mailbox; for an existing one the stored
 * password is never shown, and leaving the password empty keeps it.
 */
export function MailboxFields({ mailbox, onSubmit, onCancel, submitLabel }: { mailbox?: Mailbox; onSubmit: (input: MailboxSubmit) => Promise<void>; onCancel?: () => void; submitLabel: string }) {
  const [name, setName] = useState(mailbox?.name ?? 'Support');
  const [address, setAddress] = useState(mailbox?.address ?? '');
  const [host, setHost] = useState(mailbox?.host ?? '');
  const [security, setSecurity] = useState<Mailbox['security']>(mailbox?.security ?? 'tls');
  const [port, setPort] = useState(String(mailbox?.port ?? 993));
  const [username, setUsername] = useState(mailbox?.username ?? '');
  const [password, setPassword] = useState('');
  const [folder, setFolder] = useState(mailbox?.folder ?? 'INBOX');
  const [enabled, setEnabled] = useState(mailbox?.enabled ?? true);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const p = mailbox ? `mailbox-${mailbox.id}` : 'mailbox-new';
  const fe = (name: string) => fieldErrorOf(error, name);

  const changeSecurity = (next: Mailbox['security']) => {
    // Follow the usual port of the security chosen, unless a port of one's own was typed.
    if (Number(port) === defaultPorts[security]) setPort(String(defaultPorts[next]));
    setSecurity(next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        name: name.trim(),
        address: address.trim(),
        host: host.trim(),
        port: Number(port),
        security,
        username,
        ...(password || !mailbox ? { password } : {}),
        folder: folder.trim(),
        enabled,
      });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="form-grid" aria-label={mailbox ? `Settings of ${mailbox.name}` : 'New mailbox'}>
      <SettingsField id={`${p}-name`} label="Name" error={fe('name')}>
        {(a) => <input {...a} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />}
      </SettingsField>
      <SettingsField id={`${p}-address`} label="Support address" hint="The address customers write to" error={fe('address')}>
        {(a) => <input {...a} type="email" value={address} onChange={(e) => setAddress(e.target.value)} required maxLength={254} />}
      </SettingsField>
      <SettingsField id={`${p}-host`} label="IMAP server" hint="e.g. imap.example.com" error={fe('host')}>
        {(a) => <input {...a} value={host} onChange={(e) => setHost(e.target.value)} required maxLength={255} autoComplete="off" />}
      </SettingsField>
      <SettingsField id={`${p}-security`} label="Security" error={fe('security')}>
        {(a) => (
          <select {...a} value={security} onChange={(e) => changeSecurity(e.target.value as Mailbox['security'])}>
            <option value="tls">TLS (port 993)</option>
            <option value="starttls">STARTTLS (port 143)</option>
            <option value="none">None (only a server on this machine)</option>
          </select>
        )}
      </SettingsField>
      <SettingsField id={`${p}-port`} label="Port" error={fe('port')}>
        {(a) => <input {...a} type="number" min={1} max={65535} value={port} onChange={(e) => setPort(e.target.value)} required />}
      </SettingsField>
      <SettingsField id={`${p}-username`} label="User name" error={fe('username')}>
        {(a) => <input {...a} value={username} onChange={(e) => setUsername(e.target.value)} required maxLength={255} autoComplete="off" />}
      </SettingsField>
      <SettingsField id={`${p}-password`} label="Password" hint={mailbox?.password_set ? 'Stored sealed; leave empty to keep it' : 'Stored sealed, never shown again'} error={fe('password')}>
        {(a) => <input {...a} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required={!mailbox} maxLength={1000} autoComplete="new-password" />}
      </SettingsField>
      <SettingsField id={`${p}-folder`} label="Folder" error={fe('folder')}>
        {(a) => <input {...a} value={folder} onChange={(e) => setFolder(e.target.value)} required maxLength={255} />}
      </SettingsField>
      <div className="field">
        <label>
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Fetch mail from this mailbox
        </label>
      </div>
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
