import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { ApiError, api, type FrameworkVersion, type ParticipantDossier } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useSessionUser } from '../auth/useSessionUser';
import { myFeedbackQuery } from '../feedback/queries';
import { today } from '../participants/dates';
import { newClientKey } from './clientKey';
import { draftKey, useDraft } from './drafts';
import { saveErrors } from './fieldErrors';
import { inOwnWords } from './firstPerson';
import { currentVersionQuery } from './queries';
import { ReadAloudButton } from './ReadAloudButton';
import { ScoreForm } from './ScoreForm';
import { commonBody, emptyValues, fitToVersion, noFieldErrors, type ScoreFieldErrors } from './scores';
import { type ReadAloud, useReadAloud } from './useReadAloud';

// The same query as /mijn-dossier: one request serves both pages.
const myDossierQuery = {
  queryKey: ['participants', 'me'],
  queryFn: () => api.participantAccounts.me(),
  retry: false,
} as const;

/**
 * /zelfevaluatie: the participant scores themselves before a feedback conversation. Plain words, pictograms, the
 * texts in the first person where that works, and everything can be read aloud.
 */
export function SelfAssessmentPage() {
  const { t } = useTranslation();
  const reader = useReadAloud();
  const version = useQuery(currentVersionQuery);
  const dossier = useQuery(myDossierQuery);
  const [done, setDone] = useState(false);

  const content = () => {
    if (version.isPending || dossier.isPending) return <Loading />;
    if (dossier.isError) {
      return dossier.error instanceof ApiError && dossier.error.status === 404 ? (
        <Alert color="blue">{t('observations.self.noDossier')}</Alert>
      ) : (
        <QueryError error={dossier.error} onRetry={() => void dossier.refetch()} />
      );
    }
    if (version.isError) {
      return version.error instanceof ApiError && version.error.status === 404 ? (
        <Alert color="blue">{t('observations.self.noFramework')}</Alert>
      ) : (
        <QueryError error={version.error} onRetry={() => void version.refetch()} />
      );
    }
    if (!dossier.data.startDate) return <Alert color="blue">{t('observations.self.notStarted')}</Alert>;
    if (done) return <Thanks onAgain={() => setDone(false)} />;
    return <SelfForm version={version.data} dossier={dossier.data} reader={reader} onDone={() => setDone(true)} />;
  };

  return (
    <Stack gap="md" maw={760}>
      <PageTitle>{t('observations.self.title')}</PageTitle>
      <Text>{t('observations.self.intro')}</Text>
      <Text size="sm">{t('observations.self.howTo')}</Text>
      <Group>
        <ReadAloudButton
          reader={reader}
          id="page"
          text={`${t('observations.self.title')}. ${t('observations.self.intro')} ${t('observations.self.howTo')}`}
          subject={t('observations.self.aboutPage')}
        />
      </Group>
      {content()}
    </Stack>
  );
}

interface FormProps {
  version: FrameworkVersion;
  dossier: ParticipantDossier;
  reader: ReadAloud;
  onDone: () => void;
}

function SelfForm({ version, dossier, reader, onDone }: FormProps) {
  const { t } = useTranslation();
  const me = useSessionUser();
  const queryClient = useQueryClient();
  const draft = useDraft(
    draftKey(me.id, 'self'),
    version.id,
    () => emptyValues(today(), 'werkvloer'),
    (values) => fitToVersion(values, version),
  );
  // One key per filled-in form: sending it again after a lost answer stores it once.
  const [clientKey, setClientKey] = useState(newClientKey);
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<ScoreFieldErrors>(noFieldErrors);
  const [formError, setFormError] = useState<string | null>(null);

  async function save() {
    setFieldErrors(noFieldErrors);
    setFormError(null);
    const body = { context: 'werkvloer' as const, ...commonBody(draft.values, version), clientKey };
    setPending(true);
    try {
      await api.observations.selfAssess(body);
      reader.stop();
      draft.reset();
      setClientKey(newClientKey());
      await queryClient.invalidateQueries({ queryKey: ['observations'] });
      // The portal's "fill in your self-assessment" reminder reads the newest one from /me/feedback.
      await queryClient.invalidateQueries({ queryKey: myFeedbackQuery.queryKey });
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
        const placed = saveErrors(t, error, body.ratings);
        setFieldErrors(placed.fields);
        setFormError(placed.message);
      } else {
        setFormError(errorText(t, error));
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      {draft.restored && <Alert color="blue">{t('observations.self.restored')}</Alert>}
      <ScoreForm
        version={version}
        values={draft.values}
        onChange={draft.setValues}
        onSubmit={() => void save()}
        audience="self"
        today={today()}
        earliestDate={dossier.startDate}
        serverErrors={fieldErrors}
        formError={formError}
        pending={pending}
        submitLabel={t('observations.self.submit')}
        reader={reader}
        phrase={inOwnWords}
      />
    </>
  );
}

function Thanks({ onAgain }: { onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" role="status">
      <Stack gap="md" align="flex-start">
        <Title order={2} size="h3">
          {t('observations.self.doneTitle')}
        </Title>
        <Text>{t('observations.self.doneText')}</Text>
        <Group gap="sm">
          <Button component={Link} to="/mijn-dossier">
            {t('observations.self.toDossier')}
          </Button>
          <Button variant="default" onClick={onAgain}>
            {t('observations.self.again')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
