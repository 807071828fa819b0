import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BusyButton } from './BusyButton';
import { FormError } from './FormError';

interface Props {
  /** A failure that belongs to no single field, shown above the buttons. */
  error: string | null;
  pending: boolean;
  onCancel: () => void;
  /** Default: "Opslaan". */
  submitLabel?: string;
  submitColor?: string;
  submitDisabled?: boolean;
}

/** The foot of every dialog form: the form-wide error, then Cancel and the submit button. */
export function FormActions({ error, pending, onCancel, submitLabel, submitColor, submitDisabled }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <FormError message={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        {/* Stays focusable while saving: a keyboard user keeps their place when the answer is an error. */}
        <BusyButton type="submit" busy={pending} color={submitColor} disabled={submitDisabled}>
          {submitLabel ?? t('common.save')}
        </BusyButton>
      </Group>
    </>
  );
}
