import { entities } from '../schema/entities.js';
import type { FieldType as RegistryFieldType } from '../schema/fields.js';
import type { EntityKind } from './types.js';

const FIELD_ALIASES_BY_KIND: Partial<Record<EntityKind, Record<string, string>>> = {
  customers: { email: 'emails', phone: 'phones', name: 'full_name' },
};

/** Registry fields an import never sets directly: lists gathered under another name, and Rapport's own ids. */
const notImportTargets = new Set(['email', 'phone', 'emails', 'phones', 'customer_id', 'company_id', 'order_id']);

export type FieldType =
  | 'id'
  | 'text'
  | 'long_text'
  | 'name'
  | 'full_name'
  | 'email'
  | 'emails'
  | 'phone'
  | 'phones'
  | 'date'
  | 'datetime'
  | 'int'
  | 'number'
  | 'money'
  | 'boolean'
  | 'tags'
  | 'interaction_type'
  | 'direction'
  | 'address'
  | 'country';

export interface FieldSpec {
  type: FieldType;
  /** Header names that map to this field; compared after normaliseHeader. */
  synonyms: string[];
}

const address = (synonyms: string[] = []): FieldSpec => ({
  type: 'address',
  synonyms: ['address', 'street', 'street address', 'address line', 'address line 1', 'address 1', 'address line 2', 'address 2', 'addr', ...synonyms],
});
const city: FieldSpec = { type: 'text', synonyms: ['city', 'town', 'locality', 'suburb'] };
const region: FieldSpec = { type: 'text', synonyms: ['state', 'region', 'province', 'county', 'state province', 'province code', 'state code'] };
const postcode: FieldSpec = { type: 'text', synonyms: ['postcode', 'zip', 'zip code', 'zipcode', 'postal code', 'post code', 'plz'] };
/** Stored as an ISO 3166-1 alpha-2 code; text that is not a known country is kept as written and flagged. */
const country: FieldSpec = { type: 'country', synonyms: ['country', 'country code', 'country region', 'nation'] };
const notes: FieldSpec = { type: 'long_text', synonyms: ['notes', 'note', 'comments', 'comment', 'remarks'] };

/**
 * Rapport's import targets per entity kind. `full_name` is not stored: the cleaner splits it
 * into first and last name when those are missing.
 */
