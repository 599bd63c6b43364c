import { useState, type FormEvent, type ReactNode } from 'react';
import { useToast } from '../components/Toasts';
import { Button, Card, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { useDocumentTitle } from '../lib/hooks';
import { LoyaltyReportCard } from './LoyaltyReportCard';
import { loyaltyApi, useLoyaltySettings, useRewards, useRules, useTiers } from './hooks';
import type { LoyaltySettings } from './types';

/** Loyalty: the programme's settings, earn rules, rewards and tiers, and its report. */
export function LoyaltyPage() {
  useDocumentTitle('Loyalty');
  return (
    <div className="page page-wide">
      <PageHeader title="Loyalty" subtitle="Points, rewards, tiers and referrals" />
      <div className="dash-grid">
        <RulesCard />
        <RewardsCard />
        <TiersCard />
        <SettingsCard />
      </div>
      <LoyaltyReportCard />
    </div>
  );
}

/** Runs a write, shows its error, and reloads. */
function useWrite(onDone: () => void) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      toast(message);
      onDone();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

function List<T extends { id: string; name: string }>({ items, describe, onRemove, empty }: { items: T[]; describe: (item: T) => ReactNode; onRemove: (item: T) => void; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="task-list">
      {items.map((item) => (
        <li key={item.id} className="task-row">
          <span>{describe(item)}</span>{' '}
          <Button size="sm" variant="ghost" onClick={() => window.confirm(`Remove “${item.name}”?`) && onRemove(item)}>
            Remove
          </Button>
        </li>
      ))}
    </ul>
  );
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

function RulesCard() {
  const rules = useRules();
  const write = useWrite(rules.reload);
  const [form, setForm] = useState({ name: '', kind: 'order', points: '1', event_type: '', cap: '', starts_at: '', ends_at: '' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await write.run(
      () =>
        loyaltyApi.rules.create({
          name: form.name,
          kind: form.kind,
          points: Number(form.points),
          ...(form.kind === 'event' ? { event_type: form.event_type } : {}),
          cap: form.cap ? Number(form.cap) : null,
          starts_at: orNull(form.starts_at),
          ends_at: orNull(form.ends_at),
        }),
      'Rule added',
    );
    if (ok) setForm({ ...form, name: '', event_type: '', cap: '' });
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <Card title="Earn rules" id="loyalty-rules">
      <div className="card-pad">
        {rules.error ? (
          <ErrorState error={rules.error} onRetry={rules.reload} />
        ) : !rules.data ? (
          <Loading />
        ) : (
          <List
            items={rules.data}
            empty="No rules: nobody earns points yet."
            describe={(r) =>
              `${r.name}: ${r.points} ${r.kind === 'order' ? 'per unit of currency on paid orders' : r.kind === 'event' ? `per ${r.event_type}` : `on ${r.kind}`}${r.cap ? `, at most ${r.cap}` : ''}${r.active ? '' : ' (off)'}`
            }
            onRemove={(r) => void write.run(() => loyaltyApi.rules.remove(r.id), 'Rule removed')}
          />
        )}
        <form onSubmit={submit} aria-label="Add an earn rule" className="form-grid">
          <Field id="rule-name" label="Name">
            <input id="rule-name" value={form.name} onChange={set('name')} required maxLength={255} />
          </Field>
          <Field id="rule-kind" label="Earns on">
            <select id="rule-kind" value={form.kind} onChange={set('kind')}>
              <option value="order">Paid orders (per unit of currency)</option>
              <option value="signup">Sign-up</option>
              <option value="event">An event</option>
              <option value="referrer">Bringing a new customer (referrer)</option>
              <option value="referred">Coming through a referral</option>
            </select>
          </Field>
          {form.kind === 'event' && (
            <Field id="rule-event" label="Event type">
              <input id="rule-event" value={form.event_type} onChange={set('event_type')} placeholder="feedback.answered" required />
            </Field>
          )}
          <Field id="rule-points" label="Points">
            <input id="rule-points" type="number" step="any" min={0} value={form.points} onChange={set('points')} required />
          </Field>
          <Field id="rule-cap" label="Cap per customer (optional)">
            <input id="rule-cap" type="number" step={1} min={1} value={form.cap} onChange={set('cap')} />
          </Field>
          <Field id="rule-start" label="Starts (optional)">
            <input id="rule-start" type="date" value={form.starts_at} onChange={set('starts_at')} />
          </Field>
          <Field id="rule-end" label="Ends (optional)">
            <input id="rule-end" type="date" value={form.ends_at} onChange={set('ends_at')} />
          </Field>
          <Button type="submit" variant="primary" busy={write.busy}>
            Add rule
          </Button>
          <FormError error={write.error} />
        </form>
      </div>
    </Card>
  );
}

function RewardsCard() {
  const rewards = useRewards();
  const write = useWrite(rewards.reload);
  const [form, setForm] = useState({ name: '', kind: 'discount_code', points_price: '100', discount_amount: '', discount_percent: '', product_id: '', description: '' });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await write.run(
      () =>
        loyaltyApi.rewards.create({
          name: form.name,
          kind: form.kind,
          points_price: Number(form.points_price),
          description: orNull(form.description),
          ...(form.kind === 'discount_code'
            ? { discount_amount: form.discount_amount ? Number(form.discount_amount) : null, discount_percent: form.discount_percent ? Number(form.discount_percent) : null }
            : {}),
          ...(form.kind === 'free_product' ? { product_id: form.product_id } : {}),
        }),
      'Reward added',
    );
    if (ok) setForm({ ...form, name: '', description: '' });
  };
  return (
    <Card title="Rewards" id="loyalty-rewards">
      <div className="card-pad">
        {rewards.error ? (
          <ErrorState error={rewards.error} onRetry={rewards.reload} />
        ) : !rewards.data ? (
          <Loading />
        ) : (
          <List
            items={rewards.data}
            empty="No rewards yet."
            describe={(r) => `${r.name}: ${r.points_price} points${r.active ? '' : ' (off)'}`}
            onRemove={(r) => void write.run(() => loyaltyApi.rewards.remove(r.id), 'Reward removed')}
          />
        )}
        <form onSubmit={submit} aria-label="Add a reward" className="form-grid">
          <Field id="reward-name" label="Name">
            <input id="reward-name" value={form.name} onChange={set('name')} required maxLength={255} />
          </Field>
          <Field id="reward-kind" label="Kind">
            <select id="reward-kind" value={form.kind} onChange={set('kind')}>
              <option value="discount_code">Discount code</option>
              <option value="free_product">Free product</option>
              <option value="custom">Custom</option>
            </select>
          </Field>
          <Field id="reward-price" label="Points price">
            <input id="reward-price" type="number" step={1} min={1} value={form.points_price} onChange={set('points_price')} required />
          </Field>
          {form.kind === 'discount_code' && (
            <>
              <Field id="reward-amount" label="Amount off">
                <input id="reward-amount" type="number" step="any" min={0} value={form.discount_amount} onChange={set('discount_amount')} />
              </Field>
              <Field id="reward-percent" label="or percent off">
                <input id="reward-percent" type="number" step="any" min={0} max={100} value={form.discount_percent} onChange={set('discount_percent')} />
              </Field>
            </>
          )}
          {form.kind === 'free_product' && (
            <Field id="reward-product" label="Product ID">
              <input id="reward-product" value={form.product_id} onChange={set('product_id')} required />
            </Field>
          )}
          <Field id="reward-description" label="Description (optional)">
            <input id="reward-description" value={form.description} onChange={set('description')} />
          </Field>
          <Button type="submit" variant="primary" busy={write.busy}>
            Add reward
          </Button>
          <FormError error={write.error} />
        </form>
      </div>
    </Card>
  );
}

function TiersCard() {
  const tiers = useTiers();
  const write = useWrite(tiers.reload);
  const [form, setForm] = useState({ name: '', basis: 'spend', threshold: '', benefits: '' });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await write.run(() => loyaltyApi.tiers.create({ name: form.name, basis: form.basis, threshold: Number(form.threshold), benefits: orNull(form.benefits) }), 'Tier added');
    if (ok) setForm({ ...form, name: '', threshold: '', benefits: '' });
  };
  return (
    <Card title="Tiers" id="loyalty-tiers">
      <div className="card-pad">
        {tiers.error ? (
          <ErrorState error={tiers.error} onRetry={tiers.reload} />
        ) : !tiers.data ? (
          <Loading />
        ) : (
          <List
            items={tiers.data}
            empty="No tiers."
            describe={(t) => `${t.name}: from ${t.threshold} ${t.basis === 'points' ? 'points' : 'spent'} in 12 months${t.benefits ? ` — ${t.benefits}` : ''}`}
            onRemove={(t) => void write.run(() => loyaltyApi.tiers.remove(t.id), 'Tier removed')}
          />
        )}
        <form onSubmit={submit} aria-label="Add a tier" className="form-grid">
          <Field id="tier-name" label="Name">
            <input id="tier-name" value={form.name} onChange={set('name')} required maxLength={255} />
          </Field>
          <Field id="tier-basis" label="By">
            <select id="tier-basis" value={form.basis} onChange={set('basis')}>
              <option value="spend">Spend in the last 12 months</option>
              <option value="points">Points earned in the last 12 months</option>
            </select>
          </Field>
          <Field id="tier-threshold" label="From">
            <input id="tier-threshold" type="number" step="any" min={0} value={form.threshold} onChange={set('threshold')} required />
          </Field>
          <Field id="tier-benefits" label="Benefits">
            <input id="tier-benefits" value={form.benefits} onChange={set('benefits')} />
          </Field>
          <Button type="submit" variant="primary" busy={write.busy}>
            Add tier
          </Button>
          <FormError error={write.error} />
        </form>
      </div>
    </Card>
  );
}

function SettingsCard() {
  const settings = useLoyaltySettings();
  return (
    <Card title="Programme" id="loyalty-settings">
      <div className="card-pad">
        {settings.error ? <ErrorState error={settings.error} onRetry={settings.reload} /> : !settings.data ? <Loading /> : <SettingsForm settings={settings.data} onSaved={settings.reload} />}
      </div>
    </Card>
  );
}

function SettingsForm({ settings, onSaved }: { settings: LoyaltySettings; onSaved: () => void }) {
  const write = useWrite(onSaved);
  const [form, setForm] = useState({
    point_value: String(settings.point_value),
    expiry_days: settings.expiry_days ? String(settings.expiry_days) : '',
    public_url: settings.public_url ?? '',
    referral_form_id: settings.referral_form_id ?? '',
    shop_url: settings.shop_url ?? '',
  });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void write.run(
      () =>
        loyaltyApi.saveSettings({
          point_value: Number(form.point_value),
          expiry_days: form.expiry_days ? Number(form.expiry_days) : null,
          public_url: orNull(form.public_url),
          referral_form_id: orNull(form.referral_form_id),
          shop_url: orNull(form.shop_url),
        }),
      'Saved',
    );
  };
  return (
    <form onSubmit={submit} aria-label="Programme settings" className="form-grid">
      <Field id="ls-value" label="A point is worth">
        <input id="ls-value" type="number" step="any" min={0} value={form.point_value} onChange={set('point_value')} required />
      </Field>
      <Field id="ls-expiry" label="Points expire after (days; empty: never)">
        <input id="ls-expiry" type="number" step={1} min={1} value={form.expiry_days} onChange={set('expiry_days')} />
      </Field>
      <Field id="ls-url" label="Public address of Rapport">
        <input id="ls-url" type="url" value={form.public_url} onChange={set('public_url')} placeholder="https://crm.example.com" />
      </Field>
      <Field id="ls-form" label="Referral links lead to lead form (ID)">
        <input id="ls-form" value={form.referral_form_id} onChange={set('referral_form_id')} />
      </Field>
      <Field id="ls-shop" label="…or to the shop">
        <input id="ls-shop" type="url" value={form.shop_url} onChange={set('shop_url')} />
      </Field>
      <Button type="submit" variant="primary" busy={write.busy}>
        Save
      </Button>
      <FormError error={write.error} />
    </form>
  );
}
