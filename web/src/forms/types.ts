/** /api/forms (src/forms/definitions.ts), generated from /api/openapi.json. */
import type { components } from '../lib/api-types';

type FormField = components['schemas']['FormField'];
export type LeadForm = components['schemas']['Form'];

export type LeadFormInput = Pick<LeadForm, 'name' | 'lead_source' | 'consent_wording' | 'success_message' | 'redirect_url' | 'allowed_origins'> & { fields: { field: string; required: boolean }[] };
