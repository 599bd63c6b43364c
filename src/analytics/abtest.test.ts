import { describe, it, expect } from 'vitest';
import { sampleSizePerArm, twoProportionZTest } from './abtest.js';

describe('twoProportionZTest', () => {
  it('matches reference values for 200/1000 vs 250/1000', () => {
    const result = twoProportionZTest(200, 1000, 250, 1000);
    expect(result.difference).toBeCloseTo(0.05, 12);
    expect(result.z).toBeCloseTo(2.6773977630083295, 10);
    expect(result.pValue).toBeCloseTo(0.0074196492610256749, 10);
    expect(result.confidenceInterval[0]).toBeCloseTo(0.01346362168753984, 10);
    expect(result.confidenceInterval[1]).toBeCloseTo(0.08653637831246016, 10);
  });

  it('is symmetric and gives p = 1 with no difference', () => {
    const forward = twoProportionZTest(30, 200, 45, 210);
    const backward = twoProportionZTest(45, 210, 30, 200);
    expect(backward.z).toBeCloseTo(-forward.z, 12);
    expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
    expect(twoProportionZTest(50, 500, 50, 500).pValue).toBeCloseTo(1, 12);
    expect(twoProportionZTest(0, 100, 0, 100).pValue).toBe(1);
  });

  it('widens the interval with the confidence level', () => {
    const narrow = twoProportionZTest(30, 200, 45, 210, 0.9).confidenceInterval;
    const wide = twoProportionZTest(30, 200, 45, 210, 0.99).confidenceInterval;
    expect(wide[1] - wide[0]).toBeGreaterThan(narrow[1] - narrow[0]);
  });

  it('rejects impossible counts', () => {
    expect(() => twoProportionZTest(5, 4, 1, 10)).toThrow(RangeError);
    expect(() => twoProportionZTest(1, 0, 1, 10)).toThrow(RangeError);
  });
});

describe('sampleSizePerArm', () => {
  it('matches textbook values', () => {
    // 10% -> 12% at alpha 0.05, power 0.8: 3,841 per arm
    expect(sampleSizePerArm(0.1, 0.02)).toBe(3841);
    expect(sampleSizePerArm(0.05, 0.01)).toBe(8158);
    expect(sampleSizePerArm(0.2, 0.05, { alpha: 0.05, power: 0.9 })).toBe(1464);
  });

  it('needs more visitors for smaller effects and more power', () => {
    expect(sampleSizePerArm(0.1, 0.01)).toBeGreaterThan(sampleSizePerArm(0.1, 0.02));
    expect(sampleSizePerArm(0.1, 0.02, { power: 0.95 })).toBeGreaterThan(sampleSizePerArm(0.1, 0.02));
    expect(sampleSizePerArm(0.12, -0.02)).toBe(3841);
  });

  it('rejects rates outside (0, 1)', () => {
    expect(() => sampleSizePerArm(0.95, 0.1)).toThrow(RangeError);
    expect(() => sampleSizePerArm(0.1, 0)).toThrow(RangeError);
  });
});
