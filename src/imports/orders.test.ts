import { describe, expect, it } from 'vitest';
import { groupOrderLines } from './orders.js';

describe('groupOrderLines', () => {
  it('groups line rows under their order and fills order fields from any row', () => {
    const grouped = groupOrderLines([
      { row: 2, value: { source_id: '#1001', customer_email: 'a@x.com', total: 30, product_sku: 'A', quantity: 1, unit_price: 10 } },
      { row: 3, value: { source_id: '#1001', product_sku: 'B', quantity: 2, unit_price: 10 } },
      { row: 4, value: { source_id: '#1002', total: 5, product_name: 'Sticker', quantity: 1, unit_price: 5 } },
      { row: 5, value: { source_id: '#1001', status: 'paid', product_sku: 'C', quantity: 1, unit_price: 0 } },
    ]);
    expect(grouped).toEqual([
      {
        order: { source_id: '#1001', customer_email: 'a@x.com', total: 30, status: 'paid' },
        lines: [
          { product_sku: 'A', quantity: 1, unit_price: 10 },
          { product_sku: 'B', quantity: 2, unit_price: 10 },
          { product_sku: 'C', quantity: 1, unit_price: 0 },
        ],
        rows: [2, 3, 5],
      },
      { order: { source_id: '#1002', total: 5 }, lines: [{ product_name: 'Sticker', quantity: 1, unit_price: 5 }], rows: [4] },
    ]);
  });

  it('keeps orders without line fields', () => {
    expect(groupOrderLines([{ row: 2, value: { source_id: 'ch_1', total: 12 } }])).toEqual([{ order: { source_id: 'ch_1', total: 12 }, lines: [], rows: [2] }]);
  });
});
