/** Stored email templates: name, subject, MJML body and an optional text body, checked when saved. */
import { z } from '@hono/zod-openapi';
import type { Db } from '../core/database.js';
import { conflict, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { queueMail } from '../mail/queue.js';
import { checkTemplate, renderTemplate, sampleContext, type RenderedMail, type TemplateSource } from './render.js';

export const templateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    subject: z.string(),
    mjml: z.string(),
    text: z.string().nullable().openapi({ description: 'The plain-text part; generated from the HTML when null' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Template');
export type TemplateRecord = z.infer<typeof templateSchema>;

const subject = z
  .string()
  .trim()
  .min(1, { message: 'a subject is required' })
  .max(998)
  .refine((v) => !/[\r\n]/.test(v), { message: 'must be one line' });
export const templateCreateInput = z
  .object({
    name: z.string().trim().min(1).max(255),
    subject: subject.openapi({ description: 'Liquid, e.g. "{{ customer.first_name }}, we miss you"' }),
    mjml: z.string().max(500_000).openapi({ description: 'MJML with Liquid merge fields; may be empty for a text-only template' }).default(''),
    text: z.string().max(500_000).nullable().optional().openapi({ description: 'A hand-written plain-text part (Liquid); generated from the HTML when left out' }),
  })
  .strict()
  .openapi('TemplateInput');
export const templateUpdateInput = templateCreateInput.partial().strict().openapi('TemplatePatch');

export const inlineTemplate = z
  .object({ subject, mjml: z.string().max(500_000).nullable().optional(), text: z.string().max(500_000).nullable().optional() })
  .strict()
  .openapi('InlineTemplate');

const toRecord = (r: Record<string, unknown>): TemplateRecord => ({
  id: r.id as string,
  name: r.name as string,
  subject: r.subject as string,
  mjml: (r.mjml as string) ?? '',
  text: (r.text_body as string | null) ?? null,
  created_at: r.created_at as string,
  updated_at: r.updated_at as string,
});

const sourceOf = (t: { subject: string; mjml?: string | null; text?: string | null }): TemplateSource => ({ subject: t.subject, mjml: t.mjml || null, text: t.text ?? null });

export async function listTemplates(db: Db): Promise<TemplateRecord[]> {
  return (await db.selectFrom('templates').selectAll().orderBy('name').orderBy('id').execute()).map(toRecord);
}

export async function getTemplate(db: Db, id: string): Promise<TemplateRecord> {
  const row = await db.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('template', id);
  return toRecord(row);
}

export async function createTemplate(db: Db, input: z.infer<typeof templateCreateInput>): Promise<TemplateRecord> {
  await checkTemplate(db, sourceOf(input));
  const now = new Date().toISOString();
  const row = { id: newId('template'), name: input.name, subject: input.subject, mjml: input.mjml ?? '', text_body: input.text ?? null, created_at: now, updated_at: now };
  await db.insertInto('templates').values(row).execute();
  return toRecord(row);
}

export async function updateTemplate(db: Db, id: string, patch: z.infer<typeof templateUpdateInput>): Promise<TemplateRecord> {
  const current = await getTemplate(db, id);
  const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as TemplateRecord;
  await checkTemplate(db, sourceOf(next));
  const now = new Date().toISOString();
  await db.updateTable('templates').set({ name: next.name, subject: next.subject, mjml: next.mjml, text_body: next.text, updated_at: now }).where('id', '=', id).execute();
  return { ...next, updated_at: now };
}

/** Campaigns that still need a template (not sent or cancelled) keep it from being deleted. */
export async function deleteTemplate(db: Db, id: string): Promise<void> {
  await getTemplate(db, id);
  const campaigns = await db.selectFrom('campaigns').select(['id', 'variants']).where('status', 'in', ['draft', 'scheduled', 'sending', 'paused']).execute();
  const using = campaigns.filter((c) => (JSON.parse(c.variants as string) as { template_id: string }[]).some((v) => v.template_id === id)).map((c) => c.id as string);
  if (using.length) throw conflict(`the template is used by campaign ${using.join(', ')}`, { id: [`used by ${using.length} campaign(s)`] });
  await db.deleteFrom('templates').where('id', '=', id).execute();
}

/** A preview: as a chosen customer, or with sample values for every merge field. */
export async function previewTemplate(db: Db, template: string | TemplateSource, customerId?: string): Promise<RenderedMail> {
  const { subject, html, text } = customerId ? await renderTemplate(db, template, { customerId }) : await renderTemplate(db, template, await sampleContext(db));
  return { subject, html, text };
}

/** Queues a test message of the template (rendered as a customer or with sample values) to one address. */
export async function queueTestMessage(trx: Db, actor: string, template: string | TemplateSource, to: string, customerId?: string, senderId?: string): Promise<{ id: string }> {
  const rendered = await previewTemplate(trx, template, customerId);
  return queueMail(trx, {
    to,
    subject: `[Test] ${rendered.subject}`,
    text: rendered.text,
    html: rendered.html ?? undefined,
    purpose: 'notification',
    senderId,
    actor,
    related: typeof template === 'string' ? { entity: 'template', id: template } : undefined,
  });
}
