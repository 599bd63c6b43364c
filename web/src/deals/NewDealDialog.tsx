import { useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { Button, FormError } from '../components/ui';
import { parseMoney } from '../../../src/imports/values/numbers.js';
import { ApiError } from '../lib/api';
import { dealsApi } from './hooks';
import type { Deal, Pipeline } from './types';

/** Opens a deal: title, value, expected close and source, on a pipeline's first stage (and for a customer when given). */
export function NewDealDialog({
  open,
  pipelines,
  customerId,
  onClose,
  onCreated,
}: {
  open: boolean;
  pipelines: Pipeline[];
  customerId?: string;
  onClose: () => void;
  onCreated: (deal: Deal) => void;
}) {
  const [title, setTitle] = useState('');
  const [value, setValue] = useState('');
  const [close, setClose] = useState('');
  const [source, setSource] = useState('');
  const [pipelineId, setPipelineId] = useState(pipelines[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [valueError, setValueError] = useState<string | null>(null);
  const fieldError = (name: string) => (name === 'value' && valueError) || (error instanceof ApiError ? error.fields?.[name]?.join(', ') : undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Read as people write amounts ("1.500,50", "€ 1,500.50"); what cannot be read is said, not sent.
    const amount = value.trim() ? parseMoney(value) : null;
    setValueError(value.trim() && amount === null ? 'Write an amount, e.g. 1,500.50' : null);
    if (value.trim() && amount === null) return;
    setBusy(true);
    setError(null);
    try {
      const deal = await dealsApi.create({
        title: title.trim(),
        ...(amount !== null ? { value: amount } : {}),
        ...(close ? { expected_close_date: close } : {}),
        ...(source.trim() ? { source: source.trim() } : {}),
        ...(pipelineId ? { pipeline_id: pipelineId } : {}),
        ...(customerId ? { customer_id: customerId } : {}),
      });
      onCreated(deal);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} title="New deal" size="sm">
      <form onSubmit={submit} className="stack">
        <div className={`field${fieldError('title') ? ' has-error' : ''}`}>
          <label htmlFor="deal-title">Title</label>
          <input id="deal-title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={255} />
          {fieldError('title') && <span className="field-error">{fieldError('title')}</span>}
        </div>
        <div className={`field${fieldError('value') ? ' has-error' : ''}`}>
          <label htmlFor="deal-value">Value</label>
          <input id="deal-value" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
          {fieldError('value') && <span className="field-error">{fieldError('value')}</span>}
        </div>
        <div className="field">
          <label htmlFor="deal-close">Expected close</label>
          <input id="deal-close" type="date" value={close} onChange={(e) => setClose(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="deal-source">Lead source</label>
          <input id="deal-source" value={source} onChange={(e) => setSource(e.target.value)} maxLength={255} placeholder="referral, website, event…" />
        </div>
        {pipelines.length > 1 && (
          <div className="field">
            <label htmlFor="deal-pipeline">Pipeline</label>
            <select id="deal-pipeline" value={pipelineId} onChange={(e) => setPipelineId(e.target.value)}>
              {pipelines.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <FormError error={error} />
        <div className="form-actions">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            Open the deal
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
