/**
 * Sender identities (`/api/senders`): name, address, reply-to, the sending domain with a DKIM key pair
 * Rapport generates (RSA 2048, the private key sealed at rest), the DNS records to publish, and the
 * sender's rate limits. One sender is the default for mail queued without one.
 */
import { generateKeyPairSync } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import { z } from '@hono/zod-openapi';
import { toBool, type Db } from '../core/database.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { issuesToFields } from '../records/validation.js';
import { checkRecord, dnsRecords, type RecordCheck } from './dns-records.js';
import { domainOf, hasLineBreak } from './headers.js';
import { bulkSenderThreshold, defaultRateLimits } from './rate-limit.js';
import { seal, unseal } from './sealed.js';

const keyPurpose = 'dkim private key';

const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !hasLineBreak(v), { message: 'must be one line (no CR or LF)' });
const limit = z.number().int().min(0).max(1_000_000).nullable().openapi({ description: '0: no limit; null: the default' });

export const senderInput = z
  .object({
    name: oneLine(120).min(1),
    address: z.email({ message: 'not an email address' }).max(254),
    reply_to: z.email({ message: 'not an email address' }).max(254).nullable().optional(),
    is_default: z.boolean().optional(),
    dkim_selector: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/i, { message: 'letters, digits and hyphens (a DNS label)' })
      .optional(),
    per_second: limit.optional(),
    per_hour: limit.optional(),
    per_day: limit.optional(),
  })
  .strict()
  .openapi('SenderInput');
export const senderPatch = senderInput.omit({ address: true, dkim_selector: true }).partial().strict().openapi('SenderPatch');

const dnsRecordSchema = z.object({ kind: z.enum(['dkim', 'spf', 'dmarc']), type: z.literal('TXT'), name: z.string(), value: z.string() }).openapi('DnsRecord');
export const senderSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    address: z.string(),
    reply_to: z.string().nullable(),
    domain: z.string(),
    is_default: z.boolean(),
    dkim_selector: z.string(),
    per_second: z.number().int(),
    per_hour: z.number().int(),
    per_day: z.number().int(),
    dns_records: z.array(dnsRecordSchema).openapi({ description: 'TXT records to publish at the domain (DKIM key, SPF, DMARC)' }),
    warnings: z.array(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Sender');
export const recordCheckSchema = dnsRecordSchema.extend({ status: z.enum(['ok', 'missing', 'different', 'error']), published: z.array(z.string()), detail: z.string() }).openapi('DnsRecordCheck');

export type Sender = z.infer<typeof senderSchema>;

const pick = (v: unknown, d: number) => (v === null || v === undefined ? d : Number(v));

function toSender(r: Record<string, unknown>): Sender {
  const perDay = pick(r.per_day, defaultRateLimits.per_day);
  const warnings: string[] = [];
  if (perDay === 0 || perDay >= bulkSenderThreshold)
    warnings.push(
      `Up to ${perDay === 0 ? 'unlimited' : perDay} messages a day: from ${bulkSenderThreshold.toLocaleString('en')} a day Gmail treats you as a bulk sender (SPF, DKIM and DMARC aligned, one-click unsubscribe, spam rate under 0.3%).`,
    );
  return {
    id: r.id as string,
    name: r.name as string,
    address: r.address as string,
    reply_to: (r.reply_to as string | null) ?? null,
    domain: r.domain as string,
    is_default: toBool(r.is_default) === true,
    dkim_selector: r.dkim_selector as string,
    per_second: pick(r.per_second, defaultRateLimits.per_second),
    per_hour: pick(r.per_hour, defaultRateLimits.per_hour),
    per_day: perDay,
    dns_records: dnsRecords(r.domain as string, r.dkim_selector as string, r.dkim_public_key as string),
    warnings,
    created_at: r.created_at as string,
    updated_at: r.updated_at as string,
  };
}

function parse<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid('invalid sender', issuesToFields(parsed.error.issues));
  return parsed.data;
}

/** A new RSA 2048 key pair for DKIM, as PEM. */
export function generateDkimKeys(): { publicKey: string; privateKey: string } {
  return generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
}

