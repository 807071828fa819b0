import { Button, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, InstrumentResult } from '#shared/instruments';
import { FormError } from '../../components/FormError';
import { currentLanguage } from '../../i18n';
import { ApiError, api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { formatDate } from '../participants/dates';
import { downloadFile } from './download';
import { acceptedExtensions, checkFile, type FileProblem, formatSize, mediaTypeFor } from './files';
import { refreshInstruments } from './queries';
import './messages';

const locales = { nl: 'nl-BE', en: 'en-GB' } as const;

/** The server's refusals of a file, in plain words; anything else the general error sentence. */
function uploadErrorText(t: TFunction, error: unknown) {
  if (error instanceof ApiError && error.status === 413) return t('instruments.attachments.too_large');
  if (error instanceof ApiError && (error.status === 415 || error.code === 'unsupported_file'))
    return t('instruments.attachments.mismatch');
  return errorText(t, error);
}

/** The files of one result (a scanned form, a report): upload, download, delete. */
export function Attachments({
  participantId,
  result,
  canWrite,
}: {
  participantId: string;
  result: InstrumentResult;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  // Lets the same file be chosen again after a refusal (the input fires no change for an unchanged value).
  const resetRef = useRef<() => void>(null);

  const upload = useMutation({
    mutationFn: (file: File) => {
      const type = mediaTypeFor(file.name) ?? 'application/octet-stream';
      return api.instruments.upload(participantId, result.id, new Blob([file], { type }), file.name);
    },
    onSuccess: async (saved) => {
      await refreshInstruments(queryClient);
      notify(t('instruments.attachments.uploaded', { name: saved.fileName }));
    },
    onError: (error) => setProblem(uploadErrorText(t, error)),
  });
  const download = useMutation({
    mutationFn: (a: Attachment) =>
      downloadFile(api.instruments.attachmentUrl(participantId, result.id, a.id), a.fileName),
    onError: (error) => setProblem(errorText(t, error)),
  });
  const remove = useMutation({
    mutationFn: (a: Attachment) => api.instruments.removeAttachment(participantId, result.id, a.id),
    onSuccess: async (_, a) => {
      await refreshInstruments(queryClient);
      notify(t('instruments.attachments.removed', { name: a.fileName }));
    },
    onError: (error) => setProblem(errorText(t, error)),
  });

  const choose = (file: File | null) => {
    resetRef.current?.();
    if (!file) return;
    setProblem(null);
    const found: FileProblem | null = checkFile(file);
    if (found) {
      setProblem(t(`instruments.attachments.${found}`));
      return;
    }
    upload.mutate(file);
  };

  return (
    // Named after its result: with two results open, two regions called only "Files" could not be told apart.
    <Stack
      gap="xs"
      component="section"
      aria-label={t('instruments.attachments.titleNamed', {
        name: result.definitionName,
        date: formatDate(result.takenOn),
      })}
    >
      <Title order={4} size="h6">
        {t('instruments.attachments.title')}
      </Title>
      {result.attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('instruments.attachments.none')}
        </Text>
      ) : (
        <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
          {result.attachments.map((a) => (
            <Group component="li" key={a.id} gap="xs" justify="space-between" wrap="wrap">
              <Text size="sm" className="break-anywhere">
                {a.fileName}{' '}
                <Text span size="xs" c="dimmed">
                  ({formatSize(a.size, locales[currentLanguage()])})
                </Text>
              </Text>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  aria-label={t('instruments.attachments.downloadNamed', { name: a.fileName })}
                  loading={download.isPending && download.variables?.id === a.id}
                  onClick={() => download.mutate(a)}
                >
                  {t('instruments.attachments.download')}
                </Button>
                {canWrite && (
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    aria-label={t('instruments.attachments.removeNamed', { name: a.fileName })}
                    loading={remove.isPending && remove.variables?.id === a.id}
                    onClick={() => remove.mutate(a)}
                  >
                    {t('instruments.attachments.remove')}
                  </Button>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {canWrite && (
        <Group gap="xs" wrap="wrap">
          <FileButton onChange={choose} accept={acceptedExtensions} resetRef={resetRef}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="default"
                loading={upload.isPending}
                aria-label={t('instruments.attachments.uploadNamed', { name: result.definitionName })}
              >
                {t('instruments.attachments.upload')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('instruments.attachments.hint')}
          </Text>
        </Group>
      )}
      <FormError message={problem} />
    </Stack>
  );
}
