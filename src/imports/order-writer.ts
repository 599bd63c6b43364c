import { invalid } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { recordChanges } from '../records/changes.js';
import { attachSources } from '../customers/service.js';
import { recordToRow, rowToRecord, type ApiRecord, type Row } from '../records/codec.js';
import { createSchema, issuesToFields } from '../records/validation.js';
import { orderLineRow, splitLines, withDefaults } from '../sales/orders.js';
import { orderEntity } from '../schema/entities.js';
import { getBusinessSettings } from '../settings/business.js';
import type { WriteContext } from './write-context.js';

/** What an order line needs to know of its product: its SKU and name fill the line's gaps. */
export interface ProductRef {
  id: string;
  sku: string | null;
  name: string;
}

const orderInput = createSchema(orderEntity);

/** An order's row as the order service would write it: validated, with defaults, a new id and stamps. */
function orderRow(input: ApiRecord, now: string): Row {
  const parsed = orderInput.safeParse(input);
  if (!parsed.success) throw invalid(`invalid ${orderEntity.label}`, issuesToFields(parsed.error.issues));
  const record: ApiRecord = Object.assign(Object.create(null), parsed.data, { id: newId(orderEntity.idKind), created_at: now, updated_at: now });
  return recordToRow(orderEntity.fields, record);
}

/**
 * Creates a chunk's new orders with their lines in a few multi-row writes: the rows, audit
 * entries, source ids and figures are those the order service writes one order at a time.
 * Customers were resolved in this transaction and products made by `ensureProducts`, so
 * neither is looked up again. The chunk's events go out in one batch, so the order figures'
 * subscriber refreshes the chunk's customers (and what hangs off them) once.
 */
export async function createOrdersBulk(w: WriteContext, creates: { input: ApiRecord; sourceId: string }[], products: ReadonlyMap<string, ProductRef>): Promise<string[]> {
  if (creates.length === 0) return [];
  const { trx, ctx, source } = w;
  const now = new Date().toISOString();
  // An order without a currency gets the business's, as the order service gives it.
  const { currency } = await getBusinessSettings(trx);
  const orders: Row[] = [];
  const lines: Row[] = [];
  for (const { input } of creates) {
    const split = splitLines(input);
    const row = orderRow(withDefaults(split.order, split.lines, true, currency), now);
    orders.push(row);
    for (const [position, line] of (split.lines ?? []).entries()) {
      const product = line.product_id ? products.get(line.product_id) : undefined;
      if (line.product_id && !product) throw invalid(`product ${line.product_id} does not exist`, { [`lines.${position}.product_id`]: ['no such product'] });
      lines.push(orderLineRow(row.id as string, position, line, product));
    }
  }
  await w.insert(trx, orderEntity.table, orders);
  const records = orders.map((o) => rowToRecord(orderEntity.fields, o));
  await recordChanges(
    trx,
    ctx,
    orderEntity,
    'create',
    records.map((r) => ({ id: r.id as string, after: r })),
    w.insert,
  );
  await w.insert(trx, 'order_lines', lines);
  const ids = orders.map((o) => o.id as string);
  await attachSources(
    trx,
    'orders',
    ids.map((id, i) => ({ entityId: id, sources: [{ source, source_id: creates[i].sourceId }] })),
    w.insert,
  );
  return ids;
}
