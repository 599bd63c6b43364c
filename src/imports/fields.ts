import { dealEntity, entities } from '../schema/entities.js';
import type { FieldDef, FieldType as RegistryFieldType } from '../schema/fields.js';
import type { EntityKind } from './types.js';

/** Registry fields an import gathers under another name: a customer's email and phone go to the lists. */
const FIELD_ALIASES_BY_KIND: Partial<Record<EntityKind, Record<string, string>>> = {
  customers: { email: 'emails', phone: 'phones', name: 'full_name' },
};

type FieldType =
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
  | 'country'
  | 'time_zone';

export interface FieldSpec {
  type: FieldType;
  /** Header names that map to this field; compared after normaliseHeader. */
  synonyms: string[];
}

/**
 * Columns of a file that are not fields of the entity: the source's own ids, the customer an order or
 * interaction belongs to, an order's line, and a whole name that the cleaner splits into first and last
 * name when those are missing. Every field of the entity itself comes from the field registry.
 */
const fileOnlyFields: Record<EntityKind, Record<string, FieldSpec>> = {
  customers: {
    source_id: { type: 'id', synonyms: ['id', 'customer id', 'contact id', 'record id', 'external id', 'source id', 'client id', 'member id', 'uid'] },
    full_name: { type: 'full_name', synonyms: ['name', 'full name', 'display name', 'contact name', 'customer name', 'customer'] },
  },
  companies: {
    source_id: { type: 'id', synonyms: ['id', 'company id', 'record id', 'external id', 'source id', 'account id'] },
  },
  products: {
    source_id: { type: 'id', synonyms: ['id', 'product id', 'external id', 'source id', 'handle'] },
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
    product_sku: { type: 'text', synonyms: ['sku', 'product sku', 'item sku', 'lineitem sku', 'product code'] },
    product_name: { type: 'text', synonyms: ['product', 'product name', 'item', 'item name', 'lineitem name', 'description'] },
    quantity: { type: 'number', synonyms: ['quantity', 'qty', 'lineitem quantity', 'units'] },
    unit_price: { type: 'money', synonyms: ['unit price', 'price', 'item price', 'lineitem price'] },
  },
  interactions: {
    source_id: { type: 'id', synonyms: ['id', 'interaction id', 'activity id', 'event id', 'external id', 'source id'] },
    customer_source_id: { type: 'id', synonyms: ['customer id', 'customer source id', 'contact id', 'client id'] },
    customer_email: { type: 'email', synonyms: ['email', 'customer email', 'contact email', 'e-mail', 'email address', 'recipient'] },
  },
};

const importTypeOf: Record<RegistryFieldType, FieldType | null> = {
  id: null,
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
  phone_list: 'phones',
};

/** A registry field as an import target, or null when an import never sets it directly. */
function registryTarget(kind: EntityKind, field: FieldDef): FieldSpec | null {
  if (field.readOnly || field.column === null || Object.hasOwn(FIELD_ALIASES_BY_KIND[kind] ?? {}, field.name)) return null;
  const type = field.importAs ?? importTypeOf[field.type];
  if (!type) return null;
  return { type, synonyms: [...new Set([field.label.toLowerCase(), field.name.replace(/_/g, ' '), ...(field.synonyms ?? [])])] };
}

/** Kinds whose rows may open a deal for their customer (see deal-writer.ts). */
export const dealOpeningKinds: readonly EntityKind[] = ['customers', 'orders', 'interactions', 'companies'];

/** The deal a row opens: its pipeline and stage by name, then `deal_<field>` for every writable field of the deal registry. */
function dealTargets(): Record<string, FieldSpec> {
  const targets: Record<string, FieldSpec> = {
    deal_pipeline: { type: 'text', synonyms: ['pipeline', 'deal pipeline', 'sales pipeline', 'pipeline name'] },
    deal_stage: { type: 'text', synonyms: ['deal stage', 'stage', 'pipeline stage', 'stage name'] },
  };
  const extra: Record<string, string[]> = { title: ['deal name', 'deal'] };
  for (const field of dealEntity.fields) {
    if (field.readOnly || field.column === null) continue;
    const type = field.importAs ?? importTypeOf[field.type];
    if (!type) continue;
    const spellings = [field.label.toLowerCase(), field.name.replace(/_/g, ' '), ...(field.synonyms ?? [])].map((s) => (s.startsWith('deal ') ? s : `deal ${s}`));
    targets[`deal_${field.name}`] = { type, synonyms: [...new Set([...spellings, ...(extra[field.name] ?? [])])] };
  }
  return targets;
}

/**
 * The import targets: the file-only columns above, then every writable field of the registry with the
 * spellings and parsing the registry gives it, then (customers, orders, interactions, companies) the deal a row opens. Where two
 * targets share a spelling the earlier one wins.
 */
export const FIELDS: Record<EntityKind, Record<string, FieldSpec>> = Object.fromEntries(
  (Object.keys(fileOnlyFields) as EntityKind[]).map((kind) => {
    const targets: Record<string, FieldSpec> = { ...fileOnlyFields[kind] };
    for (const field of entities[kind].fields) {
      const spec = registryTarget(kind, field);
      if (spec) targets[field.name] = spec;
    }
    if (dealOpeningKinds.includes(kind)) for (const [name, spec] of Object.entries(dealTargets())) if (!Object.hasOwn(targets, name)) targets[name] = spec;
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
