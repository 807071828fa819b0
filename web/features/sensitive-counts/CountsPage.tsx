import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { domainStatuses } from '#shared/action-plans';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useListChoices } from '../lists/queries';
import { domainRows } from './pivot';
import { sensitiveCountsQuery } from './queries';
import './messages';

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Card withBorder padding="sm" miw={150} style={{ flex: '1 1 10rem' }}>
      <Text size="sm">{label}</Text>
      <Text fz={28} fw={700}>
        {value}
      </Text>
    </Card>
  );
}

/** /overzicht/gevoelig: how the PAP and instruments are used, in numbers only; never whose. */
export function CountsPage() {
  const { t } = useTranslation();
  const counts = useQuery(sensitiveCountsQuery);
  const domains = useListChoices('life_domain');

  return (
    <Stack gap="md">
      <PageTitle>{t('sensitiveCounts.title')}</PageTitle>
      <Alert variant="light" color="blue">
        {t('sensitiveCounts.noNames')}
      </Alert>
      {counts.isPending && <Loading />}
      {counts.isError && <QueryError error={counts.error} onRetry={() => void counts.refetch()} />}
      {counts.data && (
        <>
          <Group gap="sm" align="stretch" wrap="wrap">
            <Figure label={t('sensitiveCounts.withPap')} value={counts.data.participantsWithPap} />
            <Figure label={t('sensitiveCounts.breakGlass')} value={counts.data.breakGlassLast90Days} />
          </Group>
          {/* The tables' captions differ from the section titles: on a wide screen a table is a region of its own. */}
          <Stack gap="xs" component="section" aria-labelledby="counts-domains">
            <Title order={2} size="h4" id="counts-domains">
              {t('sensitiveCounts.domains.title')}
            </Title>
            <ResponsiveTable
              caption={t('sensitiveCounts.domains.caption')}
              rows={domainRows(counts.data.domains)}
              rowKey={(row) => row.domainCode}
              columns={[
                { header: t('sensitiveCounts.domains.domain'), cell: (row) => domains.label(row.domainCode) },
                ...domainStatuses.map((status) => ({
                  header: t(`sensitiveCounts.statuses.${status}`),
                  cell: (row: ReturnType<typeof domainRows>[number]) => row.counts[status],
                })),
              ]}
              empty={t('sensitiveCounts.domains.empty')}
            />
          </Stack>
          <Stack gap="xs" component="section" aria-labelledby="counts-instruments">
            <Title order={2} size="h4" id="counts-instruments">
              {t('sensitiveCounts.instruments.title')}
            </Title>
            <ResponsiveTable
              caption={t('sensitiveCounts.instruments.caption')}
              rows={counts.data.instruments}
              rowKey={(row) => row.definitionId}
              columns={[
                { header: t('sensitiveCounts.instruments.name'), cell: (row) => row.name },
                { header: t('sensitiveCounts.instruments.total'), cell: (row) => row.total },
                { header: t('sensitiveCounts.instruments.lastYear'), cell: (row) => row.lastYear },
              ]}
              empty={t('sensitiveCounts.instruments.empty')}
            />
          </Stack>
        </>
      )}
    </Stack>
  );
}
