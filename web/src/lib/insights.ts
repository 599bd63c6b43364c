import type { CustomerScores, InsightSettings } from './api';
import { daysAgoText, daysSince as calendarDaysSince } from '../../../src/core/day-count.js';
import { formatMoney } from './format';

/** Words, colours and one-line explanations for the scores the insight run writes on customers. */

export const stageOrder = ['lead', 'active', 'inactive', 'churned'] as const;
type Stage = (typeof stageOrder)[number];

export const stageLabels: Record<string, string> = { lead: 'Lead', active: 'Active', inactive: 'Inactive', churned: 'Churned', unscored: 'Not scored yet' };
export const stageColors: Record<string, string> = { lead: '#7c8db5', active: '#17803d', inactive: '#d97706', churned: '#b42318', unscored: '#c9ced6' };
export const stageTones: Record<string, 'neutral' | 'accent' | 'success' | 'warning' | 'danger'> = { lead: 'accent', active: 'success', inactive: 'warning', churned: 'danger' };

/** The named RFM segments, best first, each with what it means and what to do. */
export const rfmSegments: { name: string; meaning: string }[] = [
  { name: 'champions', meaning: 'bought recently and often; reward them and ask for referrals' },
  { name: 'loyal', meaning: 'buy regularly; keep them close with early access and thanks' },
  { name: 'potential loyalist', meaning: 'recent buyers with a few orders; a nudge can make them regulars' },
  { name: 'new', meaning: 'first purchase was recent; welcome them and help them succeed' },
  { name: 'promising', meaning: 'recent but rare buyers; show them what else you offer' },
  { name: 'need attention', meaning: 'middling on recency and frequency; a personal check-in helps' },
  { name: 'about to sleep', meaning: 'have not bought for a while and rarely did; remind them you exist' },
  { name: 'at risk', meaning: 'used to buy often but not lately; reach out before they go' },
  { name: 'cannot lose', meaning: 'were among your most frequent buyers and have gone quiet; call them' },
  { name: 'hibernating', meaning: 'long gone and bought rarely; low priority' },
  { name: 'lost', meaning: 'least recent and least frequent; only worth a last offer' },
];
export const rfmMeaning = (name: string) => rfmSegments.find((s) => s.name === name)?.meaning;

/**
 * The standard 5 x 5 recency x frequency grid (rows: recency 5 at the top down to 1; columns:
 * frequency 1 to 5), naming the segment of each cell. Mirrors the server's rfmSegment().
 */
export const rfmGrid: string[][] = [
  ['new', 'potential loyalist', 'potential loyalist', 'champions', 'champions'],
  ['promising', 'potential loyalist', 'potential loyalist', 'loyal', 'loyal'],
  ['about to sleep', 'about to sleep', 'need attention', 'loyal', 'loyal'],
  ['hibernating', 'hibernating', 'at risk', 'at risk', 'cannot lose'],
  ['lost', 'hibernating', 'at risk', 'at risk', 'cannot lose'],
];

export const rfmColors: Record<string, string> = {
  champions: '#1f6f43',
  loyal: '#277a4c',
  'potential loyalist': '#5fa777',
  new: '#3451b2',
  promising: '#6b82d6',
  'need attention': '#c98a0a',
  'about to sleep': '#d9a441',
  'at risk': '#d46a2a',
  'cannot lose': '#b42318',
  hibernating: '#8a93a3',
  lost: '#5b6472',
};

/** Relative luminance of a #rrggbb colour (WCAG 2.1). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** White or near-black, whichever reads better on `background` (#rrggbb). */
export function readableTextOn(background: string): string {
  const l = luminance(background);
  const dark = '#161a20';
  return 1.05 / (l + 0.05) >= (l + 0.05) / (luminance(dark) + 0.05) ? '#fff' : dark;
}

