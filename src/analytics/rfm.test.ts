import { describe, it, expect } from 'vitest';
import { qcut, quantileSorted, rfmScores, rfmSegment } from './rfm.js';

describe('quantileSorted', () => {
  it('interpolates linearly like numpy', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(quantileSorted(sorted, 0)).toBe(1);
    expect(quantileSorted(sorted, 0.25)).toBe(2.75);
    expect(quantileSorted(sorted, 0.5)).toBe(4.5);
    expect(quantileSorted(sorted, 0.75)).toBe(6.25);
    expect(quantileSorted(sorted, 1)).toBe(8);
  });
});

describe('qcut', () => {
  it('bins distinct values into equal-frequency right-closed bins', () => {
    const { codes, edges } = qcut([8, 1, 2, 3, 4, 5, 6, 7], 4);
    expect(edges).toEqual([1, 2.75, 4.5, 6.25, 8]);
    expect(Array.from(codes)).toEqual([3, 0, 0, 1, 1, 2, 2, 3]);
  });

  it('drops duplicate edges when many values tie', () => {
    // Edges at 0, .2, .4, .6, .8, 1 are 0, 0, 0, 0.4, 1.2, 5 -> unique [0, 0.4, 1.2, 5]: three bins.
    const { codes, edges } = qcut([0, 0, 0, 0, 0, 0, 1, 1, 2, 5], 5);
    expect(edges).toHaveLength(4);
    [0, 0.4, 1.2, 5].forEach((edge, i) => expect(edges[i]).toBeCloseTo(edge, 12));
    expect(Array.from(codes)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 2, 2]);
  });

  it('puts a value equal to an interior edge in the lower bin and includes the minimum', () => {
    expect(Array.from(qcut([1, 2, 2, 2, 3], 2).codes)).toEqual([0, 0, 0, 0, 1]);
    const { codes, edges } = qcut([10, 20, 20, 20, 20, 30], 4);
    expect(edges).toEqual([10, 20, 30]);
    expect(Array.from(codes)).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it('keeps NaN out of every bin and puts a constant column in one bin', () => {
    expect(Array.from(qcut([1, NaN, 3], 2).codes)).toEqual([0, -1, 1]);
    const constant = qcut([4, 4, 4], 5);
    expect(Array.from(constant.codes)).toEqual([0, 0, 0]);
    expect(constant.edges).toEqual([4, 4]);
  });
});

describe('rfmSegment', () => {
  it('follows the documented R x F grid', () => {
    expect(rfmSegment(5, 5)).toBe('champions');
    expect(rfmSegment(4, 4)).toBe('loyal');
    expect(rfmSegment(3, 5)).toBe('loyal');
    expect(rfmSegment(5, 2)).toBe('potential loyalist');
    expect(rfmSegment(5, 1)).toBe('new');
    expect(rfmSegment(4, 1)).toBe('promising');
    expect(rfmSegment(3, 3)).toBe('need attention');
    expect(rfmSegment(3, 1)).toBe('about to sleep');
    expect(rfmSegment(2, 3)).toBe('at risk');
    expect(rfmSegment(1, 5)).toBe('cannot lose');
    expect(rfmSegment(2, 2)).toBe('hibernating');
    expect(rfmSegment(1, 1)).toBe('lost');
  });

  it('rescales 4-point scores onto the 5-point grid', () => {
    expect(rfmSegment(4, 4, 4)).toBe('champions');
    expect(rfmSegment(1, 1, 4)).toBe('lost');
    expect(rfmSegment(1, 4, 4)).toBe('cannot lose');
  });
});

describe('rfmScores', () => {
  it('scores recency so that the most recent customers score highest', () => {
    const scores = rfmScores(
      {
        recency: [5, 30, 60, 120, 400],
        frequency: [10, 6, 3, 2, 1],
        monetary: [500, 200, 120, 80, 20],
      },
      5,
    );
    expect(Array.from(scores.recency)).toEqual([5, 4, 3, 2, 1]);
    expect(scores.codes).toEqual(['555', '444', '333', '222', '111']);
    expect(scores.segments).toEqual(['champions', 'loyal', 'need attention', 'hibernating', 'lost']);
  });

  it('gives tied frequency columns fewer distinct scores, as pandas does', () => {
    // Frequency edges 0, 0, 0, 0.75, 3 collapse to [0, 0.75, 3]: two bins, so scores are only 1 and 2.
    const scores = rfmScores({ recency: [1, 2, 3, 4, 5, 6], frequency: [0, 0, 0, 0, 1, 3], monetary: [1, 2, 3, 4, 5, 6] }, 4);
    expect(Array.from(scores.frequency)).toEqual([1, 1, 1, 1, 2, 2]);
    expect(Array.from(scores.recency)).toEqual([4, 4, 3, 2, 1, 1]);
  });

  it('rejects non-finite inputs', () => {
    expect(() => rfmScores({ recency: [1, NaN], frequency: [1, 2], monetary: [1, 2] })).toThrow(RangeError);
  });
});
