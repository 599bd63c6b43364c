import type { IdKind } from '../core/ids.js';
import type { FieldDef } from './fields.js';

export type EntityName = 'customers' | 'companies' | 'products' | 'orders' | 'interactions' | 'tasks' | 'deals' | 'contracts' | 'quotes';

export interface EntityDef {
  name: EntityName;
  /** Singular, for messages ("customer cus_... not found"). */
  label: string;
  table: string;
  idKind: IdKind;
  fields: FieldDef[];
  /** Default sort when the client names none. */
  defaultSort: string;
  /** Whether users may declare custom fields on it. */
  customFields: boolean;
  /** Columns Rapport keeps for itself (search words, match keys, row order): not fields, never in the API. */
  internalColumns?: readonly string[];
}

const id: FieldDef = { name: 'id', label: 'ID', type: 'id', readOnly: true, notNull: true, filterable: true, sortable: true, personal: false };
const stamps: FieldDef[] = [
  { name: 'created_at', label: 'Created', type: 'datetime', readOnly: true, notNull: true, filterable: true, sortable: true, personal: false },
  { name: 'updated_at', label: 'Updated', type: 'datetime', readOnly: true, notNull: true, filterable: true, sortable: true, personal: false },
];
const text = (name: string, label: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  label,
  type: 'text',
  filterable: true,
  sortable: true,
  ...extra,
});
/** Header spellings of a postal address that import mapping recognises (customers and companies). */
const addressSynonyms = {
  address: ['street', 'street address', 'address line', 'address line 1', 'address 1', 'address line 2', 'address 2', 'addr'],
  city: ['town', 'locality', 'suburb'],
  region: ['state', 'province', 'county', 'state province', 'province code', 'state code'],
  postcode: ['zip', 'zip code', 'zipcode', 'postal code', 'post code', 'plz'],
  country: ['country code', 'country region', 'nation'],
};
const notesSynonyms = ['note', 'comments', 'comment', 'remarks', 'description'];
const figure = (name: string, label: string, type: FieldDef['type'], description: string): FieldDef => ({
  name,
  label,
  type,
  readOnly: true,
  filterable: true,
  sortable: true,
  description,
  personal: false,
});

export const lifecycleStages = ['lead', 'active', 'inactive', 'churned'] as const;

/** Scores written by the insight run (see src/insights): read-only, filterable and sortable. */
export const insightFields: FieldDef[] = [
  { ...figure('stage', 'Lifecycle stage', 'select', 'lead (no purchase yet), active, inactive or churned, from the time since the last purchase.'), options: lifecycleStages },
  figure('stage_changed_at', 'Stage since', 'datetime', 'When the customer entered the current stage.'),
  figure('rfm_recency', 'RFM recency score', 'integer', 'Recency score by quantile (highest = most recent).'),
  figure('rfm_frequency', 'RFM frequency score', 'integer', 'Frequency score by quantile.'),
  figure('rfm_monetary', 'RFM monetary score', 'integer', 'Monetary score by quantile of the spend in the business currency.'),
  figure('rfm_score', 'RFM score', 'text', 'Recency, frequency and monetary scores, e.g. 434.'),
  figure('rfm_segment', 'RFM segment', 'text', 'Named RFM segment: champions, loyal, at risk, hibernating, ...'),
  figure('segment_id', 'Segment', 'id', 'Segment of the latest k-means segmentation.'),
  figure('p_alive', 'Probability active', 'number', 'Probability that the customer still buys: BG/NBD for repeat buyers when its fit is reliable, else from the purchase rhythm (see score_basis).'),
  figure('expected_purchases_90d', 'Expected purchases (90 days)', 'number', 'BG/NBD expected number of purchases in the next 90 days; empty when the fit is unreliable.'),
  figure('p_purchase_90d', 'Probability of buying (90 days)', 'number', 'BG/NBD probability of at least one purchase in the next 90 days.'),
  figure('purchase_probability', 'Purchase probability', 'number', 'Probability of a purchase in the prediction window (logistic regression).'),
  figure('clv', 'Lifetime value', 'number', 'Discounted customer lifetime value in the business currency over the configured horizon (BG/NBD + Gamma-Gamma, spend from orders in the business currency); empty when the BG/NBD fit is unreliable.'),
  figure('churn_risk', 'Churn risk', 'number', 'Churn risk from 0 to 1: 1 - P(alive).'),
  { ...figure('churn_reason', 'Churn risk reason', 'text', 'The churn risk in words.'), filterable: false, sortable: false },
  figure('value_at_risk', 'Value at risk', 'number', 'Lifetime value times churn risk.'),
  { ...figure('score_basis', 'Score basis', 'select', 'How P(alive) and churn risk were estimated: model (BG/NBD), own_rhythm (the model is unreliable on this data; the customer\'s own gap between purchases) or typical_rhythm (one purchase only; the typical gap).'), options: ['model', 'own_rhythm', 'typical_rhythm'] },
  figure('usual_gap_days', 'Usual gap (days)', 'number', 'The gap between purchases the customer is measured against, in days.'),
  figure('scored_at', 'Scored at', 'datetime', 'When the insight run last scored the customer.'),
];

