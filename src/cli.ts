#!/usr/bin/env node
import { buildProgram } from './cli/program.js';
import { errorLine } from './cli/support.js';

// A reader that stops early (`rapport export customers | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`rapport: ${errorLine(error)}\n`);
    process.exitCode = 1;
  });
