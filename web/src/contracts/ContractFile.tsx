import { useRef, useState } from 'react';
import { Button, FormError } from '../components/ui';
import { formatNumber } from '../lib/format';
import { contractsApi } from './hooks';
import type { Contract } from './types';

/** The signed file of a contract: download, replace (upload, at most 8 MB) or remove. */
export function ContractFile({ contract, onChange }: { contract: Contract; onChange: (c: Contract) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<Contract>) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await action());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const id = `contract-file-${contract.id}`;
  return (
    <div className="contract-file">
      {contract.file_name ? (
        <span>
          <a href={contractsApi.fileUrl(contract.id)} download={contract.file_name}>
            {contract.file_name}
          </a>{' '}
          <span className="muted small">{formatNumber(Math.ceil((contract.file_size ?? 0) / 1024), true)} KB</span>{' '}
          <Button size="sm" variant="ghost" busy={busy} onClick={() => void run(() => contractsApi.removeFile(contract.id))}>
            Remove file
          </Button>
        </span>
      ) : (
        <span className="muted small">No signed file yet.</span>
      )}{' '}
      <label htmlFor={id} className="btn btn-secondary btn-sm">
        {contract.file_name ? 'Replace file' : 'Attach signed file'}
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        className="sr-only"
        accept="application/pdf,image/*"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void run(() => contractsApi.upload(contract.id, file));
          if (input.current) input.current.value = '';
        }}
      />
      {!!error && <FormError error={error} />}
    </div>
  );
}
