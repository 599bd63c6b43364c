import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');

/** Worker-thread scripts, found next to the module that starts them (see loadWorkerScript). */
const workerEntries = [
  'src/analytics/kmeans-worker.ts',
  'src/duplicates/match-key-worker.ts',
  'src/duplicates/compare-worker.ts',
  'src/jobs/job-thread.ts',
  'src/core/checkpoint-worker.ts',
  'src/imports/clean-worker.ts',
];

/**
 * The CLI as one bundle in `outdir` (`outdir/cli.js`), with its worker scripts beside the chunks that
 * start them, so that tests and benchmarks run `rapport` as a real process without a build first.
 */
export async function bundleCli(outdir: string): Promise<string> {
  await build({
    entryPoints: ['src/cli.ts', ...workerEntries].map((entry) => path.join(root, entry)),
    entryNames: '[name]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir,
    outExtension: { '.js': '.js' },
    logLevel: 'error',
  });
  fs.writeFileSync(path.join(outdir, 'package.json'), '{"type":"module"}');
  return path.join(outdir, 'cli.js');
}
