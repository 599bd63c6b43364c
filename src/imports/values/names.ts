const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'ter', 'ten', 'dos', 'das', 'y']);

/**
 * Fixes the case of a name typed all in capitals or all in lower case ("JOHN O'NEIL" -> "John O'Neil",
 * "mcdonald" -> "McDonald"). Names in mixed case are left as written: "DeShawn" and "van Gogh" are deliberate.
 */
export function fixNameCase(name: string): string {
  const isAllUpper = name === name.toUpperCase();
  const isAllLower = name === name.toLowerCase();
  if (!isAllUpper && !isAllLower) return name;
  return name
    .toLowerCase()
    .split(' ')
    .map((word, i) => (i > 0 && PARTICLES.has(word) ? word : capitaliseWord(word)))
    .join(' ');
}

function capitaliseWord(word: string): string {
  const capitalised = word.replace(/(^|[-'’])(\p{L})/gu, (_, boundary: string, letter: string) => boundary + letter.toUpperCase());
  return capitalised.replace(/^Mc(\p{L})/u, (_, letter: string) => `Mc${letter.toUpperCase()}`);
}

const HONORIFICS = /^(mr|mrs|ms|miss|mx|dr|prof|sir|madam|herr|frau|mme|mlle|m)\.?$/i;
const SUFFIXES = /^(jr|sr|ii|iii|iv|phd|md|esq)\.?$/i;

/** Splits a full name into first and last: "Smith, John", "Dr. John Smith Jr." -> John / Smith. */
export function splitFullName(fullName: string): { first: string; last: string } {
  const comma = fullName.indexOf(',');
  if (comma > 0) {
    const last = fullName.slice(0, comma).trim();
    const rest = fullName.slice(comma + 1).trim();
    if (!SUFFIXES.test(rest)) return { first: rest, last };
  }
  const words = fullName.split(/\s+/).filter((word) => word !== '');
  while (words.length > 1 && HONORIFICS.test(words[0])) words.shift();
  while (words.length > 1 && SUFFIXES.test(words[words.length - 1].replace(/,$/, ''))) words.pop();
  if (words.length === 1) return { first: words[0], last: '' };
  // Particles belong to the surname: "Vincent van Gogh" -> "van Gogh".
  let lastStart = words.length - 1;
  while (lastStart > 1 && PARTICLES.has(words[lastStart - 1].toLowerCase())) lastStart--;
  return { first: words.slice(0, lastStart).join(' ').replace(/,$/, ''), last: words.slice(lastStart).join(' ') };
}