export const customerEntity: EntityDef = {
  name: 'customers',
  label: 'customer',
  table: 'customers',
  idKind: 'customer',
  defaultSort: '-created_at',
  customFields: true,
  internalColumns: ['email_key', 'search_text'],
  fields: [
    id,
    text('first_name', 'First name', { section: 'Contact', synonyms: ['firstname', 'given name', 'forename', 'first', 'fname', 'vorname', 'prenom'], importAs: 'name', personal: true }),
    text('last_name', 'Last name', { section: 'Contact', synonyms: ['lastname', 'surname', 'family name', 'last', 'lname', 'nachname', 'nom'], importAs: 'name', personal: true }),
    { name: 'email', label: 'Email', section: 'Contact', type: 'email', filterable: true, sortable: true, synonyms: ['e-mail', 'email address', 'mail'], personal: true },
    { name: 'emails', label: 'All emails', type: 'string_list', notNull: true, filterable: true, description: 'Every address of the person; the primary email comes first.', synonyms: ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'primary email', 'work email', 'home email', 'personal email', 'other email'], importAs: 'emails', personal: true },
    text('phone', 'Phone', { section: 'Contact', description: 'Primary phone in E.164 form when it could be normalised.', synonyms: ['telephone', 'mobile', 'phone number'], personal: true }),
    { name: 'phones', label: 'All phones', type: 'phone_list', notNull: true, filterable: false, description: 'Every phone with the raw text kept.', synonyms: ['phone', 'telephone', 'tel', 'mobile', 'cell', 'phone number', 'mobile phone', 'mobile number', 'cell phone', 'home phone', 'work phone', 'business phone', 'primary phone', 'contact number'], personal: true },
    { name: 'company_id', label: 'Company ID', type: 'id', filterable: true, sortable: true, personal: true },
    text('company', 'Company', { section: 'Contact', synonyms: ['company name', 'organization', 'organisation', 'organization name', 'employer', 'business name', 'org'], personal: true }),
    text('title', 'Job title', { section: 'Contact', synonyms: ['position', 'role', 'occupation', 'organization title'], personal: true }),
    text('address', 'Address', { section: 'Address', synonyms: addressSynonyms.address, importAs: 'address', personal: true }),
    text('city', 'City', { section: 'Address', synonyms: addressSynonyms.city, personal: true }),
    text('region', 'Region', { section: 'Address', synonyms: addressSynonyms.region, personal: true }),
    text('postcode', 'Postcode', { section: 'Address', synonyms: addressSynonyms.postcode, personal: true }),
    text('country', 'Country', { section: 'Address', synonyms: addressSynonyms.country, importAs: 'country', personal: true }),
    { name: 'birthday', label: 'Birthday', section: 'Profile', type: 'date', filterable: true, sortable: true, synonyms: ['date of birth', 'dob', 'birth date', 'birthdate'], personal: true },
    { name: 'age', label: 'Age', section: 'Profile', type: 'integer', filterable: true, sortable: true, personal: true },
    { name: 'income', label: 'Income', section: 'Profile', type: 'number', filterable: true, sortable: true, synonyms: ['annual income', 'salary'], importAs: 'money', personal: true },
    text('gender', 'Gender', { section: 'Profile', synonyms: ['sex'], personal: true }),
    text('source', 'Source', { section: 'Profile', description: 'Where the customer came from (e.g. referral, website).', synonyms: ['lead source', 'origin', 'acquisition channel', 'channel'], personal: true }),
    text('referral_code', 'Referral code', { description: "The referral code the customer arrived with: a new customer is attributed to the code's owner (see /api/referrals).", synonyms: ['referral', 'referred by', 'referrer code'], personal: true }),
    { name: 'tags', label: 'Tags', section: 'Profile', type: 'string_list', notNull: true, filterable: true, synonyms: ['tag', 'labels', 'categories', 'groups', 'group membership', 'keywords', 'segments', 'segment'], personal: true },
    { name: 'notes', label: 'Notes', section: 'Profile', type: 'longtext', filterable: true, synonyms: notesSynonyms, personal: true },
    { name: 'consent_email', label: 'Email opt-in', section: 'Consent', type: 'boolean', filterable: true, sortable: true, synonyms: ['email consent', 'accepts email marketing', 'accepts marketing', 'email opt in', 'opt in', 'subscribed', 'newsletter', 'marketing consent'], personal: true },
    { name: 'consent_email_at', label: 'Email opt-in given at', type: 'datetime', filterable: true, sortable: true, personal: true },
    text('consent_email_method', 'How email opt-in was given', { section: 'Consent', personal: true }),
    { name: 'consent_sms', label: 'SMS opt-in', section: 'Consent', type: 'boolean', filterable: true, sortable: true, synonyms: ['sms consent', 'accepts sms marketing', 'sms opt in'], personal: true },
    { name: 'consent_sms_at', label: 'SMS opt-in given at', type: 'datetime', filterable: true, sortable: true, personal: true },
    text('consent_sms_method', 'How SMS opt-in was given', { section: 'Consent', personal: true }),
    { name: 'customer_since', label: 'Customer since', type: 'datetime', filterable: true, sortable: true, synonyms: ['created at', 'created', 'create date', 'date created', 'creation date', 'signup date', 'registration date', 'joined', 'created utc'], personal: true, description: "When the person became a customer: the source's creation date when an import gave one, else when the record was created here. Empty for an imported customer whose file gave no date (the first order then tells)." },
    figure('first_order_at', 'First order', 'datetime', 'Date of the first order, in any currency.'),
    figure('last_order_at', 'Last order', 'datetime', 'Date of the most recent order, in any currency.'),
    { ...figure('order_count', 'Orders', 'integer', 'Number of orders in any currency (cancelled and refunded ones excluded).'), notNull: true },
    { ...figure('revenue', 'Revenue', 'number', 'Sum of the totals of the orders in the business currency; orders in other currencies are not converted and not included.'), notNull: true },
    figure('average_order_value', 'Average order value', 'number', 'Revenue divided by the number of orders in the business currency.'),
    figure('purchase_frequency', 'Orders per month', 'number', 'Orders in any currency per month since the first order.'),
    figure('last_interaction_at', 'Last interaction', 'datetime', 'Time of the most recent interaction.'),
    { ...figure('erased_at', 'Erased at', 'datetime', "When the person's personal data was erased (GDPR art. 17); empty for everyone else."), exportable: false },
    ...insightFields,
    ...stamps,
  ],
};

