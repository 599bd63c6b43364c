import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';

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
  const bundle = await build({
    entryPoints: [fileURLToPath(source)],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [ownImportMetaUrl],
  });
  return { script: bundle.outputFiles[0].text, eval: true };
}

/**
 * A CommonJS bundle has no `import.meta`; each source file's `import.meta.url` becomes that file's own
 * URL, so a module in the bundle that starts workers of its own (the job thread runs a duplicate scan)
 * still finds their scripts next to it.
 */
const ownImportMetaUrl: Plugin = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};
