import { Alert, Button, Card, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BREAK_GLASS_DEFAULT_HOURS, breakGlassBody } from '#shared/sensitive';
import { FormError } from '../../components/FormError';
import { api } from '../../lib/api';
import { translatedIssues } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { notify } from '../../lib/notify';
import { storeAccess } from './queries';
import { splitError } from './rules';
import { breakGlassHours } from './words';

/** The longest reason the server takes (shared/sensitive.ts). */
const REASON_MAX = 500;

/** Break-the-glass: a coach or admin without access states why, for how long, and is told who will know. */
export function BreakGlassForm({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const toBody = (v: { reason: string; hours: string }) => ({ reason: v.reason.trim(), hours: Number(v.hours) });
  const form = useForm({
    initialValues: { reason: '', hours: String(BREAK_GLASS_DEFAULT_HOURS) },
    validate: (values) => {
      const result = breakGlassBody.safeParse(toBody(values));
      return result.success ? {} : translatedIssues(t, result.error.issues, toBody(values));
    },
  });

  const onSubmit = form.onSubmit(
    async (values) => {
      setError(null);
      setPending(true);
      try {
        const access = await api.sensitive.breakGlass(participantId, toBody(values));
        notify(t('actionPlans.breakGlass.done', { time: access.expiresAt ? formatDateTime(access.expiresAt) : '' }));
        await storeAccess(queryClient, access);
      } catch (err) {
        const { fields, message } = splitError(t, err, (path) => path in values);
        form.setErrors(fields);
        setError(message);
      } finally {
        setPending(false);
      }
    },
    () => document.querySelector<HTMLElement>('#break-glass [aria-invalid="true"]')?.focus(),
  );

  const length = form.getValues().reason.length;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="break-glass-title">
      <form id="break-glass" onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="break-glass-title">
            {t('actionPlans.breakGlass.title')}
          </Title>
          <Text>{t('actionPlans.breakGlass.explain')}</Text>
          <Alert color="orange" variant="light">
            {t('actionPlans.breakGlass.warning')}
          </Alert>
          <Textarea
            label={t('actionPlans.breakGlass.reason')}
            description={
              <>
                {t('actionPlans.breakGlass.reasonHint')}{' '}
                {t('actionPlans.breakGlass.count', { count: length, max: REASON_MAX })}
              </>
            }
            required
            autosize
            minRows={3}
            maxRows={8}
            maxLength={REASON_MAX}
            {...form.getInputProps('reason')}
          />
          <NativeSelect
            label={t('actionPlans.breakGlass.hours')}
            data={breakGlassHours.map((h) => ({
              value: String(h),
              label: t('actionPlans.breakGlass.hourOption', { count: h }),
            }))}
            {...form.getInputProps('hours')}
          />
          <FormError message={error} />
          <Button type="submit" color="red" loading={pending} style={{ alignSelf: 'flex-start' }}>
            {t('actionPlans.breakGlass.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
