import { normaliseHeader } from './fields.js';
import type { EntityKind } from './types.js';

/**
 * A known export format. In column names `#` stands for any number, so "E-mail # - Value" covers
 * "E-mail 1 - Value", "E-mail 2 - Value"... For gathered lists (emails, phones) the order of
 * `columns` is the priority: the first non-empty value becomes the primary one.
 */
export interface Preset {
  id: string;
  label: string;
  kind: EntityKind;
  columns: Record<string, string>;
  /** Columns the format is known to have that Rapport does not import; they help detection. */
  ignored: string[];
}

const outlookPhones = [
  'Primary Phone',
  'Mobile Phone',
  'Home Phone',
  'Business Phone',
  'Home Phone #',
  'Business Phone #',
  'Company Main Phone',
  'Other Phone',
  'Car Phone',
  'Callback',
  'Radio Phone',
  'ISDN',
  'TTY/TDD Phone',
  "Assistant's Phone",
];

const PRESETS: Preset[] = [
  {
    id: 'google_contacts',
    label: 'Google Contacts',
    kind: 'customers',
    columns: {
      'First Name': 'first_name',
      'Last Name': 'last_name',
      'Organization Name': 'company',
      'Organization Title': 'title',
      Birthday: 'birthday',
      Notes: 'notes',
      Labels: 'tags',
      'E-mail # - Value': 'emails',
      'Phone # - Value': 'phones',
      'Address 1 - Street': 'address',
      'Address 1 - Extended Address': 'address',
      'Address 1 - City': 'city',
      'Address 1 - Region': 'region',
      'Address 1 - Postal Code': 'postcode',
      'Address 1 - Country': 'country',
    },
    ignored: [
      'Middle Name',
      'Phonetic First Name',
      'Phonetic Middle Name',
      'Phonetic Last Name',
      'Name Prefix',
      'Name Suffix',
      'Nickname',
      'File As',
      'Organization Department',
      'Photo',
      'E-mail # - Label',
      'Phone # - Label',
      'Address # - Label',
      'Address # - Formatted',
      'Address # - Street',
      'Address # - City',
      'Address # - PO Box',
      'Address # - Region',
      'Address # - Postal Code',
      'Address # - Country',
      'Address # - Extended Address',
      'Website # - Label',
      'Website # - Value',
    ],
  },
  {
    id: 'google_contacts_legacy',
    label: 'Google Contacts (before 2023)',
    kind: 'customers',
    columns: {
      'Given Name': 'first_name',
      'Family Name': 'last_name',
      Name: 'full_name',
      Birthday: 'birthday',
      Gender: 'gender',
      Notes: 'notes',
      'Group Membership': 'tags',
      'E-mail # - Value': 'emails',
      'Phone # - Value': 'phones',
      'Address 1 - Street': 'address',
      'Address 1 - Extended Address': 'address',
      'Address 1 - City': 'city',
      'Address 1 - Region': 'region',
      'Address 1 - Postal Code': 'postcode',
      'Address 1 - Country': 'country',
      'Organization 1 - Name': 'company',
      'Organization 1 - Title': 'title',
    },
    ignored: [
      'Additional Name',
      'Yomi Name',
      'Given Name Yomi',
      'Additional Name Yomi',
      'Family Name Yomi',
      'Name Prefix',
      'Name Suffix',
      'Initials',
      'Nickname',
      'Short Name',
      'Maiden Name',
      'Location',
      'Billing Information',
      'Directory Server',
      'Mileage',
      'Occupation',
      'Hobby',
      'Sensitivity',
      'Priority',
      'Subject',
      'Language',
      'Photo',
      'E-mail # - Type',
      'IM # - Type',
      'IM # - Service',
      'IM # - Value',
      'Phone # - Type',
      'Address # - Type',
      'Address # - Formatted',
      'Address # - Street',
      'Address # - City',
      'Address # - PO Box',
      'Address # - Region',
      'Address # - Postal Code',
      'Address # - Country',
      'Address # - Extended Address',
      'Organization # - Type',
      'Organization # - Name',
      'Organization # - Yomi Name',
      'Organization # - Title',
      'Organization # - Department',
      'Organization # - Symbol',
      'Organization # - Location',
      'Organization # - Job Description',
    ],
  },
  {
    id: 'outlook',
    label: 'Microsoft Outlook',
    kind: 'customers',
    columns: {
      'First Name': 'first_name',
      'Last Name': 'last_name',
      Company: 'company',
      'Job Title': 'title',
      'E-mail Address': 'emails',
      'E-mail # Address': 'emails',
      ...Object.fromEntries(outlookPhones.map((column) => [column, 'phones'])),
      'Home Street': 'address',
      'Home Street #': 'address',
      'Home City': 'city',
      'Home State': 'region',
      'Home Postal Code': 'postcode',
      'Home Country/Region': 'country',
      'Home Country': 'country',
      Birthday: 'birthday',
      Gender: 'gender',
      Notes: 'notes',
      Categories: 'tags',
    },
    ignored: [
      'Title',
      'Middle Name',
      'Suffix',
      'Department',
      'Initials',
      'Web Page',
      'Anniversary',
      'Location',
      'Language',
      'Internet Free Busy',
      'E-mail Type',
      'E-mail Display Name',
      'E-mail # Type',
      'E-mail # Display Name',
      'Pager',
      'Home Fax',
      'Business Fax',
      'Other Fax',
      'Telex',
      'Home Address',
      'Home Address PO Box',
      'Spouse',
      'Children',
      "Manager's Name",
      "Assistant's Name",
      'Referred By',
      'Office Location',
      'Organizational ID Number',
      'Profession',
      'Account',
      'Business Address',
      'Business Street',
      'Business Street #',
      'Business Address PO Box',
      'Business City',
      'Business State',
      'Business Postal Code',
      'Business Country',
      'Business Country/Region',
      'Other Address',
      'Other Street',
      'Other Street #',
      'Other Address PO Box',
      'Other City',
      'Other State',
      'Other Postal Code',
      'Other Country',
      'Other Country/Region',
      'User #',
      'Keywords',
      'Mileage',
      'Hobby',
      'Billing Information',
      'Directory Server',
      'Sensitivity',
      'Priority',
      'Private',
      'Government ID Number',
    ],
  },
  {
    id: 'hubspot_contacts',
    label: 'HubSpot contacts',
    kind: 'customers',
    columns: {
      'Record ID': 'source_id',
      'First Name': 'first_name',
      'Last Name': 'last_name',
      Email: 'emails',
      'Phone Number': 'phones',
      'Mobile Phone Number': 'phones',
      'Create Date': 'customer_since',
      'Company Name': 'company',
      'Job Title': 'title',
      'Street Address': 'address',
      City: 'city',
      'State/Region': 'region',
      'Postal Code': 'postcode',
      'Country/Region': 'country',
    },
    ignored: ['Contact owner', 'Lead Status', 'Lifecycle Stage', 'Last Activity Date'],
  },
  {
    id: 'shopify_customers',
    label: 'Shopify customers',
    kind: 'customers',
    columns: {
      'Customer ID': 'source_id',
      'First Name': 'first_name',
      'Last Name': 'last_name',
      Email: 'emails',
      'Accepts Email Marketing': 'consent_email',
      'Accepts SMS Marketing': 'consent_sms',
      'Default Address Company': 'company',
      'Default Address Address1': 'address',
      'Default Address Address2': 'address',
      'Default Address City': 'city',
      'Default Address Province Code': 'region',
      'Default Address Country Code': 'country',
      'Default Address Zip': 'postcode',
      Phone: 'phones',
      'Default Address Phone': 'phones',
      Note: 'notes',
      Tags: 'tags',
    },
    ignored: ['Total Spent', 'Total Orders', 'Tax Exempt'],
  },
  {
    id: 'shopify_orders',
    label: 'Shopify orders',
    kind: 'orders',
    columns: {
      Name: 'source_id',
      Email: 'customer_email',
      'Financial Status': 'status',
      Currency: 'currency',
      Total: 'total',
      'Created at': 'ordered_at',
      'Lineitem quantity': 'quantity',
      'Lineitem name': 'product_name',
      'Lineitem price': 'unit_price',
      'Lineitem sku': 'product_sku',
      'Billing Name': 'customer_full_name',
      'Billing Phone': 'customer_phones',
      'Billing Country': 'customer_country',
    },
    ignored: [
      'Paid at',
      'Fulfillment Status',
      'Fulfilled at',
      'Accepts Marketing',
      'Subtotal',
      'Shipping',
      'Taxes',
      'Discount Code',
      'Discount Amount',
      'Shipping Method',
      'Lineitem compare at price',
      'Lineitem requires shipping',
      'Lineitem taxable',
      'Lineitem fulfillment status',
      'Billing Street',
      'Billing Address1',
      'Billing Address2',
      'Billing Company',
      'Billing City',
      'Billing Zip',
      'Billing Province',
      'Shipping Name',
      'Shipping Street',
      'Shipping Address1',
      'Shipping Address2',
      'Shipping Company',
      'Shipping City',
      'Shipping Zip',
      'Shipping Province',
      'Shipping Country',
      'Shipping Phone',
      'Notes',
      'Note Attributes',
      'Cancelled at',
      'Payment Method',
      'Payment Reference',
      'Refunded Amount',
      'Vendor',
      'Outstanding Balance',
      'Employee',
      'Location',
      'Device ID',
      'Id',
      'Tags',
      'Risk Level',
      'Source',
      'Lineitem discount',
      'Phone',
      'Receipt Number',
      'Billing Province Name',
      'Shipping Province Name',
      'Payment ID',
      'Payment References',
      'Tax # Name',
      'Tax # Value',
    ],
  },
  {
    id: 'stripe_customers',
    label: 'Stripe customers',
    kind: 'customers',
    columns: { id: 'source_id', Email: 'emails', Name: 'full_name', 'Created (UTC)': 'customer_since', Description: 'notes' },
    ignored: ['Delinquent', 'Plan', 'Status', 'Total Spend', 'Payment Count', 'Refunded Volume', 'Dispute Losses', 'tag (metadata)'],
  },
  {
    id: 'stripe_payments',
    label: 'Stripe payments',
    kind: 'orders',
    columns: {
      id: 'source_id',
      'Created (UTC)': 'ordered_at',
      Amount: 'total',
      Currency: 'currency',
      Status: 'status',
      'Customer ID': 'customer_source_id',
      'Customer Email': 'customer_email',
      'Card Name': 'customer_full_name',
      'Card Address Country': 'customer_country',
      'Card Fingerprint': 'payment_fingerprint',
    },
    ignored: [
      'Description',
      'Seller Message',
      'Amount Refunded',
      'Converted Amount',
      'Converted Amount Refunded',
      'Fee',
      'Tax',
      'Converted Currency',
      'Mode',
      'Statement Descriptor',
      'Customer Description',
      'Captured',
      'Card ID',
      'Card Last4',
      'Card Brand',
      'Card Funding',
      'Card Exp Month',
      'Card Exp Year',
      'Card Address Line1',
      'Card Address Line2',
      'Card Address City',
      'Card Address State',
      'Card Address Zip',
      'Card Issue Country',
      'Card CVC Status',
      'Card AVS Zip Status',
      'Card AVS Line1 Status',
      'Card Tokenization Method',
      'Disputed Amount',
      'Dispute Status',
      'Dispute Reason',
      'Dispute Date (UTC)',
      'Dispute Evidence Due (UTC)',
      'Invoice ID',
      'Payment Source Type',
      'Destination',
      'Transfer',
      'Interchange Costs',
      'Merchant Service Charge',
      'Transfer Group',
    ],
  },
  {
    id: 'mailchimp_audience',
    label: 'Mailchimp audience',
    kind: 'customers',
    columns: {
      'Email Address': 'emails',
      'First Name': 'first_name',
      'Last Name': 'last_name',
      'Phone Number': 'phones',
      Address: 'address',
      Birthday: 'birthday',
      OPTIN_TIME: 'customer_since',
      CC: 'country',
      REGION: 'region',
      TIMEZONE: 'time_zone',
      NOTES: 'notes',
      TAGS: 'tags',
    },
    ignored: [
      'MEMBER_RATING',
      'OPTIN_IP',
      'CONFIRM_TIME',
      'CONFIRM_IP',
      'LATITUDE',
      'LONGITUDE',
      'GMTOFF',
      'DSTOFF',
      'LAST_CHANGED',
      'LEID',
      'EUID',
      'UNSUB_TIME',
      'UNSUB_CAMPAIGN_TITLE',
      'UNSUB_REASON',
      'CLEAN_TIME',
      'CLEAN_CAMPAIGN_TITLE',
    ],
  },
];

