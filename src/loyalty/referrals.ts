/**
 * Referrals: each customer has a code (and a link to the public `/r/{code}` page); a new customer who
 * arrives with one (lead form, API, an imported order's discount code) is attributed to its owner, and
 * both are rewarded after the new customer's first paid order. Self-referral (same email, phone,
 * address, or an order paid with the referrer's card or account) and loops (A refers B, B refers A)
 * are refused.
 */
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../core/context.js';
import type { Db } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { newId } from '../core/ids.js';
import { rowToRecord, type ApiRecord } from '../records/codec.js';
import { countedOrderStatuses, customerEntity } from '../schema/entities.js';

export const referralChannels = ['form', 'api', 'import', 'manual'] as const;
export type ReferralChannel = (typeof referralChannels)[number];

const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ'; // no 0/O, 1/I/L: codes are read aloud and typed
const codeLength = 8;

/** A referral code as people type it: upper case, without spaces or dashes. */
export const normaliseCode = (code: string): string =>
  code
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '');
export const looksLikeCode = (code: string): boolean => new RegExp(`^[${codeAlphabet}]{${codeLength}}$`).test(normaliseCode(code));

function randomCode(): string {
  const bytes = randomBytes(codeLength);
  let out = '';
  for (const b of bytes) out += codeAlphabet[b % codeAlphabet.length];
  return out;
}

/** The customer's referral code, made on first use. */
export async function referralCodeFor(trx: Db, customerId: string): Promise<string> {
  const existing = await trx.selectFrom('referral_codes').select('code').where('customer_id', '=', customerId).executeTakeFirst();
  if (existing) return existing.code as string;
  for (;;) {
    const code = randomCode();
    const taken = await trx.selectFrom('referral_codes').select('code').where('code', '=', code).executeTakeFirst();
    if (taken) continue;
    await trx.insertInto('referral_codes').values({ code, customer_id: customerId, created_at: new Date().toISOString() }).execute();
    return code;
  }
}

/** The owner of a referral code, if any. */
export async function referrerOf(db: Db, code: string): Promise<string | undefined> {
  const row = await db.selectFrom('referral_codes').select('customer_id').where('code', '=', normaliseCode(code)).executeTakeFirst();
  return (row?.customer_id as string | undefined) ?? undefined;
}

export interface Attribution {
  attributed: boolean;
  /** Why not, when not attributed. */
  reason: string | null;
  referral_id: string | null;
  referrer_id: string | null;
}

const refused = (reason: string, referrerId: string | null = null): Attribution => ({ attributed: false, reason, referral_id: null, referrer_id: referrerId });

const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : '');
function identities(c: ApiRecord): Set<string> {
  const out = new Set<string>();
  for (const e of [c.email, ...((c.emails as string[] | undefined) ?? [])]) if (lower(e)) out.add(`email:${lower(e)}`);
  for (const p of (c.phones as { e164: string | null; raw: string }[] | undefined) ?? []) {
    const key = p.e164 ?? p.raw.replace(/\D/g, '');
    if (key.length >= 6) out.add(`phone:${key}`);
  }
  if (typeof c.phone === 'string' && c.phone.replace(/\D/g, '').length >= 6) out.add(`phone:${c.phone.startsWith('+') ? c.phone : c.phone.replace(/\D/g, '')}`);
  const address = lower(c.address)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (address) out.add(`address:${address}|${lower(c.postcode).replace(/\s+/g, '')}`);
  return out;
}

/** Whether two customers share an email, a phone or a postal address: one person under two records. */
export function samePerson(a: ApiRecord, b: ApiRecord): string | null {
  const mine = identities(a);
  for (const key of identities(b)) if (mine.has(key)) return key.slice(0, key.indexOf(':'));
  return null;
}

/** A card as "brand last4" (any spelling: "Visa •••• 4242", "VISA 4242"), or null without both. */
export function cardKey(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const digits = value.replace(/\D/g, '');
  const brand = value.toLowerCase().replace(/[^a-z]/g, '');
  return digits.length >= 4 && brand ? `${brand} ${digits.slice(-4)}` : null;
}

/** The payment identities customers' orders were paid with: provider fingerprints and cards. */
export async function paymentIdentities(db: Db, customerIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>(customerIds.map((id) => [id, new Set<string>()]));
  if (customerIds.length === 0) return out;
  const rows = await db
    .selectFrom('orders')
    .select(['customer_id', 'payment_fingerprint', 'payment_card'])
    .where('customer_id', 'in', [...customerIds])
    .where((eb) => eb.or([eb('payment_fingerprint', 'is not', null), eb('payment_card', 'is not', null)]))
    .execute();
  for (const r of rows) {
    const set = out.get(r.customer_id as string)!;
    const fingerprint = typeof r.payment_fingerprint === 'string' ? r.payment_fingerprint.trim() : '';
    if (fingerprint) set.add(`payment fingerprint:${fingerprint}`);
    const card = cardKey(r.payment_card);
    if (card) set.add(`card:${card}`);
  }
  return out;
}

