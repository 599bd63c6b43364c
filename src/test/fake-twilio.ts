/**
 * A local HTTP server speaking Twilio's Messages API, for tests: `POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded, basic auth with the account SID and
 * auth token, answered with the message resource (201) or Twilio's error shape (`code`, `message`,
 * `status`). Twilio's magic test numbers behave as documented: +15005550001 is not a valid number
 * (21211), +15005550004 has unsubscribed (21610). `failNext` makes the next requests answer 500.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface FakeTwilioRequest {
  accountSid: string;
  authorization: string | undefined;
  contentType: string | undefined;
  params: Record<string, string>;
  sid: string | null;
}

export interface FakeTwilio {
  baseUrl: string;
  requests: FakeTwilioRequest[];
  failNext(count: number): void;
  close(): Promise<void>;
}

export async function startFakeTwilio(credentials: { accountSid: string; authToken: string }): Promise<FakeTwilio> {
  const requests: FakeTwilioRequest[] = [];
  let failures = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const error = (status: number, code: number, message: string) => send(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
      const m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? '');
      if (!m || req.method !== 'POST') return error(404, 20404, 'The requested resource was not found');
      const accountSid = decodeURIComponent(m[1]);
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const entry: FakeTwilioRequest = { accountSid, authorization: req.headers.authorization, contentType: req.headers['content-type'], params, sid: null };
      requests.push(entry);
      const expected = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;
      if (req.headers.authorization !== expected || accountSid !== credentials.accountSid) return error(401, 20003, 'Authenticate');
      if (failures > 0) {
        failures--;
        return error(500, 20500, 'Internal Server Error');
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return error(400, 20001, 'Unsupported content type');
      const to = params.To ?? '';
      if (!/^\+[1-9]\d{6,14}$/.test(to) || to === '+15005550001') return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
      if (to === '+15005550004') return error(400, 21610, 'Attempt to send to unsubscribed recipient');
      if (!params.From && !params.MessagingServiceSid) return error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message");
      if (!params.Body) return error(400, 21602, 'Message body is required.');
      const sid = `SM${randomBytes(16).toString('hex')}`;
      entry.sid = sid;
      const now = new Date().toUTCString();
      send(201, {
        account_sid: accountSid,
        api_version: '2010-04-01',
        body: params.Body,
        date_created: now,
        date_sent: null,
        date_updated: now,
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from: params.From ?? null,
        messaging_service_sid: params.MessagingServiceSid ?? null,
        num_media: '0',
        num_segments: '1',
        price: null,
        price_unit: 'USD',
        sid,
        status: 'queued',
        to,
        uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    failNext(count) {
      failures = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
