import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/database.js';
import { migrate } from '../core/migrations/index.js';
import { createCustomers } from '../customers/service.js';
import { runRapport } from '../test/cli-runner.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cli-customer-'));

const rapport = (...args: string[]) => runRapport(dir, ...args);

describe('rapport customer export | erase', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exports a person, refuses to erase without --yes, then erases them', async () => {
    const database = await openDatabase({ sqlitePath: path.join(dir, 'rapport.db') });
    await migrate(database);
    const [c] = await createCustomers({ database, actor: 'cli' }, [{ first_name: 'Olive', last_name: 'Quimby', email: 'olive@quimby.example' }]);
    await database.close();
    const id = c.id as string;

    expect(JSON.parse(await rapport('customer', 'export', id)).customer.email).toBe('olive@quimby.example');
    await expect(rapport('customer', 'erase', id)).rejects.toThrow(/--yes/);
    const report = JSON.parse(await rapport('customer', 'erase', id, '--yes'));
    expect(report).toMatchObject({ customer_id: id, storage: { complete: true } });
    const after = JSON.parse(await rapport('customer', 'export', id));
    expect(after.customer).toMatchObject({ first_name: null, email: null, emails: [] });
    expect(after.customer.erased_at).toBeTruthy();
    await expect(rapport('customer', 'erase', 'cus_00000000000000000000000000', '--yes')).rejects.toThrow(/not found/);
  });
});
