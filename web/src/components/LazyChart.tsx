import { lazy, Suspense, type ComponentProps } from 'react';
import { Loading } from './ui';

// ECharts loads with the first page that draws a chart, keeping the first page load small.
const Chart = lazy(() => import('./Chart'));

export function LazyChart(props: ComponentProps<typeof Chart>) {
  return (
    <Suspense
      fallback={
        <div style={{ height: props.height ?? 240 }}>
          <Loading label="Loading chart…" />
        </div>
      }
    >
      <Chart {...props} />
    </Suspense>
  );
}
