import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import type { RunResult } from '../insights/run.js';
import { progressBar, withDatabase } from './support.js';
import { table } from './users.js';

const num = (v: unknown, digits = 3): string => (typeof v === 'number' && Number.isFinite(v) ? Number(v.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits }) : '-');
/** A fitted parameter with four significant digits. */
const sig = (v: unknown): string => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '-';
  if (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) return v.toExponential(3);
  return String(Number(v.toPrecision(4)));
};
const counted = (o: unknown): string =>
  o && typeof o === 'object'
    ? Object.entries(o as Record<string, number>)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    : '-';

/** What `rapport analyze` prints: the fitted parameters with their time unit, and the counts. */
function formatRun(run: RunResult): string {
  const p = run.params as Record<string, Record<string, unknown> | null>;
  const m = run.metrics as Record<string, unknown>;
  const c = run.counts;
  const lines = [`Insight run ${run.id} as of ${run.as_of} in ${(run.duration_ms / 1000).toFixed(1)} s.`];
  lines.push(`Customers: ${c.customers} (${c.buyers} buyers, ${c.repeat_buyers} repeat buyers, ${c.leads} leads); ${c.stage_changes} stage changes.`);
  const bg = p.bgnbd;
  lines.push(bg ? `BG/NBD (time unit: ${bg.time_unit}): r ${sig(bg.r)}, alpha ${sig(bg.alpha)}, a ${sig(bg.a)}, b ${sig(bg.b)}` : 'BG/NBD: not fitted');
  const gg = p.gamma_gamma;
  lines.push(gg ? `Gamma-Gamma (spend per order): p ${sig(gg.p)}, q ${sig(gg.q)}, gamma ${sig(gg.gamma)}` : 'Gamma-Gamma: not fitted');
  const pm = m.purchase_probability as Record<string, unknown> | undefined;
  if (pm?.skipped) lines.push(`Purchase probability: skipped, ${pm.skipped}`);
  else if (pm) lines.push(`Purchase probability (window ${pm.window_days} days after ${pm.cutoff}): AUC ${num(pm.auc)}, log-loss ${num(pm.log_loss)} on ${pm.test} held-out customers`);
  const cs = m.cross_sell as Record<string, unknown> | null;
  if (cs)
    lines.push(
      `Cross-sell: ${Object.entries(cs)
        .filter(([, v]) => typeof v === 'number')
        .map(([k, v]) => `${k} ${num(v)}`)
        .join(', ')}`,
    );
  const churn = p.churn as Record<string, unknown> | null;
  if (churn) lines.push(`Churn: population purchase gap ${num(churn.population_gap_days, 1)} days`);
  lines.push(`Stages: ${counted(m.stages)}`);
  lines.push(`RFM segments: ${counted(m.rfm_segments)}`);
  for (const e of (m.errors as string[] | undefined) ?? []) lines.push(`Note: ${e}`);
  return lines.join('\n');
}

const phases: Record<string, string> = { loading: 'loading', fitting: 'fitting', scoring: 'scoring', predicting: 'predicting', cross_sell: 'cross-sell', writing: 'writing', done: 'done' };

export function registerInsights(program: Command) {
  program
    .command('analyze')
    .description('recompute lifecycle stages, RFM, purchase probability, BG/NBD and Gamma-Gamma lifetime value, churn risk and cross-sell')
    .option('--as-of <date>', 'observation end, YYYY-MM-DD (default today)')
    .option('--no-cross-sell', 'skip the cross-sell model')
    .action(async (opts: { asOf?: string; crossSell: boolean }) => {
      if (opts.asOf !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf) || Number.isNaN(Date.parse(opts.asOf))))
        throw new AppError('invalid_input', `--as-of must be a date YYYY-MM-DD, got ${opts.asOf}`);
      const { runInsights } = await import('../insights/run.js');
      let phase = '';
      let bar = progressBar('analyze', 'customers');
      const run = await withDatabase(async (ctx) => {
        try {
          return await runInsights(ctx, {
            asOf: opts.asOf,
            crossSell: opts.crossSell,
            progress: (p) => {
              if (p.total === undefined || p.done === undefined) return;
              if (p.phase !== phase) {
                bar.stop();
                phase = p.phase;
                bar = progressBar(phases[p.phase] ?? p.phase, 'customers');
              }
              bar.update(p.done, Math.max(p.total, 1));
            },
          });
        } finally {
          bar.stop();
        }
      });
      console.log(formatRun(run));
    });

  program
    .command('segment')
    .description('k-means segments of customers on numeric features (age, income, purchase_frequency, recency, monetary, order_count, numeric custom fields, ...)')
    .requiredOption('--features <list>', 'comma-separated features, e.g. age,income,purchase_frequency')
    .option('--k <k>', 'number of segments, or "auto" for a suggestion from elbow and silhouette', 'auto')
    .option('--standardize', 'scale features to mean 0 and standard deviation 1 first (the default)')
    .option('--no-standardize', "cluster in the features' own units")
    .option('--seed <n>', 'random seed: the same seed gives the same segments', '0')
    .action(async (opts: { features: string; k: string; standardize?: boolean; seed: string }) => {
      const features = opts.features
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
      if (features.length === 0) throw new AppError('invalid_input', '--features needs at least one feature');
      let k: number | 'auto' = 'auto';
      if (opts.k !== 'auto') {
        if (!/^\d+$/.test(opts.k)) throw new AppError('invalid_input', `--k must be a whole number or auto, got ${opts.k}`);
        k = Number(opts.k);
      }
      if (!/^\d+$/.test(opts.seed)) throw new AppError('invalid_input', `--seed must be a whole number, got ${opts.seed}`);
      const result = await withDatabase(async (ctx) =>
        (await import('../insights/segmentation.js')).createSegmentation(ctx, { features, k, standardize: opts.standardize ?? true, seed: Number(opts.seed) }),
      );
      const r = result as typeof result & { customers?: number; inertia?: number; k_suggested?: boolean; restarts?: number };
      console.log(
        `Segmentation ${result.id}: ${result.k} segments${r.k_suggested ? ' (k suggested)' : ''} of ${r.customers ?? '?'} customers on ${result.features.join(', ')}` +
          `${result.standardize ? ', standardized' : ''}, seed ${result.seed}, inertia ${num(r.inertia, 2)} (best of ${r.restarts ?? '?'} k-means++ restarts).`,
      );
      const rows = result.segments.map((s) => [
        String(s.label ?? ''),
        s.id,
        String(s.size ?? 0),
        s.description ?? '',
        Object.entries((s.centroid ?? {}) as Record<string, number>)
          .map(([f, v]) => `${f} ${num(v, 2)}`)
          .join(', '),
      ]);
      console.log(table(['#', 'SEGMENT', 'SIZE', 'DESCRIPTION', 'CENTRE'], rows));
      console.log(`Members: GET /api/customers?segment=# (the k-means label) or ?segment=SEGMENT`);
    });
}
