import { describe, expect, it } from 'vitest';
import { soundex } from './phonetic.js';

describe('soundex', () => {
  it('gives the standard codes', () => {
    expect(['Robert', 'Rupert', 'Rubin', 'Ashcraft', 'Tymczak', 'Pfister', 'Honeyman', 'Lee'].map(soundex)).toEqual(['R163', 'R163', 'R150', 'A261', 'T522', 'P236', 'H555', 'L000']);
    expect(soundex('')).toBe('');
  });
});
