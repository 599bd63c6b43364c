import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/database.js';
import { migrate } from '../core/migrations/index.js';
import { createDeal } from '../deals/service.js';
import { buildProgram } from './program.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cli-deals-'));

/** Runs `rapport ...args` in this process against the data directory; stdout is captured. */
async function rapport(...args: string[]): Promise<string> {
  const saved = { write: process.stdout.write, err: process.stderr.write, dir: process.env.RAPPORT_DATA_DIR, url: process.env.DATABASE_URL };
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array) => ((out += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  process.env.RAPPORT_DATA_DIR = dir;
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

describe('rapport deals list | move | pipelines', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists deals filtered by stage and status, and moves one by stage name', async () => {
    const database = await openDatabase({ sqlitePath: path.join(dir, 'rapport.db') });
    await migrate(database);
    const ctx = { database, actor: 'cli' };
    const a = await database.db.transaction().execute((trx) => createDeal(trx, ctx, { title: 'Alpha', value: 100 }));
    const b = await database.db.transaction().execute((trx) => createDeal(trx, ctx, { title: 'Beta', value: 250 }));
    await database.close();

    expect(await rapport('deals', 'pipelines')).toMatch(/Lead\topen\tset 0\.1/);
    expect((await rapport('deals', 'list', '--stage', 'lead')).trim().split('\n')).toHaveLength(2);
    await rapport('deals', 'move', b.id as string, 'Proposal');
    const proposal = (await rapport('deals', 'list', '--stage', 'Proposal')).trim().split('\n');
    expect(proposal).toHaveLength(1);
    expect(proposal[0].split('\t')).toEqual([b.id, 'Proposal', 'open', '250', 'EUR', '', 'Beta']);
    await expect(rapport('deals', 'move', a.id as string, 'Lost')).rejects.toThrow(/lost reason/);
    await rapport('deals', 'move', a.id as string, 'lost', '--lost-reason', 'No budget');
    const lost = (await rapport('deals', 'list', '--status', 'lost', '--json'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lost.map((d) => [d.id, d.lost_reason])).toEqual([[a.id, 'No budget']]);
    await expect(rapport('deals', 'move', a.id as string, 'Nowhere')).rejects.toThrow(/no stage/);
  });
});
