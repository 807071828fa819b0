import { Anchor, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FrameworkVersion } from '#shared/competencies';
import { Dialog } from '../../components/Dialog';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { Pictogram } from './Pictogram';
import { versionQuery } from './queries';

/** One version as it was given: its scale and every competency with its indicators. Read-only. */
export function VersionDialog({ versionId, onClose }: { versionId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useQuery(versionQuery(versionId));
  const title = query.data
    ? t('competencies.versions.dialogTitle', { name: query.data.frameworkName, n: query.data.number })
    : t('competencies.versions.title');
  return (
    <Dialog title={title} onClose={onClose} size="lg">
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <VersionContent version={query.data} />}
    </Dialog>
  );
}

export function VersionContent({ version }: { version: FrameworkVersion }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('competencies.editor.scale')}
        </Title>
        <List listStyleType="none" spacing="xs" p={0}>
          {version.scale.map((level) => (
            <List.Item key={level.value}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Pictogram name={level.pictogram} size={24} />
                <Text size="sm">
                  <strong>
                    {level.value}. {level.label}
                  </strong>{' '}
                  – {level.meaning}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
      <Title order={3} size="h5">
        {t('competencies.editor.competencies')}
      </Title>
      {version.competencies.map((c) => (
        <Card key={c.id} withBorder padding="sm" component="section" aria-label={c.name}>
          <Stack gap={6}>
            <Text fw={700} className="break-anywhere">
              {c.position + 1}. {c.name}
            </Text>
            <Text size="sm">{c.description}</Text>
            <List size="sm" spacing={4}>
              {c.indicators.map((indicator, i) => (
                <List.Item key={version.scale[i]?.value ?? i}>
                  <strong>{version.scale[i]?.label}</strong>: {indicator}
                </List.Item>
              ))}
            </List>
            {c.escoUri && (
              <Text size="sm">
                {t('competencies.editor.esco')}{' '}
                <Anchor href={c.escoUri} target="_blank" rel="noreferrer">
                  {c.escoLabel ?? c.escoUri}
                </Anchor>
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
