/**
 * Countries are stored as ISO 3166-1 alpha-2 codes and shown as names in the reader's language.
 * A stored value that is not a code (text an import could not recognise, and flagged in its
 * report) is shown as written.
 */
let names: Intl.DisplayNames | null = null;

export function countryName(value: string | null | undefined): string | null {
  if (!value) return null;
  if (!/^[A-Z]{2}$/.test(value)) return value;
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

/** The primary phone as shown: a number kept as written because it could not be read says why. */
export function phoneText(customer: Readonly<Record<string, unknown>>): string | null {
  const phone = typeof customer.phone === 'string' ? customer.phone : null;
  const first = Array.isArray(customer.phones) ? (customer.phones[0] as { raw?: string; e164?: string | null; reason?: string } | undefined) : undefined;
  if (phone && first && !first.e164 && first.raw === phone) return `${phone} (kept as written${first.reason ? `: ${first.reason}` : ''})`;
  return phone;
}
