import type { LineSeriesOption, RadarSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  RadarComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/**
 * The one option type of our charts: only the series and components EChart.tsx registers. Type-only imports, so
 * the option builders stay out of the ECharts chunk and the chunk stays out of every page without a chart.
 */
export type ChartOption = ComposeOption<
  | RadarSeriesOption
  | LineSeriesOption
  | RadarComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
>;
