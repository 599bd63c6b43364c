/**
 * A quote as a PDF (pdfkit): the business (logo, name, address), the client, the lines, the totals
 * with tax per rate, and the terms. The same quote and settings always give the same bytes (the
 * document's dates come from the quote), so the SHA-256 of the PDF a client accepted identifies it.
 * Text is set in Helvetica (a PDF standard font: nothing embedded, quick) when every character is in
 * its Windows-1252 set, else in DejaVu Sans, embedded (only the glyphs used), so names in Polish,
 * Czech, Greek or Cyrillic print as written. Either way the choice follows from the text alone.
 */
import PDFDocument from 'pdfkit';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import * as fontkit from 'fontkit';
import { createRequire } from 'node:module';
import path from 'node:path';
import { todayIn } from '../settings/business.js';
import { currencyDigits, quoteAmounts, toMajor } from './money.js';
import type { QuoteLine } from './lines.js';
import { logoImage, type QuoteSettings } from './settings.js';

export interface PdfQuote {
  number: string;
  version: number;
  title: string | null;
  currency: string;
  valid_until: string;
  created_at: string;
  /** The business time zone (IANA) in which the quote's days are named; UTC when absent. */
  time_zone?: string;
  terms: string | null;
  discount_percent: number;
  subtotal: number;
  discount_total: number;
  tax_total: number;
  total: number;
  lines: QuoteLine[];
}

/** The day of an instant of the quote (made, accepted, declined) in the business time zone. */
export const quoteDay = (q: Pick<PdfQuote, 'time_zone'>, at: string) => todayIn(q.time_zone ?? 'UTC', new Date(at));

export interface PdfClient {
  name: string;
  company: string | null;
  email: string | null;
  address: string[];
}

/** The characters the standard fonts can show (Windows-1252), besides printable ASCII and Latin-1. */
const cp1252Extra = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const standardChar = (ch: string) => {
  const code = ch.codePointAt(0)!;
  return code === 10 || code === 13 || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || cp1252Extra.has(ch);
};
const fitsStandardFonts = (texts: readonly (string | null | undefined)[]) => texts.every((t) => !t || [...t].every(standardChar));

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let fonts: { regular: fontkit.Font; bold: fontkit.Font } | undefined;
/**
 * The fonts, read and parsed once per process: parsing a font file takes about 20 ms, longer than the
 * rest of a short quote. pdfkit takes the parsed font as it is and subsets it per document (a subset
 * is built anew each time), so every PDF still embeds only its own glyphs and stays byte for byte the same.
 */
const parsedFonts = () =>
  (fonts ??= { regular: fontkit.create(fs.readFileSync(path.join(fontDir, 'DejaVuSans.ttf'))), bold: fontkit.create(fs.readFileSync(path.join(fontDir, 'DejaVuSans-Bold.ttf'))) });

export const formatMoney = (amount: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: currencyDigits(currency), maximumFractionDigits: currencyDigits(currency) }).format(amount);
const formatNumber = (n: number) => new Intl.NumberFormat('en', { maximumFractionDigits: 3 }).format(n);
const formatPercent = (n: number) => `${new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(n)}%`;

/** Tax per rate as the PDF and the public page show it, recomputed from the stored lines. */
export function taxBreakdown(q: Pick<PdfQuote, 'currency' | 'lines' | 'discount_percent'>): { rate: number; base: number; tax: number }[] {
  const a = quoteAmounts(
    q.currency,
    q.lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unit_price, discountPercent: l.discount_percent, taxRate: l.tax_rate })),
    q.discount_percent,
  );
  return a.taxes.filter((t) => t.rate > 0).map((t) => ({ rate: t.rate, base: toMajor(t.base, a.digits), tax: toMajor(t.tax, a.digits) }));
}

export const quoteTitle = (q: Pick<PdfQuote, 'number' | 'version'>) => `Quote ${q.number}${q.version > 1 ? ` (version ${q.version})` : ''}`;

