import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { ApiError, type ParticipantDossier, type SessionUser } from '../../lib/api';
import { CompartmentLink } from '../action-plans/CompartmentLink';
import { useSessionUser } from '../auth/useSessionUser';
import { JobProfileSection } from '../competencies/JobProfileSection';
import { CompetencySection } from '../competency-profile/CompetencySection';
import { DevelopmentPlanSection } from '../development-plans/DevelopmentPlanSection';
import { FeedbackSection } from '../feedback/FeedbackSection';
import { useListChoices } from '../lists/queries';
import { ObservationsSection } from '../observations/ObservationsSection';
import { PathwaySection } from '../pathways/PathwaySection';
import { AnonymisedNotice, PrivacySection } from '../privacy/PrivacySection';
import { ArchiveDialog } from './ArchiveDialog';
import { AccountSection } from './account/AccountSection';
import { BasicsModal } from './BasicsModal';
import { CareerEventModal } from './CareerEventModal';
import { CoachesModal } from './CoachesModal';
import { ConsentModal } from './ConsentModal';
import { DossierNotFound } from './DossierNotFound';
import { ConsentList, ContactFacts, IndicationList, ReferrerFacts, StakeholderList } from './DossierSections';
import { formatDate } from './dates';
import { IndicationsModal } from './IndicationsModal';
import { participantQuery } from './queries';
import { Facts, Section } from './Section';
import { StakeholdersModal } from './StakeholdersModal';
import { ParticipantStatusBadge } from './StatusBadge';
import { Timeline } from './Timeline';

const route = getRouteApi('/app/deelnemers/$id');

type Dialog = 'basics' | 'step' | 'coaches' | 'indications' | 'stakeholders' | 'consent' | 'archive' | null;

/** What the buttons offer; the server decides every request again (server/policy: participant.*). */
function permissions(me: SessionUser, dossier: ParticipantDossier) {
  const writer = me.role === 'admin' || (me.role === 'coach' && dossier.coaches.some((c) => c.id === me.id));
  return {
    write: writer && !dossier.archived,
    archive: writer && !dossier.archived && dossier.status === 'exited',
    unarchive: me.role === 'admin' && dossier.archived,
  };
}

export function DossierPage() {
  const { id } = route.useParams();
  const { t } = useTranslation();
  const query = useQuery(participantQuery(id));

  if (query.isPending) return <Loading />;
  if (query.isError) {
    // A malformed id is refused by the server's validation; to the reader it is as missing as an unknown one.
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400))
      return <DossierNotFound />;
    return (
      <Stack gap="md">
        <PageTitle>{t('participants.dossier.title')}</PageTitle>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  return <Dossier dossier={query.data} />;
}