export const companyEntity: EntityDef = {
  name: 'companies',
  label: 'company',
  table: 'companies',
  idKind: 'company',
  defaultSort: 'name',
  customFields: false,
  internalColumns: ['name_key'],
  fields: [
    id,
    text('name', 'Name', { required: true, notNull: true, synonyms: ['company', 'company name', 'organization', 'organisation', 'account name', 'business name'], personal: false }),
    text('domain', 'Domain', { synonyms: ['website', 'web', 'url', 'company domain name', 'web page'], personal: false }),
    text('industry', 'Industry', { synonyms: ['sector', 'vertical'], personal: false }),
    text('phone', 'Phone', { synonyms: ['telephone', 'phone number', 'main phone', 'company main phone', 'business phone'], importAs: 'phone', personal: false }),
    text('address', 'Address', { synonyms: addressSynonyms.address, importAs: 'address', personal: false }),
    text('city', 'City', { synonyms: addressSynonyms.city, personal: false }),
    text('region', 'Region', { synonyms: addressSynonyms.region, personal: false }),
    text('postcode', 'Postcode', { synonyms: addressSynonyms.postcode, personal: false }),
    text('country', 'Country', { synonyms: addressSynonyms.country, importAs: 'country', personal: false }),
    { name: 'notes', label: 'Notes', type: 'longtext', filterable: true, synonyms: notesSynonyms, personal: false },
    ...stamps,
  ],
};

