/**
 * The composition of derived data: registers every domain's in-transaction event subscriber, then
 * lets events be appended. Every entry point that writes (server, CLI, job thread, tests, benchmarks)
 * imports this module first; `appendEvents` refuses to run in a process that did not.
 */
import { markSubscribersLoaded, subscribe, type Subscription } from './core/events.js';
import { lastInteractionSubscription } from './activities/interactions.js';
import { mergeMatchKeysSubscription } from './duplicates/match-keys.js';
import { dealActivitySubscription } from './deals/activity.js';
import { probabilityCacheSubscription } from './deals/stake.js';
import { reportRollupsSubscription, reportSegmentsSubscription } from './reports/rollups.js';
import { orderFiguresSubscription } from './sales/figures.js';
import { loyaltySubscription } from './loyalty/earning.js';
import { currencyChangeSubscription } from './sales/figures-refresh.js';
import { currencyChangeRunSubscription } from './insights/jobs.js';
import { companyNameSubscription } from './customers/company-names.js';
import { discountRedemptionSubscription } from './campaigns/discounts.js';

/** Derived data kept from domain events, each kept by the domain that owns it. */
export const derivedDataSubscriptions: readonly Subscription[] = [
  orderFiguresSubscription,
  lastInteractionSubscription,
  reportRollupsSubscription,
  reportSegmentsSubscription,
  mergeMatchKeysSubscription,
  currencyChangeSubscription,
  currencyChangeRunSubscription,
  companyNameSubscription,
  discountRedemptionSubscription,
];

for (const s of derivedDataSubscriptions) subscribe(s.types, s.handle);
// Deals' last activity (their rotten flags) follows interactions and tasks.
subscribe(dealActivitySubscription.types, dealActivitySubscription.handle);
// Learnt stage probabilities are kept between reads until a deal or pipeline changes.
subscribe(probabilityCacheSubscription.types, probabilityCacheSubscription.handle);
// Loyalty points, referral rewards and tiers follow orders, customers and the event types earn rules name.
subscribe(loyaltySubscription.types, loyaltySubscription.handle, loyaltySubscription.read);
markSubscribersLoaded();
