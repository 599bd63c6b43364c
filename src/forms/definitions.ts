/**
 * Web-to-lead forms: which customer fields a form asks for (chosen from the field registry, custom
 * fields included), the consent wording, the stage its deals open in, the lead source it records,
 * and where the visitor goes afterwards. Stored in `forms`; every change is audited and an event.
 */
import { randomBytes } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { writeAudit } from '../audit/audit.js';
import { toBool, type Db } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import type { Ctx } from '../core/context.js';
import { invalid, notFound, newFieldErrors } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { fieldsOf } from '../fields/custom-fields.js';
import { issuesToFields } from '../records/validation.js';
import { customerEntity } from '../schema/entities.js';
import { askableFields } from './askable.js';

const origin = z
  .string()
  .max(255)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === s;
    } catch {
      return false;
    }
  }, 'must be an origin such as https://www.example.com (scheme, host and port only)');

const formFieldSpec = z
  .object({
    field: z.string().min(1).max(64).openapi({ description: 'A customer field name from the registry (GET /api/fields), e.g. email, first_name, phone, notes' }),
    required: z.boolean().default(false),
    label: z.string().trim().min(1).max(255).optional().openapi({ description: "The label shown to visitors; the field's own label when omitted" }),
  })
  .strict()
  .openapi('FormField');

const formBase = {
  name: z.string().trim().min(1).max(255),
  fields: z.array(formFieldSpec).min(1).max(30),
  consent_wording: z.string().trim().min(1).max(255).nullable().optional().openapi({
    description: "Text of the email opt-in checkbox (255 characters at most); a submission that ticks it stores this wording as the customer's consent_email_method. No checkbox when null.",
  }),
  pipeline_id: z.string().max(40).nullable().optional().openapi({ description: 'Pipeline of the deals this form opens (the default pipeline when null)' }),
  stage_id: z.string().max(40).nullable().optional().openapi({ description: "Stage of the deals this form opens (the pipeline's first stage when null)" }),
  lead_source: z.string().trim().min(1).max(64).openapi({ description: "Recorded as the customer's `source` and the deal's source label", example: 'website contact form' }),
  success_message: z.string().trim().max(2000).nullable().optional(),
  redirect_url: z.string().max(2000).nullable().optional().openapi({ description: 'Where the visitor is sent after submitting; its origin must be one of allowed_origins' }),
  allowed_origins: z.array(origin).max(20).optional().openapi({ description: 'Web sites that may embed the form and post it from the browser (CORS)' }),
  active: z.boolean().optional(),
};

export const formCreateInput = z.object(formBase).strict().openapi('FormCreate');
export const formUpdateInput = z.object(formBase).partial().strict().openapi('FormUpdate');

