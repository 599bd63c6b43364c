/** GET /api/today (src/today/routes.ts), generated from /api/openapi.json. */
import type { components } from '../lib/api-types';

export type Today = components['schemas']['Today'];
export type TodayItem = components['schemas']['TodayItem'];
export type TodayKind = TodayItem['kind'];
