import { Badge, Card } from '../components/ui';
import { formatShortDate } from '../lib/format';
import { useCustomerFeedback } from './hooks';

const bandTone = { promoter: 'success', passive: 'neutral', detractor: 'danger' } as const;

/** The customer's last NPS answer, average CSAT and recent answers, on the customer page. */
export function CustomerFeedbackCard({ customerId }: { customerId: string }) {
  const feedback = useCustomerFeedback(customerId);
  const f = feedback.data;
  if (!f || f.requests === 0) return null;
  return (
    <Card title="Feedback" id="feedback">
      <dl className="facts">
        <div className="fact">
          <dt>Last NPS</dt>
          <dd>
            {f.last_nps ? (
              <>
                {f.last_nps.score} <Badge tone={bandTone[f.last_nps.band]}>{f.last_nps.band}</Badge>
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div className="fact">
          <dt>Average CSAT</dt>
          <dd>{f.csat_average === null ? '—' : `${f.csat_average} / 5`}</dd>
        </div>
        <div className="fact">
          <dt>Answered</dt>
          <dd>
            {f.answered} of {f.requests} surveys
          </dd>
        </div>
      </dl>
      {f.responses.length > 0 && (
        <ul className="plain-list">
          {f.responses.slice(0, 5).map((r) => (
            <li key={r.id}>
              <strong>
                {r.kind.toUpperCase()} {r.score}
              </strong>{' '}
              <span className="muted small">{formatShortDate(r.answered_at)}</span>
              {r.comment && <p className="small">{r.comment}</p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
