import { useEffect, useState, type FormEvent } from 'react';
import { useToast } from '../components/Toasts';
import { Badge, Button, FormError } from '../components/ui';
import { ApiError } from '../lib/api';
import { useDebounced } from '../lib/hooks';
import { smsApi } from './hooks';
import type { SmsPurpose, SmsSegmentCount } from './types';

/** The segment count of a draft, from the server's counter, shown while typing. */
export function SegmentCount({ body }: { body: string }) {
  const debounced = useDebounced(body, 200);
  const [count, setCount] = useState<SmsSegmentCount | null>(null);
  useEffect(() => {
    let live = true;
    smsApi.segments(debounced).then(
      (c) => live && setCount(c),
      () => live && setCount(null),
    );
    return () => {
      live = false;
    };
  }, [debounced]);
  if (!count) return null;
  return (
    <p className="muted small" role="status" data-testid="sms-segments">
      <Badge tone={count.segments > 1 ? 'warning' : 'neutral'}>
        {count.segments} {count.segments === 1 ? 'SMS' : 'SMS parts'}
      </Badge>{' '}
      {count.encoding}, {count.units} of {count.segments * count.per_segment} {count.encoding === 'GSM-7' ? 'characters' : 'units'} ({count.remaining} left in this part)
      {count.non_gsm_characters.length > 0 && <> · sent as UCS-2 because of {count.non_gsm_characters.map((c) => `“${c}”`).join(' ')}: replace them to fit 160 characters per SMS</>}
    </p>
  );
}

/** Writes a text to a customer, with the segment count before sending. */
export function SmsComposer({ customerId: fixedCustomer, onSent }: { customerId?: string; onSent?: () => void }) {
  const toast = useToast();
  const [customerId, setCustomerId] = useState(fixedCustomer ?? '');
  const [body, setBody] = useState('');
  const [purpose, setPurpose] = useState<SmsPurpose>('transactional');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function send(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      const sms = await smsApi.send({ customer_id: customerId.trim(), body, purpose });
      toast(`Text queued to ${sms.to_number}.`);
      setBody('');
      onSent?.();
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldMessages());
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={send} noValidate aria-label="Send a text">
      {!fixedCustomer && (
        <div className={`field${errors.customer_id || errors.to ? ' has-error' : ''}`}>
          <label htmlFor="sms-customer">Customer ID</label>
          <input id="sms-customer" value={customerId} onChange={(e) => setCustomerId(e.target.value)} placeholder="cus_…" autoComplete="off" />
          {(errors.customer_id || errors.to) && <span className="field-error">{errors.customer_id ?? errors.to}</span>}
        </div>
      )}
      <div className={`field${errors.body ? ' has-error' : ''}`}>
        <label htmlFor="sms-body">Text</label>
        <textarea id="sms-body" rows={4} value={body} onChange={(e) => setBody(e.target.value)} maxLength={1600} />
        {errors.body && <span className="field-error">{errors.body}</span>}
        <SegmentCount body={body} />
      </div>
      <div className="field">
        <label htmlFor="sms-purpose">Purpose</label>
        <select id="sms-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value as SmsPurpose)}>
          <option value="transactional">Transactional (order, appointment)</option>
          <option value="notification">Notification</option>
          <option value="marketing">Marketing (needs SMS consent)</option>
        </select>
      </div>
      <Button type="submit" variant="primary" busy={busy} disabled={!body.trim()}>
        Send text
      </Button>
      <FormError error={error} />
    </form>
  );
}