export const productEntity: EntityDef = {
  name: 'products',
  label: 'product',
  table: 'products',
  idKind: 'product',
  defaultSort: 'name',
  customFields: false,
  fields: [
    id,
    text('sku', 'SKU', { synonyms: ['variant sku', 'item code', 'product code', 'article number', 'code', 'product id'], personal: false }),
    text('name', 'Name', { required: true, notNull: true, synonyms: ['title', 'product name', 'product', 'item', 'item name'], personal: false }),
    text('category', 'Category', { synonyms: ['type', 'product type', 'collection', 'product category'], personal: false }),
    { name: 'price', label: 'Price', type: 'number', filterable: true, sortable: true, synonyms: ['unit price', 'variant price', 'list price'], importAs: 'money', personal: false },
    ...stamps,
  ],
};

export const orderStatuses = ['pending', 'paid', 'fulfilled', 'cancelled', 'refunded'] as const;
/** Orders in these states count towards a customer's figures. */
export const countedOrderStatuses = ['pending', 'paid', 'fulfilled'] as const;

export const orderEntity: EntityDef = {
  name: 'orders',
  label: 'order',
  table: 'orders',
  idKind: 'order',
  defaultSort: '-ordered_at',
  customFields: false,
  fields: [
    id,
    { name: 'customer_id', label: 'Customer ID', type: 'id', required: true, notNull: true, filterable: true, sortable: true, personal: false },
    { name: 'ordered_at', label: 'Date', type: 'datetime', required: true, notNull: true, filterable: true, sortable: true, synonyms: ['order date', 'created at', 'created', 'created utc', 'purchase date'], personal: false },
    { name: 'status', label: 'Status', type: 'select', options: orderStatuses, notNull: true, filterable: true, sortable: true, synonyms: ['order status', 'financial status', 'payment status'], personal: false },
    text('currency', 'Currency', { notNull: true, synonyms: ['currency code'], personal: false }),
    { name: 'total', label: 'Total', type: 'number', notNull: true, filterable: true, sortable: true, synonyms: ['order total', 'grand total', 'amount', 'total amount', 'total price'], importAs: 'money', personal: false },
    text('discount_code', 'Discount code', { description: 'The discount or referral code the order was placed with; a referral code attributes a new customer to its owner.', synonyms: ['discount', 'coupon', 'coupon code', 'promo code', 'voucher', 'voucher code', 'referral code'], personal: false }),
    { name: 'notes', label: 'Notes', type: 'longtext', filterable: true, personal: true },
    ...stamps,
  ],
};

