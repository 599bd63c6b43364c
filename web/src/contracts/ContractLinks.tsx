import { useEffect, useState } from 'react';
import { api, type ApiRecord, type Page } from '../lib/api';

export interface LinkOption {
  id: string;
  label: string;
}

export interface ContractLinkValues {
  customer_id: string | null;
  deal_id: string | null;
  quote_id: string | null;
}

/** Where the pickers find their choices. */
export interface LinkSources {
  customers(query: string): Promise<LinkOption[]>;
  customer(id: string): Promise<LinkOption | null>;
  deals(customerId: string): Promise<LinkOption[]>;
  quotes(customerId: string): Promise<LinkOption[]>;
}

const personLabel = (c: ApiRecord) => {
  const name = [c.first_name, c.last_name].filter((v) => typeof v === 'string' && v).join(' ') || (c.company as string) || (c.email as string) || (c.id as string);
  return c.email && name !== c.email ? `${name} · ${c.email}` : name;
};

const apiLinkSources: LinkSources = {
  customers: (q) => api.get<Page>('/api/customers', { q, limit: 10, fields: 'id,first_name,last_name,email,company' }).then((r) => r.data.map((c) => ({ id: c.id as string, label: personLabel(c) }))),
  customer: (id) =>
    api.get<ApiRecord>(`/api/customers/${encodeURIComponent(id)}`).then(
      (c) => ({ id, label: personLabel(c) }),
      () => null,
    ),
  deals: (customerId) =>
    api
      .get<Page>('/api/deals', { customer_id: customerId, limit: 100, sort: '-created_at', fields: 'id,title,status' })
      .then((r) => r.data.map((d) => ({ id: d.id as string, label: `${d.title as string} (${d.status as string})` }))),
  quotes: (customerId) =>
    api
      .get<Page>('/api/quotes', { customer_id: customerId, limit: 100, sort: '-created_at' })
      .then((r) =>
        r.data.map((q) => ({ id: q.id as string, label: `${q.number as string}${Number(q.version) > 1 ? ` v${q.version}` : ''}${q.title ? ` ${q.title as string}` : ''} (${q.status as string})` })),
      ),
};

/** The options of a select, the current value kept even when the list does not hold it. */
function withCurrent(options: LinkOption[], current: string | null, label?: string): LinkOption[] {
  return current && !options.some((o) => o.id === current) ? [{ id: current, label: label ?? current }, ...options] : options;
}

/**
 * Links of a contract picked rather than typed: a customer found by name or email, then one of that
 * customer's deals and quotes. With `fixedCustomerId` (the customer page) only the deal and quote are asked.
 */
export function ContractLinks({
  value,
  onChange,
  fixedCustomerId,
  sources = apiLinkSources,
}: {
  value: ContractLinkValues;
  onChange: (next: ContractLinkValues) => void;
  fixedCustomerId?: string;
  sources?: LinkSources;
}) {
  const customerId = fixedCustomerId ?? value.customer_id;
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<LinkOption[]>([]);
  const [chosen, setChosen] = useState<LinkOption | null>(null);
  const [deals, setDeals] = useState<LinkOption[]>([]);
  const [quotes, setQuotes] = useState<LinkOption[]>([]);

  useEffect(() => {
    if (fixedCustomerId || !value.customer_id || chosen?.id === value.customer_id) return;
    let live = true;
    void sources.customer(value.customer_id).then((c) => live && c && setChosen(c));
    return () => {
      live = false;
    };
  }, [fixedCustomerId, value.customer_id, chosen, sources]);

  useEffect(() => {
    if (query.trim().length < 2) return;
    let live = true;
    const timer = setTimeout(() => void sources.customers(query.trim()).then((list) => live && setFound(list)), 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, sources]);

  useEffect(() => {
    let live = true;
    if (!customerId) {
      setDeals([]);
      setQuotes([]);
      return;
    }
    void sources.deals(customerId).then((list) => live && setDeals(list));
    void sources.quotes(customerId).then((list) => live && setQuotes(list));
    return () => {
      live = false;
    };
  }, [customerId, sources]);

  const customerOptions = withCurrent(found, value.customer_id, chosen?.id === value.customer_id ? chosen.label : undefined);
  return (
    <fieldset className="form-section">
      <legend>Links</legend>
      <div className="form-grid">
        {!fixedCustomerId && (
          <>
            <div className="field">
              <label htmlFor="contract-customer-search">Find a customer</label>
              <input id="contract-customer-search" type="search" value={query} placeholder="Name or email" autoComplete="off" onChange={(e) => setQuery(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="contract-customer_id">Customer</label>
              <select
                id="contract-customer_id"
                value={value.customer_id ?? ''}
                onChange={(e) => {
                  const id = e.target.value || null;
                  const option = customerOptions.find((o) => o.id === id);
                  if (option) setChosen(option);
                  onChange({ customer_id: id, deal_id: null, quote_id: null });
                }}
              >
                <option value="">No customer</option>
                {customerOptions.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor="contract-deal_id">Deal</label>
          <select id="contract-deal_id" value={value.deal_id ?? ''} onChange={(e) => onChange({ ...value, deal_id: e.target.value || null })}>
            <option value="">{customerId ? 'No deal' : 'No deal (pick a customer to see theirs)'}</option>
            {withCurrent(deals, value.deal_id).map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="contract-quote_id">Quote</label>
          <select id="contract-quote_id" value={value.quote_id ?? ''} onChange={(e) => onChange({ ...value, quote_id: e.target.value || null })}>
            <option value="">{customerId ? 'No quote' : 'No quote (pick a customer to see theirs)'}</option>
            {withCurrent(quotes, value.quote_id).map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
