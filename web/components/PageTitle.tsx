import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';

let isFirstPage = true;

/**
 * The one h1 of a page. It also names the browser tab, and after a client-side navigation it takes
 * focus so screen reader users hear where they landed (the first page keeps the browser's own focus).
 */
export function PageTitle({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${children} – Groeipad`;
  }, [children]);

  useEffect(() => {
    if (!isFirstPage) ref.current?.focus();
    isFirstPage = false;
  }, []);

  return (
    <Title order={1} ref={ref} tabIndex={-1} size="h2" mb="xs" className="break-anywhere">
      {children}
    </Title>
  );
}
