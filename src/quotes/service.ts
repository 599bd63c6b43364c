/**
 * Quotes: one write pipe (the registry's quoteEntity through entityService) for every change. Lines
 * and amounts are written with the quote; numbers come from a counter row per year updated in the
 * same transaction. Anything but a draft is frozen: a change is a revision (version n+1, same number).
 * A sent or viewed quote whose validity date has passed reads as expired.
 */
import { sql } from 'kysely';
import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import type { Db } from '../core/database.js';
import { insertOrIgnore } from '../core/dialect.js';
import { appendEvents } from '../core/events.js';
import { AppError, conflict, invalid, notFound } from '../core/errors.js';
import { rowToRecord, type ApiRecord, type Row } from '../records/codec.js';
import { entityService } from '../records/entity-service.js';
import type { FilterNode } from '../records/query.js';
import type { ListParams, Page, WhereBuilder } from '../records/repository.js';
import { quoteEntity } from '../schema/entities.js';
import { currencyCode, getBusinessSettings, todayIn } from '../settings/business.js';
import { amountColumns, amountsOf, asResolved, linesOf, parseLines, resolveLines, writeLines, type QuoteLine, type ResolvedLine } from './lines.js';
import { getQuoteSettings } from './settings.js';

export type Quote = ApiRecord & {
  id: string;
  number: string;
  version: number;
  status: string;
  currency: string;
  valid_until: string;
  customer_id: string;
  deal_id: string | null;
  total: number;
  lines: QuoteLine[];
};

/** What a write carries besides the registry fields: lines, and the columns only the service sets. */
interface QuoteWrite {
  lines?: ResolvedLine[];
  /** Status changes and the like: written as given, past the freeze. */
  set?: Row;
  /** A revision takes its number and version from the quote it revises. */
  revisionOf?: { number: string; version: number; previous_version_id: string };
}
type QuoteCtx = Ctx & { quoteWrite?: QuoteWrite };

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
export const quoteLabel = (q: { number?: unknown; version?: unknown }) => (Number(q.version) > 1 ? `${q.number} v${q.version}` : String(q.number));

/** The status a reader sees: sent and viewed quotes past their last valid day are expired. */
export function statusOn(status: string, validUntil: string, today: string): string {
  return (status === 'sent' || status === 'viewed') && validUntil < today ? 'expired' : status;
}

/** The next number of a year, taken in the caller's transaction (the row stays locked until it ends). */
export async function nextQuoteNumber(trx: Db, year: number): Promise<string> {
  const exists = await trx.selectFrom('quote_counters').select('year').where('year', '=', year).executeTakeFirst();
  if (!exists) {
    await insertOrIgnore(trx, 'quote_counters', { year, last_number: 0 }, ['year']);
  }
  await trx
    .updateTable('quote_counters')
    .set({ last_number: sql`last_number + 1` })
    .where('year', '=', year)
    .execute();
  const row = await trx.selectFrom('quote_counters').select('last_number').where('year', '=', year).executeTakeFirstOrThrow();
  return `Q-${year}-${String(row.last_number).padStart(4, '0')}`;
}

async function checkLinks(trx: Db, record: ApiRecord, existing: ApiRecord | null) {
  if (!existing || existing.customer_id !== record.customer_id) {
    const customer = await trx
      .selectFrom('customers')
      .select(['id', 'erased_at'])
      .where('id', '=', record.customer_id as string)
      .executeTakeFirst();
    if (!customer) throw invalid(`customer ${record.customer_id} does not exist`, { customer_id: ['no such customer'] });
  }
  if (record.deal_id && (!existing || existing.deal_id !== record.deal_id || existing.customer_id !== record.customer_id)) {
    const deal = await trx
      .selectFrom('deals')
      .select(['id', 'customer_id'])
      .where('id', '=', record.deal_id as string)
      .executeTakeFirst();
    if (!deal) throw invalid(`deal ${record.deal_id} does not exist`, { deal_id: ['no such deal'] });
    if (deal.customer_id && deal.customer_id !== record.customer_id) throw invalid(`deal ${record.deal_id} is another customer's`, { deal_id: [`belongs to customer ${deal.customer_id}`] });
  }
}

