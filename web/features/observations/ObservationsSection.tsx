import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RaterKind } from '#shared/observations';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { QueryError } from '../../components/QueryError';
import { api, type Observation, type ParticipantDossier, type SessionUser } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { useSessionUser } from '../auth/useSessionUser';
import { Pictogram } from '../competencies/Pictogram';
import { formatDate } from '../participants/dates';
import { Section } from '../participants/Section';
import { MentorInvitations } from './MentorInvitations';
import { OBSERVATIONS_PER_PAGE, participantObservationsQuery, versionQuery } from './queries';
import { pictogramKey } from './scores';

/** Each rater's series keeps its own colour, here and in the charts: they are never mixed. */
export const raterColors: Record<RaterKind, string> = {
  supervisor: 'blue',
  coach: 'grape',
  mentor: 'orange',
  self: 'groen',
};

/** Who records observations (server/policy: observation.create); the server checks caseload and team again. */
const canObserve = (me: SessionUser, dossier: ParticipantDossier) =>
  !dossier.archived && (me.role === 'supervisor' || me.role === 'coach');

/** Who invites mentors (server/policy: mentor.invite): the admin and the dossier's coaches. */
const canInviteMentors = (me: SessionUser, dossier: ParticipantDossier) =>
  me.role === 'admin' || (me.role === 'coach' && dossier.coaches.some((c) => c.id === me.id));

/** The dossier's "Observaties": the latest scores of every rater, newest first; and the internship mentors. */
export function ObservationsSection({ dossier }: { dossier: ParticipantDossier }) {
  const { t } = useTranslation();
  const me = useSessionUser();
  const [page, setPage] = useState(1);
  const query = useQuery(participantObservationsQuery(dossier.id, page));
  const [deleting, setDeleting] = useState<Observation | null>(null);

  const pages = query.data ? Math.max(1, Math.ceil(query.data.total / OBSERVATIONS_PER_PAGE)) : 1;

  return (
    <>
      <Section title={t('observations.section.title')}>
        {canObserve(me, dossier) && (
          <Button
            variant="default"
            size="sm"
            style={{ alignSelf: 'flex-start' }}
            renderRoot={(props) => <Link to="/observaties/nieuw" search={{ deelnemer: dossier.id }} {...props} />}
          >
            {t('observations.section.add')}
          </Button>
        )}
        {query.isPending && <Loading />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.data &&
          (query.data.items.length === 0 ? (
            <Text c="dimmed">{t('observations.section.empty')}</Text>
          ) : (
            <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
              {query.data.items.map((observation) => (
                <ObservationCard
                  key={observation.id}
                  observation={observation}
                  canDelete={me.role === 'admin' || observation.rater.id === me.id}
                  onDelete={() => setDeleting(observation)}
                />
              ))}
            </Stack>
          ))}
        {query.data && pages > 1 && (
          <Pager label={t('observations.section.pages')} page={page} pages={pages} onPage={setPage} />
        )}
      </Section>
      {canInviteMentors(me, dossier) && <MentorInvitations dossier={dossier} />}
      {deleting && (
        <DeleteDialog
          observation={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            // The last one of a page gone: show the page before it.
            if (query.data && query.data.items.length === 1 && page > 1) setPage(page - 1);
          }}
        />
      )}
    </>
  );
}

interface CardProps {
  observation: Observation;
  canDelete: boolean;
  onDelete: () => void;
}

function ObservationCard({ observation, canDelete, onDelete }: CardProps) {
  const { t } = useTranslation();
  const version = useQuery(versionQuery(observation.frameworkVersion.id));
  const date = formatDate(observation.observedOn);
  const levelOf = (score: number) => version.data?.scale.find((level) => level.value === score);

  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Badge color={raterColors[observation.raterKind]} variant="light" c="dark">
                {t(`observations.raterKinds.${observation.raterKind}`)}
              </Badge>
              <Text fw={700}>{date}</Text>
            </Group>
            <Text size="sm" className="break-anywhere">
              {t('observations.section.meta', {
                name: observation.rater.name,
                where: t(`observations.contexts.${observation.context}`),
                version: observation.frameworkVersion.number,
              })}
            </Text>
          </Stack>
          {canDelete && (
            <Button
              size="xs"
              variant="default"
              aria-label={t('observations.section.deleteFor', { date })}
              onClick={onDelete}
            >
              {t('observations.section.delete')}
            </Button>
          )}
        </Group>
        <Stack
          component="ul"
          gap={4}
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('observations.section.scores')}
        >
          {observation.ratings.map((rating) => {
            const level = levelOf(rating.score);
            return (
              <li key={rating.competencyId}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="sm" style={{ flex: 1 }} className="break-anywhere">
                    {rating.competencyName}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    {level && <Pictogram name={pictogramKey(level.pictogram)} size={20} />}
                    <Text size="sm" fw={700}>
                      {level ? level.label : t('observations.section.level', { score: rating.score })}
                    </Text>
                  </Group>
                </Group>
                {rating.note && (
                  <Text size="sm" c="dimmed" pl="sm" className="break-anywhere">
                    {rating.note}
                  </Text>
                )}
              </li>
            );
          })}
        </Stack>
        {observation.note && (
          <Text size="sm" className="break-anywhere">
            <strong>{t('observations.section.note')}:</strong> {observation.note}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function DeleteDialog({
  observation,
  onClose,
  onDeleted,
}: {
  observation: Observation;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const date = formatDate(observation.observedOn);
  const remove = useMutation({
    mutationFn: () => api.observations.remove(observation.id),
    onSuccess: async () => {
      onDeleted();
      await queryClient.invalidateQueries({ queryKey: ['observations'] });
      notify(t('observations.section.deleted'));
      onClose();
    },
  });
  return (
    <Dialog title={t('observations.section.deleteTitle')} onClose={onClose}>
      <Stack gap="md">
        <Text>{t('observations.section.deleteText', { date, count: observation.ratings.length })}</Text>
        <FormError message={remove.isError ? errorText(t, remove.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('observations.section.deleteConfirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
