import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition, InstrumentResult } from '#shared/instruments';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { formatDate } from '../participants/dates';
import { Attachments } from './Attachments';
import { definitionsQuery, refreshInstruments, resultsQuery } from './queries';
import { ResultDialog } from './ResultDialog';
import { ResultValues } from './ResultValues';
import './messages';

type Open = { kind: 'new' } | { kind: 'edit'; result: InstrumentResult } | { kind: 'remove'; result: InstrumentResult };

/** Newest first; on the same day, the one recorded last first. */
const newestFirst = (a: InstrumentResult, b: InstrumentResult) =>
  b.takenOn.localeCompare(a.takenOn) || b.createdAt.localeCompare(a.createdAt);

/** The participant's instrument results (ASI, BPS, tests): part of the sensitive compartment page. */
export function InstrumentsPanel({ participantId, canWrite }: { participantId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const results = useQuery(resultsQuery(participantId));
  const definitions = useQuery(definitionsQuery);
  const [open, setOpen] = useState<Open | null>(null);
  const items = [...(results.data?.items ?? [])].sort(newestFirst);

  return (
    <Stack gap="sm" component="section" aria-labelledby="instruments-title">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h3" id="instruments-title">
          {t('instruments.results.title')}
        </Title>
        {canWrite && (
          <Button onClick={() => setOpen({ kind: 'new' })} disabled={!definitions.data}>
            {t('instruments.results.new')}
          </Button>
        )}
      </Group>
      {results.isPending && <Loading />}
      {results.isError && <QueryError error={results.error} onRetry={() => void results.refetch()} />}
      {results.data && items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('instruments.results.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((result) => (
            <ResultCard
              key={result.id}
              participantId={participantId}
              result={result}
              definition={definitions.data?.items.find((d) => d.id === result.definitionId)}
              canWrite={canWrite}
              onEdit={() => setOpen({ kind: 'edit', result })}
              onRemove={() => setOpen({ kind: 'remove', result })}
            />
          ))}
        </Stack>
      )}
      {definitions.data && (open?.kind === 'new' || open?.kind === 'edit') && (
        <ResultDialog
          participantId={participantId}
          definitions={definitions.data.items}
          existing={open.kind === 'edit' ? open.result : undefined}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'remove' && (
        <RemoveDialog participantId={participantId} result={open.result} onClose={() => setOpen(null)} />
      )}
    </Stack>
  );
}

function ResultCard({
  participantId,
  result,
  definition,
  canWrite,
  onEdit,
  onRemove,
}: {
  participantId: string;
  result: InstrumentResult;
  definition: InstrumentDefinition | undefined;
  canWrite: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const detailsId = `result-${result.id}`;
  const date = formatDate(result.takenOn);
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0}>
            <Title order={3} size="h5" className="break-anywhere">
              {result.definitionName}
            </Title>
            <Text size="sm">
              {result.assessorName ? t('instruments.results.takenBy', { date, name: result.assessorName }) : date}
              {result.attachments.length > 0 &&
                ` · ${t('instruments.results.files', { count: result.attachments.length })}`}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              aria-expanded={expanded}
              aria-controls={detailsId}
              aria-label={t(expanded ? 'instruments.results.hideNamed' : 'instruments.results.showNamed', {
                name: result.definitionName,
                date,
              })}
              onClick={() => setExpanded((e) => !e)}
            >
              {expanded ? t('instruments.results.hide') : t('instruments.results.show')}
            </Button>
            {canWrite && (
              <>
                <Button
                  size="xs"
                  variant="default"
                  aria-label={t('instruments.results.editNamed', { name: result.definitionName, date })}
                  onClick={onEdit}
                  disabled={!definition}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  color="red"
                  aria-label={t('instruments.results.removeNamed', { name: result.definitionName, date })}
                  onClick={onRemove}
                >
                  {t('instruments.results.remove')}
                </Button>
              </>
            )}
          </Group>
        </Group>
        {expanded && (
          <Stack id={detailsId} gap="sm">
            <ResultValues result={result} fields={definition?.fields ?? []} />
            <Attachments participantId={participantId} result={result} canWrite={canWrite} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function RemoveDialog({
  participantId,
  result,
  onClose,
}: {
  participantId: string;
  result: InstrumentResult;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.instruments.removeResult(participantId, result.id),
    onSuccess: async () => {
      await refreshInstruments(queryClient);
      notify(t('instruments.results.removed', { name: result.definitionName }));
      onClose();
    },
  });
  return (
    <Dialog onClose={onClose} title={t('instruments.results.removeTitle')}>
      <Stack gap="md">
        <Text>
          {t('instruments.results.removeText', {
            name: result.definitionName,
            date: formatDate(result.takenOn),
            count: result.attachments.length,
          })}
        </Text>
        <FormError message={remove.isError ? errorText(t, remove.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('instruments.results.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
