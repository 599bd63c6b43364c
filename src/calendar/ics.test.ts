import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderCalendar } from './ics.js';

describe('iCalendar text', () => {
  it('writes each time in the wall clock of the business time zone, on either side of a clock change', () => {
    // Brussels: 02:00 becomes 03:00 at 01:00 UTC on 29 March 2026, 03:00 becomes 02:00 at 01:00 UTC on 25 October.
    const starts = ['2026-03-28T23:30:00Z', '2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', '2026-03-29T22:30:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-10-25T23:30:00Z'];
    const text = renderCalendar({ name: 'Rapport', timeZone: 'Europe/Brussels', timed: starts.map((start, i) => ({ uid: `t${i}`, summary: 'x', start, durationMinutes: 60 })), allDay: [] });
    const lines = text.split('\r\n');
    expect(lines.filter((l) => l.startsWith('DTSTART;TZID'))).toEqual([
      'DTSTART;TZID=Europe/Brussels:20260329T003000',
      'DTSTART;TZID=Europe/Brussels:20260329T013000',
      'DTSTART;TZID=Europe/Brussels:20260329T033000',
      'DTSTART;TZID=Europe/Brussels:20260330T003000',
      'DTSTART;TZID=Europe/Brussels:20261025T023000',
      'DTSTART;TZID=Europe/Brussels:20261025T023000',
      'DTSTART;TZID=Europe/Brussels:20261026T003000',
    ]);
    // An event that starts before a change and ends after it.
    expect(lines.filter((l) => l.startsWith('DTEND'))[1]).toBe('DTEND;TZID=Europe/Brussels:20260329T033000');
  });

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
