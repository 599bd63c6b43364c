/** Quote lines: validated input, resolved against the product catalogue, stored in minor units. */
import { z } from '@hono/zod-openapi';
import type { Db } from '../core/database.js';
import { toNumber } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { issuesToFields } from '../records/validation.js';
import { maxLongText, maxShortText } from '../schema/fields.js';
import { currencyDigits, quoteAmounts, scaled, toMajor, type QuoteAmounts } from './money.js';

const percent = z.number().finite().min(0).max(100);

export const quoteLineInput = z
  .object({
    product_id: z.string().max(40).nullable().optional().openapi({ description: 'A catalogue product: its name, SKU and price fill what the line leaves out' }),
    sku: z.string().trim().max(maxShortText).nullable().optional(),
    name: z.string().trim().min(1).max(maxShortText).nullable().optional().openapi({ description: 'Required unless the product gives one' }),
    description: z.string().max(maxLongText).nullable().optional(),
    quantity: z.number().finite().positive().max(1e9).default(1).openapi({ description: 'Up to 3 decimals' }),
    unit_price: z.number().finite().min(0).max(1e12).optional().openapi({ description: "Price per unit in the quote's currency; the product's catalogue price when omitted" }),
    discount_percent: percent.default(0),
    tax_rate: percent.default(0).openapi({ description: 'Tax rate in percent, e.g. 21' }),
  })
  .strict()
  .openapi('QuoteLineInput');
export type QuoteLineInput = z.infer<typeof quoteLineInput>;
const quoteLinesInput = z.array(quoteLineInput).max(500);

export const quoteLineRecord = z
  .object({
    id: z.string(),
    product_id: z.string().nullable(),
    sku: z.string().nullable(),
    name: z.string(),
    description: z.string().nullable(),
    quantity: z.number(),
    unit_price: z.number(),
    discount_percent: z.number(),
    tax_rate: z.number(),
    net: z.number().openapi({ description: 'Quantity × unit price less the line discount' }),
  })
  .openapi('QuoteLine');
export type QuoteLine = z.infer<typeof quoteLineRecord>;

/** A line as the arithmetic and the PDF need it (prices in major units, as entered). */
export interface ResolvedLine {
  product_id: string | null;
  sku: string | null;
  name: string;
  description: string | null;
  quantity: number;
  unit_price: number;
  discount_percent: number;
  tax_rate: number;
}

export function parseLines(raw: unknown): QuoteLineInput[] {
  const parsed = quoteLinesInput.safeParse(raw);
  if (!parsed.success) throw invalid('invalid quote lines', Object.fromEntries(Object.entries(issuesToFields(parsed.error.issues)).map(([k, v]) => [`lines.${k}`, v])));
  return parsed.data;
}

/** Fills each line from its product (by id, else by SKU): name, SKU and the catalogue price. */
export async function resolveLines(trx: Db, lines: QuoteLineInput[]): Promise<ResolvedLine[]> {
  const out: ResolvedLine[] = [];
  for (const [i, line] of lines.entries()) {
    let product: { id: string; sku: string | null; name: string; price: unknown } | undefined;
    if (line.product_id) {
      product = (await trx.selectFrom('products').select(['id', 'sku', 'name', 'price']).where('id', '=', line.product_id).executeTakeFirst()) as typeof product;
      if (!product) throw invalid(`product ${line.product_id} does not exist`, { [`lines.${i}.product_id`]: ['no such product'] });
    } else if (line.sku) {
      product = (await trx.selectFrom('products').select(['id', 'sku', 'name', 'price']).where('sku', '=', line.sku).executeTakeFirst()) as typeof product;
    }
    const name = line.name ?? product?.name;
    if (!name) throw invalid('a line needs a name or a product', { [`lines.${i}.name`]: ['required when the line names no product'] });
    const price = line.unit_price ?? toNumber(product?.price);
    if (price === null || price === undefined) throw invalid('a line needs a unit price', { [`lines.${i}.unit_price`]: ['required when the product has no price'] });
    out.push({
      product_id: product?.id ?? null,
      sku: line.sku ?? product?.sku ?? null,
      name,
      description: line.description ?? null,
      quantity: line.quantity,
      unit_price: price,
      discount_percent: line.discount_percent,
      tax_rate: line.tax_rate,
    });
  }
  return out;
}

export function amountsOf(currency: string, lines: ResolvedLine[], discountPercent: number): QuoteAmounts {
  return quoteAmounts(
    currency,
    lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unit_price, discountPercent: l.discount_percent, taxRate: l.tax_rate })),
    discountPercent,
  );
}

/** The quote's amount columns, in major units. */
export function amountColumns(a: QuoteAmounts) {
  return { subtotal: toMajor(a.subtotal, a.digits), discount_total: toMajor(a.discount, a.digits), tax_total: toMajor(a.tax, a.digits), total: toMajor(a.total, a.digits) };
}

export async function writeLines(trx: Db, quoteId: string, currency: string, lines: ResolvedLine[], amounts: QuoteAmounts): Promise<void> {
  await trx.deleteFrom('quote_lines').where('quote_id', '=', quoteId).execute();
  const digits = currencyDigits(currency);
  const rows = lines.map((l, position) => ({
    id: newId('quoteLine'),
    quote_id: quoteId,
    position,
    product_id: l.product_id,
    sku: l.sku,
    name: l.name,
    description: l.description,
    quantity: l.quantity,
    unit_price_minor: Number(scaled(l.unit_price, digits)),
    discount_percent: l.discount_percent,
    tax_rate: l.tax_rate,
    net_minor: amounts.lines[position].net,
  }));
  for (let i = 0; i < rows.length; i += 100)
    await trx
      .insertInto('quote_lines')
      .values(rows.slice(i, i + 100))
      .execute();
}

/** The stored lines of quotes, in order, with prices back in major units. */
export async function linesOf(db: Db, quotes: { id: string; currency: string }[]): Promise<Map<string, QuoteLine[]>> {
  const out = new Map<string, QuoteLine[]>();
  const currencyOf = new Map(quotes.map((q) => [q.id, q.currency]));
  const ids = quotes.map((q) => q.id);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('quote_lines')
      .selectAll()
      .where('quote_id', 'in', ids.slice(i, i + 500))
      .orderBy('quote_id')
      .orderBy('position')
      .execute();
    for (const r of rows) {
      const digits = currencyDigits(currencyOf.get(r.quote_id as string) ?? 'EUR');
      const list = out.get(r.quote_id as string) ?? [];
      list.push({
        id: r.id as string,
        product_id: (r.product_id as string | null) ?? null,
        sku: (r.sku as string | null) ?? null,
        name: r.name as string,
        description: (r.description as string | null) ?? null,
        quantity: toNumber(r.quantity)!,
        unit_price: toMajor(toNumber(r.unit_price_minor)!, digits),
        discount_percent: toNumber(r.discount_percent)!,
        tax_rate: toNumber(r.tax_rate)!,
        net: toMajor(toNumber(r.net_minor)!, digits),
      });
      out.set(r.quote_id as string, list);
    }
  }
  return out;
}

export const asResolved = (l: QuoteLine): ResolvedLine => ({
  product_id: l.product_id,
  sku: l.sku,
  name: l.name,
  description: l.description,
  quantity: l.quantity,
  unit_price: l.unit_price,
  discount_percent: l.discount_percent,
  tax_rate: l.tax_rate,
});
