/**
 * Reading tickets: the inbox list (filters, "what matters first" order, keyset cursor pagination over
 * an index), one ticket with its conversation and the customer's value beside it (stage, CLV, churn
 * risk, open deals, recent orders, previous tickets), and the service report.
 */
import type { Db } from '../core/database.js';
import { readRows, toNumber } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { getSlaSettings } from './sla.js';
import { getTicketRow, messagesOf, ticketFromRow, ticketReference, type Ticket, type TicketMessage } from './service.js';

export interface TicketListParams {
  status?: string[];
  kind?: string[];
  priority?: string[];
  channel?: string[];
  customer_id?: string;
  tag?: string;
  q?: string;
  /** `attention` (default): breaching soonest first, complaints and high-value customers ahead; `newest`; `updated`. */
  sort?: 'attention' | 'newest' | 'updated';
  breached?: boolean;
  limit?: number;
  cursor?: string;
}

export type TicketListItem = Ticket & {
  customer: { id: string; name: string; email: string | null; clv: number | null; churn_risk: number | null } | null;
  /** The due time still pending: first response until there is one, then resolution. */
  due_at: string | null;
  due_in_minutes: number | null;
  breached: boolean;
};

const sorts = {
  attention: { column: 'attention_at', desc: false },
  newest: { column: 'created_at', desc: true },
  updated: { column: 'last_message_at', desc: true },
} as const;

const encodeCursor = (value: string, id: string) => Buffer.from(JSON.stringify([value, id])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through
  }
  throw invalid('the cursor is not one this list handed out', { cursor: ['invalid cursor'] });
}

const activeStatuses = ['new', 'open', 'waiting', 'snoozed'];

function withDue<T extends Ticket>(t: T, now = Date.now()) {
  const active = activeStatuses.includes(t.status);
  const due = !active ? null : !t.first_response_at ? t.first_response_due_at : t.resolution_due_at;
  const dueMs = due ? Date.parse(due) : null;
  return { ...t, due_at: due, due_in_minutes: dueMs === null ? null : Math.round((dueMs - now) / 60_000), breached: dueMs !== null && dueMs < now };
}

export async function listTickets(db: Db, params: TicketListParams): Promise<{ data: TicketListItem[]; next_cursor: string | null }> {
  const sort = sorts[params.sort ?? 'attention'];
  const limit = Math.min(Math.max(params.limit ?? 50, 1), 200);
  let q = db
    .selectFrom('tickets as t')
    .leftJoin('customers as c', 'c.id', 't.customer_id')
    .selectAll('t')
    .select(['c.first_name as c_first_name', 'c.last_name as c_last_name', 'c.email as c_email', 'c.clv as c_clv', 'c.churn_risk as c_churn_risk']);
  if (params.status?.length) q = q.where('t.status', 'in', params.status);
  if (params.kind?.length) q = q.where('t.kind', 'in', params.kind);
  if (params.priority?.length) q = q.where('t.priority', 'in', params.priority);
  if (params.channel?.length) q = q.where('t.channel', 'in', params.channel);
  if (params.customer_id) q = q.where('t.customer_id', '=', params.customer_id);
  if (params.tag) q = q.where('t.tags', 'like', `%${JSON.stringify(params.tag.toLowerCase()).replace(/[%_\\]/g, '\\$&')}%`);
  if (params.q) {
    const term = params.q.trim();
    const number = /^#?T-?(\d{1,9})$/i.exec(term);
    if (number) q = q.where('t.number', '=', Number(number[1]));
    else q = q.where('t.subject', 'like', `%${term.replace(/[%_\\]/g, '\\$&')}%`);
  }
  if (params.breached) {
    const now = new Date().toISOString();
    q = q
      .where('t.status', 'in', activeStatuses)
      .where((eb) =>
        eb.or([eb.and([eb('t.first_response_at', 'is', null), eb('t.first_response_due_at', '<', now)]), eb.and([eb('t.first_response_at', 'is not', null), eb('t.resolution_due_at', '<', now)])]),
      );
  }
  const column = `t.${sort.column}` as const;
  if (params.cursor) {
    const [value, id] = decodeCursor(params.cursor);
    // A row-value comparison, so every engine seeks straight to the cursor in the (column, id) index.
    q = q.where((eb) => eb(eb.refTuple(column, 't.id'), sort.desc ? '<' : '>', eb.tuple(value, id)));
  }
  q = q
    .orderBy(column, sort.desc ? 'desc' : 'asc')
    .orderBy('t.id', sort.desc ? 'desc' : 'asc')
    .limit(limit + 1);
  const rows = await readRows<Record<string, unknown>>(db, q);
  const page = rows.slice(0, limit);
  const now = Date.now();
  const data = page.map((r) => {
    const t = ticketFromRow(r);
    const name = [r.c_first_name, r.c_last_name].filter(Boolean).join(' ');
    return {
      ...withDue(t, now),
      customer: t.customer_id
        ? { id: t.customer_id, name: name || ((r.c_email as string) ?? ''), email: (r.c_email as string) ?? null, clv: toNumber(r.c_clv), churn_risk: toNumber(r.c_churn_risk) }
        : null,
    };
  });
  const last = page[page.length - 1];
  return { data, next_cursor: rows.length > limit && last ? encodeCursor(last[sort.column] as string, last.id as string) : null };
}

