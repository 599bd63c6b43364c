/**
 * Product lines, the one shape orders and deals share (so a won deal's lines can become an order):
 * validation, reading them back in position order, and writing them with each line's product
 * resolved by id or SKU, its SKU and name filling the line's gaps.
 */
import { z } from '@hono/zod-openapi';
import type { Db } from '../core/database.js';
import { toNumber } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { newId, type IdKind } from '../core/ids.js';
import type { ApiRecord } from '../records/codec.js';
import { issuesToFields } from '../records/validation.js';
import { maxShortText } from '../schema/fields.js';

export const productLineInput = z
  .object({
    product_id: z.string().max(40).nullable().optional(),
    sku: z.string().trim().max(maxShortText).nullable().optional(),
    product_name: z.string().trim().max(maxShortText).nullable().optional(),
    quantity: z.number().finite().positive().max(1e9).default(1),
    unit_price: z.number().finite().min(-1e12).max(1e12),
  })
  .strict();
export type ProductLineInput = z.infer<typeof productLineInput>;

export const productLineRecord = z.object({
  id: z.string(),
  product_id: z.string().nullable(),
  sku: z.string().nullable(),
  product_name: z.string().nullable(),
  quantity: z.number(),
  unit_price: z.number(),
});

/** Where one kind of record keeps its lines. */
export interface LineTable {
  table: 'order_lines' | 'deal_lines';
  owner: 'order_id' | 'deal_id';
  idKind: IdKind;
  /** The record, in messages: "order", "deal". */
  label: string;
}

export const orderLineTable: LineTable = { table: 'order_lines', owner: 'order_id', idKind: 'orderLine', label: 'order' };
export const dealLineTable: LineTable = { table: 'deal_lines', owner: 'deal_id', idKind: 'dealLine', label: 'deal' };

/** A body split into its record fields and its validated lines (undefined when it has none). */
export function splitProductLines(spec: LineTable, raw: unknown): { record: Record<string, unknown>; lines: ProductLineInput[] | undefined } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid(`${/^[aeiou]/.test(spec.label) ? 'an' : 'a'} ${spec.label} must be a JSON object`, { body: ['expected an object'] });
  const { lines, ...record } = raw as Record<string, unknown>;
  if (lines === undefined) return { record, lines: undefined };
  const parsed = z.array(productLineInput).max(1000).safeParse(lines);
  if (!parsed.success) throw invalid(`invalid ${spec.label} lines`, Object.fromEntries(Object.entries(issuesToFields(parsed.error.issues)).map(([k, v]) => [`lines.${k}`, v])));
  return { record, lines: parsed.data };
}

export type LineProduct = { id: string; sku: string | null; name: string } | undefined;

/** A line's row: its product's SKU and name fill the line's gaps. */
export function productLineRow(spec: LineTable, ownerId: string, position: number, line: ProductLineInput, product: LineProduct) {
  return {
    id: newId(spec.idKind),
    [spec.owner]: ownerId,
    position,
    product_id: product?.id ?? null,
    sku: line.sku ?? product?.sku ?? null,
    product_name: line.product_name ?? product?.name ?? null,
    quantity: line.quantity,
    unit_price: line.unit_price,
  };
}

/** Replaces a record's lines, resolving each line's product by id (which must exist) or SKU. */
export async function writeProductLines(trx: Db, spec: LineTable, ownerId: string, lines: ProductLineInput[]): Promise<void> {
  await trx.deleteFrom(spec.table).where(spec.owner, '=', ownerId).execute();
  const rows = [];
  for (const [position, line] of lines.entries()) {
    let product: LineProduct;
    if (line.product_id) {
      product = (await trx.selectFrom('products').select(['id', 'sku', 'name']).where('id', '=', line.product_id).executeTakeFirst()) as LineProduct;
      if (!product) throw invalid(`product ${line.product_id} does not exist`, { [`lines.${position}.product_id`]: ['no such product'] });
    } else if (line.sku) {
      product = (await trx.selectFrom('products').select(['id', 'sku', 'name']).where('sku', '=', line.sku).executeTakeFirst()) as LineProduct;
    }
    rows.push(productLineRow(spec, ownerId, position, line, product));
  }
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto(spec.table)
      .values(rows.slice(i, i + 200))
      .execute();
}

/** The lines of these records, in position order. */
export async function readProductLines(db: Db, spec: LineTable, ownerIds: readonly string[]): Promise<Map<string, ApiRecord[]>> {
  const out = new Map<string, ApiRecord[]>();
  for (let i = 0; i < ownerIds.length; i += 500) {
    const rows = await db
      .selectFrom(spec.table)
      .selectAll()
      .where(spec.owner, 'in', ownerIds.slice(i, i + 500))
      .orderBy(spec.owner)
      .orderBy('position')
      .execute();
    for (const r of rows) {
      const owner = r[spec.owner] as string;
      const list = out.get(owner) ?? [];
      list.push({ id: r.id, product_id: r.product_id, sku: r.sku, product_name: r.product_name, quantity: toNumber(r.quantity), unit_price: toNumber(r.unit_price) });
      out.set(owner, list);
    }
  }
  return out;
}

/** Records with their `lines`. */
export async function withProductLines(db: Db, spec: LineTable, records: ApiRecord[]): Promise<ApiRecord[]> {
  const lines = await readProductLines(
    db,
    spec,
    records.map((r) => r.id as string),
  );
  return records.map((r) => ({ ...r, lines: lines.get(r.id as string) ?? [] }));
}
