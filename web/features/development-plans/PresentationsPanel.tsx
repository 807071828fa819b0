import { Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PlanOverview, presentationOccasions } from '#shared/development-plans';
import { FormError } from '../../components/FormError';
import { ApiError, api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { formatDate, today } from '../participants/dates';
import { planFieldText } from './fieldErrors';
import { refreshPlans, storeOverview } from './queries';

type Occasion = (typeof presentationOccasions)[number];

/** The dates the participant presented their agreed POP: at the team meeting, at the closing event. */
export function PresentationsPanel({ participantId, overview }: { participantId: string; overview: PlanOverview }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [presentedOn, setPresentedOn] = useState(today());
  const [occasion, setOccasion] = useState<Occasion>('team_meeting');
  const [fields, setFields] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: () => api.developmentPlans.addPresentation(participantId, { presentedOn, occasion }),
    onSuccess: async (result) => {
      setFields({});
      await storeOverview(queryClient, participantId, result);
      notify(t('developmentPlans.presentations.added'));
    },
    onError: (error) => {
      if (error instanceof ApiError)
        setFields(Object.fromEntries(Object.entries(error.fields).map(([k, code]) => [k, planFieldText(t, code)])));
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.developmentPlans.removePresentation(participantId, id),
    onSuccess: async () => {
      await refreshPlans(queryClient);
      notify(t('developmentPlans.presentations.removed'));
    },
  });
  const itemText = (p: PlanOverview['presentations'][number]) =>
    t('developmentPlans.presentations.item', {
      occasion: t(`developmentPlans.presentations.occasions.${p.occasion}`),
      date: formatDate(p.presentedOn),
      number: p.versionNumber,
    });

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="pop-presentations">
      <Stack gap="sm">
        <Title order={3} size="h4" id="pop-presentations">
          {t('developmentPlans.presentations.title')}
        </Title>
        {overview.presentations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('developmentPlans.presentations.empty')}
          </Text>
        ) : (
          <Stack component="ul" gap={4} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {overview.presentations.map((p) => (
              <Group component="li" key={p.id} gap="xs" justify="space-between" wrap="nowrap">
                <Text size="sm">{itemText(p)}</Text>
                {overview.can.present && (
                  <Button
                    size="xs"
                    variant="default"
                    loading={remove.isPending && remove.variables === p.id}
                    onClick={() => remove.mutate(p.id)}
                    aria-label={t('developmentPlans.presentations.removeNamed', { item: itemText(p) })}
                  >
                    {t('developmentPlans.presentations.remove')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {overview.can.present && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate();
            }}
            noValidate
          >
            <Stack gap="sm">
              <Text size="sm">{t('developmentPlans.presentations.intro')}</Text>
              <Group gap="sm" align="flex-end" wrap="wrap">
                <TextInput
                  type="date"
                  label={t('developmentPlans.presentations.date')}
                  value={presentedOn}
                  onChange={(e) => setPresentedOn(e.currentTarget.value)}
                  error={fields.presentedOn}
                  required
                />
                <NativeSelect
                  label={t('developmentPlans.presentations.occasion')}
                  value={occasion}
                  onChange={(e) =>
                    setOccasion(presentationOccasions.find((o) => o === e.currentTarget.value) ?? 'team_meeting')
                  }
                  data={presentationOccasions.map((o) => ({
                    value: o,
                    label: t(`developmentPlans.presentations.occasions.${o}`),
                  }))}
                  error={fields.occasion}
                />
                <Button type="submit" variant="default" loading={add.isPending}>
                  {t('developmentPlans.presentations.add')}
                </Button>
              </Group>
              <FormError
                message={
                  add.isError && Object.keys(fields).length === 0
                    ? errorText(t, add.error)
                    : remove.isError
                      ? errorText(t, remove.error)
                      : null
                }
              />
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
