import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart';

// ECharts is a chunk of its own: only downloaded when a chart is on screen.
const EChart = lazy(() => import('./EChart'));

export function Chart(props: EChartProps) {
  return (
    <Suspense fallback={<Skeleton height={props.height} aria-hidden />}>
      <EChart {...props} />
    </Suspense>
  );
}
