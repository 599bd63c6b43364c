import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BinaryFileError } from './decode.js';
import { CsvReadError, detectDelimiter, readCsv, uniqueHeaders } from './csv.js';
import { fixturePath } from '../../test/fixtures.js';

const SPECTRUM = fixturePath('csv-spectrum');

async function rows(input: Buffer | string) {
  const stream = Readable.from([typeof input === 'string' ? Buffer.from(input) : input]);
  const result = [];
  for await (const row of readCsv(stream)) result.push(row);
  return result;
}

async function values(input: Buffer | string) {
  return (await rows(input)).map((r) => ({ ...r.values }));
}

describe('readCsv on csv-spectrum', () => {
  const files = readdirSync(join(SPECTRUM, 'csvs')).filter((f) => f.endsWith('.csv'));
  it('covers every case', () => expect(files.length).toBe(11));
  for (const file of files) {
    it(file, async () => {
      const expected = JSON.parse(readFileSync(join(SPECTRUM, 'json', file.replace('.csv', '.json')), 'utf8'));
      const result = [];
      for await (const row of readCsv(join(SPECTRUM, 'csvs', file))) {
        expect(row.errors).toEqual([]);
        result.push({ ...row.values });
      }
      expect(result).toEqual(expected);
    });
  }
});

describe('readCsv encodings', () => {
  const expected = [{ name: 'Zoë', city: 'Köln' }];
  const text = 'name,city\r\nZoë,Köln\r\n';

  it('reads UTF-8 with and without BOM', async () => {
    expect(await values(text)).toEqual(expected);
    expect(await values(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual(expected);
  });

  it('reads UTF-16 LE and BE with a BOM', async () => {
    expect(await values(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual(expected);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(await values(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual(expected);
  });

  it('reads UTF-16 without a BOM from the NUL pattern', async () => {
    expect(await values(Buffer.from(text, 'utf16le'))).toEqual(expected);
    expect(await values(Buffer.from(text, 'utf16le').swap16())).toEqual(expected);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', async () => {
    const bytes = Buffer.from([...Buffer.from('name,note\n'), 0x5a, 0x6f, 0xeb, 0x2c, 0x80, 0x35, 0x93, 0x0a]);
    expect(await values(bytes)).toEqual([{ name: 'Zoë', note: '€5“' }]);
  });

  it('rejects binary files', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x41, 0x42, 0x43, 0xff, 0x10]);
    await expect(values(zip)).rejects.toBeInstanceOf(BinaryFileError);
  });

  it('decodes characters split across chunks', async () => {
    const bytes = Buffer.from(text);
    const stream = Readable.from([...bytes].map((b) => Buffer.from([b])));
    const result = [];
    for await (const row of readCsv(stream)) result.push({ ...row.values });
    expect(result).toEqual(expected);
  });
});

describe('readCsv structure', () => {
  it("honours Excel's sep= line", async () => {
    expect(await values('sep=;\nname;amount\nAnn;1,50\n')).toEqual([{ name: 'Ann', amount: '1,50' }]);
  });

  it('detects semicolon, tab and pipe delimiters', async () => {
    expect(await values('a;b\n1;2\n')).toEqual([{ a: '1', b: '2' }]);
    expect(await values('a\tb\n1\t2\n')).toEqual([{ a: '1', b: '2' }]);
    expect(await values('a|b\n1|2\n')).toEqual([{ a: '1', b: '2' }]);
    expect(detectDelimiter('name,amount;x\n"a;b",1;2\nc,3;4\n')).toBe(',');
  });

  it('keeps hostile header names as plain data', async () => {
    const [row] = await rows('__proto__,constructor,toString\n{"polluted":1},x,y\n');
    expect(Object.getPrototypeOf(row.values)).toBeNull();
    expect(row.values['__proto__']).toBe('{"polluted":1}');
    expect(row.values['constructor']).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('suffixes duplicate and blank header names', async () => {
    expect(uniqueHeaders(['Email', 'Email', '', 'Email'])).toEqual(['Email', 'Email_2', 'column_3', 'Email_3']);
    expect(await values('a,a\n1,2\n')).toEqual([{ a: '1', a_2: '2' }]);
  });

  it('reports rows with too many or too few columns as row errors', async () => {
    const result = await rows('a,b\n1\n1,2,3\n4,5\n');
    expect(result.map((r) => r.errors.map((e) => e.reason))).toEqual([['expected 2 columns, found 1'], ['expected 2 columns, found 3'], []]);
    expect(result.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect({ ...result[0].values }).toEqual({ a: '1', b: '' });
  });

  it('accepts a 100k-character cell', async () => {
    const long = 'x'.repeat(100_000);
    expect(await values(`a,b\n"${long}",2\n`)).toEqual([{ a: long, b: '2' }]);
  });

  it('explains a truncated file', async () => {
    await expect(values('a,b\n1,"unfinished\n')).rejects.toThrow(CsvReadError);
    await expect(values('a,b\n1,"unfinished\n')).rejects.toThrow(/never closed/);
  });

  it('streams many rows', async () => {
    async function* lines() {
      yield Buffer.from('id,name\n');
      for (let i = 0; i < 20_000; i++) yield Buffer.from(`${i},name ${i}\n`);
    }
    let count = 0;
    for await (const row of readCsv(Readable.from(lines()))) count += row.values.id ? 1 : 0;
    expect(count).toBe(20_000);
  });

  it('refuses one 50 MB line early, with a clear error, having read only a part of it', { timeout: 60_000 }, async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let pulled = 0;
    async function* oneLongLine() {
      yield Buffer.from('name,notes\nAnn,');
      for (let i = 0; i < (50 * 1024 * 1024) / chunk.length; i++) {
        pulled += chunk.length;
        yield chunk;
      }
    }
    const reading = (async () => {
      for await (const _row of readCsv(Readable.from(oneLongLine()))) void _row;
    })();
    await expect(reading).rejects.toThrow(/^Row 2 is longer than [\d,]+ characters, more than any real row/);
    expect(pulled).toBeLessThan(20 * 1024 * 1024);
  });
});
