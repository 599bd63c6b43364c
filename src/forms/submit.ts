/**
 * A public form submission: rate limits, spam checks, the visitor's text read into typed customer
 * values, then the lead pipe, the submission row (consent wording as shown) and `form.submitted`,
 * all in one transaction. Spam is accepted silently and stores nothing; a flood gets 429.
 */
import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import { AppError, invalid, newFieldErrors, notFound } from '../core/errors.js';
import { appendEvents } from '../core/events.js';
import { newId } from '../core/ids.js';
import { inputSchema, type FieldDef } from '../schema/fields.js';
import type { StoredForm } from './definitions.js';
import { takeLead, type Lead } from './leads.js';
import { consentField, referralField } from './page.js';
import { checkFillToken, fillTokenField, honeypotField, perClientLimit, perFormLimit, takeHit } from './spam.js';

export type SubmitResult = { kind: 'accepted'; lead: Lead; submission_id: string } | { kind: 'dropped'; reason: 'honeypot' | 'too_fast' };

const ticked = (v: string | undefined) => !!v && ['yes', 'on', 'true', '1'].includes(v.toLowerCase());

/** The visitor's text as typed customer values; a 400 names every field that is missing or malformed. */
function readValues(form: StoredForm, defs: Map<string, FieldDef>, raw: Record<string, string>): Record<string, unknown> {
  const errors = newFieldErrors();
  const values: Record<string, unknown> = {};
  for (const spec of form.fields) {
    const def = defs.get(spec.field);
    const text = (raw[spec.field] ?? '').trim();
    if (!text) {
      if (spec.required) errors[spec.field] = [`${spec.label} is required`];
      continue;
    }
    if (!def) continue;
    if (def.type === 'integer' || def.type === 'number') {
      const n = Number(text.replace(',', '.'));
      if (!Number.isFinite(n) || (def.type === 'integer' && !Number.isInteger(n))) errors[spec.field] = [`${spec.label} must be a ${def.type === 'integer' ? 'whole number' : 'number'}`];
      else values[spec.field] = n;
    } else values[spec.field] = text;
    if (spec.field in values && !errors[spec.field]) {
      const checked = inputSchema(def).safeParse(values[spec.field]);
      if (!checked.success) errors[spec.field] = checked.error.issues.map((i) => `${spec.label} ${i.message}`);
    }
  }
  if (Object.keys(errors).length) throw invalid(`invalid submission: ${Object.keys(errors).join(', ')}`, errors);
  return values;
}

export interface SubmitOptions {
  /** The client address, for the per-client rate limit (hashed before it is stored). */
  client: string;
  /** The Origin header of a cross-site post (kept with the submission), null on the hosted page. */
  origin: string | null;
  now?: Date;
}

export async function submitForm(ctx: Ctx, form: StoredForm, defs: Map<string, FieldDef>, raw: Record<string, string>, options: SubmitOptions): Promise<SubmitResult> {
  const db = ctx.database.db;
  if (!form.active) throw notFound('form', form.id);
  const now = options.now ?? new Date();
  if (!(await takeHit(db, `client:${form.id}:${options.client}`, perClientLimit, now)) || !(await takeHit(db, `form:${form.id}`, perFormLimit, now))) {
    throw new AppError('rate_limited', 'too many submissions of this form; try again in a few minutes');
  }
  if ((raw[honeypotField] ?? '').trim()) return { kind: 'dropped', reason: 'honeypot' };
  const fill = checkFillToken(form, raw[fillTokenField], now.getTime());
  if (!fill.ok && fill.reason === 'too_fast') return { kind: 'dropped', reason: 'too_fast' };
  if (!fill.ok) throw invalid('the form has expired or was not loaded from this server; reload the page and send it again', { [fillTokenField]: [fill.reason] });
  const values = readValues(form, defs, raw);
  const consentWording = form.consent_wording && ticked(raw[consentField]) ? form.consent_wording : null;
  const referralCode = (raw[referralField] ?? '').trim().slice(0, 64) || null;
  return inTransaction(ctx, async (trx) => {
    const lead = await takeLead(trx, ctx, {
      values,
      source: form.lead_source,
      channel: 'form',
      consentWording,
      pipelineId: form.pipeline_id,
      stageId: form.stage_id,
      referralCode,
      form: { id: form.id, name: form.name },
    });
    const id = newId('formSubmission');
    await trx
      .insertInto('form_submissions')
      .values({
        id,
        form_id: form.id,
        customer_id: lead.customer_id,
        deal_id: lead.deal_id,
        matched: lead.matched ? 1 : 0,
        consent_given: consentWording !== null ? 1 : 0,
        consent_wording: consentWording,
        referral_code: referralCode,
        referral_attributed: lead.referral_attributed ? 1 : 0,
        origin: options.origin?.slice(0, 255) ?? null,
        submitted_at: now.toISOString(),
      })
      .execute();
    await appendEvents(trx, ctx.actor, [
      {
        type: 'form.submitted',
        entity: 'form',
        entityId: form.id,
        data: { submission_id: id, form_id: form.id, customer_id: lead.customer_id, deal_id: lead.deal_id, matched: lead.matched, consent_given: consentWording !== null },
      },
    ]);
    return { kind: 'accepted' as const, lead, submission_id: id };
  });
}
