export type QuoteStatus = 'draft' | 'sent' | 'viewed' | 'accepted' | 'declined' | 'expired' | 'converted';

export interface QuoteLine {
  id?: string;
  product_id: string | null;
  sku?: string | null;
  name: string;
  description?: string | null;
  quantity: number;
  unit_price: number;
  discount_percent: number;
  tax_rate: number;
  net?: number;
}

export interface Quote {
  id: string;
  number: string;
  version: number;
  title: string | null;
  customer_id: string;
  deal_id: string | null;
  status: QuoteStatus;
  currency: string;
  valid_until: string;
  terms: string | null;
  notes: string | null;
  discount_percent: number;
  subtotal: number;
  discount_total: number;
  tax_total: number;
  total: number;
  sent_at: string | null;
  viewed_at: string | null;
  accepted_at: string | null;
  accepted_by: string | null;
  accepted_pdf_sha256: string | null;
  declined_at: string | null;
  decline_reason: string | null;
  converted_at: string | null;
  order_id: string | null;
  task_id: string | null;
  previous_version_id: string | null;
  superseded_by_id: string | null;
  created_at: string;
  updated_at: string;
  lines: QuoteLine[];
}

export interface QuoteActivity {
  id: string;
  kind: string;
  at: string;
  ip: string | null;
  user_agent: string | null;
  detail: string | null;
  pdf_sha256: string | null;
}

export interface ProductOption {
  id: string;
  name: string;
  sku: string | null;
  price: number | null;
}
