/**
 * A quote as a PDF (pdfkit): the business (logo, name, address), the client, the lines, the totals
 * with tax per rate, and the terms. The same quote and settings always give the same bytes (the
 * document's dates come from the quote), so the SHA-256 of the PDF a client accepted identifies it.
 * Text uses the PDF standard fonts (Latin-1 and the euro sign).
 */
import PDFDocument from 'pdfkit';
import { createHash } from 'node:crypto';
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
  terms: string | null;
  discount_percent: number;
  subtotal: number;
  discount_total: number;
  tax_total: number;
  total: number;
  lines: QuoteLine[];
}

export interface PdfClient {
  name: string;
  company: string | null;
  email: string | null;
  address: string[];
}

export const formatMoney = (amount: number, currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: currencyDigits(currency), maximumFractionDigits: currencyDigits(currency) }).format(amount);
const formatNumber = (n: number) => new Intl.NumberFormat('en', { maximumFractionDigits: 3 }).format(n);
const formatPercent = (n: number) => `${new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(n)}%`;

/** Tax per rate as the PDF and the public page show it, recomputed from the stored lines. */
export function taxBreakdown(q: Pick<PdfQuote, 'currency' | 'lines' | 'discount_percent'>): { rate: number; base: number; tax: number }[] {
  const a = quoteAmounts(q.currency, q.lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unit_price, discountPercent: l.discount_percent, taxRate: l.tax_rate })), q.discount_percent);
  return a.taxes.filter((t) => t.rate > 0).map((t) => ({ rate: t.rate, base: toMajor(t.base, a.digits), tax: toMajor(t.tax, a.digits) }));
}

export const quoteTitle = (q: Pick<PdfQuote, 'number' | 'version'>) => `Quote ${q.number}${q.version > 1 ? ` (version ${q.version})` : ''}`;

export function renderQuotePdf(q: PdfQuote, client: PdfClient, settings: QuoteSettings): Promise<Buffer> {
  const created = new Date(q.created_at);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: quoteTitle(q), Author: settings.business_name ?? undefined, CreationDate: created, ModDate: created }, compress: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = 50;
  const width = doc.page.width - 100;
  const money = (n: number) => formatMoney(n, q.currency);

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
  doc.font('Helvetica-Bold').fontSize(14).text(settings.business_name ?? '', left, top, { width, align: 'right' });
  doc.font('Helvetica').fontSize(9).text(settings.business_address ?? '', { width, align: 'right' });
  top = Math.max(doc.y, logo ? 120 : doc.y) + 20;

  doc.font('Helvetica-Bold').fontSize(18).text(quoteTitle(q), left, top);
  if (q.title) doc.font('Helvetica').fontSize(11).text(q.title);
  doc.moveDown(0.5).font('Helvetica').fontSize(9).text(`Date: ${q.created_at.slice(0, 10)}    Valid until: ${q.valid_until}`);

  doc.moveDown(1).font('Helvetica-Bold').fontSize(10).text('For');
  doc.font('Helvetica').fontSize(10).text([client.name, client.company, ...client.address, client.email].filter(Boolean).join('\n'));

  // Lines.
  const cols = [
    { title: 'Description', x: left, w: 200, align: 'left' as const },
    { title: 'Qty', x: left + 205, w: 45, align: 'right' as const },
    { title: 'Unit price', x: left + 255, w: 75, align: 'right' as const },
    { title: 'Disc.', x: left + 335, w: 40, align: 'right' as const },
    { title: 'Tax', x: left + 380, w: 40, align: 'right' as const },
    { title: 'Amount', x: left + 425, w: width - 425, align: 'right' as const },
  ];
  let y = doc.moveDown(1.5).y;
  doc.font('Helvetica-Bold').fontSize(9);
  for (const c of cols) doc.text(c.title, c.x, y, { width: c.w, align: c.align });
  y += 14;
  doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.5).stroke();
  y += 6;
  doc.font('Helvetica').fontSize(9);
  for (const l of q.lines) {
    const description = l.description ? `${l.name}\n${l.description}` : l.name;
    const height = Math.max(doc.heightOfString(description, { width: cols[0].w }), 12);
    if (y + height > doc.page.height - 120) {
      doc.addPage();
      y = 50;
    }
    const cells = [description, formatNumber(l.quantity), money(l.unit_price), l.discount_percent ? formatPercent(l.discount_percent) : '', l.tax_rate ? formatPercent(l.tax_rate) : '', money(l.net)];
    cols.forEach((c, i) => doc.text(cells[i], c.x, y, { width: c.w, align: c.align }));
    y += height + 6;
  }
  doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.5).stroke();
  y += 8;

  // Totals.
  const totals: [string, string, boolean?][] = [['Subtotal', money(q.subtotal)]];
  if (q.discount_total) totals.push([`Discount (${formatPercent(q.discount_percent)})`, `-${money(q.discount_total)}`]);
  for (const t of taxBreakdown(q)) totals.push([`Tax ${formatPercent(t.rate)} on ${money(t.base)}`, money(t.tax)]);
  totals.push(['Total', money(q.total), true]);
  for (const [label, value, bold] of totals) {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 11 : 9);
    doc.text(label, left + 205, y, { width: 215, align: 'right' });
    doc.text(value, left + 425, y, { width: width - 425, align: 'right' });
    y += bold ? 16 : 13;
  }

  if (q.terms) {
    doc.font('Helvetica-Bold').fontSize(10).text('Terms', left, y + 20);
    doc.font('Helvetica').fontSize(9).text(q.terms, { width });
  }
  doc.end();
  return done;
}

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
