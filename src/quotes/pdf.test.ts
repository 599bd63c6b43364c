import { describe, expect, it } from 'vitest';
import { pdfText } from '../test/pdf-text.js';
import { renderQuotePdf, type PdfQuote } from './pdf.js';
import { defaultQuoteSettings } from './settings.js';

const quote: PdfQuote = {
  number: 'Q-2026-0042',
  version: 2,
  title: 'Sklep internetowy, Łódź',
  currency: 'PLN',
  valid_until: '2026-12-31',
  created_at: '2026-12-01T09:00:00.000Z',
  terms: 'Płatność w ciągu 14 dni.',
  discount_percent: 0,
  subtotal: 1000,
  discount_total: 0,
  tax_total: 230,
  total: 1230,
  lines: [
    { id: 'qln_1', product_id: null, sku: null, name: 'Projekt graficzny — Żółć', description: 'Ελληνικά και кириллица', quantity: 1, unit_price: 1000, discount_percent: 0, tax_rate: 23, net: 1000 },
  ],
};

describe('quote PDF', () => {
  it('prints names and words outside Latin-1 as written, and renders without business details', async () => {
    const bytes = await renderQuotePdf(quote, { name: 'Łukasz Żółć', company: null, email: null, address: ['ul. Piotrkowska 1', '90-001 Łódź'] }, defaultQuoteSettings);
    const text = (await pdfText(bytes)).join('\n');
    for (const expected of [
      'Quote Q-2026-0042 (version 2)',
      'Sklep internetowy, Łódź',
      'Łukasz Żółć',
      '90-001 Łódź',
      'Projekt graficzny — Żółć',
      'Ελληνικά και кириллица',
      'Płatność w ciągu 14 dni.',
      'Tax 23% on PLN',
      '1,230.00',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('embeds a font only when the standard fonts cannot show the text', async () => {
    const latin1 = { ...quote, title: 'Site web, Liège', terms: 'Paiement à 30 jours — merci', lines: [{ ...quote.lines[0], name: 'Conception graphique', description: null }] };
    const plain = await renderQuotePdf(latin1, { name: 'Zoë Brontë', company: null, email: null, address: [] }, defaultQuoteSettings);
    expect(plain.toString('latin1')).not.toContain('DejaVu');
    expect((await pdfText(plain)).join('')).toContain('Zoë Brontë');
    const polish = await renderQuotePdf(quote, { name: 'Łukasz', company: null, email: null, address: [] }, defaultQuoteSettings);
    expect(polish.toString('latin1')).toContain('DejaVuSans');
  });

  it('gives the same bytes for the same quote, and other bytes when the quote differs', async () => {
    const client = { name: 'Ada', company: null, email: null, address: [] };
    const a = await renderQuotePdf(quote, client, defaultQuoteSettings);
    const b = await renderQuotePdf(quote, client, defaultQuoteSettings);
    const c = await renderQuotePdf({ ...quote, total: 1231 }, client, defaultQuoteSettings);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it('embeds only the glyphs of each quote, whatever was printed before in the same process', async () => {
    const client = { name: 'Łukasz', company: null, email: null, address: [] };
    const small = { ...quote, title: 'Łódź', terms: null, lines: [{ ...quote.lines[0], name: 'Żółć', description: null }] };
    const first = await renderQuotePdf(small, client, defaultQuoteSettings);
    // Another quote with many other glyphs (Greek, Cyrillic) printed in between.
    const other = await renderQuotePdf(quote, { ...client, name: 'Ελένη Иванова' }, defaultQuoteSettings);
    const again = await renderQuotePdf(small, client, defaultQuoteSettings);
    expect(again.equals(first)).toBe(true);
    expect(other.length).toBeGreaterThan(first.length);
  });
});
