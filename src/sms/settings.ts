/**
 * SMS settings: the account at a Twilio-compatible provider (account SID, auth token kept sealed and
 * never returned, the sending number or messaging service), the provider's base URL (Twilio's by
 * default; another compatible provider or a local test server otherwise) and whether that URL may be a
 * private or loopback address. Status and inbound callbacks come to the public address of Rapport.
 */
import { z } from '@hono/zod-openapi';
import type { Database, Db } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { seal, unseal } from '../mail/sealed.js';
import { getMailSettings } from '../mail/settings.js';
import { issuesToFields } from '../records/validation.js';
import { readSetting, writeSetting } from '../settings/store.js';

const smsSettingsKey = 'sms.provider';
const tokenPurpose = 'sms auth token';
const twilioBaseUrl = 'https://api.twilio.com';

interface StoredSmsSettings {
  account_sid: string | null;
  auth_token_sealed: string | null;
  from_number: string | null;
  messaging_service_sid: string | null;
  base_url: string;
  allow_private_base_url: boolean;
}

const defaults: StoredSmsSettings = { account_sid: null, auth_token_sealed: null, from_number: null, messaging_service_sid: null, base_url: twilioBaseUrl, allow_private_base_url: false };

export const smsSettingsSchema = z
  .object({
    account_sid: z.string().nullable().openapi({ example: 'AC0123456789abcdef0123456789abcdef' }),
    auth_token_set: z.boolean().openapi({ description: 'Whether an auth token is stored (it is never returned)' }),
    from_number: z.string().nullable().openapi({ description: 'The sending number in E.164 form', example: '+15017122661' }),
    messaging_service_sid: z.string().nullable().openapi({ description: 'A messaging service to send from instead of one number' }),
    base_url: z.string().openapi({ description: "The provider's API base URL (Twilio: https://api.twilio.com)" }),
    allow_private_base_url: z.boolean().openapi({ description: 'Allow a base URL on a private or loopback address (a provider gateway on the local network)' }),
    configured: z.boolean().openapi({ description: 'Whether account, token and a sender are set, so texts can be sent' }),
    status_callback_url: z.string().nullable().openapi({ description: 'Where the provider reports delivery (from the public address in Settings → Email)' }),
    inbound_url: z.string().nullable().openapi({ description: "Set this as the number's incoming-message webhook at the provider (STOP, START...)" }),
  })
  .openapi('SmsSettings');

export const smsSettingsInput = z
  .object({
    account_sid: z
      .string()
      .regex(/^[A-Za-z0-9]{2,64}$/, { message: 'letters and digits, as the provider shows it' })
      .nullable(),
    auth_token: z.string().min(1).max(200).nullable().openapi({ description: 'A new auth token; null removes it; leave out to keep the stored one' }),
    from_number: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, { message: 'a number in E.164 form such as +15017122661' })
      .nullable(),
    messaging_service_sid: z
      .string()
      .regex(/^MG[0-9a-fA-F]{32}$/, { message: 'a messaging service SID (MG followed by 32 hex digits)' })
      .nullable(),
    base_url: z.url({ protocol: /^https?$/, message: 'an http(s) address such as https://api.twilio.com' }).max(500),
    allow_private_base_url: z.boolean(),
  })
  .strict()
  .partial()
  .strict()
  .openapi('SmsSettingsInput');

async function readStored(db: Db): Promise<StoredSmsSettings> {
  return { ...defaults, ...((await readSetting<Partial<StoredSmsSettings>>(db, smsSettingsKey)) ?? {}) };
}

/** The paths the provider calls back on (public, signed with the auth token). */
export const smsStatusPath = '/sms/status';
export const smsInboundPath = '/sms/inbound';

export async function smsSettingsView(db: Db): Promise<z.infer<typeof smsSettingsSchema>> {
  const { auth_token_sealed, ...rest } = await readStored(db);
  const publicUrl = (await getMailSettings(db)).public_url;
  return {
    ...rest,
    auth_token_set: auth_token_sealed !== null,
    configured: Boolean(rest.account_sid && auth_token_sealed && (rest.from_number || rest.messaging_service_sid)),
    status_callback_url: publicUrl ? publicUrl + smsStatusPath : null,
    inbound_url: publicUrl ? publicUrl + smsInboundPath : null,
  };
}

/** What the provider client needs, the token unsealed; null when not configured. */
export interface SmsProviderConfig {
  accountSid: string;
  authToken: string;
  from: string | null;
  messagingServiceSid: string | null;
  baseUrl: string;
  allowPrivate: boolean;
  publicUrl: string | null;
}

export async function smsProviderConfig(db: Db): Promise<SmsProviderConfig | null> {
  const s = await readStored(db);
  if (!s.account_sid || !s.auth_token_sealed || !(s.from_number || s.messaging_service_sid)) return null;
  return {
    accountSid: s.account_sid,
    authToken: await unseal(db, tokenPurpose, s.auth_token_sealed),
    from: s.from_number,
    messagingServiceSid: s.messaging_service_sid,
    baseUrl: s.base_url.replace(/\/+$/, ''),
    allowPrivate: s.allow_private_base_url,
    publicUrl: (await getMailSettings(db)).public_url,
  };
}

/** The auth token callbacks are signed with, or null when none is stored. */
export async function smsAuthToken(db: Db): Promise<string | null> {
  const s = await readStored(db);
  return s.auth_token_sealed ? unseal(db, tokenPurpose, s.auth_token_sealed) : null;
}

/** Validates and stores a change; bad input changes nothing. */
export async function updateSmsSettings(database: Database, input: unknown): Promise<z.infer<typeof smsSettingsSchema>> {
  const parsed = smsSettingsInput.safeParse(input);
  if (!parsed.success) throw invalid('invalid SMS settings', issuesToFields(parsed.error.issues));
  const { auth_token, ...patch } = parsed.data;
  const next: StoredSmsSettings = { ...(await readStored(database.db)), ...patch };
  if (auth_token !== undefined) next.auth_token_sealed = auth_token === null ? null : await seal(database.db, tokenPurpose, auth_token);
  await writeSetting(database, smsSettingsKey, next);
  return smsSettingsView(database.db);
}
