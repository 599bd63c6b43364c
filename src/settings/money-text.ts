/**
 * An amount in a sentence the API sends (Today's reasons, the contact list), written as the web app writes
 * amounts beside it: the business currency by its symbol ("€1,234.50"), another by its code ("USD 50.00").
 */
const formats = new Map<string, Intl.NumberFormat>();

export function moneyText(amount: number, currency: string, businessCurrency: string): string {
  const display = currency === businessCurrency ? 'symbol' : 'code';
  const key = `${currency}:${display}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: display, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    } catch {
      format = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    formats.set(key, format);
  }
  return format.format(amount);
}
