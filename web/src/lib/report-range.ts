import { useMemo } from 'react';
import { resolveRange, type DateRangeValue, type ResolvedRange } from '../components/DateRange';
import { useLocalStorage } from './hooks';

/** The default period of every report: the API's default too (the last 12 months, this one included). */
const defaultReportRange: DateRangeValue = { preset: '12m' };

/**
 * The period the dashboard and the Segments page report on: one choice, remembered, so a revenue share
 * reads the same on both pages and each says which period it covers.
 */
export function useReportRange(): { value: DateRangeValue; setValue: (v: DateRangeValue) => void; range: ResolvedRange } {
  const [value, setValue] = useLocalStorage<DateRangeValue>('rapport.dashboard.range', defaultReportRange);
  const range = useMemo(() => resolveRange(value), [value]);
  return { value, setValue, range };
}
