/**
 * Countries are stored as ISO 3166-1 alpha-2 codes and shown as names in the reader's language.
 * A stored value that is not a code (an import kept text it could not recognise) is shown as
 * written, marked as not recognised.
 */
let names: Intl.DisplayNames | null = null;

export function countryName(value: string | null | undefined): string | null {
  if (!value) return null;
  if (!/^[A-Z]{2}$/.test(value)) return `${value} (country not recognised)`;
  try {
    names ??= new Intl.DisplayNames(undefined, { type: 'region' });
    return names.of(value) ?? value;
  } catch {
    return value;
  }
}

/**
 * When the person became a customer: the source's creation date (or, for a record created here,
 * its creation), or the first order when that is earlier; null when neither is known (an import
 * time is not a customer-since date).
 */
export function customerSince(customer: Readonly<Record<string, unknown>>): string | null {
  const dates = [customer.customer_since, customer.first_order_at].filter((d): d is string => typeof d === 'string' && d !== '');
  return dates.length ? dates.sort()[0] : null;
}
