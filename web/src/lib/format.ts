import type { FieldDef } from './fields';
import { countryName } from './customer-facts';

const dateFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const numberFmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const integerFmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatDate(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00` : value);
  return Number.isNaN(d.getTime()) ? value : dateFmt.format(d);
}

const shortFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** "Mar 4" this year, "Mar 4, 2024" otherwise. */
export function formatShortDate(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return d.getFullYear() === new Date().getFullYear() ? shortFmt.format(d) : dateFmt.format(d);
}

export function formatDateTime(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateTimeFmt.format(d);
}

export function formatNumber(value: unknown, integer = false): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return (integer ? integerFmt : numberFmt).format(value);
}

/** The business currency (Settings): amounts in it show its symbol; the app sets it once the settings load. */
let businessCurrency = 'EUR';
const moneyFmts = new Map<string, Intl.NumberFormat>();
export function setBusinessCurrency(code: string) {
  if (code === businessCurrency) return;
  businessCurrency = code;
  moneyFmts.clear();
}
export const getBusinessCurrency = () => businessCurrency;

function moneyFmt(currency: string): Intl.NumberFormat {
  let fmt = moneyFmts.get(currency);
  if (!fmt) {
    // Another currency than the business's is spelled out ("USD 83.90"), so it is never mistaken for it.
    const display = currency === businessCurrency ? 'symbol' : 'code';
    try {
      fmt = new Intl.NumberFormat(undefined, { style: 'currency', currency, currencyDisplay: display, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    } catch {
      fmt = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFmts.set(currency, fmt);
  }
  return fmt;
}

/**
 * Every amount on screen: two decimals and its currency, the business's by default ("€1,003.70"); an
 * amount in another currency carries its code ("USD 83.90"). Not a number: "—".
 */
export function formatMoney(value: unknown, currency?: string | null): string {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return '—';
  const code = (currency || businessCurrency).toUpperCase();
  return moneyFmt(code).format(n);
}

/** Fields that hold an amount in the business currency (customer figures, order totals). */
const moneyFields = new Set(['revenue', 'clv', 'average_order_value', 'total', 'monetary', 'value_at_risk']);

export function relativeTime(value: unknown, now = Date.now()): string {
  if (typeof value !== 'string' || !value) return '';
  const t = new Date(value).getTime();
  if (Number.isNaN(t)) return value;
  const diff = t - now;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 864e5],
    ['month', 30 * 864e5],
    ['week', 7 * 864e5],
    ['day', 864e5],
    ['hour', 36e5],
    ['minute', 6e4],
  ];
  for (const [unit, ms] of units) if (abs >= ms) return rtf.format(Math.round(diff / ms), unit);
  return 'just now';
}

/** A field's value as plain text for tables and read-only views. */
export function formatValue(field: FieldDef, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'date':
      return formatDate(value);
    case 'datetime':
      return formatDateTime(value);
    case 'integer':
      return formatNumber(value, true);
    case 'number':
      return moneyFields.has(field.name) ? formatMoney(value) : formatNumber(value);
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'string_list':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'phone_list':
      return Array.isArray(value) ? value.map((p) => (p && typeof p === 'object' ? String((p as { e164?: string; raw?: string }).e164 ?? (p as { raw?: string }).raw) : String(p))).join(', ') : '';
    default:
      // Countries are stored as ISO codes and shown as names.
      return field.name === 'country' ? (countryName(String(value)) ?? '') : String(value);
  }
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
}
