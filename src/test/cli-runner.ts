import type { Command } from 'commander';
import { buildProgram } from '../cli/program.js';

/** Runs `rapport ...args` in this process against a data directory; stdout is captured and returned. */
export async function runRapport(dataDir: string, ...args: string[]): Promise<string> {
  const saved = { write: process.stdout.write, err: process.stderr.write, dir: process.env.RAPPORT_DATA_DIR, url: process.env.DATABASE_URL };
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array) => ((out += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  process.env.RAPPORT_DATA_DIR = dataDir;
  process.env.DATABASE_URL = '';
  try {
    const program = buildProgram();
    const quiet = (c: Command) => (c.exitOverride(), c.configureOutput({ writeErr: () => {}, writeOut: () => {} }), c.commands.forEach(quiet));
    quiet(program);
    await program.parseAsync(['node', 'rapport', ...args]);
    return out;
  } finally {
    Object.assign(process.stdout, { write: saved.write });
    Object.assign(process.stderr, { write: saved.err });
    process.env.RAPPORT_DATA_DIR = saved.dir;
    process.env.DATABASE_URL = saved.url;
  }
}
