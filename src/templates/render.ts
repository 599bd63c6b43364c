/**
 * Email templates: MJML (responsive HTML) with Liquid merge fields, and a plain-text part.
 *
 * A template is compiled once: Liquid is parsed with strict variables and filters (an unknown merge
 * field is an error, not an empty string), MJML is turned into HTML with the Liquid tags left in place,
 * and the text part (written, or generated from that HTML) is parsed too. Each recipient then costs
 * three Liquid renders; values are HTML-escaped in the HTML part only. Liquid therefore belongs in
 * text, attributes and links, not around MJML elements (wrap `{% if %}` inside an `mj-text`).
 *
 * A template is checked by rendering it against a sample context built from the customer field
 * registry, so a field that does not exist is refused when the template is saved, and again (with the
 * real customer) before any message is queued.
 */
import { createHmac } from 'node:crypto';
import { Liquid, type Template } from 'liquidjs';
import mjml2html from 'mjml';
import { loyaltyMergeFields, type LoyaltyMergeFields } from '../loyalty/merge-fields.js';
import { convert } from 'html-to-text';
import { instanceSecret } from '../auth/secrets.js';
import type { Db } from '../core/database.js';
import { invalid, notFound, type FieldErrors } from '../core/errors.js';
import { fieldsOf } from '../fields/custom-fields.js';
import { getRows } from '../records/repository.js';
import { rowToRecord } from '../records/codec.js';
import { customerEntity } from '../schema/entities.js';
import { columnOf, type FieldDef } from '../schema/fields.js';
import { suggestionsFor } from '../insights/cross-sell.js';

/** What a template is made of: an MJML body, or only a text body (plain-text mail). */
export interface TemplateSource {
  subject: string;
  mjml?: string | null;
  text?: string | null;
}

export interface RenderedMail {
  subject: string;
  /** Null for a text-only template. */
  html: string | null;
  text: string;
}

/** The next best offer of a customer (Rapport's cross-sell suggestion); empty strings when there is none. */
interface OfferContext {
  product_id: string;
  name: string;
  sku: string;
  reason: string;
}

/** Everything a template can name: `customer.*` (the field registry plus `name`), `offer.*`, `discount_code`, the loyalty fields (`points`, `tier`, `referral_link`) when it names them, and extras. */
export interface MergeContext {
  customer: Record<string, unknown>;
  offer: OfferContext | null;
  discount_code: string;
  [extra: string]: unknown;
}

const liquidOptions = { strictVariables: true, strictFilters: true, ownPropertyOnly: true, lenientIf: true } as const;
const plainLiquid = new Liquid(liquidOptions);
const htmlLiquid = new Liquid({ ...liquidOptions, outputEscape: 'escape' });

export interface CompiledTemplate {
  subject: Template[];
  html: Template[] | null;
  text: Template[];
}

function liquidMessage(error: unknown): string {
  const e = error as { name?: string; message?: string };
  const message = (e.message ?? String(error)).replace(/\s+/g, ' ').trim();
  if (e.name === 'UndefinedVariableError') return message.replace(/^undefined variable: /, 'unknown merge field ');
  return message;
}

function parsePart(liquid: Liquid, part: string, source: string, fields: FieldErrors): Template[] | null {
  try {
    return liquid.parse(source);
  } catch (error) {
    (fields[part] ??= []).push(`Liquid syntax error: ${liquidMessage(error)}`);
    return null;
  }
}

const compiledCache = new Map<string, Promise<CompiledTemplate>>();
const cacheLimit = 200;

/** Compiles (and caches by source) a template; a syntax error in any part is a 400 naming the part. */
export function compileTemplate(source: TemplateSource): Promise<CompiledTemplate> {
  const key = JSON.stringify([source.subject, source.mjml ?? null, source.text ?? null]);
  let found = compiledCache.get(key);
  if (!found) {
    found = compileUncached(source);
    found.catch(() => compiledCache.delete(key));
    if (compiledCache.size >= cacheLimit) compiledCache.delete(compiledCache.keys().next().value!);
    compiledCache.set(key, found);
  }
  return found;
}

