import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { multipartBoundary, receiveMultipart } from './upload.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-upload-'));

/** A body exactly as a client encodes it (undici's FormData), with its content type. */
async function encode(form: FormData): Promise<{ bytes: Buffer; contentType: string }> {
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { bytes: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

async function* pieces(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('receiveMultipart', () => {
  // Content that looks like a boundary's start, CRLFs and a large body, so that any split matters.
  const csv = `customer_id,name\r\n${Array.from({ length: 5000 }, (_, i) => `C${i},"Name\r\n--${i}"`).join('\r\n')}\r\n--\r\n`;

  for (const size of [1, 7, 64, 4096, 1 << 20]) {
    it(`keeps the fields and writes the file byte for byte, read ${size} bytes at a time`, { timeout: 30_000 }, async () => {
      const form = new FormData();
      form.set('kind', 'customers');
      form.set('mapping', JSON.stringify({ 'Näme "x"': 'full_name' }));
      form.set('file', new Blob([csv]), 'people "2026".csv');
      form.set('source', '');
      const { bytes, contentType } = await encode(form);
      const target = path.join(dir, `upload-${size}`);
      const received = await receiveMultipart(size === 1 ? pieces(bytes, 1) : pieces(bytes, size), multipartBoundary(contentType)!, 'file', target);
      expect(received.fields).toEqual({ kind: 'customers', mapping: JSON.stringify({ 'Näme "x"': 'full_name' }), source: '' });
      expect(received.file).toMatchObject({ path: target, bytes: Buffer.byteLength(csv) });
      expect(received.file!.name).toContain('people');
      expect(fs.readFileSync(target, 'utf8')).toBe(csv);
    });
  }

  it('reads the boundary from the content type, quoted or not', () => {
    expect(multipartBoundary('multipart/form-data; boundary=----abc123')).toBe('----abc123');
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/json')).toBeNull();
    expect(multipartBoundary(undefined)).toBeNull();
  });

  it('refuses a body that ends early, a second file and an oversized field', async () => {
    const form = new FormData();
    form.set('file', new Blob(['a,b\n1,2\n']), 'a.csv');
    const { bytes, contentType } = await encode(form);
    const boundary = multipartBoundary(contentType)!;
    await expect(receiveMultipart(pieces(bytes.subarray(0, bytes.length - 10), 100), boundary, 'file', path.join(dir, 'cut'))).rejects.toThrow(/ended before/);

    const two = new FormData();
    two.set('file', new Blob(['x']), 'a.csv');
    two.set('other', new Blob(['y']), 'b.csv');
    const second = await encode(two);
    await expect(receiveMultipart(pieces(second.bytes, 100), multipartBoundary(second.contentType)!, 'file', path.join(dir, 'two'))).rejects.toThrow(/only one file/);

    const big = new FormData();
    big.set('mapping', 'x'.repeat(100_000));
    const large = await encode(big);
    await expect(receiveMultipart(pieces(large.bytes, 4096), multipartBoundary(large.contentType)!, 'file', path.join(dir, 'big'))).rejects.toThrow(/too large/);
  });
});
