import { LineChart, RadarChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
} from 'echarts/components';
import { type EChartsType, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './chart-types';

// Only what our radar and line charts use: a fraction of the whole library. SVG prints sharp and stays light.
use([
  RadarChart,
  LineChart,
  RadarComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  SVGRenderer,
]);

export interface EChartProps {
  option: ChartOption;
  /** What the picture shows, for screen readers; the table beside it has the numbers. */
  label: string;
  /** A CSS height: a number of pixels, or e.g. a clamp() that grows with the screen. */
  height: number | string;
}

/** One ECharts instance in a div that follows its container's width (a phone turned, a sidebar opened). */
export default function EChart({ option, label, height }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const instance = init(node, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
