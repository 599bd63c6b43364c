/** Database helpers for the insight engine: batched writes that work the same on all three engines. */
/** Batched writes that work the same on all three engines live in the engine adapter. */
export { batchInsert, batchUpdate, type BatchColumn } from '../core/dialect.js';

/** The settings table's helpers live with the settings; re-exported for the insight code that reads them here. */
export { readSetting, writeSetting } from '../settings/store.js';

export const parseJson = (v: unknown): any => (typeof v === 'string' && v !== '' ? JSON.parse(v) : (v ?? null));

export const isoOfDay = (day: number): string => new Date(day * 86_400_000).toISOString();

/** Day number of an ISO timestamp 'YYYY-MM-DD...' (UTC), without building a Date per row. */
export function dayFromIso(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
}
