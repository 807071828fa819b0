import { type UseFormReturnType, useForm } from '@mantine/form';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from './api';
import { errorText, translatedFieldErrors, translatedIssues } from './errors';

interface SchemaFormOptions<Values, Body> {
  initialValues: Values;
  /** The shared request schema: the browser checks what the server will check, with translated messages. */
  schema: z.ZodType;
  /** Form fields are strings; the request body may leave empty optional fields out. */
  toBody: (values: Values) => Body;
}

export function useSchemaForm<Values extends Record<string, unknown>, Body>({
  initialValues,
  schema,
  toBody,
}: SchemaFormOptions<Values, Body>) {
  const { t } = useTranslation();
  return useForm<Values, Body>({
    initialValues,
    transformValues: toBody,
    validate: (values) => {
      const body = toBody(values);
      const result = schema.safeParse(body);
      return result.success ? {} : translatedIssues(t, result.error.issues, body);
    },
  });
}

function focusFirstInvalidField() {
  // After React has rendered the error state.
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('form [aria-invalid="true"], form [data-invalid]')?.focus();
  });
}

/**
 * Submits a validated form: server field errors land on their inputs, the rest becomes one message
 * for a FormError alert. `pending` disables the submit button while the request runs.
 */
export function useSubmit<Values, Body, Result>(
  form: UseFormReturnType<Values, Body>,
  send: (body: Body) => Promise<Result>,
  onSuccess: (result: Result, body: Body) => void | Promise<void>,
) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = form.onSubmit(async (body) => {
    setError(null);
    setPending(true);
    try {
      const result = await send(body);
      await onSuccess(result, body);
    } catch (err) {
      const fields = err instanceof ApiError ? translatedFieldErrors(t, err) : {};
      const onForm = Object.keys(fields).filter((path) => path in flatten(form.getValues()));
      if (onForm.length > 0) {
        // Outside a React event the render is scheduled, and may come after the next frame: commit it now,
        // or focusFirstInvalidField finds no invalid field yet and focus stays on <body>.
        flushSync(() => form.setErrors(Object.fromEntries(onForm.map((path) => [path, fields[path]]))));
        focusFirstInvalidField();
      } else {
        setError(errorText(t, err));
      }
    } finally {
      setPending(false);
    }
  }, focusFirstInvalidField);

  return { onSubmit, error, pending };
}

/** { admin: { email } } → { "admin.email": … }: the paths Mantine and the server both use. */
function flatten(value: unknown, prefix = ''): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { [prefix]: value };
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value))
    Object.assign(result, flatten(inner, prefix ? `${prefix}.${key}` : key));
  return result;
}
