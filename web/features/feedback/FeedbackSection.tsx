import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cadence, FeedbackConversation } from '#shared/feedback';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { api, type ParticipantDossier, type SessionUser } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { useSessionUser } from '../auth/useSessionUser';
import { formatDate } from '../participants/dates';
import { Section } from '../participants/Section';
import { CadenceBadge } from './CadenceBadge';
import { ConversationCard } from './ConversationCard';
import { FeedbackDialog } from './FeedbackDialog';
import { participantFeedbackQuery, refreshFeedback } from './queries';

/**
 * What the buttons offer (server/policy: feedback.record, feedback.delete); the server decides every request again.
 * A supervisor who reads a dossier reaches it through its team, so they may record for it.
 */
export function mayRecordFeedback(me: SessionUser, dossier: ParticipantDossier) {
  return (
    !dossier.archived &&
    (me.role === 'admin' ||
      me.role === 'supervisor' ||
      (me.role === 'coach' && dossier.coaches.some((c) => c.id === me.id)))
  );
}

function permissions(me: SessionUser, dossier: ParticipantDossier) {
  const open = !dossier.archived;
  const record = mayRecordFeedback(me, dossier);
  return {
    record,
    edit: (c: FeedbackConversation) => record && (me.role === 'admin' || c.recordedBy?.id === me.id),
    remove: open && me.role === 'admin',
  };
}

type Open = { kind: 'new' } | { kind: 'edit' | 'remove'; conversation: FeedbackConversation } | null;

/** The dossier's "Feedbackgesprekken": when the next one is due, and every conversation, newest first. */
export function FeedbackSection({ dossier }: { dossier: ParticipantDossier }) {
  const { t } = useTranslation();
  const me = useSessionUser();
  const query = useQuery(participantFeedbackQuery(dossier.id));
  const [open, setOpen] = useState<Open>(null);
  const can = permissions(me, dossier);

  return (
    <Section
      title={t('feedback.section.title')}
      edit={can.record ? { label: t('feedback.section.record'), onClick: () => setOpen({ kind: 'new' }) } : undefined}
    >
      {query.isPending && <Loading />}
      {query.isError && (
        <Alert color="red" variant="light">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('feedback.section.loadFailed')}</Text>
            <Button size="xs" variant="default" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        </Alert>
      )}
      {query.data && (
        <>
          <NextConversation cadence={query.data.cadence} />
          {query.data.items.length === 0 ? (
            <Text c="dimmed">{t('feedback.section.empty')}</Text>
          ) : (
            <Stack
              component="ul"
              gap="sm"
              aria-label={t('feedback.section.listLabel')}
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {query.data.items.map((c) => (
                <ConversationCard
                  key={c.id}
                  conversation={c}
                  onEdit={can.edit(c) ? () => setOpen({ kind: 'edit', conversation: c }) : undefined}
                  onRemove={can.remove ? () => setOpen({ kind: 'remove', conversation: c }) : undefined}
                />
              ))}
            </Stack>
          )}
        </>
      )}
      {open?.kind === 'new' && <FeedbackDialog dossier={dossier} onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && (
        <FeedbackDialog dossier={dossier} conversation={open.conversation} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'remove' && <RemoveDialog conversation={open.conversation} onClose={() => setOpen(null)} />}
    </Section>
  );
}

function NextConversation({ cadence }: { cadence: Cadence }) {
  const { t } = useTranslation();
  if (!cadence.nextDueOn) {
    return (
      <Group gap="xs">
        <CadenceBadge state={cadence.state} />
        <Text size="sm">{t('feedback.section.noNext')}</Text>
      </Group>
    );
  }
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Text fw={700}>{t('feedback.section.next')}</Text>
        <Text>{t('feedback.section.nextOn', { date: formatDate(cadence.nextDueOn) })}</Text>
        <CadenceBadge state={cadence.state} />
      </Group>
      <Text size="sm" c="dimmed">
        {t('feedback.section.interval', { count: cadence.intervalDays })}
      </Text>
    </Stack>
  );
}

function RemoveDialog({ conversation, onClose }: { conversation: FeedbackConversation; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const date = formatDate(conversation.heldOn);
  const remove = useMutation({
    mutationFn: () => api.feedback.remove(conversation.id),
    onSuccess: async () => {
      await refreshFeedback(queryClient);
      notify(t('feedback.section.removed'));
      onClose();
    },
  });
  return (
    <Dialog onClose={onClose} title={t('feedback.section.removeTitle')}>
      <Stack gap="md">
        <Text>{t('feedback.section.removeText', { date })}</Text>
        <FormError message={remove.isError ? errorText(t, remove.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('feedback.section.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
