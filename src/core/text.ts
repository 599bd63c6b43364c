/** Lower case, accents removed, split into letter/digit words: the one tokeniser search uses everywhere. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Unique words of several values, joined by spaces: the document the full-text index sees. */
export function searchDocument(values: Array<string | null | undefined>): string {
  const seen = new Set<string>();
  for (const value of values) if (value) for (const w of words(value)) if (w.length <= 64) seen.add(w);
  return [...seen].join(' ');
}
