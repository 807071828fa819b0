import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkDetail } from '#shared/competencies';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { ApiError, api } from '../../lib/api';
import { notify } from '../../lib/notify';
import { blankDraft, draftOf } from './draft';
import { FrameworkForm } from './FrameworkForm';
import { frameworkQuery, refreshCompetencies } from './queries';
import { VersionHistory } from './VersionHistory';

const route = getRouteApi('/app/competenties/$id');

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
  const [saved, setSaved] = useState<{ newVersion: boolean; number: number } | null>(null);
  // A save re-reads the framework; the form starts again from what is now stored.
  const [generation, setGeneration] = useState(0);
  const savedRef = useRef<HTMLDivElement>(null);
  // The form is rebuilt from what is stored, so the button pressed is gone: the message takes the focus once it
  // is on the page (after the commit, not in a frame that may come before it).
  useEffect(() => {
    if (generation > 0) savedRef.current?.focus();
  }, [generation]);

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
          color={saved.newVersion ? 'blue' : 'groen'}
          variant="light"
          role="status"
        >
          {saved.newVersion
            ? t('competencies.editor.savedNewVersion', { number: saved.number, previous: saved.number - 1 })
            : t('competencies.editor.savedInPlace')}
        </Alert>
      )}
      <FrameworkForm
        key={`${framework.current.id}:${generation}`}
        initial={draftOf(framework.name, framework.description, framework.current)}
        readOnly={framework.archived}
        submitLabel={t('common.save')}
        save={async (body) => {
          const result = await api.competencies.saveFramework(framework.id, body);
          queryClient.setQueryData(frameworkQuery(framework.id).queryKey, result.framework);
          await refreshCompetencies(queryClient);
          setSaved({ newVersion: result.newVersion, number: result.framework.currentVersion });
          setGeneration((g) => g + 1);
        }}
      />
      <VersionHistory framework={framework} />
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
