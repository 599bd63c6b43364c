/**
 * A number written with any common thousands and decimal separators, currency symbols or codes:
 * "$1,234.50", "1.234,50 €", "1 234,50", "CHF 1'234.50", "(12.00)" for a negative amount.
 */
export function parseMoney(raw: string): number | null {
  let text = raw.trim().replace(/[\u00a0\u202f]/g, ' ');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  text = text.replace(/[A-Za-z]{3}\b|[$€£¥₹₽₩₪₫₴₦₱฿¢]|[A-Za-z]*\$/g, '').trim();
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1).trim();
  } else if (text.endsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1).trim();
  }
  text = text.replace(/[ ']/g, '');
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const value = Number(withDotDecimal(text));
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

// The last separator is the decimal one unless it is followed by exactly three digits and is
// the only comma ("1,234" is one thousand two hundred and thirty-four).
function withDotDecimal(text: string): string {
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot < 0 && lastComma < 0) return text;
  const decimalAt = Math.max(lastDot, lastComma);
  const separator = text[decimalAt];
  const decimals = text.length - decimalAt - 1;
  const onlyOne = text.indexOf(separator) === decimalAt && (separator === ',' ? lastDot < 0 : lastComma < 0);
  if (separator === ',' && onlyOne && decimals === 3) return text.replace(',', '');
  if (separator === '.' && !onlyOne && lastComma < 0) return text.replace(/\./g, ''); // "1.234.567"
  if (separator === ',' && !onlyOne && lastDot < 0) return text.replace(/,/g, ''); // "1,234,567"
  const integer = text.slice(0, decimalAt).replace(/[.,]/g, '');
  return `${integer}.${text.slice(decimalAt + 1)}`;
}

export function parseInteger(raw: string): number | null {
  const value = parseMoney(raw);
  return value !== null && Number.isInteger(value) ? value : null;
}
