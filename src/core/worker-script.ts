import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface WorkerScript {
  script: string | URL;
  /** Whether `script` is source text (new Worker(..., { eval: true })) rather than a file. */
  eval: boolean;
}

/**
 * A worker thread's script: the compiled file (dist/) when it exists, or, when running from the
 * TypeScript sources (vite-node, vitest), the source bundled on the fly with esbuild, a development
 * dependency; packages stay outside the bundle and load from node_modules. `compiled` and `source`
 * are URLs relative to the caller's module.
 */
export async function loadWorkerScript(compiled: URL, source: URL): Promise<WorkerScript> {
  if (existsSync(compiled)) return { script: compiled, eval: false };
  const { build } = await import('esbuild');
  const bundle = await build({ entryPoints: [fileURLToPath(source)], bundle: true, packages: 'external', platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent' });
  return { script: bundle.outputFiles[0].text, eval: true };
}