export function capitalise(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

const pctFmt = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const pct1Fmt = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const compactFmt = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const percent = (v: unknown, precise = false): string => (num(v) === null ? '—' : (precise ? pct1Fmt : pctFmt).format(v as number));
/** An amount in the business currency, formatted like every other amount (see formatMoney). */
export const money = (v: unknown): string => (num(v) === null ? '—' : formatMoney(v));
export const compact = (v: unknown): string => (num(v) === null ? '—' : compactFmt.format(v as number));

/** Calendar days since `iso` in the business time zone: the server's day count (src/core/day-count.ts). */
export function daysSince(iso: unknown, now = Date.now(), timeZone = 'UTC'): number | null {
  return calendarDaysSince(iso, now, timeZone);
}

/** "today", "yesterday", "5 days ago" from the shared day count; '' without a date. */
export function daysAgo(iso: unknown, timeZone = 'UTC', now = Date.now()): string {
  const d = daysSince(iso, now, timeZone);
  return d === null ? '' : daysAgoText(d);
}

export interface Score {
  key: string;
  label: string;
  value: string;
  explanation: string;
  tone?: 'neutral' | 'accent' | 'success' | 'warning' | 'danger';
  /** 0..1 for a small bar, when the score is a probability. */
  meter?: number;
  /** A short warning label, e.g. when the figure rests on an unreliable model. */
  badge?: string;
}

/**
 * The six scores of the 360-degree view, each with one line in plain words. `scores` is the view's scores
 * block: the day count, the reliability of each estimate and the churn reason come from it, so the panel
 * tells the same story as the figures above it and the contact list.
 */
export function explainScores(c: Record<string, unknown>, settings: InsightSettings | undefined, scores?: CustomerScores): Score[] {
  const s = settings;
  const stage = typeof c.stage === 'string' ? c.stage : null;
  const since = scores ? scores.days_since_last_order : daysSince(c.last_order_at);
  const sinceText = since === null ? '' : daysAgoText(since);
  const stageLine = !stage
    ? 'Not scored yet. Scores appear after the next insight run.'
    : stage === 'lead'
      ? 'Has not bought anything yet.'
      : stage === 'active'
        ? `Last bought ${sinceText}${s ? `, within the ${s.active_days}-day active window` : ''}.`
        : stage === 'inactive'
          ? `Last bought ${sinceText}${s ? `; no purchase in the last ${s.active_days} days` : ''}.`
          : `No purchase ${s ? `for over ${s.inactive_days} days` : 'for a long time'}${sinceText ? ` (last one ${sinceText})` : ''}.`;

  const segment = typeof c.rfm_segment === 'string' ? c.rfm_segment : null;
  const code = typeof c.rfm_score === 'string' ? c.rfm_score : null;
  const bins = s?.rfm_bins ?? 5;
  const rfmLine = segment
    ? `${code ? `Recency ${c.rfm_recency ?? code[0]}, frequency ${c.rfm_frequency ?? code[1]}, spend ${c.rfm_monetary ?? code[2]} out of ${bins}: ` : ''}${rfmMeaning(segment) ?? segment}.`
    : 'Scored once the customer has bought something.';

  const pAlive = num(scores ? scores.p_alive : c.p_alive);
  const clv = num(scores ? scores.clv : c.clv);
  const aliveTrust = scores?.reliability.p_alive;
  const clvTrust = scores?.reliability.clv;
  const reason = scores ? scores.reason : typeof c.churn_reason === 'string' ? c.churn_reason : null;
  const pp = num(c.purchase_probability) ?? num(c.p_purchase_90d);
  const churn = num(scores ? scores.churn_risk : c.churn_risk);
  const window = num(c.purchase_probability) !== null ? (s?.prediction_window_days ?? 90) : (s?.horizon_days ?? 90);
  const months = s?.clv_months ?? 12;

  return [
    { key: 'stage', label: 'Lifecycle stage', value: stage ? (stageLabels[stage] ?? stage) : '—', explanation: stageLine, tone: stage ? stageTones[stage] : undefined },
    { key: 'rfm', label: 'RFM segment', value: segment ? `${capitalise(segment)}${code ? ` · ${code}` : ''}` : '—', explanation: rfmLine },
    {
      key: 'p_alive',
      label: 'Still a customer',
      value: percent(pAlive),
      meter: pAlive ?? undefined,
      explanation:
        pAlive === null
          ? 'Needs at least one purchase to estimate.'
          : `${percent(pAlive)} likely to still be buying from you${aliveTrust ? `: ${aliveTrust.note}` : ', judged by their rhythm and the time since the last order'}. Churn risk is the rest.`,
      badge: aliveTrust && pAlive !== null && !aliveTrust.reliable ? 'Rough estimate' : undefined,
    },
    {
      key: 'clv',
      label: 'Lifetime value',
      value: clv === null && clvTrust && !clvTrust.reliable && clvTrust.note.startsWith('not estimated') ? 'Not estimated' : money(clv),
      explanation:
        clv === null ? (clvTrust ? `${capitalise(clvTrust.note)}.` : 'Needs purchase history to estimate.') : `Expected to spend about ${money(clv)} over the next ${months} months, in today’s money.`,
      badge: clvTrust && clv === null && clvTrust.note.startsWith('not estimated: the purchase model') ? 'Unreliable model' : undefined,
    },
    {
      key: 'purchase_probability',
      label: 'Purchase probability',
      value: percent(pp),
      meter: pp ?? undefined,
      explanation: pp === null ? 'Not estimated yet (needs enough buyers to learn from).' : `${percent(pp)} chance of buying again in the next ${window} days.`,
    },
    {
      key: 'churn_risk',
      label: 'Churn risk',
      value: percent(churn),
      meter: churn ?? undefined,
      tone: churn === null ? undefined : churn >= 0.6 ? 'danger' : churn >= 0.3 ? 'warning' : 'success',
      explanation:
        churn === null
          ? 'Not estimated yet.'
          : reason
            ? capitalise(reason) + (reason.endsWith('.') ? '' : '.')
            : churn >= 0.6
              ? 'Likely to stop buying without a nudge.'
              : churn >= 0.3
                ? 'Some signs of drifting away.'
                : 'Buying as usual.',
      badge: aliveTrust && churn !== null && !aliveTrust.reliable ? 'Rough estimate' : undefined,
    },
  ];
}

/** Plain units for segmentation features and centroids. */
const featureInfo: Record<string, { label: string; unit?: string; format: (v: number) => string }> = {
  age: { label: 'Age', unit: 'years', format: (v) => `${Math.round(v)} years` },
  income: { label: 'Income', format: (v) => money(v) },
  purchase_frequency: { label: 'Orders per month', format: (v) => v.toFixed(2) },
  recency: { label: 'Days since last order', format: (v) => `${Math.round(v)} days` },
  monetary: { label: 'Revenue', format: (v) => money(v) },
  revenue: { label: 'Revenue', format: (v) => money(v) },
  order_count: { label: 'Orders', format: (v) => v.toFixed(1) },
  average_order_value: { label: 'Average order', format: (v) => money(v) },
  clv: { label: 'Lifetime value', format: (v) => money(v) },
  p_alive: { label: 'Probability active', format: (v) => percent(v) },
  churn_risk: { label: 'Churn risk', format: (v) => percent(v) },
  purchase_probability: { label: 'Purchase probability', format: (v) => percent(v) },
};
export const featureLabel = (f: string) => featureInfo[f]?.label ?? capitalise(f.replace(/_/g, ' '));
export const featureValue = (f: string, v: number) => (featureInfo[f] ? featureInfo[f].format(v) : Number.isInteger(v) ? String(v) : v.toFixed(2));

export function relativeScoredAt(v: unknown, timeZone = 'UTC'): string {
  return daysAgo(v, timeZone);
}
