import { NativeSelect, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FeedbackRules, feedbackRulesBody } from '#shared/feedback';
import { FormActions } from '../../components/FormActions';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { ApiError, api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { useListChoices } from '../lists/queries';
import { RowList } from '../participants/RowCard';
import { teamsQuery } from '../teams/queries';
import { feedbackFieldText, feedbackIssues } from './fieldErrors';
import { feedbackRulesQuery, refreshFeedback } from './queries';

/** /feedbackregels (admin): how often each team or programme type has a feedback conversation. */
export function RulesPage() {
  const { t } = useTranslation();
  const query = useQuery(feedbackRulesQuery);
  return (
    <Stack gap="md">
      <PageTitle>{t('feedback.rules.title')}</PageTitle>
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <RulesForm rules={query.data} />}
    </Stack>
  );
}

interface Row {
  /** Keeps React's rows apart while editing; not sent. */
  rowKey: string;
  teamId: string;
  programmeType: string;
  intervalDays: number | string;
}

const toBody = (rows: Row[]) => ({
  items: rows.map((r) => ({
    teamId: r.teamId || null,
    programmeType: r.programmeType || null,
    intervalDays: typeof r.intervalDays === 'number' ? r.intervalDays : Number.NaN,
  })),
});

function RulesForm({ rules }: { rules: FeedbackRules }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useQuery(teamsQuery(true));
  const programmes = useListChoices('programme_type');
  const [formError, setFormError] = useState<string | null>(null);
  const fallback = rules.defaultIntervalDays;

  const form = useForm<{ items: Row[] }>({
    initialValues: {
      items: rules.items.map((r) => ({
        rowKey: r.id,
        teamId: r.team?.id ?? '',
        programmeType: r.programmeType ?? '',
        intervalDays: r.intervalDays,
      })),
    },
    validate: (values) => feedbackIssues(t, feedbackRulesBody, toBody(values.items)),
  });

  const save = useMutation({
    mutationFn: (rows: Row[]) => api.feedback.replaceRules(toBody(rows)),
    onSuccess: async (saved) => {
      queryClient.setQueryData(feedbackRulesQuery.queryKey, saved);
      await refreshFeedback(queryClient);
      notify(t('feedback.rules.saved'));
    },
    onError: (error) => {
      const fields = error instanceof ApiError ? error.fields : {};
      const onForm = Object.entries(fields).filter(([field]) => field.startsWith('items.'));
      form.setErrors(Object.fromEntries(onForm.map(([field, code]) => [field, feedbackFieldText(t, code)])));
      setFormError(onForm.length ? null : errorText(t, error));
    },
  });

  const rows = form.getValues().items;
  // A type deactivated since stays choosable on the rule that has it.
  const storedTypes = rules.items.map((r) => r.programmeType).filter((c): c is string => c !== null);
  const typeCodes = [...new Set([...programmes.active.map((i) => i.code), ...storedTypes])];
  const teamOptions = [
    { value: '', label: t('feedback.rules.anyTeam') },
    ...(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name })),
  ];
  const typeOptions = [
    { value: '', label: t('feedback.rules.anyProgrammeType') },
    ...typeCodes.map((code) => ({ value: code, label: programmes.label(code) })),
  ];

  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values.items);
      })}
      noValidate
    >
      <Stack gap="md">
        <Text>{t('feedback.rules.intro', { count: fallback })}</Text>
        <RowList
          items={rows}
          empty={t('feedback.rules.empty', { count: fallback })}
          rowLabel={(number) => t('feedback.rules.rowLabel', { number })}
          removeLabel={(number) => t('feedback.rules.removeRow', { number })}
          onRemove={(index) => form.removeListItem('items', index)}
          addLabel={t('feedback.rules.add')}
          onAdd={() =>
            form.insertListItem('items', {
              rowKey: crypto.randomUUID(),
              teamId: '',
              programmeType: '',
              intervalDays: fallback,
            })
          }
        >
          {(_, index) => (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NativeSelect
                label={t('feedback.rules.team')}
                data={teamOptions}
                {...form.getInputProps(`items.${index}.teamId`)}
              />
              <NativeSelect
                label={t('feedback.rules.programmeType')}
                data={typeOptions}
                {...form.getInputProps(`items.${index}.programmeType`)}
              />
              <NumberInput
                label={t('feedback.rules.intervalDays')}
                description={t('feedback.rules.intervalHint')}
                required
                min={1}
                max={365}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps(`items.${index}.intervalDays`)}
              />
            </SimpleGrid>
          )}
        </RowList>
        <FormActions
          error={formError}
          pending={save.isPending}
          onCancel={() => form.reset()}
          submitLabel={t('feedback.rules.save')}
        />
      </Stack>
    </form>
  );
}
