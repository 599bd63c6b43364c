const SOUNDEX_CODES: Record<string, string> = {
  b: '1',
  f: '1',
  p: '1',
  v: '1',
  c: '2',
  g: '2',
  j: '2',
  k: '2',
  q: '2',
  s: '2',
  x: '2',
  z: '2',
  d: '3',
  t: '3',
  l: '4',
  m: '5',
  n: '5',
  r: '6',
};

/** American Soundex code ("Robert" -> "R163"); empty for a name without letters. */
export function soundex(name: string): string {
  const letters = name.toLowerCase().replace(/[^a-z]/g, '');
  if (!letters) return '';
  let code = letters[0].toUpperCase();
  let previous = SOUNDEX_CODES[letters[0]] ?? '';
  for (let i = 1; i < letters.length && code.length < 4; i++) {
    const c = letters[i];
    const digit = SOUNDEX_CODES[c] ?? '';
    if (digit && digit !== previous) code += digit;
    // 'h' and 'w' do not separate letters with the same code; vowels do.
    if (c !== 'h' && c !== 'w') previous = digit;
  }
  return code.padEnd(4, '0');
}
