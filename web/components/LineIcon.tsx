import type { ReactNode } from 'react';

/**
 * A pictogram as a simple line drawing on a 24 × 24 grid, in the text's colour. Always next to a word, never the
 * only label, so it is hidden from screen readers.
 */
export function LineIcon({ children, size = 24 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}
