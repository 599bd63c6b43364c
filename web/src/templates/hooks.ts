import { api } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { MergeField, RenderedMail, Template } from './types';

export const useTemplates = () => useAsync((signal) => api.get<{ data: Template[] }>('/api/templates', undefined, signal).then((r) => r.data), []);
export const useMergeFields = () => useAsync((signal) => api.get<{ data: MergeField[] }>('/api/templates/fields', undefined, signal).then((r) => r.data), []);

export const templatesApi = {
  create: (body: { name: string; subject: string; mjml: string; text?: string | null }) => api.post<Template>('/api/templates', body),
  update: (id: string, body: Partial<{ name: string; subject: string; mjml: string; text: string | null }>) => api.patch<Template>(`/api/templates/${encodeURIComponent(id)}`, body),
  remove: (id: string) => api.del(`/api/templates/${encodeURIComponent(id)}`),
  preview: (body: { template_id?: string; template?: { subject: string; mjml?: string | null; text?: string | null }; customer_id?: string }) => api.post<RenderedMail>('/api/templates/preview', body),
  test: (id: string, body: { to: string; customer_id?: string }) => api.post<{ message_id: string }>(`/api/templates/${encodeURIComponent(id)}/test`, body),
};

export const starterMjml = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text font-size="20px">Hello {{ customer.first_name | default: "there" }}</mj-text>
        <mj-text>{% if offer %}You might like {{ offer.name }}.{% endif %} Your personal code: {{ discount_code }}</mj-text>
        <mj-button href="https://example.com/shop">Visit the shop</mj-button>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
