/**
 * Fits the map from match weight to probability of being the same person on the training half of
 * the labelled pairs and writes it to src/dedupe/calibration-data.ts. Run it after changing
 * any match weight: `npx vite-node src/test/fit-dedupe-calibration.ts`. The calibration test checks
 * that the stored map is this fit and that it holds on the held-out half.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fitPlatt } from '../dedupe/calibration.js';
import { calibrationTrainingPairs } from './dedupe-data.js';

const pairs = calibrationTrainingPairs();
const { slope, intercept } = fitPlatt(pairs.map((p) => ({ value: p.weight, same: p.same })));
const target = fileURLToPath(new URL('../dedupe/calibration-data.ts', import.meta.url));
writeFileSync(
  target,
  `// Written by \`npx vite-node src/test/fit-dedupe-calibration.ts\` from ${pairs.length} labelled pairs; do not edit by hand.\n` +
    `export const FITTED_CALIBRATION = { slope: ${slope.toFixed(6)}, intercept: ${intercept.toFixed(6)} };\n`,
);
console.log(`fitted on ${pairs.length} pairs (${pairs.filter((p) => p.same).length} the same person): slope ${slope.toFixed(6)}, intercept ${intercept.toFixed(6)}`);
