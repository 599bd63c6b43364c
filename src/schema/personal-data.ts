import type { EntityName } from './entities.js';

/**
 * Where personal data lives, table by table: the other half of the field registry's `personal`
 * flag. Every table of the migrated schema is named here (a test reads the schema of each engine
 * and fails on a table that is missing), either as holding copies of a person's data, with how an
 * erase removes them, or as holding none, with why. The erase code keys its steps by the names of
 * the personal tables, so a table added here as personal does not compile until it is erased.
 */
export type TableRole = ({ holds: 'none'; why: string } | { holds: 'personal'; erase: string }) & {
  /** The entity stored in the table: its fields are the table's columns, each flagged `personal` or not. */
  entity?: EntityName;
  /**
   * Columns that are not fields: a description of what an erase writes to those derived from
   * personal fields, null for those that hold no personal data.
   */
  otherColumns?: Record<string, string | null>;
};

export const dataTables = {
  customers: {
    holds: 'personal',
    entity: 'customers',
    erase: 'personal fields (custom fields included) are emptied, names too; the row stays, marked erased_at, so that its orders keep their customer',
    otherColumns: { email_key: 'emptied with the emails', search_text: 'emptied, which empties the full-text index entry', search_vector: 'generated from search_text (PostgreSQL)', seq: null },
  },
  customers_fts: { holds: 'personal', erase: "SQLite FTS5 index over customers.search_text: the row's words are deleted with secure-delete on, so its pages keep no copy" },
  customers_fts_data: { holds: 'personal', erase: 'the pages of customers_fts (see there)' },
  customers_fts_idx: { holds: 'personal', erase: 'the page index of customers_fts (see there)' },
  customers_fts_docsize: { holds: 'none', why: 'FTS5 token counts of customers_fts' },
  customers_fts_config: { holds: 'none', why: 'FTS5 settings of customers_fts' },
  customer_keys: { holds: 'personal', erase: "the person's email and phone keys are deleted" },
  customer_match_keys: { holds: 'personal', erase: 'hashed blocking keys (of names, emails, phones) of the person and of their merged-away records are deleted' },
  customer_match_profiles: { holds: 'personal', erase: "the person's duplicate-detection profiles (names, emails, phones, address) are deleted" },
  duplicate_candidates: { holds: 'personal', erase: 'pairs naming the person are deleted (their reasons describe what matched)' },
  external_ids: { holds: 'personal', erase: "the person's ids in other systems are deleted (some systems key people by email)" },
  orders: { holds: 'personal', entity: 'orders', erase: 'kept for the accounts (date, status, currency, total); personal fields (notes) are emptied' },
  order_lines: { holds: 'none', why: 'products, quantities and prices of an order' },
  interactions: { holds: 'personal', entity: 'interactions', erase: 'kept as facts for reports (type, time, campaign); personal fields (subject, body) are emptied' },
  tasks: { holds: 'personal', entity: 'tasks', erase: 'kept; personal fields (title, notes) are emptied' },
  audit_log: {
    holds: 'personal',
    erase:
      "before/after copies are removed from the entries of the person, of their merged-away records, orders, interactions and tasks (deleted ones included), and the person's values are taken out of other customers' entries of a merge; the erase itself is logged without personal data",
  },
  merges: {
    holds: 'personal',
    erase: 'merges whose snapshot held the person (as winner or merged-away record) lose snapshot and conflicts and are marked erased_at: undoing them is refused with 409',
  },
  import_changes: {
    holds: 'personal',
    erase: "the earlier values an import replaced (before_data) are removed and the change is marked 'erased': undoing that import is refused with 409; links to the person's source ids are deleted",
  },
  import_rejects: { holds: 'personal', erase: "rejected rows holding one of the person's emails, phones or their full name lose raw values and reason (the row is counted still)" },
  events: { holds: 'personal', erase: 'the data of the events of the person, their orders, interactions and tasks is replaced by {redacted: true}; a customer.erased event carries no personal data' },
  jobs: { holds: 'personal', erase: 'finished jobs whose payload or result names the person lose payload, progress and result' },
  report_cache: { holds: 'personal', erase: 'emptied: cached reports may list customers by name' },
  stage_history: { holds: 'none', why: 'lifecycle stages of a customer id over time (no personal fields)' },
  segment_members: { holds: 'none', why: 'customer ids per k-means segment' },
  report_customer_months: { holds: 'none', why: 'orders and revenue per customer id and month (the accounts)' },
  report_customer_campaigns: { holds: 'none', why: 'campaign touches per customer id and month' },
  report_campaign_links: { holds: 'none', why: 'customer ids linked by campaigns' },
  report_activity: { holds: 'none', why: 'counts per segment and month' },
  report_cohorts: { holds: 'none', why: 'counts per cohort month' },
  report_last_days: { holds: 'none', why: 'counts per day' },
  report_campaigns: { holds: 'none', why: 'counts per campaign' },
  report_stages: { holds: 'none', why: 'counts per stage' },
  report_rollup_state: { holds: 'none', why: 'rollup bookkeeping' },
  companies: { holds: 'none', entity: 'companies', otherColumns: { name_key: null }, why: 'businesses, not people; a customer is unlinked from their company on erase, the company stays' },
  products: { holds: 'none', entity: 'products', why: 'the catalogue' },
  product_affinities: { holds: 'none', why: 'product pairs bought together' },
  insight_runs: { holds: 'none', why: 'figures and settings of each insight run' },
  models: { holds: 'none', why: 'fitted model parameters' },
  segmentations: { holds: 'none', why: 'k-means runs: settings and sizes' },
  segments: { holds: 'none', why: 'segment centroids and names' },
  import_batches: { holds: 'none', why: 'file names, mappings, options and counts of imports' },
  custom_fields: { holds: 'none', why: 'definitions of custom fields (their values live in customers)' },
  settings: { holds: 'none', why: 'application settings' },
  contracts: {
    holds: 'personal',
    entity: 'contracts',
    erase: "the person's contracts are kept for the accounts (dates, value, status); personal fields (title, notes, the signed file's name) are emptied and their audit copies removed",
  },
  contract_files: { holds: 'personal', erase: "the signed files of the person's contracts are deleted" },
  followups: { holds: 'none', why: 'follow-up cadences: ids of the lead or quote, step, dates and why they stopped' },
  flows: { holds: 'none', why: "the owner's flows: trigger, steps (wording of the messages they send), status, webhook signing secret" },
  flow_versions: { holds: 'none', why: 'published versions of a flow definition' },
  flow_enrolments: { holds: 'none', why: 'which customer id runs through which flow version: step, dates, how they entered and why they left' },
  flow_step_runs: { holds: 'none', why: 'the steps an enrolment ran: kind, outcome, the message or task id it made; no field values or webhook answers are kept' },
  flow_send_days: { holds: 'none', why: 'messages flows sent per day (the daily budget)' },
  flow_date_checks: { holds: 'none', why: 'the days a date-triggered flow was checked, with how many customers entered' },
  messages: {
    holds: 'personal',
    erase:
      "the person's messages (by customer or address) keep purpose, status, dates and related record; address, subject, bodies, headers, attachments and server answers are removed, and mail still queued for them is not sent",
  },
  suppressions: { holds: 'personal', erase: "the address is removed from the person's entries; its hash stays, so the erased person still gets no mail" },
  mail_senders: { holds: 'none', why: "the owner's own sender identities and DKIM keys (private keys sealed)" },
  mail_bounces: { holds: 'personal', erase: "the person's bounce and complaint reports (by customer or address), raw report included, are deleted" },
  sms_messages: {
    holds: 'personal',
    erase: "the person's texts (by customer, or to one of their numbers) keep purpose, status, segments and dates; number and text are removed, and texts still queued are not sent",
  },
  sms_inbound: { holds: 'personal', erase: 'texts from the person (by customer or number) are deleted' },
  sms_opt_outs: { holds: 'personal', erase: "the customer link is removed; the number's hash stays, so the erased person still gets no texts" },
  mail_rate_windows: { holds: 'none', why: 'messages counted per sender and time window' },
  users: { holds: 'none', why: "the owner's own account, not customers' data" },
  sessions: { holds: 'none', why: "the owner's sessions" },
  api_tokens: { holds: 'none', why: "the owner's API tokens (hashes)" },
  login_attempts: { holds: 'none', why: "failed logins to the owner's account" },
  login_clients: { holds: 'none', why: "hashes of clients that logged in to the owner's account" },
  auth_claims: { holds: 'none', why: 'one-time claims such as first-run setup' },
  webhooks: { holds: 'none', why: 'endpoints, event types and signing secrets of outbound webhooks' },
  webhook_deliveries: { holds: 'personal', erase: "the receiver's last response to the person's events is removed (it may echo what it was sent)" },
  event_consumers: { holds: 'none', why: 'cursors of event consumers' },
  loyalty_rules: { holds: 'none', why: 'earn rules of the loyalty programme' },
  schema_stamp: { holds: 'none', why: 'a random value that changes with every change of the columns (custom fields, migrations, restores)' },
  loyalty_rules_stamp: { holds: 'none', why: 'a random value that changes with every earn rule change' },
  loyalty_rewards: { holds: 'none', why: 'the rewards catalogue' },
  loyalty_tiers: { holds: 'none', why: 'membership tiers: names, thresholds, benefits' },
  loyalty_entries: { holds: 'personal', erase: "kept for the programme's accounts (kind, points, dates, order and rule ids); the reasons, which the owner may have typed, are emptied" },
  loyalty_balances: { holds: 'none', why: 'points and tier per customer id' },
  loyalty_redemptions: { holds: 'none', why: 'reward codes redeemed per customer id (random codes)' },
  referral_codes: { holds: 'personal', erase: "the person's referral code is deleted, so their link leads nowhere" },
  referrals: { holds: 'none', why: 'which customer id referred which, by code and channel' },
  loyalty_pages: { holds: 'personal', erase: "the hash of the person's page token is deleted, so their page link stops working" },
  loyalty_merges: { holds: 'personal', erase: "what a merge moved of the person's loyalty records (entry ids, referral code, page token hash) is deleted with the merge's undo, which an erase ends" },
  templates: { holds: 'none', why: "the owner's email templates (MJML and Liquid; merge fields are filled at send time, not stored here)" },
  campaigns: { holds: 'none', why: 'email campaigns: audience definition, variants, A/B settings and result' },
  campaign_recipients: { holds: 'none', why: 'which customer id got which variant of a campaign and its message id (the message row carries the personal data)' },
  discount_codes: { holds: 'none', why: 'the personal discount codes a campaign or flow issued, with the customer id each was made for (a keyed hash, no personal data)' },
  discount_redemptions: { holds: 'none', why: 'which order redeemed which discount code of a campaign or flow' },
  forms: { holds: 'none', why: 'settings of web-to-lead forms (fields, consent wording, target stage, allowed origins)' },
  form_submissions: { holds: 'personal', erase: "the person's submissions (consent wording, referral code, origin) are deleted" },
  form_rate_limits: { holds: 'none', why: 'submission counters keyed by a hash of the form and client address, deleted once their window has ended' },
  pipelines: { holds: 'none', why: 'sales pipelines: names and the rotten-after rule' },
  pipeline_stages: { holds: 'none', why: 'stages of a pipeline: name, order, win probability, kind' },
  deals: {
    holds: 'personal',
    entity: 'deals',
    erase: "the person's deals are kept for the pipeline figures (stage, value, dates, source); personal fields (title, lost reason, notes) are emptied and their audit copies removed",
  },
  deal_lines: { holds: 'none', why: 'products, quantities and prices of a deal' },
  deal_stage_changes: { holds: 'none', why: 'stage ids a deal id entered and left, with times' },
  quotes: {
    holds: 'personal',
    entity: 'quotes',
    erase:
      "the person's quotes are kept for the accounts and the acceptance report (number, amounts, status, dates); personal fields (title, notes, the name typed to accept, the decline reason) are emptied and their audit copies and event data removed",
  },
  quote_lines: { holds: 'none', why: 'products, quantities, prices and tax rates of a quote' },
  quote_counters: { holds: 'none', why: 'the last quote number of each year' },
  quote_links: { holds: 'none', why: 'SHA-256 hashes of the links sent for a quote, with their expiry' },
  quote_activity: { holds: 'personal', erase: "the trail of the person's quotes keeps what happened and when; the client's address, user agent, typed name and decline reason are emptied" },
  ticket_counters: { holds: 'none', why: 'the last ticket number' },
  tickets: {
    holds: 'personal',
    erase:
      "the person's tickets are kept for the service figures (number, channel, kind, status, priority, dates); the subject is replaced, tags and the reply address are emptied and the tickets' event data removed",
  },
  ticket_messages: { holds: 'personal', erase: "every message of the person's tickets (theirs, the replies and notes) is deleted" },
  ticket_attachments: { holds: 'personal', erase: "the attachments of the person's tickets are deleted" },
  canned_replies: { holds: 'none', why: "the owner's reply templates (merge fields are filled when a reply is written)" },
  mailboxes: { holds: 'none', why: "the owner's support mailboxes: IMAP server, user, sealed password, last UID fetched" },
  inbound_tokens: { holds: 'none', why: 'SHA-256 hashes of the tokens mail providers post inbound mail with' },
  inbound_mail: { holds: 'personal', erase: "records of mail from one of the person's addresses or tied to them lose address, subject, Message-ID and reason (kept: source, size, outcome, time)" },
  surveys: { holds: 'none', why: 'NPS survey definitions: name, question, audience (segment or stage), days after becoming a customer' },
  survey_requests: { holds: 'none', why: 'which customer id was asked which survey, when, by which channel, with the hash of the link token' },
  survey_responses: { holds: 'personal', erase: "the person's scores are kept for the NPS and CSAT figures (score, date, customer id); the comments they typed are emptied" },
  chat_sites: { holds: 'none', why: 'chat widget sites: name, key, allowed origins, greeting' },
  chat_presence: { holds: 'none', why: 'which server process holds which chat stream (a process name, the owner or a conversation id) and until when' },
  chat_messages: { holds: 'personal', erase: "the messages of the person's chat conversations are deleted" },
  chat_conversations: {
    holds: 'personal',
    erase: "the person's chat conversations (by customer or address) keep their dates, site and ticket; the name and address the visitor typed are emptied and the visitor token is forgotten",
  },
  kysely_migration: { holds: 'none', why: 'applied migrations' },
  kysely_migration_lock: { holds: 'none', why: 'migration lock' },
  sqlite_sequence: { holds: 'none', why: 'SQLite autoincrement counters' },
} as const satisfies Record<string, TableRole>;

export type DataTable = keyof typeof dataTables;

/** The tables holding personal data: the erase has one step for each. */
export type PersonalTable = { [T in DataTable]: (typeof dataTables)[T]['holds'] extends 'personal' ? T : never }[DataTable];

export const personalTables = (Object.keys(dataTables) as DataTable[]).filter((t): t is PersonalTable => dataTables[t].holds === 'personal');

export function tableRole(table: string): TableRole | undefined {
  return Object.hasOwn(dataTables, table) ? (dataTables as Record<string, TableRole>)[table] : undefined;
}
