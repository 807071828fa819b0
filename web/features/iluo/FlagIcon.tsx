import type { SkillFlag } from '#shared/iluo';

const colours: Record<SkillFlag, { fill: string; ink: string }> = {
  no_coverage: { fill: '#c92a2a', ink: '#ffffff' },
  single_point_of_failure: { fill: '#e8590c', ink: '#ffffff' },
};

/**
 * A warning triangle with an exclamation mark: the flags are never shown by colour alone. With a label it is an
 * image with that name; without one it decorates a text that says the same.
 */
export function FlagIcon({ flag, label, size = 18 }: { flag: SkillFlag; label?: string; size?: number }) {
  const { fill, ink } = colours[flag];
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 20 20"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
      style={{ flexShrink: 0 }}
    >
      <path d="M10 1.5 19 18H1z" fill={fill} stroke="#5c1a1a" strokeWidth="0.8" strokeLinejoin="round" />
      <rect x="9" y="7" width="2" height="6" rx="1" fill={ink} />
      <circle cx="10" cy="15.3" r="1.1" fill={ink} />
    </svg>
  );
}
