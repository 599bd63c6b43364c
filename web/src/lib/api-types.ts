/**
 * Generated from Rapport's OpenAPI document by `npm run api-types` (openapi-typescript): do not edit.
 * Name the types through the aliases in ./api.ts.
 */

export interface paths {
    "/api/abtest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A/B test of two conversion rates (same as GET /api/insights/ab-test) */
        post: operations["postAbtest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password (sets the session cookie) */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out */
        post: operations["postAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the owner password (signs out every session) */
        post: operations["postAuthPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** First-run setup: create the owner and sign in */
        post: operations["postAuthSetup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the owner exists and this client is signed in */
        get: operations["getAuthStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/backup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a consistent backup of all data while Rapport keeps running: the JSON dump `rapport backup --format json` writes, streamed as it is read (nothing is written to disk). Sign-in data (password hash, sessions, API tokens) is left out. One download at a time: another request meanwhile gets 429. Restore it with `rapport restore FILE`. */
        get: operations["getBackup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the calendar feed is on (its secret is never shown again) */
        get: operations["getCalendarFeed"];
        put?: never;
        /** Make a new feed secret: the feed URL to subscribe to (the previous URL stops working) */
        post: operations["postCalendarFeed"];
        /** Turn the calendar feed off */
        delete: operations["deleteCalendarFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Email campaigns, newest first */
        get: operations["getCampaigns"];
        put?: never;
        /** Create a draft campaign (one variant, or 2 to 4 for an A/B test) */
        post: operations["postCampaigns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign */
        get: operations["getCampaignsById"];
        put?: never;
        post?: never;
        /** Delete a draft campaign */
        delete: operations["deleteCampaignsById"];
        options?: never;
        head?: never;
        /** Change a draft campaign */
        patch: operations["patchCampaignsById"];
        trace?: never;
    };
    "/api/campaigns/{id}/audience": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The campaign's audience counted now, and its A/B split with a warning when the test share is too small */
        get: operations["getCampaignsByIdAudience"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel: messages not yet sent are dropped */
        post: operations["postCampaignsByIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause: nothing more is queued and queued messages wait */
        post: operations["postCampaignsByIdPause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sent, delivered, bounced, opened (inflated), clicked, unsubscribed, attributed orders and revenue, per variant, with the A/B standing */
        get: operations["getCampaignsByIdReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start now or at a time (a draft), or resume (a paused campaign) */
        post: operations["postCampaignsByIdSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test of each variant (or one) to an address, as a customer or with sample values */
        post: operations["postCampaignsByIdTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/audience/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Count an audience now (consent and suppression applied) and how an A/B test would split it */
        post: operations["postCampaignsAudienceCount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/canned-replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Canned replies */
        get: operations["getCannedReplies"];
        put?: never;
        /** Create a canned reply (Liquid merge fields) */
        post: operations["postCannedReplies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/canned-replies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a canned reply */
        put: operations["putCannedRepliesById"];
        post?: never;
        /** Delete a canned reply */
        delete: operations["deleteCannedRepliesById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Chats, most recent message first */
        get: operations["getChatConversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One chat with its messages */
        get: operations["getChatConversationsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a chat: delivered live, or by email when the visitor is gone and left an address; added to the ticket as a reply */
        post: operations["postChatConversationsByIdMessages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/conversations/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve a chat: its ticket is resolved (which asks the visitor for a CSAT rating in the chat) and the chat closes */
        post: operations["postChatConversationsByIdResolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Chat sites: widget keys, allowed origins, the script tag */
        get: operations["getChatSites"];
        put?: never;
        /** Add a site for the chat widget (its key and the origins allowed to use it) */
        post: operations["postChatSites"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/sites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a chat site (name, allowed origins, greeting, active) */
        patch: operations["patchChatSitesById"];
        trace?: never;
    };
    "/api/chat/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live stream for the web app (Server-Sent Events): new chats and messages as they arrive; while one is open the owner counts as online */
        get: operations["getChatStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List companies */
        get: operations["getCompanies"];
        put?: never;
        /** Create a company */
        post: operations["postCompanies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/companies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a company */
        get: operations["getCompaniesById"];
        put?: never;
        post?: never;
        /** Delete a company */
        delete: operations["deleteCompaniesById"];
        options?: never;
        head?: never;
        /** Update a company (only the fields sent) */
        patch: operations["patchCompaniesById"];
        trace?: never;
    };
    "/api/companies/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create, update and delete companies in one all-or-nothing transaction */
        post: operations["postCompaniesBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contracts */
        get: operations["getContracts"];
        put?: never;
        /** Create a contract */
        post: operations["postContracts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a contract */
        get: operations["getContractsById"];
        put?: never;
        post?: never;
        /** Delete a contract */
        delete: operations["deleteContractsById"];
        options?: never;
        head?: never;
        /** Update a contract (only the fields sent) */
        patch: operations["patchContractsById"];
        trace?: never;
    };
    "/api/contracts/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the signed file */
        get: operations["getContractsByIdFile"];
        /** Attach the signed file (replaces the one attached before) */
        put: operations["putContractsByIdFile"];
        post?: never;
        /** Remove the signed file */
        delete: operations["deleteContractsByIdFile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create, update and delete contracts in one all-or-nothing transaction */
        post: operations["postContractsBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/to-renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contracts in their renewal notice period (expiring), soonest end first */
        get: operations["getContractsToRenew"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List customers */
        get: operations["getCustomers"];
        put?: never;
        /** Create a customer */
        post: operations["postCustomers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 360-degree view of a customer: profile, company, figures, recent orders and interactions, open tasks */
        get: operations["getCustomersById"];
        put?: never;
        post?: never;
        /** Delete a customer, or with erase=true erase their personal data everywhere (orders stay, anonymised) */
        delete: operations["deleteCustomersById"];
        options?: never;
        head?: never;
        /** Update a customer (only the fields sent) */
        patch: operations["patchCustomersById"];
        trace?: never;
    };
    "/api/customers/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything held about this person (data-subject access request) */
        get: operations["getCustomersByIdExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's surveys and answers: last NPS and its band, average CSAT */
        get: operations["getCustomersByIdFeedback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's points: balance, tier, history (newest first), redemptions, referral code and links */
        get: operations["getCustomersByIdPoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}/points/adjust": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adjust a balance by hand, with a reason */
        post: operations["postCustomersByIdPointsAdjust"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}/points/redeem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Redeem a reward: the points, the code or order line and the redemption in one transaction (409 when the balance is short) */
        post: operations["postCustomersByIdPointsRedeem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Products to offer this customer, from co-purchases */
        get: operations["getCustomersByIdSuggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders, interactions, tasks and survey answers of a customer, newest first */
        get: operations["getCustomersByIdTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create, update and delete customers in one all-or-nothing transaction */
        post: operations["postCustomersBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge customers into one: orders, interactions and tasks move to the winner */
        post: operations["postCustomersMerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List deals */
        get: operations["getDeals"];
        put?: never;
        /** Create a deal */
        post: operations["postDeals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a deal */
        get: operations["getDealsById"];
        put?: never;
        post?: never;
        /** Delete a deal */
        delete: operations["deleteDealsById"];
        options?: never;
        head?: never;
        /** Update a deal (only the fields sent) */
        patch: operations["patchDealsById"];
        trace?: never;
    };
    "/api/deals/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stages a deal went through, with the time spent in each */
        get: operations["getDealsByIdHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a deal to another stage of its pipeline (a stage of another pipeline is refused and nothing changes) */
        post: operations["postDealsByIdMove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The board of a pipeline (the first one when pipeline_id is omitted), as GET /api/pipelines/{id}/board: one request for a page that does not know the pipeline yet */
        get: operations["getDealsBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create, update and delete deals in one all-or-nothing transaction */
        post: operations["postDealsBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/probabilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per stage: the configured win probability, the learnt one and the closed deals behind it */
        get: operations["getDealsProbabilities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/reports/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Weighted forecast by month of expected close: value x learnt probability of open deals, business currency */
        get: operations["getDealsReportsForecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/reports/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Won revenue by lead source (deals closed in [from, to) when given) */
        get: operations["getDealsReportsSources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/reports/stage-performance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Win rate and average time per stage, and average days from opening to winning */
        get: operations["getDealsReportsStagePerformance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/reports/stages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pipeline by stage: deals, value and weighted value now on each stage */
        get: operations["getDealsReportsStages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/demo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Load demo data into an empty database as a job: 500 customers with three years of orders, interactions and tasks, then an insight run (the same data as `rapport demo --customers 500`) */
        post: operations["postDemo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Likely duplicate pairs with both customers, most likely first */
        get: operations["getDuplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/duplicates/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Not a duplicate: never suggest or merge this pair again */
        post: operations["postDuplicatesByIdDismiss"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/duplicates/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge a pair; winner names the record that stays (default a) */
        post: operations["postDuplicatesByIdMerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/duplicates/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Look for duplicates among all customers as a job: merge sure matches (auto) and queue the rest */
        post: operations["postDuplicatesScan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Domain events in commit order (filter by type, entity, time; page with `after`) */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event type Rapport emits, with what it means */
        get: operations["listEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download every matching record as CSV, JSON or vCard (customers), streamed; takes the same filters as the list endpoint */
        get: operations["getExportByKind"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Custom fields */
        get: operations["getFields"];
        put?: never;
        /** Declare a custom field */
        post: operations["postFields"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/fields/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a custom field with every value it holds */
        delete: operations["deleteFieldsByName"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow-enrolments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Enrolments of every flow, newest first (a customer's flow history with customer_id) */
        get: operations["getFlowEnrolments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Flows with their per-step counts, newest first */
        get: operations["getFlows"];
        put?: never;
        /** Create a flow (a draft) from a definition or a built-in template */
        post: operations["postFlows"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A flow with its per-step counts */
        get: operations["getFlowsById"];
        put?: never;
        post?: never;
        /** Delete a flow, its versions and enrolments (messages already queued stay) */
        delete: operations["deleteFlowsById"];
        options?: never;
        head?: never;
        /** Rename a flow or change its definition (published as a new version; running enrolments keep theirs) */
        patch: operations["patchFlowsById"];
        trace?: never;
    };
    "/api/flows/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Switch a flow on: its trigger enrols customers from now on */
        post: operations["postFlowsByIdActivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{id}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Who would enter today and what they would get (nothing is written or sent) */
        post: operations["postFlowsByIdDryRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{id}/enrolments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A flow's enrolments with the steps each ran, newest first */
        get: operations["getFlowsByIdEnrolments"];
        put?: never;
        /** Enrol customers by hand (ids, or everyone a customer filter selects), under the re-entry policy */
        post: operations["postFlowsByIdEnrolments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a flow: no one enters, running enrolments wait until it is activated again */
        post: operations["postFlowsByIdPause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The daily sending budget of all flows */
        get: operations["getFlowsSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the daily sending budget */
        patch: operations["patchFlowsSettings"];
        trace?: never;
    };
    "/api/flows/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Built-in flows to start from */
        get: operations["getFlowsTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/followups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow-up cadences, newest first (at most 200) */
        get: operations["getFollowups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/followups/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Days between follow-ups */
        get: operations["getFollowupsSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the days between follow-ups (new cadences use them) */
        patch: operations["patchFollowupsSettings"];
        trace?: never;
    };
    "/api/forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Web-to-lead forms */
        get: operations["getForms"];
        put?: never;
        /** Create a form: fields from the customer registry, consent wording, target stage, lead source, redirect (its origin must be allowed) */
        post: operations["postForms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/forms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A form */
        get: operations["getFormsById"];
        put?: never;
        post?: never;
        /** Delete a form (its submissions stay as the consent record) */
        delete: operations["deleteFormsById"];
        options?: never;
        head?: never;
        /** Change a form (only the settings sent) */
        patch: operations["patchFormsById"];
        trace?: never;
    };
    "/api/forms/{id}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accepted submissions of a form, newest first (spam and rate-limited posts are not stored) */
        get: operations["getFormsByIdSubmissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database reachability (no auth) */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Import history, newest first */
        get: operations["getImports"];
        put?: never;
        /** Start an import as a job; poll GET /api/imports/{id} (or the job, job_id) for progress */
        post: operations["postImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import: status, counts and progress */
        get: operations["getImportsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/errors.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rejected rows with row number, column and reason (CSV) */
        get: operations["getImportsByIdErrorsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo an import as a job: remove what it created, restore what it changed or merged; asking again while it runs returns the same job */
        post: operations["postImportsByIdUndo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Detected preset, column mapping and the first rows as they would be stored, with their errors (writes nothing) */
        post: operations["postImportsPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbound/bounces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand Rapport one inbound email (raw MIME) sent to the bounce address; bounces and complaints about our messages are recorded
         * @description For a mail service that forwards mail to the VERP bounce domain by webhook. The body is the raw RFC 5322 message (`message/rfc822`, or any text type). Automatic replies and ordinary mail are classified and not recorded. Needs an API token.
         */
        post: operations["receiveBounceMail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbound/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Inbound mail from a mail provider: the raw MIME message as the body; threaded onto a ticket or opening one
         * @description Authenticated with an inbound token (`POST /api/inbound/tokens`) in the `X-Inbound-Token` header or the `token` query parameter, not with a user's credentials. At most 10 MB: a larger mail is refused (413), recorded, and its sender told.
         */
        post: operations["postInboundEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbound/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What became of recent inbound mail (tickets, replies, auto-replies, bounces, refused mail) */
        get: operations["getInboundMail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbound/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbound webhook tokens (the tokens themselves are shown once, at creation) */
        get: operations["getInboundTokens"];
        put?: never;
        /** Create a token for a mail provider to post inbound mail with (stored hashed; shown only now) */
        post: operations["postInboundTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbound/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an inbound token */
        delete: operations["deleteInboundTokensById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/insights/ab-test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A/B test of two conversion rates: z-test, P(B beats A) and expected loss */
        get: operations["getInsightsAbTest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/insights/contact-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers to contact this week, ranked by value at risk (or, when the purchase model is unreliable, by spend so far x churn risk), with the reason */
        get: operations["getInsightsContactList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/insights/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Finished insight runs, newest first */
        get: operations["getInsightsRuns"];
        put?: never;
        /** Queue an insight run (stages, RFM, BG/NBD, CLV, churn, purchase probability, cross-sell) */
        post: operations["postInsightsRuns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/insights/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status, progress and results of an insight run */
        get: operations["getInsightsRunsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/insights/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lifecycle thresholds, RFM bins and model horizons */
        get: operations["getInsightsSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change insight settings (used from the next run) */
        patch: operations["patchInsightsSettings"];
        trace?: never;
    };
    "/api/insights/stage-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lifecycle stage changes, newest first */
        get: operations["getInsightsStageHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/interactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List interactions */
        get: operations["getInteractions"];
        put?: never;
        /** Create a interaction */
        post: operations["postInteractions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/interactions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a interaction */
        get: operations["getInteractionsById"];
        put?: never;
        post?: never;
        /** Delete a interaction */
        delete: operations["deleteInteractionsById"];
        options?: never;
        head?: never;
        /** Update a interaction (only the fields sent) */
        patch: operations["patchInteractionsById"];
        trace?: never;
    };
    "/api/interactions/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create, update and delete interactions in one all-or-nothing transaction */
        post: operations["postInteractionsBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A background job (import, undo, duplicate scan, insight run): status, progress, result and error */
        get: operations["getJobsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a lead: create or match the customer, record source and consent, log the contact, open a deal */
        post: operations["postLeads"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loyalty/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loyalty rewards */
        get: operations["getLoyaltyRewards"];
        put?: never;
        /** Add a reward */
        post: operations["postLoyaltyRewards"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loyalty/rewards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a reward */
        delete: operations["deleteLoyaltyRewardsById"];
        options?: never;
        head?: never;
        /** Change a reward */
        patch: operations["patchLoyaltyRewardsById"];
        trace?: never;
    };
    "/api/loyalty/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loyalty rules */
        get: operations["getLoyaltyRules"];
        put?: never;
        /** Add a rule */
        post: operations["postLoyaltyRules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loyalty/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a rule */
        delete: operations["deleteLoyaltyRulesById"];
        options?: never;
        head?: never;
        /** Change a rule */
        patch: operations["patchLoyaltyRulesById"];
        trace?: never;
    };
    "/api/loyalty/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loyalty programme settings */
        get: operations["getLoyaltySettings"];
        /** Change loyalty programme settings (only the fields sent) */
        put: operations["putLoyaltySettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loyalty/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loyalty tiers */
        get: operations["getLoyaltyTiers"];
        put?: never;
        /** Add a tier */
        post: operations["postLoyaltyTiers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loyalty/tiers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a tier */
        delete: operations["deleteLoyaltyTiersById"];
        options?: never;
        head?: never;
        /** Change a tier */
        patch: operations["patchLoyaltyTiersById"];
        trace?: never;
    };
    "/api/mail/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outgoing-mail settings (the SMTP password is never returned) */
        get: operations["getMailSettings"];
        /** Change the outgoing-mail settings; fields left out keep their value */
        put: operations["updateMailSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mail/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test message now through the SMTP settings; answers with the server's response or why it failed */
        post: operations["sendMailTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mailboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Support mailboxes fetched over IMAP */
        get: operations["getMailboxes"];
        put?: never;
        /** Add a support mailbox (the password is stored sealed and never returned) */
        post: operations["postMailboxes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mailboxes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A mailbox */
        get: operations["getMailboxesById"];
        put?: never;
        post?: never;
        /** Remove a mailbox */
        delete: operations["deleteMailboxesById"];
        options?: never;
        head?: never;
        /** Change a mailbox (another server, user or folder starts from its first message again) */
        patch: operations["patchMailboxesById"];
        trace?: never;
    };
    "/api/mailboxes/{id}/fetch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fetch new mail now (otherwise every minute) */
        post: operations["postMailboxesByIdFetch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mailboxes/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in and open the folder: whether it works, how many messages it holds, whether the server offers IDLE */
        post: operations["postMailboxesByIdTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merges/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo a merge: the merged customers come back with their own orders and interactions */
        post: operations["postMergesByIdUndo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sent and queued email, newest first (filter by status, customer, related record, purpose) */
        get: operations["listMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message with its bodies */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/{id}/bounces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bounce and complaint reports received about a message, newest first, with the raw report (kept 30 days) */
        get: operations["listMessageBounces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fitted models with their parameters and metrics, newest first (the purchase model: AUC, Brier score and calibration on the held-out split, next to a recency-only baseline) */
        get: operations["getModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List orders */
        get: operations["getOrders"];
        put?: never;
        /** Create a order */
        post: operations["postOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a order */
        get: operations["getOrdersById"];
        put?: never;
        post?: never;
        /** Delete a order */
        delete: operations["deleteOrdersById"];
        options?: never;
        head?: never;
        /** Update a order (only the fields sent) */
        patch: operations["patchOrdersById"];
        trace?: never;
    };
    "/api/orders/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create, update and delete orders in one all-or-nothing transaction */
        post: operations["postOrdersBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipelines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sales pipelines with their stages (a default pipeline is made on first use) */
        get: operations["getPipelines"];
        put?: never;
        /** Create a pipeline with its stages */
        post: operations["postPipelines"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipelines/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a pipeline */
        get: operations["getPipelinesById"];
        put?: never;
        post?: never;
        /** Delete a pipeline that holds no deals */
        delete: operations["deletePipelinesById"];
        options?: never;
        head?: never;
        /** Rename a pipeline, change its rules, or edit its stages (the full list; a stage holding deals needs move_deals to be deleted) */
        patch: operations["patchPipelinesById"];
        trace?: never;
    };
    "/api/pipelines/{id}/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The kanban board of a pipeline: open deals per stage with totals, weighted totals and rotten marks; won and lost deals closed lately */
        get: operations["getPipelinesByIdBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/predict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Purchase probability of a hypothetical customer, with the inputs used and ignored
         * @description Query parameters: age, income, order_count, revenue, purchase_frequency, days_since_last_order, days_since_first_order, segment; any other is a 400. An input not given takes the centre of the segment given (a number is the k-means label in the newest segmentation, 0 to k - 1, or a segment id), else the median of the customers the model was trained on. The answer names the inputs used and where each value came from, the inputs the model ignores and why, and warnings (extrapolation, a weak model).
         */
        get: operations["getPredict"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List products */
        get: operations["getProducts"];
        put?: never;
        /** Create a product */
        post: operations["postProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a product */
        get: operations["getProductsById"];
        put?: never;
        post?: never;
        /** Delete a product */
        delete: operations["deleteProductsById"];
        options?: never;
        head?: never;
        /** Update a product (only the fields sent) */
        patch: operations["patchProductsById"];
        trace?: never;
    };
    "/api/products/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create, update and delete products in one all-or-nothing transaction */
        post: operations["postProductsBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List quotes */
        get: operations["getQuotes"];
        put?: never;
        /** Create a quote */
        post: operations["postQuotes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quotes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a quote */
        get: operations["getQuotesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a quote (only the fields sent) */
        patch: operations["patchQuotesById"];
        trace?: never;
    };
    "/api/quotes/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What happened to the quote: sent, viewed, downloaded, accepted, declined, with time, address and user agent */
        get: operations["quoteActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quotes/{id}/convert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn the quote into an order without online acceptance: the deal is won, an order and a follow-up task are created */
        post: operations["convertQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quotes/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The quote as a PDF */
        get: operations["quotePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quotes/{id}/revise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Draft version n+1 of a sent, answered or expired quote (same number); the old version stops accepting */
        post: operations["reviseQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quotes/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email the quote to the customer: a link to its public page (/q/{token}) and the PDF; a draft becomes sent */
        post: operations["sendQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quotes/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create, update and delete quotes in one all-or-nothing transaction */
        post: operations["postQuotesBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Referrals, newest first */
        get: operations["getReferrals"];
        put?: never;
        /** Attribute a customer to the owner of a referral code (refused for self-referral, loops, repeat customers) */
        post: operations["postReferrals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tasks not done whose reminder time has passed, latest first (at most 100) */
        get: operations["getReminders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reminders/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many tasks not done are overdue, due later today (business time zone) or have a reminder due: the navigation badge */
        get: operations["getRemindersCounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Campaign interactions: sent, opened, clicked, converted and revenue, by campaign or channel */
        get: operations["getReportsCampaigns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/cohorts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retention by first-purchase month */
        get: operations["getReportsCohorts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** New, active and churned customers per period */
        get: operations["getReportsCustomers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dashboard set in one call: KPIs, revenue and customers per period, stages, segments, top campaigns */
        get: operations["getReportsDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** NPS and CSAT per month with 95% intervals, and response rates */
        get: operations["getReportsFeedback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/loyalty": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme's return: liability, earn and redeem by month, redemption rate, tier mix, referred customers against the others with bootstrap intervals */
        get: operations["getReportsLoyalty"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders per period (same figures as the revenue report) */
        get: operations["getReportsOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Quote acceptance rate and time to accept, by month the quotes were first sent */
        get: operations["quoteReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/revenue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Revenue, orders, buyers and average order value per period */
        get: operations["getReportsRevenue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/revenue-by/{dimension}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Revenue by segment, stage, rfm_segment, source, country */
        get: operations["getReportsRevenueByByDimension"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/service": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service report: first-response and resolution times, SLA attainment, churn and CLV by CSAT band */
        get: operations["getReportsService"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segmentations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Segmentations, newest first */
        get: operations["getSegmentations"];
        put?: never;
        /** Run k-means on chosen customer features and store the segments */
        post: operations["postSegmentations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segmentations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A segmentation: segments, centroids, sizes, inertia, elbow and silhouette data */
        get: operations["getSegmentationsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Segments of the newest segmentation and saved-filter segments, side by side */
        get: operations["getSegments"];
        put?: never;
        /** Save a filter as a segment */
        post: operations["postSegments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A segment */
        get: operations["getSegmentsById"];
        put?: never;
        post?: never;
        /** Delete a saved-filter segment */
        delete: operations["deleteSegmentsById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/senders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sender identities with the DNS records to publish */
        get: operations["listSenders"];
        put?: never;
        /** Add a sender; Rapport generates its DKIM key pair (RSA 2048) */
        post: operations["createSender"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/senders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One sender */
        get: operations["getSender"];
        put?: never;
        post?: never;
        /** Remove a sender (its queued mail goes out with the default settings) */
        delete: operations["deleteSender"];
        options?: never;
        head?: never;
        /** Change a sender (name, reply-to, default, rate limits) */
        patch: operations["updateSender"];
        trace?: never;
    };
    "/api/senders/{id}/dns-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Looks up the DKIM, SPF and DMARC records of the sender domain and compares them with what Rapport expects */
        get: operations["checkSenderDns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Business settings: the currency amounts are shown in and the time zone days are counted in */
        get: operations["getSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the business currency or time zone (400 on an unknown ISO 4217 code or IANA zone) */
        patch: operations["patchSettings"];
        trace?: never;
    };
    "/api/settings/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What quotes show about the business (name, address, logo) and their defaults */
        get: operations["getQuoteSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the business details and defaults of quotes */
        patch: operations["updateQuoteSettings"];
        trace?: never;
    };
    "/api/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Texts sent and queued, newest first */
        get: operations["listSms"];
        put?: never;
        /** Queue a text to a customer's phone; opt-outs and (for marketing) SMS consent are checked when it is sent */
        post: operations["sendSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One text with its status */
        get: operations["getSms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sms/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How many SMS a text costs: GSM-7 (160, or 153 per part) or UCS-2 (70, or 67 per part) */
        post: operations["countSmsSegments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sms/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SMS provider settings (the auth token is never returned) and the callback URLs to give the provider */
        get: operations["getSmsSettings"];
        /** Change the SMS provider settings; fields left out keep their value */
        put: operations["updateSmsSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/suppressions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Addresses that get no mail (unsubscribed, hard bounce, complaint, added by hand) */
        get: operations["listSuppressions"];
        put?: never;
        /** Suppress an address by hand (an address already listed keeps its entry) */
        post: operations["addSuppression"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/suppressions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take an address off the suppression list */
        delete: operations["removeSuppression"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** NPS surveys with how many were sent and answered */
        get: operations["getSurveys"];
        put?: never;
        /** Create an NPS survey: an audience (segment or stage) to send to by hand, and/or days after becoming a customer to send automatically */
        post: operations["postSurveys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One NPS survey */
        get: operations["getSurveysById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an NPS survey (name, question, audience, days, active) */
        patch: operations["patchSurveysById"];
        trace?: never;
    };
    "/api/surveys/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send an NPS survey to its audience now (those asked in the last 90 days or already asked this survey are skipped; consent is checked at send) */
        post: operations["postSurveysByIdSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Survey answers, newest first (cursor paging) */
        get: operations["getSurveysResponses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tasks */
        get: operations["getTasks"];
        put?: never;
        /** Create a task */
        post: operations["postTasks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a task */
        get: operations["getTasksById"];
        put?: never;
        post?: never;
        /** Delete a task */
        delete: operations["deleteTasksById"];
        options?: never;
        head?: never;
        /** Update a task (only the fields sent) */
        patch: operations["patchTasksById"];
        trace?: never;
    };
    "/api/tasks/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create, update and delete tasks in one all-or-nothing transaction */
        post: operations["postTasksBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Email templates */
        get: operations["getTemplates"];
        put?: never;
        /** Add a template (checked: MJML and Liquid syntax, every merge field known) */
        post: operations["postTemplates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A template */
        get: operations["getTemplatesById"];
        put?: never;
        post?: never;
        /** Delete a template no open campaign uses */
        delete: operations["deleteTemplatesById"];
        options?: never;
        head?: never;
        /** Change a template (checked as when added) */
        patch: operations["patchTemplatesById"];
        trace?: never;
    };
    "/api/templates/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test of the template to one address (as a customer, or with sample values) */
        post: operations["postTemplatesByIdTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The merge fields a template can use: customer fields, next best offer, discount code */
        get: operations["getTemplatesFields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a stored or unsaved template as a customer (or with sample values) */
        post: operations["postTemplatesPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The inbox: tickets filtered and sorted by what matters, a page at a time */
        get: operations["getTickets"];
        put?: never;
        /** Open a ticket by hand (a phone call, a note of a conversation); the customer is matched by email or created */
        post: operations["postTickets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ticket with its conversation and the customer's value beside it */
        get: operations["getTicketsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change subject, kind, priority, tags or customer (a new kind or priority recomputes the due times) */
        patch: operations["patchTicketsById"];
        trace?: never;
    };
    "/api/tickets/{id}/attachments/{attachment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment of a ticket message */
        get: operations["getTicketsByIdAttachmentsByAttachmentId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/messages/{message_id}/html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The HTML part of a message as a page to frame: sanitised, quoted mail folded, remote images only with images=true */
        get: operations["getTicketsByIdMessagesByMessageIdHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/note": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an internal note (never sent) */
        post: operations["postTicketsByIdNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply to the customer by email, threaded (Message-ID, In-Reply-To, References, [#T-n] in the subject) */
        post: operations["postTicketsByIdReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the status: open, waiting (on the customer), snoozed until a time, resolved, closed */
        post: operations["postTicketsByIdStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service levels: business hours, holidays, targets, follow-up window, the priority rule for at-risk high-value customers */
        get: operations["getTicketsSettings"];
        /** Replace the service-level settings (new tickets use them) */
        put: operations["putTicketsSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/today": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What to do now, ranked by money at stake: due and overdue tasks, rotten deals, quotes waiting for an answer, contracts to renew, customers worth a call */
        get: operations["getToday"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API tokens */
        get: operations["getTokens"];
        put?: never;
        /** Create an API token (the secret is shown once). `expires_in_days` sets an expiry; `can_create_tokens` lets the new token create tokens. A token without that right gets 403 here. */
        post: operations["postTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: operations["deleteTokensById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook endpoints */
        get: operations["listWebhooks"];
        put?: never;
        /** Add an endpoint; the answer holds its signing secret, shown only once */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One endpoint */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Remove an endpoint and its delivery log */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change an endpoint; `active: true` turns a disabled one back on */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log, newest first */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries/{delivery_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (the old one stops at once) */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a `webhook.test` event to this endpoint */
        post: operations["sendWebhookTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The iCalendar feed (RFC 5545): open tasks with due times, expected close dates of open deals, contract ends */
        get: operations["getCalendarByFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat/{key}/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a chat (it becomes a ticket with channel chat); the answer carries the token for the rest of the chat */
        post: operations["chatStart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat/{key}/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The visitor leaves an email address: replies go on by email when they are gone */
        post: operations["chatLeaveEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat/{key}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The visitor's live stream (Server-Sent Events): messages after `after`, then each new one as it is written */
        get: operations["chatEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat/{key}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The visitor's messages so far (after a message id when given) */
        get: operations["chatHistory"];
        put?: never;
        /** The visitor sends a message */
        post: operations["chatSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat/{key}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The visitor rates the chat (CSAT 1–5, optional comment) after the owner resolved it */
        post: operations["chatRate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat/{key}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the owner is online (else the widget asks for an email address) and the greeting */
        get: operations["chatStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat/widget.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The chat widget script: `<script src="https://your-rapport/chat/widget.js?key=..." async></script>` */
        get: operations["chatWidgetScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/f/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hosted form page (public; `?ref=CODE` passes a referral code) */
        get: operations["getFById"];
        put?: never;
        /** Submit a form (public). HTML answer for the hosted page, JSON when the request accepts application/json (the embed script); cross-site posts only from the form's allowed origins */
        post: operations["postFById"];
        delete?: never;
        /** CORS preflight for posts from the form's allowed origins */
        options: operations["optionsFById"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/f/{id}/embed.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The embeddable script: draws the form into the page that loads it and posts it here */
        get: operations["getFByIdEmbedJs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's own page (public, signed link): balance, tier, rewards and referral link */
        get: operations["getMeByToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/q/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public page of a sent quote: lines, totals, terms, the PDF, and forms to accept or decline (410 once expired or replaced) */
        get: operations["publicQuotePage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/q/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a quote (typed name, and the SHA-256 of the PDF the page showed): the deal is won, an order and a follow-up task are created */
        post: operations["publicAcceptQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/q/{token}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a quote, with an optional reason */
        post: operations["publicDeclineQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/q/{token}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The PDF of a sent quote (its SHA-256 is on the page and recorded on acceptance) */
        get: operations["publicQuotePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/r/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A referral link's landing page (public): leads to the lead form or the shop with the code */
        get: operations["getRByCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The survey page; with `score` (the one-click link of the email) that score is picked on the page, and recorded only when the page is sent (POST) */
        get: operations["publicSurveyPage"];
        put?: never;
        /** Answer a survey from its page: a score and an optional comment (a later answer replaces the earlier one while the survey is open) */
        post: operations["publicSurveyAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sms/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A text to our number, from the SMS provider (signed); STOP and START change the sender’s SMS consent */
        post: operations["smsInboundCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sms/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The SMS provider's delivery report for a text (signed with X-Twilio-Signature) */
        post: operations["smsStatusCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/t/c/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tracked link: records the click and redirects to the address signed into the token (never elsewhere) */
        get: operations["trackClick"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/t/o/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open pixel of a tracked email (a 1×1 GIF) */
        get: operations["trackOpen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/u/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Email preference page of the recipient of a message (no sign-in; signed token) */
        get: operations["emailPreferencePage"];
        put?: never;
        /** One-click unsubscribe (RFC 8058: body `List-Unsubscribe=One-Click`), also the button of the preference page; takes effect at once */
        post: operations["unsubscribeOneClick"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AbPlan: {
            /** @description The smallest difference in rate the test is likely to show (80 % power) */
            detectable_difference: number | null;
            per_variant: number;
            rest: number;
            test_recipients: number;
            /** @description Set when the test share is too small to tell the variants apart */
            warning: string | null;
        } | null;
        AbResult: {
            expected_loss: number[];
            p_best: number[];
            /** @enum {string} */
            reason: "threshold" | "wait_ended";
            successes: number[];
            trials: number[];
            /** @enum {string} */
            variant: "A" | "B" | "C" | "D";
        } | null;
        AbSettings: {
            /**
             * @description The rate you expect (for the test-size warning only)
             * @default 0.03
             */
            baseline_rate: number;
            /**
             * @description click: a tracked click; conversion: an order within the attribution window of the message
             * @default click
             * @enum {string}
             */
            metric: "click" | "conversion";
            /**
             * @description Percent of the audience that gets the test, split evenly among the variants (10 to 50)
             * @default 20
             */
            test_share: number;
            /**
             * @description The winner goes out early once its P(best) reaches this
             * @default 0.95
             */
            threshold: number;
            /**
             * @description How long the test runs before the best variant goes to the rest
             * @default 4
             */
            wait_hours: number;
        } | null;
        ApiToken: {
            can_create_tokens: boolean;
            created_at: string;
            expires_at: string | null;
            id: string;
            last_used_at: string | null;
            name: string;
            prefix: string;
            revoked_at: string | null;
        };
        AudienceCount: {
            /** @description Of those with an email, the ones with consent to marketing email */
            consented: number;
            /** @description Customers the audience selects (erased ones left out) */
            matching: number;
            /** @description Who would get the campaign now */
            sendable: number;
            /** @description Of the consented, those whose address is on the suppression list */
            suppressed: number;
            with_email: number;
        };
        AudienceCountInput: {
            ab?: components["schemas"]["AbSettings"];
            audience: components["schemas"]["CampaignAudience"];
            variants?: number;
        };
        AuditEntry: {
            action: string;
            actor: string;
            /** @description The record after the change, without its empty (null) fields */
            after: {
                [key: string]: unknown;
            } | unknown[] | string | number | boolean | null;
            at: string;
            batch_id: string | null;
            /** @description The record before the change, without its empty (null) fields */
            before: {
                [key: string]: unknown;
            } | unknown[] | string | number | boolean | null;
            entity: string;
            entity_id: string;
            id: string;
        };
        BusinessSettings: {
            /**
             * @description ISO 4217 currency code: amounts are shown in it; orders in another currency are labelled and kept out of totals
             * @example EUR
             */
            currency: string;
            /**
             * @description IANA time zone: days (reports, "3 days ago") are counted in it
             * @example Europe/Brussels
             */
            time_zone: string;
        };
        BusinessSettingsPatch: {
            /**
             * @description ISO 4217 currency code: amounts are shown in it; orders in another currency are labelled and kept out of totals
             * @example EUR
             */
            currency?: string;
            /**
             * @description IANA time zone: days (reports, "3 days ago") are counted in it
             * @example Europe/Brussels
             */
            time_zone?: string;
        };
        CalendarFeedCreated: {
            /** @enum {boolean} */
            active: true;
            created_at: string;
            /** @description The feed path with its secret, /calendar/{secret}.ics: shown this once (only a hash is stored) */
            path: string;
            /** @description The path on the host this request came to */
            url: string;
        };
        CalendarFeedStatus: {
            active: boolean;
            /** @description When the current secret was made */
            created_at: string | null;
        };
        Campaign: {
            ab: components["schemas"]["AbSettings"];
            ab_result: components["schemas"]["AbResult"];
            attribution_days: number;
            audience: components["schemas"]["CampaignAudience"];
            created_at: string;
            decided_at: string | null;
            discount_prefix: string | null;
            /** @description Orders that may redeem one discount code (0: any number) */
            discount_uses: number;
            /** @description When the last message was queued (the campaign is sent once they are all delivered), or when it was cancelled */
            finished_at: string | null;
            id: string;
            name: string;
            scheduled_at: string | null;
            sender_id: string | null;
            started_at: string | null;
            /** @enum {string} */
            status: "draft" | "scheduled" | "sending" | "paused" | "cancelled" | "sent";
            test_sent_at: string | null;
            updated_at: string;
            variants: {
                /** @enum {string} */
                key: "A" | "B" | "C" | "D";
                subject: string | null;
                template_id: string;
            }[];
        };
        CampaignAudience: {
            /** @enum {string} */
            kind: "segment";
            /** @description A segment id (k-means or saved filter), or a k-means label of the newest segmentation */
            segment_id: string;
        } | {
            /** @description A filter tree over customer fields, as in GET /api/customers?filter= */
            filter: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            kind: "filter";
        } | {
            /** @enum {string} */
            kind: "rfm_segment";
            /** @description Named RFM segment, e.g. champions, at risk */
            rfm_segment: string;
        } | {
            /** @enum {string} */
            kind: "stage";
            /** @enum {string} */
            stage: "lead" | "active" | "inactive" | "churned";
        };
        CampaignAudienceCount: components["schemas"]["AudienceCount"] & {
            ab_plan: components["schemas"]["AbPlan"];
        };
        CampaignInput: {
            ab?: components["schemas"]["AbSettings"];
            /**
             * @description Orders within this many days of a click count for the campaign
             * @default 7
             */
            attribution_days: number;
            audience: components["schemas"]["CampaignAudience"];
            discount_prefix?: string | null;
            /**
             * @description How many orders may redeem one personal discount code of the campaign (1: single-use; 0: any number)
             * @default 1
             */
            discount_uses: number;
            name: string;
            sender_id?: string | null;
            /** @description One variant for a plain campaign; 2 to 4 for an A/B test */
            variants: {
                /** @description A subject (Liquid) instead of the template's, for a subject test */
                subject?: string | null;
                template_id: string;
            }[];
        };
        CampaignPatch: {
            ab?: components["schemas"]["AbSettings"];
            /**
             * @description Orders within this many days of a click count for the campaign
             * @default 7
             */
            attribution_days: number;
            audience?: components["schemas"]["CampaignAudience"];
            discount_prefix?: string | null;
            /**
             * @description How many orders may redeem one personal discount code of the campaign (1: single-use; 0: any number)
             * @default 1
             */
            discount_uses: number;
            name?: string;
            sender_id?: string | null;
            /** @description One variant for a plain campaign; 2 to 4 for an A/B test */
            variants?: {
                /** @description A subject (Liquid) instead of the template's, for a subject test */
                subject?: string | null;
                template_id: string;
            }[];
        };
        CampaignReport: {
            /** @enum {string} */
            by: "campaign" | "channel";
            /** @description Answered from the report cache */
            cached: boolean;
            data: components["schemas"]["CampaignRow"][];
            /**
             * @description YYYY-MM-DD
             * @example 2026-01-31
             */
            from: string;
            /** @description When the figures were computed */
            generated_at: string;
            /**
             * @description YYYY-MM-DD
             * @example 2026-01-31
             */
            to: string;
        };
        CampaignReportDetail: {
            ab: {
                /** @description How sure the test is, in words */
                confidence: string;
                decides_at: string | null;
                /** @enum {string} */
                metric: "click" | "conversion";
                /** @enum {string} */
                phase: "not_started" | "testing" | "decided";
                result: components["schemas"]["AbResult"];
                threshold: number;
                variants: {
                    expected_loss: number | null;
                    key: string;
                    p_best: number | null;
                    rate: number | null;
                    recipients: number;
                    successes: number;
                    trials: number;
                }[];
            } | null;
            /** @description What the attributed figures count, in words */
            attribution: string;
            attribution_days: number;
            campaign_id: string;
            /** @description The business currency: attributed orders and revenue count orders in it only */
            currency: string;
            /** @description The campaign's personal discount codes and their redemptions */
            discount_codes: {
                /** @description Personal codes put in the campaign's messages */
                issued: number;
                /** @description Orders that redeemed a code (attributed to the campaign) */
                orders: number;
                /** @description Codes redeemed by at least one order */
                redeemed: number;
                /** @description Orders that brought a code already used as often as the campaign allows: not attributed */
                refused: number;
            };
            /** @description Campaign touches recorded as interactions under this campaign name (the campaigns report), when there are any */
            interactions: {
                clicked: number;
                converted: number;
                opened: number;
                revenue: number;
                sent: number;
            } | null;
            name: string;
            /**
             * @description Opens are counted but overstated by mail privacy proxies; judge by clicks
             * @enum {boolean}
             */
            opens_inflated: true;
            /** @description Attributed orders in other currencies, left out of attributed_orders and attributed_revenue (amounts are not converted) */
            other_currencies: {
                currency: string;
                orders: number;
                revenue: number;
            }[];
            status: string;
            totals: {
                attributed_orders: number;
                attributed_revenue: number;
                bounced: number;
                bounced_hard: number;
                bounced_soft: number;
                /** @description clicked / delivered */
                click_rate: number | null;
                clicked: number;
                complained: number;
                /** @description Accepted and not bounced */
                delivered: number;
                failed: number;
                /** @description Dropped by a cancel before going out */
                not_sent: number;
                /** @description Inflated: mail privacy proxies (Apple Mail Privacy Protection, Gmail image proxy) fetch every image */
                opened: number;
                /** @description Waiting for the mail worker (or held by a pause) */
                queued: number;
                recipients: number;
                /** @description Accepted by the mail server (delivered + bounced + complained) */
                sent: number;
                /** @description Not sent: suppressed address or consent withdrawn before sending */
                suppressed: number;
                unsubscribed: number;
            };
            variants: {
                attributed_orders: number;
                attributed_revenue: number;
                bounced: number;
                bounced_hard: number;
                bounced_soft: number;
                /** @description clicked / delivered */
                click_rate: number | null;
                clicked: number;
                complained: number;
                /** @description Accepted and not bounced */
                delivered: number;
                failed: number;
                key: string;
                /** @description Dropped by a cancel before going out */
                not_sent: number;
                /** @description Inflated: mail privacy proxies (Apple Mail Privacy Protection, Gmail image proxy) fetch every image */
                opened: number;
                /** @description Waiting for the mail worker (or held by a pause) */
                queued: number;
                recipients: number;
                /** @description Accepted by the mail server (delivered + bounced + complained) */
                sent: number;
                /** @description Not sent: suppressed address or consent withdrawn before sending */
                suppressed: number;
                unsubscribed: number;
            }[];
        };
        CampaignRow: {
            campaign?: string | null;
            channel?: string | null;
            clicked: number;
            conversion_rate: number | null;
            converted: number;
            opened: number;
            revenue: number;
            sent: number;
        };
        CampaignSchedule: {
            /**
             * Format: date-time
             * @description When to start; now when left out
             */
            at?: string;
        };
        CampaignTestInput: {
            /** @description Render as this customer; sample values when left out */
            customer_id?: string;
            /** Format: email */
            to: string;
            /**
             * @description One variant; every variant when left out
             * @enum {string}
             */
            variant?: "A" | "B" | "C" | "D";
        };
        CannedReply: {
            body: string;
            created_at: string;
            id: string;
            name: string;
            updated_at: string;
        };
        CannedReplyInput: {
            /** @description Liquid: {{ customer.first_name }}, {{ ticket.reference }}... */
            body: string;
            name: string;
        };
        ChatConversation: {
            created_at: string;
            customer_id: string | null;
            email: string | null;
            id: string;
            last_message_at: string;
            name: string | null;
            origin: string | null;
            site_id: string;
            /** @enum {string} */
            status: "open" | "closed";
            ticket_id: string | null;
            visitor_online: boolean;
        };
        ChatEmail: {
            /** Format: email */
            email: string;
        };
        ChatMessage: {
            body: string;
            conversation_id: string;
            created_at: string;
            /** @enum {string} */
            direction: "in" | "out" | "system";
            id: string;
            /** @enum {string} */
            kind: "text" | "csat" | "email_notice";
        };
        ChatRating: {
            comment?: string;
            score: number;
        };
        ChatReply: {
            body: string;
        };
        ChatSend: {
            body: string;
        };
        ChatSite: {
            active: boolean;
            allowed_origins: string[];
            created_at: string;
            greeting: string | null;
            id: string;
            name: string;
            /** @description Public key in the widget script tag */
            site_key: string;
            /** @description The script tag to paste into the site (relative to this Rapport) */
            snippet: string;
            updated_at: string;
        };
        ChatSiteInput: {
            active?: boolean;
            /** @description Pages on these origins may use the widget; others are refused */
            allowed_origins: string[];
            greeting?: string | null;
            name: string;
        };
        ChatStart: {
            /** Format: email */
            email?: string;
            message: string;
            name?: string;
        };
        CohortReport: {
            /** @description Answered from the report cache */
            cached: boolean;
            data: {
                /** @description First-purchase month, YYYY-MM */
                cohort: string;
                retention: {
                    customers: number;
                    month_offset: number;
                    rate: number | null;
                }[];
                size: number;
            }[];
            /**
             * @description YYYY-MM-DD
             * @example 2026-01-31
             */
            from: string;
            /** @description When the figures were computed */
            generated_at: string;
            /**
             * @description YYYY-MM-DD
             * @example 2026-01-31
             */
            to: string;
        };
        companiesBulk: {
            create?: components["schemas"]["CompanyCreate"][];
            delete?: string[];
            update?: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
        };
        Company: {
            address: string | null;
            city: string | null;
            country: string | null;
            created_at: string;
            domain: string | null;
            id: string;
            industry: string | null;
            name: string;
            notes: string | null;
            phone: string | null;
            postcode: string | null;
            region: string | null;
            updated_at: string;
        } & {
            [key: string]: unknown;
        };
        CompanyCreate: {
            /** @description Address */
            address?: string | null;
            /** @description City */
            city?: string | null;
            /** @description Country */
            country?: string | null;
            /** @description Domain */
            domain?: string | null;
            /** @description Industry */
            industry?: string | null;
            /** @description Name */
            name: string;
            /** @description Notes */
            notes?: string | null;
            /** @description Phone */
            phone?: string | null;
            /** @description Postcode */
            postcode?: string | null;
            /** @description Region */
            region?: string | null;
        };
        CompanyUpdate: {
            /** @description Address */
            address?: string | null;
            /** @description City */
            city?: string | null;
            /** @description Country */
            country?: string | null;
            /** @description Domain */
            domain?: string | null;
            /** @description Industry */
            industry?: string | null;
            /** @description Name */
            name?: string | null;
            /** @description Notes */
            notes?: string | null;
            /** @description Phone */
            phone?: string | null;
            /** @description Postcode */
            postcode?: string | null;
            /** @description Region */
            region?: string | null;
        };
        Contract: {
            auto_renew: boolean | null;
            /** @enum {string|null} */
            billing_period: "one_off" | "monthly" | "quarterly" | "yearly" | null;
            created_at: string;
            currency: string | null;
            customer_id: string | null;
            deal_id: string | null;
            ends_on: string | null;
            expiring_at: string | null;
            file_name: string | null;
            file_sha256: string | null;
            file_size: number | null;
            file_type: string | null;
            id: string;
            notes: string | null;
            quote_id: string | null;
            renewal_deal_id: string | null;
            renewal_notice_days: number | null;
            renewal_task_id: string | null;
            renewed_from_id: string | null;
            renewed_to_id: string | null;
            starts_on: string;
            /** @enum {string} */
            status: "draft" | "active" | "expiring" | "ended" | "renewed";
            title: string;
            updated_at: string;
            value: number | null;
        } & {
            [key: string]: unknown;
        };
        ContractCreate: {
            /** @description At its end the contract rolls over into a new one of the same length. */
            auto_renew?: boolean | null;
            /**
             * @description Billing period
             * @enum {string|null}
             */
            billing_period?: "one_off" | "monthly" | "quarterly" | "yearly" | null;
            /** @description ISO 4217 code; the business currency when omitted. */
            currency?: string | null;
            /** @description Customer ID */
            customer_id?: string | null;
            /** @description Deal ID */
            deal_id?: string | null;
            /** @description Last day of the contract; empty for an open-ended one. */
            ends_on?: string | null;
            /** @description Notes */
            notes?: string | null;
            /** @description Quote ID */
            quote_id?: string | null;
            /** @description Days before the end when the contract turns expiring and a renewal task (and deal) is created; 30 when omitted. */
            renewal_notice_days?: number | null;
            /** @description Starts */
            starts_on: string;
            /**
             * @description draft when omitted; the renewal job sets expiring, ended and renewed.
             * @enum {string|null}
             */
            status?: "draft" | "active" | "expiring" | "ended" | "renewed" | null;
            /** @description Title */
            title: string;
            /** @description Amount per billing period (the whole amount for one_off). */
            value?: number | null;
        };
        contractsBulk: {
            create?: components["schemas"]["ContractCreate"][];
            delete?: string[];
            update?: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
        };
        ContractToRenew: {
            auto_renew: boolean;
            billing_period: string | null;
            currency: string | null;
            customer_id: string | null;
            days_left: number;
            ends_on: string;
            id: string;
            renewal_deal_id: string | null;
            renewal_task_id: string | null;
            title: string;
            value: number | null;
        };
        ContractUpdate: {
            /** @description At its end the contract rolls over into a new one of the same length. */
            auto_renew?: boolean | null;
            /**
             * @description Billing period
             * @enum {string|null}
             */
            billing_period?: "one_off" | "monthly" | "quarterly" | "yearly" | null;
            /** @description ISO 4217 code; the business currency when omitted. */
            currency?: string | null;
            /** @description Customer ID */
            customer_id?: string | null;
            /** @description Deal ID */
            deal_id?: string | null;
            /** @description Last day of the contract; empty for an open-ended one. */
            ends_on?: string | null;
            /** @description Notes */
            notes?: string | null;
            /** @description Quote ID */
            quote_id?: string | null;
            /** @description Days before the end when the contract turns expiring and a renewal task (and deal) is created; 30 when omitted. */
            renewal_notice_days?: number | null;
            /** @description Starts */
            starts_on?: string | null;
            /**
             * @description draft when omitted; the renewal job sets expiring, ended and renewed.
             * @enum {string|null}
             */
            status?: "draft" | "active" | "expiring" | "ended" | "renewed" | null;
            /** @description Title */
            title?: string | null;
            /** @description Amount per billing period (the whole amount for one_off). */
            value?: number | null;
        };
        Credentials: {
            /** @example me@example.com */
            email: string;
            password: string;
        };
        /** @description CSAT: % of answers 4–5 with its 95% Wilson interval, and the mean score */
        CsatFigure: {
            answers: number;
            average: number | null;
            csat: number | null;
            high: number | null;
            low: number | null;
            satisfied: number;
        };
        Customer: {
            address: string | null;
            age: number | null;
            average_order_value: number | null;
            birthday: string | null;
            churn_reason: string | null;
            churn_risk: number | null;
            city: string | null;
            clv: number | null;
            company: string | null;
            company_id: string | null;
            consent_email: boolean | null;
            consent_email_at: string | null;
            consent_email_method: string | null;
            consent_sms: boolean | null;
            consent_sms_at: string | null;
            consent_sms_method: string | null;
            country: string | null;
            created_at: string;
            customer_since: string | null;
            email: string | null;
            emails: string[];
            erased_at: string | null;
            expected_purchases_90d: number | null;
            first_name: string | null;
            first_order_at: string | null;
            gender: string | null;
            id: string;
            income: number | null;
            last_interaction_at: string | null;
            last_name: string | null;
            last_order_at: string | null;
            notes: string | null;
            order_count: number;
            p_alive: number | null;
            p_purchase_90d: number | null;
            phone: string | null;
            phones: {
                e164: string | null;
                raw: string;
                reason?: string;
            }[];
            postcode: string | null;
            purchase_frequency: number | null;
            purchase_probability: number | null;
            referral_code: string | null;
            region: string | null;
            revenue: number;
            rfm_frequency: number | null;
            rfm_monetary: number | null;
            rfm_recency: number | null;
            rfm_score: string | null;
            rfm_segment: string | null;
            /** @enum {string|null} */
            score_basis: "model" | "own_rhythm" | "typical_rhythm" | null;
            scored_at: string | null;
            segment_id: string | null;
            source: string | null;
            sources: {
                source: string;
                source_id: string;
            }[];
            /** @enum {string|null} */
            stage: "lead" | "active" | "inactive" | "churned" | null;
            stage_changed_at: string | null;
            tags: string[];
            time_zone: string | null;
            title: string | null;
            updated_at: string;
            usual_gap_days: number | null;
            value_at_risk: number | null;
        } & {
            [key: string]: unknown;
        };
        CustomerCreate: {
            /** @description Address */
            address?: string | null;
            /** @description Age */
            age?: number | null;
            /** @description Birthday */
            birthday?: string | null;
            /** @description City */
            city?: string | null;
            /** @description Company */
            company?: string | null;
            /** @description Company ID */
            company_id?: string | null;
            /** @description Email opt-in */
            consent_email?: boolean | null;
            /** @description Email opt-in given at */
            consent_email_at?: string | null;
            /** @description How email opt-in was given */
            consent_email_method?: string | null;
            /** @description SMS opt-in */
            consent_sms?: boolean | null;
            /** @description SMS opt-in given at */
            consent_sms_at?: string | null;
            /** @description How SMS opt-in was given */
            consent_sms_method?: string | null;
            /** @description Country */
            country?: string | null;
            /** @description When the person became a customer: the source's creation date when an import gave one, else when the record was created here. Empty for an imported customer whose file gave no date (the first order then tells). */
            customer_since?: string | null;
            /**
             * Format: email
             * @description Email
             */
            email?: string | null;
            /** @description Every address of the person; the primary email comes first. */
            emails?: string[] | null;
            /** @description First name */
            first_name?: string | null;
            /** @description Gender */
            gender?: string | null;
            /** @description Income */
            income?: number | null;
            /** @description Last name */
            last_name?: string | null;
            /** @description Notes */
            notes?: string | null;
            /** @description Primary phone in E.164 form when it could be normalised. */
            phone?: string | null;
            /** @description Every phone with the raw text kept. */
            phones?: (string | {
                e164: string | null;
                raw: string;
                reason?: string;
            })[] | null;
            /** @description Postcode */
            postcode?: string | null;
            /** @description The referral code the customer arrived with: a new customer is attributed to the code's owner (see /api/referrals). */
            referral_code?: string | null;
            /** @description Region */
            region?: string | null;
            /** @description Where the customer came from (e.g. referral, website). */
            source?: string | null;
            sources?: {
                source: string;
                source_id: string;
            }[];
            /** @description Tags */
            tags?: string[] | null;
            /** @description IANA time zone (e.g. Europe/Paris) where the customer lives: flows wait until a time of day in it (the business time zone when empty). */
            time_zone?: string | null;
            /** @description Job title */
            title?: string | null;
        } & {
            [key: string]: unknown;
        };
        CustomerExport: {
            change_history: {
                action: string;
                actor: string;
                /** @description A stored JSON value */
                after: {
                    [key: string]: unknown;
                } | unknown[] | string | number | boolean | null;
                at: string;
                /** @description A stored JSON value */
                before: {
                    [key: string]: unknown;
                } | unknown[] | string | number | boolean | null;
                record_id: string;
            }[];
            chats: {
                created_at: string;
                email: string | null;
                id: string;
                messages: {
                    body: string;
                    created_at: string;
                    direction: string;
                }[];
                name: string | null;
                origin: string | null;
                ticket_id: string | null;
            }[];
            company: components["schemas"]["Company"] & (Record<string, never> | null);
            contracts: components["schemas"]["Contract"][];
            customer: components["schemas"]["Customer"];
            deals: components["schemas"]["Deal"][];
            exported_at: string;
            feedback: {
                requests: {
                    answered_at: string | null;
                    channel: string;
                    id: string;
                    kind: string;
                    sent_at: string;
                    survey_id: string | null;
                    ticket_id: string | null;
                }[];
                responses: {
                    answered_at: string;
                    comment: string | null;
                    kind: string;
                    request_id: string;
                    score: number;
                    updated_at: string;
                }[];
            };
            flows: components["schemas"]["FlowsExport"];
            form_submissions: components["schemas"]["FormSubmission"][];
            interactions: components["schemas"]["Interaction"][];
            loyalty: components["schemas"]["LoyaltyExport"];
            mail: components["schemas"]["CustomerMailExport"];
            merged_records: ({
                address: string | null;
                age: number | null;
                average_order_value: number | null;
                birthday: string | null;
                churn_reason: string | null;
                churn_risk: number | null;
                city: string | null;
                clv: number | null;
                company: string | null;
                company_id: string | null;
                consent_email: boolean | null;
                consent_email_at: string | null;
                consent_email_method: string | null;
                consent_sms: boolean | null;
                consent_sms_at: string | null;
                consent_sms_method: string | null;
                country: string | null;
                created_at: string;
                customer_since: string | null;
                email: string | null;
                emails: string[];
                erased_at: string | null;
                expected_purchases_90d: number | null;
                first_name: string | null;
                first_order_at: string | null;
                gender: string | null;
                id: string;
                income: number | null;
                last_interaction_at: string | null;
                last_name: string | null;
                last_order_at: string | null;
                merge_id: string;
                merged_at: string;
                notes: string | null;
                order_count: number;
                p_alive: number | null;
                p_purchase_90d: number | null;
                phone: string | null;
                phones: {
                    e164: string | null;
                    raw: string;
                    reason?: string;
                }[];
                postcode: string | null;
                purchase_frequency: number | null;
                purchase_probability: number | null;
                referral_code: string | null;
                region: string | null;
                revenue: number;
                rfm_frequency: number | null;
                rfm_monetary: number | null;
                rfm_recency: number | null;
                rfm_score: string | null;
                rfm_segment: string | null;
                /** @enum {string|null} */
                score_basis: "model" | "own_rhythm" | "typical_rhythm" | null;
                scored_at: string | null;
                segment_id: string | null;
                source: string | null;
                /** @enum {string|null} */
                stage: "lead" | "active" | "inactive" | "churned" | null;
                stage_changed_at: string | null;
                tags: string[];
                time_zone: string | null;
                title: string | null;
                updated_at: string;
                usual_gap_days: number | null;
                value_at_risk: number | null;
            } & {
                [key: string]: unknown;
            })[];
            orders: components["schemas"]["Order"][];
            quotes: components["schemas"]["Quote"][];
            sms: components["schemas"]["CustomerSmsExport"];
            tasks: components["schemas"]["Task"][];
        };
        CustomerFeedback: {
            answered: number;
            csat_average: number | null;
            last_nps: {
                answered_at: string;
                /** @enum {string} */
                band: "promoter" | "passive" | "detractor";
                score: number;
            } | null;
            /** @description Surveys sent to the customer */
            requests: number;
            responses: components["schemas"]["SurveyResponse"][];
        };
        CustomerFigures: {
            average_order_value: number | null;
            /** @description The business currency: revenue and the average order value count the orders in it only */
            currency: string;
            first_order_at: string | null;
            last_interaction_at: string | null;
            last_order_at: string | null;
            order_count: number | null;
            /** @description Counted orders in each other currency: in the order count and dates, not in the amounts (currencies are not converted) */
            other_currencies: {
                currency: string;
                orders: number;
                revenue: number;
            }[];
            purchase_frequency: number | null;
            revenue: number | null;
        };
        CustomerMailExport: {
            bounces: {
                diagnostic: string | null;
                kind: string;
                message_id: string | null;
                received_at: string;
                recipient: string | null;
                status: string | null;
            }[];
            messages: {
                clicked_at: string | null;
                created_at: string;
                id: string;
                opened_at: string | null;
                purpose: string;
                sent_at: string | null;
                status: string;
                subject: string;
                text_body: string;
                to_address: string;
            }[];
            suppressions: {
                address: string | null;
                created_at: string;
                reason: string;
            }[];
        };
        CustomerPoints: {
            customer_id: string;
            /** @description Points earned over the customer's life, less reversals */
            earned: number;
            history: components["schemas"]["LoyaltyEntry"][];
            next_cursor: string | null;
            /** @description The customer's own page (a signed link; share it only with them); null for an erased person */
            page_link: string | null;
            points: number;
            redemptions: components["schemas"]["LoyaltyRedemption"][];
            /** @description Null for an erased person */
            referral_code: string | null;
            referral_link: string | null;
            /** @description Customers this customer brought in */
            referrals: number;
            referred_by: string | null;
            tier: components["schemas"]["LoyaltyTier"] & (Record<string, never> | null);
            tier_since: string | null;
        };
        customersBulk: {
            create?: components["schemas"]["CustomerCreate"][];
            delete?: string[];
            update?: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
        };
        CustomerScores: {
            /** @description The date the scores were computed as of */
            as_of: string | null;
            /** @enum {string|null} */
            basis: "model" | "own_rhythm" | "typical_rhythm" | null;
            /** @description 1 - p_alive: the same estimate, said the other way */
            churn_risk: number | null;
            clv: number | null;
            /** @description Calendar days since the last order, today, in the business time zone */
            days_since_last_order: number | null;
            p_alive: number | null;
            /** @description The churn risk in words, with today’s day count, and where the stage rule and the estimate disagree */
            reason: string | null;
            reliability: {
                clv: {
                    note: string;
                    reliable: boolean;
                };
                p_alive: {
                    note: string;
                    reliable: boolean;
                };
            };
            run_id: string | null;
            stage: string | null;
            /** @description The business time zone days are counted in */
            time_zone: string;
            value_at_risk: number | null;
        };
        CustomerSmsExport: {
            inbound: {
                body: string;
                from_number: string;
                keyword: string | null;
                received_at: string;
            }[];
            messages: {
                body: string;
                created_at: string;
                delivered_at: string | null;
                id: string;
                purpose: string;
                status: string;
                to_number: string;
            }[];
        };
        CustomersPeriod: {
            active_customers: number;
            churned_customers: number;
            new_customers: number;
            period: string;
        };
        CustomersReport: {
            /** @enum {string} */
            bucket: "day" | "week" | "month";
            /** @description Answered from the report cache */
            cached: boolean;
            /** @description Days without an order after which a customer counts as churned */
            churn_after_days: number;
            data: components["schemas"]["CustomersPeriod"][];
            /**
             * @description YYYY-MM-DD
             * @example 2026-01-31
             */
            from: string;
            /** @description When the figures were computed */
            generated_at: string;
            /**
             * @description YYYY-MM-DD
             * @example 2026-01-31
             */
            to: string;
        };
        CustomerUpdate: {
            /** @description Address */
            address?: string | null;
            /** @description Age */
            age?: number | null;
            /** @description Birthday */
            birthday?: string | null;
            /** @description City */
            city?: string | null;
            /** @description Company */
            company?: string | null;
            /** @description Company ID */
            company_id?: string | null;
            /** @description Email opt-in */
            consent_email?: boolean | null;
            /** @description Email opt-in given at */
            consent_email_at?: string | null;
            /** @description How email opt-in was given */
            consent_email_method?: string | null;
            /** @description SMS opt-in */
            consent_sms?: boolean | null;
            /** @description SMS opt-in given at */
            consent_sms_at?: string | null;
            /** @description How SMS opt-in was given */
            consent_sms_method?: string | null;
            /** @description Country */
            country?: string | null;
            /** @description When the person became a customer: the source's creation date when an import gave one, else when the record was created here. Empty for an imported customer whose file gave no date (the first order then tells). */
            customer_since?: string | null;
            /**
             * Format: email
             * @description Email
             */
            email?: string | null;
            /** @description Every address of the person; the primary email comes first. */
            emails?: string[] | null;
            /** @description First name */
            first_name?: string | null;
            /** @description Gender */
            gender?: string | null;
            /** @description Income */
            income?: number | null;
            /** @description Last name */
            last_name?: string | null;
            /** @description Notes */
            notes?: string | null;
            /** @description Primary phone in E.164 form when it could be normalised. */
            phone?: string | null;
            /** @description Every phone with the raw text kept. */
            phones?: (string | {
                e164: string | null;
                raw: string;
                reason?: string;
            })[] | null;
            /** @description Postcode */
            postcode?: string | null;
            /** @description The referral code the customer arrived with: a new customer is attributed to the code's owner (see /api/referrals). */
            referral_code?: string | null;
            /** @description Region */
            region?: string | null;
            /** @description Where the customer came from (e.g. referral, website). */
            source?: string | null;
            sources?: {
                source: string;
                source_id: string;
            }[];
            /** @description Tags */
            tags?: string[] | null;
            /** @description IANA time zone (e.g. Europe/Paris) where the customer lives: flows wait until a time of day in it (the business time zone when empty). */
            time_zone?: string | null;
            /** @description Job title */
            title?: string | null;
        } & {
            [key: string]: unknown;
        };
        CustomerView: {
            company: components["schemas"]["Company"] & (Record<string, never> | null);
            customer: components["schemas"]["Customer"];
            feedback: components["schemas"]["CustomerFeedback"];
            figures: components["schemas"]["CustomerFigures"];
            open_deals: components["schemas"]["DealAtStake"][];
            open_tasks: components["schemas"]["Task"][];
            recent_interactions: components["schemas"]["Interaction"][];
            recent_orders: components["schemas"]["Order"][];
            scores: components["schemas"]["CustomerScores"];
        };
        CustomField: {
            created_at: string;
            entity: string;
            id: string;
            label: string;
            name: string;
            options: string[] | null;
            /** @enum {string} */
            type: "number" | "text" | "date" | "boolean" | "select";
        };
        CustomFieldCreate: {
            /**
             * @default customers
             * @enum {string}
             */
            entity: "customers";
            label?: string;
            name: string;
            options?: string[];
            /** @enum {string} */
            type: "number" | "text" | "date" | "boolean" | "select";
        };
        DashboardReport: {
            /** @description Answered from the report cache */
            cached: boolean;
            /**
             * @description The business currency: every amount of the report is in it
             * @example EUR
             */
            currency: string;
            customers: components["schemas"]["CustomersPeriod"][];
            /** @description Customers per lifecycle stage (lead, active, inactive, churned, unscored) */
            customers_by_stage: {
                [key: string]: number;
            };
            /**
             * @description YYYY-MM-DD
             * @example 2026-01-31
             */
            from: string;
            /** @description When the figures were computed */
            generated_at: string;
            /** @description What the amounts include, in words */
            includes: string;
            kpis: {
                /** @description Buyers in the range */
                active_customers: number;
                average_order_value: number | null;
                churned_customers: number;
                customers: number;
                new_customers: number;
                orders: number;
                revenue: number;
            };
            /** @description Counted orders in the range in each other currency, left out of amounts and order counts (currencies are not converted) */
            other_currencies: {
                currency: string;
                orders: number;
                revenue: number;
            }[];
            revenue: components["schemas"]["RevenuePeriod"][];
            revenue_by_segment: components["schemas"]["RevenueBreakdownRow"][];
            /**
             * @description YYYY-MM-DD
             * @example 2026-01-31
             */
            to: string;
            top_campaigns: components["schemas"]["CampaignRow"][];
        };
        Deal: {
            closed_at: string | null;
            company_id: string | null;
            created_at: string;
            currency: string | null;
            customer_id: string | null;
            expected_close_date: string | null;
            id: string;
            last_activity_at: string | null;
            lines: components["schemas"]["DealLine"][];
            lost_reason: string | null;
            notes: string | null;
            pipeline_id: string;
            source: string | null;
            stage_changed_at: string | null;
            stage_id: string;
            /** @enum {string} */
            status: "open" | "won" | "lost";
            title: string;
            updated_at: string;
            value: number | null;
        } & {
            [key: string]: unknown;
        };
        DealAtStake: {
            currency: string | null;
            customer_id: string | null;
            days_without_activity: number;
            deal_id: string;
            expected_close_date: string | null;
            /** @description value x probability, in the deal currency */
            expected_value: number;
            last_activity_at: string | null;
            pipeline_id: string;
            /** @description The stage's learnt win probability once enough deals closed through it, else the configured one */
            probability: number;
            /** @enum {string} */
            probability_basis: "learnt" | "configured";
            rotten: boolean;
            rotten_days: number | null;
            stage_id: string;
            stage_name: string;
            title: string;
            value: number;
        };
        DealBoard: {
            closed_days: number;
            columns: {
                count: number;
                deals: components["schemas"]["DealCard"][];
                /** @description Deals in other currencies than the business currency: counted apart, never converted */
                other_currencies: {
                    currency: string;
                    deals: number;
                    value: number;
                }[];
                probability: components["schemas"]["StageProbability"];
                rotten: number;
                stage: components["schemas"]["PipelineStage"];
                /** @description Sum of the values in the business currency */
                total: number;
                /** @description total x the probability used */
                weighted: number;
            }[];
            currency: string;
            per_stage: number;
            pipeline: components["schemas"]["Pipeline"];
            /** @description Open deals in the business currency */
            total: number;
            weighted: number;
        };
        DealCard: {
            currency: string | null;
            customer_id: string | null;
            customer_name: string | null;
            days_without_activity: number;
            expected_close_date: string | null;
            id: string;
            last_activity_at: string | null;
            rotten: boolean;
            stage_changed_at: string | null;
            title: string;
            value: number | null;
        };
        DealCreate: {
            /** @description Company ID */
            company_id?: string | null;
            /** @description ISO 4217 code; the business currency when omitted. */
            currency?: string | null;
            /** @description Customer ID */
            customer_id?: string | null;
            /** @description Expected close */
            expected_close_date?: string | null;
            lines?: {
                product_id?: string | null;
                product_name?: string | null;
                /** @default 1 */
                quantity: number;
                sku?: string | null;
                unit_price: number;
            }[];
            /** @description Lost reason */
            lost_reason?: string | null;
            /** @description Notes */
            notes?: string | null;
            /** @description The default pipeline when omitted. */
            pipeline_id?: string | null;
            /** @description Where the lead came from (form, referral, import, ...). */
            source?: string | null;
            /** @description The pipeline's first stage when omitted; change it with POST /api/deals/{id}/move. */
            stage_id?: string | null;
            /** @description Title */
            title: string;
            /** @description The sum of the lines when omitted and lines are given. */
            value?: number | null;
        };
        DealForecast: {
            currency: string;
            data: {
                deals: number;
                month: string | null;
                value: number;
                weighted: number;
            }[];
            /** @description Deals in other currencies than the business currency: counted apart, never converted */
            other_currencies: {
                currency: string;
                deals: number;
                value: number;
            }[];
            total: number;
            weighted: number;
        };
        DealLine: {
            id: string;
            product_id: string | null;
            product_name: string | null;
            quantity: number;
            sku: string | null;
            unit_price: number;
        };
        DealMove: {
            /** @description Why the deal was lost (required by pipelines that ask for one when moving to a lost stage) */
            lost_reason?: string | null;
            stage_id: string;
        };
        DealPipelineByStage: {
            currency: string;
            pipeline_id: string;
            stages: {
                deals: number;
                /** @enum {string} */
                kind: "open" | "won" | "lost";
                name: string;
                /** @description Deals in other currencies than the business currency: counted apart, never converted */
                other_currencies: {
                    currency: string;
                    deals: number;
                    value: number;
                }[];
                probability: number;
                stage_id: string;
                value: number;
                weighted: number;
            }[];
        };
        dealsBulk: {
            create?: components["schemas"]["DealCreate"][];
            delete?: string[];
            update?: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
        };
        DealStageChange: {
            actor: string;
            days_in_stage: number;
            entered_at: string;
            from_stage_id: string | null;
            id: string;
            left_at: string | null;
            stage_id: string;
            stage_name: string | null;
        };
        DealStagePerformance: {
            average_days_to_win: number | null;
            pipeline_id: string;
            stages: {
                average_days_in_stage: number | null;
                entered: number;
                /** @enum {string} */
                kind: "open" | "won" | "lost";
                lost: number;
                name: string;
                stage_id: string;
                stays_measured: number;
                win_rate: number | null;
                won: number;
            }[];
            won_deals: number;
        };
        DealUpdate: {
            /** @description Company ID */
            company_id?: string | null;
            /** @description ISO 4217 code; the business currency when omitted. */
            currency?: string | null;
            /** @description Customer ID */
            customer_id?: string | null;
            /** @description Expected close */
            expected_close_date?: string | null;
            lines?: {
                product_id?: string | null;
                product_name?: string | null;
                /** @default 1 */
                quantity: number;
                sku?: string | null;
                unit_price: number;
            }[];
            /** @description Lost reason */
            lost_reason?: string | null;
            /** @description Notes */
            notes?: string | null;
            /** @description The default pipeline when omitted. */
            pipeline_id?: string | null;
            /** @description Where the lead came from (form, referral, import, ...). */
            source?: string | null;
            /** @description The pipeline's first stage when omitted; change it with POST /api/deals/{id}/move. */
            stage_id?: string | null;
            /** @description Title */
            title?: string | null;
            /** @description The sum of the lines when omitted and lines are given. */
            value?: number | null;
        };
        DealWonBySource: {
            currency: string;
            data: {
                deals: number;
                source: string | null;
                value: number;
            }[];
            /** @description Deals in other currencies than the business currency: counted apart, never converted */
            other_currencies: {
                currency: string;
                deals: number;
                value: number;
            }[];
            total: number;
        };
        DnsRecord: {
            /** @enum {string} */
            kind: "dkim" | "spf" | "dmarc";
            name: string;
            /** @enum {string} */
            type: "TXT";
            value: string;
        };
        DnsRecordCheck: components["schemas"]["DnsRecord"] & {
            detail: string;
            published: string[];
            /** @enum {string} */
            status: "ok" | "missing" | "different" | "error";
        };
        Error: {
            error: {
                /** @example invalid_input */
                code: string;
                fields?: {
                    [key: string]: string[];
                };
                message: string;
            };
        };
        Event: {
            /** @description Who made the change: user:..., token:..., cli, import:bat_..., system */
            actor: string;
            data: {
                [key: string]: unknown;
            } | null;
            entity: string;
            entity_id: string;
            /** @example evt_01jd... */
            id: string;
            occurred_at: string;
            /** @description Place in commit order; pass the last one as `after` to read on */
            position: number;
            /** @enum {string} */
            type: "customer.created" | "customer.updated" | "customer.deleted" | "customer.merged" | "customer.merge_undone" | "customer.erased" | "customer.stage_changed" | "customer.segment_changed" | "customer.score_crossed" | "company.created" | "company.updated" | "company.deleted" | "product.created" | "product.updated" | "product.deleted" | "order.created" | "order.updated" | "order.deleted" | "interaction.created" | "interaction.updated" | "interaction.deleted" | "message.queued" | "message.sent" | "message.failed" | "message.suppressed" | "message.bounced" | "message.opened" | "message.clicked" | "customer.unsubscribed" | "suppression.added" | "suppression.removed" | "task.created" | "task.updated" | "task.completed" | "task.due" | "task.deleted" | "task.reminded" | "contract.created" | "contract.updated" | "contract.deleted" | "contract.expiring" | "contract.renewed" | "contract.ended" | "followup.started" | "followup.stopped" | "form.created" | "form.updated" | "form.deleted" | "form.submitted" | "lead.created" | "pipeline.created" | "pipeline.updated" | "pipeline.deleted" | "deal.created" | "deal.updated" | "deal.stage_changed" | "deal.won" | "deal.lost" | "deal.deleted" | "quote.created" | "quote.updated" | "quote.sent" | "quote.viewed" | "quote.accepted" | "quote.declined" | "quote.revised" | "quote.converted" | "loyalty.points_earned" | "loyalty.points_redeemed" | "loyalty.points_expired" | "loyalty.points_reversed" | "loyalty.points_adjusted" | "loyalty.tier_changed" | "referral.attributed" | "referral.rewarded" | "referral.refused" | "survey.sent" | "survey.answered" | "nps.detractor" | "chat.started" | "flow.created" | "flow.updated" | "flow.activated" | "flow.paused" | "flow.deleted" | "flow.enrolled" | "flow.finished" | "ticket.created" | "ticket.updated" | "ticket.status_changed" | "ticket.message_received" | "ticket.replied" | "ticket.note_added" | "ticket.resolved" | "ticket.closed" | "inbound.rejected" | "campaign.created" | "campaign.updated" | "campaign.status_changed" | "campaign.winner_chosen" | "sms.queued" | "sms.sent" | "sms.delivered" | "sms.failed" | "sms.suppressed" | "sms.received" | "customer.sms_opted_out" | "customer.sms_opted_in" | "import.completed" | "settings.updated" | "webhook.test";
        };
        FeedbackReport: {
            csat: components["schemas"]["CsatFigure"];
            csat_requests: {
                answered: number;
                response_rate: number | null;
                sent: number;
            };
            from: string;
            months: {
                csat: components["schemas"]["CsatFigure"];
                month: string;
                nps: components["schemas"]["NpsFigure"];
            }[];
            nps: components["schemas"]["NpsFigure"];
            nps_requests: {
                answered: number;
                response_rate: number | null;
                sent: number;
            };
            to: string;
        };
        Flow: {
            activated_at: string | null;
            counts?: {
                /** @description The flow's personal discount codes ({{ discount_code }} in its messages) and their redemptions */
                discount_codes: {
                    /** @description Personal codes put in the flow's messages */
                    issued: number;
                    /** @description Orders that redeemed a code */
                    orders: number;
                    /** @description Codes redeemed by an order */
                    redeemed: number;
                    /** @description Orders that brought a code already used (a flow's code takes one order): not counted */
                    refused: number;
                };
                enrolments: {
                    [key: string]: number;
                };
                steps: components["schemas"]["FlowStepCount"][];
            };
            created_at: string;
            definition: components["schemas"]["FlowDefinition"];
            id: string;
            name: string;
            /** @enum {string} */
            status: "draft" | "active" | "paused";
            updated_at: string;
            /** @description The published version new enrolments get */
            version: number;
        };
        FlowActivate: {
            /**
             * @description Also enrol now whoever the dry run lists (e.g. customers already past a score threshold)
             * @default false
             */
            enrol_existing: boolean;
        };
        FlowCondition: {
            /** @description A customer filter as in GET /api/customers?filter=, on any field or score, e.g. {"field": "churn_risk", "op": "gt", "value": 0.7} */
            filter: Record<string, never>;
        } | {
            /**
             * @description Opened or clicked a message of this flow, or ordered, since entering it
             * @enum {string}
             */
            activity: "opened" | "clicked" | "purchased";
        };
        FlowCreate: {
            definition?: components["schemas"]["FlowDefinition"];
            /** @description Required with a definition; a template's name by default */
            name?: string;
            /**
             * @description A built-in flow to start from (GET /api/flows/templates), instead of a definition
             * @enum {string}
             */
            template?: "welcome" | "win_back" | "cross_sell" | "birthday";
        };
        FlowDefinition: {
            /**
             * @description Events about the customer that end the enrolment (e.g. order.created)
             * @default null
             */
            goal: {
                events: ("customer.created" | "customer.updated" | "customer.deleted" | "customer.merged" | "customer.merge_undone" | "customer.erased" | "customer.stage_changed" | "customer.segment_changed" | "customer.score_crossed" | "company.created" | "company.updated" | "company.deleted" | "product.created" | "product.updated" | "product.deleted" | "order.created" | "order.updated" | "order.deleted" | "interaction.created" | "interaction.updated" | "interaction.deleted" | "message.queued" | "message.sent" | "message.failed" | "message.suppressed" | "message.bounced" | "message.opened" | "message.clicked" | "customer.unsubscribed" | "suppression.added" | "suppression.removed" | "task.created" | "task.updated" | "task.completed" | "task.due" | "task.deleted" | "task.reminded" | "contract.created" | "contract.updated" | "contract.deleted" | "contract.expiring" | "contract.renewed" | "contract.ended" | "followup.started" | "followup.stopped" | "form.created" | "form.updated" | "form.deleted" | "form.submitted" | "lead.created" | "pipeline.created" | "pipeline.updated" | "pipeline.deleted" | "deal.created" | "deal.updated" | "deal.stage_changed" | "deal.won" | "deal.lost" | "deal.deleted" | "quote.created" | "quote.updated" | "quote.sent" | "quote.viewed" | "quote.accepted" | "quote.declined" | "quote.revised" | "quote.converted" | "loyalty.points_earned" | "loyalty.points_redeemed" | "loyalty.points_expired" | "loyalty.points_reversed" | "loyalty.points_adjusted" | "loyalty.tier_changed" | "referral.attributed" | "referral.rewarded" | "referral.refused" | "survey.sent" | "survey.answered" | "nps.detractor" | "chat.started" | "flow.created" | "flow.updated" | "flow.activated" | "flow.paused" | "flow.deleted" | "flow.enrolled" | "flow.finished" | "ticket.created" | "ticket.updated" | "ticket.status_changed" | "ticket.message_received" | "ticket.replied" | "ticket.note_added" | "ticket.resolved" | "ticket.closed" | "inbound.rejected" | "campaign.created" | "campaign.updated" | "campaign.status_changed" | "campaign.winner_chosen" | "sms.queued" | "sms.sent" | "sms.delivered" | "sms.failed" | "sms.suppressed" | "sms.received" | "customer.sms_opted_out" | "customer.sms_opted_in" | "import.completed" | "settings.updated" | "webhook.test")[];
            } | null;
            reentry?: components["schemas"]["FlowReentry"];
            steps: components["schemas"]["FlowStep"][];
            trigger: components["schemas"]["FlowTrigger"];
        };
        FlowDryRun: {
            customers: {
                customer_id: string;
                email: string | null;
                name: string;
                steps: {
                    at: string;
                    kind: string;
                    step_id: string;
                    subject?: string;
                    summary: string;
                    text?: string;
                }[];
                why: string;
            }[];
            day: string;
            excluded_by_reentry: number;
            /** @description Customers who would enter today */
            total: number;
            trigger: string;
        };
        FlowDryRunInput: {
            customer_ids?: string[];
            /** @description For a manual flow: the customers to try, as a customer filter */
            filter?: unknown;
            /**
             * @description Customers shown with their steps (the count covers all)
             * @default 20
             */
            limit: number;
            /** @description For a manual flow: the segment to try */
            segment_id?: string;
        };
        FlowEnrolInput: {
            customer_ids?: string[];
            /** @description A customer filter as in GET /api/customers?filter= (every match enters, at most 10,000) */
            filter?: unknown;
            /** @description A saved-filter segment or a segment of the newest segmentation (GET /api/segments): its customers enter */
            segment_id?: string;
        };
        FlowEnrolment: {
            customer_id: string;
            entered_at: string;
            exit_reason: string | null;
            finished_at: string | null;
            flow_id: string;
            flow_name: string;
            history: {
                detail: string | null;
                kind: string;
                outcome: string;
                ran_at: string;
                related_id: string | null;
                step_id: string;
            }[];
            id: string;
            next_run_at: string | null;
            /** @enum {string} */
            source: "event" | "date" | "manual";
            /** @enum {string} */
            status: "active" | "completed" | "exited" | "failed";
            /** @description Index of the next step to run */
            step: number;
            version: number;
        };
        FlowPatch: {
            definition?: components["schemas"]["FlowDefinition"];
            name?: string;
        };
        /**
         * @default {
         *       "policy": "never"
         *     }
         */
        FlowReentry: {
            /** @enum {string} */
            policy: "never";
        } | {
            days: number;
            /** @enum {string} */
            policy: "after_days";
        } | {
            /** @enum {string} */
            policy: "always";
        };
        FlowSettings: {
            /**
             * @description Emails and SMS all flows together may send per day (business time zone); a step over budget waits for the next day
             * @example 500
             */
            daily_send_budget: number;
        };
        FlowsExport: {
            entered_at: string;
            exit_reason: string | null;
            finished_at: string | null;
            flow_id: string;
            flow_name: string;
            status: string;
            steps: {
                kind: string;
                outcome: string;
                ran_at: string;
                step_id: string;
            }[];
        }[];
        FlowStep: {
            days?: number;
            hours?: number;
            /** @description Stable id of the step within the flow (kept when steps are reordered) */
            id: string;
            /** @enum {string} */
            kind: "wait";
            minutes?: number;
            /** @description Then wait until this time of day in the customer's time zone (the business time zone when the customer has none) */
            until_time?: string;
        } | {
            /**
             * @description "next", "exit" or the id of a later step
             * @default exit
             */
            else: "next" | "exit" | string;
            /** @description Stable id of the step within the flow (kept when steps are reordered) */
            id: string;
            if: components["schemas"]["FlowCondition"];
            /** @enum {string} */
            kind: "condition";
            /**
             * @description "next", "exit" or the id of a later step
             * @default next
             */
            then: "next" | "exit" | string;
        } | {
            /** @description Plain-text Liquid template */
            body: string;
            /** @description Stable id of the step within the flow (kept when steps are reordered) */
            id: string;
            /** @enum {string} */
            kind: "send_email";
            /** @description Liquid template, e.g. "We miss you, {{ customer.first_name }}" */
            subject: string;
            /** @description A saved template (/api/templates) instead of subject and body */
            template_id?: string;
        } | {
            /** @description Liquid template */
            body: string;
            /** @description Stable id of the step within the flow (kept when steps are reordered) */
            id: string;
            /** @enum {string} */
            kind: "send_sms";
        } | {
            /** @default 0 */
            due_in_days: number;
            /** @description Stable id of the step within the flow (kept when steps are reordered) */
            id: string;
            /** @enum {string} */
            kind: "create_task";
            title: string;
        } | {
            /** @description Stable id of the step within the flow (kept when steps are reordered) */
            id: string;
            /** @enum {string} */
            kind: "add_tag";
            tag: string;
        } | {
            /** @description Stable id of the step within the flow (kept when steps are reordered) */
            id: string;
            /** @enum {string} */
            kind: "remove_tag";
            tag: string;
        } | {
            field: string;
            /** @description Stable id of the step within the flow (kept when steps are reordered) */
            id: string;
            /** @enum {string} */
            kind: "update_field";
            value: string | number | boolean | null;
        } | {
            /** @description Stable id of the step within the flow (kept when steps are reordered) */
            id: string;
            /** @enum {string} */
            kind: "webhook";
            /** Format: uri */
            url: string;
        } | {
            /** @description Stable id of the step within the flow (kept when steps are reordered) */
            id: string;
            /** @enum {string} */
            kind: "exit";
        };
        FlowStepCount: {
            kind: string;
            outcomes: {
                [key: string]: number;
            };
            sms?: components["schemas"]["SmsOutcomes"];
            step_id: string;
            waiting: number;
        };
        FlowTemplate: {
            definition: components["schemas"]["FlowDefinition"];
            description: string;
            key: string;
            name: string;
        };
        FlowTrigger: {
            /**
             * @description A domain event type from the catalogue (GET /api/events/types)
             * @enum {string}
             */
            event: "customer.created" | "customer.updated" | "customer.deleted" | "customer.merged" | "customer.merge_undone" | "customer.erased" | "customer.stage_changed" | "customer.segment_changed" | "customer.score_crossed" | "company.created" | "company.updated" | "company.deleted" | "product.created" | "product.updated" | "product.deleted" | "order.created" | "order.updated" | "order.deleted" | "interaction.created" | "interaction.updated" | "interaction.deleted" | "message.queued" | "message.sent" | "message.failed" | "message.suppressed" | "message.bounced" | "message.opened" | "message.clicked" | "customer.unsubscribed" | "suppression.added" | "suppression.removed" | "task.created" | "task.updated" | "task.completed" | "task.due" | "task.deleted" | "task.reminded" | "contract.created" | "contract.updated" | "contract.deleted" | "contract.expiring" | "contract.renewed" | "contract.ended" | "followup.started" | "followup.stopped" | "form.created" | "form.updated" | "form.deleted" | "form.submitted" | "lead.created" | "pipeline.created" | "pipeline.updated" | "pipeline.deleted" | "deal.created" | "deal.updated" | "deal.stage_changed" | "deal.won" | "deal.lost" | "deal.deleted" | "quote.created" | "quote.updated" | "quote.sent" | "quote.viewed" | "quote.accepted" | "quote.declined" | "quote.revised" | "quote.converted" | "loyalty.points_earned" | "loyalty.points_redeemed" | "loyalty.points_expired" | "loyalty.points_reversed" | "loyalty.points_adjusted" | "loyalty.tier_changed" | "referral.attributed" | "referral.rewarded" | "referral.refused" | "survey.sent" | "survey.answered" | "nps.detractor" | "chat.started" | "flow.created" | "flow.updated" | "flow.activated" | "flow.paused" | "flow.deleted" | "flow.enrolled" | "flow.finished" | "ticket.created" | "ticket.updated" | "ticket.status_changed" | "ticket.message_received" | "ticket.replied" | "ticket.note_added" | "ticket.resolved" | "ticket.closed" | "inbound.rejected" | "campaign.created" | "campaign.updated" | "campaign.status_changed" | "campaign.winner_chosen" | "sms.queued" | "sms.sent" | "sms.delivered" | "sms.failed" | "sms.suppressed" | "sms.received" | "customer.sms_opted_out" | "customer.sms_opted_in" | "import.completed" | "settings.updated" | "webhook.test";
            /** @description Facts the event data must have, e.g. {"score": "churn_risk", "direction": "up"}; a key may be a dotted path ({"to.id": "seg_..."}) */
            match?: {
                [key: string]: string | number | boolean;
            };
            /** @enum {string} */
            type: "event";
        } | {
            /** @description A date field of the customer (birthday, a custom date field) or contract.ends_on */
            field: string;
            /**
             * @description Days after the date (negative: before it), e.g. -30 for a month before a contract ends
             * @default 0
             */
            offset_days: number;
            /** @enum {string} */
            type: "date";
            /**
             * @description Every year on the day and month (birthdays)
             * @default false
             */
            yearly: boolean;
        } | {
            /** @enum {string} */
            type: "manual";
        };
        FollowupCadence: {
            current_due_at: string | null;
            current_task_id: string | null;
            customer_id: string | null;
            deal_id: string | null;
            id: string;
            intervals: number[];
            started_at: string;
            /** @enum {string} */
            status: "active" | "stopped";
            /** @description The follow-up in progress, from 1 */
            step: number;
            stop_reason: string | null;
            /** @enum {string} */
            subject_entity: "quote" | "deal";
            subject_id: string;
        };
        FollowupSettings: {
            /** @description Whether sent quotes and form leads start a cadence */
            enabled: boolean;
            /**
             * @description Days between follow-ups: the first is due this many days after the quote was sent or the lead came in, each next one this many days after the one before
             * @example [
             *       1,
             *       2,
             *       3,
             *       5,
             *       8,
             *       13
             *     ]
             */
            intervals: number[];
        };
        Form: {
            active: boolean;
            allowed_origins: string[];
            consent_wording: string | null;
            created_at: string;
            /** @description Path of the embeddable script */
            embed_script: string;
            fields: {
                field: string;
                label: string;
                required: boolean;
            }[];
            /** @description Path of the hosted page (append to this server's address) */
            hosted_url: string;
            id: string;
            lead_source: string;
            name: string;
            pipeline_id: string | null;
            redirect_url: string | null;
            stage_id: string | null;
            success_message: string | null;
            updated_at: string;
        };
        FormCreate: {
            active?: boolean;
            /** @description Web sites that may embed the form and post it from the browser (CORS) */
            allowed_origins?: string[];
            /** @description Text of the email opt-in checkbox (255 characters at most); a submission that ticks it stores this wording as the customer's consent_email_method. No checkbox when null. */
            consent_wording?: string | null;
            fields: components["schemas"]["FormField"][];
            /**
             * @description Recorded as the customer's `source` and the deal's source label
             * @example website contact form
             */
            lead_source: string;
            name: string;
            /** @description Pipeline of the deals this form opens (the default pipeline when null) */
            pipeline_id?: string | null;
            /** @description Where the visitor is sent after submitting; its origin must be one of allowed_origins */
            redirect_url?: string | null;
            /** @description Stage of the deals this form opens (the pipeline's first stage when null) */
            stage_id?: string | null;
            success_message?: string | null;
        };
        FormField: {
            /** @description A customer field name from the registry (GET /api/fields), e.g. email, first_name, phone, notes */
            field: string;
            /** @description The label shown to visitors; the field's own label when omitted */
            label?: string;
            /** @default false */
            required: boolean;
        };
        /** @description The form's fields by name, the consent checkbox (`consent`), the referral code (`ref`), the honeypot and the fill token */
        FormPost: {
            [key: string]: string;
        };
        FormSubmission: {
            consent_given: boolean;
            /** @description The opt-in wording the visitor ticked, as shown */
            consent_wording: string | null;
            customer_id: string;
            deal_id: string | null;
            form_id: string;
            id: string;
            /** @description Whether an existing customer was found by email or phone */
            matched: boolean;
            /** @description The site the form was embedded in (null on the hosted page) */
            origin: string | null;
            referral_attributed: boolean;
            referral_code: string | null;
            submitted_at: string;
        };
        FormSubmitted: {
            message: string;
            redirect_url: string | null;
        };
        FormUpdate: {
            active?: boolean;
            /** @description Web sites that may embed the form and post it from the browser (CORS) */
            allowed_origins?: string[];
            /** @description Text of the email opt-in checkbox (255 characters at most); a submission that ticks it stores this wording as the customer's consent_email_method. No checkbox when null. */
            consent_wording?: string | null;
            fields?: components["schemas"]["FormField"][];
            /**
             * @description Recorded as the customer's `source` and the deal's source label
             * @example website contact form
             */
            lead_source?: string;
            name?: string;
            /** @description Pipeline of the deals this form opens (the default pipeline when null) */
            pipeline_id?: string | null;
            /** @description Where the visitor is sent after submitting; its origin must be one of allowed_origins */
            redirect_url?: string | null;
            /** @description Stage of the deals this form opens (the pipeline's first stage when null) */
            stage_id?: string | null;
            success_message?: string | null;
        };
        ImportBatch: {
            counts: {
                created: number;
                /** @description Customers an order import created because no customer had the order's customer id or email */
                customers_created?: number;
                /** @description Deals opened by customer or order rows with deal columns (deal name or value, stage, pipeline) */
                deals_created?: number;
                /** @description Likely duplicates left for review */
                duplicates_queued: number;
                /** @description Rows imported with a value kept as written because it could not be cleaned; errors.csv lists them */
                flagged?: number;
                merged: number;
                rejected: number;
                rows: number;
                unchanged: number;
                updated: number;
            };
            created_at: string;
            error: string | null;
            file_name: string | null;
            finished_at: string | null;
            id: string;
            /** @description The job that runs the import (GET /api/jobs/{id}); null for imports from the CLI */
            job_id: string | null;
            kind: string;
            mapping: {
                [key: string]: string | null;
            } | null;
            progress: {
                bytes: number;
                rows: number;
                total_bytes: number;
            } | null;
            source: string;
            /**
             * @description interrupted: the importing process stopped mid-way; run the same import again to complete it, or undo it
             * @enum {string}
             */
            status: "running" | "interrupted" | "done" | "failed" | "rejected" | "undone";
            undone_at: string | null;
        } & {
            [key: string]: unknown;
        };
        ImportPreview: {
            flagged: number;
            /** @enum {string} */
            format: "csv" | "json" | "vcard";
            headers: string[];
            /** @enum {string} */
            kind: "customers" | "companies" | "products" | "orders" | "interactions";
            /** @description Column -> field (null: not imported) */
            mapping: {
                [key: string]: string | null;
            };
            /** @description The export format recognised from the headers (shopify_customers, google_contacts, ...) */
            preset: string | null;
            rejected: number;
            rows: {
                errors: components["schemas"]["ImportRowError"][];
                /** @description The row as it would be stored, cleaned */
                record: {
                    [key: string]: unknown;
                } | null;
                row: number;
                values: {
                    [key: string]: string;
                };
                /** @description Values kept as written and flagged */
                warnings: components["schemas"]["ImportRowError"][];
            }[];
            rows_read: number;
        };
        ImportRowError: {
            column: string | null;
            reason: string;
            row: number;
        };
        InboundBounceResult: {
            bounce_id: string | null;
            /** @enum {string|null} */
            bounce_type: "hard" | "soft" | null;
            /** @enum {string} */
            kind: "bounce" | "complaint" | "auto_reply" | "normal";
            /** @description The message the report is about */
            message_id: string | null;
            /** @description Whether this soft bounce paused the address (3 within 30 days) */
            paused: boolean;
            reason: string | null;
            /** @description Whether the mail was a bounce or complaint about one of our messages and was recorded */
            recorded: boolean;
            status: string | null;
        };
        InboundMail: {
            created_at: string;
            from_address: string | null;
            header_message_id: string | null;
            id: string;
            outcome: string;
            reason: string | null;
            size: number;
            source: string;
            subject: string | null;
            ticket_id: string | null;
        };
        InboundResult: {
            id: string;
            /** @enum {string} */
            outcome: "ticket_created" | "ticket_updated" | "auto_reply" | "bounce" | "duplicate" | "too_large" | "malformed";
            reason?: string;
            /** @enum {string|null} */
            threaded_by: "message_id" | "subject_tag" | "plus_address" | null;
            ticket_id: string | null;
        };
        /** @description An unsaved template (the editor); template_id or template is required */
        InlineTemplate: {
            mjml?: string | null;
            subject: string;
            text?: string | null;
        };
        InsightRun: {
            attempts: number | null;
            created_at: string;
            error: string | null;
            id: string;
            /** @description How far the run has come: its phase and, while writing, customers done of the total */
            progress: ({
                done?: number;
                phase?: string;
                total?: number;
            } & {
                [key: string]: unknown;
            }) | null;
            run: components["schemas"]["InsightRunRecord"] & (Record<string, never> | null);
            status: string;
            updated_at: string;
        };
        InsightRunCreate: {
            active_days?: number;
            as_of?: string;
            clv_months?: number;
            cross_sell?: boolean;
            decimals?: number;
            horizon_days?: number;
            inactive_days?: number;
            monthly_discount_rate?: number;
            prediction_window_days?: number;
            rfm_bins?: number;
            /** @enum {string} */
            time_unit?: "days" | "weeks";
        };
        InsightRunRecord: {
            as_of: string;
            counts: {
                [key: string]: unknown;
            } | null;
            created_at: string;
            duration_ms: number;
            id: string;
            /** @description Fit metrics per model (bgnbd, gamma_gamma, purchase_probability, cross_sell), counts per stage and RFM segment, timings */
            metrics: ({
                /** @description Customers per named RFM segment */
                rfm_segments?: {
                    [key: string]: number;
                };
                /** @description Customers per lifecycle stage */
                stages?: {
                    [key: string]: number;
                };
            } & {
                [key: string]: unknown;
            }) | null;
            options: {
                [key: string]: unknown;
            } | null;
            params: {
                [key: string]: unknown;
            } | null;
        };
        Interaction: {
            body: string | null;
            campaign: string | null;
            channel: string | null;
            clicked: boolean | null;
            company_id: string | null;
            converted: boolean | null;
            created_at: string;
            customer_id: string | null;
            /** @enum {string|null} */
            direction: "in" | "out" | null;
            id: string;
            occurred_at: string;
            opened: boolean | null;
            order_id: string | null;
            subject: string | null;
            /** @enum {string} */
            type: "email" | "call" | "meeting" | "note" | "sms" | "chat" | "web_visit" | "campaign";
            updated_at: string;
        } & {
            [key: string]: unknown;
        };
        InteractionCreate: {
            /** @description Body */
            body?: string | null;
            /** @description Campaign */
            campaign?: string | null;
            /** @description Channel */
            channel?: string | null;
            /** @description Clicked */
            clicked?: boolean | null;
            /** @description Company ID */
            company_id?: string | null;
            /** @description Converted */
            converted?: boolean | null;
            /** @description Customer ID */
            customer_id?: string | null;
            /**
             * @description Direction
             * @enum {string|null}
             */
            direction?: "in" | "out" | null;
            /** @description When */
            occurred_at?: string | null;
            /** @description Opened */
            opened?: boolean | null;
            /** @description Order ID */
            order_id?: string | null;
            /** @description Subject */
            subject?: string | null;
            /**
             * @description Type
             * @enum {string}
             */
            type: "email" | "call" | "meeting" | "note" | "sms" | "chat" | "web_visit" | "campaign";
        };
        interactionsBulk: {
            create?: components["schemas"]["InteractionCreate"][];
            delete?: string[];
            update?: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
        };
        InteractionUpdate: {
            /** @description Body */
            body?: string | null;
            /** @description Campaign */
            campaign?: string | null;
            /** @description Channel */
            channel?: string | null;
            /** @description Clicked */
            clicked?: boolean | null;
            /** @description Company ID */
            company_id?: string | null;
            /** @description Converted */
            converted?: boolean | null;
            /** @description Customer ID */
            customer_id?: string | null;
            /**
             * @description Direction
             * @enum {string|null}
             */
            direction?: "in" | "out" | null;
            /** @description When */
            occurred_at?: string | null;
            /** @description Opened */
            opened?: boolean | null;
            /** @description Order ID */
            order_id?: string | null;
            /** @description Subject */
            subject?: string | null;
            /**
             * @description Type
             * @enum {string|null}
             */
            type?: "email" | "call" | "meeting" | "note" | "sms" | "chat" | "web_visit" | "campaign" | null;
        };
        Job: {
            attempts: number;
            created_at: string;
            error: string | null;
            id: string;
            /** @description imports.run, imports.undo, duplicates.scan, insights.run, demo.load, figures.refresh, loyalty.nightly, ... */
            kind: string;
            /** @description How far the job has come; its shape depends on the kind */
            progress: {
                bytes: number;
                rows: number;
                total_bytes: number;
            } | {
                below_seq: number | null;
                total: number;
                undone: number;
            } | {
                done?: number;
                /** @enum {string} */
                phase: "loading" | "fitting" | "scoring" | "predicting" | "cross_sell" | "writing" | "done";
                total?: number;
            } | {
                customers: number;
                rows: number;
                total: number;
            } | {
                customers: number;
            } | {
                [key: string]: unknown;
            } | null;
            /** @description What the job produced once done; its shape depends on the kind */
            result: {
                batch_id: string;
                counts?: {
                    [key: string]: number;
                };
                status: string;
            } | {
                clusters: number;
                customers: number;
                merged: number;
                queued: number;
            } | {
                counts: {
                    [key: string]: number;
                };
                duration_ms: number;
                run_id: string;
            } | {
                customers: number;
                insight_run_job: string;
                interactions: number;
                orders: number;
                tasks: number;
            } | {
                customers: number;
            } | {
                customers_expired: number;
                expired_points: number;
                tiers_changed: number;
            } | {
                [key: string]: unknown;
            } | null;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
            updated_at: string;
        };
        Lead: {
            customer_id: string;
            deal_id: string;
            interaction_id: string;
            matched: boolean;
            referral_attributed: boolean;
        };
        LeadCreate: {
            /** @description The wording of the email opt-in the person agreed to; recorded as consent_email_method */
            consent_wording?: string | null;
            currency?: string | null;
            /** @description Customer fields (as for POST /api/customers); matched to an existing customer by email, then phone */
            customer: {
                [key: string]: unknown;
            };
            message?: string | null;
            pipeline_id?: string | null;
            referral_code?: string | null;
            /**
             * @description Lead source label
             * @example trade fair
             */
            source: string;
            stage_id?: string | null;
            title?: string | null;
            value?: number | null;
        };
        LearntStageProbability: components["schemas"]["StageProbability"] & {
            /** @enum {string} */
            kind: "open" | "won" | "lost";
            name: string;
            pipeline_id: string;
            position: number;
            stage_id: string;
        };
        LoyaltyAdjust: {
            /** @description Added when positive, taken when negative (a negative adjustment may take the balance below zero) */
            points: number;
            reason: string;
        };
        LoyaltyComparison: {
            difference: number | null;
            high: number | null;
            /** @description Lower end of the 95% bootstrap interval of the difference */
            low: number | null;
            /** @enum {string} */
            measure: "clv" | "churn_risk" | "order_count" | "revenue";
            note: string | null;
            others_mean: number | null;
            others_n: number;
            referred_mean: number | null;
            referred_n: number;
        };
        LoyaltyEntry: {
            actor: string;
            created_at: string;
            expires_at: string | null;
            id: string;
            /** @enum {string} */
            kind: "earn" | "spend" | "expire" | "reverse" | "adjust";
            order_id: string | null;
            /** @description Positive for credits, negative for debits */
            points: number;
            reason: string | null;
            redemption_id: string | null;
            /** @description For credits: the points not yet spent or expired */
            remaining: number;
            rule_id: string | null;
        };
        LoyaltyExport: {
            entries: {
                created_at: string;
                expires_at: string | null;
                kind: string;
                order_id: string | null;
                points: number;
                reason: string | null;
            }[];
            points: number;
            redemptions: {
                code: string | null;
                created_at: string;
                order_id: string | null;
                points: number;
                reward_id: string;
            }[];
            referral_code: string | null;
            referred_by: string | null;
            tier_id: string | null;
        };
        LoyaltyRedeem: {
            /** @description Free products: add the line to this order of the customer instead of a new order */
            order_id?: string;
            reward_id: string;
        };
        LoyaltyRedemption: {
            /** @description The discount code made for the customer */
            code: string | null;
            created_at: string;
            customer_id: string;
            id: string;
            /** @description The order holding the free product */
            order_id: string | null;
            points: number;
            reward_id: string;
            uses_left: number | null;
        };
        LoyaltyReport: {
            by_month: {
                earned: number;
                expired: number;
                month: string;
                redeemed: number;
                reversed: number;
            }[];
            currency: string;
            /** @description Outstanding points times the point value, in the business currency */
            liability: number;
            /** @description Customers with a points balance row */
            members: number;
            /** @description Share of members who redeemed at least once */
            members_who_redeemed: number | null;
            outstanding_points: number;
            point_value: number;
            points_earned: number;
            points_expired: number;
            points_redeemed: number;
            points_reversed: number;
            /** @description Points redeemed over points earned */
            redemption_rate: number | null;
            referrals: {
                affordable_points: number | null;
                /** @description Per referral (both sides together): the low end of the interval of a referred customer's mean revenue, times the gross margin; null when there are too few referred customers */
                affordable_reward: number | null;
                attributed: number;
                comparisons: components["schemas"]["LoyaltyComparison"][];
                enough_data: boolean;
                /** @description The gross margin assumed (query parameter `margin`, 1 when not given) */
                margin: number;
                message: string | null;
                /** @description Referred customers' revenue in the business currency */
                referred_revenue: number;
                /** @description Points given for referrals (both sides) times the point value */
                reward_cost: number;
                rewarded: number;
            };
            tier_mix: {
                customers: number;
                name: string;
                tier_id: string | null;
            }[];
        };
        LoyaltyReward: {
            active: boolean;
            created_at: string;
            description: string | null;
            /** @description Discount codes: an amount off in the business currency */
            discount_amount: number | null;
            /** @description Discount codes: a percentage off */
            discount_percent: number | null;
            id: string;
            /** @enum {string} */
            kind: "discount_code" | "free_product" | "custom";
            name: string;
            points_price: number;
            /** @description Free products: the product given */
            product_id: string | null;
            updated_at: string;
            /** @description Discount codes: how many orders may use one code (1 unless set; null: unlimited) */
            uses_per_code: number | null;
        };
        LoyaltyRewardCreate: {
            active?: boolean;
            description?: string | null;
            discount_amount?: number | null;
            discount_percent?: number | null;
            /** @enum {string} */
            kind: "discount_code" | "free_product" | "custom";
            name: string;
            points_price: number;
            product_id?: string | null;
            uses_per_code?: number | null;
        };
        LoyaltyRewardUpdate: {
            active?: boolean;
            description?: string | null;
            discount_amount?: number | null;
            discount_percent?: number | null;
            /** @enum {string} */
            kind?: "discount_code" | "free_product" | "custom";
            name?: string;
            points_price?: number;
            product_id?: string | null;
            uses_per_code?: number | null;
        };
        LoyaltyRule: {
            active: boolean;
            /** @description Most points one customer can earn from this rule; null: no cap */
            cap: number | null;
            created_at: string;
            ends_at: string | null;
            /** @description For event rules: the domain event type that earns points (it need not exist yet) */
            event_type: string | null;
            id: string;
            /**
             * @description order: points per unit of business currency of a paid order; signup: once per new customer; event: once per event of `event_type` about a customer; referrer / referred: each side of a referral, after the referred customer's first paid order
             * @enum {string}
             */
            kind: "order" | "signup" | "event" | "referrer" | "referred";
            name: string;
            /** @description Points per unit of currency (order rules, fractions allowed; points are rounded down per order), else points per occurrence */
            points: number;
            starts_at: string | null;
            updated_at: string;
        };
        LoyaltyRuleCreate: {
            active?: boolean;
            cap?: number | null;
            ends_at?: string | null;
            event_type?: string | null;
            /** @enum {string} */
            kind: "order" | "signup" | "event" | "referrer" | "referred";
            name: string;
            points: number;
            starts_at?: string | null;
        };
        LoyaltyRuleUpdate: {
            active?: boolean;
            cap?: number | null;
            ends_at?: string | null;
            event_type?: string | null;
            /** @enum {string} */
            kind?: "order" | "signup" | "event" | "referrer" | "referred";
            name?: string;
            points?: number;
            starts_at?: string | null;
        };
        LoyaltySettings: {
            /** @description Points expire this many days after they were earned, oldest first; null: never */
            expiry_days: number | null;
            /** @description What one point is worth in the business currency when redeemed (for the liability report) */
            point_value: number;
            /**
             * Format: uri
             * @description The address customers reach Rapport at, for referral links and customer pages; null: links are relative
             */
            public_url: string | null;
            /** @description The lead form a referral link leads to (`/f/{id}?ref=CODE`) */
            referral_form_id: string | null;
            /**
             * Format: uri
             * @description The shop a referral link leads to (with `?ref=CODE`) when no form is set
             */
            shop_url: string | null;
        };
        LoyaltyTier: {
            /**
             * @description points: points earned in the last 12 months; spend: paid orders in the business currency in the last 12 months
             * @enum {string}
             */
            basis: "points" | "spend";
            benefits: string | null;
            created_at: string;
            id: string;
            name: string;
            /** @description The least points or spend that reaches the tier */
            threshold: number;
            updated_at: string;
        };
        LoyaltyTierCreate: {
            /** @enum {string} */
            basis: "points" | "spend";
            benefits?: string | null;
            name: string;
            threshold: number;
        };
        LoyaltyTierUpdate: {
            /** @enum {string} */
            basis?: "points" | "spend";
            benefits?: string | null;
            name?: string;
            threshold?: number;
        };
        MailBounce: {
            /** @description The receiving server's answer, as reported */
            diagnostic: string | null;
            id: string;
            /** @enum {string} */
            kind: "hard" | "soft" | "complaint";
            message_id: string | null;
            /** @description The raw report as received; emptied after 30 days */
            raw: string | null;
            raw_purged_at: string | null;
            raw_size: number;
            reason: string | null;
            received_at: string;
            recipient: string | null;
            source: string;
            /** @description Enhanced status code (RFC 3463) of a bounce, or the feedback type of a complaint */
            status: string | null;
        };
        Mailbox: {
            address: string;
            created_at: string;
            enabled: boolean;
            folder: string;
            host: string;
            id: string;
            last_error: string | null;
            last_polled_at: string | null;
            last_uid: number;
            name: string;
            password_set: boolean;
            port: number;
            /** @enum {string} */
            security: "tls" | "starttls" | "none";
            updated_at: string;
            username: string;
        };
        MailboxInput: {
            /**
             * Format: email
             * @description The support address this mailbox receives (replies go out from the default sender)
             */
            address: string;
            /** @default true */
            enabled: boolean;
            /** @default INBOX */
            folder: string;
            host: string;
            name: string;
            /** @description Stored sealed, never returned */
            password: string;
            /** @default 993 */
            port: number;
            /**
             * @description `tls` (port 993), `starttls` (port 143), `none` only for a loopback host
             * @default tls
             * @enum {string}
             */
            security: "tls" | "starttls" | "none";
            username: string;
        };
        MailboxPatch: {
            /**
             * Format: email
             * @description The support address this mailbox receives (replies go out from the default sender)
             */
            address?: string;
            enabled?: boolean;
            folder?: string;
            host?: string;
            name?: string;
            /** @description Stored sealed, never returned */
            password?: string;
            port?: number;
            /**
             * @description `tls` (port 993), `starttls` (port 143), `none` only for a loopback host
             * @enum {string}
             */
            security?: "tls" | "starttls" | "none";
            username?: string;
        };
        MailSettings: {
            /**
             * @description Domain of the VERP return path: each message is sent with envelope sender bounces+<message id>@<bounce_domain>, so a bounce names its message. Its MX must deliver to the bounce mailbox.
             * @example bounce.example.com
             */
            bounce_domain: string | null;
            /** @description Whether host and from address are set, so mail can be sent */
            configured: boolean;
            from_address: string | null;
            from_name: string | null;
            /**
             * @description SMTP server host name
             * @example smtp.example.com
             */
            host: string | null;
            /** @description Where notifications to the owner go; unset: the owner's login email */
            owner_address: string | null;
            /** @description Whether a password is stored (it is never returned) */
            password_set: boolean;
            port: number;
            /**
             * @description The https address customers reach this Rapport at (unsubscribe and tracking links)
             * @example https://crm.example.com
             */
            public_url: string | null;
            reply_to: string | null;
            /**
             * @description `tls`: TLS from the start (port 465); `starttls`: upgrade required (port 587); `none`: only to a loopback host
             * @enum {string}
             */
            security: "tls" | "starttls" | "none";
            track_clicks: boolean;
            track_opens: boolean;
            user: string | null;
            /** @description Deliverability warnings (e.g. near the bulk-sender threshold) */
            warnings: string[];
        };
        MailSettingsInput: {
            bounce_domain?: string | null;
            /** Format: email */
            from_address?: string | null;
            from_name?: string | null;
            host?: string | null;
            /** Format: email */
            owner_address?: string | null;
            /** @description A new password; null removes it; leave out to keep the stored one */
            password?: string | null;
            port?: number;
            /** Format: uri */
            public_url?: string | null;
            /** Format: email */
            reply_to?: string | null;
            /** @enum {string} */
            security?: "tls" | "starttls" | "none";
            track_clicks?: boolean;
            track_opens?: boolean;
            user?: string | null;
        };
        MailTestInput: {
            /**
             * Format: email
             * @description Where to send the test; default: the owner's address
             */
            to?: string;
        };
        MailTestResult: {
            /** @description Why the server did not accept the test, in words */
            error: string | null;
            message_id: string | null;
            ok: boolean;
            /** @description The SMTP server's answer */
            response: string | null;
            to: string;
        };
        MergeField: {
            label: string;
            name: string;
            type: string;
        };
        MergeRequest: {
            loser_ids: string[];
            winner_id: string;
        };
        MergeResult: {
            conflicts: {
                discarded: string | number | boolean | unknown[] | {
                    [key: string]: unknown;
                } | null;
                field: string;
                from: string;
                kept: string | number | boolean | unknown[] | {
                    [key: string]: unknown;
                } | null;
            }[];
            merge_id: string;
            winner: {
                address: string | null;
                age: number | null;
                average_order_value: number | null;
                birthday: string | null;
                churn_reason: string | null;
                churn_risk: number | null;
                city: string | null;
                clv: number | null;
                company: string | null;
                company_id: string | null;
                consent_email: boolean | null;
                consent_email_at: string | null;
                consent_email_method: string | null;
                consent_sms: boolean | null;
                consent_sms_at: string | null;
                consent_sms_method: string | null;
                country: string | null;
                created_at: string;
                customer_since: string | null;
                email: string | null;
                emails: string[];
                erased_at: string | null;
                expected_purchases_90d: number | null;
                first_name: string | null;
                first_order_at: string | null;
                gender: string | null;
                id: string;
                income: number | null;
                last_interaction_at: string | null;
                last_name: string | null;
                last_order_at: string | null;
                notes: string | null;
                order_count: number;
                p_alive: number | null;
                p_purchase_90d: number | null;
                phone: string | null;
                phones: {
                    e164: string | null;
                    raw: string;
                    reason?: string;
                }[];
                postcode: string | null;
                purchase_frequency: number | null;
                purchase_probability: number | null;
                referral_code: string | null;
                region: string | null;
                revenue: number;
                rfm_frequency: number | null;
                rfm_monetary: number | null;
                rfm_recency: number | null;
                rfm_score: string | null;
                rfm_segment: string | null;
                /** @enum {string|null} */
                score_basis: "model" | "own_rhythm" | "typical_rhythm" | null;
                scored_at: string | null;
                segment_id: string | null;
                source: string | null;
                sources: {
                    source: string;
                    source_id: string;
                }[];
                /** @enum {string|null} */
                stage: "lead" | "active" | "inactive" | "churned" | null;
                stage_changed_at: string | null;
                tags: string[];
                time_zone: string | null;
                title: string | null;
                updated_at: string;
                usual_gap_days: number | null;
                value_at_risk: number | null;
            } & {
                [key: string]: unknown;
            };
        };
        Message: {
            attempts: number;
            clicked_at: string | null;
            created_at: string;
            customer_id: string | null;
            error: string | null;
            id: string;
            /** @description The Message-ID header sent */
            message_id: string | null;
            next_attempt_at: string;
            opened_at: string | null;
            /** @description The SMTP server's last answer */
            provider_response: string | null;
            /** @enum {string} */
            purpose: "transactional" | "marketing" | "notification";
            related_entity: string | null;
            related_id: string | null;
            sender_id: string | null;
            sent_at: string | null;
            /** @enum {string} */
            status: "queued" | "sending" | "sent" | "failed" | "suppressed" | "bounced_soft" | "bounced_hard" | "complained";
            subject: string;
            to_address: string;
            updated_at: string;
        };
        MessageDetail: components["schemas"]["Message"] & {
            attachments: {
                content_type: string;
                filename: string;
                size: number;
            }[];
            html_body: string | null;
            text_body: string;
        };
        /** @description NPS (−100…100) with its 95% adjusted-Wald interval (low, high) */
        NpsFigure: {
            answers: number;
            detractors: number;
            high: number | null;
            low: number | null;
            nps: number | null;
            passives: number;
            promoters: number;
        };
        Order: {
            created_at: string;
            currency: string;
            customer_id: string;
            discount_code: string | null;
            id: string;
            lines: {
                id: string;
                product_id: string | null;
                product_name: string | null;
                quantity: number;
                sku: string | null;
                unit_price: number;
            }[];
            notes: string | null;
            ordered_at: string;
            payment_card: string | null;
            payment_fingerprint: string | null;
            /** @enum {string} */
            status: "pending" | "paid" | "fulfilled" | "cancelled" | "refunded";
            total: number;
            updated_at: string;
        } & {
            [key: string]: unknown;
        };
        OrderCreate: {
            /** @description Currency */
            currency?: string | null;
            /** @description Customer ID */
            customer_id: string;
            /** @description The discount or referral code the order was placed with; a referral code attributes a new customer to its owner. */
            discount_code?: string | null;
            lines?: {
                product_id?: string | null;
                product_name?: string | null;
                /** @default 1 */
                quantity: number;
                sku?: string | null;
                unit_price: number;
            }[];
            /** @description Notes */
            notes?: string | null;
            /** @description Date */
            ordered_at: string;
            /** @description Brand and last four digits of the card paid with, as "visa 4242"; compared with the referrer's cards when a referral is rewarded. */
            payment_card?: string | null;
            /** @description The payment provider's fingerprint of the card or account paid with (Stripe's card fingerprint, for one); a referral whose new customer pays like the referrer is refused. */
            payment_fingerprint?: string | null;
            /**
             * @description Status
             * @enum {string|null}
             */
            status?: "pending" | "paid" | "fulfilled" | "cancelled" | "refunded" | null;
            /** @description Total */
            total?: number | null;
        };
        ordersBulk: {
            create?: components["schemas"]["OrderCreate"][];
            delete?: string[];
            update?: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
        };
        OrderUpdate: {
            /** @description Currency */
            currency?: string | null;
            /** @description Customer ID */
            customer_id?: string | null;
            /** @description The discount or referral code the order was placed with; a referral code attributes a new customer to its owner. */
            discount_code?: string | null;
            lines?: {
                product_id?: string | null;
                product_name?: string | null;
                /** @default 1 */
                quantity: number;
                sku?: string | null;
                unit_price: number;
            }[];
            /** @description Notes */
            notes?: string | null;
            /** @description Date */
            ordered_at?: string | null;
            /** @description Brand and last four digits of the card paid with, as "visa 4242"; compared with the referrer's cards when a referral is rewarded. */
            payment_card?: string | null;
            /** @description The payment provider's fingerprint of the card or account paid with (Stripe's card fingerprint, for one); a referral whose new customer pays like the referrer is refused. */
            payment_fingerprint?: string | null;
            /**
             * @description Status
             * @enum {string|null}
             */
            status?: "pending" | "paid" | "fulfilled" | "cancelled" | "refunded" | null;
            /** @description Total */
            total?: number | null;
        };
        Pipeline: {
            created_at: string;
            id: string;
            /** @description Whether moving a deal to a lost stage needs a lost reason */
            lost_reason_required: boolean;
            name: string;
            position: number;
            /** @description An open deal without activity for more days than this is rotten; null: never */
            rotten_days: number | null;
            stages: components["schemas"]["PipelineStage"][];
            updated_at: string;
        };
        PipelineCreate: {
            lost_reason_required?: boolean;
            name: string;
            position?: number;
            rotten_days?: number | null;
            /** @description Stages in board order: at least one open, one won and one lost */
            stages: {
                /** @description An existing stage of this pipeline; omit for a new stage */
                id?: string;
                /**
                 * @default open
                 * @enum {string}
                 */
                kind: "open" | "won" | "lost";
                name: string;
                /** @description Win probability 0..1 (won stages 1, lost stages 0) */
                probability?: number;
            }[];
        };
        PipelineStage: {
            id: string;
            /** @enum {string} */
            kind: "open" | "won" | "lost";
            name: string;
            pipeline_id: string;
            position: number;
            probability: number;
        };
        PipelineUpdate: {
            lost_reason_required?: boolean;
            /** @description For each deleted stage that holds deals, the id of a kept stage of this pipeline their deals move to */
            move_deals?: {
                [key: string]: string;
            };
            name?: string;
            position?: number;
            rotten_days?: number | null;
            /** @description The full list of stages in board order; stages left out are deleted */
            stages?: {
                /** @description An existing stage of this pipeline; omit for a new stage */
                id?: string;
                /**
                 * @default open
                 * @enum {string}
                 */
                kind: "open" | "won" | "lost";
                name: string;
                /** @description Win probability 0..1 (won stages 1, lost stages 0) */
                probability?: number;
            }[];
        };
        Product: {
            category: string | null;
            created_at: string;
            id: string;
            name: string;
            price: number | null;
            sku: string | null;
            updated_at: string;
        } & {
            [key: string]: unknown;
        };
        ProductCreate: {
            /** @description Category */
            category?: string | null;
            /** @description Name */
            name: string;
            /** @description Price */
            price?: number | null;
            /** @description SKU */
            sku?: string | null;
        };
        productsBulk: {
            create?: components["schemas"]["ProductCreate"][];
            delete?: string[];
            update?: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
        };
        ProductUpdate: {
            /** @description Category */
            category?: string | null;
            /** @description Name */
            name?: string | null;
            /** @description Price */
            price?: number | null;
            /** @description SKU */
            sku?: string | null;
        };
        PurchaseModelMetrics: {
            /** @description Area under the ROC curve on the held-out customers (0.5 is a coin toss) */
            auc: number | null;
            base_rate: number;
            baseline: {
                /** @description Area under the ROC curve on the held-out customers (0.5 is a coin toss) */
                auc: number | null;
                /** @description Mean squared error of the probabilities on the held-out customers (0 is perfect) */
                brier: number | null;
                /** @description Held-out customers in tenths of predicted probability: mean predicted against observed rate */
                calibration: {
                    count: number;
                    mean_predicted: number;
                    observed_rate: number;
                }[];
                features: string[];
                log_loss: number | null;
                name: string;
            };
            /** @description Mean squared error of the probabilities on the held-out customers (0 is perfect) */
            brier: number | null;
            /** @description Held-out customers in tenths of predicted probability: mean predicted against observed rate */
            calibration: {
                count: number;
                mean_predicted: number;
                observed_rate: number;
            }[];
            converged: boolean;
            cutoff: string;
            /** @description Whether feedback (the latest CSAT and NPS score known at the cutoff) is an input, and why: kept only when it raises the held-out AUC by 0.01 or more */
            feedback?: {
                /** @description Held-out AUC with feedback (null when no customer had given any by the cutoff) */
                auc_with: number | null;
                /** @description Held-out AUC of the model without feedback */
                auc_without: number | null;
                /** @description Training customers with a CSAT or NPS answer known at the cutoff */
                customers_with_feedback: number;
                features: string[];
                reason: string;
                used: boolean;
            };
            imputed: {
                [key: string]: number;
            };
            log_loss: number | null;
            population: number;
            quality: string | null;
            test: number;
            train: number;
            window_days: number;
        };
        PurchasePrediction: {
            /** @description Inputs the model does not use, and why */
            ignored: {
                name: string;
                reason: string;
            }[];
            /** @description The inputs the model used, with the value of each */
            inputs: {
                /** @description Change in the log-odds per unit of this input */
                coefficient: number;
                name: string;
                /**
                 * @description given in the query, the segment centre, or the median of the customers the model was trained on
                 * @enum {string}
                 */
                source: "given" | "segment" | "training_median";
                value: number;
            }[];
            model: {
                auc: number | null;
                baseline_auc: number | null;
                brier: number | null;
                created_at: string;
                id: string;
                /** @description strong, useful, weak, no better than guessing, or no better than recency alone (held-out AUC) */
                quality: string | null;
                run_id: string | null;
            };
            /** @description Probability of buying within window_days */
            predicted_purchase_probability: number;
            /** @description The segment given, and the inputs its centre supplied */
            segment: {
                id: string;
                number: number;
                segmentation_id: string;
                supplied: string[];
            } | null;
            warnings: string[];
            window_days: number;
        };
        Quote: {
            accepted_at: string | null;
            accepted_by: string | null;
            accepted_pdf_sha256: string | null;
            converted_at: string | null;
            created_at: string;
            currency: string;
            customer_id: string;
            deal_id: string | null;
            decline_reason: string | null;
            declined_at: string | null;
            discount_percent: number;
            discount_total: number;
            id: string;
            lines: components["schemas"]["QuoteLine"][];
            notes: string | null;
            number: string;
            order_id: string | null;
            previous_version_id: string | null;
            sent_at: string | null;
            /** @enum {string} */
            status: "draft" | "sent" | "viewed" | "accepted" | "declined" | "expired" | "converted";
            subtotal: number;
            superseded_by_id: string | null;
            task_id: string | null;
            tax_total: number;
            terms: string | null;
            title: string | null;
            total: number;
            updated_at: string;
            valid_until: string;
            version: number;
            viewed_at: string | null;
        } & {
            [key: string]: unknown;
        };
        QuoteAcceptForm: {
            name: string;
            pdf_sha256: string;
        };
        QuoteActivity: {
            at: string;
            /** @description The address it was sent to, the name typed to accept, or the decline reason */
            detail: string | null;
            id: string;
            ip: string | null;
            /** @description sent, viewed, downloaded, accepted, declined, converted */
            kind: string;
            /** @description SHA-256 of the PDF sent or accepted */
            pdf_sha256: string | null;
            user_agent: string | null;
        };
        QuoteCreate: {
            /** @description ISO 4217 code; the business currency when omitted. */
            currency?: string | null;
            /** @description Customer ID */
            customer_id: string;
            /** @description The deal the quote is for: accepting it wins the deal. */
            deal_id?: string | null;
            /** @description Overall discount (%) */
            discount_percent?: number | null;
            /** @description The lines; on update they replace the old ones */
            lines?: components["schemas"]["QuoteLineInput"][];
            /** @description Internal notes */
            notes?: string | null;
            /** @description Terms */
            terms?: string | null;
            /** @description Title */
            title?: string | null;
            /** @description Last day the quote can be accepted; 30 days from today when omitted. */
            valid_until?: string | null;
        };
        QuoteDeclineForm: {
            reason?: string;
        };
        QuoteLine: {
            description: string | null;
            discount_percent: number;
            id: string;
            name: string;
            /** @description Quantity × unit price less the line discount */
            net: number;
            product_id: string | null;
            quantity: number;
            sku: string | null;
            tax_rate: number;
            unit_price: number;
        };
        QuoteLineInput: {
            description?: string | null;
            /** @default 0 */
            discount_percent: number;
            /** @description Required unless the product gives one */
            name?: string | null;
            /** @description A catalogue product: its name, SKU and price fill what the line leaves out */
            product_id?: string | null;
            /**
             * @description Up to 3 decimals
             * @default 1
             */
            quantity: number;
            sku?: string | null;
            /**
             * @description Tax rate in percent, e.g. 21
             * @default 0
             */
            tax_rate: number;
            /** @description Price per unit in the quote's currency; the product's catalogue price when omitted */
            unit_price?: number;
        };
        QuoteReport: {
            from: string;
            months: {
                /** @description (accepted + converted) / sent; null when nothing was sent */
                acceptance_rate: number | null;
                /** @description Accepted on the public page */
                accepted: number;
                /** @description Turned into an order by the owner */
                converted: number;
                declined: number;
                expired: number;
                mean_days_to_accept: number | null;
                /** @description Days from first sending to acceptance (online acceptances only) */
                median_days_to_accept: number | null;
                /** @example 2026-03 */
                month: string;
                /** @description Sent or viewed, still valid */
                open: number;
                sent: number;
            }[];
            to: string;
            totals: {
                /** @description (accepted + converted) / sent; null when nothing was sent */
                acceptance_rate: number | null;
                /** @description Accepted on the public page */
                accepted: number;
                /** @description Turned into an order by the owner */
                converted: number;
                declined: number;
                expired: number;
                mean_days_to_accept: number | null;
                /** @description Days from first sending to acceptance (online acceptances only) */
                median_days_to_accept: number | null;
                /** @description Sent or viewed, still valid */
                open: number;
                sent: number;
            };
        };
        quotesBulk: {
            create?: components["schemas"]["QuoteCreate"][];
            delete?: string[];
            update?: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
        };
        QuoteSettings: {
            /** @description Several lines: street, city, VAT number... */
            business_address: string | null;
            /** @description Shown at the top of every quote and in the email */
            business_name: string | null;
            /** @description Terms a new quote starts with */
            default_terms: string | null;
            /** @description The follow-up task of an accepted quote is due this many days later */
            follow_up_days: number;
            /** @description A PNG or JPEG as a data URL (data:image/png;base64,...), 256 KB at most */
            logo: string | null;
            /** @description A new quote is valid this many days unless it says otherwise */
            validity_days: number;
        };
        QuoteSettingsPatch: {
            /** @description Several lines: street, city, VAT number... */
            business_address?: string | null;
            /** @description Shown at the top of every quote and in the email */
            business_name?: string | null;
            /** @description Terms a new quote starts with */
            default_terms?: string | null;
            /** @description The follow-up task of an accepted quote is due this many days later */
            follow_up_days?: number;
            /** @description A PNG or JPEG as a data URL (data:image/png;base64,...), 256 KB at most */
            logo?: string | null;
            /** @description A new quote is valid this many days unless it says otherwise */
            validity_days?: number;
        };
        QuoteUpdate: {
            /** @description ISO 4217 code; the business currency when omitted. */
            currency?: string | null;
            /** @description Customer ID */
            customer_id?: string | null;
            /** @description The deal the quote is for: accepting it wins the deal. */
            deal_id?: string | null;
            /** @description Overall discount (%) */
            discount_percent?: number | null;
            /** @description The lines; on update they replace the old ones */
            lines?: components["schemas"]["QuoteLineInput"][];
            /** @description Internal notes */
            notes?: string | null;
            /** @description Terms */
            terms?: string | null;
            /** @description Title */
            title?: string | null;
            /** @description Last day the quote can be accepted; 30 days from today when omitted. */
            valid_until?: string | null;
        };
        Referral: {
            attributed_at: string;
            channel: string;
            code: string;
            id: string;
            order_id: string | null;
            referred_id: string;
            referrer_id: string;
            /** @description Why a referral was refused after attribution (the new customer paid with the referrer's card or account) */
            refused_reason: string | null;
            rewarded_at: string | null;
            /** @enum {string} */
            status: "attributed" | "rewarded" | "refused";
        };
        ReferralAttribute: {
            /** @enum {string} */
            channel?: "form" | "api" | "import" | "manual";
            code: string;
            customer_id: string;
        };
        ReferralAttribution: {
            attributed: boolean;
            reason: string | null;
            referral_id: string | null;
            referrer_id: string | null;
        };
        Reminder: {
            customer_id: string | null;
            due_at: string | null;
            /** @description The task id */
            id: string;
            linked_entity: string | null;
            linked_id: string | null;
            priority: string;
            remind_at: string;
            /** @description When the reminder email was queued; null until the reminder check has run */
            reminded_at: string | null;
            title: string;
        };
        RenderedMail: {
            /** @description Responsive HTML (null for a text-only template) */
            html: string | null;
            subject: string;
            text: string;
        };
        RevenueBreakdownReport: {
            /** @description Answered from the report cache */
            cached: boolean;
            /**
             * @description The business currency: every amount of the report is in it
             * @example EUR
             */
            currency: string;
            data: components["schemas"]["RevenueBreakdownRow"][];
            /** @enum {string} */
            dimension: "segment" | "stage" | "rfm_segment" | "source" | "country";
            /**
             * @description YYYY-MM-DD
             * @example 2026-01-31
             */
            from: string;
            /** @description When the figures were computed */
            generated_at: string;
            /** @description What the amounts include, in words */
            includes: string;
            /** @description Counted orders in the range in each other currency, left out of amounts and order counts (currencies are not converted) */
            other_currencies: {
                currency: string;
                orders: number;
                revenue: number;
            }[];
            /**
             * @description YYYY-MM-DD
             * @example 2026-01-31
             */
            to: string;
        };
        RevenueBreakdownRow: {
            customers: number;
            /** @description The model segment in words (segments only) */
            description?: string | null;
            /** @description The value grouped by (a segment id for segments); null: none */
            key: string | null;
            name: string;
            orders: number;
            revenue: number;
        };
        RevenuePeriod: {
            average_order_value: number | null;
            /** @description Buyers in the period (in any currency) */
            customers: number;
            orders: number;
            /** @description YYYY-MM for months, YYYY-MM-DD (the day, or the Monday of the week) otherwise */
            period: string;
            revenue: number;
        };
        RevenueReport: {
            /** @enum {string} */
            bucket: "day" | "week" | "month";
            /** @description Answered from the report cache */
            cached: boolean;
            /**
             * @description The business currency: every amount of the report is in it
             * @example EUR
             */
            currency: string;
            data: components["schemas"]["RevenuePeriod"][];
            /**
             * @description YYYY-MM-DD
             * @example 2026-01-31
             */
            from: string;
            /** @description When the figures were computed */
            generated_at: string;
            /** @description What the amounts include, in words */
            includes: string;
            /** @description Counted orders in the range in each other currency, left out of amounts and order counts (currencies are not converted) */
            other_currencies: {
                currency: string;
                orders: number;
                revenue: number;
            }[];
            /**
             * @description YYYY-MM-DD
             * @example 2026-01-31
             */
            to: string;
        };
        Segment: {
            centroid: {
                [key: string]: number;
            } | null;
            created_at: string;
            description: string | null;
            /** @description A filter tree as in GET /api/customers?filter=, e.g. {"field":"income","op":"gte","value":100000} or {"and":[...]} */
            filter: {
                [key: string]: unknown;
            } | null;
            id: string;
            /** @enum {string} */
            kind: "model" | "filter";
            /** @description k-means label (0 to k - 1) of a model segment: its number in ?segment= */
            label: number | null;
            name: string;
            position: number | null;
            segmentation_id: string | null;
            size: number | null;
        };
        Segmentation: {
            /** @description How many of those seedings reached that inertia */
            best_inertia_runs?: number;
            created_at: string;
            customers?: number;
            duration_ms?: number;
            feature_means?: {
                [key: string]: number;
            };
            feature_stds?: {
                [key: string]: number;
            };
            features: string[];
            id: string;
            imputation?: {
                [key: string]: {
                    median: number;
                    missing: number;
                };
            };
            imputation_note?: string;
            /** @description Sum of squared distances to the segment centres, in the space clustered (see inertia_space) */
            inertia?: number;
            inertia_space?: string;
            iterations?: number;
            k: number;
            k_suggested?: boolean;
            n_init?: number | "auto";
            /** @description k-means++ seedings run; the lowest inertia among them was kept */
            restarts?: number;
            seed: number;
            segments: components["schemas"]["Segment"][];
            standardize: boolean;
            suggestion?: {
                candidates: {
                    inertia: number;
                    k: number;
                    silhouette: number | null;
                }[];
                k: number;
                sample_size: number;
            } | null;
        };
        SegmentationCreate: {
            features: string[];
            /** @default auto */
            k: number | "auto";
            /** @default auto */
            n_init: number | "auto";
            /** @default 0 */
            seed: number;
            /** @default true */
            standardize: boolean;
        };
        SegmentCreate: {
            description?: string;
            /** @description A filter tree as in GET /api/customers?filter=, e.g. {"field":"income","op":"gte","value":100000} or {"and":[...]} */
            filter: {
                [key: string]: unknown;
            };
            name: string;
        };
        Sender: {
            address: string;
            created_at: string;
            dkim_selector: string;
            /** @description TXT records to publish at the domain (DKIM key, SPF, DMARC) */
            dns_records: components["schemas"]["DnsRecord"][];
            domain: string;
            id: string;
            is_default: boolean;
            name: string;
            per_day: number;
            per_hour: number;
            per_second: number;
            reply_to: string | null;
            updated_at: string;
            warnings: string[];
        };
        SenderInput: {
            /** Format: email */
            address: string;
            dkim_selector?: string;
            is_default?: boolean;
            name: string;
            /** @description 0: no limit; null: the default */
            per_day?: number | null;
            /** @description 0: no limit; null: the default */
            per_hour?: number | null;
            /** @description 0: no limit; null: the default */
            per_second?: number | null;
            /** Format: email */
            reply_to?: string | null;
        };
        SenderPatch: {
            is_default?: boolean;
            name?: string;
            /** @description 0: no limit; null: the default */
            per_day?: number | null;
            /** @description 0: no limit; null: the default */
            per_hour?: number | null;
            /** @description 0: no limit; null: the default */
            per_second?: number | null;
            /** Format: email */
            reply_to?: string | null;
        };
        ServiceReport: {
            by_channel: {
                [key: string]: number;
            };
            by_kind: {
                [key: string]: number;
            };
            by_status: {
                [key: string]: number;
            };
            csat_bands: {
                band: string;
                customers: number;
                mean_churn_risk: number | null;
                mean_clv: number | null;
            }[];
            first_response_within_sla: number | null;
            from: string;
            median_first_response_minutes: number | null;
            median_resolution_minutes: number | null;
            resolved_within_sla: number | null;
            tickets: number;
            to: string;
        };
        Session: {
            csrf_token: string;
            expires_at: string;
            user_id: string;
        };
        Sms: {
            attempts: number;
            body: string;
            created_at: string;
            customer_id: string | null;
            delivered_at: string | null;
            /** @enum {string} */
            encoding: "GSM-7" | "UCS-2";
            error: string | null;
            error_code: string | null;
            from_number: string | null;
            id: string;
            provider_sid: string | null;
            provider_status: string | null;
            /** @enum {string} */
            purpose: "transactional" | "marketing" | "notification";
            related_entity: string | null;
            related_id: string | null;
            segments: number;
            sent_at: string | null;
            /** @enum {string} */
            status: "queued" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "suppressed";
            to_number: string;
            updated_at: string;
        };
        /** @description A send_sms step: what became of its texts */
        SmsOutcomes: {
            /** @description Reported delivered to the handset */
            delivered: number;
            /** @description Refused by the provider or reported undelivered */
            failed: number;
            /** @description Waiting for the provider */
            queued: number;
            /** @description Accepted by the provider (delivered, undelivered or not yet reported) */
            sent: number;
            /** @description Texts answered with STOP (or another opt-out keyword) before any later text */
            stop_replies: number;
            /** @description Not sent: the number opted out or consent was withdrawn before sending */
            suppressed: number;
            texts: number;
        };
        SmsSegmentCount: {
            /** @enum {string} */
            encoding: "GSM-7" | "UCS-2";
            /** @description The characters that made the text UCS-2 */
            non_gsm_characters: string[];
            /** @description 160/153 (GSM-7) or 70/67 (UCS-2) */
            per_segment: number;
            /** @description Units left in the last segment */
            remaining: number;
            segments: number;
            /** @description Septets (GSM-7) or UTF-16 code units (UCS-2) */
            units: number;
        };
        SmsSegmentInput: {
            body: string;
        };
        SmsSendInput: {
            body: string;
            customer_id: string;
            /** @enum {string} */
            purpose: "transactional" | "marketing" | "notification";
        };
        SmsSettings: {
            /** @example AC0123456789abcdef0123456789abcdef */
            account_sid: string | null;
            /** @description Allow a base URL on a private or loopback address (a provider gateway on the local network) */
            allow_private_base_url: boolean;
            /** @description Whether an auth token is stored (it is never returned) */
            auth_token_set: boolean;
            /** @description The provider's API base URL (Twilio: https://api.twilio.com) */
            base_url: string;
            /** @description Whether account, token and a sender are set, so texts can be sent */
            configured: boolean;
            /**
             * @description The sending number in E.164 form
             * @example +15017122661
             */
            from_number: string | null;
            /** @description Set this as the number's incoming-message webhook at the provider (STOP, START...) */
            inbound_url: string | null;
            /** @description A messaging service to send from instead of one number */
            messaging_service_sid: string | null;
            /** @description Where the provider reports delivery (from the public address in Settings → Email) */
            status_callback_url: string | null;
        };
        SmsSettingsInput: {
            account_sid?: string | null;
            allow_private_base_url?: boolean;
            /** @description A new auth token; null removes it; leave out to keep the stored one */
            auth_token?: string | null;
            /** Format: uri */
            base_url?: string;
            from_number?: string | null;
            messaging_service_sid?: string | null;
        };
        StageProbability: {
            /** @enum {string} */
            basis: "learnt" | "configured";
            /** @description The configured probability (the Beta prior's mean) */
            configured: number;
            /** @description Closed deals that passed through the stage */
            deals_seen: number;
            /** @description Posterior mean: the prior (worth 10 deals) updated by the won and lost deals that passed through the stage */
            learnt: number;
            lost: number;
            /** @description The probability forecasts use: learnt once 5 closed deals passed the stage, else configured */
            used: number;
            won: number;
        };
        Suppression: {
            /** @description Null once the person was erased (the hash still suppresses) */
            address: string | null;
            created_at: string;
            customer_id: string | null;
            id: string;
            message_id: string | null;
            note: string | null;
            /** @enum {string} */
            reason: "unsubscribed" | "hard_bounce" | "complaint" | "manual" | "soft_bounces";
        };
        SuppressionInput: {
            /** Format: email */
            address: string;
            note?: string | null;
        };
        Survey: {
            active: boolean;
            after_days: number | null;
            answered: number;
            created_at: string;
            id: string;
            name: string;
            question: string | null;
            /** @description Answered / sent, 0–1 */
            response_rate: number | null;
            segment_id: string | null;
            sent: number;
            /** @enum {string|null} */
            stage: "lead" | "active" | "inactive" | "churned" | null;
            updated_at: string;
        };
        SurveyAnswerForm: {
            comment?: string;
            score?: string;
        };
        SurveyInput: {
            active?: boolean;
            /** @description Sent automatically this many days after a person became a customer (daily) */
            after_days?: number | null;
            name: string;
            /** @description Default: "How likely are you to recommend us to a friend or colleague?" */
            question?: string;
            /** @description Send to the members of this segment (k-means or saved filter) */
            segment_id?: string | null;
            /**
             * @description Send to customers in this lifecycle stage
             * @enum {string|null}
             */
            stage?: "lead" | "active" | "inactive" | "churned" | null;
        };
        SurveyResponse: {
            answered_at: string;
            comment: string | null;
            customer_id: string | null;
            id: string;
            /** @enum {string} */
            kind: "csat" | "nps";
            request_id: string;
            score: number;
            survey_id: string | null;
            ticket_id: string | null;
            updated_at: string;
        };
        Task: {
            company_id: string | null;
            created_at: string;
            customer_id: string | null;
            done: boolean;
            done_at: string | null;
            due_at: string | null;
            due_event_at: string | null;
            id: string;
            /** @enum {string|null} */
            linked_entity: "customer" | "company" | "order" | "interaction" | "task" | "deal" | "quote" | "contract" | null;
            linked_id: string | null;
            notes: string | null;
            order_id: string | null;
            /** @enum {string|null} */
            priority: "low" | "normal" | "high" | "urgent" | null;
            recurrence: string | null;
            remind_at: string | null;
            reminded_at: string | null;
            title: string;
            updated_at: string;
        } & {
            [key: string]: unknown;
        };
        TaskCounts: {
            /** @description Due from now to the end of the day */
            due_today: number;
            /** @description Due before now */
            overdue: number;
            /** @description Reminder time passed */
            reminders: number;
        };
        TaskCreate: {
            /** @description Company ID */
            company_id?: string | null;
            /** @description Customer ID */
            customer_id?: string | null;
            /** @description Done */
            done?: boolean | null;
            /** @description Due */
            due_at?: string | null;
            /**
             * @description Linked record type
             * @enum {string|null}
             */
            linked_entity?: "customer" | "company" | "order" | "interaction" | "task" | "deal" | "quote" | "contract" | null;
            /** @description The record the task is about (with linked_entity). */
            linked_id?: string | null;
            /** @description Notes */
            notes?: string | null;
            /** @description Order ID */
            order_id?: string | null;
            /**
             * @description normal when omitted.
             * @enum {string|null}
             */
            priority?: "low" | "normal" | "high" | "urgent" | null;
            /** @description An RFC 5545 recurrence rule, e.g. FREQ=WEEKLY;BYDAY=MO. Needs a due time; completing the task creates the next occurrence, counted in the business time zone. */
            recurrence?: string | null;
            /** @description When the owner is reminded by email (and in the app); a new time is reminded again. */
            remind_at?: string | null;
            /** @description Title */
            title: string;
        };
        tasksBulk: {
            create?: components["schemas"]["TaskCreate"][];
            delete?: string[];
            update?: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
        };
        TaskUpdate: {
            /** @description Company ID */
            company_id?: string | null;
            /** @description Customer ID */
            customer_id?: string | null;
            /** @description Done */
            done?: boolean | null;
            /** @description Due */
            due_at?: string | null;
            /**
             * @description Linked record type
             * @enum {string|null}
             */
            linked_entity?: "customer" | "company" | "order" | "interaction" | "task" | "deal" | "quote" | "contract" | null;
            /** @description The record the task is about (with linked_entity). */
            linked_id?: string | null;
            /** @description Notes */
            notes?: string | null;
            /** @description Order ID */
            order_id?: string | null;
            /**
             * @description normal when omitted.
             * @enum {string|null}
             */
            priority?: "low" | "normal" | "high" | "urgent" | null;
            /** @description An RFC 5545 recurrence rule, e.g. FREQ=WEEKLY;BYDAY=MO. Needs a due time; completing the task creates the next occurrence, counted in the business time zone. */
            recurrence?: string | null;
            /** @description When the owner is reminded by email (and in the app); a new time is reminded again. */
            remind_at?: string | null;
            /** @description Title */
            title?: string | null;
        };
        Template: {
            created_at: string;
            id: string;
            mjml: string;
            name: string;
            subject: string;
            /** @description The plain-text part; generated from the HTML when null */
            text: string | null;
            updated_at: string;
        };
        TemplateInput: {
            /**
             * @description MJML with Liquid merge fields; may be empty for a text-only template
             * @default
             */
            mjml: string;
            name: string;
            /** @description Liquid, e.g. "{{ customer.first_name }}, we miss you" */
            subject: string;
            /** @description A hand-written plain-text part (Liquid); generated from the HTML when left out */
            text?: string | null;
        };
        TemplatePatch: {
            /**
             * @description MJML with Liquid merge fields; may be empty for a text-only template
             * @default
             */
            mjml: string;
            name?: string;
            /** @description Liquid, e.g. "{{ customer.first_name }}, we miss you" */
            subject?: string;
            /** @description A hand-written plain-text part (Liquid); generated from the HTML when left out */
            text?: string | null;
        };
        TemplatePreviewInput: {
            /** @description Render as this customer; sample values for every merge field when left out */
            customer_id?: string;
            template?: components["schemas"]["InlineTemplate"];
            template_id?: string;
        };
        TemplateTestInput: {
            customer_id?: string;
            sender_id?: string;
            /** Format: email */
            to: string;
        };
        Ticket: {
            attention_at: string;
            /** @enum {string} */
            channel: "email" | "chat" | "form" | "phone" | "manual";
            closed_at: string | null;
            created_at: string;
            customer_id: string | null;
            first_response_at: string | null;
            first_response_due_at: string | null;
            id: string;
            /** @enum {string} */
            kind: "question" | "problem" | "complaint" | "request";
            last_inbound_at: string | null;
            last_message_at: string;
            linked_ticket_id: string | null;
            mailbox_id: string | null;
            message_count: number;
            number: number;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            /** @example T-42 */
            reference: string;
            reply_to_address: string | null;
            resolution_due_at: string | null;
            resolved_at: string | null;
            snoozed_until: string | null;
            /** @enum {string} */
            status: "new" | "open" | "waiting" | "snoozed" | "resolved" | "closed";
            subject: string;
            tags: string[];
            updated_at: string;
        };
        TicketCreate: {
            /**
             * @default manual
             * @enum {string}
             */
            channel: "email" | "chat" | "form" | "phone" | "manual";
            customer_id?: string;
            /** Format: email */
            email?: string;
            /** @enum {string} */
            kind?: "question" | "problem" | "complaint" | "request";
            /** @description The customer's words, as the first message */
            message?: string;
            name?: string;
            /** @enum {string} */
            priority?: "low" | "normal" | "high" | "urgent";
            subject: string;
            tags?: string[];
        };
        TicketDetail: {
            customer_context: {
                customer: {
                    at_risk: boolean;
                    churn_risk: number | null;
                    clv: number | null;
                    email: string | null;
                    high_value: boolean;
                    id: string;
                    name: string;
                    p_alive: number | null;
                    stage: string | null;
                } | null;
                open_deals: {
                    currency: string | null;
                    id: string;
                    stage_id: string;
                    title: string;
                    value: number | null;
                }[];
                previous_tickets: {
                    created_at: string;
                    id: string;
                    reference: string;
                    status: string;
                    subject: string;
                }[];
                recent_orders: {
                    currency: string;
                    id: string;
                    ordered_at: string;
                    status: string;
                    total: number;
                }[];
            };
            messages: components["schemas"]["TicketMessage"][];
            ticket: components["schemas"]["TicketListItem"];
        };
        TicketListItem: components["schemas"]["Ticket"] & {
            breached: boolean;
            customer: {
                churn_risk: number | null;
                clv: number | null;
                email: string | null;
                id: string;
                name: string;
            } | null;
            /** @description The due time still pending: first response until there is one, then resolution */
            due_at: string | null;
            due_in_minutes: number | null;
        };
        TicketMessage: {
            attachments: {
                content_type: string;
                filename: string;
                id: string;
                sha256: string;
                size: number;
            }[];
            author: string | null;
            auto_reply: boolean;
            /** @description The HTML part as received (untrusted: never insert it into a page unsanitised) */
            body_html: string | null;
            /** @description The full text as received or sent */
            body_text: string;
            created_at: string;
            /** @enum {string} */
            direction: "in" | "out" | "note";
            /** @description Quoted earlier mail and signature, folded away in the view */
            folded_text: string;
            from_address: string | null;
            header_message_id: string | null;
            id: string;
            in_reply_to: string | null;
            mail_message_id: string | null;
            references: string[];
            /** @description The HTML part names images on other servers: its page holds them back unless asked with images=true */
            remote_images: boolean;
            subject: string | null;
            ticket_id: string;
            to_address: string | null;
            /** @description What the sender wrote in this message */
            visible_text: string;
        };
        TicketPatch: {
            customer_id?: string | null;
            /** @enum {string} */
            kind?: "question" | "problem" | "complaint" | "request";
            /** @enum {string} */
            priority?: "low" | "normal" | "high" | "urgent";
            subject?: string;
            tags?: string[];
        };
        TicketReply: {
            body_html?: string;
            /** @default  */
            body_text: string;
            canned_reply_id?: string;
            /**
             * @description Status after the reply (default waiting)
             * @enum {string}
             */
            status?: "waiting" | "resolved" | "open";
            /** @description One line; default "Re: <subject> [#T-n]" */
            subject?: string;
        };
        TicketSlaSettings: {
            /** @description Days after closing during which a reply reopens the ticket; later it opens a new ticket linked to the old */
            follow_up_days: number;
            holidays: string[];
            /** @description Open windows per weekday (business time zone), e.g. mon: [["09:00","17:00"]]; an empty list: closed */
            hours: {
                fri: [
                    string,
                    string
                ][];
                mon: [
                    string,
                    string
                ][];
                sat: [
                    string,
                    string
                ][];
                sun: [
                    string,
                    string
                ][];
                thu: [
                    string,
                    string
                ][];
                tue: [
                    string,
                    string
                ][];
                wed: [
                    string,
                    string
                ][];
            };
            /** @description Targets for a kind, where shorter than its priority’s */
            kind_targets: {
                complaint?: {
                    first_response_minutes: number;
                    resolution_minutes: number;
                };
                problem?: {
                    first_response_minutes: number;
                    resolution_minutes: number;
                };
                question?: {
                    first_response_minutes: number;
                    resolution_minutes: number;
                };
                request?: {
                    first_response_minutes: number;
                    resolution_minutes: number;
                };
            };
            /** @description An at-risk, high-value customer (CLV and churn risk at least these) raises a new ticket to this priority */
            raise_priority: {
                enabled: boolean;
                min_churn_risk: number;
                min_clv: number;
                /** @enum {string} */
                to: "low" | "normal" | "high" | "urgent";
            };
            /** @description Targets in business minutes per priority */
            targets: {
                high: {
                    first_response_minutes: number;
                    resolution_minutes: number;
                };
                low: {
                    first_response_minutes: number;
                    resolution_minutes: number;
                };
                normal: {
                    first_response_minutes: number;
                    resolution_minutes: number;
                };
                urgent: {
                    first_response_minutes: number;
                    resolution_minutes: number;
                };
            };
        };
        TicketStatusChange: {
            /** @description With status snoozed: when it wakes up (ISO 8601) */
            snoozed_until?: string;
            /** @enum {string} */
            status: "new" | "open" | "waiting" | "snoozed" | "resolved" | "closed";
        };
        Today: {
            as_of: string;
            /** @description Candidates of each kind before the list was cut */
            counts: {
                contract: number;
                customer: number;
                deal: number;
                quote: number;
                task: number;
            };
            currency: string;
            /** @description What a due task linked to nothing with a value counts for */
            default_task_value: number;
            items: components["schemas"]["TodayItem"][];
            time_zone: string;
            /** @description Today in the business time zone */
            today: string;
        };
        TodayItem: {
            /** @description False for amounts in another currency than the business currency: listed after the ranked items */
            comparable: boolean;
            currency: string;
            customer_id: string | null;
            due: string | null;
            /** @description Money at stake: value x probability (deal value x learnt probability, CLV x churn risk, ...) */
            expected_value: number;
            id: string;
            /** @enum {string} */
            kind: "task" | "deal" | "quote" | "contract" | "customer";
            /** @description Path of the record in the web app */
            link: string;
            probability: number | null;
            /** @description Why it is on the list and how its value was reckoned */
            reason: string;
            title: string;
            value: number | null;
        };
        Webhook: {
            active: boolean;
            created_at: string;
            /** @description Deliveries by status */
            deliveries: {
                [key: string]: number;
            };
            description: string | null;
            /** @description Why Rapport switched the endpoint off, if it did */
            disabled_reason: string | null;
            /** @description Event types sent to this endpoint; `*` for all */
            event_types: string[];
            /** @description Since when every attempt has failed (null while healthy) */
            failing_since: string | null;
            id: string;
            updated_at: string;
            url: string;
        };
        WebhookCreate: {
            active?: boolean;
            description?: string | null;
            event_types: ("*" | "customer.created" | "customer.updated" | "customer.deleted" | "customer.merged" | "customer.merge_undone" | "customer.erased" | "customer.stage_changed" | "customer.segment_changed" | "customer.score_crossed" | "company.created" | "company.updated" | "company.deleted" | "product.created" | "product.updated" | "product.deleted" | "order.created" | "order.updated" | "order.deleted" | "interaction.created" | "interaction.updated" | "interaction.deleted" | "message.queued" | "message.sent" | "message.failed" | "message.suppressed" | "message.bounced" | "message.opened" | "message.clicked" | "customer.unsubscribed" | "suppression.added" | "suppression.removed" | "task.created" | "task.updated" | "task.completed" | "task.due" | "task.deleted" | "task.reminded" | "contract.created" | "contract.updated" | "contract.deleted" | "contract.expiring" | "contract.renewed" | "contract.ended" | "followup.started" | "followup.stopped" | "form.created" | "form.updated" | "form.deleted" | "form.submitted" | "lead.created" | "pipeline.created" | "pipeline.updated" | "pipeline.deleted" | "deal.created" | "deal.updated" | "deal.stage_changed" | "deal.won" | "deal.lost" | "deal.deleted" | "quote.created" | "quote.updated" | "quote.sent" | "quote.viewed" | "quote.accepted" | "quote.declined" | "quote.revised" | "quote.converted" | "loyalty.points_earned" | "loyalty.points_redeemed" | "loyalty.points_expired" | "loyalty.points_reversed" | "loyalty.points_adjusted" | "loyalty.tier_changed" | "referral.attributed" | "referral.rewarded" | "referral.refused" | "survey.sent" | "survey.answered" | "nps.detractor" | "chat.started" | "flow.created" | "flow.updated" | "flow.activated" | "flow.paused" | "flow.deleted" | "flow.enrolled" | "flow.finished" | "ticket.created" | "ticket.updated" | "ticket.status_changed" | "ticket.message_received" | "ticket.replied" | "ticket.note_added" | "ticket.resolved" | "ticket.closed" | "inbound.rejected" | "campaign.created" | "campaign.updated" | "campaign.status_changed" | "campaign.winner_chosen" | "sms.queued" | "sms.sent" | "sms.delivered" | "sms.failed" | "sms.suppressed" | "sms.received" | "customer.sms_opted_out" | "customer.sms_opted_in" | "import.completed" | "settings.updated" | "webhook.test")[];
            /** @example https://example.com/rapport-hook */
            url: string;
        };
        WebhookDelivery: {
            attempts: number;
            created_at: string;
            delivered_at: string | null;
            event_id: string;
            event_type: string | null;
            id: string;
            last_duration_ms: number | null;
            last_error: string | null;
            /** @description The start of the receiver's last answer (4 KB at most) */
            last_response: string | null;
            last_status_code: number | null;
            next_attempt_at: string | null;
            /** @enum {string} */
            status: "pending" | "sending" | "delivered" | "failed";
            webhook_id: string;
        };
        WebhookUpdate: {
            active?: boolean;
            description?: string | null;
            event_types?: ("*" | "customer.created" | "customer.updated" | "customer.deleted" | "customer.merged" | "customer.merge_undone" | "customer.erased" | "customer.stage_changed" | "customer.segment_changed" | "customer.score_crossed" | "company.created" | "company.updated" | "company.deleted" | "product.created" | "product.updated" | "product.deleted" | "order.created" | "order.updated" | "order.deleted" | "interaction.created" | "interaction.updated" | "interaction.deleted" | "message.queued" | "message.sent" | "message.failed" | "message.suppressed" | "message.bounced" | "message.opened" | "message.clicked" | "customer.unsubscribed" | "suppression.added" | "suppression.removed" | "task.created" | "task.updated" | "task.completed" | "task.due" | "task.deleted" | "task.reminded" | "contract.created" | "contract.updated" | "contract.deleted" | "contract.expiring" | "contract.renewed" | "contract.ended" | "followup.started" | "followup.stopped" | "form.created" | "form.updated" | "form.deleted" | "form.submitted" | "lead.created" | "pipeline.created" | "pipeline.updated" | "pipeline.deleted" | "deal.created" | "deal.updated" | "deal.stage_changed" | "deal.won" | "deal.lost" | "deal.deleted" | "quote.created" | "quote.updated" | "quote.sent" | "quote.viewed" | "quote.accepted" | "quote.declined" | "quote.revised" | "quote.converted" | "loyalty.points_earned" | "loyalty.points_redeemed" | "loyalty.points_expired" | "loyalty.points_reversed" | "loyalty.points_adjusted" | "loyalty.tier_changed" | "referral.attributed" | "referral.rewarded" | "referral.refused" | "survey.sent" | "survey.answered" | "nps.detractor" | "chat.started" | "flow.created" | "flow.updated" | "flow.activated" | "flow.paused" | "flow.deleted" | "flow.enrolled" | "flow.finished" | "ticket.created" | "ticket.updated" | "ticket.status_changed" | "ticket.message_received" | "ticket.replied" | "ticket.note_added" | "ticket.resolved" | "ticket.closed" | "inbound.rejected" | "campaign.created" | "campaign.updated" | "campaign.status_changed" | "campaign.winner_chosen" | "sms.queued" | "sms.sent" | "sms.delivered" | "sms.failed" | "sms.suppressed" | "sms.received" | "customer.sms_opted_out" | "customer.sms_opted_in" | "import.completed" | "settings.updated" | "webhook.test")[];
            /** @example https://example.com/rapport-hook */
            url?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postAbtest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    confidence?: number;
                    conversions_a: number | null;
                    conversions_b: number | null;
                    visitors_a: number;
                    visitors_b: number;
                };
            };
        };
        responses: {
            /** @description The comparison */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        confidence_interval: number[];
                        difference: number;
                        expected_loss_choosing_a: number;
                        expected_loss_choosing_b: number;
                        p_value: number;
                        probability_b_beats_a: number;
                        rate_a: number;
                        rate_b: number;
                        sample_size_per_arm_for_observed_difference: number | null;
                        z: number;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                before?: string;
                entity?: string;
                entity_id?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Audit entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AuditEntry"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Credentials"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many attempts, or another one is still running; try again later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    current_password: string;
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthSetup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Credentials"];
            };
        };
        responses: {
            /** @description Owner created and signed in */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        csrf_token: string | null;
                        needs_setup: boolean;
                        signed_in: boolean;
                    };
                };
            };
        };
    };
    getBackup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The backup file, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many attempts, or another one is still running; try again later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Feed status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeedStatus"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new feed URL */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeedCreated"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Off */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCampaigns: {
        parameters: {
            query?: {
                status?: "draft" | "scheduled" | "sending" | "paused" | "cancelled" | "sent";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Campaigns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Campaign"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaigns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCampaignsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteCampaignsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchCampaignsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignPatch"];
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCampaignsByIdAudience: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignAudienceCount"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaignsByIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaign in its new state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaignsByIdPause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaign in its new state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCampaignsByIdReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignReportDetail"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaignsByIdSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CampaignSchedule"];
            };
        };
        responses: {
            /** @description The campaign in its new state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaignsByIdTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignTestInput"];
            };
        };
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message_ids: string[];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaignsAudienceCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AudienceCountInput"];
            };
        };
        responses: {
            /** @description Counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignAudienceCount"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCannedReplies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Canned replies */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CannedReply"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCannedReplies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CannedReplyInput"];
            };
        };
        responses: {
            /** @description The canned reply */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CannedReply"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putCannedRepliesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CannedReplyInput"];
            };
        };
        responses: {
            /** @description The canned reply */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CannedReply"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteCannedRepliesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getChatConversations: {
        parameters: {
            query?: {
                limit?: number;
                status?: "open" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chats */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ChatConversation"][];
                        owner_online: boolean;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getChatConversationsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chat */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        conversation: components["schemas"]["ChatConversation"];
                        messages: components["schemas"]["ChatMessage"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postChatConversationsByIdMessages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChatReply"];
            };
        };
        responses: {
            /** @description Sent */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        emailed: boolean;
                        message: components["schemas"]["ChatMessage"];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postChatConversationsByIdResolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Resolved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatConversation"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getChatSites: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sites */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ChatSite"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postChatSites: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChatSiteInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatSite"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchChatSitesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    /** @description Pages on these origins may use the widget; others are refused */
                    allowed_origins?: string[];
                    greeting?: string | null;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The site */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatSite"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getChatStream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCompanies: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description Comma-separated fields to return */
                fields?: string;
                /** @description JSON filter tree: {"and"|"or": [...]} of {"field","op","value"}; op is one of eq, ne, gt, gte, lt, lte, in, contains, is_empty. Shorthand: field=value, field[op]=value. */
                filter?: string;
                /** @description Page size, 1 to 500 (default 50) */
                limit?: number;
                /** @description Full-text search */
                q?: string;
                /** @description Field to sort by; prefix with - for descending */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of companies */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Company"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCompanies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCompaniesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The company */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteCompaniesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchCompaniesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCompaniesBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["companiesBulk"];
            };
        };
        responses: {
            /** @description All applied */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: components["schemas"]["Company"][];
                        deleted: string[];
                        updated: components["schemas"]["Company"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getContracts: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description Comma-separated fields to return */
                fields?: string;
                /** @description JSON filter tree: {"and"|"or": [...]} of {"field","op","value"}; op is one of eq, ne, gt, gte, lt, lte, in, contains, is_empty. Shorthand: field=value, field[op]=value. */
                filter?: string;
                /** @description Page size, 1 to 500 (default 50) */
                limit?: number;
                /** @description Full-text search */
                q?: string;
                /** @description Field to sort by; prefix with - for descending */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of contracts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Contract"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postContracts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getContractsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteContractsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchContractsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getContractsByIdFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putContractsByIdFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The signed contract (PDF or image), at most 8 MB
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description The contract with the file facts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Larger than the request body limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteContractsByIdFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract without a file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postContractsBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["contractsBulk"];
            };
        };
        responses: {
            /** @description All applied */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: components["schemas"]["Contract"][];
                        deleted: string[];
                        updated: components["schemas"]["Contract"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getContractsToRenew: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Contracts to renew */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ContractToRenew"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomers: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description Comma-separated fields to return */
                fields?: string;
                /** @description JSON filter tree: {"and"|"or": [...]} of {"field","op","value"}; op is one of eq, ne, gt, gte, lt, lte, in, contains, is_empty. Shorthand: field=value, field[op]=value. */
                filter?: string;
                /** @description Page size, 1 to 500 (default 50) */
                limit?: number;
                /** @description Full-text search */
                q?: string;
                /** @description Field to sort by; prefix with - for descending */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of customers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Customer"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCustomers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer view */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerView"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteCustomersById: {
        parameters: {
            query?: {
                erase?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted or erased */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchCustomersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersByIdExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerExport"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersByIdFeedback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feedback */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFeedback"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersByIdPoints: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Points */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerPoints"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCustomersByIdPointsAdjust: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoyaltyAdjust"];
            };
        };
        responses: {
            /** @description The adjustment */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoyaltyEntry"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCustomersByIdPointsRedeem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoyaltyRedeem"];
            };
        };
        responses: {
            /** @description Redeemed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoyaltyRedemption"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersByIdSuggestions: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Suggestions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        customer_id: string;
                        data: {
                            because: string[];
                            name: string | null;
                            product_id: string;
                            reason: string;
                            score: number;
                            sku: string | null;
                        }[];
                        model_id: string | null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCustomersByIdTimeline: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the timeline */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: ({
                            at: string;
                            id: string;
                            /** @enum {string} */
                            kind: "order";
                            record: components["schemas"]["Order"];
                        } | {
                            at: string;
                            id: string;
                            /** @enum {string} */
                            kind: "interaction";
                            record: components["schemas"]["Interaction"];
                        } | {
                            at: string;
                            id: string;
                            /** @enum {string} */
                            kind: "task";
                            record: components["schemas"]["Task"];
                        } | {
                            at: string;
                            id: string;
                            /** @enum {string} */
                            kind: "feedback";
                            record: components["schemas"]["SurveyResponse"];
                        })[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCustomersBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["customersBulk"];
            };
        };
        responses: {
            /** @description All applied */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: components["schemas"]["Customer"][];
                        deleted: string[];
                        updated: components["schemas"]["Customer"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCustomersMerge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeRequest"];
            };
        };
        responses: {
            /** @description Merged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeResult"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDeals: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description Comma-separated fields to return */
                fields?: string;
                /** @description JSON filter tree: {"and"|"or": [...]} of {"field","op","value"}; op is one of eq, ne, gt, gte, lt, lte, in, contains, is_empty. Shorthand: field=value, field[op]=value. */
                filter?: string;
                /** @description Page size, 1 to 500 (default 50) */
                limit?: number;
                /** @description Full-text search */
                q?: string;
                /** @description Field to sort by; prefix with - for descending */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Deal"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postDeals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DealCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDealsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deal */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteDealsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchDealsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DealUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDealsByIdHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stage history, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DealStageChange"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postDealsByIdMove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DealMove"];
            };
        };
        responses: {
            /** @description Moved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDealsBoard: {
        parameters: {
            query?: {
                /** @description Won and lost columns show deals closed in the last this many days (default 30) */
                closed_days?: number | null;
                /** @description Cards per column at most, most recently moved first (default 5000); counts and totals cover every deal */
                per_stage?: number;
                pipeline_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The board */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealBoard"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postDealsBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["dealsBulk"];
            };
        };
        responses: {
            /** @description All applied */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: components["schemas"]["Deal"][];
                        deleted: string[];
                        updated: components["schemas"]["Deal"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDealsProbabilities: {
        parameters: {
            query?: {
                pipeline_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Learnt probabilities */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["LearntStageProbability"][];
                        min_closed_deals: number;
                        prior_strength: number;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDealsReportsForecast: {
        parameters: {
            query?: {
                pipeline_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The forecast */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealForecast"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDealsReportsSources: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Per source */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealWonBySource"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDealsReportsStagePerformance: {
        parameters: {
            query?: {
                pipeline_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Per stage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealStagePerformance"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDealsReportsStages: {
        parameters: {
            query?: {
                pipeline_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Per stage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealPipelineByStage"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postDemo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Started: poll GET /api/jobs/{id} (also in the Location header) for progress and the result */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDuplicates: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "open" | "merged" | "dismissed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pairs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description null once the customer is gone */
                            a: ({
                                address: string | null;
                                age: number | null;
                                average_order_value: number | null;
                                birthday: string | null;
                                churn_reason: string | null;
                                churn_risk: number | null;
                                city: string | null;
                                clv: number | null;
                                company: string | null;
                                company_id: string | null;
                                consent_email: boolean | null;
                                consent_email_at: string | null;
                                consent_email_method: string | null;
                                consent_sms: boolean | null;
                                consent_sms_at: string | null;
                                consent_sms_method: string | null;
                                country: string | null;
                                created_at: string;
                                customer_since: string | null;
                                email: string | null;
                                emails: string[];
                                erased_at: string | null;
                                expected_purchases_90d: number | null;
                                first_name: string | null;
                                first_order_at: string | null;
                                gender: string | null;
                                id: string;
                                income: number | null;
                                last_interaction_at: string | null;
                                last_name: string | null;
                                last_order_at: string | null;
                                notes: string | null;
                                order_count: number;
                                p_alive: number | null;
                                p_purchase_90d: number | null;
                                phone: string | null;
                                phones: {
                                    e164: string | null;
                                    raw: string;
                                    reason?: string;
                                }[];
                                postcode: string | null;
                                purchase_frequency: number | null;
                                purchase_probability: number | null;
                                referral_code: string | null;
                                region: string | null;
                                revenue: number;
                                rfm_frequency: number | null;
                                rfm_monetary: number | null;
                                rfm_recency: number | null;
                                rfm_score: string | null;
                                rfm_segment: string | null;
                                /** @enum {string|null} */
                                score_basis: "model" | "own_rhythm" | "typical_rhythm" | null;
                                scored_at: string | null;
                                segment_id: string | null;
                                source: string | null;
                                sources: {
                                    source: string;
                                    source_id: string;
                                }[];
                                /** @enum {string|null} */
                                stage: "lead" | "active" | "inactive" | "churned" | null;
                                stage_changed_at: string | null;
                                tags: string[];
                                time_zone: string | null;
                                title: string | null;
                                updated_at: string;
                                usual_gap_days: number | null;
                                value_at_risk: number | null;
                            } & {
                                [key: string]: unknown;
                            }) | null;
                            b: ({
                                address: string | null;
                                age: number | null;
                                average_order_value: number | null;
                                birthday: string | null;
                                churn_reason: string | null;
                                churn_risk: number | null;
                                city: string | null;
                                clv: number | null;
                                company: string | null;
                                company_id: string | null;
                                consent_email: boolean | null;
                                consent_email_at: string | null;
                                consent_email_method: string | null;
                                consent_sms: boolean | null;
                                consent_sms_at: string | null;
                                consent_sms_method: string | null;
                                country: string | null;
                                created_at: string;
                                customer_since: string | null;
                                email: string | null;
                                emails: string[];
                                erased_at: string | null;
                                expected_purchases_90d: number | null;
                                first_name: string | null;
                                first_order_at: string | null;
                                gender: string | null;
                                id: string;
                                income: number | null;
                                last_interaction_at: string | null;
                                last_name: string | null;
                                last_order_at: string | null;
                                notes: string | null;
                                order_count: number;
                                p_alive: number | null;
                                p_purchase_90d: number | null;
                                phone: string | null;
                                phones: {
                                    e164: string | null;
                                    raw: string;
                                    reason?: string;
                                }[];
                                postcode: string | null;
                                purchase_frequency: number | null;
                                purchase_probability: number | null;
                                referral_code: string | null;
                                region: string | null;
                                revenue: number;
                                rfm_frequency: number | null;
                                rfm_monetary: number | null;
                                rfm_recency: number | null;
                                rfm_score: string | null;
                                rfm_segment: string | null;
                                /** @enum {string|null} */
                                score_basis: "model" | "own_rhythm" | "typical_rhythm" | null;
                                scored_at: string | null;
                                segment_id: string | null;
                                source: string | null;
                                sources: {
                                    source: string;
                                    source_id: string;
                                }[];
                                /** @enum {string|null} */
                                stage: "lead" | "active" | "inactive" | "churned" | null;
                                stage_changed_at: string | null;
                                tags: string[];
                                time_zone: string | null;
                                title: string | null;
                                updated_at: string;
                                usual_gap_days: number | null;
                                value_at_risk: number | null;
                            } & {
                                [key: string]: unknown;
                            }) | null;
                            created_at: string;
                            id: string;
                            reasons: string[];
                            /** @description Probability that the two records are one person, calibrated on labelled pairs: of pairs at 0.9, about 9 in 10 are */
                            score: number;
                            status: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postDuplicatesByIdDismiss: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Dismissed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postDuplicatesByIdMerge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    winner?: "a" | "b";
                };
            };
        };
        responses: {
            /** @description Merged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeResult"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postDuplicatesScan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    merge_threshold?: number;
                    /**
                     * @default review
                     * @enum {string}
                     */
                    mode?: "auto" | "review";
                };
            };
        };
        responses: {
            /** @description Started: poll GET /api/jobs/{id} (also in the Location header) for progress and the result */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Events after this position (`next_after` of the previous page) */
                after?: number | null;
                /** @description Entity kind, e.g. customer */
                entity?: string;
                entity_id?: string;
                /** @description Page size, 1 to 500 (default 100) */
                limit?: number;
                /** @description Events that occurred at or after this time (ISO 8601) */
                since?: string;
                /** @description Comma-separated event types */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Event"][];
                        next_after: number | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEventTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event catalogue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            description: string;
                            type: string;
                        }[];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExportByKind: {
        parameters: {
            query?: {
                /** @description JSON filter tree: {"and"|"or": [...]} of {"field","op","value"}; op is one of eq, ne, gt, gte, lt, lte, in, contains, is_empty. Shorthand: field=value, field[op]=value. */
                filter?: string;
                /** @description csv, json, or vcard (customers only) */
                format?: "csv" | "json" | "vcard";
                /** @description Full-text search */
                q?: string;
                /** @description Customers only: members of this segment */
                segment?: string;
            };
            header?: never;
            path: {
                kind: "customers" | "companies" | "products" | "orders" | "interactions" | "tasks" | "deals";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Customer"] | components["schemas"]["Company"] | components["schemas"]["Product"] | components["schemas"]["Order"] | components["schemas"]["Interaction"] | components["schemas"]["Task"])[];
                    "text/csv": string;
                    "text/vcard": string;
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFields: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Declared custom fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CustomField"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFields: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomFieldCreate"];
            };
        };
        responses: {
            /** @description Declared */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomField"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteFieldsByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomField"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFlowEnrolments: {
        parameters: {
            query?: {
                customer_id?: string;
                limit?: number;
                status?: "active" | "completed" | "exited" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enrolments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["FlowEnrolment"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFlows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Flows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Flow"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFlows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowCreate"];
            };
        };
        responses: {
            /** @description The flow */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flow"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFlowsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The flow */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flow"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteFlowsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchFlowsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowPatch"];
            };
        };
        responses: {
            /** @description The flow */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flow"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFlowsByIdActivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["FlowActivate"];
            };
        };
        responses: {
            /** @description The flow, and how many entered at once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flow"] & {
                        enrolled: number;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFlowsByIdDryRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["FlowDryRunInput"];
            };
        };
        responses: {
            /** @description The dry run */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowDryRun"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFlowsByIdEnrolments: {
        parameters: {
            query?: {
                customer_id?: string;
                limit?: number;
                status?: "active" | "completed" | "exited" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enrolments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["FlowEnrolment"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFlowsByIdEnrolments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowEnrolInput"];
            };
        };
        responses: {
            /** @description Enrolled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enrolled: number;
                        enrolment_ids: string[];
                        skipped: number;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFlowsByIdPause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The flow */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flow"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFlowsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Flow settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowSettings"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchFlowsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Emails and SMS all flows together may send per day (business time zone); a step over budget waits for the next day
                     * @example 500
                     */
                    daily_send_budget?: number;
                };
            };
        };
        responses: {
            /** @description Flow settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowSettings"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFlowsTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Templates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["FlowTemplate"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFollowups: {
        parameters: {
            query?: {
                customer_id?: string;
                status?: "active" | "stopped";
                /** @description A quote or deal id */
                subject_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cadences */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["FollowupCadence"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFollowupsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Follow-up settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowupSettings"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchFollowupsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Whether sent quotes and form leads start a cadence */
                    enabled?: boolean;
                    /**
                     * @description Days between follow-ups: the first is due this many days after the quote was sent or the lead came in, each next one this many days after the one before
                     * @example [
                     *       1,
                     *       2,
                     *       3,
                     *       5,
                     *       8,
                     *       13
                     *     ]
                     */
                    intervals?: number[];
                };
            };
        };
        responses: {
            /** @description Follow-up settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowupSettings"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getForms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Forms */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Form"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postForms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FormCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Form"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFormsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The form */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Form"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteFormsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchFormsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FormUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Form"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFormsByIdSubmissions: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Submissions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["FormSubmission"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Healthy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        database: string;
                        /** @enum {string} */
                        status: "ok";
                        version: string;
                    };
                };
            };
        };
    };
    getImports: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Imports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ImportBatch"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postImports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @enum {string} */
                    date_order?: "MDY" | "DMY";
                    default_country?: string;
                    /**
                     * Format: binary
                     * @description CSV, TSV, vCard, JSON or NDJSON file
                     */
                    file: string;
                    /** @enum {string} */
                    kind: "customers" | "companies" | "products" | "orders" | "interactions";
                    /** @description JSON object {"Column": "field" | null} overriding the automatic mapping */
                    mapping?: string;
                    /** @enum {string} */
                    merge?: "auto" | "review" | "off";
                    preset?: string;
                    /** @description The system the file comes from (ids in the file are its ids); default: the detected preset, else "file" */
                    source?: string;
                    /** @enum {string} */
                    strict?: "true" | "false";
                };
            };
        };
        responses: {
            /** @description Started */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportBatch"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getImportsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The import */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportBatch"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getImportsByIdErrorsCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV error report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postImportsByIdUndo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Started: poll GET /api/jobs/{id} (also in the Location header) for progress and the result */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postImportsPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @enum {string} */
                    date_order?: "MDY" | "DMY";
                    default_country?: string;
                    /**
                     * Format: binary
                     * @description CSV, TSV, vCard, JSON or NDJSON file
                     */
                    file: string;
                    /** @enum {string} */
                    kind: "customers" | "companies" | "products" | "orders" | "interactions";
                    /** @description JSON object {"Column": "field" | null} overriding the automatic mapping */
                    mapping?: string;
                    /** @enum {string} */
                    merge?: "auto" | "review" | "off";
                    preset?: string;
                    /** @description The system the file comes from (ids in the file are its ids); default: the detected preset, else "file" */
                    source?: string;
                    /** @enum {string} */
                    strict?: "true" | "false";
                };
            };
        };
        responses: {
            /** @description The preview */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportPreview"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    receiveBounceMail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "message/rfc822": string;
            };
        };
        responses: {
            /** @description How the mail was classified and whether it was recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundBounceResult"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The mail is larger than 10 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postInboundEmail: {
        parameters: {
            query?: {
                token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "message/rfc822": string;
            };
        };
        responses: {
            /** @description What became of the mail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundResult"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Larger than the inbound size limit (recorded, the sender told) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInboundMail: {
        parameters: {
            query?: {
                limit?: number;
                outcome?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Inbound mail, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["InboundMail"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInboundTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            created_at: string;
                            id: string;
                            last_used_at: string | null;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postInboundTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description The token */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        token: string;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteInboundTokensById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInsightsAbTest: {
        parameters: {
            query: {
                confidence?: number;
                conversions_a?: number | null;
                conversions_b?: number | null;
                visitors_a: number;
                visitors_b: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comparison */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        confidence_interval: number[];
                        difference: number;
                        expected_loss_choosing_a: number;
                        expected_loss_choosing_b: number;
                        p_value: number;
                        probability_b_beats_a: number;
                        rate_a: number;
                        rate_b: number;
                        sample_size_per_arm_for_observed_difference: number | null;
                        z: number;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInsightsContactList: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        as_of: string | null;
                        data: {
                            churn_risk: number | null;
                            clv: number | null;
                            customer_id: string;
                            /** @description Calendar days since the last order, in the business time zone */
                            days_since_last_order: number | null;
                            email: string | null;
                            last_order_at: string | null;
                            name: string | null;
                            p_alive: number | null;
                            phone: string | null;
                            reason: string;
                            revenue: number | null;
                            /** @description Revenue so far x churn risk: the ranking when lifetime values are not estimated */
                            spend_at_risk: number | null;
                            stage: string | null;
                            /** @description Lifetime value x churn risk; null when lifetime values are not estimated (unreliable purchase model) */
                            value_at_risk: number | null;
                        }[];
                        /** @description Why the list is ranked by spend at risk: the purchase model is unreliable, in words */
                        note: string | null;
                        /** @enum {string} */
                        ranking: "value_at_risk" | "spend_at_risk";
                        run_id: string | null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInsightsRuns: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Runs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["InsightRunRecord"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postInsightsRuns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["InsightRunCreate"];
            };
        };
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        status: string;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInsightsRunsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsightRun"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInsightsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_days: number;
                        clv_months: number;
                        horizon_days: number;
                        inactive_days: number;
                        monthly_discount_rate: number;
                        prediction_window_days: number;
                        rfm_bins: number;
                        score_thresholds: {
                            churn_risk: number[];
                            clv: number[];
                            p_alive: number[];
                        };
                        /** @enum {string} */
                        time_unit: "days" | "weeks";
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchInsightsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active_days?: number;
                    clv_months?: number;
                    horizon_days?: number;
                    inactive_days?: number;
                    monthly_discount_rate?: number;
                    prediction_window_days?: number;
                    rfm_bins?: number;
                    score_thresholds?: {
                        churn_risk: number[];
                        clv: number[];
                        p_alive: number[];
                    };
                    /** @enum {string} */
                    time_unit?: "days" | "weeks";
                };
            };
        };
        responses: {
            /** @description Settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_days: number;
                        clv_months: number;
                        horizon_days: number;
                        inactive_days: number;
                        monthly_discount_rate: number;
                        prediction_window_days: number;
                        rfm_bins: number;
                        score_thresholds: {
                            churn_risk: number[];
                            clv: number[];
                            p_alive: number[];
                        };
                        /** @enum {string} */
                        time_unit: "days" | "weeks";
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInsightsStageHistory: {
        parameters: {
            query?: {
                customer_id?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stage changes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            changed_at: string;
                            customer_id: string;
                            from_stage: string | null;
                            id: string;
                            run_id: string | null;
                            to_stage: string;
                        }[];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInteractions: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description Comma-separated fields to return */
                fields?: string;
                /** @description JSON filter tree: {"and"|"or": [...]} of {"field","op","value"}; op is one of eq, ne, gt, gte, lt, lte, in, contains, is_empty. Shorthand: field=value, field[op]=value. */
                filter?: string;
                /** @description Page size, 1 to 500 (default 50) */
                limit?: number;
                /** @description Full-text search */
                q?: string;
                /** @description Field to sort by; prefix with - for descending */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of interactions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Interaction"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postInteractions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InteractionCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Interaction"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInteractionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The interaction */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Interaction"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteInteractionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchInteractionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InteractionUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Interaction"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postInteractionsBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["interactionsBulk"];
            };
        };
        responses: {
            /** @description All applied */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: components["schemas"]["Interaction"][];
                        deleted: string[];
                        updated: components["schemas"]["Interaction"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJobsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postLeads: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeadCreate"];
            };
        };
        responses: {
            /** @description The lead */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lead"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getLoyaltyRewards: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rewards */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["LoyaltyReward"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postLoyaltyRewards: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoyaltyRewardCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoyaltyReward"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteLoyaltyRewardsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchLoyaltyRewardsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoyaltyRewardUpdate"];
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoyaltyReward"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getLoyaltyRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["LoyaltyRule"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postLoyaltyRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoyaltyRuleCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoyaltyRule"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteLoyaltyRulesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchLoyaltyRulesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoyaltyRuleUpdate"];
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoyaltyRule"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getLoyaltySettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoyaltySettings"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putLoyaltySettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Points expire this many days after they were earned, oldest first; null: never */
                    expiry_days?: number | null;
                    /** @description What one point is worth in the business currency when redeemed (for the liability report) */
                    point_value?: number;
                    /**
                     * Format: uri
                     * @description The address customers reach Rapport at, for referral links and customer pages; null: links are relative
                     */
                    public_url?: string | null;
                    /** @description The lead form a referral link leads to (`/f/{id}?ref=CODE`) */
                    referral_form_id?: string | null;
                    /**
                     * Format: uri
                     * @description The shop a referral link leads to (with `?ref=CODE`) when no form is set
                     */
                    shop_url?: string | null;
                };
            };
        };
        responses: {
            /** @description Settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoyaltySettings"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getLoyaltyTiers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tiers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["LoyaltyTier"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postLoyaltyTiers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoyaltyTierCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoyaltyTier"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteLoyaltyTiersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchLoyaltyTiersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoyaltyTierUpdate"];
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoyaltyTier"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMailSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Mail settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailSettings"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateMailSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MailSettingsInput"];
            };
        };
        responses: {
            /** @description Mail settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailSettings"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendMailTest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["MailTestInput"];
            };
        };
        responses: {
            /** @description What the SMTP server answered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailTestResult"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMailboxes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Mailboxes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Mailbox"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMailboxes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MailboxInput"];
            };
        };
        responses: {
            /** @description The mailbox */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Mailbox"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMailboxesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mailbox */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Mailbox"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteMailboxesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchMailboxesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MailboxPatch"];
            };
        };
        responses: {
            /** @description The mailbox */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Mailbox"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMailboxesByIdFetch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was fetched */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: string;
                        fetched: number;
                        mailbox_id: string;
                        results: components["schemas"]["InboundResult"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMailboxesByIdTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The test */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: string;
                        idle?: boolean;
                        messages?: number;
                        ok: boolean;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMergesByIdUndo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Undone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string;
                customer_id?: string;
                /** @description Page size (default 50) */
                limit?: number;
                purpose?: "transactional" | "marketing" | "notification";
                related_entity?: string;
                related_id?: string;
                status?: "queued" | "sending" | "sent" | "failed" | "suppressed" | "bounced_soft" | "bounced_hard" | "complained";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Message"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageDetail"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMessageBounces: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Bounce reports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MailBounce"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getModels: {
        parameters: {
            query?: {
                kind?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Models */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            created_at: string;
                            id: string;
                            kind: string;
                            /** @description For kind purchase_probability: PurchaseModelMetrics */
                            metrics: components["schemas"]["PurchaseModelMetrics"] | {
                                [key: string]: unknown;
                            };
                            params: {
                                [key: string]: unknown;
                            };
                            run_id: string | null;
                        }[];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOrders: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description Comma-separated fields to return */
                fields?: string;
                /** @description JSON filter tree: {"and"|"or": [...]} of {"field","op","value"}; op is one of eq, ne, gt, gte, lt, lte, in, contains, is_empty. Shorthand: field=value, field[op]=value. */
                filter?: string;
                /** @description Page size, 1 to 500 (default 50) */
                limit?: number;
                /** @description Full-text search */
                q?: string;
                /** @description Field to sort by; prefix with - for descending */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Order"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postOrders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOrdersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteOrdersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchOrdersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postOrdersBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ordersBulk"];
            };
        };
        responses: {
            /** @description All applied */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: components["schemas"]["Order"][];
                        deleted: string[];
                        updated: components["schemas"]["Order"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPipelines: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pipelines in board order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Pipeline"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postPipelines: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PipelineCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pipeline"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPipelinesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pipeline */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pipeline"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletePipelinesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchPipelinesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PipelineUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pipeline"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPipelinesByIdBoard: {
        parameters: {
            query?: {
                /** @description Won and lost columns show deals closed in the last this many days (default 30) */
                closed_days?: number | null;
                /** @description Cards per column at most, most recently moved first (default 5000); counts and totals cover every deal */
                per_stage?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The board */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealBoard"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPredict: {
        parameters: {
            query?: {
                age?: string;
                days_since_first_order?: string;
                days_since_last_order?: string;
                income?: string;
                order_count?: string;
                purchase_frequency?: string;
                revenue?: string;
                segment?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The probability and how it was reached */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchasePrediction"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProducts: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description Comma-separated fields to return */
                fields?: string;
                /** @description JSON filter tree: {"and"|"or": [...]} of {"field","op","value"}; op is one of eq, ne, gt, gte, lt, lte, in, contains, is_empty. Shorthand: field=value, field[op]=value. */
                filter?: string;
                /** @description Page size, 1 to 500 (default 50) */
                limit?: number;
                /** @description Full-text search */
                q?: string;
                /** @description Field to sort by; prefix with - for descending */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Product"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProductsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteProductsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchProductsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProductsBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["productsBulk"];
            };
        };
        responses: {
            /** @description All applied */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: components["schemas"]["Product"][];
                        deleted: string[];
                        updated: components["schemas"]["Product"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getQuotes: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description Comma-separated fields to return */
                fields?: string;
                /** @description JSON filter tree: {"and"|"or": [...]} of {"field","op","value"}; op is one of eq, ne, gt, gte, lt, lte, in, contains, is_empty. Shorthand: field=value, field[op]=value. */
                filter?: string;
                /** @description Page size, 1 to 500 (default 50) */
                limit?: number;
                /** @description Full-text search */
                q?: string;
                /** @description Field to sort by; prefix with - for descending */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of quotes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Quote"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postQuotes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuoteCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getQuotesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The quote */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchQuotesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuoteUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    quoteActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["QuoteActivity"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    convertQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Converted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    quotePdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reviseQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new draft */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued for sending */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message_id: string;
                        quote: components["schemas"]["Quote"];
                        /** @description The public link sent (shown only now; only its hash is kept) */
                        url: string;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postQuotesBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["quotesBulk"];
            };
        };
        responses: {
            /** @description All applied */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: components["schemas"]["Quote"][];
                        deleted: string[];
                        updated: components["schemas"]["Quote"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReferrals: {
        parameters: {
            query?: {
                limit?: number;
                referrer_id?: string;
                status?: "attributed" | "rewarded" | "refused";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Referrals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Referral"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postReferrals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReferralAttribute"];
            };
        };
        responses: {
            /** @description Attributed, or why not */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralAttribution"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReminders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reminders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        data: components["schemas"]["Reminder"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRemindersCounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskCounts"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReportsCampaigns: {
        parameters: {
            query?: {
                /** @description Period length; weeks start on Monday (default month) */
                bucket?: "day" | "week" | "month";
                by?: "campaign" | "channel";
                /** @description Bypass the cache */
                fresh?: "true" | "false";
                /** @description First day (default: the first of the month 11 months before `to`: the last 12 months, as the dashboard shows by default) */
                from?: string;
                /** @description Last day, inclusive (default today in the business time zone) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Campaigns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignReport"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReportsCohorts: {
        parameters: {
            query?: {
                /** @description Period length; weeks start on Monday (default month) */
                bucket?: "day" | "week" | "month";
                /** @description Bypass the cache */
                fresh?: "true" | "false";
                /** @description First day (default: the first of the month 11 months before `to`: the last 12 months, as the dashboard shows by default) */
                from?: string;
                /** @description Last day, inclusive (default today in the business time zone) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cohorts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CohortReport"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReportsCustomers: {
        parameters: {
            query?: {
                /** @description Period length; weeks start on Monday (default month) */
                bucket?: "day" | "week" | "month";
                /** @description Bypass the cache */
                fresh?: "true" | "false";
                /** @description First day (default: the first of the month 11 months before `to`: the last 12 months, as the dashboard shows by default) */
                from?: string;
                /** @description Last day, inclusive (default today in the business time zone) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Customers per period */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomersReport"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReportsDashboard: {
        parameters: {
            query?: {
                /** @description Period length; weeks start on Monday (default month) */
                bucket?: "day" | "week" | "month";
                /** @description Bypass the cache */
                fresh?: "true" | "false";
                /** @description First day (default: the first of the month 11 months before `to`: the last 12 months, as the dashboard shows by default) */
                from?: string;
                /** @description Last day, inclusive (default today in the business time zone) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Dashboard */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardReport"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReportsFeedback: {
        parameters: {
            query?: {
                /** @description Months back, this one included (default 12) */
                months?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackReport"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReportsLoyalty: {
        parameters: {
            query?: {
                /** @description Gross margin (0 to 1) for the affordable reward; 1 when not given */
                margin?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoyaltyReport"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReportsOrders: {
        parameters: {
            query?: {
                /** @description Period length; weeks start on Monday (default month) */
                bucket?: "day" | "week" | "month";
                /** @description Bypass the cache */
                fresh?: "true" | "false";
                /** @description First day (default: the first of the month 11 months before `to`: the last 12 months, as the dashboard shows by default) */
                from?: string;
                /** @description Last day, inclusive (default today in the business time zone) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Orders per period */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevenueReport"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    quoteReport: {
        parameters: {
            query?: {
                /** @description First day (YYYY-MM-DD), default 12 months back */
                from?: string;
                /** @description Last day (YYYY-MM-DD), default today */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuoteReport"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReportsRevenue: {
        parameters: {
            query?: {
                /** @description Period length; weeks start on Monday (default month) */
                bucket?: "day" | "week" | "month";
                /** @description Bypass the cache */
                fresh?: "true" | "false";
                /** @description First day (default: the first of the month 11 months before `to`: the last 12 months, as the dashboard shows by default) */
                from?: string;
                /** @description Last day, inclusive (default today in the business time zone) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revenue per period */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevenueReport"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReportsRevenueByByDimension: {
        parameters: {
            query?: {
                /** @description Period length; weeks start on Monday (default month) */
                bucket?: "day" | "week" | "month";
                /** @description Bypass the cache */
                fresh?: "true" | "false";
                /** @description First day (default: the first of the month 11 months before `to`: the last 12 months, as the dashboard shows by default) */
                from?: string;
                /** @description Last day, inclusive (default today in the business time zone) */
                to?: string;
            };
            header?: never;
            path: {
                dimension: "segment" | "stage" | "rfm_segment" | "source" | "country";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revenue by dimension */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevenueBreakdownReport"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReportsService: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceReport"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSegmentations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Segmentations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            created_at: string;
                            features: string[];
                            id: string;
                            k: number;
                            standardize: boolean;
                        }[];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSegmentations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SegmentationCreate"];
            };
        };
        responses: {
            /** @description The segmentation */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Segmentation"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSegmentationsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The segmentation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Segmentation"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSegments: {
        parameters: {
            query?: {
                segmentation_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Segments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Segment"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSegments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SegmentCreate"];
            };
        };
        responses: {
            /** @description The segment */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Segment"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSegmentsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The segment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Segment"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSegmentsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSenders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Senders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Sender"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSender: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SenderInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sender"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSender: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sender */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sender"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSender: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSender: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SenderPatch"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sender"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    checkSenderDns: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One check per record */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DnsRecordCheck"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Business settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessSettings"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BusinessSettingsPatch"];
            };
        };
        responses: {
            /** @description Business settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessSettings"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getQuoteSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Quote settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuoteSettings"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateQuoteSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuoteSettingsPatch"];
            };
        };
        responses: {
            /** @description Quote settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuoteSettings"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSms: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string;
                customer_id?: string;
                /** @description Page size (default 50) */
                limit?: number;
                status?: "queued" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "suppressed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of texts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Sms"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendSms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmsSendInput"];
            };
        };
        responses: {
            /** @description Queued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sms"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The text */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sms"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    countSmsSegments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmsSegmentInput"];
            };
        };
        responses: {
            /** @description The count */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsSegmentCount"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSmsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SMS settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsSettings"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSmsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmsSettingsInput"];
            };
        };
        responses: {
            /** @description SMS settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsSettings"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSuppressions: {
        parameters: {
            query?: {
                cursor?: string;
                customer_id?: string;
                limit?: number;
                reason?: "unsubscribed" | "hard_bounce" | "complaint" | "manual" | "soft_bounces";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of suppressions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Suppression"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addSuppression: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuppressionInput"];
            };
        };
        responses: {
            /** @description The entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Suppression"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeSuppression: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSurveys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The surveys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Survey"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSurveys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Survey"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSurveysById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The survey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Survey"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchSurveysById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    /** @description Sent automatically this many days after a person became a customer (daily) */
                    after_days?: number | null;
                    name?: string;
                    /** @description Default: "How likely are you to recommend us to a friend or colleague?" */
                    question?: string;
                    /** @description Send to the members of this segment (k-means or saved filter) */
                    segment_id?: string | null;
                    /**
                     * @description Send to customers in this lifecycle stage
                     * @enum {string|null}
                     */
                    stage?: "lead" | "active" | "inactive" | "churned" | null;
                };
            };
        };
        responses: {
            /** @description The survey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Survey"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSurveysByIdSend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many were queued */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sent: number;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSurveysResponses: {
        parameters: {
            query?: {
                cursor?: string;
                kind?: "csat" | "nps";
                limit?: number;
                survey_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SurveyResponse"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTasks: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description Comma-separated fields to return */
                fields?: string;
                /** @description JSON filter tree: {"and"|"or": [...]} of {"field","op","value"}; op is one of eq, ne, gt, gte, lt, lte, in, contains, is_empty. Shorthand: field=value, field[op]=value. */
                filter?: string;
                /** @description Page size, 1 to 500 (default 50) */
                limit?: number;
                /** @description Full-text search */
                q?: string;
                /** @description Field to sort by; prefix with - for descending */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tasks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Task"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTasks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTasksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTasksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchTasksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTasksBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["tasksBulk"];
            };
        };
        responses: {
            /** @description All applied */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: components["schemas"]["Task"][];
                        deleted: string[];
                        updated: components["schemas"]["Task"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Templates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Template"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTemplatesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTemplatesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchTemplatesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplatePatch"];
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTemplatesByIdTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateTestInput"];
            };
        };
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message_id: string;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTemplatesFields: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Merge fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MergeField"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTemplatesPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplatePreviewInput"];
            };
        };
        responses: {
            /** @description Rendered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenderedMail"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTickets: {
        parameters: {
            query?: {
                breached?: "true" | "false";
                /** @description Comma-separated: email, chat, form, phone, manual */
                channel?: string;
                cursor?: string;
                customer_id?: string;
                /** @description Comma-separated: question, problem, complaint, request */
                kind?: string;
                limit?: number;
                /** @description Comma-separated: low, normal, high, urgent */
                priority?: string;
                /** @description Words of the subject, or a ticket number (T-12) */
                q?: string;
                /** @description `attention` (default): breaching soonest first, complaints and high-value customers ahead */
                sort?: "attention" | "newest" | "updated";
                /** @description Comma-separated: new, open, waiting, snoozed, resolved, closed */
                status?: string;
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tickets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["TicketListItem"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTickets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketCreate"];
            };
        };
        responses: {
            /** @description The ticket */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTicketsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchTicketsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketPatch"];
            };
        };
        responses: {
            /** @description The ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTicketsByIdAttachmentsByAttachmentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attachment_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTicketsByIdMessagesByMessageIdHtml: {
        parameters: {
            query?: {
                /** @description Show images from other servers */
                images?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
                message_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page (no script runs in it) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsByIdNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body_text: string;
                };
            };
        };
        responses: {
            /** @description The note */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketMessage"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsByIdReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketReply"];
            };
        };
        responses: {
            /** @description The reply, queued for sending */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: components["schemas"]["TicketMessage"];
                        ticket: components["schemas"]["Ticket"];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsByIdStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketStatusChange"];
            };
        };
        responses: {
            /** @description The ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with existing data */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTicketsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketSlaSettings"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putTicketsSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketSlaSettings"];
            };
        };
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketSlaSettings"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getToday: {
        parameters: {
            query?: {
                /** @description Items to return (default 50) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ranked list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Today"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ApiToken"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    can_create_tokens?: boolean;
                    expires_in_days?: number;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiToken"] & {
                        token: string;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTokensById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiToken"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"] & {
                        /** @description The signing secret (`whsec_...`); shown only now */
                        secret: string;
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Deliveries older than this delivery id */
                before?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDelivery"][];
                    };
                };
            };
            /** @description Invalid input; `fields` names each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The signing secret (`whsec_...`); shown only now */
                        secret: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendWebhookTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        event_id: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCalendarByFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description {secret}.ics: the secret from POST /api/calendar/feed followed by .ics */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calendar, with its ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description Not modified: the If-None-Match header names the current ETag */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No feed at this address */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    chatStart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The site's widget key */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChatStart"];
            };
        };
        responses: {
            /** @description Started */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        conversation_id: string;
                        messages: components["schemas"]["ChatMessage"][];
                        token: string;
                    };
                };
            };
            /** @description Empty or too long message, bad address, or an address is needed because nobody is online */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No active site with this key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many chats started from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    chatLeaveEmail: {
        parameters: {
            query?: never;
            header?: {
                /** @description The token the chat was started with */
                "x-chat-token"?: string;
            };
            path: {
                /** @description The site's widget key */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChatEmail"];
            };
        };
        responses: {
            /** @description Saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description Not an address */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown key or token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    chatEvents: {
        parameters: {
            query: {
                after?: string;
                token: string;
            };
            header?: never;
            path: {
                /** @description The site's widget key */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown key or token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    chatHistory: {
        parameters: {
            query?: {
                after?: string;
            };
            header?: {
                /** @description The token the chat was started with */
                "x-chat-token"?: string;
            };
            path: {
                /** @description The site's widget key */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ChatMessage"][];
                    };
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown key or token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    chatSend: {
        parameters: {
            query?: never;
            header?: {
                /** @description The token the chat was started with */
                "x-chat-token"?: string;
            };
            path: {
                /** @description The site's widget key */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChatSend"];
            };
        };
        responses: {
            /** @description Stored and delivered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatMessage"];
                };
            };
            /** @description Empty or too long */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown key or token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many messages in a minute */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    chatRate: {
        parameters: {
            query?: never;
            header?: {
                /** @description The token the chat was started with */
                "x-chat-token"?: string;
            };
            path: {
                /** @description The site's widget key */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChatRating"];
            };
        };
        responses: {
            /** @description Recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        score: number;
                    };
                };
            };
            /** @description Score out of range */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown key or token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No rating was asked, or the survey closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    chatStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The site's widget key */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        greeting: string | null;
                        online: boolean;
                    };
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No active site with this key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    chatWidgetScript: {
        parameters: {
            query: {
                key: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The script */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            /** @description No active site with this key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFById: {
        parameters: {
            query?: {
                ref?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The form */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["FormPost"];
                "multipart/form-data": components["schemas"]["FormPost"];
            };
        };
        responses: {
            /** @description Accepted (or silently dropped as spam) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormSubmitted"];
                    "text/html": string;
                };
            };
            /** @description Accepted; the visitor is sent to the form's redirect address */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or malformed fields, or an expired form */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description Posted from a site the form does not allow */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many submissions */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
        };
    };
    optionsFById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Allowed methods and headers */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFByIdEmbedJs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JavaScript */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            /** @description No record with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMeByToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Unknown link */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    publicQuotePage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed link token from the email */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The quote */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Changed, foreign or unknown link */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The quote expired or was replaced by a newer version */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    publicAcceptQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed link token from the email */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["QuoteAcceptForm"];
            };
        };
        responses: {
            /** @description Accepted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No name typed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description Changed, foreign or unknown link */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Already answered, expired, replaced, or the PDF changed since the page was opened */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Too many attempts */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    publicDeclineQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed link token from the email */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["QuoteDeclineForm"];
            };
        };
        responses: {
            /** @description Declined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Malformed form */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description Changed, foreign or unknown link */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Already answered, expired or replaced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Too many attempts */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    publicQuotePdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed link token from the email */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Changed, foreign or unknown link */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getRByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The landing page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Unknown code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    publicSurveyPage: {
        parameters: {
            query?: {
                /** @description A score to pick on the page: 1–5 (CSAT) or 0–10 (NPS) */
                score?: string;
            };
            header?: never;
            path: {
                /** @description The signed token from the survey email or chat */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The score is out of range */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The survey has closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Too many answers from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    publicSurveyAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed token from the survey email or chat */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["SurveyAnswerForm"];
            };
        };
        responses: {
            /** @description Recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No score, or out of range */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The survey has closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Too many answers from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    smsInboundCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description An empty TwiML response (the provider answers STOP and HELP itself) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            /** @description Missing or wrong signature: nothing changed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    smsStatusCallback: {
        parameters: {
            query?: {
                /** @description The text the report is about (Rapport puts it in the callback URL) */
                id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description Recorded (or already known) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or wrong signature: nothing changed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    trackClick: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed token from the email */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the linked page */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The link is not valid */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    trackOpen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed token from the email */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pixel */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/gif": string;
                };
            };
            /** @description The link is not valid */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    emailPreferencePage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed token from the email */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    unsubscribeOneClick: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed token from the email */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": {
                    "List-Unsubscribe"?: string;
                };
            };
        };
        responses: {
            /** @description Unsubscribed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid; nothing changed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Too many requests from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
}
