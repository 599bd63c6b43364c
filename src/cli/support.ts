import cliProgress from 'cli-progress';
import { loadConfig, type Config } from '../core/config.js';
import type { Ctx } from '../core/context.js';
import type { Database } from '../core/database.js';
import { AppError } from '../core/errors.js';

/** Status lines go to stderr so that stdout carries only a command's output (an export, a token). */
export const info = (line: string) => process.stderr.write(line + '\n');

/** Opens the configured database (the server's RAPPORT_DATA_DIR / DATABASE_URL), runs `fn`, closes it. */
export async function withDatabase<T>(fn: (ctx: Ctx, database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // Loaded on demand, so that `--help` and argument errors answer without loading the database drivers.
  const { openConfiguredDatabase } = await import('../core/runtime.js');
  const database = await openConfiguredDatabase(config, info);
  try {
    return await fn({ database, actor: 'cli', defaultCountry: config.defaultCountry }, database, config);
  } finally {
    await database.close();
  }
}

/** One line for the user: an AppError's message with its field messages, or the error's message. */
export function errorLine(error: unknown): string {
  let text: string;
  if (error instanceof AppError) {
    text = error.message;
    const details = Object.entries(error.fields ?? {})
      .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
      .filter((d) => !text.includes(d));
    if (details.length) text += ` (${details.join('; ')})`;
  } else if (error instanceof Error) {
    text = error.message || error.name;
  } else {
    text = String(error);
  }
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

export interface Progress {
  update(done: number, total: number, extra?: Record<string, string | number>): void;
  stop(): void;
}

/** A progress bar on stderr with throughput and ETA; silent when stderr is not a terminal. */
export function progressBar(label: string, unit: string, rateUnit = unit): Progress {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate} ${rateUnit}/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let running = false;
  return {
    update(done, total, extra = {}) {
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      const payload = { rate: Math.round((typeof extra.count === 'number' ? extra.count : done) / seconds).toLocaleString('en-US'), ...extra };
      if (!running) {
        bar.start(total, done, payload);
        running = true;
      } else {
        bar.setTotal(total);
        bar.update(done, payload);
      }
    },
    stop() {
      if (running) bar.stop();
    },
  };
}

export function positiveInteger(value: string, name: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new AppError('invalid_input', `${name} must be a positive whole number, got ${value}`);
  return n;
}