/** Header key with numbers replaced by `#`, so numbered column groups compare equal. */
function patternKey(header: string): string {
  return normaliseHeader(header.replace(/#/g, '0')).replace(/\d+/g, '#');
}

export interface PresetColumn {
  /** Rapport field, or null for a column the format has but Rapport ignores. */
  field: string | null;
  /** Position in the preset; lower means higher priority when values are gathered. */
  rank: number;
}

/** How a preset treats a header, or undefined when the preset does not know the column. */
export function presetColumn(preset: Preset, header: string): PresetColumn | undefined {
  const exact = normaliseHeader(header);
  const pattern = patternKey(header);
  const entries: [string, string | null][] = [...Object.entries(preset.columns), ...preset.ignored.map((column): [string, null] => [column, null])];
  let byPattern: PresetColumn | undefined;
  for (const [rank, [column, field]] of entries.entries()) {
    // "Address 1 - Street" names one column; "Address # - Street" and "First Name" also match numbered variants.
    if (!column.includes('#') && normaliseHeader(column) === exact) return { field, rank };
    if (!/\d/.test(column) && !byPattern && patternKey(column) === pattern) byPattern = { field, rank };
  }
  return byPattern;
}

export interface PresetMatch {
  preset: Preset;
  /** Overlap of the header line and the preset's known columns, 0..1. */
  score: number;
}

const MIN_SCORE = 0.3;
const MIN_SHARED_COLUMNS = 3;
/** A file with only some of a format's columns (the user picked them) still matches when most of its own are known. */
const SUBSET_MIN_SHARED = 6;
const SUBSET_MIN_KNOWN = 0.75;
const SUBSET_WEIGHT = 0.8;

/** Finds the export format a header line most likely comes from, or null. */
export function detectPreset(headers: string[]): PresetMatch | null {
  const fileKeys = new Set(headers.map(patternKey));
  let best: PresetMatch | null = null;
  for (const preset of PRESETS) {
    const presetKeys = new Set([...Object.keys(preset.columns), ...preset.ignored].map(patternKey));
    let shared = 0;
    for (const key of fileKeys) if (presetKeys.has(key)) shared++;
    const jaccard = shared / (fileKeys.size + presetKeys.size - shared);
    const known = shared / fileKeys.size;
    const subset = shared >= SUBSET_MIN_SHARED && known >= SUBSET_MIN_KNOWN ? known * SUBSET_WEIGHT : 0;
    const score = Math.max(jaccard, subset);
    if (shared >= MIN_SHARED_COLUMNS && score >= MIN_SCORE && (!best || score > best.score)) best = { preset, score };
  }
  return best;
}

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
