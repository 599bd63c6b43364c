import { createHash } from 'node:crypto';
import { interactions } from '../activities/interactions.js';
import { companies } from '../customers/companies.js';
import { companyKey, emailKey } from '../customers/normalise.js';
import { ParsedCustomer } from '../customers/input.js';
import { attachSources, createCustomersIn, toRecords, updateCustomersIn } from '../customers/service.js';
import { customerInput } from './customer-input.js';
import { fieldsOf } from '../fields/custom-fields.js';
import { rowToRecord, type ApiRecord } from '../records/codec.js';
import { findRow, getRows } from '../records/repository.js';
import { customerEntity, orderStatuses } from '../schema/entities.js';
import type { PhoneEntry } from '../schema/fields.js';
import { updateOrdersIn } from '../sales/orders.js';
import { products as productService } from '../sales/products.js';
import { emptyCounts } from './batches.js';
import type { CleanRecord } from './cleaning.js';
import type { CleanRow, WriteContext } from './write-context.js';
import { findBySourceIds, findCustomersByEmail } from './identity.js';
import { createOrdersBulk, type ProductRef } from './order-writer.js';
import { withBulkSearchIndex } from '../core/fulltext.js';
import { emptyRecord, type RowError } from './types.js';

export type { CleanRow, WriteContext } from './write-context.js';

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function unionBy<T>(ours: T[], theirs: T[], key: (t: T) => string): T[] {
  const out = [...ours];
  for (const t of theirs) if (!out.some((o) => key(o) === key(t))) out.push(t);
  return out;
}

/**
 * What to change on an existing customer. A record matched by its own source id takes the file's
 * values; one matched only by email gets its gaps filled. Emails, phones and tags are united so
 * an import never drops an address.
 */
function customerPatch(existing: ApiRecord, input: ApiRecord, authoritative: boolean): ApiRecord {
  const patch: ApiRecord = {};
  for (const [k, v] of Object.entries(input)) {
    if (k === 'emails' || k === 'email' || k === 'phones' || k === 'phone' || k === 'tags') continue;
    if (isEmpty(v)) continue;
    if (authoritative ? !same(existing[k], v) : isEmpty(existing[k])) patch[k] = v;
  }
  const emails = unionBy((existing.emails as string[]) ?? [], (input.emails as string[]) ?? [], (e) => e.toLowerCase());
  if (emails.length !== ((existing.emails as string[]) ?? []).length) {
    patch.emails = emails;
    patch.email = existing.email ?? emails[0];
  }
  const phones = unionBy((existing.phones as PhoneEntry[]) ?? [], (input.phones as PhoneEntry[]) ?? [], (p) => p.e164 ?? p.raw);
  if (phones.length !== ((existing.phones as PhoneEntry[]) ?? []).length) {
    patch.phones = phones.slice(existing.phone ? 1 : 0);
    patch.phone = existing.phone ?? phones[0].e164 ?? phones[0].raw;
  }
  const tags = unionBy((existing.tags as string[]) ?? [], (input.tags as string[]) ?? [], (t) => t.toLowerCase());
  if (tags.length !== ((existing.tags as string[]) ?? []).length) patch.tags = tags;
  return patch;
}

/** Fills gaps of `into` from `from` and unites lists: two rows of one file describing one person. */
function absorb(into: ApiRecord, from: ApiRecord) {
  for (const [k, v] of Object.entries(from)) if (isEmpty(into[k]) && !isEmpty(v)) into[k] = v;
  into.emails = unionBy((into.emails as string[]) ?? [], (from.emails as string[]) ?? [], (e) => e.toLowerCase());
  into.phones = unionBy((into.phones as PhoneEntry[]) ?? [], (from.phones as PhoneEntry[]) ?? [], (p) => p.e164 ?? p.raw);
  into.tags = unionBy((into.tags as string[]) ?? [], (from.tags as string[]) ?? [], (t) => t.toLowerCase());
}

