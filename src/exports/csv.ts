/**
 * CSV writing (RFC 4180) for exports. Cells a spreadsheet would read as a formula are
 * neutralised with a leading apostrophe, so an exported file cannot run code when opened.
 * Phone numbers in E.164 ("+32470536746", several joined with "; ") are the exception: a plus and
 * digits cannot call a function or another program, and the apostrophe would break the number for
 * every other importer (it would arrive as "'+32470536746"). A spreadsheet shows such a cell as a
 * number (its digits intact) or, with the column imported as text, exactly as written.
 */

const formulaStart = /^[=+\-@|\t\r]/;
const e164List = /^\+\d{6,15}(?:; \+\d{6,15})*$/;

/** A value as it may safely appear in a spreadsheet cell: formula-like text gets a leading `'`. */
export function neutralise(text: string): string {
  return formulaStart.test(text) && !e164List.test(text) ? `'${text}` : text;
}

/** One CSV cell: neutralised, and quoted when it holds a comma, quote, CR or LF. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') {
    // Numbers are data, not formulas: a negative amount keeps its sign.
    if (!Number.isFinite(value)) return '';
    return String(value);
  }
  if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = neutralise(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, terminated by CRLF as RFC 4180 asks. */
export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/** Reverses `neutralise` for a cell read back from a Rapport export. */
export function unneutralise(text: string): string {
  return text.startsWith("'") && formulaStart.test(text.slice(1)) ? text.slice(1) : text;
}
