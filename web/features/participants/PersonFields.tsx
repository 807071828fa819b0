import { NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ListItem } from '#shared/lists';
import { today } from './dates';
import { referrersQuery } from './queries';

/** What the register form and the edit dialog have in common, all as the strings the inputs hold. */
export interface PersonValues {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email: string;
  phone: string;
  address: string;
}

export interface ReferrerValues {
  referrerId: string;
  referrerContact: string;
}

type Field<Values> = (name: keyof Values & string) => GetInputPropsReturnType;

export function PersonFields({ field, autoFocus }: { field: Field<PersonValues>; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('participants.fields.firstName')}
          required
          autoComplete="off"
          data-autofocus={autoFocus || undefined}
          {...field('firstName')}
        />
        <TextInput label={t('participants.fields.lastName')} required autoComplete="off" {...field('lastName')} />
      </SimpleGrid>
      <TextInput
        type="date"
        label={t('participants.fields.dateOfBirth')}
        required
        max={today()}
        min="1900-01-01"
        {...field('dateOfBirth')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput type="email" label={t('participants.fields.emailOptional')} autoComplete="off" {...field('email')} />
        <TextInput type="tel" label={t('participants.fields.phoneOptional')} autoComplete="off" {...field('phone')} />
      </SimpleGrid>
      <Textarea label={t('participants.fields.addressOptional')} autosize minRows={2} {...field('address')} />
    </Stack>
  );
}

export function ReferrerFields({
  field,
  current,
}: {
  field: Field<ReferrerValues>;
  current?: { id: string; name: string } | null;
}) {
  const { t } = useTranslation();
  const referrers = useQuery(referrersQuery);
  const options = (referrers.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }));
  // An archived referrer is no longer offered, but a dossier that names one keeps showing it.
  if (current && !options.some((o) => o.value === current.id)) options.push({ value: current.id, label: current.name });
  return (
    <Stack gap="md">
      <NativeSelect
        label={t('participants.fields.referrerOptional')}
        data={[{ value: '', label: t('participants.fields.noReferrer') }, ...options]}
        {...field('referrerId')}
      />
      <TextInput
        label={t('participants.fields.referrerContactOptional')}
        description={t('participants.fields.referrerContactHint')}
        autoComplete="off"
        {...field('referrerContact')}
      />
    </Stack>
  );
}

/** The programme types someone may pick, plus the dossier's own when it has been switched off since. */
export function programmeOptions(active: readonly ListItem[], label: (code: string) => string, current?: string) {
  const options = active.map((item) => ({ value: item.code, label: label(item.code) }));
  if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: label(current) });
  return options;
}

/** Empty inputs mean "not given": optional fields are left out rather than sent as "". */
export const optional = (value: string) => (value.trim() ? value : undefined);
