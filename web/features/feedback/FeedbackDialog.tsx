import { Checkbox, MultiSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FeedbackConversation, feedbackCreateBody } from '#shared/feedback';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { ApiError, api, type ParticipantDossier } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { useSessionUser } from '../auth/useSessionUser';
import { formatDate, today } from '../participants/dates';
import { coachOptionsQuery } from '../participants/queries';
import { teamsQuery } from '../teams/queries';
import { feedbackFieldText, feedbackIssues } from './fieldErrors';
import { refreshFeedback } from './queries';

interface Props {
  dossier: ParticipantDossier;
  /** The conversation to change; without it a new one is recorded. */
  conversation?: FeedbackConversation;
  onClose: () => void;
}

interface Values {
  heldOn: string;
  staffIds: string[];
  participantPresent: boolean;
  otherAttendees: string;
  reviewedObservationIds: string[];
  wentWell: string;
  toWorkOn: string;
  agreements: string;
}

/** The fields a server refusal can name that this form shows; anything else becomes one message above the buttons. */
const formFields = ['heldOn', 'staffIds', 'reviewedObservationIds', 'wentWell', 'toWorkOn', 'agreements'] as const;

const RECENT_OBSERVATIONS = 10;

/** "Gesprek vastleggen": when, who was there, which scores were discussed, and what was said. */
export function FeedbackDialog({ dossier, conversation, onClose }: Props) {
  const { t } = useTranslation();
  const me = useSessionUser();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const recorderId = conversation?.recordedBy?.id ?? me.id;

  const form = useForm<Values>({
    initialValues: {
      heldOn: conversation?.heldOn ?? today(),
      staffIds: conversation ? conversation.staff.map((s) => s.id).filter((id) => id !== recorderId) : [],
      participantPresent: conversation?.participantPresent ?? true,
      otherAttendees: conversation?.otherAttendees ?? '',
      reviewedObservationIds: conversation?.reviewedObservations.map((o) => o.id) ?? [],
      wentWell: conversation?.wentWell ?? '',
      toWorkOn: conversation?.toWorkOn ?? '',
      agreements: conversation?.agreements ?? '',
    },
    validate: (values) => feedbackIssues(t, feedbackCreateBody, values),
  });

  const save = useMutation({
    mutationFn: (values: Values) =>
      conversation ? api.feedback.update(conversation.id, values) : api.feedback.record(dossier.id, values),
    onSuccess: async () => {
      await refreshFeedback(queryClient);
      notify(t('feedback.dialog.saved'));
      onClose();
    },
    onError: (error) => {
      const fields = error instanceof ApiError ? error.fields : {};
      const onForm = Object.entries(fields).filter(([field]) => (formFields as readonly string[]).includes(field));
      form.setErrors(Object.fromEntries(onForm.map(([field, code]) => [field, feedbackFieldText(t, code)])));
      const other = Object.entries(fields).find(([field]) => !(formFields as readonly string[]).includes(field));
      setFormError(other ? feedbackFieldText(t, other[1]) : onForm.length ? null : errorText(t, error));
    },
  });

  const staffOptions = useStaffOptions(recorderId, conversation);
  const observations = useQuery({
    queryKey: ['observations', 'participant', dossier.id, 'recent', RECENT_OBSERVATIONS],
    queryFn: () => api.observations.ofParticipant(dossier.id, { limit: RECENT_OBSERVATIONS }),
    retry: false,
  });
  const observationOptions = [
    ...(observations.data?.items ?? []).map((o) => ({ id: o.id, observedOn: o.observedOn, raterKind: o.raterKind })),
    // Reviewed before and no longer among the latest: still shown, so saving keeps them.
    ...(conversation?.reviewedObservations ?? []).filter((o) => !observations.data?.items.some((i) => i.id === o.id)),
  ];

  const onSubmit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(values);
  });

  return (
    <Dialog
      onClose={onClose}
      title={t(conversation ? 'feedback.dialog.titleEdit' : 'feedback.dialog.titleNew')}
      size="lg"
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            type="date"
            label={t('feedback.dialog.heldOn')}
            description={t('feedback.dialog.heldOnHint')}
            required
            data-autofocus
            max={today()}
            {...form.getInputProps('heldOn')}
          />
          <MultiSelect
            label={t('feedback.dialog.staff')}
            description={t('feedback.dialog.staffHint')}
            placeholder={t('feedback.dialog.staffPlaceholder')}
            data={staffOptions}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('staffIds')}
          />
          <Checkbox
            label={t('feedback.dialog.participantPresent')}
            {...form.getInputProps('participantPresent', { type: 'checkbox' })}
          />
          <TextInput
            label={t('feedback.dialog.otherAttendees')}
            description={t('feedback.dialog.otherAttendeesHint')}
            maxLength={300}
            {...form.getInputProps('otherAttendees')}
          />
          <Checkbox.Group
            label={t('feedback.dialog.reviewed')}
            description={t('feedback.dialog.reviewedHint')}
            {...form.getInputProps('reviewedObservationIds')}
          >
            <Stack gap="xs" mt="xs">
              {observations.isError && observationOptions.length === 0 && (
                <Text size="sm">{t('feedback.dialog.reviewedFailed')}</Text>
              )}
              {observations.isSuccess && observationOptions.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('feedback.dialog.reviewedNone')}
                </Text>
              )}
              {observationOptions.map((o) => (
                <Checkbox
                  key={o.id}
                  value={o.id}
                  label={t('feedback.section.reviewedItem', {
                    date: formatDate(o.observedOn),
                    rater: t(`feedback.raters.${o.raterKind}`),
                  })}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Text size="sm">{t('feedback.dialog.contentHint')}</Text>
          <Textarea
            label={t('feedback.dialog.wentWell')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={4000}
            {...form.getInputProps('wentWell')}
          />
          <Textarea
            label={t('feedback.dialog.toWorkOn')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={4000}
            {...form.getInputProps('toWorkOn')}
          />
          <Textarea
            label={t('feedback.dialog.agreements')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={4000}
            {...form.getInputProps('agreements')}
          />
          <FormActions
            error={formError}
            pending={save.isPending}
            onCancel={onClose}
            submitLabel={t('feedback.dialog.submit')}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

/**
 * Colleagues who may have taken part: the active coaches and the supervisors of the teams, each once, without the
 * recorder (always included). Staff already on the conversation stay choosable, even if no longer listed.
 */
function useStaffOptions(recorderId: string, conversation?: FeedbackConversation) {
  const coaches = useQuery(coachOptionsQuery);
  const teams = useQuery(teamsQuery(false));
  const byId = new Map<string, string>();
  for (const c of coaches.data?.items ?? []) byId.set(c.id, c.name);
  for (const team of teams.data?.items ?? []) for (const s of team.supervisors) byId.set(s.id, s.name);
  for (const s of conversation?.staff ?? []) byId.set(s.id, s.name);
  byId.delete(recorderId);
  return [...byId].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}
