import { useState, type FormEvent } from 'react';
import { useToast } from '../components/Toasts';
import { Badge, Button, Card, ErrorState, FormError, Loading } from '../components/ui';
import { formatShortDate } from '../lib/format';
import { loyaltyApi, usePoints, useRewards } from './hooks';

const kindLabel: Record<string, string> = { earn: 'Earned', spend: 'Redeemed', expire: 'Expired', reverse: 'Taken back', adjust: 'Adjusted' };

/** Points on the customer's 360 view: balance, tier, recent entries, links, adjust and redeem. */
export function PointsCard({ customerId }: { customerId: string }) {
  const points = usePoints(customerId);
  const rewards = useRewards();
  const p = points.data;
  return (
    <Card title="Loyalty points" id="loyalty-points">
      {points.error ? (
        <ErrorState error={points.error} onRetry={points.reload} />
      ) : !p ? (
        <Loading />
      ) : (
        <div className="card-pad">
          <p>
            <strong className="stat-value" data-testid="points-balance">
              {p.points}
            </strong>{' '}
            points {p.tier ? <Badge tone="accent">{p.tier.name}</Badge> : null}
          </p>
          {p.tier?.benefits ? <p className="muted small">{p.tier.benefits}</p> : null}
          {p.history.length === 0 ? (
            <p className="muted">No points yet.</p>
          ) : (
            <table className="table table-compact" aria-label="Recent points">
              <tbody>
                {p.history.map((e) => (
                  <tr key={e.id}>
                    <td>{formatShortDate(e.created_at)}</td>
                    <td>{kindLabel[e.kind] ?? e.kind}</td>
                    <td className="num">{e.points > 0 ? `+${e.points}` : e.points}</td>
                    <td className="muted small">{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {p.redemptions.some((r) => r.code) && (
            <p className="small">
              Codes:{' '}
              {p.redemptions
                .filter((r) => r.code)
                .map((r) => `${r.code}${r.uses_left === 0 ? ' (used)' : ''}`)
                .join(', ')}
            </p>
          )}
          {p.page_link && (
            <p className="small points-links">
              Customer page:{' '}
              <a href={p.page_link} data-testid="points-page-link">
                {p.page_link}
              </a>
              <br />
              Referral link: <a href={p.referral_link ?? undefined}>{p.referral_link}</a> · brought in {p.referrals}
            </p>
          )}
          <RedeemForm customerId={customerId} balance={p.points} rewards={(rewards.data ?? []).filter((r) => r.active)} onDone={points.reload} />
          <AdjustForm customerId={customerId} onDone={points.reload} />
        </div>
      )}
    </Card>
  );
}

function RedeemForm({ customerId, balance, rewards, onDone }: { customerId: string; balance: number; rewards: { id: string; name: string; points_price: number }[]; onDone: () => void }) {
  const toast = useToast();
  const [rewardId, setRewardId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (rewards.length === 0) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await loyaltyApi.redeem(customerId, { reward_id: rewardId });
      toast(r.code ? `Redeemed: code ${r.code}` : 'Redeemed');
      setRewardId('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Redeem a reward">
      <label htmlFor="redeem-reward">Redeem</label>
      <select id="redeem-reward" value={rewardId} onChange={(e) => setRewardId(e.target.value)} required>
        <option value="">Choose a reward…</option>
        {rewards.map((r) => (
          <option key={r.id} value={r.id} disabled={r.points_price > balance}>
            {r.name} ({r.points_price} points)
          </option>
        ))}
      </select>
      <Button type="submit" busy={busy} disabled={!rewardId}>
        Redeem
      </Button>
      <FormError error={error} />
    </form>
  );
}

function AdjustForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const toast = useToast();
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await loyaltyApi.adjust(customerId, { points: Number(points), reason });
      toast('Points adjusted');
      setPoints('');
      setReason('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Adjust points">
      <label htmlFor="adjust-points">Adjust by</label>
      <input id="adjust-points" type="number" step={1} value={points} onChange={(e) => setPoints(e.target.value)} required />
      <label htmlFor="adjust-reason">Reason</label>
      <input id="adjust-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={255} required />
      <Button type="submit" busy={busy}>
        Adjust
      </Button>
      <FormError error={error} />
    </form>
  );
}