/**
 * Customers of a file, matched (by source id, and by email in merge mode auto) or created. A row
 * without an id gets one from its content (`contentIds`), so importing a file twice adds nothing;
 * customers made from orders need none, since their orders find them by email.
 */
export async function writeCustomers(w: WriteContext, rows: CleanRow[], contentIds = true): Promise<void> {
  const { trx, ctx, source } = w;
  const sourceIdOf = (value: CleanRecord) => (value.source_id ? String(value.source_id) : contentIds ? rowSourceId(value) : undefined);
  const bySource = await findBySourceIds(
    trx,
    'customers',
    source,
    rows.flatMap((r) => sourceIdOf(r.value) ?? []),
  );
  const emailsLookedUp = new Set(rows.flatMap((r) => ((r.value.emails as string[]) ?? []).map(emailKey)));
  const byEmail = await findCustomersByEmail(trx, emailsLookedUp);
  const primaryTaken = new Set<string>();
  // `parsed`: the input is the row's own as the write pipe parsed it on the cleaning thread (see ParsedCustomer).
  // `searchText`: made with the input where it was parsed; dropped when the input changes here.
  const creates: { input: ApiRecord; parsed: boolean; searchText: string | undefined; sourceIds: Set<string>; keys: string[] }[] = [];
  const pendingByKey = new Map<string, (typeof creates)[number]>();
  const updates = new Map<string, { input: ApiRecord; authoritative: boolean; sourceIds: Set<string> }>();

  for (const r of rows) {
    const input = r.input ?? customerInput(r.value);
    const sourceId = sourceIdOf(r.value);
    const emails = ((input.emails as string[]) ?? []).map(emailKey);
    const existing = (sourceId && bySource.get(sourceId)) || (w.mergeByEmail ? emails.map((e) => byEmail.get(e)).find(Boolean) : undefined);
    if (existing) {
      const authoritative = !!sourceId && bySource.get(sourceId) === existing;
      const update = updates.get(existing);
      if (update) absorb(update.input, input);
      else updates.set(existing, { input, authoritative, sourceIds: new Set() });
      if (sourceId) updates.get(existing)!.sourceIds.add(sourceId);
      continue;
    }
    const keys = [...(sourceId ? [`s:${sourceId}`] : []), ...(w.mergeByEmail ? emails.map((e) => `e:${e}`) : [])];
    const pending = keys.map((k) => pendingByKey.get(k)).find(Boolean);
    if (pending) {
      // Two rows made one record: its values are parsed again.
      absorb(pending.input, input);
      pending.parsed = false;
      pending.searchText = undefined;
      if (sourceId) pending.sourceIds.add(sourceId);
      for (const k of keys) pendingByKey.set(k, pending);
      // Without email merging, only the same source id joins two rows: one record given twice, an update.
      if (w.mergeByEmail) w.counts.merged++;
      else w.counts.updated++;
      continue;
    }
    const create = { input, parsed: !!r.input, searchText: r.input ? r.searchText : undefined, sourceIds: new Set(sourceId ? [sourceId] : []), keys };
    creates.push(create);
    for (const k of keys) pendingByKey.set(k, create);
  }

  /** An existing customer given its first address: none, when that address is already another's or another record of this chunk takes it. */
  const keepPrimaryUnique = (patch: ApiRecord, id: string) => {
    const key = emailKey(String(patch.email));
    const owner = byEmail.get(key);
    if ((owner && owner !== id) || primaryTaken.has(key)) patch.email = null;
    else primaryTaken.add(key);
  };
  if (updates.size) {
    const fields = await fieldsOf(trx, customerEntity);
    const current = await getRows(trx, customerEntity, [...updates.keys()]);
    const befores = new Map((await toRecords(trx, fields, [...current.values()])).map((r) => [r.id as string, r]));
    const patches: { id: string; patch: ApiRecord }[] = [];
    for (const [id, u] of updates) {
      const before = befores.get(id)!;
      const patch = customerPatch(before, u.input, u.authoritative);
      if (patch.email && patch.email !== before.email) keepPrimaryUnique(patch, id);
      const known = new Set(((before.sources as { source: string; source_id: string }[]) ?? []).filter((s) => s.source === source).map((s) => s.source_id));
      const links = [...u.sourceIds].filter((s) => !known.has(s));
      if (Object.keys(patch).length === 0 && links.length === 0) {
        w.counts.unchanged++;
        continue;
      }
      if (Object.keys(patch).length) {
        w.changes.record('customers', id, 'update', before);
        patches.push({ id, patch });
      }
      // A link is recorded against the record it names (ids fit entity_id on every engine); the source id goes in before_data.
      for (const l of links) w.changes.record('customers', id, 'link', { source, source_id: l });
      if (links.length) await attachSources(trx, 'customers', [{ entityId: id, sources: links.map((source_id) => ({ source, source_id })) }]);
      if (u.authoritative) w.counts.updated++;
      else w.counts.merged++;
    }
    if (patches.length) await updateCustomersIn(trx, ctx, patches);
  }
  // Not merged (review or off): a record whose address is already a primary one (an existing customer's,
  // one this chunk's updates give, or an earlier row's) keeps it in its list without making it primary;
  // the duplicate scan queues the pair. The address is the one the record would make primary once its
  // rows are one (see customerValues). Where all of them were looked up here, the pipe does not look
  // them up again, nor the source ids, all looked up with them (CreateOptions.lookedUp).
  let lookedUp = true;
  for (const c of creates) {
    const primary = 'email' in c.input ? c.input.email : (c.input.emails as string[] | undefined)?.[0];
    if (!primary) continue;
    const key = emailKey(primary as string);
    if (!emailsLookedUp.has(key)) lookedUp = false;
    if (byEmail.has(key) || primaryTaken.has(key)) {
      c.input.email = null;
      c.searchText = undefined;
    } else primaryTaken.add(key);
  }
  if (creates.length) {
    await withBulkSearchIndex(trx, ctx.database, async () => {
      // A few hundred records at a time: the chunk stays one transaction, its records need not all be in memory at once.
      for (let i = 0; i < creates.length; i += createSlice) {
        const inputs = creates.slice(i, i + createSlice).map((c) => {
          const sources = [...c.sourceIds].map((source_id) => ({ source, source_id }));
          return c.parsed ? new ParsedCustomer(c.input, sources, c.searchText) : { ...c.input, sources };
        });
        const created = await createCustomersIn(trx, ctx, inputs, { writer: w.insert, lookedUp });
        for (const c of created) w.changes.record('customers', c.id as string, 'create');
        w.counts.created += created.length;
      }
    });
  }
}

