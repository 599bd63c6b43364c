import { z } from '@hono/zod-openapi';
import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import type { Db } from '../core/database.js';
import { toNumber } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { ApiRecord } from '../records/codec.js';
import { entityService } from '../records/entity-service.js';
import type { ListParams, Page, WhereBuilder } from '../records/repository.js';
import { issuesToFields } from '../records/validation.js';
import { orderEntity } from '../schema/entities.js';
import { maxShortText } from '../schema/fields.js';
import { getBusinessSettings } from '../settings/business.js';

export const orderLineInput = z
  .object({
    product_id: z.string().max(40).nullable().optional(),
    sku: z.string().trim().max(maxShortText).nullable().optional(),
    product_name: z.string().trim().max(maxShortText).nullable().optional(),
    quantity: z.number().finite().positive().max(1e9).default(1),
    unit_price: z.number().finite().min(-1e12).max(1e12),
  })
  .strict();
export type OrderLineInput = z.infer<typeof orderLineInput>;
export const orderLinesField = { lines: z.array(orderLineInput).max(1000).optional() };

export const orderLineRecord = z.object({
  id: z.string(),
  product_id: z.string().nullable(),
  sku: z.string().nullable(),
  product_name: z.string().nullable(),
  quantity: z.number(),
  unit_price: z.number(),
});

const round2 = (n: number) => Math.round(n * 100) / 100;

const orderRows = entityService(orderEntity, {
  async prepare(trx, _ctx, record, existing) {
    if (existing && existing.customer_id === record.customer_id) return;
    const customer = await trx
      .selectFrom('customers')
      .select('id')
      .where('id', '=', record.customer_id as string)
      .executeTakeFirst();
    if (!customer) throw invalid(`customer ${record.customer_id} does not exist`, { customer_id: ['no such customer'] });
  },
});

/** An order body split into its order fields and its validated lines. */
export function splitLines(raw: unknown): { order: Record<string, unknown>; lines: OrderLineInput[] | undefined } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid('an order must be a JSON object', { body: ['expected an object'] });
  const { lines, ...order } = raw as Record<string, unknown>;
  if (lines === undefined) return { order, lines: undefined };
  const parsed = z.array(orderLineInput).max(1000).safeParse(lines);
  if (!parsed.success) throw invalid('invalid order lines', Object.fromEntries(Object.entries(issuesToFields(parsed.error.issues)).map(([k, v]) => [`lines.${k}`, v])));
  return { order, lines: parsed.data };
}

async function linesOf(db: Db, orderIds: string[]): Promise<Map<string, ApiRecord[]>> {
  const out = new Map<string, ApiRecord[]>();
  for (let i = 0; i < orderIds.length; i += 500) {
    const rows = await db
      .selectFrom('order_lines')
      .selectAll()
      .where('order_id', 'in', orderIds.slice(i, i + 500))
      .orderBy('order_id')
      .orderBy('position')
      .execute();
    for (const r of rows) {
      const list = out.get(r.order_id as string) ?? [];
      list.push({ id: r.id, product_id: r.product_id, sku: r.sku, product_name: r.product_name, quantity: toNumber(r.quantity), unit_price: toNumber(r.unit_price) });
      out.set(r.order_id as string, list);
    }
  }
  return out;
}

async function withLines(db: Db, orders: ApiRecord[]): Promise<ApiRecord[]> {
  const lines = await linesOf(
    db,
    orders.map((o) => o.id as string),
  );
  return orders.map((o) => ({ ...o, lines: lines.get(o.id as string) ?? [] }));
}

/** A line's row: its product's SKU and name fill the line's gaps. */
export function orderLineRow(orderId: string, position: number, line: OrderLineInput, product: { id: string; sku: string | null; name: string } | undefined) {
  return {
    id: newId('orderLine'),
    order_id: orderId,
    position,
    product_id: product?.id ?? null,
    sku: line.sku ?? product?.sku ?? null,
    product_name: line.product_name ?? product?.name ?? null,
    quantity: line.quantity,
    unit_price: line.unit_price,
  };
}