function Dossier({ dossier }: { dossier: ParticipantDossier }) {
  const { t } = useTranslation();
  const me = useSessionUser();
  const programmes = useListChoices('programme_type');
  const [dialog, setDialog] = useState<Dialog>(null);
  const can = permissions(me, dossier);
  const name = `${dossier.firstName} ${dossier.lastName}`;
  const edit = (label: string, open: Dialog) =>
    can.write
      ? { label: t('common.edit'), ariaLabel: t('common.editNamed', { name: label }), onClick: () => setDialog(open) }
      : undefined;
  const { confidential } = dossier;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/deelnemers" size="sm">
        {t('participants.dossier.back')}
      </Anchor>
      <PageTitle>{name}</PageTitle>
      <Group gap="xs">
        <ParticipantStatusBadge status={dossier.status} archived={dossier.archived} />
      </Group>
      {dossier.archived && (
        <Alert color="gray" variant="light" title={t('participants.dossier.archivedTitle')}>
          {t('participants.dossier.archivedText')}
        </Alert>
      )}
      <AnonymisedNotice dossier={dossier} />
      {dossier.view === 'summary' && <Text size="sm">{t('participants.dossier.summaryNotice')}</Text>}

      <Section
        title={t('participants.dossier.overview')}
        edit={
          can.write && confidential
            ? { label: t('participants.basics.open'), onClick: () => setDialog('basics') }
            : undefined
        }
      >
        <Facts
          columns={2}
          items={[
            { label: t('participants.fields.team'), value: dossier.team?.name ?? t('participants.noTeam') },
            { label: t('participants.fields.site'), value: dossier.site.name },
            {
              label: t('participants.fields.coaches'),
              value: dossier.coaches.map((c) => c.name).join(', ') || t('participants.noCoach'),
            },
            { label: t('participants.fields.programmeType'), value: programmes.label(dossier.programmeType) },
            {
              label: t('participants.fields.startDate'),
              value: dossier.startDate ? formatDate(dossier.startDate) : t('participants.notStarted'),
            },
          ]}
        />
        {(can.write || can.archive || can.unarchive) && (
          <Group gap="xs">
            {can.write && (
              <Button size="xs" variant="default" onClick={() => setDialog('coaches')}>
                {t('participants.coaches.open')}
              </Button>
            )}
            {can.archive && (
              <Button size="xs" variant="default" onClick={() => setDialog('archive')}>
                {t('participants.archive.open')}
              </Button>
            )}
            {can.unarchive && (
              <Button size="xs" variant="default" onClick={() => setDialog('archive')}>
                {t('participants.archive.undo')}
              </Button>
            )}
          </Group>
        )}
      </Section>

      <Section
        title={t('participants.timeline.title')}
        edit={can.write ? { label: t('participants.step.open'), onClick: () => setDialog('step') } : undefined}
      >
        <Timeline dossier={dossier} />
      </Section>
      <CompetencySection participantId={dossier.id} />
      <ObservationsSection dossier={dossier} />
      <FeedbackSection dossier={dossier} />
      <DevelopmentPlanSection dossier={dossier} />
      <PathwaySection dossier={dossier} />
      <CompartmentLink participantId={dossier.id} />

      {confidential && (
        <>
          <Section title={t('participants.dossier.contact')} edit={edit(t('participants.dossier.contact'), 'basics')}>
            <ContactFacts confidential={confidential} />
          </Section>
          <Section title={t('participants.dossier.referrer')} edit={edit(t('participants.dossier.referrer'), 'basics')}>
            <ReferrerFacts confidential={confidential} />
          </Section>
          <Section
            title={t('participants.indications.title')}
            edit={edit(t('participants.indications.title'), 'indications')}
          >
            <IndicationList indications={confidential.indications} />
          </Section>
          <Section
            title={t('participants.stakeholders.title')}
            edit={edit(t('participants.stakeholders.title'), 'stakeholders')}
          >
            <StakeholderList stakeholders={confidential.stakeholders} />
          </Section>
          <JobProfileSection dossier={dossier} />
          <AccountSection dossier={dossier} canManage={can.write} />
          <Section
            title={t('participants.consents.title')}
            edit={
              can.write ? { label: t('participants.consents.record'), onClick: () => setDialog('consent') } : undefined
            }
          >
            <ConsentList consents={confidential.consents} />
          </Section>
        </>
      )}
      <PrivacySection dossier={dossier} />

      {dialog === 'basics' && confidential && (
        <BasicsModal dossier={dossier} confidential={confidential} onClose={() => setDialog(null)} />
      )}
      {dialog === 'step' && <CareerEventModal dossier={dossier} onClose={() => setDialog(null)} />}
      {dialog === 'coaches' && <CoachesModal dossier={dossier} onClose={() => setDialog(null)} />}
      {dialog === 'indications' && confidential && (
        <IndicationsModal dossier={dossier} indications={confidential.indications} onClose={() => setDialog(null)} />
      )}
      {dialog === 'stakeholders' && confidential && (
        <StakeholdersModal dossier={dossier} stakeholders={confidential.stakeholders} onClose={() => setDialog(null)} />
      )}
      {dialog === 'consent' && <ConsentModal dossier={dossier} onClose={() => setDialog(null)} />}
      {dialog === 'archive' && <ArchiveDialog dossier={dossier} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
