import { useState, type FormEvent } from 'react';
import { Button, Card, FormError } from '../components/ui';
import { ApiError } from '../lib/api';
import { formatMoney } from '../lib/format';
import { quoteAmounts, toMajor } from '../../../src/quotes/money.js';
import { parseMoney } from '../../../src/imports/values/numbers.js';
import { AmountInput } from '../components/AmountInput';
import { useOpenDeals, useProducts, type QuoteBody } from './hooks';
import type { Quote, QuoteLine } from './types';

type DraftLine = Omit<QuoteLine, 'id' | 'net'>;
const emptyLine = (): DraftLine => ({ product_id: null, name: '', quantity: 1, unit_price: 0, discount_percent: 0, tax_rate: 0 });
const num = (v: string) => parseMoney(v) ?? 0;

/** Live totals by the same exact rule the server applies (src/quotes/money.ts). */
function Totals({ currency, lines, discount }: { currency: string; lines: DraftLine[]; discount: number }) {
  let a;
  try {
    a = quoteAmounts(
      currency,
      lines.map((l) => ({ quantity: l.quantity || 0, unitPrice: l.unit_price || 0, discountPercent: l.discount_percent || 0, taxRate: l.tax_rate || 0 })),
      discount || 0,
    );
  } catch {
    return null;
  }
  const m = (minor: number) => formatMoney(toMajor(minor, a.digits), currency);
  return (
    <div className="quote-totals" aria-live="polite" data-testid="quote-totals">
      <div>
        <span>Subtotal</span>
        <span>{m(a.subtotal)}</span>
      </div>
      {a.discount > 0 && (
        <div>
          <span>Discount ({discount}%)</span>
          <span>-{m(a.discount)}</span>
        </div>
      )}
      {a.taxes
        .filter((t) => t.rate > 0)
        .map((t) => (
          <div key={t.rate}>
            <span>
              Tax {t.rate}% on {m(t.base)}
            </span>
            <span>{m(t.tax)}</span>
          </div>
        ))}
      <div className="quote-total">
        <span>Total</span>
        <span>{m(a.total)}</span>
      </div>
    </div>
  );
}