async function compileUncached(source: TemplateSource): Promise<CompiledTemplate> {
  const fields: FieldErrors = {};
  if (!source.mjml && !source.text) throw invalid('a template needs an MJML body or a text body', { mjml: ['an MJML body or a text body is required'] });
  const subject = parsePart(plainLiquid, 'subject', source.subject, fields);
  let html: Template[] | null = null;
  let textSource = source.text ?? null;
  if (source.mjml) {
    // Liquid is checked on the MJML source first, so its errors point at the lines the author wrote.
    if (parsePart(htmlLiquid, 'mjml', source.mjml, fields)) {
      let compiled: { html: string; errors: { line: number; message: string }[] } | null = null;
      try {
        // `fonts: {}`: MJML would link its default web font from Google for every mail (the open then tells
        // Google who read it, and the preview's policy blocks it); a font the author adds with mj-font stays.
        compiled = await mjml2html(source.mjml, { validationLevel: 'strict', minify: false, keepComments: false, fonts: {} });
      } catch (error) {
        const e = error as { errors?: { line: number; message: string }[]; message?: string };
        const list = e.errors?.length ? e.errors.map((x) => `MJML error on line ${x.line}: ${x.message}`) : [`MJML error: ${(e.message ?? String(error)).trim()}`];
        (fields.mjml ??= []).push(...list);
      }
      if (compiled) {
        if (!/<mj-body[\s>]/.test(source.mjml)) (fields.mjml ??= []).push('MJML error: the template needs <mjml><mj-body>…</mj-body></mjml>');
        else {
          html = parsePart(htmlLiquid, 'mjml', compiled.html, fields);
          if (textSource === null) textSource = htmlToText(compiled.html);
        }
      }
    }
  }
  const text = textSource === null ? null : parsePart(plainLiquid, 'text', textSource, fields);
  if (Object.keys(fields).length || !subject || !text) throw invalid(`the template cannot be used: ${Object.values(fields).flat()[0] ?? 'it is incomplete'}`, fields);
  return { subject, html, text };
}

/** The plain-text part generated from HTML: paragraphs, links written out as text [url], no images. */
function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: 78,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'title', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

async function renderPart(liquid: Liquid, part: string, template: Template[], context: MergeContext): Promise<string> {
  try {
    return await liquid.render(template, context);
  } catch (error) {
    throw invalid(`the template cannot be rendered: ${liquidMessage(error)}`, { [part]: [liquidMessage(error)] });
  }
}

/** Renders a compiled template for one recipient; an unknown merge field is a 400 naming the part. */
export async function renderCompiled(compiled: CompiledTemplate, context: MergeContext): Promise<RenderedMail> {
  const subject = (await renderPart(plainLiquid, 'subject', compiled.subject, context)).replace(/[\r\n]+/g, ' ').trim();
  const html = compiled.html ? await renderPart(htmlLiquid, 'mjml', compiled.html, context) : null;
  const text = await renderPart(plainLiquid, 'text', compiled.text, context);
  if (!subject) throw invalid('the subject is empty for this customer', { subject: ['renders as an empty line'] });
  return { subject, html, text };
}

// ---------------------------------------------------------------------------------------------
// Merge fields

