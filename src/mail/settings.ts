/**
 * Outgoing-mail settings: the SMTP server Rapport sends through, the default sender, where the owner's
 * notifications go, the public address of this Rapport (for unsubscribe and tracking links) and whether
 * opens and clicks are tracked. The SMTP password is stored sealed and never returned.
 */
import { z } from '@hono/zod-openapi';
import type { Database, Db } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { issuesToFields } from '../records/validation.js';
import { readSetting, writeSetting } from '../settings/store.js';
import { seal, unseal } from './sealed.js';
import { hasLineBreak } from './headers.js';

const mailSettingsKey = 'mail.smtp';
const passwordPurpose = 'mail smtp password';

type SmtpSecurity = 'tls' | 'starttls' | 'none';

/** As stored in the settings table. */
interface StoredMailSettings {
  host: string | null;
  port: number;
  security: SmtpSecurity;
  user: string | null;
  password_sealed: string | null;
  from_name: string | null;
  from_address: string | null;
  reply_to: string | null;
  owner_address: string | null;
  public_url: string | null;
  track_opens: boolean;
  track_clicks: boolean;
  /** The domain of the VERP return path `bounces+<message id>@<bounce_domain>`; unset: the sender's own address. */
  bounce_domain: string | null;
}

export type MailSettings = Omit<StoredMailSettings, 'password_sealed'> & { password_set: boolean };

const defaults: StoredMailSettings = {
  host: null,
  port: 587,
  security: 'starttls',
  user: null,
  password_sealed: null,
  from_name: null,
  from_address: null,
  reply_to: null,
  owner_address: null,
  public_url: null,
  track_opens: false,
  track_clicks: false,
  bounce_domain: null,
};

/** Loopback hosts: a local mail sink may be reached without TLS; anything else must use TLS or STARTTLS. */
export const isLoopbackHost = (host: string) => /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host.trim());

const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !hasLineBreak(v), { message: 'must be one line (no CR or LF)' });
const address = z.email({ message: 'not an email address' }).max(254);

export const mailSettingsSchema = z
  .object({
    host: z.string().nullable().openapi({ description: 'SMTP server host name', example: 'smtp.example.com' }),
    port: z.number().int(),
    security: z.enum(['tls', 'starttls', 'none']).openapi({ description: '`tls`: TLS from the start (port 465); `starttls`: upgrade required (port 587); `none`: only to a loopback host' }),
    user: z.string().nullable(),
    password_set: z.boolean().openapi({ description: 'Whether a password is stored (it is never returned)' }),
    from_name: z.string().nullable(),
    from_address: z.string().nullable(),
    reply_to: z.string().nullable(),
    owner_address: z.string().nullable().openapi({ description: "Where notifications to the owner go; unset: the owner's login email" }),
    public_url: z.string().nullable().openapi({ description: 'The https address customers reach this Rapport at (unsubscribe and tracking links)', example: 'https://crm.example.com' }),
    track_opens: z.boolean(),
    track_clicks: z.boolean(),
    bounce_domain: z.string().nullable().openapi({
      description:
        'Domain of the VERP return path: each message is sent with envelope sender bounces+<message id>@<bounce_domain>, so a bounce names its message. Its MX must deliver to the bounce mailbox.',
      example: 'bounce.example.com',
    }),
    configured: z.boolean().openapi({ description: 'Whether host and from address are set, so mail can be sent' }),
    warnings: z.array(z.string()).openapi({ description: 'Deliverability warnings (e.g. near the bulk-sender threshold)' }),
  })
  .openapi('MailSettings');

export const mailSettingsInput = z
  .object({
    host: oneLine(255).min(1).nullable(),
    port: z.number().int().min(1).max(65535),
    security: z.enum(['tls', 'starttls', 'none']),
    user: oneLine(255).nullable(),
    password: z.string().max(1000).nullable().openapi({ description: 'A new password; null removes it; leave out to keep the stored one' }),
    from_name: oneLine(120).nullable(),
    from_address: address.nullable(),
    reply_to: address.nullable(),
    owner_address: address.nullable(),
    public_url: z
      .url({ protocol: /^https?$/, message: 'an http(s) address such as https://crm.example.com' })
      .max(500)
      .nullable(),
    track_opens: z.boolean(),
    track_clicks: z.boolean(),
    bounce_domain: z
      .string()
      .max(253)
      .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, { message: 'a domain name such as bounce.example.com' })
      .nullable(),
  })
  .partial()
  .strict()
  .openapi('MailSettingsInput');

type MailSettingsInput = z.infer<typeof mailSettingsInput>;

async function readStored(db: Db): Promise<StoredMailSettings> {
  return { ...defaults, ...((await readSetting<Partial<StoredMailSettings>>(db, mailSettingsKey)) ?? {}) };
}

export async function getMailSettings(db: Db): Promise<MailSettings> {
  const { password_sealed, ...rest } = await readStored(db);
  return { ...rest, password_set: password_sealed !== null };
}

/** What the SMTP transport needs, the password unsealed. */
export interface SmtpSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string | null;
  password: string | null;
}

export async function smtpSettings(db: Db): Promise<SmtpSettings | null> {
  const s = await readStored(db);
  if (!s.host) return null;
  return { host: s.host, port: s.port, security: s.security, user: s.user, password: s.password_sealed ? await unseal(db, passwordPurpose, s.password_sealed) : null };
}

/** Validates and stores a change; returns the settings as they now are. Bad input changes nothing. */
export async function updateMailSettings(database: Database, input: unknown): Promise<MailSettings> {
  const parsed = mailSettingsInput.safeParse(input);
  if (!parsed.success) throw invalid('invalid mail settings', issuesToFields(parsed.error.issues));
  const { password, ...patch } = parsed.data;
  const current = await readStored(database.db);
  const next: StoredMailSettings = { ...current, ...patch };
  if (password !== undefined) next.password_sealed = password === null || password === '' ? null : await seal(database.db, passwordPurpose, password);
  if (next.host && next.security === 'none' && !isLoopbackHost(next.host)) {
    throw invalid('security none is allowed only for a loopback host (a local mail sink); use tls or starttls', { security: ['use tls or starttls for a host that is not loopback'] });
  }
  if (next.public_url) next.public_url = next.public_url.replace(/\/+$/, '');
  if (next.bounce_domain) next.bounce_domain = next.bounce_domain.toLowerCase();
  await writeSetting(database, mailSettingsKey, next);
  return getMailSettings(database.db);
}

/**
 * Where notifications to the owner go: the owner address of the mail settings, else the email the
 * owner signs in with. Null when neither exists.
 */
export async function ownerAddress(db: Db): Promise<string | null> {
  const s = await readStored(db);
  if (s.owner_address) return s.owner_address;
  const user = await db.selectFrom('users').select('email').orderBy('created_at').limit(1).executeTakeFirst();
  return (user?.email as string | undefined) ?? null;
}