export function renderQuotePdf(q: PdfQuote, client: PdfClient, settings: QuoteSettings): Promise<Buffer> {
  const created = new Date(q.created_at);
  // pdfkit derives the file id from every info entry: an entry left undefined would throw.
  const info = { Title: quoteTitle(q), CreationDate: created, ModDate: created, ...(settings.business_name ? { Author: settings.business_name } : {}) };
  const doc = new PDFDocument({ size: 'A4', margin: 50, info, compress: true });
  const money = (n: number) => formatMoney(n, q.currency);
  const texts = [
    q.title,
    q.terms,
    settings.business_name,
    settings.business_address,
    client.name,
    client.company,
    client.email,
    ...client.address,
    ...q.lines.flatMap((l) => [l.name, l.description]),
    money(q.total),
  ];
  if (fitsStandardFonts(texts)) {
    doc.registerFont('Regular', 'Helvetica');
    doc.registerFont('Bold', 'Helvetica-Bold');
  } else {
    // pdfkit's types name only paths and buffers; at run time it takes a parsed font too.
    doc.registerFont('Regular', parsedFonts().regular as unknown as Buffer);
    doc.registerFont('Bold', parsedFonts().bold as unknown as Buffer);
  }
  doc.font('Regular');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = 50;
  const width = doc.page.width - 100;

  // Business: logo on the left, name and address on the right.
  const logo = logoImage(settings);
  let top = 50;
  if (logo) {
    try {
      doc.image(logo.data, left, top, { fit: [140, 60] });
    } catch {
      // An image pdfkit cannot read is left out rather than failing the quote.
    }
  }
  doc
    .font('Bold')
    .fontSize(14)
    .text(settings.business_name ?? '', left, top, { width, align: 'right' });
  doc
    .font('Regular')
    .fontSize(9)
    .text(settings.business_address ?? '', { width, align: 'right' });
  top = Math.max(doc.y, logo ? 120 : doc.y) + 20;

  doc.font('Bold').fontSize(18).text(quoteTitle(q), left, top);
  if (q.title) doc.font('Regular').fontSize(11).text(q.title);
  doc
    .moveDown(0.5)
    .font('Regular')
    .fontSize(9)
    .text(`Date: ${quoteDay(q, q.created_at)}    Valid until: ${q.valid_until}`);

  doc.moveDown(1).font('Bold').fontSize(10).text('For');
  doc
    .font('Regular')
    .fontSize(10)
    .text([client.name, client.company, ...client.address, client.email].filter(Boolean).join('\n'));

  // Lines.
  // Amounts get the widest column and never wrap: a total cut over two lines would misread.
  const cols = [
    { title: 'Description', x: left, w: 183, align: 'left' as const },
    { title: 'Qty', x: left + 188, w: 38, align: 'right' as const },
    { title: 'Unit price', x: left + 230, w: 78, align: 'right' as const },
    { title: 'Disc.', x: left + 312, w: 38, align: 'right' as const },
    { title: 'Tax', x: left + 352, w: 38, align: 'right' as const },
    { title: 'Amount', x: left + 395, w: width - 395, align: 'right' as const },
  ];
  let y = doc.moveDown(1.5).y;
  doc.font('Bold').fontSize(9);
  for (const c of cols) doc.text(c.title, c.x, y, { width: c.w, align: c.align });
  y += 14;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(0.5)
    .stroke();
  y += 6;
  doc.font('Regular').fontSize(9);
  for (const l of q.lines) {
    const description = l.description ? `${l.name}\n${l.description}` : l.name;
    const height = Math.max(doc.heightOfString(description, { width: cols[0].w }), 12);
    if (y + height > doc.page.height - 120) {
      doc.addPage();
      y = 50;
    }
    const cells = [description, formatNumber(l.quantity), money(l.unit_price), l.discount_percent ? formatPercent(l.discount_percent) : '', l.tax_rate ? formatPercent(l.tax_rate) : '', money(l.net)];
    cols.forEach((c, i) => doc.text(cells[i], c.x, y, { width: c.w, align: c.align, lineBreak: i === 0 }));
    y += height + 6;
  }
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(0.5)
    .stroke();
  y += 8;

  // Totals.
  const totals: [string, string, boolean?][] = [['Subtotal', money(q.subtotal)]];
  if (q.discount_total) totals.push([`Discount (${formatPercent(q.discount_percent)})`, `-${money(q.discount_total)}`]);
  for (const t of taxBreakdown(q)) totals.push([`Tax ${formatPercent(t.rate)} on ${money(t.base)}`, money(t.tax)]);
  totals.push(['Total', money(q.total), true]);
  for (const [label, value, bold] of totals) {
    doc.font(bold ? 'Bold' : 'Regular').fontSize(bold ? 11 : 9);
    doc.text(label, left + 150, y, { width: 240, align: 'right', lineBreak: false });
    doc.text(value, left + 395, y, { width: width - 395, align: 'right', lineBreak: false });
    y += bold ? 16 : 13;
  }

  if (q.terms) {
    doc
      .font('Bold')
      .fontSize(10)
      .text('Terms', left, y + 20);
    doc.font('Regular').fontSize(9).text(q.terms, { width });
  }
  doc.end();
  return done;
}

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