export const interactionTypes = ['email', 'call', 'meeting', 'note', 'sms', 'chat', 'web_visit', 'campaign'] as const;

export const interactionEntity: EntityDef = {
  name: 'interactions',
  label: 'interaction',
  table: 'interactions',
  idKind: 'interaction',
  defaultSort: '-occurred_at',
  customFields: false,
  fields: [
    id,
    { name: 'type', label: 'Type', type: 'select', options: interactionTypes, required: true, notNull: true, filterable: true, sortable: true, synonyms: ['activity type', 'interaction type', 'kind', 'event type'], importAs: 'interaction_type', personal: false },
    { name: 'direction', label: 'Direction', type: 'select', options: ['in', 'out'], filterable: true, sortable: true, synonyms: ['inbound outbound', 'in out'], importAs: 'direction', personal: false },
    { name: 'occurred_at', label: 'When', type: 'datetime', notNull: true, filterable: true, sortable: true, synonyms: ['date', 'timestamp', 'time', 'datetime', 'sent at', 'created at', 'event date'], personal: false },
    text('subject', 'Subject', { synonyms: ['title', 'topic'], personal: true }),
    { name: 'body', label: 'Body', type: 'longtext', filterable: true, synonyms: ['message', 'content', 'text', 'note', 'notes', 'details', 'description'], personal: true },
    { name: 'customer_id', label: 'Customer ID', type: 'id', filterable: true, sortable: true, personal: false },
    { name: 'company_id', label: 'Company ID', type: 'id', filterable: true, sortable: true, personal: false },
    { name: 'order_id', label: 'Order ID', type: 'id', filterable: true, sortable: true, personal: false },
    text('campaign', 'Campaign', { synonyms: ['campaign name'], personal: false }),
    text('channel', 'Channel', { synonyms: ['medium'], personal: false }),
    { name: 'opened', label: 'Opened', type: 'boolean', filterable: true, synonyms: ['open', 'was opened'], personal: false },
    { name: 'clicked', label: 'Clicked', type: 'boolean', filterable: true, synonyms: ['click', 'was clicked'], personal: false },
    { name: 'converted', label: 'Converted', type: 'boolean', filterable: true, synonyms: ['conversion', 'was converted'], personal: false },
    ...stamps,
  ],
};

export const taskPriorities = ['low', 'normal', 'high', 'urgent'] as const;
/** Records a task can be about. */
export const taskLinkEntities = ['customer', 'company', 'order', 'interaction', 'task', 'deal', 'quote', 'contract'] as const;

export const taskEntity: EntityDef = {
  name: 'tasks',
  label: 'task',
  table: 'tasks',
  idKind: 'task',
  defaultSort: 'due_at',
  customFields: false,
  fields: [
    id,
    text('title', 'Title', { required: true, notNull: true, personal: true }),
    { name: 'due_at', label: 'Due', type: 'datetime', filterable: true, sortable: true, personal: false },
    { name: 'done', label: 'Done', type: 'boolean', notNull: true, filterable: true, sortable: true, personal: false },
    { name: 'done_at', label: 'Done at', type: 'datetime', readOnly: true, filterable: true, sortable: true, personal: false },
    { name: 'due_event_at', label: 'Due event sent', type: 'datetime', readOnly: true, filterable: true, sortable: true, personal: false, description: 'When task.due was emitted for the current due time; cleared when the due time changes.' },
    { name: 'remind_at', label: 'Remind at', type: 'datetime', filterable: true, sortable: true, personal: false, description: 'When the owner is reminded by email (and in the app); a new time is reminded again.' },
    { name: 'reminded_at', label: 'Reminded at', type: 'datetime', readOnly: true, filterable: true, sortable: true, personal: false, description: 'When the reminder for the current reminder time was sent.' },
    { name: 'priority', label: 'Priority', type: 'select', options: taskPriorities, filterable: true, sortable: true, personal: false, description: 'normal when omitted.' },
    text('recurrence', 'Repeats', { personal: false, description: 'An RFC 5545 recurrence rule, e.g. FREQ=WEEKLY;BYDAY=MO. Needs a due time; completing the task creates the next occurrence, counted in the business time zone.' }),
    { name: 'linked_entity', label: 'Linked record type', type: 'select', options: taskLinkEntities, filterable: true, sortable: true, personal: false },
    { name: 'linked_id', label: 'Linked record ID', type: 'id', filterable: true, sortable: true, personal: false, description: 'The record the task is about (with linked_entity).' },
    { name: 'notes', label: 'Notes', type: 'longtext', filterable: true, personal: true },
    { name: 'customer_id', label: 'Customer ID', type: 'id', filterable: true, sortable: true, personal: false },
    { name: 'company_id', label: 'Company ID', type: 'id', filterable: true, sortable: true, personal: false },
    { name: 'order_id', label: 'Order ID', type: 'id', filterable: true, sortable: true, personal: false },
    ...stamps,
  ],
};

