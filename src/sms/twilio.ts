/**
 * Twilio's Messages REST API as Rapport speaks it (any provider with the same protocol works): a
 * form-encoded POST to `/2010-04-01/Accounts/{AccountSid}/Messages.json` with basic auth, answered by
 * the message resource as JSON (`sid`, `status`, `error_code`...) or an error (`code`, `message`,
 * `status`). Requests go through the outbound guard (no private addresses unless allowed). Callbacks
 * are signed: X-Twilio-Signature is the base64 HMAC-SHA1, keyed by the auth token, of the full URL
 * followed by each POST parameter's name and value, sorted by name.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { postOutbound } from '../core/outbound.js';
import type { SmsProviderConfig } from './settings.js';

export interface SentSms {
  sid: string;
  status: string;
  segments: number | null;
}

/** The provider refused or could not be reached; `permanent` when sending again cannot help. */
export class SmsProviderError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly code: string | null = null,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
    this.name = 'SmsProviderError';
  }
}

const messagesUrl = (baseUrl: string, accountSid: string) => `${baseUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;

export async function sendTwilioMessage(config: SmsProviderConfig, message: { to: string; body: string; statusCallback?: string | null }): Promise<SentSms> {
  const form = new URLSearchParams();
  form.set('To', message.to);
  if (config.messagingServiceSid) form.set('MessagingServiceSid', config.messagingServiceSid);
  else form.set('From', config.from!);
  form.set('Body', message.body);
  if (message.statusCallback) form.set('StatusCallback', message.statusCallback);
  let res;
  try {
    res = await postOutbound(
      messagesUrl(config.baseUrl, config.accountSid),
      form.toString(),
      {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        authorization: `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`,
        'user-agent': 'Rapport-SMS/1',
      },
      { allowPrivate: config.allowPrivate, timeoutMs: 15_000, maxResponseBytes: 64 * 1024 },
    );
  } catch (error) {
    const refused = (error as Error).name === 'OutboundRefused';
    throw new SmsProviderError(`the SMS provider could not be reached: ${(error as Error).message}`, refused);
  }
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(res.body) as Record<string, unknown>;
  } catch {
    // not JSON: described below by the status
  }
  if (res.status >= 200 && res.status < 300 && typeof body.sid === 'string') {
    const segments = body.num_segments === undefined || body.num_segments === null ? null : Number(body.num_segments);
    return { sid: body.sid, status: typeof body.status === 'string' ? body.status : 'queued', segments: Number.isFinite(segments) ? segments : null };
  }
  const code = body.code === undefined || body.code === null ? null : String(body.code);
  const text = typeof body.message === 'string' ? body.message : res.body.slice(0, 300) || `HTTP ${res.status}`;
  // 4xx: the request itself is refused (bad number, unsubscribed recipient, bad credentials); 429 and 5xx pass.
  const permanent = res.status >= 400 && res.status < 500 && res.status !== 429;
  throw new SmsProviderError(`the SMS provider refused the message (${res.status}${code ? `, error ${code}` : ''}): ${text}`, permanent, code, res.status);
}

/** The X-Twilio-Signature of a POST callback: base64 HMAC-SHA1 of the URL followed by the sorted parameters. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

export function verifyTwilioSignature(authToken: string, url: string, params: Record<string, string>, signature: string | undefined | null): boolean {
  if (!signature) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