/** Customers created per call of the customer service within a chunk. */
const createSlice = 500;

/**
 * The customer an order or interaction row belongs to, by the source's customer id or by email.
 * With `createMissing` (orders), a row whose customer is unknown creates that customer from the
 * row's own customer id, email, name, phone and country; otherwise the row is rejected.
 */
async function resolveCustomers(w: WriteContext, rows: CleanRow[], createMissing = false): Promise<Map<CleanRow, string>> {
  const bySource = await findBySourceIds(
    w.trx,
    'customers',
    w.source,
    rows.flatMap((r) => (r.value.customer_source_id ? [String(r.value.customer_source_id)] : [])),
  );
  const byEmail = await findCustomersByEmail(
    w.trx,
    rows.flatMap((r) => (r.value.customer_email ? [String(r.value.customer_email)] : [])),
  );
  const out = new Map<CleanRow, string>();
  const missing: CleanRow[] = [];
  for (const r of rows) {
    const id = (r.value.customer_source_id && bySource.get(String(r.value.customer_source_id))) || (r.value.customer_email && byEmail.get(emailKey(String(r.value.customer_email))));
    if (id) out.set(r, id);
    else if (createMissing && (r.value.customer_source_id || r.value.customer_email)) missing.push(r);
    else if (r.value.customer_source_id) w.reject(r, `no customer with ${w.source} id ${r.value.customer_source_id}; import the customers first`, null);
    else if (r.value.customer_email) w.reject(r, `no customer with email ${r.value.customer_email}`, null);
    else w.reject(r, 'no customer id or email to say whose it is', null);
  }
  if (missing.length) {
    const counts = emptyCounts();
    // Orders of one email are one customer's: matching them is not a merge, whatever the merge mode.
    await writeCustomers(
      { ...w, counts, mergeByEmail: true },
      missing.map((r) => ({ row: r.row, raw: r.raw, value: customerOfOrder(r.value, w.source) })),
      false,
    );
    w.counts.customers_created = (w.counts.customers_created ?? 0) + counts.created;
    for (const [r, id] of await resolveCustomers(w, missing)) out.set(r, id);
  }
  return out;
}

