import { useState } from 'react';
import { Badge, Button, Card, EmptyState, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { formatDateTime } from '../lib/format';
import { useDocumentTitle } from '../lib/hooks';
import { Link, navigate } from '../lib/router';
import { useTemplates } from '../templates/hooks';
import { campaignsApi, statusTone, useCampaigns } from './hooks';

/** Email campaigns: the list, newest first, and a button that starts a draft. */
export function CampaignsPage() {
  useDocumentTitle('Campaigns');
  const campaigns = useCampaigns();
  const templates = useTemplates();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const first = templates.data?.[0];
      if (!first) throw new Error('Write a template first (Email templates)');
      const c = await campaignsApi.create({ name: 'New campaign', audience: { kind: 'stage', stage: 'active' }, variants: [{ template_id: first.id }] });
      navigate(`/campaigns/${c.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page page-wide">
      <PageHeader
        title="Campaigns"
        subtitle="Email to a segment, a filter, an RFM segment or a lifecycle stage; A/B tests that send the winner"
        actions={
          <>
            <Link to="/templates">Email templates</Link>{' '}
            <Button variant="primary" onClick={create} busy={busy}>
              New campaign
            </Button>
          </>
        }
      />
      <FormError error={error} />
      {campaigns.error ? (
        <ErrorState error={campaigns.error} onRetry={campaigns.reload} />
      ) : !campaigns.data ? (
        <Loading />
      ) : campaigns.data.length === 0 ? (
        <EmptyState icon="file" title="No campaigns yet">
          Write a template, then start a campaign.
        </EmptyState>
      ) : (
        <Card title="All campaigns">
          <table className="table" aria-label="Campaigns">
            <thead>
              <tr>
                <th>Name</th>
                <th>Status</th>
                <th>Variants</th>
                <th>Started</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.data.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/campaigns/${c.id}`}>
                      <strong>{c.name}</strong>
                    </Link>
                  </td>
                  <td>
                    <Badge tone={statusTone(c.status)}>{c.status}</Badge>
                  </td>
                  <td>{c.variants.length > 1 ? `A/B (${c.variants.length})` : '1'}</td>
                  <td>{c.started_at ? formatDateTime(c.started_at) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
