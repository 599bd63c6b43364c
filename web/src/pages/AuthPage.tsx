import { useState, type FormEvent } from 'react';
import { Button, FormError } from '../components/ui';
import { ApiError, auth } from '../lib/api';
import { useDocumentTitle } from '../lib/hooks';
import { useSession } from '../session';

/** First-run owner creation and sign-in share one calm, centred card. */
export function AuthPage({ mode }: { mode: 'setup' | 'login' }) {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const setup = mode === 'setup';
  useDocumentTitle(setup ? 'Welcome' : 'Sign in');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) problems.email = 'Enter your email address';
    if (setup && password.length < 10) problems.password = 'Use at least 10 characters';
    if (!setup && !password) problems.password = 'Enter your password';
    if (setup && confirm !== password) problems.confirm = 'The passwords do not match';
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length) {
      document.getElementById(`auth-${Object.keys(problems)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const s = setup ? await auth.setup(email.trim(), password) : await auth.login(email.trim(), password);
      session.signedIn(s.csrf_token);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        setErrors(err.fieldMessages());
      }
      if (err instanceof ApiError && err.status === 401) setError(new Error('That email and password do not match.'));
      else if (err instanceof ApiError && err.status === 429) setError(new Error('Too many attempts. Wait a few minutes and try again.'));
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  const field = (id: string, label: string, value: string, set: (v: string) => void, type: string, autoComplete: string, hint?: string) => (
    <div className={`field${errors[id] ? ' has-error' : ''}`}>
      <label htmlFor={`auth-${id}`}>{label}</label>
      <input
        id={`auth-${id}`}
        type={type}
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-invalid={errors[id] ? true : undefined}
        aria-describedby={errors[id] ? `auth-${id}-error` : hint ? `auth-${id}-hint` : undefined}
        required
      />
      {hint && !errors[id] && (
        <span className="field-hint" id={`auth-${id}-hint`}>
          {hint}
        </span>
      )}
      {errors[id] && (
        <span className="field-error" id={`auth-${id}-error`}>
          {errors[id]}
        </span>
      )}
    </div>
  );

  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden="true">
            R
          </span>
          <span className="brand-name">Rapport</span>
        </div>
        <h1>{setup ? 'Set up your workspace' : 'Sign in'}</h1>
        <p className="auth-lead">{setup ? 'Create the owner account. Rapport keeps your customer data on this server only.' : 'Welcome back. Sign in to your customers.'}</p>
        {session.notice && !setup && (
          <p className="notice" role="status">
            {session.notice}
          </p>
        )}
        <form onSubmit={submit} noValidate className="stack">
          {field('email', 'Email', email, setEmail, 'email', 'username')}
          {field('password', 'Password', password, setPassword, 'password', setup ? 'new-password' : 'current-password', setup ? 'At least 10 characters.' : undefined)}
          {setup && field('confirm', 'Repeat password', confirm, setConfirm, 'password', 'new-password')}
          <FormError error={error} />
          <Button type="submit" variant="primary" busy={busy} className="btn-block">
            {setup ? 'Create account' : 'Sign in'}
          </Button>
        </form>
      </div>
    </main>
  );
}
