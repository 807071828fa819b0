import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkDetail, FrameworkInput, FrameworkSaveOutcome } from '#shared/competencies';
import { Dialog } from '../../components/Dialog';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { ApiError, api } from '../../lib/api';
import { notify } from '../../lib/notify';
import { blankDraft, draftOf, versionCreatedBy } from './draft';
import { FrameworkForm } from './FrameworkForm';
import { frameworkQuery, refreshCompetencies } from './queries';
import { VersionHistory } from './VersionHistory';

const route = getRouteApi('/app/competenties/$id');

const savedColor: Record<FrameworkSaveOutcome, string> = {
  version_created: 'blue',
  updated: 'groen',
  unchanged: 'gray',
};

export function FrameworkEditorPage() {
  const { id } = route.useParams();
  const { t } = useTranslation();
  const query = useQuery(frameworkQuery(id));

  if (query.isPending) return <Loading />;
  if (query.isError) {
    const missing = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <Stack gap="md">
        <BackLink />
        <PageTitle>{t('competencies.editor.title')}</PageTitle>
        {missing ? (
          <Text>{t('competencies.editor.notFound')}</Text>
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Stack>
    );
  }
  return <Editor framework={query.data} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/competenties" size="sm">
      {t('competencies.editor.back')}
    </Anchor>
  );
}

function Editor({ framework }: { framework: FrameworkDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The message stays on the page after a save: a new version is something to read, not to miss.
  const [saved, setSaved] = useState<{ outcome: FrameworkSaveOutcome; number: number } | null>(null);
  // A save that makes a new version waits here for the admin's answer.
  const [asking, setAsking] = useState<{ next: number; answer: (ok: boolean) => void } | null>(null);
  // A save re-reads the framework; the form starts again from what is now stored.
  const [generation, setGeneration] = useState(0);
  const savedRef = useRef<HTMLDivElement>(null);
  // The form is rebuilt from what is stored, so the button pressed is gone: the message takes the focus once it
  // is on the page (after the commit, not in a frame that may come before it).
  useEffect(() => {
    if (generation > 0) savedRef.current?.focus();
  }, [generation]);

  // Old scores stay with the old version, and the forms show the new one from now on: worth a moment's thought.
  const confirm = (body: FrameworkInput) => {
    const next = versionCreatedBy(framework, body);
    if (next === null) return Promise.resolve(true);
    return new Promise<boolean>((resolve) =>
      setAsking({
        next,
        answer: (ok) => {
          setAsking(null);
          resolve(ok);
        },
      }),
    );
  };

  return (
    <Stack gap="md">
      <BackLink />
      <PageTitle>{framework.name}</PageTitle>
      <Group gap="xs">
        <Badge variant="light">{t('competencies.versions.numberN', { n: framework.currentVersion })}</Badge>
        {framework.isDefault && (
          <Badge color="groen" variant="filled">
            {t('competencies.list.defaultBadge')}
          </Badge>
        )}
        {framework.archived && (
          <Badge color="gray" variant="light">
            {t('common.archivedStatus')}
          </Badge>
        )}
      </Group>
      {saved && (
        <Alert
          id="framework-saved"
          ref={savedRef}
          tabIndex={-1}
          color={savedColor[saved.outcome]}
          variant="light"
          role="status"
        >
          {saved.outcome === 'version_created'
            ? t('competencies.editor.savedNewVersion', { number: saved.number, previous: saved.number - 1 })
            : saved.outcome === 'updated'
              ? t('competencies.editor.savedInPlace')
              : t('competencies.editor.savedUnchanged')}
        </Alert>
      )}
      <FrameworkForm
        key={`${framework.current.id}:${generation}`}
        initial={draftOf(framework.name, framework.description, framework.current)}
        readOnly={framework.archived}
        submitLabel={t('common.save')}
        confirm={confirm}
        save={async (body) => {
          const result = await api.competencies.saveFramework(framework.id, body);
          queryClient.setQueryData(frameworkQuery(framework.id).queryKey, result.framework);
          await refreshCompetencies(queryClient);
          setSaved({ outcome: result.outcome, number: result.framework.currentVersion });
          setGeneration((g) => g + 1);
        }}
      />
      <VersionHistory framework={framework} />
      {asking && (
        <Dialog title={t('competencies.editor.confirmNewVersionTitle')} onClose={() => asking.answer(false)}>
          <Stack gap="md">
            <Text>{t('competencies.editor.confirmNewVersion', { next: asking.next, current: asking.next - 1 })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => asking.answer(false)}>
                {t('common.cancel')}
              </Button>
              {/* The admin pressed Opslaan already: Enter confirms it, Escape or Annuleren goes back to the form. */}
              <Button data-autofocus onClick={() => asking.answer(true)}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </Dialog>
      )}
    </Stack>
  );
}

/** /competenties/nieuw: an empty framework; after saving, its editor opens. */
export function NewFrameworkPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [initial] = useState(blankDraft);
  return (
    <Stack gap="md">
      <BackLink />
      <PageTitle>{t('competencies.editor.newTitle')}</PageTitle>
      <FrameworkForm
        initial={initial}
        submitLabel={t('competencies.editor.create')}
        save={async (body) => {
          const framework = await api.competencies.createFramework(body);
          await refreshCompetencies(queryClient);
          notify(t('common.savedNamed', { name: framework.name }));
          await navigate({ to: '/competenties/$id', params: { id: framework.id } });
        }}
      />
    </Stack>
  );
}
