import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/database.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { multipartBoundary, privateUploadDir, receiveMultipart, sweepUploads } from './upload.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-private-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('private files', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi('sqlite', { RAPPORT_DATA_DIR: dataDir });
  });
  afterAll(async () => api?.close());

  it('receives an upload in a folder of the data directory that only Rapport’s user can read, and removes it afterwards', async () => {
    const uploads = path.join(dataDir, 'uploads');
    // A folder left world-readable (an older version, a hand-made one) is narrowed.
    fs.mkdirSync(uploads, { mode: 0o755 });
    fs.chmodSync(uploads, 0o755);
    const form = new FormData();
    form.set('kind', 'customers');
    form.set('file', new Blob([`first_name,email\n${'Ada,ada@example.com\n'.repeat(2000)}`]), 'people.csv');
    const request = new Request('http://localhost/api/imports/preview', { method: 'POST', headers: { authorization: `Bearer ${api.token}` }, body: form });
    const bytes = Buffer.from(await request.clone().arrayBuffer());
    const res = await api.app.request(request);
    expect(res.status).toBe(200);
    expect(mode(uploads)).toBe(0o700);
    // The file itself, received the way the route receives it: 0600.
    const received = path.join(privateUploadDir(dataDir), 'received');
    await receiveMultipart(
      (async function* () {
        yield bytes;
      })(),
      multipartBoundary(request.headers.get('content-type')!)!,
      'file',
      received,
    );
    expect(mode(received)).toBe(0o600);
    fs.rmSync(received);
    expect(fs.readdirSync(uploads)).toEqual([]);
  });

  it('sweeps uploads left by a process that stopped mid-import', () => {
    const uploads = privateUploadDir(dataDir);
    fs.writeFileSync(path.join(uploads, 'left-behind.csv'), 'first_name\nAda\n');
    expect(sweepUploads(dataDir)).toBe(1);
    expect(fs.readdirSync(uploads)).toEqual([]);
    expect(sweepUploads(path.join(dataDir, 'no-such-dir'))).toBe(0);
  });

  it('keeps the SQLite database files readable by Rapport’s user only', async () => {
    const file = path.join(dataDir, 'own.db');
    const database = await openDatabase({ sqlitePath: file });
    try {
      await database.db.schema.createTable('t').addColumn('x', 'integer').execute();
      for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(file + suffix)) expect(mode(file + suffix), suffix || 'db').toBe(0o600);
      expect(fs.existsSync(file + '-wal')).toBe(true);
    } finally {
      await database.close();
    }
  });
});
