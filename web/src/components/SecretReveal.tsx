import { useState } from 'react';
import { Button } from './ui';

/** A secret shown once (a new API token, a webhook signing secret), with Copy and a way to put it away. */
export function SecretReveal({ title, secret, testId, onDone }: { title: string; secret: string; testId: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="token-reveal" role="status">
      <strong>{title}</strong>
      <div className="token-box">
        <code data-testid={testId}>{secret}</code>
        <Button
          size="sm"
          onClick={() =>
            void navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <Button size="sm" variant="ghost" onClick={onDone}>
        I have saved it
      </Button>
    </div>
  );
}
