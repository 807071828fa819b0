import { Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { PlanPresentation } from './PlanPresentation';
import { planQuery, planVersionQuery } from './queries';

const route = getRouteApi('/app/deelnemers/$id/pop/presentatie');

/** /deelnemers/$id/pop/presentatie(?versie=n): the agreed version in force, or the one asked for, as slides. */
export function PresentationPage() {
  const { id } = route.useParams();
  const { versie } = route.useSearch();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const overview = useQuery(planQuery(id));
  const version = useQuery({ ...planVersionQuery(id, versie ?? 0), enabled: versie !== undefined });
  const onExit = useCallback(
    () => void navigate({ to: '/deelnemers/$id/pop', params: { id }, search: {} }),
    [navigate, id],
  );
  const name = overview.data?.participant.name ?? '';
  useEffect(() => {
    document.title = `${t('developmentPlans.presentation.title')}: ${name} – Groeipad`;
  }, [t, name]);

  const shown = versie !== undefined ? version.data : overview.data?.current;
  const failed = overview.error ?? (versie !== undefined ? version.error : null);
  if (overview.isPending || (versie !== undefined && version.isPending)) return <Loading />;
  if (failed || !shown || !overview.data) {
    return (
      <Stack gap="md">
        <PageTitle>{t('developmentPlans.presentation.title')}</PageTitle>
        {failed && !(versie !== undefined && version.isError) ? (
          <QueryError error={failed} onRetry={() => void overview.refetch()} />
        ) : (
          <Text>
            {versie !== undefined
              ? t('developmentPlans.presentation.versionMissing')
              : t('developmentPlans.presentation.noPlan')}
          </Text>
        )}
        <Anchor renderRoot={(props) => <Link to="/deelnemers/$id/pop" params={{ id }} search={{}} {...props} />}>
          {t('developmentPlans.page.title', { name })}
        </Anchor>
      </Stack>
    );
  }
  return <PlanPresentation name={name} content={shown.content} evidence={shown.evidence} onExit={onExit} />;
}