/** The merge fields a template may use, with a short description each (for the editor). */
export async function mergeFields(db: Db): Promise<{ name: string; label: string; type: string }[]> {
  const fields = (await fieldsOf(db, customerEntity)).filter((f) => columnOf(f) !== null);
  return [
    { name: 'customer.name', label: 'Full name (first and last name)', type: 'text' },
    ...fields.map((f) => ({ name: `customer.${f.name}`, label: f.label, type: f.type })),
    { name: 'offer.name', label: 'Next best offer: product name (Rapport’s cross-sell suggestion; empty when none)', type: 'text' },
    { name: 'offer.sku', label: 'Next best offer: SKU', type: 'text' },
    { name: 'offer.reason', label: 'Next best offer: why it is suggested', type: 'text' },
    { name: 'offer.product_id', label: 'Next best offer: product id', type: 'id' },
    { name: 'discount_code', label: 'A personal discount code (the same for a customer within one campaign)', type: 'text' },
    { name: 'points', label: 'Loyalty points: the balance', type: 'integer' },
    { name: 'tier', label: 'Loyalty tier: its name (empty without one)', type: 'text' },
    { name: 'referral_link', label: 'The customer’s referral link', type: 'text' },
  ];
}

function sampleValue(field: FieldDef): unknown {
  switch (field.type) {
    case 'integer':
      return 3;
    case 'number':
      return 0.5;
    case 'boolean':
      return true;
    case 'date':
      return '1990-01-31';
    case 'datetime':
      return '2026-01-31T12:00:00.000Z';
    case 'string_list':
      return ['vip'];
    case 'phone_list':
      return [{ number: '+33123456789', type: 'mobile' }];
    case 'email':
      return 'ada@example.com';
    case 'select':
      return field.options?.[0] ?? 'option';
    default:
      return field.name === 'first_name' ? 'Ada' : field.name === 'last_name' ? 'Lovelace' : `${field.label}`;
  }
}

const sampleLoyalty: LoyaltyMergeFields = { points: 120, tier: 'Gold', referral_link: 'https://shop.example.com/r/SAMPLE12' };

/** A context with every merge field set, for checking a template and previewing it without a customer. */
export async function sampleContext(db: Db): Promise<MergeContext> {
  const fields = (await fieldsOf(db, customerEntity)).filter((f) => columnOf(f) !== null);
  const customer: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f.name, sampleValue(f)]));
  customer.name = 'Ada Lovelace';
  return {
    customer,
    offer: { product_id: 'prd_sample', name: 'Sample product', sku: 'SKU-1', reason: 'often bought together with what they bought' },
    discount_code: 'SAMPLE-7K2Q9M',
    ...sampleLoyalty,
  };
}

/**
 * A personal discount code: the same for one customer within one scope (a campaign, a flow), derived
 * from the instance secret so it cannot be guessed from the customer id; PREFIX-XXXXXX.
 */
function discountCode(secret: Buffer, scope: string, customerId: string, prefix = 'SAVE'): string {
  const mac = createHmac('sha256', secret).update(`discount:${scope}:${customerId}`).digest();
  const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
  let code = '';
  for (let i = 0; i < 6; i++) code += alphabet[mac[i] % alphabet.length];
  return `${prefix}-${code}`;
}

const fullName = (c: Record<string, unknown>) => [c.first_name, c.last_name].filter((v) => typeof v === 'string' && v.trim()).join(' ');

export interface ContextOptions {
  /** What the discount code is personal to (a campaign id, a flow id); "default" when left out. */
  discountScope?: string;
  discountPrefix?: string | null;
  /** Leave out the next best offer (a template that does not use `offer` needs no lookup). */
  withOffer?: boolean;
  /** Add the loyalty fields (only a template that names them needs their reads). */
  withLoyalty?: boolean;
  /** Extra top-level variables. */
  vars?: Record<string, unknown>;
}

