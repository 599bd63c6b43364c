import { z } from '@hono/zod-openapi';
import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import type { Db } from '../core/database.js';
import { invalid } from '../core/errors.js';
import type { ApiRecord } from '../records/codec.js';
import { entityService } from '../records/entity-service.js';
import { orderLineTable, productLineInput, productLineRecord, productLineRow, splitProductLines, withProductLines, writeProductLines, type LineProduct, type ProductLineInput } from './lines.js';
import type { ListParams, Page, WhereBuilder } from '../records/repository.js';
import { orderEntity } from '../schema/entities.js';
import { getBusinessSettings } from '../settings/business.js';

export const orderLineInput = productLineInput;
export type OrderLineInput = ProductLineInput;
const orderLinesField = { lines: z.array(orderLineInput).max(1000).optional() };
export const orderLineRecord = productLineRecord;

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
  const { record, lines } = splitProductLines(orderLineTable, raw);
  return { order: record, lines };
}

const withLines = (db: Db, orders: ApiRecord[]) => withProductLines(db, orderLineTable, orders);
const writeLines = (trx: Db, orderId: string, lines: OrderLineInput[]) => writeProductLines(trx, orderLineTable, orderId, lines);

/** A line's row: its product's SKU and name fill the line's gaps. */
export const orderLineRow = (orderId: string, position: number, line: OrderLineInput, product: LineProduct) => productLineRow(orderLineTable, orderId, position, line, product);

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
