import { useState } from 'react';
import { FieldForm } from '../components/FieldForm';
import { contractEntity } from '../../../src/schema/entities.js';
import { ContractLinks, type ContractLinkValues, type LinkSources } from './ContractLinks';
import type { Contract } from './types';

const linkFields = ['customer_id', 'deal_id', 'quote_id'] as const;
/** The fields a person fills in: the registry's writable contract fields; its links are picked (ContractLinks). */
const writable = contractEntity.fields.filter((f) => !f.readOnly && !(linkFields as readonly string[]).includes(f.name));
const sections = [
  { title: 'Contract', fields: ['title', 'status', 'starts_on', 'ends_on'] },
  { title: 'Money', fields: ['value', 'currency', 'billing_period'] },
  { title: 'Renewal', fields: ['renewal_notice_days', 'auto_renew'] },
];

export function ContractForm({
  contract,
  customerId,
  onSubmit,
  onCancel,
  sources,
}: {
  contract?: Contract;
  customerId?: string;
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  onCancel: () => void;
  sources?: LinkSources;
}) {
  const stored: ContractLinkValues = { customer_id: contract?.customer_id ?? customerId ?? null, deal_id: contract?.deal_id ?? null, quote_id: contract?.quote_id ?? null };
  const [links, setLinks] = useState<ContractLinkValues>(stored);
  // Creating: the links that are set; editing: the links that changed.
  const changedLinks = Object.fromEntries(linkFields.filter((f) => (contract ? links[f] !== stored[f] : links[f] !== null)).map((f) => [f, links[f]]));
  return (
    <FieldForm
      fields={writable}
      record={contract}
      sections={sections}
      mode={contract ? 'edit' : 'create'}
      idPrefix="contract"
      submitLabel={contract ? 'Save contract' : 'Create contract'}
      extra={<ContractLinks value={links} onChange={setLinks} fixedCustomerId={customerId} sources={sources} />}
      extraChanged={Object.keys(changedLinks).length > 0}
      onSubmit={(values) => onSubmit({ ...values, ...changedLinks })}
      onCancel={onCancel}
    />
  );
}
