import { NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { participantUpdateBody } from '#shared/participants';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { api, type ParticipantDossier } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useListChoices } from '../lists/queries';
import { sitesQuery } from '../sites/queries';
import { PersonFields, programmeOptions, ReferrerFields } from './PersonFields';
import { participantQuery } from './queries';

type Confidential = NonNullable<ParticipantDossier['confidential']>;

/** Edits the basic data (PATCH). Only what changed is sent, so the audit log names only those fields. */
export function BasicsModal({
  dossier,
  confidential,
  onClose,
}: {
  dossier: ParticipantDossier;
  confidential: Confidential;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sites = useQuery(sitesQuery(false));
  const programmes = useListChoices('programme_type');

  const initial = {
    firstName: dossier.firstName,
    lastName: dossier.lastName,
    dateOfBirth: confidential.dateOfBirth,
    email: confidential.email ?? '',
    phone: confidential.phone ?? '',
    address: confidential.address ?? '',
    siteId: dossier.site.id,
    programmeType: dossier.programmeType,
    referrerId: confidential.referrer?.id ?? '',
    referrerContact: confidential.referrerContact ?? '',
  };
  const form = useSchemaForm({
    schema: participantUpdateBody,
    initialValues: initial,
    toBody: (values) => {
      const body: Record<string, string | null> = {};
      for (const key of Object.keys(initial) as (keyof typeof initial)[]) {
        if (values[key] === initial[key]) continue;
        // An emptied optional field is cleared (null); required ones stay "" so validation names them.
        const clearable = ['email', 'phone', 'address', 'referrerId', 'referrerContact'].includes(key);
        body[key] = clearable && !values[key].trim() ? null : values[key];
      }
      return body;
    },
  });
  const { onSubmit, error, pending } = useSubmit(
    form,
    (body) => api.participants.update(dossier.id, body),
    async (saved) => {
      queryClient.setQueryData(participantQuery(dossier.id).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: ['participants', 'list'] });
      notify(t('common.saved'));
      onClose();
    },
  );
  const field = (name: string) => form.getInputProps(name);
  const siteOptions = (sites.data?.items ?? []).map((site) => ({ value: site.id, label: site.name }));
  if (!siteOptions.some((o) => o.value === dossier.site.id))
    siteOptions.push({ value: dossier.site.id, label: dossier.site.name });

  return (
    <Dialog onClose={onClose} title={t('participants.basics.title')} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <PersonFields field={field} autoFocus />
          {dossier.team ? (
            // The site follows the team; moving to a team elsewhere is a step on the path.
            <Text size="sm">{t('participants.basics.siteFollowsTeam', { site: dossier.site.name })}</Text>
          ) : (
            <NativeSelect label={t('participants.fields.site')} required data={siteOptions} {...field('siteId')} />
          )}
          <NativeSelect
            label={t('participants.fields.programmeType')}
            required
            data={programmeOptions(programmes.active, programmes.label, dossier.programmeType)}
            {...field('programmeType')}
          />
          <ReferrerFields field={field} current={confidential.referrer} />
          <FormActions error={error} pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
