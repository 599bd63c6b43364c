import type { components } from '../lib/api-types';

/** A contract as the API answers (GET /api/contracts). */
export type Contract = components['schemas']['Contract'];