const importFields: Record<EntityKind, Record<string, FieldSpec>> = {
  customers: {
    source_id: { type: 'id', synonyms: ['id', 'customer id', 'contact id', 'record id', 'external id', 'source id', 'client id', 'member id', 'uid'] },
    full_name: { type: 'full_name', synonyms: ['name', 'full name', 'display name', 'contact name', 'customer name', 'customer'] },
    first_name: { type: 'name', synonyms: ['first name', 'firstname', 'given name', 'forename', 'first', 'fname', 'vorname', 'prenom'] },
    last_name: { type: 'name', synonyms: ['last name', 'lastname', 'surname', 'family name', 'last', 'lname', 'nachname', 'nom'] },
    emails: {
      type: 'emails',
      synonyms: ['email', 'e-mail', 'emails', 'email address', 'e-mail address', 'mail', 'primary email', 'work email', 'home email', 'personal email', 'other email'],
    },
    phones: {
      type: 'phones',
      synonyms: ['phone', 'phones', 'telephone', 'tel', 'mobile', 'cell', 'phone number', 'mobile phone', 'mobile number', 'cell phone', 'home phone', 'work phone', 'business phone', 'primary phone', 'contact number'],
    },
    company: { type: 'text', synonyms: ['company', 'company name', 'organization', 'organisation', 'organization name', 'employer', 'business name', 'org'] },
    title: { type: 'text', synonyms: ['job title', 'title', 'position', 'role', 'occupation', 'organization title'] },
    address: address(),
    city,
    region,
    postcode,
    country,
    birthday: { type: 'date', synonyms: ['birthday', 'date of birth', 'dob', 'birth date', 'birthdate'] },
    age: { type: 'int', synonyms: ['age'] },
    income: { type: 'money', synonyms: ['income', 'annual income', 'salary'] },
    gender: { type: 'text', synonyms: ['gender', 'sex'] },
    source: { type: 'text', synonyms: ['source', 'lead source', 'origin', 'acquisition channel'] },
    tags: { type: 'tags', synonyms: ['tags', 'tag', 'labels', 'categories', 'groups', 'group membership', 'keywords', 'segments', 'segment'] },
    notes: { type: 'long_text', synonyms: [...notes.synonyms, 'description'] },
    consent_email: {
      type: 'boolean',
      synonyms: ['consent email', 'email consent', 'accepts email marketing', 'accepts marketing', 'email opt in', 'opt in', 'subscribed', 'newsletter', 'marketing consent'],
    },
    consent_sms: { type: 'boolean', synonyms: ['consent sms', 'sms consent', 'accepts sms marketing', 'sms opt in'] },
    // The source's creation date: when the person became a customer, not when the file was imported.
    customer_since: { type: 'datetime', synonyms: ['customer since', 'created at', 'created', 'create date', 'date created', 'creation date', 'signup date', 'registration date', 'joined', 'created utc'] },
  },
  companies: {
    source_id: { type: 'id', synonyms: ['id', 'company id', 'record id', 'external id', 'source id', 'account id'] },
    name: { type: 'text', synonyms: ['name', 'company', 'company name', 'organization', 'organisation', 'account name', 'business name'] },
    domain: { type: 'text', synonyms: ['domain', 'website', 'web', 'url', 'company domain name', 'web page'] },
    industry: { type: 'text', synonyms: ['industry', 'sector', 'vertical'] },
    phone: { type: 'phone', synonyms: ['phone', 'telephone', 'phone number', 'main phone', 'company main phone', 'business phone'] },
    address: address(),
    city,
    region,
    postcode,
    country,
    notes: { type: 'long_text', synonyms: [...notes.synonyms, 'description'] },
  },
  products: {
    source_id: { type: 'id', synonyms: ['id', 'product id', 'external id', 'source id', 'handle'] },
    sku: { type: 'text', synonyms: ['sku', 'variant sku', 'item code', 'product code', 'article number', 'code'] },
    name: { type: 'text', synonyms: ['name', 'title', 'product name', 'product', 'item', 'item name'] },
    category: { type: 'text', synonyms: ['category', 'type', 'product type', 'collection', 'product category'] },
    price: { type: 'money', synonyms: ['price', 'unit price', 'variant price', 'list price'] },
  },
  orders: {
    source_id: { type: 'id', synonyms: ['order id', 'order', 'order number', 'order no', 'order name', 'id', 'invoice number'] },
    customer_source_id: { type: 'id', synonyms: ['customer id', 'customer source id', 'client id', 'contact id'] },
    customer_email: { type: 'email', synonyms: ['email', 'customer email', 'e-mail', 'email address', 'buyer email'] },
    // Who placed the order, for creating the customer when the file's customer id and email match no one.
    customer_full_name: { type: 'full_name', synonyms: ['customer name', 'billing name', 'buyer name', 'name on order'] },
    customer_first_name: { type: 'name', synonyms: ['customer first name', 'billing first name', 'first name'] },
    customer_last_name: { type: 'name', synonyms: ['customer last name', 'billing last name', 'last name'] },
    customer_phones: { type: 'phones', synonyms: ['customer phone', 'billing phone', 'phone'] },
    customer_country: { type: 'country', synonyms: ['customer country', 'billing country', 'country', 'country code'] },
    ordered_at: { type: 'datetime', synonyms: ['ordered at', 'order date', 'date', 'created at', 'created', 'created utc', 'purchase date'] },
    status: { type: 'text', synonyms: ['status', 'order status', 'financial status', 'payment status'] },
    currency: { type: 'text', synonyms: ['currency', 'currency code'] },
    total: { type: 'money', synonyms: ['total', 'order total', 'grand total', 'amount', 'total amount', 'total price'] },
    // A referral code here attributes a new customer to its owner; a reward code counts as used.
    discount_code: { type: 'text', synonyms: ['discount code', 'discount', 'coupon', 'coupon code', 'promo code', 'voucher', 'voucher code', 'referral code'] },
    product_sku: { type: 'text', synonyms: ['sku', 'product sku', 'item sku', 'lineitem sku', 'product code'] },
    product_name: { type: 'text', synonyms: ['product', 'product name', 'item', 'item name', 'lineitem name', 'description'] },
    quantity: { type: 'number', synonyms: ['quantity', 'qty', 'lineitem quantity', 'units'] },
    unit_price: { type: 'money', synonyms: ['unit price', 'price', 'item price', 'lineitem price'] },
  },
  interactions: {
    source_id: { type: 'id', synonyms: ['id', 'interaction id', 'activity id', 'event id', 'external id', 'source id'] },
    customer_source_id: { type: 'id', synonyms: ['customer id', 'customer source id', 'contact id', 'client id'] },
    customer_email: { type: 'email', synonyms: ['email', 'customer email', 'contact email', 'e-mail', 'email address', 'recipient'] },
    type: { type: 'interaction_type', synonyms: ['type', 'activity type', 'interaction type', 'kind', 'event type'] },
    direction: { type: 'direction', synonyms: ['direction', 'inbound outbound', 'in out'] },
    occurred_at: { type: 'datetime', synonyms: ['occurred at', 'date', 'timestamp', 'time', 'datetime', 'sent at', 'created at', 'event date'] },
    subject: { type: 'text', synonyms: ['subject', 'title', 'topic'] },
    body: { type: 'long_text', synonyms: ['body', 'message', 'content', 'text', 'note', 'notes', 'details', 'description'] },
    campaign: { type: 'text', synonyms: ['campaign', 'campaign name'] },
    channel: { type: 'text', synonyms: ['channel', 'medium'] },
    opened: { type: 'boolean', synonyms: ['opened', 'open', 'was opened'] },
    clicked: { type: 'boolean', synonyms: ['clicked', 'click', 'was clicked'] },
    converted: { type: 'boolean', synonyms: ['converted', 'conversion', 'was converted'] },
  },
};

