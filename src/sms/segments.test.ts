import { describe, expect, it } from 'vitest';
import { countSegments, isGsm7 } from './segments.js';

describe('SMS segment counting', () => {
  it('GSM-7: 160 characters in one message, 153 per part beyond', () => {
    expect(countSegments('')).toMatchObject({ encoding: 'GSM-7', units: 0, segments: 1, remaining: 160 });
    expect(countSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1, perSegment: 160, remaining: 0 });
    expect(countSegments('a'.repeat(161))).toMatchObject({ encoding: 'GSM-7', units: 161, segments: 2, perSegment: 153, remaining: 145 });
    expect(countSegments('a'.repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(countSegments('a'.repeat(307))).toMatchObject({ segments: 3, remaining: 152 });
    // Accented letters of the GSM alphabet stay GSM-7.
    expect(countSegments('Grüße aus Köln, àé Ñ Ç ¿? ¡! £5 ¥ §')).toMatchObject({ encoding: 'GSM-7' });
    expect(countSegments('Δ Φ Γ Λ Ω Π Ψ Σ Θ Ξ')).toMatchObject({ encoding: 'GSM-7' });
  });

  it('extension characters count two and an escape pair is never split', () => {
    expect(countSegments('€')).toMatchObject({ encoding: 'GSM-7', units: 2 });
    expect(countSegments('^{}\\[~]|€')).toMatchObject({ units: 18 });
    expect(countSegments('a'.repeat(158) + '€')).toMatchObject({ units: 160, segments: 1, remaining: 0 });
    expect(countSegments('a'.repeat(159) + '€')).toMatchObject({ units: 161, segments: 2 });
    // 152 letters then a euro sign: the pair does not fit in the first part's last septet, so it moves on.
    expect(countSegments('a'.repeat(152) + '€' + 'a'.repeat(10))).toMatchObject({ units: 164, segments: 2, remaining: 153 - 12 });
  });

  it('one character outside the alphabet makes the whole text UCS-2: 70 units, 67 per part', () => {
    expect(isGsm7('Café ouvert')).toBe(true);
    expect(isGsm7('Crème brûlée')).toBe(false);
    expect(countSegments('Crème brûlée')).toMatchObject({ encoding: 'UCS-2', units: 12, segments: 1, nonGsmCharacters: ['û'] });
    expect(countSegments('é'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    // GSM 03.38 has a capital C with cedilla only.
    expect(countSegments('ç')).toMatchObject({ encoding: 'UCS-2', nonGsmCharacters: ['ç'] });
    expect(countSegments('ê'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1, remaining: 0 });
    expect(countSegments('ê'.repeat(71))).toMatchObject({ encoding: 'UCS-2', segments: 2, perSegment: 67, remaining: 63 });
    expect(countSegments('ê'.repeat(134))).toMatchObject({ segments: 2, remaining: 0 });
    expect(countSegments('ê'.repeat(135))).toMatchObject({ segments: 3 });
    // Curly quotes from a word processor are not GSM: a classic way to pay double.
    expect(countSegments('It’s here')).toMatchObject({ encoding: 'UCS-2', nonGsmCharacters: ['’'] });
  });

  it('an emoji takes two UTF-16 units and is never split across parts', () => {
    expect(countSegments('Hi 👋')).toMatchObject({ encoding: 'UCS-2', units: 5, segments: 1 });
    expect(countSegments('😀'.repeat(35))).toMatchObject({ units: 70, segments: 1, remaining: 0 });
    // 66 units then an emoji: the pair starts the second part.
    expect(countSegments('ê'.repeat(66) + '😀' + 'ê'.repeat(5))).toMatchObject({ units: 73, segments: 2, remaining: 67 - 7 });
  });
});
