import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from './ics.js';

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b; c, d\r\ne\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a UTF-8 character, and unfolds to the same text', () => {
    const line = `SUMMARY:${'é'.repeat(60)}${'x'.repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });

  it('folds any mix of one- to four-byte characters (emoji included) at 75 octets, each part whole UTF-8', () => {
    const alphabet = ['a', ' ', ';', 'é', 'ß', '中', '€', '😀', '𝄞'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) {
      const line = `DESCRIPTION:${Array.from({ length: Math.floor(next() * 200) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')}`;
      const folded = foldLine(line);
      expect(folded.replace(/\r\n /g, '')).toBe(line);
      const parts = folded.split('\r\n');
      for (const [i, p] of parts.entries()) {
        expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
        if (i > 0) expect(p.startsWith(' ')).toBe(true);
        // No part ends or starts inside a surrogate pair.
        expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
      }
      // Folded only where needed: every part but the last is full up to the next character.
      for (const p of parts.slice(0, -1)) expect(Buffer.byteLength(p)).toBeGreaterThan(71);
    }
  });
});
