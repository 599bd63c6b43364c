import type { components } from '../lib/api-types';

type Schemas = components['schemas'];
export type Quote = Schemas['Quote'];
export type QuoteStatus = Quote['status'];
export type QuoteActivity = Schemas['QuoteActivity'];
/** A line being edited: read back from a quote, or new from a product (no id, no net amount yet). */
export type QuoteLine = Omit<Schemas['QuoteLine'], 'id' | 'net' | 'sku' | 'description'> & Partial<Pick<Schemas['QuoteLine'], 'id' | 'net' | 'sku' | 'description'>>;
/** A catalogue product as the quote editor lists it. */
export type ProductOption = Pick<Schemas['Product'], 'id' | 'name' | 'sku' | 'price'>;
