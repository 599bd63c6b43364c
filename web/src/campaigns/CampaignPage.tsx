import { useEffect, useState, type FormEvent } from 'react';
import { useToast } from '../components/Toasts';
import { Badge, Button, Card, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { formatDateTime, formatMoney, formatNumber } from '../lib/format';
import { useDebounced, useDocumentTitle, useInterval } from '../lib/hooks';
import { Link, navigate, type Params } from '../lib/router';
import { useSegments } from '../lib/shared-data';
import { MailNotSetUp } from '../mail/MailNotSetUp';
import { useTemplates } from '../templates/hooks';
import { campaignsApi, statusTone, useCampaign, useCampaignReport } from './hooks';
import type { AudienceCount, Campaign, CampaignAudience, CampaignReport } from './types';
import './campaigns.css';

const stages = ['lead', 'active', 'inactive', 'churned'] as const;
const rfmSegments = ['champions', 'loyal', 'potential loyalists', 'new', 'promising', 'need attention', 'about to sleep', 'at risk', "can't lose", 'hibernating', 'lost'];

/** One campaign: the draft editor (audience with a live count, variants, A/B settings), the actions of its state, and its report. */
export function CampaignPage({ params }: { params: Params }) {
  const campaign = useCampaign(params.id);
  const [reportKey, setReportKey] = useState(0);
  useDocumentTitle(campaign.data?.name ?? 'Campaign');
  useInterval(() => setReportKey((k) => k + 1), 5000, campaign.data?.status === 'sending');
  if (campaign.error) return <ErrorState error={campaign.error} onRetry={campaign.reload} />;
  if (!campaign.data) return <Loading />;
  const c = campaign.data;
  return (
    <div className="page page-wide">
      <PageHeader
        title={c.name}
        subtitle={
          <>
            <Badge tone={statusTone(c.status)}>{c.status}</Badge> <Link to="/campaigns">All campaigns</Link>
          </>
        }
      />
      {c.status !== 'sent' && c.status !== 'cancelled' && <MailNotSetUp />}
      <Actions
        campaign={c}
        onChange={(next) => {
          campaign.setData(() => next);
          setReportKey((k) => k + 1);
        }}
      />
      {c.status === 'draft' ? <Editor campaign={c} onSaved={(next) => campaign.setData(() => next)} /> : <Summary campaign={c} />}
      {c.status !== 'draft' && <Report id={c.id} reportKey={reportKey} />}
    </div>
  );
}

function audienceLabel(a: CampaignAudience): string {
  switch (a.kind) {
    case 'segment':
      return `segment ${a.segment_id}`;
    case 'stage':
      return `lifecycle stage ${a.stage}`;
    case 'rfm_segment':
      return `RFM segment ${a.rfm_segment}`;
    default:
      return 'a filter';
  }
}

function Summary({ campaign: c }: { campaign: Campaign }) {
  return (
    <Card title="Campaign">
      <dl className="facts card-pad">
        <dt>Audience</dt>
        <dd>{audienceLabel(c.audience)}</dd>
        <dt>Variants</dt>
        <dd>{c.variants.map((v) => `${v.key}${v.subject ? `: “${v.subject}”` : ''}`).join(', ')}</dd>
        {c.ab && (
          <>
            <dt>A/B test</dt>
            <dd>
              {c.ab.test_share} % test share, by {c.ab.metric}, {c.ab.wait_hours} h wait, winner at P(best) ≥ {Math.round(c.ab.threshold * 100)} %
            </dd>
          </>
        )}
        <dt>Started</dt>
        <dd>{c.started_at ? formatDateTime(c.started_at) : c.scheduled_at ? `scheduled for ${formatDateTime(c.scheduled_at)}` : '—'}</dd>
      </dl>
    </Card>
  );
}

function Actions({ campaign: c, onChange }: { campaign: Campaign; onChange: (c: Campaign) => void }) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [at, setAt] = useState('');
  const [testTo, setTestTo] = useState('');
  const run = async (work: () => Promise<Campaign | void>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await work();
      if (next) onChange(next);
      toast(message);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const canStart = c.status === 'draft' || c.status === 'paused';
  return (
    <Card title="Send" id="campaign-actions">
      <div className="campaign-actions card-pad">
        {canStart && (
          <>
            <label htmlFor="campaign-at">Start at (optional)</label>
            <input id="campaign-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
            <Button
              variant="primary"
              busy={busy}
              onClick={() => void run(() => campaignsApi.schedule(c.id, at ? new Date(at).toISOString() : undefined), at ? 'Campaign scheduled' : 'Campaign sending')}
            >
              {c.status === 'paused' ? 'Resume' : at ? 'Schedule' : 'Send now'}
            </Button>
          </>
        )}
        {(c.status === 'sending' || c.status === 'scheduled') && (
          <Button busy={busy} onClick={() => void run(() => campaignsApi.pause(c.id), 'Campaign paused')}>
            Pause
          </Button>
        )}
        {c.status !== 'sent' && c.status !== 'cancelled' && (
          <Button
            variant="ghost"
            busy={busy}
            onClick={() => window.confirm(`Cancel the campaign “${c.name}”? Nothing more is sent, and it cannot be started again.`) && void run(() => campaignsApi.cancel(c.id), 'Campaign cancelled')}
          >
            Cancel campaign
          </Button>
        )}
        {c.status === 'draft' && (
          <Button
            variant="ghost"
            busy={busy}
            onClick={() =>
              window.confirm(`Delete the draft “${c.name}”?`) &&
              void run(async () => {
                await campaignsApi.remove(c.id);
                navigate('/campaigns');
              }, 'Draft deleted')
            }
          >
            Delete draft
          </Button>
        )}
        <span className="campaign-test">
          <label htmlFor="campaign-test-to">Test to</label>
          <input id="campaign-test-to" type="email" value={testTo} onChange={(e) => setTestTo(e.target.value)} placeholder="you@example.com" />
          <Button disabled={!testTo} busy={busy} onClick={() => void run(async () => void (await campaignsApi.test(c.id, { to: testTo })), `Test of every variant queued to ${testTo}`)}>
            Send test
          </Button>
        </span>
      </div>
      <FormError error={error} />
    </Card>
  );
}

type Draft = {
  name: string;
  audience: CampaignAudience;
  variants: { template_id: string; subject: string }[];
  ab: { test_share: number; wait_hours: number; metric: 'click' | 'conversion'; threshold: number };
  attribution_days: number;
  discount_prefix: string;
  discount_uses: number;
};

const defaultAb = { test_share: 20, wait_hours: 4, metric: 'click' as const, threshold: 0.95 };

function Editor({ campaign: c, onSaved }: { campaign: Campaign; onSaved: (c: Campaign) => void }) {
  const toast = useToast();
  const templates = useTemplates();
  const segments = useSegments();
  const [draft, setDraft] = useState<Draft>({
    name: c.name,
    audience: c.audience,
    variants: c.variants.map((v) => ({ template_id: v.template_id, subject: v.subject ?? '' })),
    ab: c.ab ? { test_share: c.ab.test_share, wait_hours: c.ab.wait_hours, metric: c.ab.metric, threshold: c.ab.threshold } : defaultAb,
    attribution_days: c.attribution_days,
    discount_prefix: c.discount_prefix ?? '',
    discount_uses: c.discount_uses,
  });
  const [filterText, setFilterText] = useState(draft.audience.kind === 'filter' ? JSON.stringify(draft.audience.filter) : '{"field":"city","op":"eq","value":"Paris"}');
  const [count, setCount] = useState<AudienceCount | null>(null);
  const [countError, setCountError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const countKey = useDebounced(JSON.stringify([draft.audience, draft.variants.length, draft.ab]), 400);
  useEffect(() => {
    let live = true;
    setCountError(null);
    campaignsApi
      .count({ audience: draft.audience, variants: draft.variants.length, ...(draft.variants.length > 1 ? { ab: draft.ab } : {}) })
      .then((r) => live && setCount(r))
      .catch((err) => live && (setCount(null), setCountError(err)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [countKey]);
  const setAudience = (audience: CampaignAudience) => setDraft({ ...draft, audience });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const next = await campaignsApi.update(c.id, {
        name: draft.name,
        audience: draft.audience,
        variants: draft.variants.map((v) => ({ template_id: v.template_id, subject: v.subject.trim() ? v.subject.trim() : null })),
        ...(draft.variants.length > 1 ? { ab: draft.ab } : {}),
        attribution_days: draft.attribution_days,
        discount_prefix: draft.discount_prefix.trim() || null,
        discount_uses: draft.discount_uses,
      });
      toast('Campaign saved');
      onSaved(next);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const kind = draft.audience.kind;
  return (
    <Card title="Draft" id="campaign-editor">
      <form onSubmit={save} aria-label="Campaign" className="form-grid card-pad">
        <div className="field">
          <label htmlFor="campaign-name">Name</label>
          <input id="campaign-name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required maxLength={255} />
        </div>
        <fieldset className="field">
          <legend>Audience</legend>
          <label htmlFor="audience-kind">Who</label>
          <select
            id="audience-kind"
            value={kind}
            onChange={(e) => {
              const k = e.target.value;
              if (k === 'stage') setAudience({ kind: 'stage', stage: 'active' });
              else if (k === 'rfm_segment') setAudience({ kind: 'rfm_segment', rfm_segment: 'at risk' });
              else if (k === 'segment') setAudience({ kind: 'segment', segment_id: segments.data?.[0]?.id ?? '' });
              else {
                try {
                  setAudience({ kind: 'filter', filter: JSON.parse(filterText) });
                } catch {
                  setAudience({ kind: 'filter', filter: { and: [] } });
                }
              }
            }}
          >
            <option value="stage">Lifecycle stage</option>
            <option value="rfm_segment">RFM segment</option>
            <option value="segment">Segment (k-means or saved filter)</option>
            <option value="filter">Filter</option>
          </select>
          {draft.audience.kind === 'stage' && (
            <select aria-label="Stage" value={draft.audience.stage} onChange={(e) => setAudience({ kind: 'stage', stage: e.target.value as (typeof stages)[number] })}>
              {stages.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          )}
          {draft.audience.kind === 'rfm_segment' && (
            <select aria-label="RFM segment" value={draft.audience.rfm_segment} onChange={(e) => setAudience({ kind: 'rfm_segment', rfm_segment: e.target.value })}>
              {rfmSegments.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          )}
          {draft.audience.kind === 'segment' && (
            <select aria-label="Segment" value={draft.audience.segment_id} onChange={(e) => setAudience({ kind: 'segment', segment_id: e.target.value })}>
              {(segments.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.kind === 'model' ? 'k-means' : 'saved filter'})
                </option>
              ))}
            </select>
          )}
          {draft.audience.kind === 'filter' && (
            <textarea
              aria-label="Filter (JSON)"
              rows={3}
              value={filterText}
              onChange={(e) => {
                setFilterText(e.target.value);
                try {
                  setAudience({ kind: 'filter', filter: JSON.parse(e.target.value) });
                } catch {
                  // keep the last valid filter until the JSON parses
                }
              }}
            />
          )}
          <AudienceCounts count={count} error={countError} />
        </fieldset>
        <fieldset className="field">
          <legend>{draft.variants.length > 1 ? 'Variants (A/B test)' : 'Message'}</legend>
          {draft.variants.map((v, i) => (
            <div key={i} className="variant-row">
              <strong>{String.fromCharCode(65 + i)}</strong>
              <select
                aria-label={`Template of variant ${String.fromCharCode(65 + i)}`}
                value={v.template_id}
                onChange={(e) => setDraft({ ...draft, variants: draft.variants.map((x, j) => (j === i ? { ...x, template_id: e.target.value } : x)) })}
              >
                {(templates.data ?? []).map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
              <input
                aria-label={`Subject of variant ${String.fromCharCode(65 + i)}`}
                placeholder="Subject (the template's when empty)"
                value={v.subject}
                onChange={(e) => setDraft({ ...draft, variants: draft.variants.map((x, j) => (j === i ? { ...x, subject: e.target.value } : x)) })}
              />
              {draft.variants.length > 1 && (
                <Button size="sm" variant="ghost" onClick={() => setDraft({ ...draft, variants: draft.variants.filter((_, j) => j !== i) })}>
                  Remove
                </Button>
              )}
            </div>
          ))}
          {draft.variants.length < 4 && (
            <Button size="sm" onClick={() => setDraft({ ...draft, variants: [...draft.variants, { ...draft.variants[0], subject: '' }] })}>
              Add a variant (A/B test)
            </Button>
          )}
        </fieldset>
        {draft.variants.length > 1 && (
          <fieldset className="field">
            <legend>A/B test</legend>
            <label htmlFor="ab-share">Test share: {draft.ab.test_share} % of the audience</label>
            <input
              id="ab-share"
              type="range"
              min={10}
              max={50}
              step={5}
              value={draft.ab.test_share}
              onChange={(e) => setDraft({ ...draft, ab: { ...draft.ab, test_share: Number(e.target.value) } })}
            />
            <label htmlFor="ab-wait">Wait (hours)</label>
            <input
              id="ab-wait"
              type="number"
              min={0.01}
              max={720}
              step="any"
              value={draft.ab.wait_hours}
              onChange={(e) => setDraft({ ...draft, ab: { ...draft.ab, wait_hours: Number(e.target.value) } })}
            />
            <label htmlFor="ab-metric">Winner by</label>
            <select id="ab-metric" value={draft.ab.metric} onChange={(e) => setDraft({ ...draft, ab: { ...draft.ab, metric: e.target.value as 'click' | 'conversion' } })}>
              <option value="click">Clicks</option>
              <option value="conversion">Orders (conversion)</option>
            </select>
            <label htmlFor="ab-threshold">Send the winner early once P(best) reaches (%)</label>
            <input
              id="ab-threshold"
              type="number"
              min={50}
              max={99.9}
              step="any"
              value={Math.round(draft.ab.threshold * 1000) / 10}
              onChange={(e) => setDraft({ ...draft, ab: { ...draft.ab, threshold: Number(e.target.value) / 100 } })}
            />
            {count?.ab_plan && (
              <p className={count.ab_plan.warning ? 'warning' : 'muted'} role={count.ab_plan.warning ? 'alert' : undefined}>
                {count.ab_plan.warning ??
                  `${formatNumber(count.ab_plan.per_variant, true)} recipients per variant; differences of about ${((count.ab_plan.detectable_difference ?? 0) * 100).toFixed(1)} points or more are likely to show.`}
              </p>
            )}
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="campaign-attribution">Attribute orders within (days of a click)</label>
          <input id="campaign-attribution" type="number" min={1} max={90} value={draft.attribution_days} onChange={(e) => setDraft({ ...draft, attribution_days: Number(e.target.value) })} />
        </div>
        <div className="field">
          <label htmlFor="campaign-prefix">Discount code prefix (optional)</label>
          <input id="campaign-prefix" value={draft.discount_prefix} onChange={(e) => setDraft({ ...draft, discount_prefix: e.target.value.toUpperCase() })} placeholder="SPRING" />
        </div>
        <div className="field">
          <label htmlFor="campaign-code-uses">Orders per discount code (0 = any number)</label>
          <input id="campaign-code-uses" type="number" min={0} value={draft.discount_uses} onChange={(e) => setDraft({ ...draft, discount_uses: Number(e.target.value) })} />
        </div>
        <Button type="submit" variant="primary" busy={busy}>
          Save draft
        </Button>
        <FormError error={error} />
      </form>
    </Card>
  );
}

function AudienceCounts({ count, error }: { count: AudienceCount | null; error: unknown }) {
  if (error) return <FormError error={error} />;
  if (!count) return <p className="muted">Counting…</p>;
  return (
    <p className="audience-count" aria-live="polite" data-testid="audience-count">
      <strong>{formatNumber(count.sendable, true)}</strong> would get it now — of {formatNumber(count.matching, true)} matching, {formatNumber(count.with_email, true)} have an email,{' '}
      {formatNumber(count.consented, true)} consented, {formatNumber(count.suppressed, true)} suppressed.
    </p>
  );
}

function Report({ id, reportKey }: { id: string; reportKey: number }) {
  const report = useCampaignReport(id, reportKey);
  if (report.error) return <ErrorState error={report.error} onRetry={report.reload} />;
  if (!report.data) return <Loading />;
  const r: CampaignReport = report.data;
  const rows: [string, (f: CampaignReport['totals']) => string][] = [
    ['Recipients', (f) => formatNumber(f.recipients, true)],
    ['Waiting', (f) => formatNumber(f.queued, true)],
    ['Sent', (f) => formatNumber(f.sent, true)],
    ['Delivered', (f) => formatNumber(f.delivered, true)],
    ['Bounced', (f) => formatNumber(f.bounced, true)],
    ['Not sent (consent, suppression)', (f) => formatNumber(f.suppressed, true)],
    ['Opened (inflated by privacy proxies)', (f) => formatNumber(f.opened, true)],
    ['Clicked', (f) => formatNumber(f.clicked, true)],
    ['Click rate', (f) => (f.click_rate === null ? '—' : `${(f.click_rate * 100).toFixed(1)} %`)],
    ['Unsubscribed', (f) => formatNumber(f.unsubscribed, true)],
    [`Orders within ${r.attribution_days} days of a click, or with its code`, (f) => formatNumber(f.attributed_orders, true)],
    ['Attributed revenue', (f) => formatMoney(f.attributed_revenue)],
  ];
  return (
    <>
      {r.ab && (
        <Card title="A/B test" id="campaign-ab">
          <div className="card-pad">
            <p data-testid="ab-confidence">
              <strong>{r.ab.phase === 'decided' ? 'Decided. ' : r.ab.phase === 'testing' ? 'Testing. ' : ''}</strong>
              {r.ab.confidence}
            </p>
            <table className="table" aria-label="Variants">
              <thead>
                <tr>
                  <th>Variant</th>
                  <th className="num">Delivered</th>
                  <th className="num">{r.ab.metric === 'click' ? 'Clicks' : 'Conversions'}</th>
                  <th className="num">Rate</th>
                  <th className="num">P(best)</th>
                  <th className="num">Expected loss</th>
                </tr>
              </thead>
              <tbody>
                {r.ab.variants.map((v) => (
                  <tr key={v.key}>
                    <td>
                      {v.key}
                      {r.ab?.result?.variant === v.key ? ' (winner)' : ''}
                    </td>
                    <td className="num">{v.trials}</td>
                    <td className="num">{v.successes}</td>
                    <td className="num">{v.rate === null ? '—' : `${(v.rate * 100).toFixed(1)} %`}</td>
                    <td className="num">{v.p_best === null ? '—' : `${Math.round(v.p_best * 100)} %`}</td>
                    <td className="num">{v.expected_loss === null ? '—' : `${(v.expected_loss * 100).toFixed(2)} pts`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {r.ab.decides_at && <p className="muted">The winner goes to the rest at {formatDateTime(r.ab.decides_at)} at the latest.</p>}
          </div>
        </Card>
      )}
      <Card title="Report" id="campaign-report">
        <table className="table" aria-label="Campaign report">
          <thead>
            <tr>
              <th />
              <th className="num">Total</th>
              {r.variants.length > 1 &&
                r.variants.map((v) => (
                  <th key={v.key} className="num">
                    {v.key}
                  </th>
                ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="num">{value(r.totals)}</td>
                {r.variants.length > 1 &&
                  r.variants.map((v) => (
                    <td key={v.key} className="num">
                      {value(v)}
                    </td>
                  ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted card-pad" data-testid="campaign-attribution">
          {r.attribution}
        </p>
        {r.discount_codes.issued > 0 && (
          <p className="muted card-pad" data-testid="campaign-discount-codes">
            Discount codes: {formatNumber(r.discount_codes.issued, true)} issued, {formatNumber(r.discount_codes.redeemed, true)} redeemed by {formatNumber(r.discount_codes.orders, true)}{' '}
            {r.discount_codes.orders === 1 ? 'order' : 'orders'}
            {r.discount_codes.refused > 0 ? `; ${formatNumber(r.discount_codes.refused, true)} refused (code used up)` : ''}.
          </p>
        )}
        {r.interactions && (
          <p className="muted card-pad">
            Recorded as interactions under this name: {formatNumber(r.interactions.sent, true)} sent, {formatNumber(r.interactions.clicked, true)} clicked,{' '}
            {formatNumber(r.interactions.converted, true)} converted, {formatMoney(r.interactions.revenue)}.
          </p>
        )}
      </Card>
    </>
  );
}
