/** GET /api/today (src/today/routes.ts). */
export type TodayKind = 'task' | 'deal' | 'quote' | 'contract' | 'customer';

export interface TodayItem {
  kind: TodayKind;
  id: string;
  title: string;
  reason: string;
  expected_value: number;
  value: number | null;
  probability: number | null;
  currency: string;
  comparable: boolean;
  customer_id: string | null;
  due: string | null;
  link: string;
}

export interface Today {
  as_of: string;
  today: string;
  time_zone: string;
  currency: string;
  default_task_value: number;
  counts: Record<TodayKind, number>;
  items: TodayItem[];
}
