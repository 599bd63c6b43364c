import type { Command } from 'commander';
import { loadConfig } from '../core/config.js';
import { info } from './support.js';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('run the API and web app (HOST, PORT, RAPPORT_DATA_DIR, DATABASE_URL from the environment)')
    .action(async () => {
      // Loaded on demand: the web app is only needed by this command.
      const { startServer } = await import('../server.js');
      const server = await startServer(loadConfig(), (line) => console.log(line));
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: string) => {
          if (stopping) return;
          stopping = true;
          info(`Received ${signal}, stopping…`);
          server.stop().then(resolve, (error) => {
            info(`rapport: could not stop cleanly: ${(error as Error).message}`);
            process.exitCode = 1;
            resolve();
          });
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
    });
}
