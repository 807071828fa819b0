import type { SeriesStyle } from './styles';

/** The marker shapes of ECharts' symbols, drawn in a 10 × 10 box around (0, 0). */
const markers: Record<string, (color: string) => React.ReactNode> = {
  circle: (color) => <circle r={4} fill={color} />,
  emptyCircle: (color) => <circle r={3.5} fill="#FFFFFF" stroke={color} strokeWidth={1.5} />,
  rect: (color) => <rect x={-4} y={-4} width={8} height={8} fill={color} />,
  roundRect: (color) => <rect x={-4} y={-4} width={8} height={8} rx={2} fill={color} />,
  triangle: (color) => <path d="M0 -5 L5 4 L-5 4 Z" fill={color} />,
  diamond: (color) => <path d="M0 -5 L4 0 L0 5 L-4 0 Z" fill={color} />,
  pin: (color) => <path d="M0 5 L-3.5 0 A4 4 0 1 1 3.5 0 Z" fill={color} />,
  arrow: (color) => <path d="M0 -5 L4 5 L0 2 L-4 5 Z" fill={color} />,
};

const dash = (line: SeriesStyle['line']) =>
  line === 'solid' ? undefined : line === 'dashed' ? '5 3' : line === 'dotted' ? '1.5 2.5' : line.join(' ');

/**
 * A line's key as the chart draws it (colour, line pattern and marker), beside its name outside the chart, so the
 * reader can match name and line without the chart's own legend. Decorative: the name beside it is the text.
 */
export function LineSwatch({ style }: { style: SeriesStyle }) {
  return (
    <svg width={28} height={12} viewBox="0 0 28 12" aria-hidden="true" focusable="false" style={{ flex: 'none' }}>
      <line
        x1={1}
        y1={6}
        x2={27}
        y2={6}
        stroke={style.color}
        strokeWidth={style.width}
        strokeDasharray={dash(style.line)}
      />
      {style.symbol !== 'none' && <g transform="translate(14 6)">{markers[style.symbol]?.(style.color)}</g>}
    </svg>
  );
}
