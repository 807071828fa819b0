import { iluoFilledPolygon } from '#shared/iluo';

/** The colours of the wall chart (server/modules/iluo/wall-chart.ts): the fill keeps 5:1 against white. */
const FILL = '#2f7d4a';
const INK = '#1f3a2a';

interface Props {
  level: number;
  size?: number;
  /** The level in words: the icon is then an image with that name; without it the icon is decoration. */
  label?: string;
}

/**
 * The four-quarter ILUO symbol: one quarter filled per level, clockwise from 12 o'clock. The same geometry as the
 * printed wall chart (shared/iluo.ts iluoFilledPolygon).
 */
export function IluoIcon({ level, size = 24, label }: Props) {
  const c = size / 2;
  const r = c - 1.5;
  const filled = iluoFilledPolygon(level, c, c, r);
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
      style={{ flexShrink: 0 }}
    >
      {filled.length > 0 && <polygon points={filled.map((p) => `${p.x},${p.y}`).join(' ')} fill={FILL} />}
      <circle cx={c} cy={c} r={r} fill="none" stroke={INK} strokeWidth={1.2} />
      <line x1={c} y1={c - r} x2={c} y2={c + r} stroke={INK} strokeWidth={0.8} />
      <line x1={c - r} y1={c} x2={c + r} y2={c} stroke={INK} strokeWidth={0.8} />
    </svg>
  );
}
