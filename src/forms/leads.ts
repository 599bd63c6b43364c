/**
 * The one pipe every lead goes through, whether from a public form or the API: find the person by
 * their exact email or phone key (as imports do) or create them, record where they came from and the
 * consent they gave with its wording, log the contact as an inbound interaction, open a deal, and pass
 * a referral code to loyalty. One transaction, so a lead lands whole or not at all.
 */
import type { Ctx } from '../core/context.js';
import type { Db } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { interactions } from '../activities/interactions.js';
import { createCustomersIn, getCustomer, updateCustomersIn } from '../customers/service.js';
import { emailKey, normalisePhone } from '../customers/normalise.js';
import { createDeal } from '../deals/service.js';
import { attributeReferral } from '../loyalty/referrals.js';
import type { ApiRecord } from '../records/codec.js';

type LeadChannel = 'form' | 'api';

export interface LeadInput {
  /** Customer field values, as the visitor or API client gave them (validated by the customer pipe). */
  values: Record<string, unknown>;
  /** The lead source label: becomes the customer's `source` (when they have none) and the deal's. */
  source: string;
  channel: LeadChannel;
  /** The wording of the consent the person ticked; null or absent: no consent given. */
  consentWording?: string | null;
  pipelineId?: string | null;
  stageId?: string | null;
  dealTitle?: string | null;
  dealValue?: number | null;
  currency?: string | null;
  /** Free text for the interaction (the form's message, or what the API client says). */
  message?: string | null;
  referralCode?: string | null;
  /** The form the lead came from, for the interaction's subject and the event. */
  form?: { id: string; name: string } | null;
}

export interface Lead {
  customer_id: string;
  deal_id: string;
  interaction_id: string;
  /** Whether an existing customer was found by email or phone. */
  matched: boolean;
  referral_attributed: boolean;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The existing customer with this email, else this phone (exact keys, as imports match). */
export async function matchCustomer(db: Db, ctx: Ctx, values: Record<string, unknown>): Promise<string | null> {
  const lookup = async (kind: 'email' | 'phone', value: string) =>
    (await db.selectFrom('customer_keys').select('customer_id').where('kind', '=', kind).where('value', '=', value).orderBy('customer_id').limit(1).executeTakeFirst())?.customer_id as
      string | undefined;
  if (typeof values.email === 'string' && values.email.trim()) {
    const found = await lookup('email', emailKey(values.email));
    if (found) return found;
  }
  if (typeof values.phone === 'string' && values.phone.trim()) {
    const e164 = normalisePhone(values.phone, ctx.defaultCountry).e164;
    if (e164) return (await lookup('phone', e164)) ?? null;
  }
  return null;
}

/** A short name for the deal title: the person's name, else their email or phone. */
function personLabel(values: Record<string, unknown>): string {
  const name = [values.first_name, values.last_name].filter((v) => typeof v === 'string' && v.trim()).join(' ');
  return name || (values.company as string) || (values.email as string) || (values.phone as string) || 'new lead';
}

/** What the person wrote, for the interaction's body: every value they sent, one per line. */
function summary(values: Record<string, unknown>, message: string | null | undefined): string {
  const lines = Object.entries(values)
    .filter(([, v]) => !isEmpty(v))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  return [message?.trim(), ...lines].filter(Boolean).join('\n');
}

/**
 * Takes a lead in the caller's transaction. A matched customer keeps what they have: the form only
 * fills fields that are empty (a visitor who types someone's email cannot rewrite that person), and
 * consent is recorded when given. Bad values are a 400 naming the field, and nothing is written.
 */
export async function takeLead(trx: Db, ctx: Ctx, input: LeadInput): Promise<Lead> {
  const now = new Date().toISOString();
  const consent = input.consentWording ? { consent_email: true, consent_email_at: now, consent_email_method: input.consentWording } : {};
  const existingId = await matchCustomer(trx, ctx, input.values);
  let customer: ApiRecord;
  if (existingId) {
    const existing = await getCustomer({ ...ctx, database: { ...ctx.database, db: trx } }, existingId);
    // Never a new email on someone found by phone: a stranger could route that person's mail to themselves.
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input.values)) if (!isEmpty(v) && isEmpty(existing[k]) && k !== 'email') patch[k] = v;
    if (isEmpty(existing.source)) patch.source = input.source;
    if (input.consentWording && existing.consent_email !== true) Object.assign(patch, consent);
    customer = Object.keys(patch).length ? (await updateCustomersIn(trx, ctx, [{ id: existingId, patch }]))[0] : existing;
  } else {
    customer = (await createCustomersIn(trx, ctx, [{ ...input.values, source: input.source, ...consent }]))[0];
  }
  const customerId = customer.id as string;
  // The contact first, then the deal: a follow-up cadence started by the deal is not stopped by its own lead.
  const [interaction] = await interactions.createIn(trx, ctx, [
    {
      type: 'web_visit',
      direction: 'in',
      occurred_at: now,
      subject: input.form ? `Form: ${input.form.name}` : `Lead: ${input.source}`,
      body: summary(input.values, input.message),
      customer_id: customerId,
      channel: input.channel,
    },
  ]);
  const deal = await createDeal(trx, ctx, {
    customer_id: customerId,
    title: input.dealTitle?.trim() || `${input.form?.name ?? input.source}: ${personLabel(input.values)}`,
    source: input.channel === 'form' ? 'form' : input.source,
    ...(input.pipelineId ? { pipeline_id: input.pipelineId } : {}),
    ...(input.stageId ? { stage_id: input.stageId } : {}),
    ...(input.dealValue !== undefined && input.dealValue !== null ? { value: input.dealValue } : {}),
    ...(input.currency ? { currency: input.currency } : {}),
  });
  const referral = input.referralCode?.trim() ? await attributeReferral(trx, ctx, customerId, input.referralCode) : false;
  const lead: Lead = { customer_id: customerId, deal_id: deal.id as string, interaction_id: interaction.id as string, matched: !!existingId, referral_attributed: referral };
  await appendEvents(trx, ctx.actor, [
    {
      type: 'lead.created',
      entity: 'customer',
      entityId: customerId,
      data: { channel: input.channel, source: input.source, customer_id: customerId, deal_id: lead.deal_id, matched: lead.matched, form_id: input.form?.id ?? null, referral_attributed: referral },
    },
  ]);
  return lead;
}
