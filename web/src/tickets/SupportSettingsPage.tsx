import { Card, ErrorState, Loading, PageHeader } from '../components/ui';
import { useToast } from '../components/Toasts';
import { useDocumentTitle } from '../lib/hooks';
import { Link } from '../lib/router';
import { CannedRepliesSection } from './CannedReplies';
import { InboundTokensSection } from './InboundTokens';
import { MailboxesSection } from './MailboxesSection';
import { supportApi, useSlaSettings } from './settings-hooks';
import { SlaSettingsForm } from './SlaSettingsForm';
import './tickets.css';

/** The settings of the support inbox: where mail comes from, service levels and canned replies. */
export function SupportSettingsPage() {
  useDocumentTitle('Support settings');
  return (
    <div className="page support-settings">
      <PageHeader title="Support settings" subtitle={<Link to="/tickets">Back to the inbox</Link>} />
      <MailboxesSection />
      <InboundTokensSection />
      <SlaSection />
      <CannedRepliesSection />
    </div>
  );
}

function SlaSection() {
  const toast = useToast();
  const { data, error, loading, reload } = useSlaSettings();
  return (
    <Card title="Service levels">
      {loading && !data ? (
        <Loading />
      ) : error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : data ? (
        <SlaSettingsForm
          settings={data}
          onSubmit={async (settings) => {
            await supportApi.saveSla(settings);
            toast('Service levels saved; new tickets use them', 'success');
          }}
        />
      ) : null}
    </Card>
  );
}
