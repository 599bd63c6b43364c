/** The outgoing-mail API's shapes (see /api/openapi.json: MailSettings, MailTestResult, Sender, DnsRecordCheck). */
export type SmtpSecurity = 'tls' | 'starttls' | 'none';

export interface MailSettings {
  host: string | null;
  port: number;
  security: SmtpSecurity;
  user: string | null;
  password_set: boolean;
  from_name: string | null;
  from_address: string | null;
  reply_to: string | null;
  owner_address: string | null;
  public_url: string | null;
  track_opens: boolean;
  track_clicks: boolean;
  /** Domain of the VERP return path bounces+<message id>@<bounce_domain>. */
  bounce_domain: string | null;
  configured: boolean;
  warnings: string[];
}

export type MailSettingsInput = Partial<Omit<MailSettings, 'password_set' | 'configured' | 'warnings'> & { password: string | null }>;

export interface MailTestResult {
  ok: boolean;
  to: string;
  response: string | null;
  message_id: string | null;
  error: string | null;
}

export interface DnsRecord {
  kind: 'dkim' | 'spf' | 'dmarc';
  type: 'TXT';
  name: string;
  value: string;
}

export interface DnsRecordCheck extends DnsRecord {
  status: 'ok' | 'missing' | 'different' | 'error';
  published: string[];
  detail: string;
}

export interface Sender {
  id: string;
  name: string;
  address: string;
  reply_to: string | null;
  domain: string;
  is_default: boolean;
  dkim_selector: string;
  per_second: number;
  per_hour: number;
  per_day: number;
  dns_records: DnsRecord[];
  warnings: string[];
  created_at: string;
  updated_at: string;
}

export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'suppressed' | 'bounced_soft' | 'bounced_hard' | 'complained';

export interface Message {
  id: string;
  purpose: 'transactional' | 'marketing' | 'notification';
  status: MessageStatus;
  to_address: string;
  customer_id: string | null;
  subject: string;
  related_entity: string | null;
  related_id: string | null;
  attempts: number;
  message_id: string | null;
  provider_response: string | null;
  error: string | null;
  opened_at: string | null;
  clicked_at: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface MessageDetail extends Message {
  text_body: string;
  html_body: string | null;
}

/** A bounce or complaint report about a message (see /api/messages/{id}/bounces). */
export interface MailBounce {
  id: string;
  message_id: string | null;
  kind: 'hard' | 'soft' | 'complaint';
  status: string | null;
  recipient: string | null;
  diagnostic: string | null;
  reason: string | null;
  source: string;
  raw: string | null;
  raw_size: number;
  raw_purged_at: string | null;
  received_at: string;
}
