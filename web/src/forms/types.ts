/** /api/forms (src/forms/definitions.ts). */
export interface FormField {
  field: string;
  required: boolean;
  label: string;
}

export interface LeadForm {
  id: string;
  name: string;
  fields: FormField[];
  consent_wording: string | null;
  pipeline_id: string | null;
  stage_id: string | null;
  lead_source: string;
  success_message: string | null;
  redirect_url: string | null;
  allowed_origins: string[];
  active: boolean;
  hosted_url: string;
  embed_script: string;
  created_at: string;
  updated_at: string;
}

export type LeadFormInput = Pick<LeadForm, 'name' | 'lead_source' | 'consent_wording' | 'success_message' | 'redirect_url' | 'allowed_origins'> & { fields: { field: string; required: boolean }[] };
