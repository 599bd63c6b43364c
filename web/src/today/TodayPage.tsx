import { Card, ErrorState, Loading, PageHeader } from '../components/ui';
import { formatMoney } from '../lib/format';
import { useDocumentTitle } from '../lib/hooks';
import { Link } from '../lib/router';
import { useToday } from './hooks';
import { TodayList } from './TodayList';

/** Today: what to do now, ranked by money at stake rather than by due date. */
export function TodayPage() {
  useDocumentTitle('Today');
  const today = useToday(100);
  const t = today.data;
  return (
    <div className="page">
      <PageHeader
        title="Today"
        subtitle={
          t
            ? `Ranked by money at stake: value × probability, in ${t.currency}. A task linked to nothing of value counts as ${formatMoney(t.default_task_value, t.currency)}.`
            : 'Ranked by money at stake.'
        }
      />
      <Card>{today.error ? <ErrorState error={today.error} onRetry={today.reload} /> : !t ? <Loading /> : <TodayList items={t.items} />}</Card>
    </div>
  );
}

/** The dashboard's first card: the top of Today. */
export function TodayCard() {
  const today = useToday(5);
  return (
    <Card title="Today" id="dash-today" className="section-gap" actions={<Link to="/today">All of today</Link>}>
      {today.error ? <ErrorState error={today.error} onRetry={today.reload} /> : !today.data ? <Loading /> : <TodayList items={today.data.items} compact />}
    </Card>
  );
}
