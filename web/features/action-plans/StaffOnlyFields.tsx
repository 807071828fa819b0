import { Switch, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

interface Values {
  staffOnly: boolean;
  staffOnlyReason: string;
}

/** The switch that hides an item from the participant, and the reason it then needs (asked right under it). */
export function StaffOnlyFields<V extends Values>({
  form,
  idPrefix,
}: {
  form: UseFormReturnType<V>;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const on = form.getValues().staffOnly;
  return (
    <>
      <Switch
        id={`${idPrefix}-staff-only`}
        label={t('actionPlans.pap.staffOnly')}
        {...form.getInputProps('staffOnly', { type: 'checkbox' })}
      />
      {on && (
        <TextInput
          id={`${idPrefix}-staff-only-reason`}
          label={t('actionPlans.pap.staffOnlyReason')}
          required
          maxLength={300}
          {...form.getInputProps('staffOnlyReason')}
        />
      )}
    </>
  );
}
