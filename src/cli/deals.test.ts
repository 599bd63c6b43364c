import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/database.js';
import { migrate } from '../core/migrations/index.js';
import { createDeal } from '../deals/service.js';
import { runRapport } from '../test/cli-runner.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cli-deals-'));

const rapport = (...args: string[]) => runRapport(dir, ...args);

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
