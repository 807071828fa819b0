import { Alert, Button, Card, Group, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { PapAction, PapDomain } from '#shared/action-plans';
import { FormError } from '../../components/FormError';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { notify } from '../../lib/notify';
import { ActionList } from './ActionList';
import { StatusPictogram } from './Pictograms';
import { actionPlanQuery, storePlan } from './queries';
import {
  type DomainValues,
  domainBody,
  domainChanged,
  domainIssues,
  domainValues,
  isConflict,
  splitError,
} from './rules';
import { StaffOnlyFields } from './StaffOnlyFields';
import { DomainStatusBadge, StaffOnlyBadge } from './StatusBadge';
import { statusOrder } from './words';

interface Props {
  participantId: string;
  domain: PapDomain;
  /** The domain in the reader's language (words.ts domainLabel). */
  label: string;
  actions: PapAction[];
  canWrite: boolean;
}

/**
 * One life domain of the PAP: its status, what hinders, the participant's own view, and its actions. It reads first
 * and opens its form on request: seven open forms made the page many screens long on a phone.
 */
export function DomainCard({ participantId, domain, label, actions, canWrite }: Props) {
  const { t } = useTranslation();
  // Outlives the form: after a 409 the form is rebuilt from the newer domain, and this says why.
  const [conflict, setConflict] = useState(false);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const titleId = `pap-domain-${domain.code}`;
  const close = () => {
    flushSync(() => setEditing(false));
    editButton.current?.focus();
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id={titleId} className="break-anywhere">
            {label}
          </Title>
          <Group gap="xs">
            {domain.staffOnly && <StaffOnlyBadge />}
            <DomainStatusBadge status={domain.status} />
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {domain.updatedAt
            ? t('actionPlans.pap.lastSaved', {
                date: formatDateTime(domain.updatedAt),
                name: domain.updatedByName ?? t('actionPlans.access.someone'),
              })
            : t('actionPlans.pap.never')}
        </Text>
        {conflict && (
          <Alert color="yellow" variant="light" role="alert">
            {t('actionPlans.pap.conflict')}
          </Alert>
        )}
        {editing ? (
          <DomainForm
            key={domain.revision}
            participantId={participantId}
            domain={domain}
            label={label}
            onConflict={() => setConflict(true)}
            onSaved={() => {
              setConflict(false);
              close();
            }}
            onCancel={() => {
              setConflict(false);
              close();
            }}
          />
        ) : (
          <>
            <DomainText domain={domain} />
            {canWrite && (
              <Group>
                <Button
                  ref={editButton}
                  variant="default"
                  size="sm"
                  aria-label={t('actionPlans.pap.editNamed', { name: label })}
                  onClick={() => {
                    flushSync(() => setEditing(true));
                    // The form opens where the button was: the chosen status takes the focus.
                    const form = document.getElementById(`pap-${domain.code}-form`);
                    (
                      form?.querySelector<HTMLElement>('input[type="radio"]:checked') ?? form?.querySelector('input')
                    )?.focus();
                  }}
                >
                  {t('actionPlans.pap.edit')}
                </Button>
              </Group>
            )}
          </>
        )}
        <ActionList
          participantId={participantId}
          domainCode={domain.code}
          label={label}
          actions={actions}
          canWrite={canWrite}
        />
      </Stack>
    </Card>
  );
}

function DomainText({ domain }: { domain: PapDomain }) {
  const { t } = useTranslation();
  const rows = [
    [t('actionPlans.pap.hinderingFactors'), domain.hinderingFactors],
    [t('actionPlans.pap.ownView'), domain.ownView],
    ...(domain.staffOnly ? [[t('actionPlans.pap.staffOnlyReason'), domain.staffOnlyReason]] : []),
  ].filter(([, value]) => value);
  // "Nog niets bewaard" above already says so.
  if (rows.length === 0) return null;
  return (
    <Stack component="dl" gap={4} m={0}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <Text component="dt" fw={700} size="sm">
            {term}
          </Text>
          <Text component="dd" m={0} className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
            {value}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

interface FormProps {
  participantId: string;
  domain: PapDomain;
  label: string;
  onConflict: () => void;
  onSaved: () => void;
  onCancel: () => void;
}

function DomainForm({ participantId, domain, label, onConflict, onSaved, onCancel }: FormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const idPrefix = `pap-${domain.code}`;
  const form = useForm<DomainValues>({
    initialValues: domainValues(domain),
    validate: (values) => domainIssues(t, values, domain.revision),
  });
  const focusInvalid = () =>
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`#${idPrefix}-form [aria-invalid="true"]`)?.focus(),
    );

  const onSubmit = form.onSubmit(async (values) => {
    setError(null);
    setPending(true);
    try {
      const plan = await api.actionPlans.saveDomain(participantId, domain.code, domainBody(values, domain.revision));
      notify(t('actionPlans.pap.saved', { name: label }));
      await storePlan(queryClient, plan);
      onSaved();
    } catch (err) {
      if (isConflict(err)) {
        onConflict();
        await queryClient.invalidateQueries({ queryKey: actionPlanQuery(participantId).queryKey });
        return;
      }
      const { fields, message } = splitError(t, err, (path) => path in values);
      flushSync(() => form.setErrors(fields));
      if (Object.keys(fields).length) focusInvalid();
      setError(message);
    } finally {
      setPending(false);
    }
  }, focusInvalid);

  const changed = domainChanged(domain, form.getValues());
  return (
    <form id={`${idPrefix}-form`} onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Radio.Group label={t('actionPlans.pap.status')} {...form.getInputProps('status')}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {statusOrder.map((status) => (
              <Radio
                key={status}
                value={status}
                label={
                  <Group gap={6} wrap="nowrap">
                    <StatusPictogram status={status} size={20} />
                    <span>{t(`actionPlans.status.${status}`)}</span>
                  </Group>
                }
              />
            ))}
          </SimpleGrid>
        </Radio.Group>
        <Textarea
          label={t('actionPlans.pap.hinderingFactors')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          {...form.getInputProps('hinderingFactors')}
        />
        <Textarea
          label={t('actionPlans.pap.ownView')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          {...form.getInputProps('ownView')}
        />
        <StaffOnlyFields form={form} idPrefix={idPrefix} />
        <FormError message={error} />
        <Group gap="sm">
          <Button type="submit" loading={pending} aria-label={t('actionPlans.pap.saveNamed', { name: label })}>
            {t('actionPlans.pap.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          {changed && (
            <Text size="sm" c="dimmed">
              {t('actionPlans.pap.unsaved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
