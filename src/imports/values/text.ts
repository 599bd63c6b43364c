/** Trimmed, Unicode NFC, with inner runs of whitespace collapsed to one space. */
export function cleanText(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Like cleanText but keeps line breaks, for notes and message bodies. */
export function cleanMultilineText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .trim();
}

/** Splits "a, b; c", Google's "* myContacts ::: Friends" and "x|y" into distinct tags. */
export function splitTags(raw: string): string[] {
  const tags = raw
    .split(/:::|[,;|\n]/)
    .map((tag) => cleanText(tag.replace(/^\s*\*\s*/, '')))
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}
