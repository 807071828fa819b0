import { Alert, FileInput, List, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { ApiError, api } from '../../lib/api';
import { errorText, fieldErrorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { frameworkNameInFile } from './importName';
import { type ImportProblem, importProblems } from './importProblems';
import { refreshCompetencies } from './queries';

/** A .json file is the JSON exchange; anything else is read as the CSV. */
const typeOf = (file: File) =>
  file.name.toLowerCase().endsWith('.json') || file.type === 'application/json' ? 'application/json' : 'text/csv';

/** The name in the file, or '' when the browser cannot read it (the server then uses the file's name). */
async function nameIn(file: File) {
  try {
    return frameworkNameInFile(await file.text(), typeOf(file) === 'application/json');
  } catch {
    return '';
  }
}

/** Largest name the server takes (shared/competency-admin.ts#frameworkImportQuery). */
const NAME_MAX = 120;

/** Imports a framework another organisation exported (JSON or CSV): a new framework with its job profiles. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const nameRef = useRef<HTMLInputElement>(null);
  // The file whose name may still fill the field: reading a file takes a moment, and another may be chosen meanwhile.
  const chosen = useRef<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setProblems([]);
    setNameError(undefined);
    if (!file) {
      setFileError(t('competencies.import.chooseFile'));
      return;
    }
    setPending(true);
    try {
      const framework = await api.competencies.importFile(file, typeOf(file), name.trim() || undefined);
      await refreshCompetencies(queryClient);
      notify(t('competencies.import.done', { name: framework.name }));
      onClose();
      await navigate({ to: '/competenties/$id', params: { id: framework.id } });
    } catch (err) {
      // A name in use (or a refused name) is for the name field alone: one sentence there, not a second one above
      // the buttons, and the field has the focus so the new name can be typed at once.
      const { name: nameCode, ...fileFields } = err instanceof ApiError ? err.fields : {};
      if (nameCode) {
        setNameError(nameCode === 'already_in_use' ? t('competencies.import.nameInUse') : fieldErrorText(t, nameCode));
        requestAnimationFrame(() => nameRef.current?.focus());
      } else {
        setError(errorText(t, err));
      }
      setProblems(importProblems(t, fileFields));
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
              setNameError(undefined);
              chosen.current = value;
              setName('');
              if (value) void nameIn(value).then((found) => chosen.current === value && setName(found));
            }}
          />
          <TextInput
            ref={nameRef}
            label={t('competencies.import.name')}
            description={t('competencies.import.nameHint')}
            maxLength={NAME_MAX}
            value={name}
            error={nameError}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setNameError(undefined);
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