/**
 * The customer an order row describes: the source's customer id, the email, and the billing name,
 * phone and country; `source` says where they came from (without a customer id, no source link does).
 */
function customerOfOrder(order: CleanRecord, source: string): CleanRecord {
  const customer: CleanRecord = emptyRecord();
  customer.source = source;
  if (order.customer_source_id !== undefined) customer.source_id = order.customer_source_id;
  if (order.customer_email !== undefined) customer.emails = [String(order.customer_email)];
  for (const field of ['first_name', 'last_name', 'phones', 'country']) {
    if (order[`customer_${field}`] !== undefined) customer[field] = order[`customer_${field}`];
  }
  return customer;
}

const statusWords: Record<string, (typeof orderStatuses)[number]> = {
  paid: 'paid',
  complete: 'fulfilled',
  completed: 'fulfilled',
  fulfilled: 'fulfilled',
  shipped: 'fulfilled',
  delivered: 'fulfilled',
  succeeded: 'paid',
  success: 'paid',
  pending: 'pending',
  authorized: 'pending',
  open: 'pending',
  processing: 'pending',
  unpaid: 'pending',
  refunded: 'refunded',
  partially_refunded: 'paid',
  'partially refunded': 'paid',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  voided: 'cancelled',
  failed: 'cancelled',
  declined: 'cancelled',
};

export interface OrderGroup {
  rows: CleanRow[];
}

