import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { createCustomers, listCustomers } from '../customers/service.js';
import { addCustomField } from '../fields/custom-fields.js';
import { runImport } from '../imports/importer.js';
import type { ApiRecord } from '../records/codec.js';
import { freshDatabase, type TestDatabase } from '../test/engines.js';
import { exportChunks, type ExportFormat } from './exporter.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-roundtrip-'));
const ctxOf = (db: TestDatabase): Ctx => ({ database: db.database, actor: 'test' });

async function withCustomFields(db: TestDatabase) {
  await addCustomField(db.database, { name: 'shoe_size', type: 'number' });
  await addCustomField(db.database, { name: 'loyalty_tier', type: 'select', options: ['gold', 'silver'] });
  await addCustomField(db.database, { name: 'nickname', type: 'text' });
  await addCustomField(db.database, { name: 'vip_since', type: 'date' });
  await addCustomField(db.database, { name: 'newsletter', type: 'boolean' });
}

const people = [
  {
    first_name: 'Zoë',
    last_name: 'Ünïcode-Ñúñez',
    email: 'zoe@example.com',
    emails: ['zoe@example.com', 'zoe.work@example.org', 'z@example.net'],
    phones: ['+1 415 237 1234', '+44 20 7946 0958'],
    tags: ['vip', 'b2b', 'café'],
    notes: '=1+1',
    company: 'Acme; Ltd, “Intl”',
    title: 'Head of R&D',
    address: '1 Rue de la Paix, Bât. B',
    city: 'Paris',
    postcode: '75002',
    country: 'FR',
    birthday: '1985-04-12',
    shoe_size: 42.5,
    loyalty_tier: 'gold',
    nickname: '-zed',
    vip_since: '2020-02-29',
    newsletter: true,
  },
  {
    first_name: '李',
    last_name: '小龙',
    email: 'lee@example.com',
    phones: ['+81 3-1234-5678'],
    tags: ['martial arts'],
    notes: 'line one\nline "two"; with, punctuation \\ and a backslash',
    shoe_size: 40,
    loyalty_tier: 'silver',
    nickname: '@dragon',
  },
  {
    first_name: 'Plain',
    last_name: "O'Brien",
    email: 'plain@example.com',
    notes: '+49 is not a formula, @ neither; -minus',
    newsletter: false,
  },
];

let source: TestDatabase;
let exported: ApiRecord[];
const files: Partial<Record<ExportFormat, string>> = {};

beforeAll(async () => {
  source = await freshDatabase('sqlite');
  await withCustomFields(source);
  await createCustomers(ctxOf(source), people);
  exported = (await listCustomers(ctxOf(source), { sort: 'id', limit: 100 })).data;
  for (const format of ['csv', 'json', 'vcard'] as const) {
    let text = '';
    for await (const chunk of exportChunks(ctxOf(source), 'customers', { format })) text += chunk;
    files[format] = path.join(tmp, `customers.${format === 'vcard' ? 'vcf' : format}`);
    fs.writeFileSync(files[format]!, text);
  }
});
afterAll(async () => {
  await source?.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The fields a round trip must keep; custom fields are left out where the format has no place for them. */
function pick(r: ApiRecord, custom = true) {
  return {
    first_name: r.first_name,
    last_name: r.last_name,
    emails: r.emails,
    phones: (r.phones as { e164: string | null }[] | null)?.map((p) => p.e164) ?? null,
    tags: r.tags,
    notes: r.notes,
    company: r.company,
    title: r.title,
    address: r.address,
    city: r.city,
    postcode: r.postcode,
    country: r.country,
    birthday: r.birthday,
    ...(custom ? { shoe_size: r.shoe_size, loyalty_tier: r.loyalty_tier, nickname: r.nickname, vip_since: r.vip_since, newsletter: r.newsletter } : {}),
  };
}

/** Imports an exported file into a fresh database and returns the customers by email. */
async function importExport(format: ExportFormat, mapping?: string[]): Promise<Map<unknown, ApiRecord>> {
  const target = await freshDatabase('sqlite');
  try {
    await withCustomFields(target);
    const batch = await runImport(ctxOf(target), files[format]!, { kind: 'customers', merge: 'off', mapping });
    expect(batch.counts).toMatchObject({ rows: people.length, created: people.length, rejected: 0 });
    const back = (await listCustomers(ctxOf(target), { limit: 100 })).data;
    return new Map(back.map((r) => [r.email, r]));
  } finally {
    await target.drop();
  }
}

describe('customers exported and imported again', () => {
  it('CSV: every field and custom field comes back', async () => {
    const back = await importExport('csv');
    for (const original of exported) {
      const copy = back.get(original.email)!;
      expect(copy, String(original.email)).toBeDefined();
      expect(pick(copy)).toEqual(pick(original));
      // The exported id becomes the source id of the imported record, so a second import updates in place.
      expect(copy.sources).toEqual([expect.objectContaining({ source_id: original.id })]);
    }
  });

  it('CSV: the importer reverses the neutralisation itself (=1+1 comes back as =1+1)', async () => {
    const back = await importExport('csv');
    expect(back.get('zoe@example.com')!.notes).toBe('=1+1');
  });

  it('JSON: every field and custom field comes back', async () => {
    const back = await importExport('json');
    for (const original of exported) {
      const copy = back.get(original.email)!;
      expect(copy, String(original.email)).toBeDefined();
      expect(pick(copy)).toEqual(pick(original));
      expect(copy.sources).toEqual([expect.objectContaining({ source_id: original.id })]);
    }
  });

  it('JSON: phones after the first come back without an explicit mapping', async () => {
    const back = await importExport('json');
    expect(pick(back.get('zoe@example.com')!).phones).toEqual(['+14152371234', '+442079460958']);
  });

  it('vCard: names, emails, phones, tags, notes, company, title, address and birthday come back', async () => {
    const back = await importExport('vcard');
    for (const original of exported) {
      const copy = back.get(original.email)!;
      expect(copy, String(original.email)).toBeDefined();
      expect(pick(copy, false)).toEqual(pick(original, false));
      expect(copy.sources).toEqual([expect.objectContaining({ source_id: original.id })]);
    }
    expect(fs.readFileSync(files.vcard!, 'utf8')).toContain('X-RAPPORT-SHOE-SIZE:42.5');
  });

  it('vCard: custom fields come back from their X-RAPPORT- properties', async () => {
    const back = await importExport('vcard');
    expect(back.get('zoe@example.com')!.shoe_size).toBe(42.5);
  });
});
