// Written by `npx vite-node src/test/fit-dedupe-calibration.ts` from 1502 labelled pairs; do not edit by hand.
export const FITTED_CALIBRATION = { slope: 0.536381, intercept: 0.193386 };
