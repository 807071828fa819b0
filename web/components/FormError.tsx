import { Alert } from '@mantine/core';

/** A failure that belongs to no single field; role="alert" makes screen readers announce it. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {message}
    </Alert>
  );
}