const quoteRows = entityService(quoteEntity, {
  async prepare(trx, ctx, record, existing) {
    const write = (ctx as QuoteCtx).quoteWrite ?? {};
    if (existing && write.set) return write.set;
    if (existing && existing.status !== 'draft') {
      throw conflict(
        `quote ${quoteLabel(existing)} is ${existing.status} and can no longer change: revise it (POST /api/quotes/${existing.id}/revise) to draft version ${Number(existing.version) + 1}`,
      );
    }
    await checkLinks(trx, record, existing);
    const extra: Row = {};
    const business = await getBusinessSettings(trx);
    if (!existing) {
      const settings = await getQuoteSettings(trx);
      const today = todayIn(business.timeZone);
      extra.status = 'draft';
      if (write.revisionOf) Object.assign(extra, write.revisionOf);
      else Object.assign(extra, { number: await nextQuoteNumber(trx, Number(today.slice(0, 4))), version: 1 });
      extra.currency = record.currency ? currencyOrFail(record.currency as string) : business.currency;
      extra.valid_until = record.valid_until ?? addDays(today, settings.validity_days);
      extra.terms = record.terms ?? settings.default_terms;
      extra.discount_percent = record.discount_percent ?? 0;
    } else if (record.currency !== existing.currency) extra.currency = currencyOrFail(record.currency as string);
    if (typeof record.discount_percent === 'number' && (record.discount_percent < 0 || record.discount_percent > 100))
      throw invalid('the overall discount is a percentage from 0 to 100', { discount_percent: ['must be between 0 and 100'] });
    if (!existing && record.discount_percent === null) extra.discount_percent = 0;
    const lines = write.lines ?? (existing ? ((await linesOf(trx, [{ id: existing.id as string, currency: existing.currency as string }])).get(existing.id as string)?.map(asResolved) ?? []) : []);
    const currency = (extra.currency ?? record.currency ?? existing?.currency) as string;
    Object.assign(extra, amountColumns(amountsOf(currency, lines, Number(extra.discount_percent ?? record.discount_percent ?? 0))));
    return extra;
  },
  search: (q) => (eb) => eb.or([eb('number', 'like', `%${q}%`), eb('title', 'like', `%${q}%`)]),
});

function currencyOrFail(value: string): string {
  const code = currencyCode(value);
  if (!code) throw invalid('not an ISO 4217 currency code', { currency: ['not an ISO 4217 currency code (e.g. EUR, USD)'] });
  return code;
}

/** A quote body split into its registry fields and its validated lines. */
function split(raw: unknown): { quote: Record<string, unknown>; lines: ReturnType<typeof parseLines> | undefined } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid('a quote must be a JSON object', { body: ['expected an object'] });
  const { lines, ...quote } = raw as Record<string, unknown>;
  return { quote, lines: lines === undefined ? undefined : parseLines(lines) };
}

async function withLines(db: Db, records: ApiRecord[]): Promise<Quote[]> {
  if (records.length === 0) return [];
  const { timeZone } = await getBusinessSettings(db);
  const today = todayIn(timeZone);
  const lines = await linesOf(
    db,
    records.filter((r) => typeof r.id === 'string').map((r) => ({ id: r.id as string, currency: (r.currency as string) ?? 'EUR' })),
  );
  // A list may ask for some fields only: the status is computed when its inputs are there.
  return records.map(
    (r) =>
      ({ ...r, ...(typeof r.status === 'string' && typeof r.valid_until === 'string' ? { status: statusOn(r.status, r.valid_until, today) } : {}), lines: lines.get(r.id as string) ?? [] }) as Quote,
  );
}

