import cluster from 'node:cluster';
import v8 from 'node:v8';
import type { Command } from 'commander';
import { loadConfig } from '../core/config.js';
import { info, positiveInteger } from './support.js';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('run the API and web app (HOST, PORT, RAPPORT_DATA_DIR, DATABASE_URL from the environment)')
    .option('--workers <n>', 'server processes sharing the port (default RAPPORT_WORKERS or 1); Rapport keeps no state in memory, so any number is safe', process.env.RAPPORT_WORKERS ?? '1')
    .action(async (options: { workers: string }) => {
      const workers = positiveInteger(options.workers, '--workers');
      if (workers > 1 && cluster.isPrimary) return runPrimary(workers);
      v8.setFlagsFromString(youngGeneration);
      await serveUntilStopped(cluster.isWorker);
    });
}

/**
 * A request builds a page of records and its JSON, all short-lived; with V8's default young generation
 * (16 MB) many requests in flight push those objects into the old generation, and the server spends
 * its time collecting them. A larger young generation doubled the requests per second at 50 connections.
 */
const youngGeneration = '--max-semi-space-size=64';

/** Migrates once, then starts the worker processes, which share the port; a worker that dies is replaced. */
async function runPrimary(workers: number) {
  const { openConfiguredDatabase } = await import('../core/runtime.js');
  const database = await openConfiguredDatabase(loadConfig(), (line) => console.log(line));
  await database.close();
  let stopping = false;
  cluster.setupPrimary({ execArgv: [...process.execArgv, youngGeneration] });
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    info(`rapport: worker ${worker.process.pid} exited with ${code}; starting another`);
    cluster.fork();
  });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      info(`Received ${signal}, stopping ${workers} workers…`);
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
      cluster.on('exit', () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) resolve();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

async function serveUntilStopped(quiet: boolean) {
  // Loaded on demand: the web app is only needed by this command.
  const { startServer } = await import('../server.js');
  const firstWorker = !quiet || cluster.worker?.id === 1;
  const server = await startServer(loadConfig(), (line) => {
    if (firstWorker) console.log(line);
  });
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      if (firstWorker) info(`Received ${signal}, stopping…`);
      server.stop().then(resolve, (error) => {
        info(`rapport: could not stop cleanly: ${(error as Error).message}`);
        process.exitCode = 1;
        resolve();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  // A worker's channel to the primary would keep it alive after the server has stopped.
  cluster.worker?.disconnect();
}
