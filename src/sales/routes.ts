/** Product and order routes. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { registerEntityRoutes } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { recordSchema } from '../records/validation.js';
import { orderEntity, productEntity } from '../schema/entities.js';
import { orderLineInput, orderLineRecord, orders } from './orders.js';
import { products } from './products.js';

export const productRecord = recordSchema(productEntity).openapi('Product');
export const orderRecord = recordSchema(orderEntity, { lines: z.array(orderLineRecord) }).openapi('Order');

export function registerProductRoutes(app: OpenAPIHono<AppEnv>) {
  registerEntityRoutes(app, { service: products, path: '/api/products', tag: 'products', name: 'Product', record: productRecord });
}

export function registerOrderRoutes(app: OpenAPIHono<AppEnv>) {
  const extra = { lines: z.array(orderLineInput).max(1000).optional() };
  registerEntityRoutes(app, { service: orders, path: '/api/orders', tag: 'orders', name: 'Order', record: orderRecord, extra });
}