export const formSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    fields: z.array(z.object({ field: z.string(), required: z.boolean(), label: z.string() })),
    consent_wording: z.string().nullable(),
    pipeline_id: z.string().nullable(),
    stage_id: z.string().nullable(),
    lead_source: z.string(),
    success_message: z.string().nullable(),
    redirect_url: z.string().nullable(),
    allowed_origins: z.array(z.string()),
    active: z.boolean(),
    hosted_url: z.string().openapi({ description: "Path of the hosted page (append to this server's address)" }),
    embed_script: z.string().openapi({ description: 'Path of the embeddable script' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Form');

export type Form = z.infer<typeof formSchema>;
/** A form with its signing key (never sent to clients). */
export type StoredForm = Form & { signing_key: string };

export const defaultSuccessMessage = 'Thank you! We will be in touch soon.';

function fromRow(row: Record<string, unknown>): StoredForm {
  const id = row.id as string;
  return {
    id,
    name: row.name as string,
    fields: JSON.parse(row.fields as string),
    consent_wording: (row.consent_wording as string | null) ?? null,
    pipeline_id: (row.pipeline_id as string | null) ?? null,
    stage_id: (row.stage_id as string | null) ?? null,
    lead_source: row.lead_source as string,
    success_message: (row.success_message as string | null) ?? null,
    redirect_url: (row.redirect_url as string | null) ?? null,
    allowed_origins: JSON.parse(row.allowed_origins as string),
    active: toBool(row.active) ?? false,
    hosted_url: `/f/${id}`,
    embed_script: `/f/${id}/embed.js`,
    created_at: row.created_at as string,
    updated_at: row.updated_at as string,
    signing_key: row.signing_key as string,
  };
}

export function publicForm(form: StoredForm): Form {
  const { signing_key: _key, ...rest } = form;
  return rest;
}

type FormSettings = Omit<Form, 'id' | 'hosted_url' | 'embed_script' | 'created_at' | 'updated_at'>;

/** Checks the parts zod cannot: fields against the registry, the redirect against the allow-list. */
async function checkSettings(db: Db, s: FormSettings): Promise<FormSettings> {
  const errors = newFieldErrors();
  const askable = new Map(askableFields(await fieldsOf(db, customerEntity)).map((f) => [f.name, f]));
  const seen = new Set<string>();
  const fields = s.fields.map((spec, i) => {
    const def = askable.get(spec.field);
    if (!def) (errors[`fields.${i}.field`] ??= []).push(`${spec.field} is not a customer field a form can ask for`);
    if (seen.has(spec.field)) (errors[`fields.${i}.field`] ??= []).push(`${spec.field} is asked twice`);
    seen.add(spec.field);
    return { field: spec.field, required: spec.required, label: spec.label || def?.label || spec.field };
  });
  if (!seen.has('email') && !seen.has('phone')) (errors.fields ??= []).push('a form must ask for email or phone, so a lead can be matched and answered');
  if (s.redirect_url) {
    let target: URL | null = null;
    try {
      target = new URL(s.redirect_url);
    } catch {
      // reported below
    }
    if (!target || (target.protocol !== 'https:' && target.protocol !== 'http:')) (errors.redirect_url ??= []).push('must be an http(s) URL');
    else if (!s.allowed_origins.includes(target.origin)) (errors.redirect_url ??= []).push(`its origin ${target.origin} is not in allowed_origins`);
  }
  if (Object.keys(errors).length) throw invalid(`invalid form: ${Object.keys(errors).join(', ')}`, errors);
  return { ...s, fields };
}

function parse<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid('invalid form', issuesToFields(result.error.issues));
  return result.data;
}

function toRow(s: FormSettings): Record<string, unknown> {
  return {
    name: s.name,
    fields: JSON.stringify(s.fields),
    consent_wording: s.consent_wording,
    pipeline_id: s.pipeline_id,
    stage_id: s.stage_id,
    lead_source: s.lead_source,
    success_message: s.success_message,
    redirect_url: s.redirect_url,
    allowed_origins: JSON.stringify(s.allowed_origins),
    active: s.active ? 1 : 0,
  };
}

const settingsOf = (f: Form): FormSettings => ({
  name: f.name,
  fields: f.fields,
  consent_wording: f.consent_wording,
  pipeline_id: f.pipeline_id,
  stage_id: f.stage_id,
  lead_source: f.lead_source,
  success_message: f.success_message,
  redirect_url: f.redirect_url,
  allowed_origins: f.allowed_origins,
  active: f.active,
});

/** Checks that a target pipeline and stage exist and belong together; supplied by the deals capability. */
export type StageCheck = (db: Db, pipelineId: string | null, stageId: string | null) => Promise<void>;

export async function listForms(db: Db): Promise<Form[]> {
  return (await db.selectFrom('forms').selectAll().orderBy('created_at').orderBy('id').execute()).map((r) => publicForm(fromRow(r)));
}

export async function findForm(db: Db, id: string): Promise<StoredForm | null> {
  const row = await db.selectFrom('forms').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

export async function getForm(db: Db, id: string): Promise<StoredForm> {
  const form = await findForm(db, id);
  if (!form) throw notFound('form', id);
  return form;
}

export async function createFormIn(trx: Db, ctx: Ctx, input: unknown, checkStage: StageCheck): Promise<Form> {
  const p = parse(formCreateInput, input);
  const settings = await checkSettings(trx, {
    name: p.name,
    fields: p.fields.map((f) => ({ field: f.field, required: f.required, label: f.label ?? '' })),
    consent_wording: p.consent_wording ?? null,
    pipeline_id: p.pipeline_id ?? null,
    stage_id: p.stage_id ?? null,
    lead_source: p.lead_source,
    success_message: p.success_message ?? null,
    redirect_url: p.redirect_url ?? null,
    allowed_origins: p.allowed_origins ?? [],
    active: p.active ?? true,
  });
  // An empty label means "the field's own"; checkSettings filled it in.
  await checkStage(trx, settings.pipeline_id, settings.stage_id);
  const now = new Date().toISOString();
  // The id is public (it is in the page's address) and must not be guessable: 80 random bits follow the time.
  const id = newId('form');
  await trx
    .insertInto('forms')
    .values({ id, ...toRow(settings), signing_key: randomBytes(32).toString('base64url'), created_at: now, updated_at: now })
    .execute();
  const form = publicForm(await getForm(trx, id));
  await writeAudit(trx, [{ actor: ctx.actor, action: 'create', entity: 'forms', entityId: id, after: form }]);
  await appendEvents(trx, ctx.actor, [{ type: 'form.created', entity: 'form', entityId: id, data: { name: form.name, lead_source: form.lead_source } }]);
  return form;
}

export async function updateFormIn(trx: Db, ctx: Ctx, id: string, input: unknown, checkStage: StageCheck): Promise<Form> {
  const patch = parse(formUpdateInput, input);
  const before = publicForm(await getForm(trx, id));
  const merged = settingsOf(before);
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'fields') merged.fields = (v as z.infer<typeof formFieldSpec>[]).map((f) => ({ field: f.field, required: f.required, label: f.label ?? '' }));
    else (merged as Record<string, unknown>)[k] = v ?? (k === 'allowed_origins' ? [] : k === 'active' ? true : null);
  }
  const settings = await checkSettings(trx, merged);
  if ('pipeline_id' in patch || 'stage_id' in patch) await checkStage(trx, settings.pipeline_id, settings.stage_id);
  await trx
    .updateTable('forms')
    .set({ ...toRow(settings), updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
  const after = publicForm(await getForm(trx, id));
  const changed = Object.keys(settingsOf(after)).filter((k) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((after as Record<string, unknown>)[k]));
  if (changed.length) {
    await writeAudit(trx, [{ actor: ctx.actor, action: 'update', entity: 'forms', entityId: id, before, after }]);
    await appendEvents(trx, ctx.actor, [{ type: 'form.updated', entity: 'form', entityId: id, data: { changed } }]);
  }
  return after;
}

/** Deletes a form; its submissions stay (they are the consent record of the people who sent them). */
export async function deleteFormIn(trx: Db, ctx: Ctx, id: string): Promise<void> {
  const before = publicForm(await getForm(trx, id));
  await trx.deleteFrom('forms').where('id', '=', id).execute();
  await writeAudit(trx, [{ actor: ctx.actor, action: 'delete', entity: 'forms', entityId: id, before }]);
  await appendEvents(trx, ctx.actor, [{ type: 'form.deleted', entity: 'form', entityId: id, data: { name: before.name } }]);
}