export interface TicketDetail {
  ticket: TicketListItem;
  messages: TicketMessage[];
  customer_context: {
    customer: {
      id: string;
      name: string;
      email: string | null;
      stage: string | null;
      clv: number | null;
      churn_risk: number | null;
      p_alive: number | null;
      high_value: boolean;
      at_risk: boolean;
    } | null;
    open_deals: { id: string; title: string; value: number | null; currency: string | null; stage_id: string }[];
    recent_orders: { id: string; ordered_at: string; status: string; total: number; currency: string }[];
    previous_tickets: { id: string; reference: string; subject: string; status: string; created_at: string }[];
  };
}

export async function ticketDetail(db: Db, id: string): Promise<TicketDetail> {
  const t = await getTicketRow(db, id);
  const messages = await messagesOf(db, id);
  const rule = (await getSlaSettings(db)).raise_priority;
  let customer: TicketDetail['customer_context']['customer'] = null;
  let openDeals: TicketDetail['customer_context']['open_deals'] = [];
  let orders: TicketDetail['customer_context']['recent_orders'] = [];
  let previous: TicketDetail['customer_context']['previous_tickets'] = [];
  if (t.customer_id) {
    const c = await db.selectFrom('customers').selectAll().where('id', '=', t.customer_id).executeTakeFirst();
    if (c) {
      const clv = toNumber(c.clv);
      const risk = toNumber(c.churn_risk);
      customer = {
        id: c.id as string,
        name: [c.first_name, c.last_name].filter(Boolean).join(' ') || ((c.email as string) ?? ''),
        email: (c.email as string) ?? null,
        stage: (c.stage as string) ?? null,
        clv,
        churn_risk: risk,
        p_alive: toNumber(c.p_alive),
        high_value: clv !== null && clv >= rule.min_clv,
        at_risk: risk !== null && risk >= rule.min_churn_risk,
      };
    }
    openDeals = (
      await db
        .selectFrom('deals')
        .select(['id', 'title', 'value', 'currency', 'stage_id'])
        .where('customer_id', '=', t.customer_id)
        .where('status', '=', 'open')
        .orderBy('created_at', 'desc')
        .limit(10)
        .execute()
    ).map((d) => ({ id: d.id as string, title: d.title as string, value: toNumber(d.value), currency: (d.currency as string) ?? null, stage_id: d.stage_id as string }));
    orders = (await db.selectFrom('orders').select(['id', 'ordered_at', 'status', 'total', 'currency']).where('customer_id', '=', t.customer_id).orderBy('ordered_at', 'desc').limit(5).execute()).map(
      (o) => ({
        id: o.id as string,
        ordered_at: o.ordered_at as string,
        status: o.status as string,
        total: toNumber(o.total) ?? 0,
        currency: o.currency as string,
      }),
    );
    previous = (
      await db
        .selectFrom('tickets')
        .select(['id', 'number', 'subject', 'status', 'created_at'])
        .where('customer_id', '=', t.customer_id)
        .where('id', '!=', id)
        .orderBy('created_at', 'desc')
        .limit(10)
        .execute()
    ).map((p) => ({ id: p.id as string, reference: ticketReference(Number(p.number)), subject: p.subject as string, status: p.status as string, created_at: p.created_at as string }));
  }
  const item = { ...withDue(t), customer: customer ? { id: customer.id, name: customer.name, email: customer.email, clv: customer.clv, churn_risk: customer.churn_risk } : null };
  return { ticket: item, messages, customer_context: { customer, open_deals: openDeals, recent_orders: orders, previous_tickets: previous } };
}