/** Orders (one or several rows each, as one-row-per-line exports give them) with their lines. */
export async function writeOrders(w: WriteContext, groups: OrderGroup[]): Promise<void> {
  const { trx, ctx, source } = w;
  const heads = groups.map((g) => g.rows[0]);
  const customers = await resolveCustomers(w, heads, true);
  const existing = await findBySourceIds(
    trx,
    'orders',
    source,
    heads.map((h) => String(h.value.source_id)),
  );
  const { byRow: productIds, products: productRefs } = await ensureProducts(
    w,
    groups.flatMap((g) => g.rows),
  );
  const creates: { input: ApiRecord; sourceId: string }[] = [];
  const updates: { id: string; input: ApiRecord; group: OrderGroup }[] = [];
  for (const group of groups) {
    const head = group.rows[0];
    const customerId = customers.get(head);
    if (!customerId) {
      for (const r of group.rows.slice(1)) w.reject(r, 'the order this line belongs to was rejected', null);
      continue;
    }
    const first = (field: string) => group.rows.map((r) => r.value[field]).find((v) => v !== undefined);
    const orderedAt = first('ordered_at');
    if (!orderedAt) {
      for (const r of group.rows) w.reject(r, 'no order date', null);
      continue;
    }
    const lines = group.rows
      .filter((r) => r.value.product_sku !== undefined || r.value.product_name !== undefined || r.value.unit_price !== undefined)
      .map((r) => ({
        product_id: productIds.get(r) ?? null,
        sku: (r.value.product_sku as string) ?? null,
        product_name: (r.value.product_name as string) ?? null,
        quantity: (r.value.quantity as number) ?? 1,
        unit_price: (r.value.unit_price as number) ?? (group.rows.length === 1 ? (r.value.total as number) : 0) ?? 0,
      }));
    const status = first('status');
    const input: ApiRecord = {
      customer_id: customerId,
      ordered_at: orderedAt,
      status: status ? (statusWords[String(status).toLowerCase()] ?? 'paid') : 'paid',
      ...(first('currency') ? { currency: String(first('currency')).slice(0, 3) } : {}),
      ...(first('total') !== undefined ? { total: first('total') } : {}),
      ...(first('discount_code') ? { discount_code: String(first('discount_code')).slice(0, 255) } : {}),
      ...(first('payment_fingerprint') ? { payment_fingerprint: String(first('payment_fingerprint')).slice(0, 255) } : {}),
      ...(first('payment_card') ? { payment_card: String(first('payment_card')).slice(0, 255) } : {}),
      ...(lines.length ? { lines } : {}),
    };
    if (input.total === undefined && !lines.length) {
      for (const r of group.rows) w.reject(r, 'no total and no line prices', null);
      continue;
    }
    const id = existing.get(String(head.value.source_id));
    if (id) updates.push({ id, input, group });
    else creates.push({ input, sourceId: String(head.value.source_id) });
  }
  if (updates.length) {
    const current = await getRows(
      trx,
      { table: 'orders', label: 'order' } as never,
      updates.map((u) => u.id),
    );
    const changed: typeof updates = [];
    for (const u of updates) {
      const row = current.get(u.id)!;
      const total = u.input.total ?? Math.round(((u.input.lines as { quantity: number; unit_price: number }[]) ?? []).reduce((s, l) => s + l.quantity * l.unit_price, 0) * 100) / 100;
      const differs =
        row.customer_id !== u.input.customer_id || row.status !== u.input.status || Number(row.total) !== Number(total) || row.ordered_at !== new Date(String(u.input.ordered_at)).toISOString();
      if (differs) changed.push(u);
      else w.counts.unchanged++;
    }
    for (const u of changed) w.changes.record('orders', u.id, 'update', rowSnapshot(current.get(u.id)!));
    if (changed.length)
      await updateOrdersIn(
        trx,
        ctx,
        changed.map((u) => ({ id: u.id, patch: u.input })),
      );
    w.counts.updated += changed.length;
  }
  const created = await createOrdersBulk(w, creates, productRefs);
  for (const id of created) w.changes.record('orders', id, 'create');
  w.counts.created += created.length;
}

function rowSnapshot(row: Record<string, unknown>): ApiRecord {
  const { customer_id, ordered_at, status, currency, total } = row;
  return { customer_id, ordered_at, status, currency, total: Number(total) };
}

