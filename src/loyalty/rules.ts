/**
 * Earn rules: points per unit of business currency on paid orders, a fixed number on sign-up, on any
 * domain event by type (a feedback answer, ...), and for each side of a successful referral. Each rule
 * has an optional start and end and an optional cap (points per customer from that rule).
 */
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Db } from '../core/database.js';
import type { ReadAlong } from '../core/events.js';
import { toBool, toNumber } from '../core/database.js';
import { renewStamp } from '../core/schema-stamp.js';
import { writeRead } from '../core/write-reads.js';
import { invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { dateTimeInput } from '../schema/fields.js';
import { issuesToFields } from '../records/validation.js';

const ruleKinds = ['order', 'signup', 'event', 'referrer', 'referred'] as const;
type RuleKind = (typeof ruleKinds)[number];

export const ruleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ruleKinds).openapi({
      description:
        "order: points per unit of business currency of a paid order; signup: once per new customer; event: once per event of `event_type` about a customer; referrer / referred: each side of a referral, after the referred customer's first paid order",
    }),
    event_type: z.string().nullable().openapi({ description: 'For event rules: the domain event type that earns points (it need not exist yet)' }),
    points: z.number().openapi({ description: 'Points per unit of currency (order rules, fractions allowed; points are rounded down per order), else points per occurrence' }),
    starts_at: z.string().nullable(),
    ends_at: z.string().nullable(),
    cap: z.number().int().nullable().openapi({ description: 'Most points one customer can earn from this rule; null: no cap' }),
    active: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('LoyaltyRule');
export type Rule = z.infer<typeof ruleSchema>;

const eventTypePattern = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;
const ruleFields = {
  name: z.string().trim().min(1).max(255),
  kind: z.enum(ruleKinds),
  event_type: z.string().trim().max(100).regex(eventTypePattern, 'must look like entity.action, e.g. feedback.answered').nullable().optional(),
  points: z.number().finite().positive().max(1e6),
  starts_at: dateTimeInput.nullable().optional(),
  ends_at: dateTimeInput.nullable().optional(),
  cap: z.number().int().positive().max(1e12).nullable().optional(),
  active: z.boolean().optional(),
};
export const ruleCreateInput = z.object(ruleFields).strict().openapi('LoyaltyRuleCreate');
export const ruleUpdateInput = z.object(ruleFields).partial().strict().openapi('LoyaltyRuleUpdate');

function toRule(r: Record<string, unknown>): Rule {
  return {
    id: r.id as string,
    name: r.name as string,
    kind: r.kind as RuleKind,
    event_type: (r.event_type as string | null) ?? null,
    points: toNumber(r.points) ?? 0,
    starts_at: (r.starts_at as string | null) ?? null,
    ends_at: (r.ends_at as string | null) ?? null,
    cap: r.cap === null || r.cap === undefined ? null : Number(r.cap),
    active: toBool(r.active) ?? false,
    created_at: r.created_at as string,
    updated_at: r.updated_at as string,
  };
}

function checkRule(rule: Omit<Rule, 'id' | 'created_at' | 'updated_at'>): void {
  if (rule.kind === 'event' && !rule.event_type) throw invalid('an event rule needs an event type', { event_type: ['required for event rules'] });
  if (rule.kind !== 'event' && rule.event_type) throw invalid('only event rules have an event type', { event_type: ['only for event rules'] });
  if (rule.kind !== 'order' && !Number.isInteger(rule.points)) throw invalid('points must be a whole number', { points: ['whole points per occurrence'] });
  if (rule.starts_at && rule.ends_at && rule.ends_at <= rule.starts_at) throw invalid('the rule ends before it starts', { ends_at: ['must be after starts_at'] });
}

function parse<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid('invalid loyalty rule', issuesToFields(result.error.issues));
  return result.data;
}

export async function listRules(db: Db): Promise<Rule[]> {
  return (await db.selectFrom('loyalty_rules').selectAll().orderBy('created_at').orderBy('id').execute()).map(toRule);
}

