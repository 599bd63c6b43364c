/** The loyalty API's shapes, generated from /api/openapi.json. */
import type { components } from '../lib/api-types';

type Schemas = components['schemas'];
export type LoyaltyRule = Schemas['LoyaltyRule'];
export type LoyaltyReward = Schemas['LoyaltyReward'];
export type LoyaltyTier = Schemas['LoyaltyTier'];
export type LoyaltySettings = Schemas['LoyaltySettings'];
export type CustomerPoints = Schemas['CustomerPoints'];
export type LoyaltyRedemption = Schemas['LoyaltyRedemption'];
export type LoyaltyReport = Schemas['LoyaltyReport'];
