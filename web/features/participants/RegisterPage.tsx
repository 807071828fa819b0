import { Anchor, Button, Checkbox, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { participantCreateBody } from '#shared/participants';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { api } from '../../lib/api';
import { useSchemaForm, useSubmit } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useSessionUser } from '../auth/useSessionUser';
import { useListChoices } from '../lists/queries';
import { sitesQuery } from '../sites/queries';
import { teamsQuery } from '../teams/queries';
import { today } from './dates';
import { optional, PersonFields, programmeOptions, ReferrerFields } from './PersonFields';
import { coachOptionsQuery, participantQuery } from './queries';

export function RegisterPage() {
  const { t } = useTranslation();
  const me = useSessionUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sites = useQuery(sitesQuery(false));
  const teams = useQuery(teamsQuery(false));
  const coaches = useQuery(coachOptionsQuery);
  const programmes = useListChoices('programme_type');
  const onlySite = sites.data?.items.length === 1 ? sites.data.items[0]?.id : undefined;

  const form = useSchemaForm({
    schema: participantCreateBody,
    initialValues: {
      firstName: '',
      lastName: '',
      dateOfBirth: '',
      email: '',
      phone: '',
      address: '',
      intakeDate: today(),
      startDate: '',
      siteId: '',
      teamId: '',
      programmeType: '',
      referrerId: '',
      referrerContact: '',
      coachIds: [] as string[],
    },
    toBody: (v) => ({
      firstName: v.firstName,
      lastName: v.lastName,
      dateOfBirth: v.dateOfBirth,
      email: optional(v.email),
      phone: optional(v.phone),
      address: optional(v.address),
      intakeDate: optional(v.intakeDate),
      startDate: optional(v.startDate),
      siteId: v.siteId,
      teamId: optional(v.teamId),
      programmeType: v.programmeType,
      referrerId: optional(v.referrerId),
      referrerContact: optional(v.referrerContact),
      coachIds: v.coachIds.length ? v.coachIds : undefined,
    }),
  });
  const { onSubmit, error, pending } = useSubmit(form, api.participants.register, async (dossier) => {
    queryClient.setQueryData(participantQuery(dossier.id).queryKey, dossier);
    await queryClient.invalidateQueries({ queryKey: ['participants', 'list'] });
    notify(t('participants.register.done', { name: `${dossier.firstName} ${dossier.lastName}` }));
    await navigate({ to: '/deelnemers/$id', params: { id: dossier.id } });
  });

  // With one site there is nothing to choose.
  useEffect(() => {
    if (onlySite && !form.getValues().siteId) form.setFieldValue('siteId', onlySite);
  }, [onlySite, form]);

  const siteId = form.getValues().siteId;
  const teamOptions = (teams.data?.items ?? []).filter((team) => team.siteId === siteId);
  // A coach who registers is a coach of the participant anyway.
  const otherCoaches = (coaches.data?.items ?? []).filter((coach) => coach.id !== me.id);
  const field = (name: string) => form.getInputProps(name);

  return (
    <Stack gap="md" maw={720}>
      <PageTitle>{t('participants.register.title')}</PageTitle>
      <Text>{t('participants.register.intro')}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          <Fieldset legend={t('participants.register.person')}>
            <PersonFields field={field} autoFocus />
          </Fieldset>
          <Fieldset legend={t('participants.register.path')}>
            <Stack gap="md">
              <TextInput
                type="date"
                label={t('participants.fields.intakeDate')}
                description={t('participants.fields.intakeDateHint')}
                required
                max={today()}
                {...field('intakeDate')}
              />
              <TextInput
                type="date"
                label={t('participants.fields.startDateOptional')}
                description={t('participants.fields.startDateHint')}
                max={today()}
                {...field('startDate')}
              />
              <NativeSelect
                label={t('participants.fields.site')}
                required
                data={[
                  { value: '', label: t('participants.fields.chooseSite') },
                  ...(sites.data?.items ?? []).map((site) => ({ value: site.id, label: site.name })),
                ]}
                {...field('siteId')}
                onChange={(event) => {
                  form.setFieldValue('siteId', event.currentTarget.value);
                  // A team belongs to one site: a team of the previous site no longer fits.
                  form.setFieldValue('teamId', '');
                }}
              />
              <NativeSelect
                label={t('participants.fields.teamOptional')}
                description={siteId ? undefined : t('participants.fields.teamAfterSite')}
                data={[
                  { value: '', label: t('participants.noTeam') },
                  ...teamOptions.map((team) => ({ value: team.id, label: team.name })),
                ]}
                {...field('teamId')}
              />
              <NativeSelect
                label={t('participants.fields.programmeType')}
                required
                data={[
                  { value: '', label: t('participants.fields.chooseProgramme') },
                  ...programmeOptions(programmes.active, programmes.label),
                ]}
                {...field('programmeType')}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('participants.register.referrer')}>
            <ReferrerFields field={field} />
          </Fieldset>
          <Fieldset legend={t('participants.fields.coaches')}>
            <Stack gap="xs">
              {me.role === 'coach' && <Text size="sm">{t('participants.register.youAreCoach')}</Text>}
              {otherCoaches.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('participants.coaches.noOthers')}
                </Text>
              ) : (
                <Checkbox.Group
                  label={t('participants.register.moreCoaches')}
                  description={t('participants.register.moreCoachesHint')}
                  {...field('coachIds')}
                >
                  <Stack gap="xs" mt="xs">
                    {otherCoaches.map((coach) => (
                      <Checkbox key={coach.id} value={coach.id} label={coach.name} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            </Stack>
          </Fieldset>
          <FormError message={error} />
          <Group justify="flex-end">
            <Anchor component={Link} to="/deelnemers">
              {t('common.cancel')}
            </Anchor>
            <Button type="submit" loading={pending}>
              {t('participants.register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
