import { Card } from '../components/ui';
import { ContractList } from './ContractList';

/** The customer's contracts on their 360 view. */
export function CustomerContracts({ customerId }: { customerId: string }) {
  return (
    <Card title="Contracts" id="customer-contracts">
      <ContractList customerId={customerId} />
    </Card>
  );
}