const importTypeOf: Partial<Record<RegistryFieldType, FieldType>> = {
  text: 'text',
  longtext: 'long_text',
  email: 'email',
  integer: 'int',
  number: 'number',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  select: 'text',
  string_list: 'tags',
};

/**
 * The import targets: the fields above, which know how each source spells them, plus every other
 * writable field of the registry, so that a field added there can be imported with no edit here.
 * Registry synonyms add to the spellings recognised.
 */
export const FIELDS: Record<EntityKind, Record<string, FieldSpec>> = Object.fromEntries(
  (Object.keys(importFields) as EntityKind[]).map((kind) => {
    const targets: Record<string, FieldSpec> = { ...importFields[kind] };
    for (const field of entities[kind].fields) {
      if (field.readOnly || field.column === null || (notImportTargets.has(field.name) && !Object.hasOwn(importFields[kind], field.name))) continue;
      const registrySynonyms = [field.label.toLowerCase(), field.name.replace(/_/g, ' '), ...(field.synonyms ?? [])];
      const known = targets[field.name];
      if (known) targets[field.name] = { ...known, synonyms: [...new Set([...known.synonyms, ...registrySynonyms])] };
      else if (importTypeOf[field.type]) targets[field.name] = { type: importTypeOf[field.type]!, synonyms: registrySynonyms };
    }
    return [kind, targets];
  }),
) as Record<EntityKind, Record<string, FieldSpec>>;

/** Spelling a user may give in an override that means a gathered list field. */
export const FIELD_ALIASES: Partial<Record<EntityKind, Record<string, string>>> = FIELD_ALIASES_BY_KIND;

/** Lowercase, no accents, no spaces or punctuation: "E-Mail Address" -> "emailaddress". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
