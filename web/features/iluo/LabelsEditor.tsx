import { Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IluoLabel, iluoLabelsBody } from '#shared/iluo';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { api } from '../../lib/api';
import { errorText, translatedIssues } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { IluoIcon } from './IluoIcon';
import { iluoLabelsQuery } from './queries';

type Words = Pick<IluoLabel, 'level' | 'letter' | 'label' | 'meaning'>;

/**
 * The admin's words for I, L, U and O (one language: the organisation's own). Levels left in the built-in words
 * keep following Groeipad's words, in the reader's language.
 */
export function LabelsEditor() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(iluoLabelsQuery);
  const [items, setItems] = useState<Words[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (query.data) setItems(query.data.items);
  }, [query.data]);

  const body = () => ({
    items: items.map((item) => ({ level: item.level, label: item.label.trim(), meaning: item.meaning.trim() })),
  });

  const save = useMutation({
    mutationFn: () => api.iluo.setLabels(body()),
    onSuccess: async (result) => {
      queryClient.setQueryData(iluoLabelsQuery.queryKey, result);
      await queryClient.invalidateQueries({ queryKey: ['iluo', 'matrix'] });
      notify(t('iluo.labels.saved'));
    },
    onError: (error) => setFormError(errorText(t, error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const checked = iluoLabelsBody.safeParse(body());
    if (!checked.success) return setErrors(translatedIssues(t, checked.error.issues, body()));
    setErrors({});
    save.mutate();
  };

  const update = (index: number, change: Partial<Words>) =>
    setItems((current) => current.map((item, i) => (i === index ? { ...item, ...change } : item)));

  return (
    <Card withBorder padding="md" className="iluo-no-print">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('iluo.labels.title')}
        </Title>
        <Text size="sm">{t('iluo.labels.intro')}</Text>
        {query.isPending && <Loading />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {items.length > 0 && (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              {items.map((item, index) => (
                <Group key={item.level} gap="sm" align="flex-start" wrap="nowrap">
                  <IluoIcon level={item.level} size={32} />
                  <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
                    <TextInput
                      label={t('iluo.labels.label', { letter: item.letter })}
                      required
                      maxLength={40}
                      value={item.label}
                      error={errors[`items.${index}.label`]}
                      onChange={(event) => update(index, { label: event.currentTarget.value })}
                    />
                    <Textarea
                      label={t('iluo.labels.meaning', { letter: item.letter })}
                      required
                      withAsterisk={false}
                      autosize
                      minRows={1}
                      maxRows={4}
                      maxLength={300}
                      value={item.meaning}
                      error={errors[`items.${index}.meaning`]}
                      onChange={(event) => update(index, { meaning: event.currentTarget.value })}
                    />
                  </Stack>
                </Group>
              ))}
              <FormError message={formError} />
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending}>
                  {t('iluo.labels.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