/** Products named by order lines, created when the catalogue does not know them yet: each row's product id, and the products. */
async function ensureProducts(w: WriteContext, rows: CleanRow[]): Promise<{ byRow: Map<CleanRow, string>; products: Map<string, ProductRef> }> {
  const skus = [...new Set(rows.flatMap((r) => (r.value.product_sku ? [String(r.value.product_sku)] : [])))];
  const names = [...new Set(rows.flatMap((r) => (!r.value.product_sku && r.value.product_name ? [String(r.value.product_name)] : [])))];
  const bySku = new Map<string, string>();
  const byName = new Map<string, string>();
  const products = new Map<string, ProductRef>();
  const known = (p: Record<string, unknown>) => products.set(p.id as string, { id: p.id as string, sku: (p.sku as string | null) ?? null, name: p.name as string });
  for (const [column, values, found] of [
    ['sku', skus, bySku],
    ['name', names, byName],
  ] as const) {
    for (let i = 0; i < values.length; i += 500) {
      for (const p of await w.trx
        .selectFrom('products')
        .select(['id', 'sku', 'name'])
        .where(column, 'in', values.slice(i, i + 500))
        .execute()) {
        found.set(p[column] as string, p.id as string);
        known(p);
      }
    }
  }
  const missing = new Map<string, ApiRecord>();
  for (const r of rows) {
    const sku = r.value.product_sku ? String(r.value.product_sku) : null;
    const name = r.value.product_name ? String(r.value.product_name) : null;
    if (sku && !bySku.has(sku)) missing.set(`s:${sku}`, { sku, name: name ?? sku, ...(r.value.unit_price !== undefined ? { price: r.value.unit_price } : {}) });
    else if (!sku && name && !byName.has(name)) missing.set(`n:${name}`, { name, ...(r.value.unit_price !== undefined ? { price: r.value.unit_price } : {}) });
  }
  if (missing.size) {
    const created = await productService.createIn(w.trx, w.ctx, [...missing.values()]);
    for (const p of created) {
      known(p);
      w.changes.record('products', p.id as string, 'create');
      if (p.sku) bySku.set(p.sku as string, p.id as string);
      else byName.set(p.name as string, p.id as string);
    }
  }
  const out = new Map<CleanRow, string>();
  for (const r of rows) {
    const id = r.value.product_sku ? bySku.get(String(r.value.product_sku)) : r.value.product_name ? byName.get(String(r.value.product_name)) : undefined;
    if (id) out.set(r, id);
  }
  return { byRow: out, products };
}

/** A stable id for rows without one, so that importing the same file twice adds nothing. */
function contentId(value: CleanRecord, fields: string[]): string {
  const parts = fields.map((k) => JSON.stringify(value[k] ?? null));
  return `sha1:${createHash('sha1').update(parts.join('\u0000')).digest('hex')}`;
}

/** The source id a customer row is known by: the file's own id, or one made from the row's content. */
export const customerSourceId = (value: CleanRecord): string => (value.source_id ? String(value.source_id) : rowSourceId(value));

const rowSourceId = (value: CleanRecord) => contentId(value, ['first_name', 'last_name', 'emails', 'phones', 'company', 'address', 'postcode', 'birthday']);
const interactionSourceId = (value: CleanRecord) => contentId(value, ['customer_source_id', 'customer_email', 'type', 'occurred_at', 'campaign', 'channel', 'subject', 'body']);

/** Interactions of a file, for customers found by the file's customer id or email; returns the customer of each row that has one. */
export async function writeInteractions(w: WriteContext, rows: CleanRow[]): Promise<Map<CleanRow, string>> {
  const { trx, ctx, source } = w;
  const customers = await resolveCustomers(w, rows);
  const ids = new Map(rows.map((r) => [r, r.value.source_id ? String(r.value.source_id) : interactionSourceId(r.value)]));
  const existing = await findBySourceIds(trx, 'interactions', source, ids.values());
  const seen = new Set<string>();
  const creates: { input: ApiRecord; sourceId: string }[] = [];
  for (const r of rows) {
    const customerId = customers.get(r);
    if (!customerId) continue;
    const sourceId = ids.get(r)!;
    if (existing.has(sourceId) || seen.has(sourceId)) {
      w.counts.unchanged++;
      continue;
    }
    seen.add(sourceId);
    const v = r.value;
    const type = (v.type as string) ?? (v.campaign || v.opened !== undefined || v.clicked !== undefined ? 'campaign' : 'note');
    const input: ApiRecord = { type, customer_id: customerId };
    for (const k of ['direction', 'occurred_at', 'subject', 'body', 'campaign', 'channel', 'opened', 'clicked', 'converted']) if (v[k] !== undefined) input[k] = v[k];
    if (type === 'campaign' && input.direction === undefined) input.direction = 'out';
    creates.push({ input, sourceId });
  }
  if (creates.length) {
    const created = await interactions.createIn(
      trx,
      ctx,
      creates.map((c) => c.input),
    );
    await attachSources(
      trx,
      'interactions',
      created.map((c, i) => ({ entityId: c.id as string, sources: [{ source, source_id: creates[i].sourceId }] })),
    );
    for (const c of created) w.changes.record('interactions', c.id as string, 'create');
    w.counts.created += created.length;
  }
  return customers;
}

