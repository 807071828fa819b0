import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition } from '#shared/instruments';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { DefinitionDialog } from './DefinitionDialog';
import { definitionsQuery, refreshInstruments } from './queries';
import './messages';

type Open = { kind: 'new' } | { kind: 'edit'; definition: InstrumentDefinition } | null;

/** /instellingen/instrumenten: the admin keeps the instruments coaches record results with. */
export function DefinitionsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const definitions = useQuery(definitionsQuery);
  const [open, setOpen] = useState<Open>(null);
  const archive = useMutation({
    mutationFn: (definition: InstrumentDefinition) => api.instruments.archiveDefinition(definition.id),
    onSuccess: async (saved) => {
      await refreshInstruments(queryClient);
      notify(t('instruments.admin.archived', { name: saved.name }));
    },
    onError: (err) => notify(errorText(t, err), { error: true }),
  });
  // In use first; archived ones stay listed so their old results keep a name.
  const items = [...(definitions.data?.items ?? [])].sort(
    (a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name),
  );

  return (
    <Stack gap="md">
      <PageTitle>{t('instruments.admin.title')}</PageTitle>
      <Text>{t('instruments.admin.intro')}</Text>
      <Group>
        <Button onClick={() => setOpen({ kind: 'new' })}>{t('instruments.admin.new')}</Button>
      </Group>
      {definitions.isPending && <Loading />}
      {definitions.isError && <QueryError error={definitions.error} onRetry={() => void definitions.refetch()} />}
      {definitions.data && items.length === 0 && <Text c="dimmed">{t('instruments.admin.empty')}</Text>}
      {items.length > 0 && (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((definition) => (
            <Card component="li" key={definition.id} withBorder padding="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={4}>
                  <Group gap="xs" wrap="wrap">
                    <Title order={2} size="h5" className="break-anywhere">
                      {definition.name}
                    </Title>
                    {definition.builtIn && (
                      <Badge variant="light" color="gray">
                        {t('instruments.admin.builtIn')}
                      </Badge>
                    )}
                    {definition.archived && (
                      <Badge variant="light" color="orange">
                        {t('common.archivedStatus')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">
                    {t(`instruments.kinds.${definition.kind}`)} ·{' '}
                    {t('instruments.admin.fieldCount', { count: definition.fields.length })} ·{' '}
                    {t('instruments.admin.resultCount', { count: definition.resultCount })}
                  </Text>
                </Stack>
                {!definition.archived && (
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('common.editNamed', { name: definition.name })}
                      onClick={() => setOpen({ kind: 'edit', definition })}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('common.archiveNamed', { name: definition.name })}
                      loading={archive.isPending && archive.variables?.id === definition.id}
                      onClick={() => archive.mutate(definition)}
                    >
                      {t('common.archive')}
                    </Button>
                  </Group>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {open && (
        <DefinitionDialog existing={open.kind === 'edit' ? open.definition : undefined} onClose={() => setOpen(null)} />
      )}
    </Stack>
  );
}
