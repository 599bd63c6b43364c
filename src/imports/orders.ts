import type { CleanRecord } from './cleaning.js';

const LINE_FIELDS = ['product_sku', 'product_name', 'quantity', 'unit_price'] as const;

export interface CleanOrderRow {
  row: number;
  value: CleanRecord;
}

export interface GroupedOrder {
  /** Order-level fields; each is the first non-empty value among the order's rows. */
  order: CleanRecord;
  lines: CleanRecord[];
  /** Source rows the order came from, for error reports. */
  rows: number[];
}

/**
 * Groups one-row-per-line-item exports (Shopify orders and the like) into orders with lines.
 * Rows with the same `source_id` belong together wherever they are; orders keep first-seen order.
 */
export function groupOrderLines(rows: Iterable<CleanOrderRow>): GroupedOrder[] {
  const orders = new Map<string, GroupedOrder>();
  for (const { row, value } of rows) {
    const id = String(value.source_id);
    let group = orders.get(id);
    if (!group) {
      group = { order: {}, lines: [], rows: [] };
      orders.set(id, group);
    }
    group.rows.push(row);
    const line: CleanRecord = {};
    for (const [field, fieldValue] of Object.entries(value)) {
      if ((LINE_FIELDS as readonly string[]).includes(field)) line[field] = fieldValue;
      else if (group.order[field] === undefined) group.order[field] = fieldValue;
    }
    if (Object.keys(line).length > 0) group.lines.push(line);
  }
  return [...orders.values()];
}
