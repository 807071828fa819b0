import type { ReactElement } from 'react';
import type { Pictogram as PictogramKey } from '#shared/competencies';
import { LineIcon } from '../../components/LineIcon';

/**
 * Simple line drawings for the pictograms a scale level can show. Decorative only (aria-hidden): the level's
 * label is always written beside it, so a screen reader reads the word once.
 */
const shapes: Record<PictogramKey, ReactElement> = {
  seed: (
    <>
      <path d="M4 20h16" />
      <ellipse cx="12" cy="16" rx="3" ry="2.2" />
    </>
  ),
  sprout: (
    <>
      <path d="M4 20h16" />
      <path d="M12 20v-7" />
      <path d="M12 14c-3.5 0-5-2-5-5 3.5 0 5 2 5 5z" />
      <path d="M12 13c0-3 1.5-5 5-5 0 3-1.5 5-5 5z" />
    </>
  ),
  plant: (
    <>
      <path d="M4 20h16" />
      <path d="M12 20V6" />
      <path d="M12 15c-4 0-6-2.5-6-6 4 0 6 2.5 6 6z" />
      <path d="M12 11c0-3.5 2-6 6-6 0 3.5-2 6-6 6z" />
      <path d="M12 18c2.5 0 4.5-1.5 4.5-4-2.5 0-4.5 1.5-4.5 4z" />
    </>
  ),
  tree: (
    <>
      <path d="M4 21h16" />
      <path d="M12 21v-6" />
      <path d="M12 3c-4 0-7 3-7 6.5S8 15 12 15s7-2 7-5.5S16 3 12 3z" />
    </>
  ),
  star: <path d="M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z" />,
  thumb_up: (
    <>
      <path d="M7 11v9H4v-9z" />
      <path d="M7 11l4-7c1.5 0 2.5 1 2.2 2.6L12.6 10H18a2 2 0 0 1 2 2.3l-1.2 6A2 2 0 0 1 16.8 20H7" />
    </>
  ),
  check: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M7.5 12.5l3 3 6-6.5" />
    </>
  ),
  flag: (
    <>
      <path d="M5 21V4" />
      <path d="M5 4h12l-2.5 4L17 12H5" />
    </>
  ),
};

export interface PictogramProps {
  name: PictogramKey;
  /** Width and height in pixels. */
  size?: number;
  className?: string;
}

export function Pictogram({ name, size = 24, className }: PictogramProps) {
  return (
    <LineIcon size={size} strokeWidth={1.8} className={className}>
      {shapes[name] ?? shapes.check}
    </LineIcon>
  );
}
