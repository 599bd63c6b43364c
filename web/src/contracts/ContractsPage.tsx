import { PageHeader } from '../components/ui';
import { useDocumentTitle } from '../lib/hooks';
import { ContractList } from './ContractList';

export function ContractsPage() {
  useDocumentTitle('Contracts');
  return (
    <div className="page page-wide">
      <PageHeader title="Contracts" subtitle="Terms, values and renewals; expiring contracts get a renewal task and deal." />
      <ContractList />
    </div>
  );
}
