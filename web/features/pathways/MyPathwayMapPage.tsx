import { Alert, Button, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { ApiError } from '../../lib/api';
import { PathIcon } from '../portal/icons';
import { PortalScreen } from '../portal/PortalScreen';
import { PathwayView } from './PathwaySection';
import { myPathwayQuery } from './queries';

/** /mijn-pad/kaart: the participant's own map, "Je bent hier", and how ready they are for each next step. */
export function MyPathwayMapPage() {
  const { t } = useTranslation();
  const query = useQuery(myPathwayQuery);
  const data = query.data;
  return (
    <div className="pathway-print">
      <PortalScreen
        title={t('pathways.mine.title')}
        intro={t('pathways.mine.intro')}
        icon={<PathIcon size={28} />}
        spoken={[
          data?.current ? t('pathways.mine.here', { name: data.current.package.name }) : t('pathways.mine.noPackage'),
          data?.nextSteps.length ? t('pathways.mine.readiness') : null,
        ]}
      >
        {query.isPending && <Loading />}
        {query.error instanceof ApiError && query.error.status === 404 ? (
          <Alert color="blue" variant="light">
            {t('pathways.mine.noDossier')}
          </Alert>
        ) : (
          query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
        {data && (
          <>
            <Group className="pathway-no-print">
              <Button variant="default" onClick={() => window.print()}>
                {t('pathways.map.print')}
              </Button>
            </Group>
            <PathwayView pathway={data} headingOrder={2} audience="participant" />
          </>
        )}
      </PortalScreen>
    </div>
  );
}
