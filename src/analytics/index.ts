/** Rapport insight engine: pure models and statistics over typed arrays. */
export * from './abtest.js';
export * from './association.js';
export * from './bgnbd.js';
export * from './churn.js';
export * from './customer-summary.js';
export * from './gammagamma.js';
export * from './hypergeometric.js';
export * from './kmeans.js';
export * from './lifecycle.js';
export * from './logistic.js';
export * from './metrics.js';
export * from './normal.js';
export * from './optimize.js';
export * from './random.js';
export * from './rfm.js';
export * from './special.js';
export * from './standardize.js';
