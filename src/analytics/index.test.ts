import { describe, it, expect } from 'vitest';
import * as analytics from './index.js';

describe('analytics public API', () => {
  it('exposes the model entry points', () => {
    for (const name of [
      'hyp2f1',
      'nelderMead',
      'lbfgs',
      'summarizeCustomers',
      'fitBgNbd',
      'probabilityAlive',
      'conditionalExpectedPurchases',
      'fitGammaGamma',
      'customerLifetimeValue',
      'kmeans',
      'silhouetteScore',
      'suggestK',
      'standardize',
      'fitLogistic',
      'auc',
      'rfmScores',
      'lifecycleStage',
      'assessStanding',
      'churnReason',
      'assessBgNbdFit',
      'associationRules',
      'evaluateHitRate',
      'twoProportionZTest',
      'sampleSizePerArm',
    ]) {
      expect(typeof (analytics as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