export async function createQuoteIn(trx: Db, ctx: Ctx, raw: unknown, revisionOf?: QuoteWrite['revisionOf']): Promise<Quote> {
  const { quote, lines } = split(raw);
  const resolved = lines ? await resolveLines(trx, lines) : [];
  const [created] = await quoteRows.createIn(trx, { ...ctx, quoteWrite: { lines: resolved, revisionOf } } as QuoteCtx, [quote]);
  await writeLines(trx, created.id as string, created.currency as string, resolved, amountsOf(created.currency as string, resolved, Number(created.discount_percent)));
  return (await withLines(trx, [created]))[0];
}

export async function updateQuoteIn(trx: Db, ctx: Ctx, id: string, raw: unknown): Promise<Quote> {
  const { quote, lines } = split(raw);
  const resolved = lines ? await resolveLines(trx, lines) : undefined;
  const [updated] = await quoteRows.updateIn(trx, { ...ctx, quoteWrite: { lines: resolved } } as QuoteCtx, [{ id, patch: quote }]);
  const current = resolved ?? (await linesOf(trx, [{ id, currency: updated.currency as string }])).get(id)?.map(asResolved) ?? [];
  // Lines are rewritten when they or anything their amounts depend on (currency, overall discount) changed.
  await writeLines(trx, id, updated.currency as string, current, amountsOf(updated.currency as string, current, Number(updated.discount_percent)));
  return (await withLines(trx, [updated]))[0];
}

/** Sets service-owned columns (status, times, links) on a quote of any status, with audit and `quote.updated`. */
export async function setQuoteColumns(trx: Db, ctx: Ctx, id: string, set: Row): Promise<Quote> {
  const [updated] = await quoteRows.updateIn(trx, { ...ctx, quoteWrite: { set } } as QuoteCtx, [{ id, patch: {} }]);
  return (await withLines(trx, [updated]))[0];
}

