import type { ReactNode } from 'react';

export interface LineIconProps {
  children: ReactNode;
  /** Width and height in pixels. */
  size?: number;
  strokeWidth?: number;
  className?: string;
}

/**
 * A pictogram as a simple line drawing on a 24 × 24 grid, in the text's colour. Always next to a word, never the
 * only label, so it is hidden from screen readers.
 */
export function LineIcon({ children, size = 24, strokeWidth = 2, className }: LineIconProps) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      {children}
    </svg>
  );
}
