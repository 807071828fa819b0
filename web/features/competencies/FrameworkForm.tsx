import { Alert, Button, Fieldset, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { type FrameworkInput, frameworkInput } from '#shared/competencies';
import { FormError } from '../../components/FormError';
import { ApiError } from '../../lib/api';
import { errorText, fieldErrorText } from '../../lib/errors';
import { useSchemaForm } from '../../lib/forms';
import { CompetencyList } from './CompetencyList';
import { type FrameworkDraft, toBody } from './draft';
import { ScaleFields } from './ScaleFields';

interface Props {
  initial: FrameworkDraft;
  /** Read-only (an archived framework): the fields show, nothing can be saved. */
  readOnly?: boolean;
  submitLabel: string;
  save: (body: FrameworkInput) => Promise<unknown>;
  /** Asked after the form is valid and before saving; false leaves everything as it is. */
  confirm?: (body: FrameworkInput) => Promise<boolean>;
}

/** Field codes of server/modules/competencies that the general error texts do not know. */
const serverFieldText: Record<string, string> = {
  below_job_profile_expectations: 'competencies.editor.scaleBelowProfiles',
};

/**
 * The whole framework in one form: name, scale, competencies. The shared schema checks it in the browser first;
 * what only the server knows (a name in use, job profiles that expect more than a smaller scale) comes back on
 * the field it concerns.
 */
export function FrameworkForm({ initial, readOnly = false, submitLabel, save, confirm }: Props) {
  const { t } = useTranslation();
  const form = useSchemaForm<FrameworkDraft, FrameworkInput>({
    initialValues: initial,
    schema: frameworkInput,
    toBody,
  });
  const [open, setOpen] = useState<string[]>(() =>
    initial.competencies.length === 1 ? [initial.competencies[0]?.uid ?? ''] : [],
  );
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  /** Opens the panels that hold an error, then focuses the first invalid field. */
  const showErrors = (errors: Record<string, unknown>) => {
    const { competencies } = form.getValues();
    const withErrors = new Set(
      Object.keys(errors).flatMap((path) => {
        const index = /^competencies\.(\d+)/.exec(path)?.[1];
        const uid = index === undefined ? undefined : competencies[Number(index)]?.uid;
        return uid ? [uid] : [];
      }),
    );
    flushSync(() => setOpen((current) => [...new Set([...current, ...withErrors])]));
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>('form [aria-invalid="true"], form [data-invalid], form [role="alert"]')
        ?.focus(),
    );
  };

  const onSubmit = form.onSubmit(async (body) => {
    setError(null);
    if (confirm && !(await confirm(body))) return;
    setPending(true);
    try {
      await save(body);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        const errors = Object.fromEntries(
          Object.entries(err.fields).map(([field, code]) => [
            field,
            code in serverFieldText
              ? t(serverFieldText[code] as 'competencies.editor.scaleBelowProfiles')
              : fieldErrorText(t, code),
          ]),
        );
        flushSync(() => form.setErrors(errors));
        showErrors(errors);
      } else {
        setError(errorText(t, err));
      }
    } finally {
      setPending(false);
    }
  }, showErrors);

  const scaleError = typeof form.errors.scale === 'string' ? form.errors.scale : undefined;

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="lg">
          <Fieldset legend={t('competencies.editor.general')}>
            <Stack gap="sm">
              <TextInput label={t('competencies.editor.frameworkName')} required {...form.getInputProps('name')} />
              <Textarea
                label={t('competencies.editor.frameworkDescription')}
                autosize
                minRows={2}
                {...form.getInputProps('description')}
              />
            </Stack>
          </Fieldset>
          <ScaleFields form={form} scaleError={scaleError} />
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('competencies.editor.competencies')}
            </Title>
            <Text size="sm">{t('competencies.editor.competenciesHint')}</Text>
            <CompetencyList form={form} open={open} onOpenChange={setOpen} />
          </Stack>
          <FormError message={error} />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={pending}>
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
      {readOnly && (
        <Alert color="gray" variant="light" mt="md">
          {t('competencies.editor.readOnly')}
        </Alert>
      )}
    </form>
  );
}
