/** The SMS API's shapes (see /api/openapi.json: SmsSettings, SmsSegmentCount, Sms). */
export interface SmsSettings {
  account_sid: string | null;
  auth_token_set: boolean;
  from_number: string | null;
  messaging_service_sid: string | null;
  base_url: string;
  allow_private_base_url: boolean;
  configured: boolean;
  status_callback_url: string | null;
  inbound_url: string | null;
}

export type SmsSettingsInput = Partial<Omit<SmsSettings, 'auth_token_set' | 'configured' | 'status_callback_url' | 'inbound_url'> & { auth_token: string | null }>;

export interface SmsSegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  units: number;
  segments: number;
  per_segment: number;
  remaining: number;
  non_gsm_characters: string[];
}

export type SmsPurpose = 'transactional' | 'marketing' | 'notification';
export type SmsStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'suppressed';

export interface Sms {
  id: string;
  customer_id: string | null;
  to_number: string;
  from_number: string | null;
  body: string;
  purpose: SmsPurpose;
  status: SmsStatus;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  provider_sid: string | null;
  provider_status: string | null;
  error_code: string | null;
  error: string | null;
  attempts: number;
  created_at: string;
  sent_at: string | null;
  delivered_at: string | null;
}
