import { Card, ErrorState, Loading } from '../components/ui';
import { api } from '../lib/api';
import { formatNumber } from '../lib/format';
import { useAsync } from '../lib/hooks';

interface Counts {
  sent: number;
  accepted: number;
  converted: number;
  declined: number;
  expired: number;
  open: number;
  acceptance_rate: number | null;
  median_days_to_accept: number | null;
  mean_days_to_accept: number | null;
}

/** Acceptance rate and time to accept of the quotes sent in the last 12 months (GET /api/reports/quotes). */
export function QuoteReportCard() {
  const report = useAsync((signal) => api.get<{ from: string; to: string; totals: Counts }>('/api/reports/quotes', undefined, signal), []);
  if (report.error) return <ErrorState error={report.error} onRetry={report.reload} />;
  if (!report.data) return <Loading />;
  const t = report.data.totals;
  return (
    <Card title="Acceptance, last 12 months" id="quote-report">
      <dl className="facts card-pad quote-report">
        <div className="fact">
          <dt>Quotes sent</dt>
          <dd>{formatNumber(t.sent, true)}</dd>
        </div>
        <div className="fact">
          <dt>Acceptance rate</dt>
          <dd>{t.acceptance_rate === null ? '—' : `${formatNumber(t.acceptance_rate * 100)}%`}</dd>
        </div>
        <div className="fact">
          <dt>Accepted / converted</dt>
          <dd>
            {t.accepted} / {t.converted}
          </dd>
        </div>
        <div className="fact">
          <dt>Declined / expired / open</dt>
          <dd>
            {t.declined} / {t.expired} / {t.open}
          </dd>
        </div>
        <div className="fact">
          <dt>Median time to accept</dt>
          <dd>{t.median_days_to_accept === null ? '—' : `${formatNumber(t.median_days_to_accept)} days`}</dd>
        </div>
      </dl>
    </Card>
  );
}
