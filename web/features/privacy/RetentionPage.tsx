import { Alert, Anchor, Button, Card, NumberInput, Radio, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionOverview } from '#shared/privacy';
import { FormActions } from '../../components/FormActions';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { api } from '../../lib/api';
import { notify } from '../../lib/notify';
import { formatDate, today } from '../participants/dates';
import { splitError } from './fieldErrors';
import { retentionQuery } from './queries';
import { RunRetentionDialog } from './RunRetentionDialog';
import {
  addMonths,
  RETENTION_MAX_MONTHS,
  RETENTION_MIN_MONTHS,
  type RetentionValues,
  retentionBody,
  retentionValues,
  validMonths,
} from './retention';
import './messages';

/** /instellingen/privacy (admin): the retention period after exit and who is due for erasure now. */
export function RetentionPage() {
  const { t } = useTranslation();
  const query = useQuery(retentionQuery);
  return (
    <Stack gap="md">
      <PageTitle>{t('privacy.retention.title')}</PageTitle>
      <Text>{t('privacy.retention.intro')}</Text>
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <RetentionForm
            // A saved setting starts the form afresh, so "cancel" returns to what is stored.
            key={String(query.data.settings.monthsAfterExit)}
            overview={query.data}
          />
          <DueList overview={query.data} />
        </>
      )}
    </Stack>
  );
}

function RetentionForm({ overview }: { overview: RetentionOverview }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const range = { min: RETENTION_MIN_MONTHS, max: RETENTION_MAX_MONTHS };
  const form = useForm<RetentionValues>({
    initialValues: retentionValues(overview.settings.monthsAfterExit),
    validate: {
      months: (months, values) =>
        values.mode === 'on' && !validMonths(months) ? t('privacy.retention.monthsRange', range) : null,
    },
  });
  const save = useMutation({
    mutationFn: (values: RetentionValues) => api.privacy.saveRetention(retentionBody(values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(retentionQuery.queryKey, saved);
      notify(t('privacy.retention.saved'));
    },
    onError: (error) => {
      const { fields, message } = splitError(t, error, (path) => path === 'monthsAfterExit');
      if (fields.monthsAfterExit) form.setFieldError('months', fields.monthsAfterExit);
      setFormError(message);
    },
  });

  const values = form.getValues();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="retention-setting">
      <form
        onSubmit={form.onSubmit(
          (submitted) => {
            setFormError(null);
            save.mutate(submitted);
          },
          () => requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus()),
        )}
        noValidate
      >
        <Stack gap="md">
          <Title order={2} size="h4" id="retention-setting">
            {t('privacy.retention.settingTitle')}
          </Title>
          <Radio.Group label={t('privacy.retention.choice')} {...form.getInputProps('mode')}>
            <Stack gap="xs" mt="xs">
              <Radio value="off" label={t('privacy.retention.off')} />
              <Radio value="on" label={t('privacy.retention.on')} />
            </Stack>
          </Radio.Group>
          {values.mode === 'on' && (
            <NumberInput
              label={t('privacy.retention.months')}
              description={t('privacy.retention.monthsHint', range)}
              required
              min={RETENTION_MIN_MONTHS}
              max={RETENTION_MAX_MONTHS}
              // Out of range is said on the field, not silently changed into the nearest allowed number.
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              maw={240}
              {...form.getInputProps('months')}
            />
          )}
          <Text size="sm" aria-live="polite">
            {values.mode === 'off'
              ? t('privacy.retention.exampleOff')
              : validMonths(values.months)
                ? t('privacy.retention.example', { date: formatDate(addMonths(today(), values.months)) })
                : null}
          </Text>
          <Text size="sm">{t('privacy.retention.nightly')}</Text>
          <FormActions error={formError} pending={save.isPending} onCancel={() => form.reset()} />
        </Stack>
      </form>
    </Card>
  );
}

function DueList({ overview }: { overview: RetentionOverview }) {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [erased, setErased] = useState<number | null>(null);
  const off = overview.settings.monthsAfterExit === null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="retention-due">
      <Stack gap="sm">
        <Title order={2} size="h4" id="retention-due">
          {t('privacy.retention.dueTitle')}
        </Title>
        {erased !== null && (
          <Alert color="groen" variant="light" role="status">
            {t('privacy.retention.runDone', { count: erased })}
          </Alert>
        )}
        <ResponsiveTable
          caption={t('privacy.retention.dueCaption')}
          rows={overview.due}
          rowKey={(row) => row.participantId}
          empty={off ? t('privacy.retention.dueOff') : t('privacy.retention.dueEmpty')}
          columns={[
            {
              header: t('privacy.retention.name'),
              cell: (row) => (
                <Anchor
                  renderRoot={(props) => <Link to="/deelnemers/$id" params={{ id: row.participantId }} {...props} />}
                >
                  {row.name}
                </Anchor>
              ),
            },
            { header: t('privacy.retention.exitDate'), cell: (row) => formatDate(row.exitDate) },
            { header: t('privacy.retention.dueSince'), cell: (row) => formatDate(row.dueSince) },
          ]}
        />
        {overview.due.length > 0 && (
          <div>
            <Button color="red" onClick={() => setRunning(true)}>
              {t('privacy.retention.runAll')}
            </Button>
          </div>
        )}
      </Stack>
      {running && (
        <RunRetentionDialog
          count={overview.due.length}
          onClose={() => setRunning(false)}
          onDone={(count) => {
            setErased(count);
            setRunning(false);
          }}
        />
      )}
    </Card>
  );
}
