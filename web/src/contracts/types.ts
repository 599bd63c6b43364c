/** A contract as the API answers (GET /api/contracts). */
export interface Contract {
  id: string;
  title: string;
  customer_id: string | null;
  deal_id: string | null;
  quote_id: string | null;
  starts_on: string;
  ends_on: string | null;
  value: number | null;
  currency: string | null;
  billing_period: 'one_off' | 'monthly' | 'quarterly' | 'yearly' | null;
  renewal_notice_days: number | null;
  auto_renew: boolean | null;
  status: 'draft' | 'active' | 'expiring' | 'ended' | 'renewed';
  notes: string | null;
  file_name: string | null;
  file_size: number | null;
  renewal_task_id: string | null;
  renewal_deal_id: string | null;
  renewed_from_id: string | null;
  renewed_to_id: string | null;
  [key: string]: unknown;
}
