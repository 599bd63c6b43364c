/** The deals API's shapes (see /api/openapi.json: Pipeline, DealBoard, Deal, DealStageChange). */
export type StageKind = 'open' | 'won' | 'lost';

export interface Stage {
  id: string;
  pipeline_id: string;
  name: string;
  position: number;
  probability: number;
  kind: StageKind;
}

export interface Pipeline {
  id: string;
  name: string;
  position: number;
  rotten_days: number | null;
  lost_reason_required: boolean;
  stages: Stage[];
}

export interface StageProbability {
  configured: number;
  learnt: number;
  deals_seen: number;
  won: number;
  lost: number;
  used: number;
  basis: 'learnt' | 'configured';
}

export interface CurrencyTotal {
  currency: string;
  deals: number;
  value: number;
}

export interface DealCard {
  id: string;
  title: string;
  value: number | null;
  currency: string | null;
  customer_id: string | null;
  customer_name: string | null;
  expected_close_date: string | null;
  stage_changed_at: string | null;
  last_activity_at: string | null;
  days_without_activity: number;
  rotten: boolean;
}

export interface BoardColumn {
  stage: Stage;
  probability: StageProbability;
  deals: DealCard[];
  count: number;
  total: number;
  weighted: number;
  rotten: number;
  other_currencies: CurrencyTotal[];
}

export interface Board {
  pipeline: Pipeline;
  currency: string;
  closed_days: number;
  per_stage: number;
  columns: BoardColumn[];
  total: number;
  weighted: number;
}

export interface Deal {
  id: string;
  title: string;
  customer_id: string | null;
  company_id: string | null;
  pipeline_id: string;
  stage_id: string;
  status: StageKind;
  value: number | null;
  currency: string | null;
  expected_close_date: string | null;
  source: string | null;
  lost_reason: string | null;
  notes: string | null;
  stage_changed_at: string | null;
  last_activity_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  lines: { id: string; product_id: string | null; sku: string | null; product_name: string | null; quantity: number; unit_price: number }[];
}

export interface StageChange {
  id: string;
  from_stage_id: string | null;
  stage_id: string;
  stage_name: string | null;
  entered_at: string;
  left_at: string | null;
  days_in_stage: number;
  actor: string;
}
