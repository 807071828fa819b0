import { Alert, Anchor, Button, FileInput, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImportReport, requiredImportColumns } from '#shared/participant-import';
import { Dialog } from '../../../components/Dialog';
import { FormError } from '../../../components/FormError';
import { PageTitle } from '../../../components/PageTitle';
import { ApiError, api, type ImportMode } from '../../../lib/api';
import { sitesQuery } from '../../sites/queries';
import { teamsQuery } from '../../teams/queries';
import { downloadText, exampleCsv } from './exampleCsv';
import { ImportPreview } from './ImportPreview';
import { columnLabel, fileErrorText } from './texts';

/** A large file takes a while: say what is happening, for screen readers too. */
function Busy({ text }: { text: string }) {
  return (
    <Group gap="sm" role="status">
      <Loader size="sm" />
      <Text>{text}</Text>
    </Group>
  );
}

/**
 * CSV import in two steps, with nothing stored until the second: choosing a file runs a preview (the server checks
 * every row); then everything is imported, which only works without errors, or only the good rows, after a question.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const blockedId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [changed, setChanged] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const sites = useQuery(sitesQuery(false));
  const teams = useQuery(teamsQuery(false));

  const check = useMutation({
    mutationFn: (chosen: File) => api.participantImport.run(chosen, 'preview'),
    onSuccess: setReport,
  });
  const run = useMutation({
    mutationFn: ({ chosen, mode }: { chosen: File; mode: Exclude<ImportMode, 'preview'> }) =>
      api.participantImport.run(chosen, mode),
    onSuccess: async (result) => {
      setConfirming(false);
      setImported(result.imported);
      await queryClient.invalidateQueries({ queryKey: ['participants'] });
    },
    onError: (error, { chosen }) => {
      setConfirming(false);
      // 422: the file or the organisation changed since the preview and some rows now fail. Show them.
      if (error instanceof ApiError && error.status === 422) {
        setChanged(true);
        check.mutate(chosen);
      }
    },
  });

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setReport(null);
    setImported(null);
    setChanged(false);
    check.reset();
    run.reset();
    if (chosen) check.mutate(chosen);
  };

  const downloadExample = () => {
    const site = sites.data?.items[0];
    const team = teams.data?.items.find((item) => item.siteId === site?.id);
    downloadText(
      exampleCsv({ site: site?.name ?? 'Gent', team: team?.name ?? null }),
      t('participantImport.exampleFileName'),
    );
  };

  const required = requiredImportColumns.map((c) => columnLabel(t, c)).join(', ');
  const runError = run.isError && !(run.error instanceof ApiError && run.error.status === 422);

  if (imported !== null) {
    return (
      <Stack gap="md">
        <PageTitle>{t('participantImport.title')}</PageTitle>
        <Alert color="groen" variant="light" role="status">
          {t('participantImport.done', { count: imported })}
        </Alert>
        <Group gap="sm">
          <Button renderRoot={(props) => <Link to="/deelnemers" {...props} />}>
            {t('participantImport.toCaseload')}
          </Button>
          <Button variant="default" onClick={() => choose(null)}>
            {t('participantImport.another')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={960}>
      <PageTitle>{t('participantImport.title')}</PageTitle>
      <Text>{t('participantImport.intro')}</Text>
      <Title order={2} size="h3">
        {t('participantImport.howTitle')}
      </Title>
      <List type="ordered" spacing="xs">
        <List.Item>{t('participantImport.stepSave')}</List.Item>
        <List.Item>{t('participantImport.stepColumns', { columns: required })}</List.Item>
        <List.Item>{t('participantImport.stepCheck')}</List.Item>
        <List.Item>{t('participantImport.stepImport')}</List.Item>
      </List>
      <Text size="sm">{t('participantImport.dates')}</Text>
      <Text size="sm">{t('participantImport.names')}</Text>
      <div>
        <Anchor component="button" type="button" onClick={downloadExample}>
          {t('participantImport.example')}
        </Anchor>
      </div>

      <FileInput
        label={t('participantImport.file')}
        description={t('participantImport.fileHint')}
        accept=".csv,text/csv"
        value={file}
        onChange={choose}
        clearable
        clearButtonProps={{ 'aria-label': t('participantImport.clearFile') }}
        maw={480}
      />

      {check.isPending && <Busy text={t('participantImport.checking')} />}
      <FormError message={check.isError ? fileErrorText(t, check.error) : null} />
      {changed && report && (
        <Alert color="orange" variant="light" role="alert">
          {t('participantImport.changed')}
        </Alert>
      )}

      {report && file && !check.isPending && (
        <>
          <ImportPreview report={report} />
          <FormError message={runError ? fileErrorText(t, run.error) : null} />
          {run.isPending && <Busy text={t('participantImport.importing')} />}
          <Group gap="sm">
            <Button
              disabled={report.invalidRows > 0 || report.validRows === 0}
              aria-describedby={report.invalidRows > 0 ? blockedId : undefined}
              loading={run.isPending && run.variables?.mode === 'all'}
              onClick={() => run.mutate({ chosen: file, mode: 'all' })}
            >
              {t('participantImport.importAll')}
            </Button>
            {report.invalidRows > 0 && report.validRows > 0 && (
              <Button variant="default" onClick={() => setConfirming(true)}>
                {t('participantImport.importValid', { count: report.validRows })}
              </Button>
            )}
          </Group>
          {report.invalidRows > 0 && (
            <Text id={blockedId} size="sm" c="dimmed">
              {t('participantImport.importAllBlocked')}
            </Text>
          )}
        </>
      )}

      {confirming && report && file && (
        <Dialog title={t('participantImport.confirmTitle')} onClose={() => setConfirming(false)}>
          <Stack gap="md">
            <Text>{t('participantImport.confirmText', { count: report.validRows })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button loading={run.isPending} onClick={() => run.mutate({ chosen: file, mode: 'valid_only' })}>
                {t('participantImport.confirm')}
              </Button>
            </Group>
          </Stack>
        </Dialog>
      )}
    </Stack>
  );
}
