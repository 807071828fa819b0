import { NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PapAction, papActionOwners, papActionStatuses } from '#shared/action-plans';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { api } from '../../lib/api';
import { notify } from '../../lib/notify';
import { storePlan } from './queries';
import {
  type ActionValues,
  actionCreateBody,
  actionIssues,
  actionUpdateBody,
  actionValues,
  newActionValues,
  splitError,
} from './rules';
import { StaffOnlyFields } from './StaffOnlyFields';

interface Props {
  participantId: string;
  domainCode: string;
  label: string;
  /** null: a new action in this domain. */
  action: PapAction | null;
  onClose: () => void;
}

/** Adding or changing one action of the PAP. */
export function ActionDialog({ participantId, domainCode, label, action, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useForm<ActionValues>({
    initialValues: action ? actionValues(action) : newActionValues(),
    validate: (values) => actionIssues(t, values),
  });
  const focusInvalid = () =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>('#pap-action [aria-invalid="true"]')?.focus());

  const onSubmit = form.onSubmit(async (values) => {
    setError(null);
    setPending(true);
    try {
      const plan = action
        ? await api.actionPlans.updateAction(participantId, action.id, actionUpdateBody(values))
        : await api.actionPlans.addAction(participantId, actionCreateBody(domainCode, values));
      notify(t(action ? 'actionPlans.action.saved' : 'actionPlans.action.added'));
      await storePlan(queryClient, plan);
      onClose();
    } catch (err) {
      const { fields, message } = splitError(t, err, (path) => path in values);
      form.setErrors(fields);
      if (Object.keys(fields).length) focusInvalid();
      setError(message);
    } finally {
      setPending(false);
    }
  }, focusInvalid);

  const owner = form.getValues().owner;
  return (
    <Dialog
      title={action ? t('actionPlans.action.titleEdit') : t('actionPlans.action.titleNew', { name: label })}
      onClose={onClose}
    >
      <form id="pap-action" onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Textarea
            label={t('actionPlans.action.what')}
            required
            autosize
            minRows={2}
            maxRows={6}
            maxLength={300}
            data-autofocus
            {...form.getInputProps('what')}
          />
          <NativeSelect
            label={t('actionPlans.action.owner')}
            data={papActionOwners.map((o) => ({ value: o, label: t(`actionPlans.owner.${o}`) }))}
            {...form.getInputProps('owner')}
          />
          {owner === 'other' && (
            <TextInput label={t('actionPlans.action.ownerName')} maxLength={120} {...form.getInputProps('ownerName')} />
          )}
          <TextInput type="date" label={t('actionPlans.action.dueDate')} required {...form.getInputProps('dueDate')} />
          {action && (
            <NativeSelect
              label={t('actionPlans.action.status')}
              data={papActionStatuses.map((s) => ({ value: s, label: t(`actionPlans.actionStatus.${s}`) }))}
              {...form.getInputProps('status')}
            />
          )}
          <StaffOnlyFields form={form} idPrefix="pap-action" />
          <FormActions error={error} pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
