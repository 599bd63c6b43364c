const TRUE = new Set(['yes', 'y', 'true', 't', '1', 'x', 'on', 'checked', 'subscribed', 'ja', 'oui', 'si', '✓']);
const FALSE = new Set(['no', 'n', 'false', 'f', '0', 'off', 'unchecked', 'unsubscribed', 'nein', 'non']);

/** yes/no/true/false/1/0/y/n/x and a few translations; null when not recognisably a boolean. */
export function parseBoolean(raw: string): boolean | null {
  const text = raw.trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return null;
}
