import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { ApiError, api, type MentorLinkView } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatDate, today } from '../participants/dates';
import { newClientKey } from './clientKey';
import { saveErrors } from './fieldErrors';
import { speaksToParticipant } from './mentorWording';
import { mentorLinkQuery } from './queries';
import { ScoreForm } from './ScoreForm';
import { commonBody, emptyValues, noFieldErrors, type ScoreFieldErrors, type ScoreValues } from './scores';

const route = getRouteApi('/public/mentor/$token');

/** Why a link does not open: it never existed, it was revoked, or today is outside its period. */
type Closed = 'not_found' | 'revoked' | 'expired';

function closedReason(error: unknown): Closed | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'link_revoked') return 'revoked';
  if (error.code === 'link_expired') return 'expired';
  if (error.status === 404 || error.status === 400) return 'not_found';
  return null;
}

/**
 * /mentor/$token: the external internship mentor, without an account. They see the organisation, their intern's
 * name and the competency form — nothing else of the dossier.
 */
export function MentorPage() {
  const { t } = useTranslation();
  const { token } = route.useParams();
  const link = useQuery(mentorLinkQuery(token));
  const [thanks, setThanks] = useState(false);

  if (link.isPending) return <Loading />;
  if (link.isError) {
    const reason = closedReason(link.error);
    if (reason) return <ClosedLink reason={reason} />;
    return (
      <Stack gap="md">
        <PageTitle>{t('observations.mentor.title')}</PageTitle>
        <QueryError error={link.error} onRetry={() => void link.refetch()} />
      </Stack>
    );
  }

  const view = link.data;
  const intern = `${view.participant.firstName} ${view.participant.lastName}`;
  return (
    <Stack gap="md">
      <PageTitle>{t('observations.mentor.title')}</PageTitle>
      <Text>
        {t('observations.mentor.intro', { name: view.mentorName, intern, organisation: view.organisationName })}
      </Text>
      <Text size="sm">{t('observations.mentor.validUntil', { date: formatDate(view.validUntil) })}</Text>
      <Earlier view={view} />
      {thanks ? (
        <Alert color="groen" variant="light" role="status" title={t('observations.mentor.thanksTitle')}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm" c="dark">
              {t('observations.mentor.thanksText', { intern })}
            </Text>
            <Button variant="default" size="sm" onClick={() => setThanks(false)}>
              {t('observations.mentor.another')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <MentorForm token={token} view={view} onSaved={() => setThanks(true)} />
      )}
    </Stack>
  );
}

function Earlier({ view }: { view: MentorLinkView }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} component="section" aria-labelledby="mentor-earlier">
      <Title order={2} size="h5" id="mentor-earlier">
        {t('observations.mentor.earlier')}
      </Title>
      {view.submitted.length === 0 ? (
        <Text size="sm">{t('observations.mentor.noEarlier')}</Text>
      ) : (
        <Stack component="ul" gap={2} m={0} pl="md">
          {view.submitted.map((s, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: plain text lines with no identity; two may share a date
            <Text component="li" size="sm" key={`${s.observedOn}-${index}`}>
              {t('observations.mentor.earlierItem', { date: formatDate(s.observedOn), count: s.ratingCount })}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function MentorForm({ token, view, onSaved }: { token: string; view: MentorLinkView; onSaved: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The latest date a score may carry: today, or the link's last day when that has passed (ISO dates sort as text).
  const latest = [view.validUntil, today()].sort()[0] ?? today();
  const fresh = (): ScoreValues => emptyValues(latest, 'stage');
  const [values, setValues] = useState<ScoreValues>(fresh);
  const [clientKey, setClientKey] = useState(newClientKey);
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<ScoreFieldErrors>(noFieldErrors);
  const [formError, setFormError] = useState<string | null>(null);
  const version = view.frameworkVersion;

  async function save() {
    setFieldErrors(noFieldErrors);
    setFormError(null);
    const body = { ...commonBody(values, version), clientKey };
    setPending(true);
    try {
      await api.mentorLinks.submit(token, body);
      setValues(fresh());
      setClientKey(newClientKey());
      await queryClient.invalidateQueries({ queryKey: mentorLinkQuery(token).queryKey });
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && closedReason(error) && error.status !== 400) {
        // Revoked or expired while the form was open: the page shows why.
        await queryClient.invalidateQueries({ queryKey: mentorLinkQuery(token).queryKey });
      } else if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
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
    <Stack gap="sm">
      {speaksToParticipant(version.competencies) && (
        <Text fw={700}>{t('observations.mentor.aboutTexts', { name: view.participant.firstName })}</Text>
      )}
      <ScoreForm
        version={version}
        values={values}
        onChange={setValues}
        onSubmit={() => void save()}
        audience="mentor"
        today={latest}
        earliestDate={view.earliestDate}
        serverErrors={fieldErrors}
        formError={formError}
        pending={pending}
        submitLabel={t('observations.mentor.submit')}
      />
    </Stack>
  );
}

function ClosedLink({ reason }: { reason: Closed }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageTitle>{t(`observations.mentor.closed.${reason}.title`)}</PageTitle>
      <Text>{t(`observations.mentor.closed.${reason}.text`)}</Text>
    </Stack>
  );
}
