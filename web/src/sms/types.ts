import type { components } from '../lib/api-types';

/** The SMS API's shapes, generated from /api/openapi.json. */
type Schemas = components['schemas'];
export type SmsSettings = Schemas['SmsSettings'];
export type SmsSettingsInput = Schemas['SmsSettingsInput'];
export type SmsSegmentCount = Schemas['SmsSegmentCount'];
export type Sms = Schemas['Sms'];
export type SmsStatus = Sms['status'];
export type SmsPurpose = Sms['purpose'];
