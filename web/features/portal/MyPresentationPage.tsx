import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { PlanPresentation } from '../development-plans/PlanPresentation';
import { planQuery } from '../development-plans/queries';
import { myDossierQuery } from './queries';

/**
 * /mijn-doelen/presentatie: the participant presents their own agreed POP at the team meeting or the closing event,
 * with the same slides the coach opens from the dossier.
 */
export function MyPresentationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const dossier = useQuery(myDossierQuery);
  const plan = useQuery({ ...planQuery(dossier.data?.id ?? ''), enabled: !!dossier.data });
  const back = () => void navigate({ to: '/mijn-doelen' });

  if (dossier.isError) return <QueryError error={dossier.error} onRetry={() => void dossier.refetch()} />;
  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return <Loading />;
  const current = plan.data.current;
  if (!current) {
    back();
    return null;
  }
  return (
    <PlanPresentation
      name={plan.data.participant.name || t('portal.path.title')}
      content={current.content}
      evidence={current.evidence}
      onExit={back}
    />
  );
}
