import { Card, ErrorState, Loading } from '../components/ui';
import { formatMoney, formatNumber } from '../lib/format';
import { useLoyaltyReport } from './hooks';
import type { LoyaltyReport } from './types';

const measureLabel: Record<string, string> = { clv: 'Lifetime value', churn_risk: 'Churn risk', order_count: 'Orders', revenue: 'Revenue' };
const num = (v: number | null) => (v === null ? '—' : formatNumber(v));

/** The programme's return: liability, redemption, tier mix, and referred customers against the others. */
export function LoyaltyReportCard() {
  const report = useLoyaltyReport();
  return (
    <Card title="Return on the programme" id="loyalty-report">
      {report.error ? <ErrorState error={report.error} onRetry={report.reload} /> : !report.data ? <Loading /> : <ReportBody r={report.data} />}
    </Card>
  );
}

function ReportBody({ r }: { r: LoyaltyReport }) {
  const ref = r.referrals;
  return (
    <div className="card-pad">
      <dl className="facts">
        <dt>Points outstanding</dt>
        <dd>{formatNumber(r.outstanding_points)}</dd>
        <dt>Liability</dt>
        <dd data-testid="loyalty-liability">{formatMoney(r.liability, r.currency)}</dd>
        <dt>Redemption rate</dt>
        <dd>{r.redemption_rate === null ? '—' : `${Math.round(r.redemption_rate * 100)}% of points earned`}</dd>
        <dt>Members who redeemed</dt>
        <dd>{r.members_who_redeemed === null ? '—' : `${Math.round(r.members_who_redeemed * 100)}% of ${r.members}`}</dd>
      </dl>
      {r.by_month.length > 0 && (
        <div className="table-scroll">
          <table className="table table-compact" aria-label="Points by month">
            <thead>
              <tr>
                <th>Month</th>
                <th className="num">Earned</th>
                <th className="num">Redeemed</th>
                <th className="num">Expired</th>
                <th className="num">Taken back</th>
              </tr>
            </thead>
            <tbody>
              {r.by_month.map((m) => (
                <tr key={m.month}>
                  <td>{m.month}</td>
                  <td className="num">{m.earned}</td>
                  <td className="num">{m.redeemed}</td>
                  <td className="num">{m.expired}</td>
                  <td className="num">{m.reversed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r.tier_mix.length > 0 && <p>Tier mix: {r.tier_mix.map((t) => `${t.name} ${t.customers}`).join(' · ')}</p>}
      <h3>Referred customers against the others</h3>
      <p>
        {ref.attributed} referred, {ref.rewarded} rewarded.
      </p>
      {ref.message && (
        <p className="notice" role="status" data-testid="referral-too-few">
          {ref.message}
        </p>
      )}
      <div className="table-scroll">
        <table className="table table-compact" aria-label="Referred against other customers">
          <thead>
            <tr>
              <th>Measure</th>
              <th className="num">Referred</th>
              <th className="num">Others</th>
              <th className="num">Difference (95% interval)</th>
            </tr>
          </thead>
          <tbody>
            {ref.comparisons.map((c) => (
              <tr key={c.measure}>
                <td>{measureLabel[c.measure] ?? c.measure}</td>
                <td className="num">
                  {num(c.referred_mean)} <span className="muted small">n={c.referred_n}</span>
                </td>
                <td className="num">
                  {num(c.others_mean)} <span className="muted small">n={c.others_n}</span>
                </td>
                <td className="num">
                  {num(c.difference)} {c.low !== null && c.high !== null ? `(${num(c.low)} to ${num(c.high)})` : ''}
                  {c.note ? <span className="muted small"> {c.note}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Referral rewards cost {formatMoney(ref.reward_cost, r.currency)}; referred customers brought {formatMoney(ref.referred_revenue, r.currency)}.{' '}
        {ref.affordable_reward !== null
          ? `The data suggests a reward of up to ${formatMoney(ref.affordable_reward, r.currency)} per referral (${formatNumber(ref.affordable_points ?? 0)} points, both sides together) pays for itself at a ${Math.round(ref.margin * 100)}% margin.`
          : 'Not enough referred customers yet to suggest a reward level.'}
      </p>
    </div>
  );
}