async function clearDefault(trx: Db, except: string) {
  await trx.updateTable('mail_senders').set({ is_default: 0 }).where('id', '!=', except).execute();
}

export async function createSender(trx: Db, input: unknown): Promise<Sender> {
  const s = parse(senderInput, input);
  const address = s.address.toLowerCase();
  if (await trx.selectFrom('mail_senders').select('id').where('address', '=', address).executeTakeFirst()) throw conflict(`a sender with address ${address} exists`, { address: ['already a sender'] });
  const first = !(await trx.selectFrom('mail_senders').select('id').limit(1).executeTakeFirst());
  const keys = generateDkimKeys();
  const now = new Date().toISOString();
  const row = {
    id: newId('mailSender'),
    name: s.name,
    address,
    reply_to: s.reply_to ?? null,
    domain: domainOf(address),
    is_default: (s.is_default ?? first) ? 1 : 0,
    dkim_selector: s.dkim_selector?.toLowerCase() ?? `rapport${now.slice(0, 7).replace('-', '')}`,
    dkim_public_key: keys.publicKey,
    dkim_private_key: await seal(trx, keyPurpose, keys.privateKey),
    per_second: s.per_second ?? null,
    per_hour: s.per_hour ?? null,
    per_day: s.per_day ?? null,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('mail_senders').values(row).execute();
  if (row.is_default) await clearDefault(trx, row.id);
  return toSender(row);
}

export async function listSenders(db: Db): Promise<Sender[]> {
  return (await db.selectFrom('mail_senders').selectAll().orderBy('created_at').execute()).map(toSender);
}

async function senderRow(db: Db, id: string) {
  const row = await db.selectFrom('mail_senders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('sender', id);
  return row;
}

export const getSender = async (db: Db, id: string) => toSender(await senderRow(db, id));

export async function updateSender(trx: Db, id: string, input: unknown): Promise<Sender> {
  await senderRow(trx, id);
  const patch = parse(senderPatch, input);
  const { is_default, ...rest } = patch;
  await trx
    .updateTable('mail_senders')
    .set({ ...rest, ...(is_default === undefined ? {} : { is_default: is_default ? 1 : 0 }), updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
  if (is_default) await clearDefault(trx, id);
  return getSender(trx, id);
}

/** Removes a sender; its queued mail goes out from the default sender settings instead. */
export async function deleteSender(trx: Db, id: string): Promise<void> {
  await senderRow(trx, id);
  await trx.updateTable('messages').set({ sender_id: null }).where('sender_id', '=', id).where('status', 'in', ['queued', 'sending']).execute();
  await trx.deleteFrom('mail_senders').where('id', '=', id).execute();
}

/** What signing needs for these senders: address, name, reply-to and the unsealed DKIM key, by id. */
export async function senderSigning(
  db: Db,
  ids: string[],
): Promise<Map<string, { name: string; address: string; reply_to: string | null; dkim: { domainName: string; keySelector: string; privateKey: string } }>> {
  const out = new Map();
  if (ids.length === 0) return out;
  for (const r of await db.selectFrom('mail_senders').selectAll().where('id', 'in', ids).execute()) {
    out.set(r.id, {
      name: r.name,
      address: r.address,
      reply_to: r.reply_to ?? null,
      dkim: { domainName: r.domain, keySelector: r.dkim_selector, privateKey: await unseal(db, keyPurpose, r.dkim_private_key) },
    });
  }
  return out;
}

export type TxtResolver = (name: string) => Promise<string[][]>;

/** Looks up each record the sender should publish and says whether what is published matches. */
export async function checkSenderDns(db: Db, id: string, resolveTxt?: TxtResolver): Promise<RecordCheck[]> {
  const sender = await getSender(db, id);
  const resolve: TxtResolver =
    resolveTxt ??
    (() => {
      const resolver = new Resolver({ timeout: 3000, tries: 2 });
      return (name: string) => resolver.resolveTxt(name);
    })();
  return Promise.all(sender.dns_records.map(async (r) => checkRecord(r, await resolve(r.name).catch((e: Error) => e))));
}