/** A draft quote's form: the lines (from the catalogue or typed), discounts, tax rates and terms. */
export function QuoteEditor({
  quote,
  customerId,
  dealId: initialDeal,
  defaultCurrency,
  onSave,
  saveLabel,
}: {
  quote?: Quote;
  customerId: string;
  dealId?: string;
  defaultCurrency: string;
  onSave: (body: QuoteBody) => Promise<void>;
  saveLabel: string;
}) {
  const products = useProducts();
  const deals = useOpenDeals(customerId);
  const [dealId, setDealId] = useState(quote?.deal_id ?? initialDeal ?? '');
  const [title, setTitle] = useState(quote?.title ?? '');
  const [validUntil, setValidUntil] = useState(quote?.valid_until ?? '');
  const [currency, setCurrency] = useState(quote?.currency ?? defaultCurrency);
  const [discount, setDiscount] = useState(String(quote?.discount_percent ?? 0));
  const [terms, setTerms] = useState(quote?.terms ?? '');
  const [notes, setNotes] = useState(quote?.notes ?? '');
  const [lines, setLines] = useState<DraftLine[]>(quote?.lines.map(({ id: _id, net: _net, ...l }) => l) ?? [emptyLine()]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldMessage(name) : undefined);

  const setLine = (i: number, patch: Partial<DraftLine>) => setLines((all) => all.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const pickProduct = (i: number, id: string) => {
    const p = products.data?.find((x) => x.id === id);
    setLine(i, p ? { product_id: p.id, name: p.name, sku: p.sku, unit_price: p.price ?? 0 } : { product_id: null });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave({
        deal_id: dealId || null,
        title: title || null,
        valid_until: validUntil || undefined,
        currency,
        discount_percent: num(discount),
        terms: terms || null,
        notes: notes || null,
        lines: lines.map((l) => ({ ...l, name: l.name })),
      });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Card title="Quote" id="quote-form">
        <div className="card-pad quote-fields">
          <label>
            Title
            <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={255} />
          </label>
          <div className="quote-field">
            <label htmlFor="quote-deal">Deal</label>
            <select id="quote-deal" value={dealId} onChange={(e) => setDealId(e.target.value)} aria-describedby="deal-hint">
              <option value="">No deal</option>
              {(deals.data ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
              {quote?.deal_id && !(deals.data ?? []).some((d) => d.id === quote.deal_id) && <option value={quote.deal_id}>The linked deal</option>}
            </select>
            <span id="deal-hint" className="muted small">
              Accepting the quote wins it
            </span>
          </div>
          <label>
            Valid until
            <input type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} aria-describedby="valid-hint" />
            <span id="valid-hint" className="muted small">
              {fieldError('valid_until') ?? 'Empty: 30 days from today'}
            </span>
          </label>
          <label>
            Currency
            <input value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} maxLength={3} aria-invalid={!!fieldError('currency')} />
          </label>
          <label>
            Overall discount (%)
            <input inputMode="decimal" value={discount} onChange={(e) => setDiscount(e.target.value)} aria-invalid={!!fieldError('discount_percent')} />
          </label>
        </div>
      </Card>
      <Card title="Lines" id="quote-lines">
        <table className="table table-compact quote-lines">
          <caption className="sr-only">Lines of the quote</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className="col-name">
                Description
              </th>
              <th scope="col" className="col-small num">
                Quantity
              </th>
              <th scope="col" className="col-small num">
                Unit price
              </th>
              <th scope="col" className="col-small num">
                Discount %
              </th>
              <th scope="col" className="col-small num">
                Tax %
              </th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={i}>
                <td>
                  <select aria-label={`Product of line ${i + 1}`} value={l.product_id ?? ''} onChange={(e) => pickProduct(i, e.target.value)}>
                    <option value="">Typed line</option>
                    {(products.data ?? []).map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input aria-label={`Description of line ${i + 1}`} value={l.name} onChange={(e) => setLine(i, { name: e.target.value })} aria-invalid={!!fieldError(`lines.${i}.name`)} />
                </td>
                <td className="num">
                  <AmountInput aria-label={`Quantity of line ${i + 1}`} value={l.quantity} onValue={(n) => setLine(i, { quantity: n ?? 0 })} />
                </td>
                <td className="num">
                  <AmountInput aria-label={`Unit price of line ${i + 1}`} value={l.unit_price} onValue={(n) => setLine(i, { unit_price: n ?? 0 })} />
                </td>
                <td className="num">
                  <AmountInput aria-label={`Discount of line ${i + 1} in percent`} value={l.discount_percent} onValue={(n) => setLine(i, { discount_percent: n ?? 0 })} />
                </td>
                <td className="num">
                  <AmountInput aria-label={`Tax rate of line ${i + 1} in percent`} value={l.tax_rate} onValue={(n) => setLine(i, { tax_rate: n ?? 0 })} />
                </td>
                <td>
                  <Button size="sm" variant="ghost" onClick={() => setLines((all) => all.filter((_, j) => j !== i))} aria-label={`Remove line ${i + 1}`}>
                    Remove
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="card-pad">
          <Button size="sm" onClick={() => setLines((all) => [...all, emptyLine()])}>
            Add a line
          </Button>
          <Totals currency={currency.length === 3 ? currency : defaultCurrency} lines={lines} discount={num(discount)} />
        </div>
      </Card>
      <Card title="Terms and notes" id="quote-terms">
        <div className="card-pad quote-wide">
          <label>
            Terms (shown to the client)
            <textarea rows={4} value={terms} onChange={(e) => setTerms(e.target.value)} />
          </label>
          <label>
            Internal notes
            <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
          </label>
        </div>
      </Card>
      <FormError error={error} />
      <Button type="submit" variant="primary" busy={busy}>
        {saveLabel}
      </Button>
    </form>
  );
}
