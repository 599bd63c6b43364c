import { describe, expect, it } from 'vitest';
import { withinEdits } from './edit-distance.js';

describe('withinEdits', () => {
  it('counts insertions, deletions and substitutions up to a limit', () => {
    expect(withinEdits('nichols.info', 'nichols.info', 0)).toBe(true);
    expect(withinEdits('brooks-sawyer.com', 'brooks-sawer.com', 1)).toBe(true);
    expect(withinEdits('nichols.info', 'nlchois.info', 2)).toBe(true);
    expect(withinEdits('nichols.info', 'nlchois.info', 1)).toBe(false);
    expect(withinEdits('net', 'nte', 1)).toBe(true);
    expect(withinEdits('gmail.com', 'hotmail.com', 2)).toBe(false);
    expect(withinEdits('yahoo.com', 'yahoo.es', 2)).toBe(false);
    expect(withinEdits('', 'ab', 2)).toBe(true);
  });
});