async function getRule(db: Db, id: string): Promise<Rule> {
  const row = await db.selectFrom('loyalty_rules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('loyalty rule', id);
  return toRule(row);
}

export async function createRule(db: Db, input: unknown): Promise<Rule> {
  const data = parse(ruleCreateInput, input);
  const now = new Date().toISOString();
  const rule: Rule = {
    id: newId('loyaltyRule'),
    name: data.name,
    kind: data.kind,
    event_type: data.event_type ?? null,
    points: data.points,
    starts_at: data.starts_at ?? null,
    ends_at: data.ends_at ?? null,
    cap: data.cap ?? null,
    active: data.active ?? true,
    created_at: now,
    updated_at: now,
  };
  checkRule(rule);
  await changingRules(db, (trx) =>
    trx
      .insertInto('loyalty_rules')
      .values({ ...rule, active: rule.active ? 1 : 0 })
      .execute(),
  );
  return rule;
}

export async function updateRule(db: Db, id: string, input: unknown): Promise<Rule> {
  const patch = parse(ruleUpdateInput, input);
  const rule = { ...(await getRule(db, id)), ...patch, updated_at: new Date().toISOString() } as Rule;
  checkRule(rule);
  const { id: _id, created_at: _c, ...set } = rule;
  await changingRules(db, (trx) =>
    trx
      .updateTable('loyalty_rules')
      .set({ ...set, active: set.active ? 1 : 0 })
      .where('id', '=', id)
      .execute(),
  );
  return rule;
}

/** Deleting a rule stops it; the points it gave stay in the ledger. */
export async function deleteRule(db: Db, id: string): Promise<void> {
  await getRule(db, id);
  await changingRules(db, (trx) => trx.deleteFrom('loyalty_rules').where('id', '=', id).execute());
}

/** Runs a change of the rules and gives the rules a new stamp, both in one transaction. */
async function changingRules(db: Db, change: (trx: Db) => Promise<unknown>): Promise<void> {
  const run = async (trx: Db) => {
    await change(trx);
    await renewStamp(trx, 'loyalty_rules_stamp');
  };
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
}

/**
 * The one read each write makes, the same text on every engine. The loyalty subscriber declares it:
 * a write that reads its per-transaction values (the schema's stamp, src/core/write-reads.ts) reads it
 * in the same statement, else the statement that stores the write's events returns it where the
 * engine allows (see `Subscription.read`), else it is read here with the other per-write reads.
 */
export const rulesStampRead = 'SELECT stamp FROM loyalty_rules_stamp WHERE id = 1';

/** The active rules this process read last, under the stamp they had then. */
let lastRead: { stamp: string; rules: Rule[] } | null = null;

/**
 * The active rules, for a batch of events. Inside the writing transaction this reads the rules'
 * stamp (one primary-key row) and reads the rules themselves only when the stamp is not the one
 * they were last read under: every rule change, in any process, gives a new stamp in its own
 * transaction, so rules kept under a stamp are exactly the rules of that stamp. The rules and their
 * stamp are read in one statement, so they are of the same moment on every engine. `stamp` is the
 * stamp as a statement of this transaction read it already, else it is read here.
 */
export async function activeRules(db: Db, stamp?: ReadAlong): Promise<Rule[]> {
  const value = stamp ? stamp.value : await writeRead(db, rulesStampRead);
  const row = typeof value === 'string' ? { stamp: value } : undefined;
  const kept = lastRead;
  if (row && kept && kept.stamp === row.stamp) return kept.rules;
  const rows = await db
    .selectFrom('loyalty_rules_stamp as s')
    .leftJoin('loyalty_rules as r', (join) => join.on('r.active', '=', 1))
    .select('s.stamp as rules_stamp')
    .selectAll('r')
    .where('s.id', '=', 1)
    .execute();
  // No stamp row (a backup restored from before stamps): the rules are read every time.
  if (rows.length === 0) return (await db.selectFrom('loyalty_rules').selectAll().where('active', '=', 1).execute()).map(toRule);
  const rules = rows.filter((r) => r.id !== null && r.id !== undefined).map(toRule);
  lastRead = { stamp: rows[0].rules_stamp as string, rules };
  return rules;
}

export const ruleApplies = (rule: Rule, at: string): boolean => (!rule.starts_at || at >= rule.starts_at) && (!rule.ends_at || at < rule.ends_at);

/** Points each (rule, customer) pair has given so far, for the capped rules among `rules`. */
export async function pointsFromRules(db: Db, rules: readonly Rule[], customerIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const capped = new Set(rules.filter((r) => r.cap !== null).map((r) => r.id));
  if (capped.size === 0 || customerIds.length === 0) return out;
  const ids = [...new Set(customerIds)];
  // Read through the customer index (a customer's entries are few), not the rule index, which
  // holds every entry a rule ever gave: the rules are filtered here rather than in the query.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('loyalty_entries')
      .select(['rule_id', 'customer_id', sql<number>`sum(points)`.as('points')])
      .where('customer_id', 'in', ids.slice(i, i + 500))
      .groupBy(['customer_id', 'rule_id'])
      .execute();
    for (const r of rows) if (capped.has(r.rule_id as string)) out.set(`${r.rule_id}\u0000${r.customer_id}`, toNumber(r.points) ?? 0);
  }
  return out;
}

/**
 * Keeps each rule's cap: the points a rule may still give a customer, and records what it gave.
 * `used` is the map from `pointsFromRules`, updated as credits are planned within one batch.
 */
export function capped(rule: Rule, customerId: string, points: number, used: Map<string, number>): number {
  if (points <= 0) return 0;
  if (rule.cap === null) return points;
  const key = `${rule.id}\u0000${customerId}`;
  const so_far = used.get(key) ?? 0;
  const give = Math.max(0, Math.min(points, rule.cap - so_far));
  used.set(key, so_far + give);
  return give;
}

/** Points an order rule gives for an order total: rounded down, never negative. */
export const orderPoints = (rule: Rule, total: number): number => Math.max(0, Math.floor(total * rule.points + 1e-9));