const median = (values: number[]) => {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The service report over tickets created in [from, to): counts by status and kind, median first
 * response and resolution times (calendar minutes), the share answered and resolved within their SLA,
 * and when CSAT answers exist, churn risk and CLV of the customers per CSAT band.
 */
export async function serviceReport(db: Db, range: { from: string; to: string }) {
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'kind', 'status', 'channel', 'created_at', 'first_response_at', 'first_response_due_at', 'resolved_at', 'resolution_due_at', 'customer_id'])
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .execute();
  const minutes = (a: unknown, b: unknown) => (Date.parse(b as string) - Date.parse(a as string)) / 60_000;
  const responded = rows.filter((r) => r.first_response_at);
  const resolved = rows.filter((r) => r.resolved_at);
  const count = (key: 'status' | 'kind' | 'channel') => rows.reduce<Record<string, number>>((acc, r) => ((acc[r[key] as string] = (acc[r[key] as string] ?? 0) + 1), acc), {});
  // Churn and CLV of customers by their mean CSAT score (survey answers of the period's tickets' customers).
  const answers = await db
    .selectFrom('survey_responses as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select(['s.customer_id as customer_id', 's.score as score', 'c.churn_risk as churn_risk', 'c.clv as clv'])
    .where('s.kind', '=', 'csat')
    .where('s.answered_at', '>=', range.from)
    .where('s.answered_at', '<', range.to)
    .execute();
  const byCustomer = new Map<string, { scores: number[]; churn: number | null; clv: number | null }>();
  for (const a of answers) {
    const e = byCustomer.get(a.customer_id as string) ?? { scores: [], churn: toNumber(a.churn_risk), clv: toNumber(a.clv) };
    e.scores.push(Number(a.score));
    byCustomer.set(a.customer_id as string, e);
  }
  const bands: Record<string, { churn: number[]; clv: number[]; n: number }> = {
    'low (1-2)': { churn: [], clv: [], n: 0 },
    'neutral (3)': { churn: [], clv: [], n: 0 },
    'high (4-5)': { churn: [], clv: [], n: 0 },
  };
  for (const e of byCustomer.values()) {
    const mean = e.scores.reduce((a, b) => a + b, 0) / e.scores.length;
    const band = mean < 2.5 ? 'low (1-2)' : mean < 3.5 ? 'neutral (3)' : 'high (4-5)';
    bands[band].n++;
    if (e.churn !== null) bands[band].churn.push(e.churn);
    if (e.clv !== null) bands[band].clv.push(e.clv);
  }
  const avg = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);
  const csatBands = byCustomer.size ? Object.entries(bands).map(([band, b]) => ({ band, customers: b.n, mean_churn_risk: avg(b.churn), mean_clv: avg(b.clv) })) : [];
  return {
    from: range.from,
    to: range.to,
    tickets: rows.length,
    by_status: count('status'),
    by_kind: count('kind'),
    by_channel: count('channel'),
    median_first_response_minutes: median(responded.map((r) => minutes(r.created_at, r.first_response_at))),
    median_resolution_minutes: median(resolved.map((r) => minutes(r.created_at, r.resolved_at))),
    first_response_within_sla: responded.length
      ? responded.filter((r) => !r.first_response_due_at || (r.first_response_at as string) <= (r.first_response_due_at as string)).length / responded.length
      : null,
    resolved_within_sla: resolved.length ? resolved.filter((r) => !r.resolution_due_at || (r.resolved_at as string) <= (r.resolution_due_at as string)).length / resolved.length : null,
    csat_bands: csatBands,
  };
}
