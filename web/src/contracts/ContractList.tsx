import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { Badge, Button, EmptyState, ErrorState, Loading } from '../components/ui';
import { formatMoney, formatShortDate } from '../lib/format';
import { Link } from '../lib/router';
import { ContractFile } from './ContractFile';
import { ContractForm } from './ContractForm';
import { contractStatusTone, contractsApi, useContracts } from './hooks';
import type { Contract } from './types';

/**
 * Contracts with a form to create or edit one and the signed file: all of them in a table, or one
 * customer's (`customerId`) as a list that fits the narrow card on their page.
 */
export function ContractList({ customerId }: { customerId?: string }) {
  const [status, setStatus] = useState('');
  const list = useContracts({ sort: 'ends_on', limit: 200, customer_id: customerId, status: status || undefined });
  const [editing, setEditing] = useState<Contract | 'new' | null>(null);
  const replace = (c: Contract) => list.setData((page) => (page ? { ...page, data: page.data.map((x) => (x.id === c.id ? c : x)) } : page));
  const term = (c: Contract) => `${formatShortDate(c.starts_on)} to ${c.ends_on ? formatShortDate(c.ends_on) : 'open-ended'}`;
  const value = (c: Contract) => (c.value === null ? '' : `${formatMoney(c.value, c.currency)}${c.billing_period ? ` ${c.billing_period.replace('_', ' ')}` : ''}`);
  return (
    <div className={customerId ? 'stack card-pad' : 'stack'}>
      <div className="toolbar">
        <select aria-label="Contract status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Any status</option>
          {Object.keys(contractStatusTone).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <Button variant="primary" size="sm" icon="plus" onClick={() => setEditing('new')}>
          New contract
        </Button>
      </div>
      {editing && (
        <Dialog open title={editing === 'new' ? 'New contract' : `Edit ${editing.title}`} onClose={() => setEditing(null)} size="lg">
          <ContractForm
            contract={editing === 'new' ? undefined : editing}
            customerId={customerId}
            onCancel={() => setEditing(null)}
            onSubmit={async (values) => {
              if (editing === 'new') await contractsApi.create(values);
              else await contractsApi.update(editing.id, values);
              setEditing(null);
              list.reload();
            }}
          />
        </Dialog>
      )}
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.data.length === 0 ? (
        <EmptyState icon="file" title="No contracts yet">
          A contract tracks its term, value and renewal; Rapport marks it expiring and creates a renewal task and deal before it ends.
        </EmptyState>
      ) : customerId ? (
        <ul className="contract-list">
          {list.data.data.map((c) => (
            <li key={c.id} className="contract-row">
              <div>
                <Button size="sm" variant="ghost" onClick={() => setEditing(c)}>
                  {c.title}
                </Button>{' '}
                <Badge tone={contractStatusTone[c.status]}>{c.status}</Badge>
              </div>
              <div className="muted small">
                {term(c)}
                {value(c) && ` · ${value(c)}`}
                {c.auto_renew && ' · renews automatically'}
              </div>
              <ContractFile contract={c} onChange={replace} />
            </li>
          ))}
        </ul>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Contract</th>
              <th scope="col">Customer</th>
              <th scope="col">Term</th>
              <th scope="col">Value</th>
              <th scope="col">Status</th>
              <th scope="col">Signed file</th>
            </tr>
          </thead>
          <tbody>
            {list.data.data.map((c) => (
              <tr key={c.id}>
                <td>
                  <Button size="sm" variant="ghost" onClick={() => setEditing(c)}>
                    {c.title}
                  </Button>
                  {c.auto_renew && <span className="muted small"> renews automatically</span>}
                </td>
                <td>{c.customer_id ? <Link to={`/customers/${encodeURIComponent(c.customer_id)}`}>Customer</Link> : <span className="muted">None</span>}</td>
                <td>{term(c)}</td>
                <td>
                  {c.value === null ? '' : formatMoney(c.value, c.currency)}
                  {c.billing_period ? <span className="muted small"> {c.billing_period.replace('_', ' ')}</span> : null}
                </td>
                <td>
                  <Badge tone={contractStatusTone[c.status]}>{c.status}</Badge>
                </td>
                <td>
                  <ContractFile contract={c} onChange={replace} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