export const dealStatuses = ['open', 'won', 'lost'] as const;

/** A deal on a pipeline's stage; its status follows the stage's kind (see src/deals). */
export const dealEntity: EntityDef = {
  name: 'deals',
  label: 'deal',
  table: 'deals',
  idKind: 'deal',
  defaultSort: '-created_at',
  customFields: false,
  fields: [
    id,
    text('title', 'Title', { required: true, personal: true }),
    { name: 'customer_id', label: 'Customer ID', type: 'id', filterable: true, sortable: true, personal: false },
    { name: 'company_id', label: 'Company ID', type: 'id', filterable: true, sortable: true, personal: false },
    { name: 'pipeline_id', label: 'Pipeline ID', type: 'id', filterable: true, sortable: true, personal: false, description: 'The default pipeline when omitted.' },
    { name: 'stage_id', label: 'Stage ID', type: 'id', filterable: true, sortable: true, personal: false, description: "The pipeline's first stage when omitted; change it with POST /api/deals/{id}/move." },
    { name: 'status', label: 'Status', type: 'select', options: dealStatuses, readOnly: true, filterable: true, sortable: true, personal: false, description: "open, won or lost: the kind of the deal's stage." },
    { name: 'value', label: 'Value', type: 'number', filterable: true, sortable: true, synonyms: ['amount', 'deal value'], personal: false, description: 'The sum of the lines when omitted and lines are given.' },
    text('currency', 'Currency', { personal: false, description: 'ISO 4217 code; the business currency when omitted.' }),
    { name: 'expected_close_date', label: 'Expected close', type: 'date', filterable: true, sortable: true, synonyms: ['close date'], personal: false },
    text('source', 'Lead source', { personal: false, synonyms: ['lead source', 'channel'], description: 'Where the lead came from (form, referral, import, ...).' }),
    text('lost_reason', 'Lost reason', { personal: true }),
    { name: 'notes', label: 'Notes', type: 'longtext', filterable: true, personal: true },
    { name: 'stage_changed_at', label: 'In stage since', type: 'datetime', readOnly: true, filterable: true, sortable: true, personal: false },
    { name: 'last_activity_at', label: 'Last activity', type: 'datetime', readOnly: true, filterable: true, sortable: true, personal: false, description: "The latest of the deal's creation, its last stage change, and interactions or tasks of the deal or its customer." },
    { name: 'closed_at', label: 'Closed at', type: 'datetime', readOnly: true, filterable: true, sortable: true, personal: false, description: 'When the deal was won or lost.' },
    ...stamps,
  ],
};

export const contractStatuses = ['draft', 'active', 'expiring', 'ended', 'renewed'] as const;
export const billingPeriods = ['one_off', 'monthly', 'quarterly', 'yearly'] as const;