/** Companies and products: identified by source id, then by name (companies) or SKU (products). */
export async function writeCatalogue(w: WriteContext, kind: 'companies' | 'products', rows: CleanRow[]): Promise<void> {
  const { trx, ctx, source } = w;
  const service = kind === 'companies' ? companies : productService;
  const writable = new Set(service.entity.fields.filter((f) => !f.readOnly).map((f) => f.name));
  const bySource = await findBySourceIds(
    trx,
    kind,
    source,
    rows.flatMap((r) => (r.value.source_id ? [String(r.value.source_id)] : [])),
  );
  const naturalKey = (v: CleanRecord) => (kind === 'companies' ? (v.name ? companyKey(String(v.name)) : null) : v.sku ? String(v.sku) : null);
  const keys = [...new Set(rows.map((r) => naturalKey(r.value)).filter((k): k is string => !!k))];
  const byKey = new Map<string, string>();
  for (let i = 0; i < keys.length; i += 500) {
    const column = kind === 'companies' ? 'name_key' : 'sku';
    for (const r of await trx
      .selectFrom(kind)
      .select(['id', column])
      .where(column, 'in', keys.slice(i, i + 500))
      .execute())
      byKey.set(r[column] as string, r.id as string);
  }
  const creates: { input: ApiRecord; sourceId: string | null }[] = [];
  const pending = new Set<string>();
  for (const r of rows) {
    const input: ApiRecord = {};
    for (const [k, v] of Object.entries(r.value)) if (writable.has(k) && v !== undefined) input[k] = v;
    if (kind === 'companies' && !input.name) input.name = input.domain;
    if (!input.name) {
      w.reject(r, 'no name', null);
      continue;
    }
    const sourceId = r.value.source_id ? String(r.value.source_id) : null;
    const key = naturalKey(r.value);
    const id = (sourceId && bySource.get(sourceId)) || (key && byKey.get(key));
    if (id) {
      // Read in the import's transaction: on SQLite a read outside it would wait for it to end.
      const row = await findRow(trx, service.entity, id);
      const before = row ? rowToRecord(service.entity.fields, row) : null;
      const patch = Object.fromEntries(Object.entries(input).filter(([k, v]) => before && !same(before[k], v)));
      if (Object.keys(patch).length === 0) w.counts.unchanged++;
      else {
        w.changes.record(kind, id, 'update', before);
        await service.updateIn(trx, ctx, [{ id, patch }]);
        w.counts.updated++;
      }
      if (sourceId && !bySource.has(sourceId)) {
        await attachSources(trx, kind, [{ entityId: id, sources: [{ source, source_id: sourceId }] }]);
        w.changes.record(kind, id, 'link', { source, source_id: sourceId });
      }
      continue;
    }
    if (key && pending.has(key)) {
      w.counts.merged++;
      continue;
    }
    if (key) pending.add(key);
    creates.push({ input, sourceId });
  }
  if (creates.length) {
    const created = await service.createIn(
      trx,
      ctx,
      creates.map((c) => c.input),
    );
    await attachSources(
      trx,
      kind,
      created.map((c, i) => ({ entityId: c.id as string, sources: creates[i].sourceId ? [{ source, source_id: creates[i].sourceId! }] : [] })),
    );
    for (const c of created) w.changes.record(kind, c.id as string, 'create');
    w.counts.created += created.length;
  }
}
