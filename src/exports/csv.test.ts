import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, neutralise } from './csv.js';

describe('CSV writing', () => {
  it('neutralises cells a spreadsheet would read as formulas', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("http://x")']) expect(neutralise(bad)).toBe(`'${bad}`);
    expect(neutralise('plain')).toBe('plain');
    expect(neutralise('a=b')).toBe('a=b');
    expect(csvCell('=cmd|"/c calc"!A0')).toBe(`"'=cmd|""/c calc""!A0"`);
    expect(neutralise('|calc')).toBe("'|calc");
  });

  it('writes E.164 phone numbers as they are, so other importers read them, and nothing else that starts with +', () => {
    expect(csvCell('+32470536746')).toBe('+32470536746');
    expect(csvCell('+14152371234; +442079460958')).toBe('+14152371234; +442079460958');
    for (const bad of ['+32470536746+SUM(A1)', '+3247053674a', '+1 (415) HYPERLINK', '+1; =cmd', '+12345']) expect(neutralise(bad)).toBe(`'${bad}`);
  });

  it('keeps numbers and booleans as data', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes per RFC 4180 and parses back to the same values', () => {
    const values = ['a,b', 'say "hi"', 'two\nlines', 'crlf\r\nend', '', 'plain', 'Zoë Ünïcode'];
    const line = csvRow(values);
    expect(line.endsWith('\r\n')).toBe(true);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    const [parsed] = parse(line, { relax_column_count: false }) as string[][];
    expect(parsed).toEqual(values);
  });
});
