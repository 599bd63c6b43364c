/**
 * One quote PDF (target < 200 ms): the renderer alone on a 10-line and a 100-line quote with a logo,
 * a 10-line one whose client name needs the embedded font,
 * and GET /api/quotes/{id}/pdf through the app on SQLite (reads + render), against pdfkit alone
 * writing the same words onto a page without layout (the baseline, measured in the same run).
 */
import { deflateSync } from 'node:zlib';
import os from 'node:os';
import PDFDocument from 'pdfkit';
import { renderQuotePdf, type PdfQuote } from '../src/quotes/pdf.js';
import { defaultQuoteSettings } from '../src/quotes/settings.js';
import { quoteAmounts, toMajor } from '../src/quotes/money.js';
import { formatTimes, p50p99, timeRuns } from './load.js';

const runs = Number(process.env.BENCH_QUOTE_RUNS ?? 50);
const targetMs = 200;

/** A small valid PNG (64 × 64, one colour), built here so the bench needs no file. */
function png(): string {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(64, 0);
  ihdr.writeUInt32BE(64, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.concat(Array.from({ length: 64 }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(64 * 3, 0x3b)])));
  const file = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return `data:image/png;base64,${file.toString('base64')}`;
}

function quoteWith(lineCount: number): PdfQuote {
  const lines = Array.from({ length: lineCount }, (_, i) => ({
    id: `qln_${i}`,
    product_id: null,
    sku: null,
    name: `Service item ${i + 1}`,
    description: i % 3 ? null : 'Design, build and one round of changes',
    quantity: 1 + (i % 4),
    unit_price: 49.5 + i,
    discount_percent: i % 5 ? 0 : 10,
    tax_rate: i % 2 ? 21 : 6,
    net: 0,
  }));
  const a = quoteAmounts(
    'EUR',
    lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unit_price, discountPercent: l.discount_percent, taxRate: l.tax_rate })),
    5,
  );
  lines.forEach((l, i) => (l.net = toMajor(a.lines[i].net, 2)));
  return {
    number: 'Q-2026-0001',
    version: 1,
    title: 'Website',
    currency: 'EUR',
    valid_until: '2026-12-31',
    created_at: '2026-12-01T10:00:00.000Z',
    terms: 'Payment within 30 days.',
    discount_percent: 5,
    subtotal: toMajor(a.subtotal, 2),
    discount_total: toMajor(a.discount, 2),
    tax_total: toMajor(a.tax, 2),
    total: toMajor(a.total, 2),
    lines,
  };
}

/** pdfkit alone: the same words, one text call per line, no table, no totals. */
function baseline(q: PdfQuote): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const l of q.lines) doc.text(`${l.name} ${l.quantity} ${l.unit_price} ${l.net}`);
  doc.end();
  return done;
}

const time = (fn: () => Promise<unknown>) => timeRuns(runs, fn);
const fmt = (name: string, values: number[], base?: number[]) => formatTimes(name, values, { base, targetMs, width: 46 });

export async function run(log: (line: string) => void) {
  log(
    `\n== quotes: one quote PDF (${runs} runs each; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
  const settings = { ...defaultQuoteSettings, business_name: 'Atelier Lumen', business_address: 'Rue Haute 12\n1000 Brussels', logo: png() };
  for (const n of [10, 100]) {
    const q = quoteWith(n);
    const base = await time(() => baseline(q));
    const quote = await time(() => renderQuotePdf(q, { name: 'Ada Lovelace', company: 'Analytical Ltd', email: 'ada@example.org', address: ['1 Main St', 'London'] }, settings));
    log(fmt(`pdfkit alone, same words (${n} lines)`, base));
    log(fmt(`quote PDF, ${n} lines with logo`, quote, base));
  }
  {
    // A name outside Windows-1252: DejaVu Sans is embedded (subset), the slow path.
    const q = quoteWith(10);
    const client = { name: 'Łukasz Żółć', company: null, email: null, address: ['90-001 Łódź'] };
    const base = await time(() => baseline(q));
    // The first one in a process also reads and parses the font files (kept for the next ones).
    const started = performance.now();
    await renderQuotePdf(q, client, settings);
    const first = performance.now() - started;
    const quote = await time(() => renderQuotePdf(q, client, settings));
    log(fmt('quote PDF, 10 lines, embedded font (Polish name)', quote, base));
    const { p99 } = p50p99(quote);
    log(`  the same: p99 ${p99.toFixed(1)} ms; the first in the process (font files parsed) ${first.toFixed(1)} ms`);
  }
  // The app is loaded only here, so the renderer's figures print even where the app cannot load.
  let testApi;
  try {
    await import('../src/derived-data.js');
    ({ testApi } = await import('../src/test/api-client.js'));
  } catch (error) {
    log(`GET /api/quotes/{id}/pdf: not measured, the app did not load (${(error as Error).message.split('\n')[0]})`);
    return;
  }
  const api = await testApi('sqlite');
  try {
    await api.request('PATCH', '/api/settings/quotes', { business_name: 'Atelier Lumen', logo: settings.logo });
    const customer = (await api.request('POST', '/api/customers', { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.org' })).body.id;
    const lines = quoteWith(10).lines.map(({ name, quantity, unit_price, discount_percent, tax_rate }) => ({ name, quantity, unit_price, discount_percent, tax_rate }));
    const id = (await api.request('POST', '/api/quotes', { customer_id: customer, lines })).body.id;
    const base = await time(() => baseline(quoteWith(10)));
    const http = await time(async () => {
      const res = await api.app.request(`/api/quotes/${id}/pdf`, { headers: { authorization: `Bearer ${api.token}` } });
      await res.arrayBuffer();
    });
    log(fmt('GET /api/quotes/{id}/pdf on SQLite, 10 lines', http, base));
  } finally {
    await api.close();
  }
}
