import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { JsonReadError, readJson } from './json.js';

async function rows(chunks: string[]) {
  const result = [];
  for await (const row of readJson(Readable.from(chunks.map((c) => Buffer.from(c))))) result.push(row);
  return result;
}

describe('readJson', () => {
  it('reads an array and flattens nested values to text', async () => {
    const [row] = await rows([
      JSON.stringify([{ id: 7, name: 'Ann', vip: true, score: null, address: { city: 'Oslo', geo: { lat: 1.5 } }, emails: ['a@x.co', 'b@x.co'], orders: [{ total: 5 }] }]),
    ]);
    expect({ ...row.values }).toEqual({
      id: '7',
      name: 'Ann',
      vip: 'true',
      score: '',
      'address.city': 'Oslo',
      'address.geo.lat': '1.5',
      emails: 'a@x.co; b@x.co',
      'orders.1.total': '5',
    });
    expect(row.rowNumber).toBe(1);
  });

  it('streams NDJSON across chunk boundaries and reports bad lines', async () => {
    const result = await rows(['{"a":1}\n{"a"', ':2}\n\nnot json\n{"a":3}']);
    expect(result.map((r) => [r.rowNumber, r.values.a, r.errors.length])).toEqual([
      [1, '1', 0],
      [2, '2', 0],
      [4, undefined, 1],
      [5, '3', 0],
    ]);
  });

  it('keeps __proto__ keys as data', async () => {
    const [row] = await rows(['{"__proto__": {"polluted": "yes"}, "constructor": "x"}\n']);
    expect(row.values['__proto__.polluted']).toBe('yes');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects broken JSON arrays and non-object entries', async () => {
    await expect(rows(['[{"a":1},'])).rejects.toThrow(JsonReadError);
    const [row] = await rows(['[1]']);
    expect(row.errors[0].reason).toBe('entry is not an object');
  });
});
