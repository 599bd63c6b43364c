/** A quote's PDF as sent, shown and accepted: the quote, its client and the business settings, rendered. */
import type { Db } from '../core/database.js';
import { renderQuotePdf, sha256Hex, type PdfClient, type PdfQuote } from './pdf.js';
import type { Quote } from './service.js';
import { getBusinessSettings } from '../settings/business.js';
import { getQuoteSettings } from './settings.js';

export async function quoteClient(db: Db, customerId: string): Promise<PdfClient & { email: string | null }> {
  const c = await db
    .selectFrom('customers')
    .select(['first_name', 'last_name', 'company', 'email', 'address', 'postcode', 'city', 'region', 'country'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!c) return { name: '', company: null, email: null, address: [] };
  const cityLine = [c.postcode, c.city].filter(Boolean).join(' ');
  return {
    name: [c.first_name, c.last_name].filter(Boolean).join(' ') || (c.company as string | null) || (c.email as string | null) || '',
    company: (c.company as string | null) ?? null,
    email: (c.email as string | null) ?? null,
    address: [c.address, cityLine, c.region, c.country].filter((v): v is string => typeof v === 'string' && v.length > 0),
  };
}

/** The quote as the PDF and the public page show it. */
export function pdfQuoteOf(quote: Quote, timeZone: string): PdfQuote {
  return {
    number: quote.number,
    version: quote.version,
    title: (quote.title as string | null) ?? null,
    currency: quote.currency,
    valid_until: quote.valid_until,
    created_at: quote.created_at as string,
    time_zone: timeZone,
    terms: (quote.terms as string | null) ?? null,
    discount_percent: Number(quote.discount_percent ?? 0),
    subtotal: Number(quote.subtotal),
    discount_total: Number(quote.discount_total),
    tax_total: Number(quote.tax_total),
    total: quote.total,
    lines: quote.lines,
  };
}

export async function quotePdf(db: Db, quote: Quote): Promise<{ bytes: Buffer; sha256: string; filename: string }> {
  const [client, settings, business] = await Promise.all([quoteClient(db, quote.customer_id), getQuoteSettings(db), getBusinessSettings(db)]);
  const bytes = await renderQuotePdf(pdfQuoteOf(quote, business.timeZone), client, settings);
  return { bytes, sha256: sha256Hex(bytes), filename: `${quote.number}${quote.version > 1 ? `-v${quote.version}` : ''}.pdf` };
}
