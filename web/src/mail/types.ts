import type { components } from '../lib/api-types';

/** The outgoing-mail API's shapes, generated from /api/openapi.json. */
type Schemas = components['schemas'];
export type MailSettings = Schemas['MailSettings'];
export type MailSettingsInput = Schemas['MailSettingsInput'];
export type SmtpSecurity = MailSettings['security'];
export type MailTestResult = Schemas['MailTestResult'];
export type DnsRecordCheck = Schemas['DnsRecordCheck'];
export type Sender = Schemas['Sender'];
export type Message = Schemas['Message'];
export type MessageStatus = Message['status'];
export type MessageDetail = Schemas['MessageDetail'];
/** A bounce or complaint report about a message (see /api/messages/{id}/bounces). */
export type MailBounce = Schemas['MailBounce'];