/** Whether the referred customer paid with a card or account the referrer paid with: its kind, or null. */
export async function sharedPayment(db: Db, referredId: string, referrerId: string): Promise<string | null> {
  const ids = await paymentIdentities(db, [referredId, referrerId]);
  const theirs = ids.get(referrerId)!;
  for (const key of ids.get(referredId)!) if (theirs.has(key)) return key.slice(0, key.indexOf(':'));
  return null;
}

/** Whether `customerId` is up the chain of referrers of `referrerId` (which would close a loop). */
async function inReferrerChain(trx: Db, referrerId: string, customerId: string): Promise<boolean> {
  let current = referrerId;
  for (let depth = 0; depth < 100; depth++) {
    const row = await trx.selectFrom('referrals').select('referrer_id').where('referred_id', '=', current).executeTakeFirst();
    if (!row) return false;
    current = row.referrer_id as string;
    if (current === customerId) return true;
  }
  return true;
}

/**
 * Attributes a customer to the owner of a referral code, in the caller's transaction, with the
 * reason when it is refused: unknown code, the customer's own code or the same person under another
 * record, a loop, an earlier attribution, or a customer who had bought before (`orderId`: the order
 * that brought the code, which does not count as an earlier purchase).
 */
export async function tryAttributeReferral(trx: Db, ctx: Pick<Ctx, 'actor'>, customerId: string, code: string, options: { channel?: ReferralChannel; orderId?: string } = {}): Promise<Attribution> {
  const normal = normaliseCode(code);
  const referrerId = normal ? await referrerOf(trx, normal) : undefined;
  if (!referrerId) return refused('unknown referral code');
  if (referrerId === customerId) return refused('a customer cannot use their own referral code', referrerId);
  const people = new Map((await trx.selectFrom(customerEntity.table).selectAll().where('id', 'in', [customerId, referrerId]).execute()).map((r) => [r.id as string, r]));
  if (!people.get(customerId)) return refused('no such customer', referrerId);
  if (!people.get(referrerId)) return refused('the code belongs to no customer', referrerId);
  const same = samePerson(rowToRecord(customerEntity.fields, people.get(customerId)!), rowToRecord(customerEntity.fields, people.get(referrerId)!));
  if (same) return refused(`self-referral: the customer and the referrer share a ${same}`, referrerId);
  const paidLike = await sharedPayment(trx, customerId, referrerId);
  if (paidLike) return refused(`self-referral: the customer paid with the referrer's ${paidLike === 'card' ? 'card' : 'card or account (same payment fingerprint)'}`, referrerId);
  if (await trx.selectFrom('referrals').select('id').where('referred_id', '=', customerId).executeTakeFirst()) return refused('the customer was referred already', referrerId);
  if (await inReferrerChain(trx, referrerId, customerId)) return refused('a referral loop: the customer referred the referrer', referrerId);
  let earlier = trx
    .selectFrom('orders')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('status', 'in', [...countedOrderStatuses]);
  if (options.orderId) earlier = earlier.where('id', '!=', options.orderId);
  if (await earlier.limit(1).executeTakeFirst()) return refused('not a new customer: they have ordered before', referrerId);
  const id = newId('referral');
  const channel = options.channel ?? 'api';
  await trx
    .insertInto('referrals')
    .values({ id, referrer_id: referrerId, referred_id: customerId, code: normal, channel, status: 'attributed', order_id: null, attributed_at: new Date().toISOString(), rewarded_at: null })
    .execute();
  await appendEvents(trx, ctx.actor, [{ type: 'referral.attributed', entity: 'customer', entityId: customerId, data: { referral_id: id, referrer_id: referrerId, channel } }]);
  return { attributed: true, reason: null, referral_id: id, referrer_id: referrerId };
}

/**
 * The lead form's call: attributes `customerId` to the owner of `code` in the caller's transaction.
 * Returns whether it was attributed (self-referral, loops, unknown codes and repeat customers are not).
 */
export async function attributeReferral(trx: Db, ctx: Pick<Ctx, 'actor'>, customerId: string, code: string): Promise<boolean> {
  return (await tryAttributeReferral(trx, ctx, customerId, code, { channel: 'form' })).attributed;
}
