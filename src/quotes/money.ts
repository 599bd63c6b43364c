/**
 * Quote arithmetic, exact: every amount is an integer count of the currency's minor unit (cents, or
 * yen for JPY), held as a bigint while computing. The rule, applied in this order:
 *
 * 1. A line's gross = quantity × unit price, rounded to the minor unit.
 * 2. Its discount = gross × line discount %, rounded; its net = gross − discount.
 * 3. Subtotal = the sum of the nets. Overall discount = subtotal × overall discount %, rounded, and
 *    shared out over the lines in proportion to their nets (largest remainder, so the shares add up
 *    to it exactly); a line's taxable base is its net less its share.
 * 4. Tax is computed once per rate, on the sum of the bases taxed at that rate, rounded (as VAT
 *    invoices show it: one amount per rate).
 * 5. Total = subtotal − overall discount + tax.
 *
 * Rounding is half away from zero at every step. Quantities keep 3 decimals, percentages 2.
 * Numbers arrive as JavaScript numbers and are read through their shortest decimal form, so 1.005
 * is 1.005 (not 1.00499999...).
 */

export interface QuoteLineAmountsInput {
  quantity: number;
  /** Unit price in the currency's major unit (euros). */
  unitPrice: number;
  /** 0 to 100. */
  discountPercent: number;
  /** 0 to 100. */
  taxRate: number;
}

interface LineAmounts {
  gross: number;
  discount: number;
  net: number;
  /** The line's share of the overall discount. */
  overallDiscountShare: number;
  taxableBase: number;
}

interface TaxAmount {
  rate: number;
  base: number;
  tax: number;
}

export interface QuoteAmounts {
  /** Decimal places of the currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD). */
  digits: number;
  lines: LineAmounts[];
  subtotal: number;
  discount: number;
  taxes: TaxAmount[];
  tax: number;
  total: number;
}

const digitsCache = new Map<string, number>();

/** Decimal places of a currency's minor unit, from ISO 4217 as Intl knows it (2 when unknown). */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** `value` × 10^scale as an integer, rounded half away from zero, read from the number's decimal form. */
export function scaled(value: number, scale: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(Math.abs(value));
  const plain = /e/i.test(text) ? Math.abs(value).toFixed(20) : text;
  const [whole, fraction = ''] = plain.split('.');
  const kept = BigInt(whole + fraction.slice(0, scale).padEnd(scale, '0'));
  const roundUp = fraction.length > scale && fraction.charCodeAt(scale) >= 53; /* '5' */
  const magnitude = roundUp ? kept + 1n : kept;
  return value < 0 ? -magnitude : magnitude;
}

/** a / b rounded half away from zero (b > 0). */
export function divRound(a: bigint, b: bigint): bigint {
  const magnitude = (2n * (a < 0n ? -a : a) + b) / (2n * b);
  return a < 0n ? -magnitude : magnitude;
}

/** Splits `amount` over `weights` in proportion, the shares adding up to `amount` exactly. */
export function allocate(amount: bigint, weights: bigint[]): bigint[] {
  const sum = weights.reduce((s, w) => s + w, 0n);
  if (sum === 0n || amount === 0n) return weights.map(() => 0n);
  const shares = weights.map((w) => (amount * w) / sum);
  let left = amount - shares.reduce((s, x) => s + x, 0n);
  // Remainders, largest first; ties go to the earlier line so the result is deterministic.
  const order = weights.map((w, i) => ({ i, rest: (amount * w) % sum })).sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    shares[i] += left > 0n ? 1n : -1n;
    left += left > 0n ? -1n : 1n;
  }
  return shares;
}

const percentScale = 10_000n; // percentages keep 2 decimals: 21.5 % = 2150 / 10000
const quantityScale = 1_000n;

/** The amounts of a quote, in minor units. */
export function quoteAmounts(currency: string, lines: QuoteLineAmountsInput[], overallDiscountPercent = 0): QuoteAmounts {
  const digits = currencyDigits(currency);
  const gross = lines.map((l) => divRound(scaled(l.quantity, 3) * scaled(l.unitPrice, digits), quantityScale));
  const lineDiscount = lines.map((l, i) => divRound(gross[i] * scaled(l.discountPercent, 2), percentScale));
  const net = gross.map((g, i) => g - lineDiscount[i]);
  const subtotal = net.reduce((s, n) => s + n, 0n);
  const discount = divRound(subtotal * scaled(overallDiscountPercent, 2), percentScale);
  const shares = allocate(discount, net);
  const bases = net.map((n, i) => n - shares[i]);

  const byRate = new Map<bigint, bigint>();
  lines.forEach((l, i) => {
    const rate = scaled(l.taxRate, 2);
    byRate.set(rate, (byRate.get(rate) ?? 0n) + bases[i]);
  });
  const taxes = [...byRate.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([rate, base]) => ({ rate, base, tax: divRound(base * rate, percentScale) }));
  const tax = taxes.reduce((s, t) => s + t.tax, 0n);

  return {
    digits,
    lines: lines.map((_, i) => ({ gross: Number(gross[i]), discount: Number(lineDiscount[i]), net: Number(net[i]), overallDiscountShare: Number(shares[i]), taxableBase: Number(bases[i]) })),
    subtotal: Number(subtotal),
    discount: Number(discount),
    taxes: taxes.map((t) => ({ rate: Number(t.rate) / 100, base: Number(t.base), tax: Number(t.tax) })),
    tax: Number(tax),
    total: Number(subtotal - discount + tax),
  };
}

/** Minor units to the major unit as a number (1234 cents -> 12.34); exact below 2^53 minor units. */
export const toMajor = (minor: number, digits: number): number => (digits === 0 ? minor : Number((minor / 10 ** digits).toFixed(digits)));
