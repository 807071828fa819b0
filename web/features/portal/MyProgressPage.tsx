import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { ApiError } from '../../lib/api';
import { MyProgress } from '../competency-profile/MyProgress';
import { ProgressIcon } from './icons';
import { PortalScreen } from './PortalScreen';
import { myDossierQuery } from './queries';

/** /mijn-vooruitgang: my radar, my own scores beside my supervisor's (the existing MyProgress card). */
export function MyProgressPage() {
  const { t } = useTranslation();
  const dossier = useQuery(myDossierQuery);
  return (
    <PortalScreen title={t('portal.progress.title')} intro={t('portal.progress.intro')} icon={<ProgressIcon />}>
      {dossier.isPending && <Loading />}
      {dossier.isError &&
        (dossier.error instanceof ApiError && dossier.error.status === 404 ? (
          <Alert color="blue">{t('portal.noDossier')}</Alert>
        ) : (
          <QueryError error={dossier.error} onRetry={() => void dossier.refetch()} />
        ))}
      {dossier.data && <MyProgress participantId={dossier.data.id} />}
    </PortalScreen>
  );
}
