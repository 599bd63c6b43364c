import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { JsonReadError, readJson } from './json.js';

async function rows(chunks: string[], limit?: number) {
  const result = [];
  for await (const row of readJson(Readable.from(chunks.map((c) => Buffer.from(c))), limit)) result.push(row);
  return result;
}

describe('readJson', () => {
  it('reads an array and flattens nested values to text', async () => {
    const [row] = await rows([JSON.stringify([{ id: 7, name: 'Ann', vip: true, score: null, address: { city: 'Oslo', geo: { lat: 1.5 } }, emails: ['a@x.co', 'b@x.co'], orders: [{ total: 5 }] }])]);
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

  it('finds array entries whatever the chunk boundaries, with brackets, commas and quotes inside strings', async () => {
    const items = [{ a: 'x, y]', b: { c: '}{' } }, { a: 'say "hi" \\', list: [1, [2, 3]] }, { a: '' }];
    const text = ` \n[ ${items.map((i) => JSON.stringify(i)).join(' ,\n')} ]\n`;
    const oneCharAtATime = await rows([...text]);
    expect(oneCharAtATime.map((r) => ({ ...r.values }))).toEqual((await rows([text])).map((r) => ({ ...r.values })));
    expect(oneCharAtATime.map((r) => r.values.a)).toEqual(['x, y]', 'say "hi" \\', '']);
    expect(oneCharAtATime.map((r) => r.rowNumber)).toEqual([1, 2, 3]);
  });

  it('reads an empty array as no rows, and refuses empty entries and text after the array', async () => {
    expect(await rows(['[ ]'])).toEqual([]);
    await expect(rows(['[{"a":1},]'])).rejects.toThrow('entry 2 is empty');
    await expect(rows(['[{"a":1}] {"b":2}'])).rejects.toThrow('after the array');
  });

  it('streams a JSON array: the first row arrives before the rest of the file is read', async () => {
    let released!: () => void;
    const rest = new Promise<void>((resolve) => (released = resolve));
    let finished = false;
    const source = Readable.from(
      (async function* () {
        // The encoding is sniffed from the first 64 KiB, so the first entry is longer than that.
        yield Buffer.from(`[{"name":"first","notes":"${'n'.repeat(70_000)}"},`);
        await rest;
        yield Buffer.from('{"name":"second"}]');
        finished = true;
      })(),
    );
    const reader = readJson(source);
    const first = await reader.next();
    expect(first.value?.values.name).toBe('first');
    expect(finished).toBe(false);
    released();
    expect((await reader.next()).value?.values.name).toBe('second');
    expect((await reader.next()).done).toBe(true);
  });

  it('skips an entry or line longer than the limit, keeping none of it, and reads on', async () => {
    const long = JSON.stringify({ notes: 'x'.repeat(500) });
    const array = await rows(['[{"a":1},', long.slice(0, 200), long.slice(200), ',{"a":3}]'], 100);
    expect(array.map((r) => [r.rowNumber, r.values.a ?? null, r.errors[0]?.reason ?? null])).toEqual([
      [1, '1', null],
      [2, null, 'entry is longer than 100 characters; it was skipped'],
      [3, '3', null],
    ]);
    const ndjson = [];
    for await (const row of readJson(Readable.from([Buffer.from(`{"a":1}\n${long}\n{"a":3}`)]), 100)) ndjson.push(row);
    expect(ndjson.map((r) => r.errors[0]?.reason ?? r.values.a)).toEqual(['1', 'line is longer than 100 characters; it was skipped', '3']);
  });

  // The reader once re-split its whole buffer on every chunk: 50 MB without a newline took 4 minutes of
  // CPU. Now each chunk is scanned once, so this takes well under a second; the bound is generous.
  it('reads 50 MB of NDJSON without a newline in one linear pass', { timeout: 60_000 }, async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const chunks = Array.from({ length: (50 * 1024 * 1024) / chunk.length }, () => chunk);
    const started = performance.now();
    const result = [];
    for await (const row of readJson(Readable.from(chunks))) result.push(row);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result).toHaveLength(1);
    expect(result[0].errors[0].reason).toMatch(/^line is longer than [\d,]+ characters/);
  });

  it('reads 50 MB of one JSON array in one linear pass', { timeout: 60_000 }, async () => {
    const entry = Buffer.from(JSON.stringify({ name: 'Ann "the \\ one"', tags: ['a', 'b'], address: { city: 'Oslo' } }) + ',');
    const perChunk = Math.floor((64 * 1024) / entry.length);
    const chunk = Buffer.concat(Array.from({ length: perChunk }, () => entry));
    const count = Math.ceil((50 * 1024 * 1024) / chunk.length);
    const chunks = [Buffer.from('['), ...Array.from({ length: count }, () => chunk), Buffer.from('{"name":"last"}]')];
    let n = 0;
    let last = '';
    const started = performance.now();
    for await (const row of readJson(Readable.from(chunks))) {
      n++;
      last = row.values.name;
    }
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(n).toBe(count * perChunk + 1);
    expect(last).toBe('last');
  });
});