/** A contract with a customer, from a deal or a quote; the daily renewal job moves its status (see src/contracts). */
export const contractEntity: EntityDef = {
  name: 'contracts',
  label: 'contract',
  table: 'contracts',
  idKind: 'contract',
  defaultSort: 'ends_on',
  customFields: false,
  fields: [
    id,
    text('title', 'Title', { required: true, personal: true }),
    { name: 'customer_id', label: 'Customer ID', type: 'id', filterable: true, sortable: true, personal: false },
    { name: 'deal_id', label: 'Deal ID', type: 'id', filterable: true, sortable: true, personal: false },
    { name: 'quote_id', label: 'Quote ID', type: 'id', filterable: true, sortable: true, personal: false },
    { name: 'starts_on', label: 'Starts', type: 'date', required: true, filterable: true, sortable: true, personal: false },
    { name: 'ends_on', label: 'Ends', type: 'date', filterable: true, sortable: true, personal: false, description: 'Last day of the contract; empty for an open-ended one.' },
    { name: 'value', label: 'Value', type: 'number', filterable: true, sortable: true, personal: false, description: 'Amount per billing period (the whole amount for one_off).' },
    text('currency', 'Currency', { personal: false, description: 'ISO 4217 code; the business currency when omitted.' }),
    { name: 'billing_period', label: 'Billing period', type: 'select', options: billingPeriods, filterable: true, sortable: true, personal: false },
    { name: 'renewal_notice_days', label: 'Renewal notice (days)', type: 'integer', filterable: true, sortable: true, personal: false, description: 'Days before the end when the contract turns expiring and a renewal task (and deal) is created; 30 when omitted.' },
    { name: 'auto_renew', label: 'Renews automatically', type: 'boolean', filterable: true, sortable: true, personal: false, description: 'At its end the contract rolls over into a new one of the same length.' },
    { name: 'status', label: 'Status', type: 'select', options: contractStatuses, filterable: true, sortable: true, personal: false, description: 'draft when omitted; the renewal job sets expiring, ended and renewed.' },
    { name: 'notes', label: 'Notes', type: 'longtext', filterable: true, personal: true },
    { name: 'file_name', label: 'Signed file', type: 'text', readOnly: true, filterable: true, sortable: true, personal: true, description: 'Name of the uploaded signed file (PUT /api/contracts/{id}/file).' },
    { name: 'file_type', label: 'File type', type: 'text', readOnly: true, filterable: false, personal: false },
    { name: 'file_size', label: 'File size (bytes)', type: 'integer', readOnly: true, filterable: true, sortable: true, personal: false },
    { name: 'file_sha256', label: 'File SHA-256', type: 'text', readOnly: true, filterable: true, personal: false },
    { name: 'expiring_at', label: 'Expiring since', type: 'datetime', readOnly: true, filterable: true, sortable: true, personal: false },
    { name: 'renewal_task_id', label: 'Renewal task ID', type: 'id', readOnly: true, filterable: true, personal: false },
    { name: 'renewal_deal_id', label: 'Renewal deal ID', type: 'id', readOnly: true, filterable: true, personal: false },
    { name: 'renewed_from_id', label: 'Renewal of', type: 'id', readOnly: true, filterable: true, personal: false },
    { name: 'renewed_to_id', label: 'Renewed as', type: 'id', readOnly: true, filterable: true, personal: false },
    ...stamps,
  ],
};

export const quoteStatuses = ['draft', 'sent', 'viewed', 'accepted', 'declined', 'expired', 'converted'] as const;

