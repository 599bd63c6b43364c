import { api } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { LeadForm, LeadFormInput } from './types';

export function useForms() {
  return useAsync((signal) => api.get<{ data: LeadForm[] }>('/api/forms', undefined, signal).then((r) => r.data), []);
}

export const formsApi = {
  create: (body: LeadFormInput) => api.post<LeadForm>('/api/forms', body),
  update: (id: string, body: Partial<LeadFormInput> & { active?: boolean }) => api.patch<LeadForm>(`/api/forms/${encodeURIComponent(id)}`, body),
  remove: (id: string) => api.del(`/api/forms/${encodeURIComponent(id)}`),
};

/** The snippet a site owner pastes where the form should appear. */
export const embedSnippet = (form: LeadForm, origin = window.location.origin) => `<script src="${origin}${form.embed_script}" async></script>`;
