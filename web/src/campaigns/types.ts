/** The campaigns API's shapes, generated from /api/openapi.json. */
import type { components } from '../lib/api-types';

type Schemas = components['schemas'];
export type Campaign = Schemas['Campaign'];
type CampaignInput = Schemas['CampaignInput'];
export type CampaignAudience = Schemas['CampaignAudience'];
export type AudienceCount = Schemas['CampaignAudienceCount'];
type AbSettings = Schemas['AbSettings'];
export type CampaignReport = Schemas['CampaignReportDetail'];
