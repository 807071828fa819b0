import { Autocomplete, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { careerEventCreateBody } from '#shared/participants';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { ApiError, api, type ParticipantDossier } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useListChoices } from '../lists/queries';
import { teamsQuery } from '../teams/queries';
import { today } from './dates';
import { optional } from './PersonFields';
import { participantQuery } from './queries';
import { nextSteps } from './steps';

/** Roles on the career ladder (DESIGN.md §2), offered as suggestions; an organisation may use its own words. */
const ladderRoles = ['hulpmeestergast', 'meestergast', 'omkadering'];

/** The timeline's "cannot follow" gets a message about steps, not the general "you may not change this". */
async function addStep(id: string, body: Parameters<typeof api.participants.addCareerEvent>[1]) {
  try {
    return await api.participants.addCareerEvent(id, body);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const fields = Object.fromEntries(
      Object.entries(error.fields).map(([field, code]) => [field, code === 'not_allowed' ? 'step_not_allowed' : code]),
    );
    throw new ApiError(error.status, error.code, error.message, fields);
  }
}

export function CareerEventModal({ dossier, onClose }: { dossier: ParticipantDossier; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useQuery(teamsQuery(false));
  const destinations = useListChoices('exit_destination');
  const steps = nextSteps[dossier.status];

  const form = useSchemaForm({
    schema: careerEventCreateBody,
    initialValues: {
      kind: steps[0] ?? 'start',
      date: today(),
      teamId: '',
      toRole: '',
      exitDestination: '',
      note: '',
    },
    // Only the field that belongs to the chosen kind goes along.
    toBody: (v) => ({
      kind: v.kind,
      date: v.date,
      teamId: v.kind === 'team_change' ? v.teamId : undefined,
      toRole: v.kind === 'promotion' ? v.toRole : undefined,
      exitDestination: v.kind === 'exit' ? v.exitDestination : undefined,
      note: optional(v.note),
    }),
  });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => addStep(dossier.id, body),
    async (saved, body) => {
      queryClient.setQueryData(participantQuery(dossier.id).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: ['participants', 'list'] });
      notify(t('participants.step.added', { step: t(`participants.events.${body.kind}`) }));
      onClose();
    },
  );
  const kind = form.getValues().kind;
  const teamOptions = (teams.data?.items ?? [])
    .filter((team) => team.id !== dossier.team?.id)
    .map((team) => ({ value: team.id, label: `${team.name} (${team.siteName})` }));

  return (
    <Dialog onClose={onClose} title={t('participants.step.title')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <NativeSelect
            label={t('participants.step.kind')}
            description={t('participants.step.kindHint', { status: t(`participants.status.${dossier.status}`) })}
            required
            data-autofocus
            data={steps.map((step) => ({ value: step, label: t(`participants.events.${step}`) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput
            type="date"
            label={t('participants.step.date')}
            description={t('participants.step.dateHint')}
            required
            max={today()}
            {...form.getInputProps('date')}
          />
          {kind === 'team_change' && (
            <NativeSelect
              label={t('participants.step.newTeam')}
              required
              data={[{ value: '', label: t('participants.step.chooseTeam') }, ...teamOptions]}
              {...form.getInputProps('teamId')}
            />
          )}
          {kind === 'promotion' && (
            <Autocomplete
              label={t('participants.step.toRole')}
              description={t('participants.step.toRoleHint')}
              required
              data={ladderRoles}
              {...form.getInputProps('toRole')}
            />
          )}
          {kind === 'exit' && (
            <NativeSelect
              label={t('participants.step.destination')}
              required
              data={[
                { value: '', label: t('participants.step.chooseDestination') },
                ...destinations.active.map((item) => ({ value: item.code, label: destinations.label(item.code) })),
              ]}
              {...form.getInputProps('exitDestination')}
            />
          )}
          <Textarea
            label={t('participants.step.noteOptional')}
            description={t('participants.step.noteHint')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('note')}
          />
          {kind === 'exit' && <Text size="sm">{t('participants.step.exitInfo')}</Text>}
          <FormActions error={error} pending={pending} onCancel={onClose} submitLabel={t('participants.step.submit')} />
        </Stack>
      </form>
    </Dialog>
  );
}