export async function getQuote(db: Db, id: string): Promise<Quote> {
  const row = await db.selectFrom('quotes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('quote', id);
  return (await withLines(db, [rowToRecord(quoteEntity.fields, row)]))[0];
}

/**
 * Drafts version n+1 of a quote: same number, the lines and terms copied, a validity date that is
 * not in the past. The revised quote is marked superseded, so its public link can no longer accept.
 */
export async function reviseQuoteIn(trx: Db, ctx: Ctx, id: string): Promise<Quote> {
  const from = await getQuote(trx, id);
  if (from.superseded_by_id) throw conflict(`quote ${quoteLabel(from)} was already revised as ${from.superseded_by_id}: revise the newest version`);
  if (from.status === 'draft') throw conflict(`quote ${quoteLabel(from)} is a draft: change it directly`);
  const top = await trx
    .selectFrom('quotes')
    .select((eb) => eb.fn.max<number>('version').as('v'))
    .where('number', '=', from.number)
    .executeTakeFirst();
  const version = Number(top?.v ?? from.version) + 1;
  const { timeZone } = await getBusinessSettings(trx);
  const today = todayIn(timeZone);
  const settings = await getQuoteSettings(trx);
  const body = {
    customer_id: from.customer_id,
    deal_id: from.deal_id,
    title: from.title,
    currency: from.currency,
    valid_until: from.valid_until >= today ? from.valid_until : addDays(today, settings.validity_days),
    terms: from.terms,
    notes: from.notes,
    discount_percent: from.discount_percent,
    lines: from.lines.map((l) => ({
      product_id: l.product_id,
      sku: l.sku,
      name: l.name,
      description: l.description,
      quantity: l.quantity,
      unit_price: l.unit_price,
      discount_percent: l.discount_percent,
      tax_rate: l.tax_rate,
    })),
  };
  // The product may have left the catalogue since: the copied line keeps its own name and price.
  for (const line of body.lines) if (line.product_id && !(await trx.selectFrom('products').select('id').where('id', '=', line.product_id).executeTakeFirst())) line.product_id = null;
  const created = await createQuoteIn(trx, ctx, body, { number: from.number, version, previous_version_id: from.id });
  await setQuoteColumns(trx, ctx, from.id, { superseded_by_id: created.id });
  await appendEvents(trx, ctx.actor, [{ type: 'quote.revised', entity: 'quote', entityId: created.id, data: { from_id: from.id, number: from.number, version } }]);
  return created;
}

/** Refuses a state change the quote's current status does not allow (409), naming what it is. */
export function requireStatus(quote: Quote, allowed: readonly string[], action: string): void {
  if (quote.superseded_by_id) throw conflict(`quote ${quoteLabel(quote)} was replaced by a newer version and cannot be ${action}`);
  if (!allowed.includes(quote.status)) {
    if (quote.status === 'expired') throw new AppError('conflict', `quote ${quoteLabel(quote)} expired on ${quote.valid_until} and cannot be ${action}`);
    throw conflict(`quote ${quoteLabel(quote)} is ${quote.status} and cannot be ${action}`);
  }
}

/**
 * A status filter means the status as read: `status=expired` finds sent and viewed quotes past their
 * date, `status=sent` (or viewed) only those still valid. Handled where the filter is a plain
 * condition or one of a top-level "and"; other shapes compare the stored status.
 */
export function statusAsRead<P extends ListParams & { where?: WhereBuilder[] }>(params: P, today: string): P {
  const where = [...(params.where ?? [])];
  const rewrite = (node: FilterNode): FilterNode | null => {
    if (!('field' in node) || node.field !== 'status' || node.op !== 'eq') return node;
    if (node.value === 'expired') {
      where.push((eb) => eb.and([eb('status', 'in', ['sent', 'viewed']), eb('valid_until', '<', today)]));
      return null;
    }
    if (node.value === 'sent' || node.value === 'viewed') where.push((eb) => eb('valid_until', '>=', today));
    return node;
  };
  let filter = params.filter;
  if (filter && 'and' in filter) {
    const kept = filter.and.map(rewrite).filter((n): n is FilterNode => n !== null);
    filter = kept.length ? { and: kept } : undefined;
  } else if (filter) filter = rewrite(filter) ?? undefined;
  return { ...params, filter, where };
}

export const quotes = {
  entity: quoteEntity,
  createIn: async (trx: Db, ctx: Ctx, inputs: unknown[]) => {
    const out: Quote[] = [];
    for (const input of inputs) out.push(await createQuoteIn(trx, ctx, input));
    return out;
  },
  updateIn: async (trx: Db, ctx: Ctx, patches: { id: string; patch: unknown }[]) => {
    const out: Quote[] = [];
    for (const p of patches) out.push(await updateQuoteIn(trx, ctx, p.id, p.patch));
    return out;
  },
  deleteIn: async (_trx: Db, _ctx: Ctx, ids: string[]) => {
    throw conflict(`quotes are not deleted, so their numbers stay gap-free: decline or revise quote ${ids[0]} instead`);
  },
  create: (ctx: Ctx, input: unknown) => inTransaction(ctx, (trx) => createQuoteIn(trx, ctx, input)),
  update: (ctx: Ctx, id: string, patch: unknown) => inTransaction(ctx, (trx) => updateQuoteIn(trx, ctx, id, patch)),
  revise: (ctx: Ctx, id: string) => inTransaction(ctx, (trx) => reviseQuoteIn(trx, ctx, id)),
  get: (ctx: Ctx, id: string) => getQuote(ctx.database.db, id),
  async list(ctx: Ctx, params: ListParams & { q?: string; where?: WhereBuilder[] }): Promise<Page> {
    const { timeZone } = await getBusinessSettings(ctx.database.db);
    const page = await quoteRows.list(ctx, statusAsRead(params, todayIn(timeZone)));
    return { data: await withLines(ctx.database.db, page.data), next_cursor: page.next_cursor };
  },
};
