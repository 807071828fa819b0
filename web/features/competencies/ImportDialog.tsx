import { Alert, FileInput, List, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { ApiError, api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { type ImportProblem, importProblems } from './importProblems';
import { refreshCompetencies } from './queries';

/** A .json file is the JSON exchange; anything else is read as the CSV. */
const typeOf = (file: File) =>
  file.name.toLowerCase().endsWith('.json') || file.type === 'application/json' ? 'application/json' : 'text/csv';

/** Imports a framework another organisation exported (JSON or CSV): a new framework with its job profiles. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setProblems([]);
    if (!file) {
      setFileError(t('competencies.import.chooseFile'));
      return;
    }
    setPending(true);
    try {
      const framework = await api.competencies.importFile(file, typeOf(file));
      await refreshCompetencies(queryClient);
      notify(t('competencies.import.done', { name: framework.name }));
      onClose();
      await navigate({ to: '/competenties/$id', params: { id: framework.id } });
    } catch (err) {
      setError(errorText(t, err));
      if (err instanceof ApiError) setProblems(importProblems(t, err.fields));
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog title={t('competencies.import.title')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('competencies.import.intro')}</Text>
          <FileInput
            label={t('competencies.import.file')}
            description={t('competencies.import.fileHint')}
            accept=".json,.csv,application/json,text/csv"
            clearable
            value={file}
            error={fileError}
            onChange={(value) => {
              setFile(value);
              setFileError(undefined);
            }}
          />
          {problems.length > 0 && (
            <Alert color="red" variant="light" title={t('competencies.import.problemsTitle')}>
              <List size="sm" spacing={4}>
                {problems.map((p) => (
                  <List.Item key={`${p.where}:${p.what}`} className="break-anywhere">
                    <strong>{p.where}</strong>: {p.what}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <FormActions
            error={error}
            pending={pending}
            onCancel={onClose}
            submitLabel={t('competencies.import.submit')}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