/** Resolves each line's product by id or SKU, and fills in a missing name from the product. */
async function writeLines(trx: Db, orderId: string, lines: OrderLineInput[]) {
  await trx.deleteFrom('order_lines').where('order_id', '=', orderId).execute();
  const rows = [];
  for (const [position, line] of lines.entries()) {
    let product: { id: string; sku: string | null; name: string } | undefined;
    if (line.product_id) {
      product = (await trx.selectFrom('products').select(['id', 'sku', 'name']).where('id', '=', line.product_id).executeTakeFirst()) as typeof product;
      if (!product) throw invalid(`product ${line.product_id} does not exist`, { [`lines.${position}.product_id`]: ['no such product'] });
    } else if (line.sku) {
      product = (await trx.selectFrom('products').select(['id', 'sku', 'name']).where('sku', '=', line.sku).executeTakeFirst()) as typeof product;
    }
    rows.push(orderLineRow(orderId, position, line, product));
  }
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('order_lines')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Defaults of a new order (status, currency: the business's) and its total from its lines when none is given. */
export function withDefaults(order: Record<string, unknown>, lines: OrderLineInput[] | undefined, creating: boolean, currency = 'USD'): Record<string, unknown> {
  const out = { ...order };
  if (creating) {
    out.status ??= 'paid';
    out.currency ??= currency;
  }
  if (out.total === undefined && lines) out.total = round2(lines.reduce((sum, l) => sum + l.quantity * l.unit_price, 0));
  if (creating && out.total === undefined) throw invalid('an order needs a total or lines', { total: ['required when there are no lines'] });
  if (typeof out.currency === 'string') out.currency = out.currency.toUpperCase();
  return out;
}

export async function createOrdersIn(trx: Db, ctx: Ctx, inputs: unknown[]): Promise<ApiRecord[]> {
  const split = inputs.map(splitLines);
  const { currency } = await getBusinessSettings(trx);
  const created = await orderRows.createIn(
    trx,
    ctx,
    split.map((s) => withDefaults(s.order, s.lines, true, currency)),
  );
  for (const [i, order] of created.entries()) if (split[i].lines) await writeLines(trx, order.id as string, split[i].lines!);
  return withLines(trx, created);
}

export async function updateOrdersIn(trx: Db, ctx: Ctx, patches: { id: string; patch: unknown }[]): Promise<ApiRecord[]> {
  const split = patches.map((p) => splitLines(p.patch));
  const updated = await orderRows.updateIn(
    trx,
    ctx,
    patches.map((p, i) => ({ id: p.id, patch: withDefaults(split[i].order, split[i].lines, false) })),
  );
  for (const [i, order] of updated.entries()) if (split[i].lines) await writeLines(trx, order.id as string, split[i].lines!);
  return withLines(trx, updated);
}

export const orders = {
  entity: orderEntity,
  createIn: createOrdersIn,
  updateIn: updateOrdersIn,
  deleteIn: orderRows.deleteIn,
  create: (ctx: Ctx, inputs: unknown[]) => inTransaction(ctx, (trx) => createOrdersIn(trx, ctx, inputs)),
  update: (ctx: Ctx, patches: { id: string; patch: unknown }[]) => inTransaction(ctx, (trx) => updateOrdersIn(trx, ctx, patches)),
  delete: orderRows.delete,
  async get(ctx: Ctx, id: string) {
    return (await withLines(ctx.database.db, [await orderRows.get(ctx, id)]))[0];
  },
  async list(ctx: Ctx, params: ListParams & { q?: string; where?: WhereBuilder[] }): Promise<Page> {
    const page = await orderRows.list(ctx, params);
    return { data: await withLines(ctx.database.db, page.data), next_cursor: page.next_cursor };
  },
};
