import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, neutralise } from './csv.js';

describe('CSV writing', () => {
  it('neutralises cells a spreadsheet would read as formulas', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("http://x")']) expect(neutralise(bad)).toBe(`'${bad}`);
    expect(neutralise('plain')).toBe('plain');
    expect(neutralise('a=b')).toBe('a=b');
    expect(csvCell('=cmd|"/c calc"!A0')).toBe(`"'=cmd|""/c calc""!A0"`);
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