/** A quote for a customer (see src/quotes): its lines and amounts are written by the quote service only. */
export const quoteEntity: EntityDef = {
  name: 'quotes',
  label: 'quote',
  table: 'quotes',
  idKind: 'quote',
  defaultSort: '-created_at',
  customFields: false,
  fields: [
    id,
    { ...text('number', 'Number', { personal: false, description: 'Q-<year>-<nnnn>, gap-free per year; a revision keeps the number and raises the version.' }), readOnly: true },
    { name: 'version', label: 'Version', type: 'integer', readOnly: true, filterable: true, sortable: true, personal: false },
    text('title', 'Title', { personal: true }),
    { name: 'customer_id', label: 'Customer ID', type: 'id', required: true, filterable: true, sortable: true, personal: false },
    { name: 'deal_id', label: 'Deal ID', type: 'id', filterable: true, sortable: true, personal: false, description: 'The deal the quote is for: accepting it wins the deal.' },
    { name: 'status', label: 'Status', type: 'select', options: quoteStatuses, readOnly: true, filterable: true, sortable: true, personal: false, description: 'draft, sent, viewed, accepted, declined, converted; a sent or viewed quote past its validity date reads as expired.' },
    text('currency', 'Currency', { personal: false, description: 'ISO 4217 code; the business currency when omitted.' }),
    { name: 'valid_until', label: 'Valid until', type: 'date', filterable: true, sortable: true, personal: false, description: 'Last day the quote can be accepted; 30 days from today when omitted.' },
    { name: 'terms', label: 'Terms', type: 'longtext', filterable: false, personal: false },
    { name: 'notes', label: 'Internal notes', type: 'longtext', filterable: true, personal: true },
    { name: 'discount_percent', label: 'Overall discount (%)', type: 'number', filterable: true, sortable: true, personal: false },
    { name: 'subtotal', label: 'Subtotal', type: 'number', readOnly: true, filterable: true, sortable: true, personal: false, description: 'Sum of the lines after their own discounts.' },
    { name: 'discount_total', label: 'Overall discount', type: 'number', readOnly: true, filterable: true, sortable: true, personal: false },
    { name: 'tax_total', label: 'Tax', type: 'number', readOnly: true, filterable: true, sortable: true, personal: false },
    { name: 'total', label: 'Total', type: 'number', readOnly: true, filterable: true, sortable: true, personal: false },
    { name: 'sent_at', label: 'Sent', type: 'datetime', readOnly: true, filterable: true, sortable: true, personal: false },
    { name: 'viewed_at', label: 'First viewed', type: 'datetime', readOnly: true, filterable: true, sortable: true, personal: false },
    { name: 'accepted_at', label: 'Accepted', type: 'datetime', readOnly: true, filterable: true, sortable: true, personal: false },
    { ...text('accepted_by', 'Accepted by', { personal: true, description: 'The name the client typed to accept.' }), readOnly: true },
    { ...text('accepted_pdf_sha256', 'SHA-256 of the PDF accepted', { personal: false }), readOnly: true },
    { name: 'declined_at', label: 'Declined', type: 'datetime', readOnly: true, filterable: true, sortable: true, personal: false },
    { name: 'decline_reason', label: 'Decline reason', type: 'longtext', readOnly: true, filterable: true, personal: true },
    { name: 'converted_at', label: 'Converted', type: 'datetime', readOnly: true, filterable: true, sortable: true, personal: false, description: 'When the owner turned the quote into an order without online acceptance.' },
    { name: 'order_id', label: 'Order ID', type: 'id', readOnly: true, filterable: true, sortable: true, personal: false },
    { name: 'task_id', label: 'Follow-up task ID', type: 'id', readOnly: true, filterable: true, personal: false },
    { name: 'previous_version_id', label: 'Revision of', type: 'id', readOnly: true, filterable: true, personal: false },
    { name: 'superseded_by_id', label: 'Revised as', type: 'id', readOnly: true, filterable: true, personal: false },
    ...stamps,
  ],
};

export const entities: Record<EntityName, EntityDef> = {
  customers: customerEntity,
  companies: companyEntity,
  products: productEntity,
  orders: orderEntity,
  interactions: interactionEntity,
  tasks: taskEntity,
  deals: dealEntity,
  contracts: contractEntity,
  quotes: quoteEntity,
};
