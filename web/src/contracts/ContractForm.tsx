import { FieldForm } from '../components/FieldForm';
import { contractEntity } from '../../../src/schema/entities.js';
import type { Contract } from './types';

/** The fields a person fills in: the registry's writable contract fields (the customer is set by the caller when known). */
const writable = contractEntity.fields.filter((f) => !f.readOnly);
const sections = [
  { title: 'Contract', fields: ['title', 'status', 'starts_on', 'ends_on'] },
  { title: 'Money', fields: ['value', 'currency', 'billing_period'] },
  { title: 'Renewal', fields: ['renewal_notice_days', 'auto_renew'] },
  { title: 'Links', fields: ['customer_id', 'deal_id', 'quote_id'] },
];

export function ContractForm({
  contract,
  customerId,
  onSubmit,
  onCancel,
}: {
  contract?: Contract;
  customerId?: string;
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  onCancel: () => void;
}) {
  const fields = customerId ? writable.filter((f) => f.name !== 'customer_id') : writable;
  return (
    <FieldForm
      fields={fields}
      record={contract}
      sections={sections}
      mode={contract ? 'edit' : 'create'}
      idPrefix="contract"
      submitLabel={contract ? 'Save contract' : 'Create contract'}
      onSubmit={(values) => onSubmit(customerId && !contract ? { ...values, customer_id: customerId } : values)}
      onCancel={onCancel}
    />
  );
}
