import { describe, it, expect } from 'vitest';
import { lbfgs, nelderMead, numericalGradient } from './optimize.js';

const rosenbrock = (x: Float64Array): number => {
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) s += 100 * (x[i + 1] - x[i] * x[i]) ** 2 + (1 - x[i]) ** 2;
  return s;
};

const rosenbrockWithGradient = (x: Float64Array, g: Float64Array): number => {
  g.fill(0);
  for (let i = 0; i + 1 < x.length; i++) {
    const t = x[i + 1] - x[i] * x[i];
    g[i] += -400 * x[i] * t - 2 * (1 - x[i]);
    g[i + 1] += 200 * t;
  }
  return rosenbrock(x);
};

describe('nelderMead', () => {
  it('finds the Rosenbrock minimum', () => {
    const result = nelderMead(rosenbrock, [-1.2, 1, -0.5]);
    for (const v of result.x) expect(v).toBeCloseTo(1, 5);
    expect(result.value).toBeLessThan(1e-10);
  });

  it('minimises a shifted quadratic exactly', () => {
    const result = nelderMead((x) => (x[0] - 3) ** 2 + 10 * (x[1] + 2) ** 2, [0, 0]);
    expect(result.x[0]).toBeCloseTo(3, 6);
    expect(result.x[1]).toBeCloseTo(-2, 6);
    expect(result.converged).toBe(true);
  });
});

describe('lbfgs', () => {
  it('finds the Rosenbrock minimum with an analytic gradient', () => {
    const result = lbfgs(rosenbrockWithGradient, new Float64Array(10).fill(-1));
    for (const v of result.x) expect(v).toBeCloseTo(1, 6);
    expect(result.converged).toBe(true);
  });

  it('works with numerical gradients', () => {
    const result = lbfgs(numericalGradient(rosenbrock), [-1.2, 1]);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
  });

  it('is exact on a quadratic', () => {
    const result = lbfgs(
      (x, g) => {
        g[0] = 2 * (x[0] - 1);
        g[1] = 8 * (x[1] - 2);
        return (x[0] - 1) ** 2 + 4 * (x[1] - 2) ** 2;
      },
      [10, -10],
    );
    expect(result.x[0]).toBeCloseTo(1, 8);
    expect(result.x[1]).toBeCloseTo(2, 8);
  });
});
