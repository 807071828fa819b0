import { Button, type ButtonProps } from '@mantine/core';
import type { ComponentPropsWithoutRef, MouseEvent } from 'react';

type Props = ButtonProps &
  Omit<ComponentPropsWithoutRef<'button'>, keyof ButtonProps> & {
    /** The work this button started is running: it shows Mantine's loader and ignores presses. */
    busy: boolean;
  };

/**
 * A Mantine Button for actions that take a moment. Mantine's `loading` sets `disabled`, and a disabled button drops
 * keyboard focus to <body>: the user has to find their place again. This one stays focusable while busy and says so
 * with aria-disabled; a press meanwhile (a click, Enter in a field of its form) is cancelled, so nothing is sent twice.
 */
export function BusyButton({ busy, onClick, disabled, ...props }: Props) {
  const ignoreWhileBusy = (event: MouseEvent<HTMLButtonElement>) => {
    if (busy) {
      // Also stops the submit that Enter in a text field turns into a click on this button.
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <Button
      {...props}
      loading={busy}
      disabled={disabled}
      aria-disabled={busy || undefined}
      onClick={ignoreWhileBusy}
      // Mantine passes disabled={disabled || loading} to the element; only the real `disabled` may reach it.
      renderRoot={(root) => <button {...root} disabled={disabled} />}
    />
  );
}