/** Merge contexts for customers, read in one pass (an erased or unknown customer is left out). */
export async function mergeContexts(db: Db, customerIds: readonly string[], options: ContextOptions = {}): Promise<Map<string, MergeContext>> {
  const fields = (await fieldsOf(db, customerEntity)).filter((f) => columnOf(f) !== null);
  const rows = await getRows(db, customerEntity, [...customerIds]);
  const secret = await instanceSecret(db);
  // Erased customers get no context, and no referral code either.
  const loyalty = options.withLoyalty
    ? await loyaltyMergeFields(
        db,
        [...rows.values()].filter((r) => !r.erased_at).map((r) => r.id as string),
      )
    : null;
  const out = new Map<string, MergeContext>();
  for (const id of customerIds) {
    const row = rows.get(id);
    if (!row || row.erased_at) continue;
    const customer = rowToRecord(fields, row) as Record<string, unknown>;
    customer.name = fullName(customer);
    let offer: OfferContext | null = null;
    if (options.withOffer !== false) {
      // suggestionsFor reads through ctx.database.db only.
      const first = (await suggestionsFor({ database: { db } as never, actor: 'system' }, id, 1)).data[0];
      if (first) offer = { product_id: first.product_id, name: first.name ?? '', sku: first.sku ?? '', reason: first.reason };
    }
    out.set(id, {
      ...(options.vars ?? {}),
      customer,
      offer,
      discount_code: discountCode(secret, options.discountScope ?? 'default', id, options.discountPrefix ?? undefined),
      ...(loyalty?.get(id) ?? {}),
    });
  }
  return out;
}

/** Whether a template's source names the next best offer (so its lookup can be skipped). */
export const usesOffer = (source: TemplateSource) => /\boffer\b/.test(`${source.subject}\n${source.mjml ?? ''}\n${source.text ?? ''}`);
/** Whether a template names a loyalty field in Liquid (so their reads can be skipped otherwise). */
export const usesLoyalty = (source: TemplateSource) => /\{[{%][^}%]*\b(points|tier|referral_link)\b/.test(`${source.subject}\n${source.mjml ?? ''}\n${source.text ?? ''}`);
/** Whether a template names the personal discount code, so that the sender records the code it hands out. */
export const usesDiscountCode = (source: TemplateSource) => [source.subject, source.mjml, source.text].some((part) => part?.includes('discount_code'));

/** Checks a template: it compiles and renders against a context with every merge field; throws a 400 otherwise. */
export async function checkTemplate(db: Db, source: TemplateSource): Promise<CompiledTemplate> {
  const compiled = await compileTemplate(source);
  await renderCompiled(compiled, await sampleContext(db));
  return compiled;
}

/** A stored template's source. */
export async function templateSource(db: Db, id: string): Promise<TemplateSource & { id: string; name: string }> {
  const row = await db.selectFrom('templates').select(['id', 'name', 'subject', 'mjml', 'text_body']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('template', id);
  return { id: row.id as string, name: row.name as string, subject: row.subject as string, mjml: (row.mjml as string) || null, text: (row.text_body as string | null) ?? null };
}

export type RenderContext = MergeContext | ({ customerId: string } & ContextOptions);

/**
 * Renders a stored template (by id) or an inline one for a customer (`{ customerId }`) or a ready
 * merge context. A syntax error or a merge field that does not exist is a 400 (AppError) — callers
 * queue nothing then.
 */
/** A rendered mail and the personal discount code it hands out (null when the template names none). */
export async function renderTemplate(db: Db, template: string | TemplateSource, context: RenderContext): Promise<RenderedMail & { discount_code: string | null }> {
  const source = typeof template === 'string' ? await templateSource(db, template) : template;
  const compiled = await compileTemplate(source);
  let merge: MergeContext;
  if (typeof context.customerId === 'string' && !('customer' in context)) {
    const options = context as { customerId: string } & ContextOptions;
    const found = (await mergeContexts(db, [options.customerId], { ...options, withOffer: options.withOffer ?? usesOffer(source), withLoyalty: options.withLoyalty ?? usesLoyalty(source) })).get(
      options.customerId,
    );
    if (!found) throw notFound('customer', options.customerId);
    merge = found;
  } else merge = context as MergeContext;
  return { ...(await renderCompiled(compiled, merge)), discount_code: usesDiscountCode(source) ? merge.discount_code : null };
}
