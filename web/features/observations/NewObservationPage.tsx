import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { ApiError, type RateableParticipant } from '../../lib/api';
import { useSessionUser } from '../auth/useSessionUser';
import { draftKey, writeDraft } from './drafts';
import { ObservationForm, type SaveResult } from './ObservationForm';
import { OutboxList } from './OutboxList';
import type { OutboxItem } from './outbox';
import { outboxFor } from './outboxStore';
import { ParticipantPicker } from './ParticipantPicker';
import { currentVersionQuery, rateableQuery } from './queries';
import { valuesFromBody } from './scores';

const route = getRouteApi('/app/observaties/nieuw');

/** /observaties/nieuw: pick a participant, score, save — on a phone, on the workfloor, with or without connection. */
export function NewObservationPage() {
  const { t } = useTranslation();
  const me = useSessionUser();
  const outbox = outboxFor(me.id);
  const navigate = useNavigate();
  const { deelnemer } = route.useSearch();
  const version = useQuery(currentVersionQuery);
  const people = useQuery(rateableQuery);
  const [result, setResult] = useState<SaveResult | null>(null);
  // Bumped when a refused observation is put back into a form, so that form reads its draft again.
  const [reloads, setReloads] = useState(0);

  function fix(item: OutboxItem) {
    const participantId = typeof item.body.participantId === 'string' ? item.body.participantId : null;
    const versionId = typeof item.body.frameworkVersionId === 'string' ? item.body.frameworkVersionId : null;
    if (!participantId || !versionId) return;
    writeDraft(draftKey(me.id, participantId), { versionId, values: valuesFromBody(item.body, 'werkvloer') });
    outbox.remove(item.clientKey);
    setResult(null);
    setReloads((n) => n + 1);
    void navigate({ to: '/observaties/nieuw', search: { deelnemer: participantId } });
  }

  const body = () => {
    if (version.isPending || people.isPending) return <Loading />;
    if (version.isError) {
      if (version.error instanceof ApiError && version.error.status === 404)
        return <Alert color="blue">{t('observations.newPage.noFramework')}</Alert>;
      return <QueryError error={version.error} onRetry={() => void version.refetch()} />;
    }
    if (people.isError) return <QueryError error={people.error} onRetry={() => void people.refetch()} />;
    if (result) return <Result result={result} onAnother={() => setResult(null)} />;
    if (!deelnemer) return <ParticipantPicker participants={people.data.items} />;
    const participant = people.data.items.find((p) => p.id === deelnemer);
    if (!participant) {
      return (
        <Alert color="blue">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('observations.newPage.notRateable')}</Text>
            <Anchor component={Link} to="/observaties/nieuw" size="sm">
              {t('observations.newPage.otherParticipant')}
            </Anchor>
          </Stack>
        </Alert>
      );
    }
    return (
      <Chosen participant={participant}>
        <ObservationForm
          key={`${participant.id}:${reloads}`}
          userId={me.id}
          participant={participant}
          version={version.data}
          outbox={outbox}
          onDone={(done) => {
            setResult(done);
            void navigate({ to: '/observaties/nieuw', search: {} });
          }}
        />
      </Chosen>
    );
  };

  // A form as wide as a big screen is hard to read: it keeps a phone-like width.
  return (
    <Stack gap="md" maw={760}>
      <PageTitle>{t('observations.newPage.title')}</PageTitle>
      <OutboxList outbox={outbox} onFix={fix} />
      {body()}
    </Stack>
  );
}

function Chosen({ participant, children }: { participant: RateableParticipant; children: ReactNode }) {
  const { t } = useTranslation();
  const name = `${participant.firstName} ${participant.lastName}`;
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs" align="flex-end">
        <div>
          <Title order={2} size="h3" className="break-anywhere">
            {t('observations.newPage.forName', { name })}
          </Title>
          {participant.team && <Text size="sm">{participant.team.name}</Text>}
        </div>
        <Anchor component={Link} to="/observaties/nieuw" size="sm">
          {t('observations.newPage.otherParticipant')}
        </Anchor>
      </Group>
      {children}
    </Stack>
  );
}

function Result({ result, onAnother }: { result: SaveResult; onAnother: () => void }) {
  const { t } = useTranslation();
  const { participant } = result;
  const name = `${participant.firstName} ${participant.lastName}`;
  const saved = result.kind === 'saved';
  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        <Alert color={saved ? 'groen' : 'yellow'} variant="light" role={saved ? 'status' : 'alert'}>
          <Text c="dark">
            {saved
              ? t('observations.newPage.saved', { name })
              : result.kind === 'offline'
                ? t('observations.newPage.offline')
                : t('observations.newPage.failed')}
          </Text>
        </Alert>
        <Group gap="sm">
          {saved && (
            <Button
              variant="default"
              renderRoot={(props) => <Link to="/deelnemers/$id" params={{ id: participant.id }} {...props} />}
            >
              {t('observations.newPage.toDossier', { name })}
            </Button>
          )}
          <Button onClick={onAnother}>{t('observations.newPage.another')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}
